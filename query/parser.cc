#include "query/parser.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>

#include "query/edit_distance.h"
#include "query/lexer.h"

namespace pg {
namespace {

constexpr int64_t kMaxNumber = 1000000000;  // larger numbers are typos, not bounds

const std::vector<std::string> kNodeKindNames = {"paper", "org", "topic", "post"};
const std::vector<std::string> kEdgeKindNames = {"reviews", "affiliated", "mentions", "links_to", "subtopic_of"};
const std::vector<std::string> kStageNames = {"count", "top", "limit", "sort", "select", "distinct"};
const std::vector<std::string> kCommandNames = {"path", "neighbors", "related", "why"};

// 'text', built piecewise: GCC 12 warns (-Wrestrict, a false positive) on "'" + std::string.
std::string Quoted(std::string_view text, std::string_view suffix = "") {
  std::string out = "'";
  out.append(text);
  out.append(suffix);
  out.push_back('\'');
  return out;
}

std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best = ClosestWord(word, candidates);
  return best.empty() ? "" : " (did you mean '" + best + "'?)";
}

class Parser {
 public:
  Parser(std::string_view text, std::vector<Token> tokens, QueryError* error)
      : text_(text), toks_(std::move(tokens)), error_(error) {}

  bool Query(pg::Query* q) {
    const Token& first = Peek();
    if (first.type == TokenType::kEof)
      return Fail(first, "expected a node selector or a command (path, neighbors, related, why), got end of query");
    if (first.type == TokenType::kWord && IsCommand(first.text)) {
      if (!Command(q)) return false;
    } else {
      Pattern p;
      if (!ParsePattern(&p)) return false;
      q->body = std::move(p);
    }
    while (Peek().type == TokenType::kPipe) {
      Next();
      Stage s;
      if (!ParseStage(&s)) return false;
      q->stages.push_back(std::move(s));
    }
    if (Peek().type != TokenType::kEof) {
      if (std::holds_alternative<Pattern>(q->body) && q->stages.empty())
        return Expected("a step ('-', '->', '<-', '--') or '|'");
      return Expected("'|' or the end of the query");
    }
    return true;
  }

 private:
  // --- tokens ---
  const Token& Peek(size_t ahead = 0) const { return toks_[std::min(pos_ + ahead, toks_.size() - 1)]; }
  const Token& Next() { return toks_[pos_ < toks_.size() - 1 ? pos_++ : pos_]; }
  bool IsWord(const Token& t, std::string_view w) const { return t.type == TokenType::kWord && t.text == w; }
  bool Fail(const Token& at, std::string msg) { return Fail(at.span, std::move(msg)); }
  bool Fail(Span span, std::string msg) {
    *error_ = {span, std::move(msg)};
    return false;
  }
  bool Expected(const std::string& what) { return Fail(Peek(), "expected " + what + ", got " + DescribeToken(Peek())); }
  static bool IsCommand(std::string_view w) {
    for (const std::string& c : kCommandNames)
      if (c == w) return true;
    return false;
  }

  bool Integer(int64_t* out, Span* span, const std::string& what) {
    const Token& t = Peek();
    if (t.type != TokenType::kNumber) return Expected(what);
    int64_t v = 0;
    auto [end, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), v);
    if (ec == std::errc::result_out_of_range || (ec == std::errc() && end == t.text.data() + t.text.size() && v > kMaxNumber))
      return Fail(t, "number " + std::string(t.text) + " is too large (at most " + std::to_string(kMaxNumber) + ")");
    if (ec != std::errc() || end != t.text.data() + t.text.size())
      return Fail(t, "expected a whole number, got " + DescribeToken(t));
    if (span) *span = t.span;
    Next();
    *out = v;
    return true;
  }

