#include "query/lexer.h"

namespace pg {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsWordStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsWordChar(char c) { return IsWordStart(c) || IsDigit(c); }
bool EndsKey(char c) {
  return IsSpace(c) || c == '|' || c == '[' || c == ']' || c == '(' || c == ')' || c == ',' || c == '"';
}

// The UTF-8 sequence starting at `s[i]`, for "unexpected character" messages.
std::string_view CharAt(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : c >> 5 == 6 ? 2 : c >> 4 == 14 ? 3 : c >> 3 == 30 ? 4 : 1;
  return s.substr(i, std::min(n, s.size() - i));
}

class Lexer {
 public:
  Lexer(std::string_view q, std::vector<Token>* out, QueryError* error) : q_(q), out_(out), error_(error) {}

  bool Run() {
    while (true) {
      bool space = SkipSpace();
      if (pos_ >= q_.size()) {
        Emit(TokenType::kEof, pos_, 0, space);
        return true;
      }
      size_t start = pos_;
      char c = q_[pos_];
      // Key mode: `kind:` directly followed by a key.
      if (c == ':' ) {
        Emit(TokenType::kColon, start, 1, space);
        ++pos_;
        bool after_word = out_->size() >= 2 && (*out_)[out_->size() - 2].type == TokenType::kWord &&
                          (*out_)[out_->size() - 2].span.end() == start;
        if (after_word && pos_ < q_.size() && q_[pos_] == '~') {
          Emit(TokenType::kTilde, pos_, 1, false);
          ++pos_;
        }
        if (after_word && pos_ < q_.size() && !EndsKey(q_[pos_]) && !StartsArrow(pos_)) LexKey();
        continue;
      }
      if (c == '"') {
        if (!LexString(space)) return false;
        continue;
      }
      if (IsDigit(c)) {
        LexNumber(space);
        continue;
      }
      if (IsWordStart(c)) {
        while (pos_ < q_.size() && IsWordChar(q_[pos_])) ++pos_;
        Emit(TokenType::kWord, start, pos_ - start, space);
        continue;
      }
      auto two = [&](char a, char b) { return c == a && pos_ + 1 < q_.size() && q_[pos_ + 1] == b; };
      TokenType t;
      size_t len = 1;
      if (two('-', '>')) t = TokenType::kArrowRight, len = 2;
      else if (two('<', '-')) t = TokenType::kArrowLeft, len = 2;
      else if (two('<', '=')) t = TokenType::kLe, len = 2;
      else if (two('>', '=')) t = TokenType::kGe, len = 2;
      else if (two('!', '=')) t = TokenType::kNe, len = 2;
      else if (two('=', '=')) t = TokenType::kEq, len = 2;
      else if (two('.', '.')) t = TokenType::kDotDot, len = 2;
      else if (c == '-') t = TokenType::kDash;
      else if (c == '<') t = TokenType::kLt;
      else if (c == '>') t = TokenType::kGt;
      else if (c == '=') t = TokenType::kEq;
      else if (c == '.') t = TokenType::kDot;
      else if (c == ',') t = TokenType::kComma;
      else if (c == '|') t = TokenType::kPipe;
      else if (c == '[') t = TokenType::kLBracket;
      else if (c == ']') t = TokenType::kRBracket;
      else if (c == '*') t = TokenType::kStar;
      else if (c == '~') t = TokenType::kTilde;
      else {
        std::string_view ch = CharAt(q_, pos_);
        std::string hint = c == '\'' ? "; quote names with \"double quotes\"" : "";
        *error_ = {Span{pos_, ch.size()}, "unexpected character '" + std::string(ch) + "'" + hint};
        return false;
      }
      Emit(t, start, len, space);
      pos_ += len;
    }
  }

 private:
  bool SkipSpace() {
    size_t start = pos_;
    while (pos_ < q_.size() && IsSpace(q_[pos_])) ++pos_;
    return pos_ > start;
  }
  bool StartsArrow(size_t i) const {
    return i + 1 < q_.size() && ((q_[i] == '-' && q_[i + 1] == '>') || (q_[i] == '<' && q_[i + 1] == '-'));
  }
  void Emit(TokenType t, size_t start, size_t len, bool space) {
    Token tok;
    tok.type = t;
    tok.span = Span{start, len};
    tok.text = q_.substr(start, len);
    tok.value = std::string(tok.text);
    tok.space_before = space;
    out_->push_back(std::move(tok));
  }
  void LexKey() {
    size_t start = pos_;
    while (pos_ < q_.size() && !EndsKey(q_[pos_]) && !StartsArrow(pos_)) ++pos_;
    Emit(TokenType::kKey, start, pos_ - start, false);
  }
  bool LexString(bool space) {
    size_t start = pos_++;
    std::string value;
    while (pos_ < q_.size() && q_[pos_] != '"') {
      if (q_[pos_] == '\\' && pos_ + 1 < q_.size()) ++pos_;
      value.push_back(q_[pos_++]);
    }
    if (pos_ >= q_.size()) {
      *error_ = {Span{start, 1}, "unterminated string: no closing '\"'"};
      return false;
    }
    ++pos_;
    Emit(TokenType::kString, start, pos_ - start, space);
    out_->back().value = std::move(value);
    return true;
  }
  // A number, or a date when it reads YYYY-MM or YYYY-MM-DD.
  void LexNumber(bool space) {
    size_t start = pos_;
    auto digits = [&](size_t at, size_t n) {
      if (at + n > q_.size()) return false;
      for (size_t i = at; i < at + n; ++i)
        if (!IsDigit(q_[i])) return false;
      return at + n == q_.size() || !IsDigit(q_[at + n]);
    };
    if (digits(start, 4) && start + 4 < q_.size() && q_[start + 4] == '-' && digits(start + 5, 2)) {
      pos_ = start + 7;
      if (pos_ < q_.size() && q_[pos_] == '-' && digits(pos_ + 1, 2)) pos_ += 3;
      Emit(TokenType::kDate, start, pos_ - start, space);
      return;
    }
    while (pos_ < q_.size() && IsDigit(q_[pos_])) ++pos_;
    if (pos_ + 1 < q_.size() && q_[pos_] == '.' && IsDigit(q_[pos_ + 1])) {
      ++pos_;
      while (pos_ < q_.size() && IsDigit(q_[pos_])) ++pos_;
    }
    // "2abc" is one bad token, not a number and a word.
    while (pos_ < q_.size() && IsWordChar(q_[pos_])) ++pos_;
    Emit(TokenType::kNumber, start, pos_ - start, space);
  }

  std::string_view q_;
  std::vector<Token>* out_;
  QueryError* error_;
  size_t pos_ = 0;
};

}  // namespace

std::string DescribeToken(const Token& token) {
  switch (token.type) {
    case TokenType::kEof: return "end of query";
    case TokenType::kString: return std::string(token.text);
    default: {
      // Appended piecewise: GCC 12 warns (-Wrestrict, a false positive) on "'" + std::string.
      std::string out = "'";
      out.append(token.text);
      out.push_back('\'');
      return out;
    }
  }
}

bool Lex(std::string_view query, std::vector<Token>* tokens, QueryError* error) {
  tokens->clear();
  tokens->reserve(query.size() / 3 + 4);  // one token per few characters: no regrowth
  return Lexer(query, tokens, error).Run();
}

}  // namespace pg
