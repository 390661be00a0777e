#include "web/api.h"

#include <charconv>
#include <map>
#include <optional>
#include <tuple>

#include <sstream>

#include "core/node_id.h"
#include "export/cytoscape_json.h"
#include "export/dot_exporter.h"
#include "export/export_graph.h"
#include "export/gexf_exporter.h"
#include "export/graphml_exporter.h"
#include "export/plain_json.h"
#include "export/topic_map.h"
#include "core/text.h"
#include "query/render.h"

namespace pg::web {
namespace {

using json = nlohmann::ordered_json;

std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

std::optional<int> ParseInt(const std::string& s) {
  int v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

ApiResponse BadParam(const std::string& message) { return ErrorResponse(Status::InvalidArgument(message)); }

// The node `arg` names: an id, "paper:<arxiv id>", or a name or alias.
Result<std::optional<NodeView>> Resolve(const Store& store, const std::string& arg) {
  std::string id = arg;
  if (id.rfind("paper:", 0) == 0) id = "arxiv:" + id.substr(6);
  if (KindOfId(id)) {
    Result<std::optional<NodeView>> n = store.GetNode(id);
    if (!n.ok() || n->has_value()) return n;
  }
  std::vector<std::string> ids;
  if (Status s = store.LookupName(NormalizeName(KindOfId(arg) ? IdKey(arg) : arg), &ids); !s.ok()) return s;
  for (const std::string& candidate : ids) {
    Result<std::optional<NodeView>> n = store.GetNode(candidate);
    if (!n.ok() || n->has_value()) return n;
  }
  return std::optional<NodeView>();
}

json Where(const Provenance& p) { return {{"file", p.file}, {"line", p.line}, {"snippet", p.snippet}}; }

std::string NameOf(const Store& store, const std::string& id) {
  Result<std::optional<NodeView>> n = store.GetNode(id);
  return n.ok() && n->has_value() ? (*n)->DisplayName() : std::string(IdKey(id));
}

}  // namespace

ApiResponse ErrorResponse(const Status& status) {
  const std::string& message = status.message();
  std::string first = message.substr(0, message.find('\n'));
  json position = nullptr, expected = nullptr;
  std::string error = first;
  // "query:L:C: message" (query/query_error.h).
  if (first.rfind("query:", 0) == 0) {
    int line = 0, column = 0;
    const char* p = first.data() + 6;
    const char* end = first.data() + first.size();
    auto [l_end, l_ec] = std::from_chars(p, end, line);
    if (l_ec == std::errc() && l_end < end && *l_end == ':') {
      auto [c_end, c_ec] = std::from_chars(l_end + 1, end, column);
      if (c_ec == std::errc() && end - c_end >= 2 && c_end[0] == ':' && c_end[1] == ' ') {
        position = {{"line", line}, {"column", column}};
        error = std::string(c_end + 2, end);
      }
    }
  }
  size_t e = error.find("expected ");
  if (e != std::string::npos) {
    std::string rest = error.substr(e + 9);
    size_t stop = rest.find(", got");
    expected = rest.substr(0, stop);
  }
  int http = 500;
  switch (status.code()) {
    case Status::Code::kInvalidArgument:
    case Status::Code::kLimitExceeded: http = 400; break;
    case Status::Code::kNotFound: http = 404; break;
    default: break;
  }
  json code = ErrorToJson(status)["error"]["code"];
  return {http, {{"error", error}, {"code", code}, {"message", message}, {"position", position}, {"expected", expected}}};
}

std::string NodeSelector(const std::string& arg) {
  if (arg.empty() || arg.size() > 1024) return "";
  for (const char* k : {"paper:", "org:", "topic:", "post:"}) {
    std::string_view prefix = k;
    if (arg.rfind(prefix, 0) == 0 && arg.size() > prefix.size()) {
      char c = arg[prefix.size()];
      if (c == '"' || c == '~') return arg;  // already a selector
      return std::string(prefix) + Quote(arg.substr(prefix.size()));
    }
  }
  if (std::optional<NodeKind> kind = KindOfId(arg)) {
    std::string_view key = IdKey(arg);
    if (arg.rfind("arxiv:", 0) == 0) return "paper:" + Quote(key);
    if (arg.rfind("title:", 0) == 0) return "paper:" + Quote(arg);
    return std::string(NodeKindName(*kind)) + ":" + Quote(key);
  }
  return "paper:" + Quote(arg);  // a bare arXiv id or title
}

Api::~Api() {
  std::lock_guard<std::mutex> lock(refresh_mu_);
  if (refresher_.joinable()) refresher_.join();
}

void Api::MaybeRefreshSnapshot() {
  if (refreshing_.load() || engine_.CurrentSnapshot()) return;
  std::lock_guard<std::mutex> lock(refresh_mu_);
  if (refreshing_.exchange(true)) return;
  if (refresher_.joinable()) refresher_.join();  // the last build has finished
  refresher_ = std::thread([this] {
    Store::ReadScope view = store_->PinView();  // CatchUp may not replace the instance mid-build
    (void)engine_.Snapshot();  // a failed build is retried by the next request
    refreshing_ = false;
  });
}

Store::ReadScope Api::BeginRead() {
  {
    std::lock_guard<std::mutex> lock(catch_up_mu_);
    auto now = std::chrono::steady_clock::now();
    if (now - last_catch_up_ >= options_.catch_up_interval) {
      // Waits for the requests in flight, at most catch_up_max_wait; when
      // they take longer (a slow query), the next request tries again. A
      // failed catch-up leaves the last view; the next one retries too.
      bool caught_up = false;
      Status s = store_->CatchUp(options_.catch_up_max_wait, &caught_up);
      if (s.ok() && caught_up) last_catch_up_ = now;
    }
  }
  return store_->PinView();
}

ApiResponse Api::RunQuery(const std::string& q) {
  Store::ReadScope view = BeginRead();
  MaybeRefreshSnapshot();
  QueryOptions options;
  options.limits = options_.limits;
  options.collect_subgraph = true;
  options.source = GraphSource::kAuto;
  Result<QueryResult> r = engine_.Run(q, options);
  if (!r.ok()) return ErrorResponse(r.status());
  ApiResponse answer;  // written as text: a 250 KB answer's json tree cost more than the query
  answer.text = ResultJsonText(*r, -1);
  answer.content_type = "application/json; charset=utf-8";
  return answer;
}

ApiResponse Api::Query(const std::string& q) {
  if (q.find_first_not_of(" \t\r\n") == std::string::npos) return BadParam("q: the query is empty");
  if (q.size() > options_.max_query_bytes)
    return BadParam("q: the query is longer than " + std::to_string(options_.max_query_bytes) + " bytes");
  return RunQuery(q);
}

ApiResponse Api::Neighbors(const std::string& id, const std::string& depth) {
  std::string sel = NodeSelector(id);
  if (sel.empty()) return BadParam("id: a node id is required (e.g. org:bytedance)");
  int d = 1;
  if (!depth.empty()) {
    std::optional<int> v = ParseInt(depth);
    if (!v || *v < 1 || *v > options_.limits.max_depth)
      return BadParam("depth: expected a whole number from 1 to " + std::to_string(options_.limits.max_depth) +
                      ", got '" + depth.substr(0, 20) + "'");
    d = *v;
  }
  return RunQuery("neighbors " + sel + " depth " + std::to_string(d));
}

ApiResponse Api::Path(const std::string& from, const std::string& to) {
  std::string a = NodeSelector(from), b = NodeSelector(to);
  if (a.empty()) return BadParam("from: a node id is required");
  if (b.empty()) return BadParam("to: a node id is required");
  return RunQuery("path " + a + " to " + b);
}

ApiResponse Api::Related(const std::string& id, const std::string& top) {
  std::string sel = NodeSelector(id);
  if (sel.empty()) return BadParam("id: a paper id is required (e.g. arxiv:2510.25741)");
  int n = 10;
  if (!top.empty()) {
    std::optional<int> v = ParseInt(top);
    if (!v || *v < 1 || *v > 100) return BadParam("top: expected a whole number from 1 to 100");
    n = *v;
  }
  return RunQuery("related " + sel + " | top " + std::to_string(n));
}

ApiResponse Api::Search(const std::string& prefix, const std::string& kind) {
  std::optional<NodeKind> want;
  if (!kind.empty()) {
    want = ParseNodeKind(kind);
    if (!want) return BadParam("kind: expected paper, org, topic or post, got '" + kind.substr(0, 20) + "'");
  }
  std::string norm = NormalizeName(prefix);
  if (norm.empty()) return BadParam("prefix: at least one letter is required");
  if (norm.size() > 200) return BadParam("prefix: longer than 200 bytes");
  Store::ReadScope view = BeginRead();
  std::vector<std::pair<std::string, std::string>> found;
  if (Status s = store_->ScanNamePrefix(norm, options_.search_limit * 8, &found); !s.ok()) return ErrorResponse(s);
  json out = json::array();
  std::vector<std::string> seen;
  for (const auto& [name, id] : found) {
    if (out.size() >= options_.search_limit) break;
    if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
    std::optional<NodeKind> k = KindOfId(id);
    if (!k || (want && *k != *want)) continue;
    Result<std::optional<NodeView>> n = store_->GetNode(id);
    if (!n.ok() || !n->has_value()) continue;
    seen.push_back(id);
    out.push_back({{"id", id}, {"kind", NodeKindName(*k)}, {"name", (*n)->DisplayName()}, {"matched", name}});
  }
  return {200, {{"prefix", prefix}, {"results", out}}};
}

ApiResponse Api::Stats() {
  Store::ReadScope view = BeginRead();
  Result<GraphCounts> c = store_->Count();
  if (!c.ok()) return ErrorResponse(c.status());
  json nodes, edges;
  for (NodeKind k : kAllNodeKinds) nodes[std::string(NodeKindName(k))] = c->nodes[static_cast<int>(k)];
  for (EdgeKind k : kAllEdgeKinds) edges[std::string(EdgeKindName(k))] = c->edges[static_cast<int>(k)];
  return {200, {{"nodes", nodes}, {"edges", edges}, {"documents", c->documents}, {"sequence", store_->Sequence()}}};
}

ApiResponse Api::Node(const std::string& arg) {
  if (arg.empty() || arg.size() > 1024) return BadParam("id: a node id is required");
  Store::ReadScope view = BeginRead();
  Result<std::optional<NodeView>> found = Resolve(*store_, arg);
  if (!found.ok()) return ErrorResponse(found.status());
  if (!found->has_value()) return ErrorResponse(Status::NotFound(arg + ": no such node"));
  const NodeView& n = **found;
  json j;
  j["id"] = n.id;
  j["kind"] = NodeKindName(n.kind);
  j["name"] = n.DisplayName();
  j["subtitle"] = n.Value("subtitle");
  j["title_ko"] = n.Value("title_ko");
  j["dates"] = n.Values("date");
  json links = json::object();
  if (std::string arxiv = n.Value("arxiv"); !arxiv.empty()) {
    links["arxiv"] = "https://arxiv.org/abs/" + arxiv;
    links["huggingface"] = "https://huggingface.co/papers/" + arxiv;
  }
  links["urls"] = n.Values("url");
  j["links"] = links;
  json sections = json::array(), props = json::object();
  for (const PropertyFact& p : n.props) {
    props[p.name].push_back({{"value", p.value}, {"file", p.where.file}, {"line", p.where.line}});
    if (p.name.rfind("section:", 0) == 0)
      sections.push_back({{"name", p.name.substr(8)}, {"text", p.value}, {"file", p.where.file}, {"line", p.where.line}});
  }
  j["sections"] = sections;
  j["properties"] = props;

  json orgs = json::array(), topics = json::array(), reviews = json::array();
  json out_edges = json::object(), in_edges = json::object();
  std::map<std::string, size_t> counts;
  for (Direction d : {Direction::kOut, Direction::kIn}) {
    json& group = d == Direction::kOut ? out_edges : in_edges;
    Status s = store_->ForEachEdge(n.id, d, std::nullopt, [&](const EdgeView& e) {
      const std::string& other = d == Direction::kOut ? e.dst : e.src;
      std::string kind(EdgeKindName(e.kind));
      size_t& count = counts[(d == Direction::kOut ? "out:" : "in:") + kind];
      if (++count > options_.edges_per_kind) return true;
      json evidence = json::array();
      for (size_t i = 0; i < e.evidence.size() && i < 5; ++i) evidence.push_back(Where(e.evidence[i]));
      json item = {{"id", other}, {"name", NameOf(*store_, other)}, {"weight", e.weight}, {"evidence", evidence}};
      std::optional<NodeKind> ok = KindOfId(other);
      if (d == Direction::kOut && ok == NodeKind::kOrg) {
        // An org both tagged (affiliated) and named in the text (mentions) is listed once.
        bool seen = false;
        for (json& o : orgs)
          if (o["id"] == other) {
            seen = true;
            for (const json& ev : evidence) o["evidence"].push_back(ev);
          }
        if (!seen) orgs.push_back(item);
      }
      if (d == Direction::kOut && ok == NodeKind::kTopic && e.kind == EdgeKind::kMentions) topics.push_back(item);
      if (d == Direction::kIn && e.kind == EdgeKind::kReviews) {
        Result<std::optional<NodeView>> post = store_->GetNode(other);
        json r = {{"id", other}, {"title", item["name"]}, {"date", nullptr}, {"position", e.position}};
        if (post.ok() && post->has_value()) r["date"] = (*post)->Value("date");
        reviews.push_back(r);
      }
      group[kind].push_back(item);
      return true;
    });
    if (!s.ok()) return ErrorResponse(s);
  }
  j["orgs"] = orgs;
  j["topics"] = topics;
  j["reviews"] = reviews;
  j["out"] = out_edges;
  j["in"] = in_edges;
  json truncated = json::object();
  for (const auto& [k, c] : counts)
    if (c > options_.edges_per_kind) truncated[k] = c;
  j["truncated"] = truncated;
  return {200, j};
}

ApiResponse Api::Export(const std::string& format, const std::string& q) {
  static const char* kFormats[][3] = {
      {"dot", "text/vnd.graphviz; charset=utf-8", "dot"},
      {"graphml", "application/graphml+xml; charset=utf-8", "graphml"},
      {"gexf", "application/gexf+xml; charset=utf-8", "gexf"},
      {"json", "application/json; charset=utf-8", "json"},
      {"cytoscape", "application/json; charset=utf-8", "cyjs"},
  };
  const char* const* f = nullptr;
  for (const auto& row : kFormats)
    if (format == row[0]) f = row;
  if (!f)
    return BadParam("format: expected dot, graphml, gexf, json or cytoscape, got '" + format.substr(0, 20) +
                    "' (neo4j-csv writes a directory: use `papergraph export`)");
  if (q.size() > options_.max_query_bytes)
    return BadParam("q: the query is longer than " + std::to_string(options_.max_query_bytes) + " bytes");
  Store::ReadScope view = BeginRead();
  bool whole = q.find_first_not_of(" \t\r\n") == std::string::npos;
  Result<ExportGraph> g = whole ? LoadWholeGraph(*store_) : LoadQueryGraph(*store_, q, options_.limits);
  if (!g.ok()) return ErrorResponse(g.status());
  std::ostringstream out;
  std::string name = f[0];
  if (name == "dot") {
    WriteDot(*g, DotOptions{}, out);
  } else if (name == "graphml") {
    WriteGraphml(*g, out);
  } else if (name == "gexf") {
    WriteGexf(*g, out);
  } else if (name == "cytoscape") {
    out << CytoscapeElements(*g).dump(1) << "\n";
  } else if (Status s = whole ? WritePlainJson(*store_, out) : WritePlainJson(*store_, *g, out); !s.ok()) {
    return ErrorResponse(s);
  }
  ApiResponse r;
  r.text = out.str();
  r.content_type = f[1];
  r.filename = std::string("papergraph.") + f[2];
  return r;
}

ApiResponse Api::Map(const MapParams& p) {
  TopicMapOptions o;
  o.topic = p.topic;
  o.org = p.org;
  o.since = p.since;
  o.until = p.until;
  for (auto [text, field, lo, hi, name] :
       {std::tuple{&p.min_weight, &o.min_weight, 1, 1000000, "min_weight"},
        std::tuple{&p.max_topics, &o.max_topics, 1, 500, "max_topics"}}) {
    if (text->empty()) continue;
    std::optional<int> v = ParseInt(*text);
    if (!v || *v < lo || *v > hi)
      return BadParam(std::string(name) + ": expected a whole number from " + std::to_string(lo) + " to " +
                      std::to_string(hi));
    *field = *v;
  }
  if (!p.format.empty() && p.format != "json" && p.format != "dot")
    return BadParam("format: expected json or dot, got '" + p.format.substr(0, 20) + "'");
  Store::ReadScope view = BeginRead();
  Result<TopicMap> map = BuildTopicMap(*store_, o);
  if (!map.ok()) return ErrorResponse(map.status());
  if (p.format == "dot") {
    std::ostringstream out;
    WriteTopicMapDot(*map, out);
    ApiResponse r;
    r.text = out.str();
    r.content_type = "text/vnd.graphviz; charset=utf-8";
    r.filename = "papergraph-topic-map.dot";
    return r;
  }
  return {200, TopicMapJson(*map)};
}

}  // namespace pg::web