  // --- patterns ---
  bool ParsePattern(Pattern* p) {
    NodeSelector first;
    if (!Node(&first, "a node selector")) return false;
    p->nodes.push_back(std::move(first));
    while (true) {
      Step step;
      bool found = false;
      if (!ParseStep(&step, &found)) return false;
      if (!found) return true;
      NodeSelector n;
      if (!Node(&n, "a node selector after the step")) return false;
      p->steps.push_back(std::move(step));
      p->nodes.push_back(std::move(n));
    }
  }

  bool Node(NodeSelector* n, const std::string& what) {
    const Token& t = Peek();
    size_t start = t.span.offset;
    if (t.type == TokenType::kWord && Peek(1).type == TokenType::kEq && !ParseNodeKind(t.text)) {
      n->var = std::string(t.text);
      n->var_span = t.span;
      Next();
      Next();
      if (Peek().type == TokenType::kWord && Peek(1).type == TokenType::kEq)
        return Fail(Peek(), "a node takes one name; got a second '" + std::string(Peek().text) + "='");
    }
    const Token& k = Peek();
    if (k.type == TokenType::kStar) {
      Next();
    } else if (k.type == TokenType::kWord) {
      std::optional<NodeKind> kind = ParseNodeKind(k.text);
      if (!kind) {
        if (ParseEdgeKind(k.text))
          return Fail(k, "expected " + what + ", got the edge kind '" + std::string(k.text) +
                             "'; write a step as -" + std::string(k.text) + "->");
        if (IsCommand(k.text))
          return Fail(k, "'" + std::string(k.text) + "' is a command and must start the query");
        return Fail(k, "unknown node kind '" + std::string(k.text) + "'" + DidYouMean(k.text, kNodeKindNames) +
                           "; expected paper, org, topic, post or *");
      }
      n->kind = kind;
      Next();
      if (Peek().type == TokenType::kColon && Peek().span.offset == k.span.end()) {
        if (!Key(n, k)) return false;
      } else if (Peek().type == TokenType::kColon) {
        return Fail(Peek(), "no space is allowed between '" + std::string(k.text) + "' and ':'");
      }
    } else {
      return Expected(what);
    }
    if (Peek().type == TokenType::kLBracket && !Filter(&n->filter)) return false;
    n->span = Span{start, toks_[pos_ - 1].span.end() - start};
    return true;
  }

  bool Key(NodeSelector* n, const Token& kind_token) {
    const Token& colon = Next();
    const Token& t = Peek();
    std::string after = Quoted(kind_token.text, ":");
    if (t.type == TokenType::kTilde && t.span.offset == colon.span.end()) {
      Next();
      const Token& v = Peek();
      if ((v.type != TokenType::kKey && v.type != TokenType::kString) || v.space_before)
        return Expected("a name or a \"quoted name\" after " + Quoted(kind_token.text, ":~"));
      n->key_type = NodeSelector::KeyType::kFuzzy;
      n->key = v.value;
      n->key_span = v.span;
      Next();
      return EmptyKeyCheck(n, v);
    }
    if (t.type == TokenType::kKey) {
      n->key_type = NodeSelector::KeyType::kKey;
    } else if (t.type == TokenType::kString && !t.space_before) {
      n->key_type = NodeSelector::KeyType::kName;
    } else {
      return Expected("a key, a \"quoted name\" or ~fuzzy after " + after);
    }
    n->key = t.value;
    n->key_span = t.span;
    Next();
    return EmptyKeyCheck(n, t);
  }

  bool EmptyKeyCheck(const NodeSelector* n, const Token& t) {
    if (n->key.find_first_not_of(" \t") == std::string::npos) return Fail(t, "the name is empty");
    return true;
  }

  // YYYY-MM or YYYY-MM-DD naming a month and day that exist (2024-02-29 does, 2025-13-45 not).
  static bool RealDate(const std::string& text) {
    int y = std::atoi(text.substr(0, 4).c_str()), m = std::atoi(text.substr(5, 2).c_str());
    if (m < 1 || m > 12) return false;
    if (text.size() < 10) return true;
    int d = std::atoi(text.substr(8, 2).c_str());
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d >= 1 && d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  }

