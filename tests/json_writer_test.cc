#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/json_writer.h"

using pg::JsonWriter;

TEST_CASE("json writer: nesting, escapes, numbers, the layout of nlohmann's dump") {
  auto write = [](int indent) {
    std::string out;
    JsonWriter w(&out, indent);
    w.BeginObject();
    w.Key("text");
    w.String("quote \" backslash \\ tab \t line\n bell \x07 양자화");
    w.Key("empty");
    w.BeginArray();
    w.EndArray();
    w.Key("nested");
    w.BeginArray();
    w.Int(-3);
    w.Uint(18446744073709551615ull);
    w.Double(0.1);
    w.Double(2);
    w.Double(1e-7);
    w.Bool(true);
    w.Null();
    w.BeginObject();
    w.EndObject();
    w.BeginObject();
    w.Key("k");
    w.String("");
    w.EndObject();
    w.EndArray();
    w.EndObject();
    return out;
  };
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(write(-1));
  CHECK(j["text"] == "quote \" backslash \\ tab \t line\n bell \x07 양자화");
  CHECK(j["nested"][1] == 18446744073709551615ull);
  CHECK(j["nested"][2] == 0.1);
  CHECK(write(-1) == j.dump());
  CHECK(write(2) == j.dump(2));
  CHECK(write(1) == j.dump(1));
}

TEST_CASE("json writer: invalid UTF-8 becomes U+FFFD, valid text passes through") {
  std::string out;
  JsonWriter w(&out, -1);
  w.BeginArray();
  w.String("ok\xff\xc3(\xed\xa0\x80 é 😀");  // a stray byte, a cut sequence, a surrogate
  w.EndArray();
  nlohmann::json j = nlohmann::json::parse(out);
  CHECK(j[0] == "ok\xef\xbf\xbd\xef\xbf\xbd(\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd é 😀");
}
