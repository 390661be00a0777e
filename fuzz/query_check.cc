// The query target's properties and its fixture (fuzz/checks.h).
#include <stdlib.h>

#include <filesystem>

#include "core/text.h"
#include "fuzz/checks.h"
#include "fuzz/property.h"
#include "importers/importer.h"
#include "query/lexer.h"
#include "query/parser.h"

namespace pg::fuzz {
namespace {

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// An error span lies in the text and starts on a character, so the caret can point at it.
Status CheckErrorSpan(std::string_view text, const QueryError& e, std::string_view what) {
  if (e.span.offset > text.size() || e.span.end() > text.size())
    return Broken(std::string(what) + " error span " + std::to_string(e.span.offset) + "+" +
                  std::to_string(e.span.length) + " is outside the text");
  if (IsValidUtf8(text) && e.span.offset < text.size() && IsContinuationByte(text[e.span.offset]))
    return Broken(std::string(what) + " error span starts inside a character");
  if (e.message.empty()) return Broken(std::string(what) + " error without a message");
  // "query:L:C: message", the query line, the caret line.
  std::string formatted = FormatQueryError(text, e);
  if (formatted.rfind("query:", 0) != 0 || formatted.empty() || formatted.back() != '^')
    return Broken("formatted error is not 'query:L:C: ...' ending in a caret");
  return Status::OK();
}

Status CheckTokens(std::string_view text) {
  std::vector<Token> tokens;
  QueryError error;
  if (!Lex(text, &tokens, &error)) return CheckErrorSpan(text, error, "lexer");
  if (tokens.empty() || tokens.back().type != TokenType::kEof) return Broken("tokens do not end with end of query");
  size_t at = 0;
  for (const Token& t : tokens) {
    if (t.span.offset < at || t.span.end() > text.size()) return Broken("token spans overlap or leave the text");
    if (t.text != text.substr(t.span.offset, t.span.length)) return Broken("token text is not its span");
    DescribeToken(t);
    at = t.span.end();
  }
  return Status::OK();
}

bool SameValue(const ResultValue& a, const ResultValue& b) {
  return a.type == b.type && a.text == b.text && a.list == b.list &&
         (a.number == b.number || (a.number != a.number && b.number != b.number));  // NaN == NaN here
}

// The two graph views (store prefix scans, Boost.Graph snapshot) are two implementations of
// one semantics: an answer may not depend on which one ran.
Status CompareRuns(const Result<QueryResult>& store, const Result<QueryResult>& snap) {
  // A wall-time bound may stop one run and not the other.
  if (store.status().IsLimitExceeded() || snap.status().IsLimitExceeded()) return Status::OK();
  if (store.ok() != snap.ok() || store.status().ToString() != snap.status().ToString())
    return Broken("store and snapshot disagree: '" + store.status().ToString() + "' vs '" + snap.status().ToString() +
                  "'");
  if (!store.ok()) return Status::OK();
  const QueryResult& a = *store;
  const QueryResult& b = *snap;
  if (a.command != b.command || a.columns != b.columns || a.rows.size() != b.rows.size() ||
      a.nodes.size() != b.nodes.size() || a.edges.size() != b.edges.size() || a.notes != b.notes)
    return Broken("store and snapshot answers differ in shape (" + std::to_string(a.rows.size()) + " vs " +
                  std::to_string(b.rows.size()) + " rows)");
  for (size_t i = 0; i < a.rows.size(); ++i) {
    if (a.rows[i].size() != a.columns.size() || b.rows[i].size() != a.columns.size())
      return Broken("a row does not have one value per column");
    for (size_t c = 0; c < a.rows[i].size(); ++c)
      if (!SameValue(a.rows[i][c], b.rows[i][c]))
        return Broken("store and snapshot differ at row " + std::to_string(i) + " column " + a.columns[c] + ": '" +
                      a.rows[i][c].text + "' vs '" + b.rows[i][c].text + "'");
  }
  for (size_t i = 0; i < a.nodes.size(); ++i)
    if (a.nodes[i].id != b.nodes[i].id || a.nodes[i].kind != b.nodes[i].kind || a.nodes[i].name != b.nodes[i].name)
      return Broken("store and snapshot list node '" + a.nodes[i].id + "' vs '" + b.nodes[i].id + "'");
  for (size_t i = 0; i < a.edges.size(); ++i)
    if (a.edges[i].src != b.edges[i].src || a.edges[i].kind != b.edges[i].kind || a.edges[i].dst != b.edges[i].dst)
      return Broken("store and snapshot touch different edges");
  return Status::OK();
}

Status CheckRun(std::string_view text, const Result<QueryResult>& r, const QueryOptions& options) {
  if (!r.ok()) {
    const Status& s = r.status();
    if (!s.IsInvalidArgument() && !s.IsNotFound() && !s.IsLimitExceeded())
      return Broken("query failed with a storage error: " + s.ToString());
    if (!s.IsLimitExceeded() && s.message().rfind("query:", 0) != 0)
      return Broken("error does not point into the query: " + s.ToString());
    return Status::OK();
  }
  if (r->rows.size() > options.limits.max_rows) return Broken("more rows than max_rows");
  if (r->query != text) return Broken("result names another query");
  for (const auto& row : r->rows)
    for (const ResultValue& v : row)
      if (v.type == ResultValue::Type::kNode && !r->Node(v.text))
        return Broken("row names node '" + v.text + "' that the result does not list");
  return Status::OK();
}

}  // namespace

Result<std::unique_ptr<QueryFixture>> QueryFixture::Create(const std::string& source_dir) {
  std::unique_ptr<QueryFixture> f(new QueryFixture());
  std::string tmpl = (std::filesystem::temp_directory_path() / "papergraph-fuzz-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) return Status::IOError(tmpl + ": cannot make a scratch directory");
  f->dir_ = tmpl;
  Result<std::unique_ptr<Extractor>> extractor = Extractor::Load(source_dir + "/data", {});
  if (!extractor.ok()) return extractor.status();
  Result<std::unique_ptr<Store>> store = Store::Open(f->dir_ + "/db", Store::Mode::kWrite, "papergraph fuzz");
  if (!store.ok()) return store.status();
  f->store_ = std::move(store).value();
  ImportOptions options;
  options.paths = {source_dir + "/examples"};
  options.root = source_dir + "/examples";
  options.jobs = 1;
  ImportReport report;
  Status s = Importer(f->store_.get(), extractor->get()).Run(options, &report);
  if (!s.ok()) return s;
  if (report.failed != 0 || report.imported == 0)
    return Status::InvalidArgument(source_dir + "/examples: the examples did not import");
  f->engine_ = std::make_unique<QueryEngine>(f->store_.get());
  return f;
}

QueryFixture::~QueryFixture() {
  engine_.reset();
  store_.reset();
  std::error_code ec;
  if (!dir_.empty()) std::filesystem::remove_all(dir_, ec);
}

Status CheckQuery(std::string_view text, QueryFixture* fixture) {
  Status s = CheckTokens(text);
  if (!s.ok()) return s;
  Query query;
  QueryError error;
  if (!ParseQuery(text, &query, &error)) return CheckErrorSpan(text, error, "parser");
  if (!fixture) return Status::OK();

  // Bounds tight enough that a run takes milliseconds on the examples.
  QueryOptions options;
  options.limits.max_depth = 4;
  options.limits.max_intermediate = 20'000;
  options.limits.max_rows = 200;
  options.limits.timeout_ms = 500;
  options.collect_subgraph = true;
  options.source = GraphSource::kStore;
  Result<QueryResult> store = fixture->engine()->Run(text, options);
  options.source = GraphSource::kSnapshot;
  Result<QueryResult> snap = fixture->engine()->Run(text, options);
  s = CheckRun(text, store, options);
  if (s.ok()) s = CheckRun(text, snap, options);
  if (s.ok()) s = CompareRuns(store, snap);
  return s;
}

}  // namespace pg::fuzz
