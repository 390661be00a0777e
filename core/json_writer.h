// Writes JSON text straight into a string, laid out as nlohmann::json's
// dump(indent) lays it out: for answers with tens of thousands of values,
// where building a json tree first cost more than the query. Strings are
// UTF-8; invalid bytes become U+FFFD (the tree's dump would throw). The
// caller nests calls correctly (no checking). Not thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pg {

class JsonWriter {
 public:
  // indent < 0: compact, no white space; else pretty with that many spaces.
  JsonWriter(std::string* out, int indent) : out_(out), indent_(indent) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  // Inside an object: the next value's key.
  void Key(std::string_view key);

  void String(std::string_view s);
  void Int(int64_t v);
  void Uint(uint64_t v);
  void Double(double v);  // shortest text that reads back the same; null if not finite
  void Bool(bool v);
  void Null();

 private:
  void Open(char bracket);
  void Close(char bracket);
  void BeforeValue();  // the comma and line break between values
  void NewLine();
  void Quoted(std::string_view s);  // a string's text, escaped

  std::string* out_;
  int indent_;
  struct Level {
    bool empty = true;
  };
  std::vector<Level> levels_;
  bool after_key_ = false;
};

}  // namespace pg
