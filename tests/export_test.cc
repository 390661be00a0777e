// The exporters and the topic map, each format checked by its real consumer
// when it is installed (Graphviz's dot, xmllint, a JSON parser, an RFC 4180
// reader): counts equal Store::Count(), hostile labels survive, two exports
// are byte-identical, and query subgraphs hold what the answer touched.
#include <doctest/doctest.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "export/cytoscape_json.h"
#include "export/dot_exporter.h"
#include "export/export_graph.h"
#include "export/gexf_exporter.h"
#include "export/graphml_exporter.h"
#include "export/graphviz.h"
#include "export/neo4j_csv_exporter.h"
#include "export/plain_json.h"
#include "export/text_escape.h"
#include "export/topic_map.h"
#include "importers/importer.h"
#include "storage/store.h"
#include "tests/test_util.h"

using namespace pg;
using pg::testing::ScratchDir;
using pg::testing::WriteFile;

namespace {

const char* kPostA =
    "# 2025-10-20 papers review\n"
    "\n"
    "## 1. [Looped Transformers Think in Depth](https://huggingface.co/papers/2510.90001) `bytedance`\n"
    "\n"
    "looped transformer 구조에 speculative decoding 을 더한다. quantization 도 쓴다.\n"
    "\n"
    "## 2. [Loopholing the \"Denoiser\" & <Friends> C:\\\\path](https://arxiv.org/pdf/2510.90003) `Nvidia`\n"
    "\n"
    "discrete diffusion 논문. quantization 과 speculative decoding.\n"
    "\n"
    "## 3. [Draft Less, Accept More](https://arxiv.org/abs/2510.90002) `google`\n"
    "\n"
    "speculative decoding with quantization and a looped transformer draft model.\n";

const char* kPostB =
    "# 2025-10-22 papers review\n"
    "\n"
    "## 1. [Recurrent Depth at Scale](https://huggingface.co/papers/2510.90004) `shaomi`\n"
    "\n"
    "[이전 글](/docs/papers/y2025/oct/20251020#1-looped-transformers-think-in-depth-bytedance) 의 후속. "
    "looped transformer 와 speculative decoding.\n"
    "\n"
    "## 2. [깊이 반복 모델: 한국어 제목](https://arxiv.org/abs/2510.90005) `bytedance`\n"
    "\n"
    "quantization 과 discrete diffusion.\n";

// Labels no real title would carry, for the escaping tests.
const std::string kHostile = "A \"quoted\" <b>bold</b> & C:\\path\\n\nsecond line 한국어 제목 'x' \x01 end";

std::unique_ptr<Extractor> LoadExtractor() {
  auto e = Extractor::Load(PAPERGRAPH_DATA_DIR, {});
  REQUIRE_MESSAGE(e.ok(), e.status().ToString());
  return std::move(e).value();
}

// A small imported graph in `dir`.
std::unique_ptr<Store> ImportedStore(const std::string& dir) {
  auto s = Store::Open(dir, Store::Mode::kWrite, "test");
  REQUIRE_MESSAGE(s.ok(), s.status().ToString());
  std::unique_ptr<Store> store = std::move(s).value();
  auto ex = LoadExtractor();
  for (auto [doc, text] : {std::pair{"docs/papers/y2025/oct/20251020.md", kPostA},
                           std::pair{"docs/papers/y2025/oct/20251022.md", kPostB}}) {
    ImportReport r;
    REQUIRE(Importer(store.get(), ex.get()).ImportText(doc, text, &r).ok());
    REQUIRE_MESSAGE(r.errors.empty(), r.errors.front());
  }
  return store;
}

ExportGraph HostileGraph() {
  ExportGraph g;
  g.nodes.push_back({"arxiv:2510.00001", NodeKind::kPaper, kHostile});
  g.nodes.push_back({"org:a&b", NodeKind::kOrg, "A & B \"Lab\""});
  g.nodes.push_back({"title:x \"y\" <z>", NodeKind::kPaper, "Title, with comma\r\nand CRLF"});
  g.nodes.push_back({"topic:한국어", NodeKind::kTopic, "양자화"});
  g.edges.push_back({"arxiv:2510.00001", EdgeKind::kAffiliated, "org:a&b", 1, 0, false});
  g.edges.push_back({"arxiv:2510.00001", EdgeKind::kMentions, "topic:한국어", 2.5, 0, false});
  g.edges.push_back({"title:x \"y\" <z>", EdgeKind::kLinksTo, "arxiv:2510.00001", 1, 0, true});
  return g;
}

bool HaveTool(const char* name) {
  std::string cmd = std::string("command -v ") + name + " >/dev/null 2>&1";
  return std::system(cmd.c_str()) == 0;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs `cmd` with stdout and stderr captured; returns the exit status.
int Run(const ScratchDir& tmp, const std::string& cmd, std::string* out, std::string* err) {
  std::string o = tmp.Sub("cmd.out"), e = tmp.Sub("cmd.err");
  int rc = std::system((cmd + " >'" + o + "' 2>'" + e + "'").c_str());
  *out = Slurp(o);
  *err = Slurp(e);
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

// Renders DOT with Graphviz: it must succeed and say nothing on stderr.
void CheckDotRenders(const ScratchDir& tmp, const std::string& dot, std::string* svg = nullptr) {
  if (!HaveTool("dot")) return;
  WriteFile(tmp.Sub("g.dot"), dot);
  std::string out, err;
  int rc = Run(tmp, "dot -Tsvg '" + tmp.Sub("g.dot") + "'", &out, &err);
  CHECK_MESSAGE(rc == 0, err);
  CHECK_MESSAGE(err.empty(), err);
  if (svg) *svg = out;
}

void CheckXmlValid(const ScratchDir& tmp, const std::string& xml, const char* name) {
  if (!HaveTool("xmllint")) return;
  WriteFile(tmp.Sub(name), xml);
  std::string out, err;
  int rc = Run(tmp, "xmllint --noout '" + tmp.Sub(name) + "'", &out, &err);
  CHECK_MESSAGE(rc == 0, err);
  CHECK_MESSAGE(err.empty(), err);
}

// An RFC 4180 reader: records of fields; quoted fields may hold , " CR LF.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field.push_back(c);
      }
    } else if (c == '"') {
      REQUIRE_MESSAGE(field.empty(), "a quote inside an unquoted field");
      quoted = any = true;
    } else if (c == ',') {
      row.push_back(field);
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      row.push_back(field);
      field.clear();
      rows.push_back(row);
      row.clear();
    } else {
      field.push_back(c);
      any = true;
    }
  }
  REQUIRE_MESSAGE(!quoted, "an unterminated quoted field");
  if (!field.empty() || !row.empty()) {
    row.push_back(field);
    rows.push_back(row);
  }
  (void)any;
  return rows;
}

