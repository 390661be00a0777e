// The query lexer: turns query text into tokens with byte spans. Hand
// written; one pass; no allocation beyond the token vector. A key after
// `kind:` is lexed in "key mode" (raw text up to white space or one of
// | [ ] ( ) , " and not across -> or <-) so that ids such as
// `topic:looped-transformer` and `post:docs/papers/a.md` need no quotes.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "query/query_error.h"

namespace pg {

enum class TokenType {
  kWord,       // letters, digits and '_', starting with a letter or '_'
  kNumber,     // 12, 0.5
  kDate,       // 2025-10, 2025-10-20
  kString,     // "..." (value holds the unescaped text)
  kKey,        // raw text after `kind:`
  kColon,      // :
  kTilde,      // ~
  kStar,       // *
  kDotDot,     // ..
  kDot,        // .
  kComma,      // ,
  kPipe,       // |
  kLBracket,   // [
  kRBracket,   // ]
  kEq,         // = or ==
  kNe,         // !=
  kLt,         // <
  kLe,         // <=
  kGt,         // >
  kGe,         // >=
  kDash,       // -
  kArrowRight, // ->
  kArrowLeft,  // <-
  kEof,
};

struct Token {
  TokenType type = TokenType::kEof;
  Span span;
  std::string_view text;  // the source text of the token
  std::string value;      // kString: unescaped; others: the text
  bool space_before = false;
};

// How a token is named in "expected X, got Y": 'paper', '|', "loop",
// end of query.
std::string DescribeToken(const Token& token);

// Tokens of `query`, ending with one kEof token. On failure (an unterminated
// string, a character that starts no token) fills *error and returns false.
bool Lex(std::string_view query, std::vector<Token>* tokens, QueryError* error);

}  // namespace pg
