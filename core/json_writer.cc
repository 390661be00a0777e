#include "core/json_writer.h"

#include <charconv>
#include <cmath>

namespace pg {
namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 when it is not one.
size_t Utf8Length(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80) return 0;
  uint32_t cp = n == 1 ? c : c & (0x7f >> n);
  for (size_t k = 1; k < n; ++k) cp = cp << 6 | (static_cast<unsigned char>(s[i + k]) & 0x3f);
  // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
  static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return 0;
  return n;
}

}  // namespace

void JsonWriter::NewLine() {
  if (indent_ < 0) return;
  out_->push_back('\n');
  out_->append(levels_.size() * static_cast<size_t>(indent_), ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (levels_.empty()) return;
  if (!levels_.back().empty) out_->push_back(',');
  levels_.back().empty = false;
  NewLine();
}

void JsonWriter::Key(std::string_view key) {
  BeforeValue();
  Quoted(key);
  out_->append(indent_ < 0 ? ":" : ": ");
  after_key_ = true;
}

void JsonWriter::Open(char bracket) {
  BeforeValue();
  out_->push_back(bracket);
  levels_.push_back({});
}

void JsonWriter::Close(char bracket) {
  bool empty = levels_.back().empty;
  levels_.pop_back();
  if (!empty) NewLine();
  out_->push_back(bracket);
}

void JsonWriter::String(std::string_view s) {
  BeforeValue();
  Quoted(s);
}

void JsonWriter::Quoted(std::string_view s) {
  static const char* hex = "0123456789abcdef";
  out_->push_back('"');
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t n = Utf8Length(s, i);
      if (n == 0) {
        out_->append("\xef\xbf\xbd");  // U+FFFD for one invalid byte
        ++i;
      } else {
        out_->append(s, i, n);
        i += n;
      }
      continue;
    }
    switch (c) {
      case '"': out_->append("\\\""); break;
      case '\\': out_->append("\\\\"); break;
      case '\b': out_->append("\\b"); break;
      case '\f': out_->append("\\f"); break;
      case '\n': out_->append("\\n"); break;
      case '\r': out_->append("\\r"); break;
      case '\t': out_->append("\\t"); break;
      default:
        if (c < 0x20) {
          out_->append("\\u00");
          out_->push_back(hex[c >> 4]);
          out_->push_back(hex[c & 15]);
        } else {
          out_->push_back(static_cast<char>(c));
        }
    }
    ++i;
  }
  out_->push_back('"');
}

void JsonWriter::Int(int64_t v) {
  BeforeValue();
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out_->append(buf, end);
}

void JsonWriter::Uint(uint64_t v) {
  BeforeValue();
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out_->append(buf, end);
}

void JsonWriter::Double(double v) {
  if (!std::isfinite(v)) return Null();
  BeforeValue();
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  std::string_view text(buf, static_cast<size_t>(end - buf));
  out_->append(text);
  // As nlohmann writes it: a double stays visibly a double ("2.0", not "2").
  if (text.find_first_of(".e") == std::string_view::npos) out_->append(".0");
}

void JsonWriter::Bool(bool v) {
  BeforeValue();
  out_->append(v ? "true" : "false");
}

void JsonWriter::Null() {
  BeforeValue();
  out_->append("null");
}

}  // namespace pg