size_t CountOf(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t p = text.find(needle); p != std::string::npos; p = text.find(needle, p + 1)) ++n;
  return n;
}

uint64_t Sum(const uint64_t* a, size_t n) {
  uint64_t s = 0;
  for (size_t i = 0; i < n; ++i) s += a[i];
  return s;
}

// Runs of white space as one space, trimmed.
std::string Collapse(const std::string& s) {
  std::string out;
  for (char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (space) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string Dot(const ExportGraph& g) {
  std::ostringstream out;
  WriteDot(g, {}, out);
  return out.str();
}
std::string Graphml(const ExportGraph& g) {
  std::ostringstream out;
  WriteGraphml(g, out);
  return out.str();
}
std::string Gexf(const ExportGraph& g) {
  std::ostringstream out;
  WriteGexf(g, out);
  return out.str();
}
std::string CsvNodes(const ExportGraph& g) {
  std::ostringstream out;
  WriteNeo4jNodes(g, out);
  return out.str();
}
std::string CsvRels(const ExportGraph& g) {
  std::ostringstream out;
  WriteNeo4jRelationships(g, out);
  return out.str();
}

}  // namespace

TEST_CASE("text escaping and wrapping") {
  CHECK(DotEscape("a \"b\" c\\d\ne") == "a \\\"b\\\" c\\\\d\\ne");
  CHECK(XmlEscape("<a & 'b' \"c\">\n\x01") == "&lt;a &amp; &apos;b&apos; &quot;c&quot;&gt;&#10;");
  CHECK(CsvField("plain") == "plain");
  CHECK(CsvField("a, \"b\"") == "\"a, \"\"b\"\"\"");
  CHECK(CsvField("two\nlines") == "\"two\nlines\"");
  CHECK(WrapText("Looped Transformers Think in Depth", 12) == "Looped\nTransformers\nThink in\nDepth");
  // Hangul counts two columns.
  CHECK(WrapText("깊이 반복 모델 한국어 제목", 10) == "깊이 반복\n모델\n한국어\n제목");
  CHECK(WrapText("one two three four five six", 3, 2) == "one\ntwo…");
  CHECK(NumberText(3) == "3");
  CHECK(NumberText(2.5) == "2.5");
}

TEST_CASE("whole-graph exports: every format has Store::Count() nodes and edges, and validates") {
  ScratchDir tmp;
  auto store = ImportedStore(tmp.Sub("db"));
  auto counts = store->Count();
  REQUIRE(counts.ok());
  const size_t nodes = Sum(counts->nodes, 4), edges = Sum(counts->edges, 5);
  auto g = LoadWholeGraph(*store);
  REQUIRE(g.ok());
  CHECK(g->nodes.size() == nodes);
  CHECK(g->edges.size() == edges);
  REQUIRE(nodes > 10);

  SUBCASE("plain json") {
    std::ostringstream out;
    REQUIRE(WritePlainJson(*store, out).ok());
    auto j = nlohmann::json::parse(out.str());
    CHECK(j["nodes"].size() == nodes);
    CHECK(j["edges"].size() == edges);
  }
  SUBCASE("cytoscape") {
    auto j = nlohmann::json::parse(CytoscapeElements(*g).dump());
    CHECK(j["elements"]["nodes"].size() == nodes);
    CHECK(j["elements"]["edges"].size() == edges);
    std::set<std::string> ids;
    for (const auto& n : j["elements"]["nodes"]) {
      ids.insert(n["data"]["id"].get<std::string>());
      CHECK(n["data"].contains("label"));
      CHECK(n["data"].contains("kind"));
    }
    for (const auto& e : j["elements"]["edges"]) {
      CHECK(ids.count(e["data"]["source"].get<std::string>()));
      CHECK(ids.count(e["data"]["target"].get<std::string>()));
      CHECK(e["data"]["weight"].is_number());
      ids.insert(e["data"]["id"].get<std::string>());  // ids unique across elements
    }
    CHECK(ids.size() == nodes + edges);
  }
  SUBCASE("dot") {
    std::string dot = Dot(*g);
    CHECK(CountOf(dot, " -> ") == edges + 4);  // + the legend's invisible chain
    std::string svg;
    CheckDotRenders(tmp, dot, &svg);
    if (!svg.empty()) CHECK(CountOf(svg, "class=\"node\"") == nodes + 5);  // + legend entries
  }
  SUBCASE("graphml") {
    std::string xml = Graphml(*g);
    CHECK(CountOf(xml, "<node ") == nodes);
    CHECK(CountOf(xml, "<edge ") == edges);
    CHECK(xml.find("attr.name=\"weight\" attr.type=\"double\"") != std::string::npos);
    CHECK(xml.find("attr.name=\"position\" attr.type=\"int\"") != std::string::npos);
    CheckXmlValid(tmp, xml, "g.graphml");
  }
  SUBCASE("gexf") {
    std::string xml = Gexf(*g);
    CHECK(CountOf(xml, "<node ") == nodes);
    CHECK(CountOf(xml, "<edge ") == edges);
    CHECK(xml.find("version=\"1.3\"") != std::string::npos);
    CheckXmlValid(tmp, xml, "g.gexf");
  }
  SUBCASE("neo4j csv") {
    REQUIRE(WriteNeo4jCsv(*g, tmp.Sub("neo4j")).ok());
    auto n = ParseCsv(Slurp(tmp.Sub("neo4j/nodes.csv")));
    auto r = ParseCsv(Slurp(tmp.Sub("neo4j/relationships.csv")));
    REQUIRE(n.size() == nodes + 1);
    REQUIRE(r.size() == edges + 1);
    CHECK(n[0] == std::vector<std::string>{"id:ID", "name", "kind", ":LABEL"});
    CHECK(r[0] == std::vector<std::string>{":START_ID", ":END_ID", ":TYPE", "weight:double", "position:int"});
    std::set<std::string> labels, types, ids;
    for (size_t i = 1; i < n.size(); ++i) {
      REQUIRE(n[i].size() == 4);
      labels.insert(n[i][3]);
      ids.insert(n[i][0]);
    }
    for (size_t i = 1; i < r.size(); ++i) {
      REQUIRE(r[i].size() == 5);
      types.insert(r[i][2]);
      CHECK(ids.count(r[i][0]));
      CHECK(ids.count(r[i][1]));
    }
    CHECK(labels == std::set<std::string>{"Org", "Paper", "Post", "Topic"});
    for (const std::string& t : types)
      CHECK(std::set<std::string>{"REVIEWS", "AFFILIATED", "MENTIONS", "LINKS_TO", "SUBTOPIC_OF"}.count(t));
    CHECK(types.count("REVIEWS"));
    CHECK(types.count("LINKS_TO"));
  }
}

TEST_CASE("a title with quotes, ampersand, angle brackets and backslash survives an import and every format") {
  ScratchDir tmp;
  auto store = ImportedStore(tmp.Sub("db"));
  auto g = LoadWholeGraph(*store);
  REQUIRE(g.ok());
  std::string title;
  for (const ExportNode& n : g->nodes)
    if (n.id == "arxiv:2510.90003") title = n.name;
  REQUIRE(title.find("\"Denoiser\"") != std::string::npos);
  CHECK(CytoscapeElements(*g).dump().find(nlohmann::json(title).dump()) != std::string::npos);
  CheckDotRenders(tmp, Dot(*g));
  CheckXmlValid(tmp, Graphml(*g), "g.graphml");
  CheckXmlValid(tmp, Gexf(*g), "g.gexf");
}

TEST_CASE("hostile labels are escaped in every format and read back unchanged") {
  ScratchDir tmp;
  ExportGraph g = HostileGraph();

  SUBCASE("dot renders, and the SVG shows the text") {
    std::string dot = Dot(g);
    CHECK(dot.find("C:\\\\path\\\\n") != std::string::npos);  // backslashes doubled
    CHECK(dot.find("\\\"quoted\\\"") != std::string::npos);
    CHECK(dot.find('\x01') == std::string::npos);
    std::string svg;
    CheckDotRenders(tmp, dot, &svg);
    if (!svg.empty()) {
      CHECK(svg.find("&lt;b&gt;bold&lt;/b&gt;") != std::string::npos);
      CHECK(svg.find("한국어") != std::string::npos);
      CHECK(svg.find("&quot;quoted&quot;") != std::string::npos);
      CHECK(svg.find("second line") != std::string::npos);
    }
  }
  SUBCASE("graphml: xmllint, and Boost's reader gives the labels back") {
    std::string xml = Graphml(g);
    CheckXmlValid(tmp, xml, "h.graphml");
    CHECK(xml.find("C:\\path\\n\nsecond line") != std::string::npos);  // the newline is kept
    CHECK(xml.find("&lt;b&gt;bold&lt;/b&gt; &amp;") != std::string::npos);
    struct V {
      std::string node_id, label, kind;
    };
    struct E {
      std::string kind;
      double weight = 0;
      int position = 0;
    };
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, V, E> back;
    boost::dynamic_properties dp(boost::ignore_other_properties);
    dp.property("node_id", boost::get(&V::node_id, back));
    dp.property("label", boost::get(&V::label, back));
    dp.property("kind", boost::get(&V::kind, back));
    dp.property("kind", boost::get(&E::kind, back));
    dp.property("weight", boost::get(&E::weight, back));
    dp.property("position", boost::get(&E::position, back));
    std::istringstream in(xml);
    boost::read_graphml(in, back, dp);
    REQUIRE(boost::num_vertices(back) == g.nodes.size());
    CHECK(boost::num_edges(back) == g.edges.size());
    for (size_t i = 0; i < g.nodes.size(); ++i) {
      CHECK(back[i].node_id == g.nodes[i].id);
      // Boost's reader (property_tree) collapses white space; the file keeps
      // the newline (element content), which xmllint's reading shows below.
      CHECK(Collapse(back[i].label) == Collapse(XmlSafe(g.nodes[i].name)));
    }
  }
  SUBCASE("gexf: xmllint, and the label attribute reads back") {
    std::string xml = Gexf(g);
    CheckXmlValid(tmp, xml, "h.gexf");
    if (HaveTool("xmllint")) {
      std::string out, err;
      Run(tmp,
          "xmllint --xpath 'string(//*[local-name()=\"node\"][1]/@label)' '" + tmp.Sub("h.gexf") + "'", &out,
          &err);
      CHECK(out == XmlSafe(g.nodes[0].name) + "\n");  // xmllint ends its output with a newline
    }
  }
  SUBCASE("cytoscape json") {
    auto j = nlohmann::json::parse(CytoscapeElements(g).dump());
    CHECK(j["elements"]["nodes"][0]["data"]["label"] == kHostile);
    CHECK(j["elements"]["nodes"][3]["data"]["label"] == "양자화");
    CHECK(j["elements"]["edges"][2]["data"]["answer"] == true);
  }
  SUBCASE("neo4j csv: RFC 4180 quoting reads back") {
    auto n = ParseCsv(CsvNodes(g));
    REQUIRE(n.size() == 5);
    CHECK(n[1][1] == kHostile);
    CHECK(n[2][0] == "org:a&b");
    CHECK(n[2][1] == "A & B \"Lab\"");
    CHECK(n[3][0] == "title:x \"y\" <z>");
    CHECK(n[3][1] == "Title, with comma\r\nand CRLF");
    auto r = ParseCsv(CsvRels(g));
    REQUIRE(r.size() == 4);
    CHECK(r[2] == std::vector<std::string>{"arxiv:2510.00001", "topic:한국어", "MENTIONS", "2.5", "0"});
  }
}

TEST_CASE("exports are deterministic: two exports are byte-identical") {
  ScratchDir tmp;
  auto store = ImportedStore(tmp.Sub("db"));
  auto a = LoadWholeGraph(*store), b = LoadWholeGraph(*store);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(Dot(*a) == Dot(*b));
  CHECK(Graphml(*a) == Graphml(*b));
  CHECK(Gexf(*a) == Gexf(*b));
  CHECK(CytoscapeElements(*a).dump() == CytoscapeElements(*b).dump());
  CHECK(CsvNodes(*a) == CsvNodes(*b));
  CHECK(CsvRels(*a) == CsvRels(*b));
  std::ostringstream j1, j2;
  REQUIRE(WritePlainJson(*store, j1).ok());
  REQUIRE(WritePlainJson(*store, j2).ok());
  CHECK(j1.str() == j2.str());
  // A second database importing the posts in the other order exports the same bytes.
  auto other = Store::Open(tmp.Sub("db2"), Store::Mode::kWrite, "test");
  REQUIRE(other.ok());
  auto ex = LoadExtractor();
  for (auto [doc, text] : {std::pair{"docs/papers/y2025/oct/20251022.md", kPostB},
                           std::pair{"docs/papers/y2025/oct/20251020.md", kPostA}}) {
    ImportReport r;
    REQUIRE(Importer(other->get(), ex.get()).ImportText(doc, text, &r).ok());
  }
  auto c = LoadWholeGraph(**other);
  REQUIRE(c.ok());
  CHECK(Dot(*a) == Dot(*c));
  CHECK(Graphml(*a) == Graphml(*c));
}

TEST_CASE("--query exports the subgraph the answer touches") {
  ScratchDir tmp;
  auto store = ImportedStore(tmp.Sub("db"));
  QueryLimits limits;

  SUBCASE("a pattern: its nodes and the stored edges among them") {
    auto g = LoadQueryGraph(*store, "org:bytedance - paper - topic", limits);
    REQUIRE_MESSAGE(g.ok(), g.status().ToString());
    std::set<std::string> ids;
    for (const ExportNode& n : g->nodes) ids.insert(n.id);
    CHECK(ids.count("org:bytedance"));
    CHECK(ids.count("arxiv:2510.90001"));
    CHECK_FALSE(ids.count("arxiv:2510.90002"));  // google's paper
    CHECK_FALSE(ids.empty());
    for (const ExportEdge& e : g->edges) {
      CHECK(ids.count(e.src));
      CHECK(ids.count(e.dst));
    }
    bool affiliated = false;
    for (const ExportEdge& e : g->edges)
      if (e.src == "arxiv:2510.90001" && e.kind == EdgeKind::kAffiliated && e.dst == "org:bytedance") {
        affiliated = true;
        CHECK(e.in_answer);
      }
    CHECK(affiliated);
    CHECK(g->query == "org:bytedance - paper - topic");
    CheckDotRenders(tmp, Dot(*g));
    CheckXmlValid(tmp, Graphml(*g), "q.graphml");
    std::ostringstream json;
    REQUIRE(WritePlainJson(*store, *g, json).ok());
    auto j = nlohmann::json::parse(json.str());
    CHECK(j["query"] == "org:bytedance - paper - topic");
    CHECK(j["nodes"].size() == g->nodes.size());
    CHECK(j["edges"].size() == g->edges.size());
  }
  SUBCASE("a path: its hops are marked") {
    auto g = LoadQueryGraph(*store, "path paper:2510.90004 to paper:2510.90002", limits);
    REQUIRE_MESSAGE(g.ok(), g.status().ToString());
    size_t answer = 0;
    std::set<std::string> ids;
    for (const ExportNode& n : g->nodes) ids.insert(n.id);
    CHECK(ids.count("arxiv:2510.90004"));
    CHECK(ids.count("arxiv:2510.90002"));
    for (const ExportEdge& e : g->edges) answer += e.in_answer;
    CHECK(answer >= 2);
    std::string dot = Dot(*g);
    CHECK(dot.find("penwidth=2.5") != std::string::npos);
    CheckDotRenders(tmp, dot);
  }
  SUBCASE("a bad query is an error naming the position") {
    auto g = LoadQueryGraph(*store, "paper -mentions->", limits);
    CHECK_FALSE(g.ok());
    CHECK(g.status().message().find("query:1:") != std::string::npos);
  }
}

TEST_CASE("the topic map: sizes, co-occurrence weights, clusters, labs and filters") {
  ScratchDir tmp;
  auto store = ImportedStore(tmp.Sub("db"));
  TopicMapOptions o;
  o.min_weight = 1;
  o.max_edges_per_topic = 0;
  auto map = BuildTopicMap(*store, o);
  REQUIRE_MESSAGE(map.ok(), map.status().ToString());
  CHECK(map->papers == 5);
  std::map<std::string, const MapTopic*> by_id;
  for (const MapTopic& t : map->topics) by_id[t.id] = &t;
  REQUIRE(by_id.count("topic:speculative-decoding"));
  REQUIRE(by_id.count("topic:quantization"));
  CHECK(by_id["topic:speculative-decoding"]->papers == 4);
  // Sorted by papers, most first.
  for (size_t i = 1; i < map->topics.size(); ++i) CHECK(map->topics[i - 1].papers >= map->topics[i].papers);
  // Speculative decoding and quantization share papers 90001, 90003 and 90002.
  int shared = 0;
  for (const MapEdge& e : map->edges)
    if (e.a == "topic:quantization" && e.b == "topic:speculative-decoding") shared = e.weight;
  CHECK(shared == 3);
  // Labs: bytedance is behind two quantization papers.
  const MapTopic* q = by_id["topic:quantization"];
  REQUIRE_FALSE(q->labs.empty());
  CHECK(q->labs[0] == std::pair<std::string, int>{"ByteDance", 2});
  // A subtopic sits in its top-level parent's cluster.
  if (by_id.count("topic:looped-transformer")) CHECK_FALSE(by_id["topic:looped-transformer"]->cluster.empty());

  std::ostringstream dot;
  WriteTopicMapDot(*map, dot);
  CHECK(dot.str().find("subgraph \"cluster_") != std::string::npos);
  CheckDotRenders(tmp, dot.str());
  auto j = nlohmann::json::parse(TopicMapJson(*map).dump());
  CHECK(j["topics"].size() == map->topics.size());
  CHECK(j["edges"].size() == map->edges.size());

  SUBCASE("filters") {
    TopicMapOptions f = o;
    f.org = "google";
    auto m = BuildTopicMap(*store, f);
    REQUIRE(m.ok());
    CHECK(m->org_id == "org:google");
    CHECK(m->papers == 1);
    f = o;
    f.since = "2025-10-21";
    m = BuildTopicMap(*store, f);
    REQUIRE(m.ok());
    CHECK(m->papers == 2);
    f = o;
    f.topic = "discrete diffusion";
    m = BuildTopicMap(*store, f);
    REQUIRE_MESSAGE(m.ok(), m.status().ToString());
    CHECK(m->papers == 2);
    f = o;
    f.max_topics = 2;
    m = BuildTopicMap(*store, f);
    REQUIRE(m.ok());
    CHECK(m->topics.size() == 2);
  }
  SUBCASE("bad filters") {
    TopicMapOptions f = o;
    f.since = "last week";
    auto m = BuildTopicMap(*store, f);
    CHECK(m.status().code() == Status::Code::kInvalidArgument);
    f = o;
    f.topic = "no such topic at all";
    m = BuildTopicMap(*store, f);
    CHECK_FALSE(m.ok());
  }
  SUBCASE("deterministic") {
    auto again = BuildTopicMap(*store, o);
    REQUIRE(again.ok());
    std::ostringstream dot2;
    WriteTopicMapDot(*again, dot2);
    CHECK(dot.str() == dot2.str());
  }
}

TEST_CASE("svg: Graphviz runs when installed, and its absence is explained") {
  if (!FindGraphviz().empty()) {
    std::string svg;
    REQUIRE(RunGraphviz("digraph { a -> b }", "svg", &svg).ok());
    CHECK(svg.find("<svg") != std::string::npos);
    Status bad = RunGraphviz("digraph { a -> ", "svg", &svg);
    CHECK(bad.code() == Status::Code::kIOError);
  }
  const char* old = std::getenv("PATH");
  std::string saved = old ? old : "";
  setenv("PATH", "/nonexistent-papergraph-test", 1);
  std::string svg;
  Status s = RunGraphviz("digraph { a -> b }", "svg", &svg);
  setenv("PATH", saved.c_str(), 1);
  CHECK(s.code() == Status::Code::kNotFound);
  CHECK(s.message().find("apt install graphviz") != std::string::npos);
}
