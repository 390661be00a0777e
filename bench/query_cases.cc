#include "bench/query_cases.h"
#include "bench/truth_check.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <unordered_map>

#include "bench/sha256.h"
#include "core/node_id.h"
#include "query/engine.h"

namespace pg {
namespace {

using Clock = std::chrono::steady_clock;

// The edges of the truth: papergraph's subtopic_of edges and its text
// mentions of labs (paper -mentions-> org) are left out.
constexpr const char* kTruthEdgeKinds = "reviews, affiliated, mentions:topic, links_to";

double Seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

// The truth graph with its nodes named both ways: papergraph id <-> truth
// reference ("paper:2510.24035"), and its edges as unordered pairs.
class Truth {
 public:
  Status Load(const std::string& path, bool with_edges) {
    std::ifstream in(path);
    if (!in) return Status::IOError(path + ": cannot read");
    std::unordered_map<std::string, uint32_t> by_truth_id;
    std::string line;
    size_t line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      nlohmann::json row = nlohmann::json::parse(line, nullptr, false);
      if (row.is_discarded()) return Status::Corruption(path + ":" + std::to_string(line_no) + ": not JSON");
      if (row["type"] == "node") {
        std::string kind = row["kind"], id = row["id"];
        std::string ours = PapergraphIdOf(kind, id, row.value("name", ""), row.value("has_url", true));
        uint32_t index = static_cast<uint32_t>(refs_.size());
        refs_.push_back(kind + ":" + id);
        by_truth_id.emplace(id, index);
        by_ours_.emplace(ours, index);
        by_ref_.emplace(refs_.back(), ours);
      } else if (with_edges) {
        auto a = by_truth_id.find(row["src"].get<std::string>());
        auto b = by_truth_id.find(row["dst"].get<std::string>());
        if (a == by_truth_id.end() || b == by_truth_id.end())
          return Status::Corruption(path + ":" + std::to_string(line_no) + ": an edge to an unknown node");
        uint64_t x = std::min(a->second, b->second), y = std::max(a->second, b->second);
        edges_.push_back(x << 32 | y);
      }
    }
    std::sort(edges_.begin(), edges_.end());
    return Status::OK();
  }

  // The truth reference of a papergraph id; "?id" for a node the truth lacks.
  std::string Ref(const std::string& ours) const {
    auto it = by_ours_.find(ours);
    return it == by_ours_.end() ? "?" + ours : refs_[it->second];
  }
  // The papergraph id of a truth reference, or "".
  std::string Ours(const std::string& ref) const {
    auto it = by_ref_.find(ref);
    return it == by_ref_.end() ? "" : it->second;
  }
  bool Adjacent(const std::string& ref_a, const std::string& ref_b) const {
    auto a = by_ours_.find(Ours(ref_a)), b = by_ours_.find(Ours(ref_b));
    if (a == by_ours_.end() || b == by_ours_.end()) return false;
    uint64_t x = std::min(a->second, b->second), y = std::max(a->second, b->second);
    return std::binary_search(edges_.begin(), edges_.end(), x << 32 | y);
  }