  // PROP = WORD [ ":" WORD ], no space around ":" (section:method).
  bool Property(std::string* name, Span* span, const std::string& what) {
    const Token& p = Peek();
    if (p.type != TokenType::kWord) return Expected(what);
    *name = std::string(p.text);
    *span = p.span;
    Next();
    // After "word:" the lexer reads a key (as after "paper:"): a plain name here.
    auto plain = [](const Token& t) {
      return (t.type == TokenType::kWord || t.type == TokenType::kKey) && !t.space_before && !t.text.empty() &&
             std::all_of(t.text.begin(), t.text.end(),
                         [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-'; });
    };
    if (Peek().type == TokenType::kColon && !Peek().space_before && plain(Peek(1))) {
      Next();
      const Token& sub = Next();
      *name += ":" + std::string(sub.text);
      *span = Span{span->offset, sub.span.end() - span->offset};
    }
    return true;
  }

  bool Filter(std::vector<Condition>* conds) {
    Next();  // [
    while (true) {
      Condition c;
      if (!Property(&c.prop, &c.prop_span, "a property name")) return false;
      const Token& op = Peek();
      switch (op.type) {
        case TokenType::kEq: c.op = CompareOp::kEq; break;
        case TokenType::kNe: c.op = CompareOp::kNe; break;
        case TokenType::kLt: c.op = CompareOp::kLt; break;
        case TokenType::kLe: c.op = CompareOp::kLe; break;
        case TokenType::kGt: c.op = CompareOp::kGt; break;
        case TokenType::kGe: c.op = CompareOp::kGe; break;
        case TokenType::kTilde: c.op = CompareOp::kContains; break;
        default: return Expected("a comparison (=, !=, <, <=, >, >=, ~) after '" + c.prop + "'");
      }
      c.op_span = op.span;
      Next();
      const Token& v = Peek();
      switch (v.type) {
        case TokenType::kString: c.value.type = Literal::Type::kString; break;
        case TokenType::kNumber: c.value.type = Literal::Type::kNumber; break;
        case TokenType::kDate:
          if (!RealDate(v.value)) return Fail(v, "no such date: " + v.value + " (month 1-12, day within the month)");
          c.value.type = Literal::Type::kDate;
          break;
        case TokenType::kWord: c.value.type = Literal::Type::kWord; break;
        default: return Expected("a value (\"text\", a number or a date such as 2025-10-20)");
      }
      c.value.text = v.value;
      c.value.span = v.span;
      Next();
      conds->push_back(std::move(c));
      if (Peek().type == TokenType::kRBracket) {
        Next();
        return true;
      }
      if (Peek().type == TokenType::kComma || IsWord(Peek(), "and")) {
        Next();
        continue;
      }
      return Expected("']', ',' or 'and' in the filter");
    }
  }

  // Sets *found when a step starts here.
  bool ParseStep(Step* s, bool* found) {
    const Token& t = Peek();
    size_t start = t.span.offset;
    *found = true;
    if (t.type == TokenType::kArrowRight) {  // `->`: any kind, outgoing
      Next();
      s->dir = Step::Dir::kOut;
    } else if (t.type == TokenType::kArrowLeft) {
      Next();
      if (Peek().type == TokenType::kDash) {  // `<--`
        Next();
        s->dir = Step::Dir::kIn;
      } else if (StartsEdgeSpec()) {
        if (!EdgeSpec(s)) return false;
        if (Peek().type != TokenType::kDash)
          return Expected("'-' to close the step '" + std::string(text_.substr(start, Peek().span.offset - start)) + "'");
        Next();
        s->dir = Step::Dir::kIn;
      } else if (!UnknownEdgeKind()) {
        return false;
      } else {
        s->dir = Step::Dir::kIn;  // a lone `<-`
      }
    } else if (t.type == TokenType::kDash) {
      Next();
      if (Peek().type == TokenType::kDash) {  // `--`
        Next();
        s->dir = Step::Dir::kBoth;
      } else if (Peek().type == TokenType::kArrowRight) {  // `-->`
        Next();
        s->dir = Step::Dir::kOut;
      } else if (StartsEdgeSpec()) {
        if (!EdgeSpec(s)) return false;
        std::string so_far(text_.substr(start, Peek().span.offset - start));
        while (!so_far.empty() && so_far.back() == ' ') so_far.pop_back();
        if (Peek().type == TokenType::kArrowRight) {
          s->dir = Step::Dir::kOut;
        } else if (Peek().type == TokenType::kDash) {
          s->dir = Step::Dir::kBoth;
        } else {
          return Expected("'->' or '-' to close the step '" + so_far + "'");
        }
        Next();
      } else if (!UnknownEdgeKind()) {
        return false;
      } else {
        s->dir = Step::Dir::kBoth;
        s->bare = true;
      }
    } else {
      *found = false;
      return true;
    }
    s->span = Span{start, toks_[pos_ - 1].span.end() - start};
    return true;
  }

  // An edge kind, or `*` glued to the dash and followed by a bound or the
  // closing dash (`-*1..3-`; `- * -` is a step to any node).
  bool StartsEdgeSpec() const {
    const Token& t = Peek();
    if (t.type == TokenType::kWord) return ParseEdgeKind(t.text).has_value();
    if (t.type != TokenType::kStar || t.space_before) return false;
    const Token& n = Peek(1);
    return !n.space_before && (n.type == TokenType::kNumber || n.type == TokenType::kDotDot ||
                               n.type == TokenType::kArrowRight || n.type == TokenType::kDash);
  }

  // Inside a step, a word that is neither an edge kind nor a node selector,
  // followed by a dash or an arrow, is a misspelt edge kind.
  bool UnknownEdgeKind() {
    const Token& t = Peek();
    if (t.type != TokenType::kWord || ParseNodeKind(t.text) || Peek(1).type == TokenType::kEq) return true;
    TokenType n = Peek(1).type;
    if (n == TokenType::kDash || n == TokenType::kArrowRight || n == TokenType::kStar)
      return Fail(t, "unknown edge kind '" + std::string(t.text) + "'" + DidYouMean(t.text, kEdgeKindNames) +
                         "; expected reviews, affiliated, mentions, links_to or subtopic_of");
    return true;
  }

  bool EdgeSpec(Step* s) {
    while (Peek().type == TokenType::kWord) {
      s->kinds.push_back(*ParseEdgeKind(Next().text));
      if (Peek().type != TokenType::kPipe) break;
      Next();
      const Token& k = Peek();
      if (k.type != TokenType::kWord || !ParseEdgeKind(k.text)) return Expected("an edge kind after '|' in a step");
    }
    if (Peek().type == TokenType::kStar) return Repeat(s);
    return true;
  }

  bool Repeat(Step* s) {
    const Token& star = Next();
    s->repeated = true;
    s->min_hops = 1;
    s->max_hops = 0;
    int64_t lo = -1, hi = -1;
    Span lo_span, hi_span;
    if (Peek().type == TokenType::kNumber && !Integer(&lo, &lo_span, "a number")) return false;
    if (Peek().type == TokenType::kDotDot) {
      Next();
      if (Peek().type == TokenType::kNumber && !Integer(&hi, &hi_span, "a number")) return false;
    } else if (lo >= 0) {
      hi = lo;  // `*3`: exactly three
      hi_span = lo_span;
    }
    if (lo >= 0) s->min_hops = static_cast<int>(lo);
    if (hi >= 0) {
      if (hi == 0) return Fail(hi_span, "a repetition needs an upper bound of at least 1");
      if (lo > hi)
        return Fail(lo_span, "the repetition's lower bound " + std::to_string(lo) + " is above its upper bound " +
                                 std::to_string(hi));
      s->max_hops = static_cast<int>(hi);
    }
    s->repeat_span = Span{star.span.offset, toks_[pos_ - 1].span.end() - star.span.offset};
    return true;
  }

  // --- commands ---
  bool Command(pg::Query* q) {
    const Token& cmd = Next();
    if (cmd.text == "path") {
      PathCommand c;
      if (!Node(&c.from, "a node selector after 'path'")) return false;
      if (!IsWord(Peek(), "to")) return Expected("'to' after the first node of 'path'");
      Next();
      if (!Node(&c.to, "a node selector after 'to'")) return false;
      while (Peek().type == TokenType::kWord) {
        if (IsWord(Peek(), "via")) {
          if (!Via(&c.via)) return false;
        } else if (IsWord(Peek(), "max")) {
          Next();
          int64_t n = 0;
          if (!Integer(&n, &c.max_span, "a number of hops after 'max'")) return false;
          if (n < 1) return Fail(c.max_span, "'max' needs at least 1 hop");
          c.max_hops = static_cast<int>(n);
        } else if (IsWord(Peek(), "all")) {
          Next();
          c.all = true;
        } else {
          return Expected("'via', 'max', 'all', '|' or the end of the query");
        }
      }
      q->body = std::move(c);
      return true;
    }
    if (cmd.text == "neighbors") {
      NeighborsCommand c;
      if (!Node(&c.node, "a node selector after 'neighbors'")) return false;
      while (Peek().type == TokenType::kWord) {
        if (IsWord(Peek(), "depth")) {
          Next();
          int64_t n = 0;
          if (!Integer(&n, &c.depth_span, "a number after 'depth'")) return false;
          if (n < 1) return Fail(c.depth_span, "'depth' needs at least 1");
          c.depth = static_cast<int>(n);
        } else if (IsWord(Peek(), "via")) {
          if (!Via(&c.via)) return false;
        } else {
          return Expected("'depth', 'via', '|' or the end of the query");
        }
      }
      q->body = std::move(c);
      return true;
    }
    if (cmd.text == "related") {
      RelatedCommand c;
      if (!Node(&c.node, "a node selector after 'related'")) return false;
      if (IsWord(Peek(), "by")) {
        Next();
        c.components = 0;
        while (true) {
          const Token& t = Peek();
          unsigned bit = 0;
          if (t.type == TokenType::kWord) {
            std::string_view w = t.text;
            if (w == "topics" || w == "topic") bit = RelatedCommand::kTopics;
            else if (w == "labs" || w == "lab" || w == "orgs" || w == "org") bit = RelatedCommand::kLabs;
            else if (w == "links" || w == "link") bit = RelatedCommand::kLinks;
            else if (w == "reviews" || w == "posts") bit = RelatedCommand::kReviews;
            else if (w == "all") bit = RelatedCommand::kAll;
          }
          if (!bit) return Expected("topics, labs, links, reviews or all after 'by'");
          c.components |= bit;
          Next();
          if (Peek().type != TokenType::kComma) break;
          Next();
        }
      }
      q->body = std::move(c);
      return true;
    }
    // why
    WhyCommand c;
    if (!Node(&c.a, "a node selector after 'why'")) return false;
    if (!Node(&c.b, "a second node selector after 'why'")) return false;
    q->body = std::move(c);
    return true;
  }

  bool Via(ViaList* via) {
    const Token& v = Next();
    size_t start = v.span.offset;
    while (true) {
      const Token& t = Peek();
      if (t.type != TokenType::kWord) return Expected("an edge kind or a node kind after 'via'");
      if (auto e = ParseEdgeKind(t.text)) {
        if (Peek(1).type == TokenType::kColon && !Peek(1).space_before) {
          // `mentions:topic`: the edge kind, only where it touches that node kind.
          Next();
          Next();
          const Token& k = Peek();
          std::optional<NodeKind> n;
          if (k.type == TokenType::kKey || k.type == TokenType::kWord) n = ParseNodeKind(k.text);
          if (!n)
            return Fail(k, "expected a node kind (paper, org, topic, post) after '" + std::string(t.text) +
                               ":', got " + DescribeToken(k));
          via->qualified.emplace_back(*e, *n);
        } else {
          via->edges.push_back(*e);
        }
      } else if (auto n = ParseNodeKind(t.text)) {
        via->nodes.push_back(*n);
      } else {
        std::vector<std::string> all = kEdgeKindNames;
        all.insert(all.end(), kNodeKindNames.begin(), kNodeKindNames.end());
        return Fail(t, "unknown kind '" + std::string(t.text) + "' after 'via'" + DidYouMean(t.text, all) +
                           "; expected an edge kind (reviews, affiliated, mentions, links_to, subtopic_of) or a "
                           "node kind (paper, org, topic, post)");
      }
      Next();
      if (Peek().type != TokenType::kComma) break;
      Next();
    }
    via->span = Span{start, toks_[pos_ - 1].span.end() - start};
    return true;
  }

  // --- stages ---
  bool ParseStage(Stage* s) {
    const Token& t = Peek();
    if (t.type != TokenType::kWord) return Expected("a stage (count, top, limit, sort, select, distinct) after '|'");
    s->span = t.span;
    std::string_view w = t.text;
    if (w == "count") {
      Next();
      s->type = Stage::Type::kCount;
      if (IsWord(Peek(), "by")) {
        Next();
        ColumnRef r;
        if (!Ref(&r, "a variable after 'count by'")) return false;
        s->by = std::move(r);
      }
    } else if (w == "top" || w == "limit") {
      Next();
      s->type = w == "top" ? Stage::Type::kTop : Stage::Type::kLimit;
      if (!Integer(&s->n, &s->n_span, "a number after '" + std::string(w) + "'")) return false;
    } else if (w == "sort") {
      Next();
      s->type = Stage::Type::kSort;
      while (true) {
        SortKey k;
        if (!Ref(&k.ref, "a variable or column to sort by")) return false;
        if (IsWord(Peek(), "desc") || IsWord(Peek(), "asc")) k.desc = Next().text == "desc";
        s->sort.push_back(std::move(k));
        if (Peek().type != TokenType::kComma) break;
        Next();
      }
    } else if (w == "select") {
      Next();
      s->type = Stage::Type::kSelect;
      while (true) {
        ColumnRef r;
        if (!Ref(&r, "a variable or column to select")) return false;
        s->select.push_back(std::move(r));
        if (Peek().type != TokenType::kComma) break;
        Next();
      }
    } else if (w == "distinct") {
      Next();
      s->type = Stage::Type::kDistinct;
    } else {
      return Fail(t, "unknown stage '" + std::string(w) + "'" + DidYouMean(w, kStageNames) +
                         "; expected count, top, limit, sort, select or distinct");
    }
    s->span = Span{s->span.offset, toks_[pos_ - 1].span.end() - s->span.offset};
    return true;
  }

  bool Ref(ColumnRef* r, const std::string& what) {
    const Token& t = Peek();
    if (t.type != TokenType::kWord) return Expected(what);
    r->var = std::string(t.text);
    r->span = t.span;
    Next();
    if (Peek().type == TokenType::kDot) {
      Next();
      Span prop_span;
      if (!Property(&r->prop, &prop_span, "a property name after '" + r->var + ".'")) return false;
      r->span = Span{r->span.offset, prop_span.end() - r->span.offset};
    }
    return true;
  }

  std::string_view text_;
  std::vector<Token> toks_;
  QueryError* error_;
  size_t pos_ = 0;
};

}  // namespace

bool ParseQuery(std::string_view text, Query* query, QueryError* error) {
  std::vector<Token> tokens;
  if (!Lex(text, &tokens, error)) return false;
  *query = pg::Query{};
  return Parser(text, std::move(tokens), error).Query(query);
}

}  // namespace pg