 private:
  std::vector<std::string> refs_;
  std::unordered_map<std::string, uint32_t> by_ours_;
  std::unordered_map<std::string, std::string> by_ref_;
  std::vector<uint64_t> edges_;
};

// A selector for one papergraph id: `paper:2510.1`, `topic:kv-cache`,
// `post:daily-00/_posts/x.md`, or the whole id quoted when its key has
// characters a bare key cannot hold (`paper:"title:some title"`).
std::string Selector(const std::string& ours) {
  std::optional<NodeKind> kind = KindOfId(ours);
  std::string kind_name(NodeKindName(kind.value_or(NodeKind::kPaper)));
  std::string key(IdKey(ours));
  bool bare_key = !key.empty() && key.find_first_of(" \t\n|[](),\"\\~") == std::string::npos &&
                  key.find("->") == std::string::npos && key.find("<-") == std::string::npos;
  bool direct = kind == NodeKind::kPaper ? ours == PaperIdFromArxiv(key) : true;
  if (bare_key && direct) return kind_name + ":" + key;
  std::string quoted = "\"";
  for (char c : ours) {
    if (c == '"' || c == '\\') quoted.push_back('\\');
    quoted.push_back(c);
  }
  return kind_name + ":" + quoted + "\"";
}

Result<std::string> QueryText(const nlohmann::json& c, const Truth& truth) {
  auto sel = [&](const char* field) -> Result<std::string> {
    std::string ours = truth.Ours(c.at(field).get<std::string>());
    if (ours.empty()) return Status::NotFound("case " + c.value("name", "") + ": " + field + " is not in the truth");
    return Selector(ours);
  };
  std::string type = c.at("type");
  if (type == "orgs_by_topic") {
    Result<std::string> t = sel("topic");
    if (!t.ok()) return t.status();
    return *t + " <-mentions- paper -affiliated-> org | count by org";
  }
  if (type == "khop") {
    Result<std::string> n = sel("node");
    if (!n.ok()) return n.status();
    return "neighbors " + *n + " depth " + std::to_string(c.at("k").get<int>()) + " via " + kTruthEdgeKinds +
           " | select node";
  }
  if (type == "shortest_path") {
    Result<std::string> a = sel("src");
    if (!a.ok()) return a.status();
    Result<std::string> b = sel("dst");
    if (!b.ok()) return b.status();
    return "path " + *a + " to " + *b + " via " + kTruthEdgeKinds + " | select hop, from, edge, to";
  }
  if (type == "links_chain") {
    Result<std::string> n = sel("node");
    if (!n.ok()) return n.status();
    return *n + " -links_to*1.." + std::to_string(c.value("max_steps", 3)) + "-> paper";
  }
  return Status::InvalidArgument("unknown query case type " + type);
}

Result<std::vector<QueryCase>> Cases(const std::string& out_dir, const Truth& truth) {
  std::ifstream in(out_dir + "/queries.json");
  if (!in) return Status::IOError(out_dir + "/queries.json: cannot read");
  nlohmann::json q = nlohmann::json::parse(in, nullptr, false);
  if (q.is_discarded() || !q.contains("cases")) return Status::Corruption(out_dir + "/queries.json: not a query file");
  std::vector<QueryCase> cases;
  for (const nlohmann::json& c : q["cases"]) {
    Result<std::string> text = QueryText(c, truth);
    if (!text.ok()) return text.status();
    cases.push_back({c.at("name"), c.at("type"), *text, c});
  }
  return cases;
}

std::optional<size_t> Column(const QueryResult& r, const std::string& name) {
  for (size_t i = 0; i < r.columns.size(); ++i)
    if (r.columns[i] == name) return i;
  return std::nullopt;
}

// The node ids in one column, as truth references.
std::vector<std::string> ColumnRefs(const QueryResult& r, const std::string& column, const Truth& truth) {
  std::vector<std::string> out;
  std::optional<size_t> c = Column(r, column);
  if (!c) return out;
  out.reserve(r.rows.size());
  for (const auto& row : r.rows) out.push_back(truth.Ref(row[*c].text));
  return out;
}

// common.py's set check: the count and the sha256 of the sorted references joined by "\n".
bool SetMatches(std::vector<std::string> refs, const nlohmann::json& want) {
  std::sort(refs.begin(), refs.end());
  std::string joined;
  for (size_t i = 0; i < refs.size(); ++i) {
    if (i) joined += '\n';
    joined += refs[i];
  }
  return refs.size() == want.at("count").get<size_t>() && Sha256Hex(joined) == want.at("sha256").get<std::string>();
}

// Whether the answer is the expected one, and a short description of it.
bool Check(const QueryCase& c, const QueryResult& r, const Truth& truth, nlohmann::ordered_json* detail) {
  const nlohmann::json& want = c.spec.at("expected");
  if (c.type == "orgs_by_topic") {
    nlohmann::json got = nlohmann::json::array();
    std::optional<size_t> org = Column(r, "org"), count = Column(r, "count");
    if (!org || !count) return false;
    for (const auto& row : r.rows)
      got.push_back({truth.Ref(row[*org].text), static_cast<int64_t>(row[*count].number)});
    (*detail)["rows"] = got.size();
    return got == want;
  }
  if (c.type == "khop" || c.type == "links_chain") {
    std::vector<std::string> refs = ColumnRefs(r, c.type == "khop" ? "node" : "paper", truth);
    (*detail)["count"] = refs.size();
    return SetMatches(std::move(refs), want);
  }
  // shortest_path: any shortest path, checked by its ends, length and adjacency.
  std::optional<size_t> hop = Column(r, "hop"), from = Column(r, "from"), to = Column(r, "to");
  if (!hop || !from || !to) return false;
  std::vector<std::string> path;
  double last_hop = 0;
  for (const auto& row : r.rows) {
    if (row[*hop].number == last_hop) continue;  // several edges on one hop
    last_hop = row[*hop].number;
    if (path.empty()) path.push_back(truth.Ref(row[*from].text));
    path.push_back(truth.Ref(row[*to].text));
  }
  (*detail)["length"] = path.empty() ? 0 : path.size() - 1;
  if (path.empty() || path.front() != c.spec.at("src") || path.back() != c.spec.at("dst")) return false;
  if (path.size() - 1 != want.at("length").get<size_t>()) return false;
  for (size_t i = 0; i + 1 < path.size(); ++i)
    if (!truth.Adjacent(path[i], path[i + 1])) return false;
  return true;
}

}  // namespace

Result<std::vector<QueryCase>> LoadQueryCases(const std::string& out_dir) {
  Truth truth;
  Status s = truth.Load(out_dir + "/truth.jsonl", /*with_edges=*/false);
  if (!s.ok()) return s;
  return Cases(out_dir, truth);
}

Result<QueryCasesReport> RunQueryCases(const Store& store, const std::string& out_dir, int repeat) {
  QueryCasesReport report;
  auto start = Clock::now();
  Truth truth;
  Status s = truth.Load(out_dir + "/truth.jsonl", /*with_edges=*/true);
  if (!s.ok()) return s;
  Result<std::vector<QueryCase>> cases = Cases(out_dir, truth);
  if (!cases.ok()) return cases.status();
  report.truth_s = Seconds(start);

  QueryEngine engine(&store);
  // Warm: the snapshot is built once, then every query finds it current.
  start = Clock::now();
  Result<std::shared_ptr<const GraphSnapshot>> snap = engine.Snapshot();
  if (!snap.ok()) return snap.status();
  report.snapshot_s = Seconds(start);

  QueryOptions options;
  options.source = GraphSource::kAuto;
  options.limits.max_rows = 100'000'000;  // k hops at 100k posts reach ~200,000 nodes
  // Like the peers, the answer is the rows (node ids); the display names of
  // QueryResult::nodes are timed separately ("with_names_us").
  options.list_nodes = false;
  QueryOptions with_names = options;
  with_names.list_nodes = true;
  // Median and minimum microseconds of `repeat` runs after one untimed run
  // (warm: it also absorbs what the previous case left to the allocator:
  // freeing a 200,000-row answer leaves glibc's malloc with hundreds of
  // thousands of free chunks to sort, at the next case's expense); *last is
  // the last answer.
  auto time_runs = [&](const QueryCase& c, const QueryOptions& o, Result<QueryResult>* last) {
    *last = engine.Run(c.query, o);
    std::vector<double> times;
    for (int i = 0; i < std::max(1, repeat); ++i) {
      auto t0 = Clock::now();
      Result<QueryResult> r = engine.Run(c.query, o);
      times.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
      *last = std::move(r);  // the previous answer is freed outside the timed part
      if (!last->ok()) break;
    }
    std::sort(times.begin(), times.end());
    size_t n = times.size();
    double median = n % 2 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
    return std::make_pair(std::round(median * 10) / 10, std::round(times.front() * 10) / 10);
  };
  for (const QueryCase& c : *cases) {
    Result<QueryResult> last = Status::OK();
    auto [median, min] = time_runs(c, options, &last);
    nlohmann::ordered_json entry;
    entry["median_us"] = median;
    nlohmann::ordered_json detail;
    bool ok = last.ok() && Check(c, *last, truth, &detail);
    entry["ok"] = ok;
    entry["min_us"] = min;
    if (ok) {
      Result<QueryResult> named = Status::OK();
      entry["with_names_us"] = time_runs(c, with_names, &named).first;
      if (!named.ok() || named->rows.size() != last->rows.size()) ok = false;
      entry["ok"] = ok;
    }
    entry["query"] = c.query;
    if (last.ok()) {
      entry["graph"] = last->graph;
      for (auto& [k, v] : detail.items()) entry[k] = v;
    } else {
      entry["error"] = last.status().message();
    }
    report.queries[c.name] = entry;
    if (!ok) report.ok = false;
  }
  return report;
}

}  // namespace pg
