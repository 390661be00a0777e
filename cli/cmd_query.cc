// papergraph query 'Q' | path A B | related A | neighbors X | why A B: run a
// query of the path/neighbor language (docs/query.md) on a read-only store
// and print a table or JSON. `query` without an argument reads queries from
// the terminal (a prompt; a trailing backslash continues a line) or, when
// stdin is not a terminal, one query per line.
#include <unistd.h>

#include <iostream>
#include <optional>
#include <string>

#include "cli/commands.h"
#include "cli/line_reader.h"
#include "core/text.h"
#include "export/dot_exporter.h"
#include "export/export_graph.h"
#include "export/graphml_exporter.h"
#include "query/engine.h"
#include "query/render.h"

namespace pg::cli {
namespace {

struct QueryCliOptions {
  std::string query;
  std::string format = "table";
  std::string graph;  // "" : store for one query, auto for a session
  QueryLimits limits;
  // path / related / neighbors / why
  std::string a, b;
  std::vector<std::string> via;
  int max_hops = 0;
  bool all = false;
  std::string by;
  int top = 10;
  int depth = 1;
  bool one_shot = true;  // false in a session of queries (the snapshot then pays off)
};

void AddCommonOptions(CLI::App* cmd, QueryCliOptions* o) {
  cmd->add_option("--format", o->format,
                  "table, json, or the subgraph the answer rests on as dot (Graphviz) or graphml")
      ->check(CLI::IsMember({"table", "json", "dot", "graphml"}));
  cmd->add_option("--graph", o->graph,
                  "store (prefix scans; the default for one query), auto (the Boost.Graph snapshot for path "
                  "and related, then for all; the default for a session of queries) or snapshot")
      ->check(CLI::IsMember({"auto", "store", "snapshot"}));
  cmd->add_option("--max-rows", o->limits.max_rows, "fail when the result has more rows (default 1000)");
  cmd->add_option("--timeout-ms", o->limits.timeout_ms, "fail after this much wall time (default 10000)");
  cmd->add_option("--max-depth", o->limits.max_depth, "deepest repetition, path or neighbourhood (default 10)")
      ->check(CLI::Range(1, 1000));
  cmd->add_option("--max-intermediate", o->limits.max_intermediate,
                  "most rows held while evaluating (default 2000000)");
}

// A node argument of path/related/neighbors/why as a query selector:
// `paper:2510.1` stays, `topic:loop transformers` gets quotes, a bare
// `2510.25741` or title is a paper.
std::string NodeArg(const std::string& arg) {
  std::string kind, key = arg;
  for (const char* k : {"paper", "org", "topic", "post"}) {
    std::string prefix = std::string(k) + ":";
    if (arg.rfind(prefix, 0) == 0) {
      kind = k;
      key = arg.substr(prefix.size());
    }
  }
  if (kind.empty()) kind = "paper";
  if (!key.empty() && (key[0] == '"' || key[0] == '~')) return kind + ":" + key;
  bool plain = !key.empty() && key.find_first_of(" \t|[](),\"") == std::string::npos;
  if (plain) return kind + ":" + key;
  std::string quoted = "\"";
  for (char c : key) {
    if (c == '"' || c == '\\') quoted.push_back('\\');
    quoted.push_back(c);
  }
  return kind + ":" + quoted + "\"";
}

std::string Join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

// Runs one query and prints its answer; false when it failed.
bool RunOne(const Store& store, QueryEngine& engine, const std::string& text, const QueryCliOptions& o) {
  if (o.format == "dot" || o.format == "graphml") {
    // The picture of the answer: its nodes, the stored edges among them and
    // the edges it rests on, as `papergraph export --query` writes it.
    Result<ExportGraph> graph = LoadQueryGraph(store, text, o.limits);
    if (!graph.ok()) {
      std::cerr << graph.status().message() << "\n";
      return false;
    }
    if (o.format == "dot")
      WriteDot(*graph, DotOptions{}, std::cout);
    else
      WriteGraphml(*graph, std::cout);
    std::cout.flush();
    return true;
  }
  QueryOptions options;
  options.limits = o.limits;
  options.collect_subgraph = o.format == "json";
  options.source = o.graph == "store" ? GraphSource::kStore
                   : o.graph == "snapshot" ? GraphSource::kSnapshot
                                           : GraphSource::kAuto;
  // One query in a fresh process: the snapshot would be read whole, used
  // once and thrown away; prefix scans answer sooner.
  if (o.graph.empty() && o.one_shot) options.source = GraphSource::kStore;
  Result<QueryResult> r = engine.Run(text, options);
  if (!r.ok()) {
    std::cerr << r.status().message() << "\n";
    return false;
  }
  if (o.format == "json")
    std::cout << ResultJsonText(*r, 2) << "\n";
  else
    std::cout << RenderTable(*r);
  std::cout.flush();
  return true;
}

// Reads queries line by line; a line ending in a backslash continues. At a
// terminal lines are edited with editline and queries are kept in a history
// (LineReader); a query of several lines is remembered as one line.
void Interactive(Store* store, QueryEngine& engine, QueryCliOptions o, bool tty, GlobalOptions& g) {
  o.one_shot = false;
  if (tty)
    std::cout << "papergraph query: one query per line; end a line with \\ to continue it; "
                 ":json / :table switch the output; the up arrow recalls earlier queries; "
                 ":quit or Ctrl-D leaves\n" << std::flush;
  LineReader lines(tty, LineReader::DefaultHistoryFile());
  std::string text, typed;  // the query so far; the same on one line, for the history
  bool failed = false;
  while (true) {
    std::optional<std::string> line = lines.Read(text.empty() ? "papergraph> " : "        ...> ");
    if (!line) break;
    if (!line->empty() && line->back() == '\\') {
      line->pop_back();
      text += *line + "\n";
      typed += std::string(Trim(*line)) + " ";
      continue;
    }
    text += *line;
    typed += *line;
    std::string q = text;
    lines.Remember(typed);
    text.clear();
    typed.clear();
    size_t first = q.find_first_not_of(" \t\n");
    if (first == std::string::npos || q[first] == '#') continue;
    if (q == ":quit" || q == ":q" || q == "exit" || q == "quit") break;
    if (q == ":json" || q == ":table") {
      o.format = q.substr(1);
      continue;
    }
    // See what an import running beside us has committed.
    if (Status s = store->CatchUp(); !s.ok()) std::cerr << "papergraph: " << s.message() << "\n";
    if (!RunOne(*store, engine, q, o)) failed = true;
  }
  if (tty) std::cout << "\n";
  // At a terminal a mistyped query is part of the conversation; in a script it fails the run.
  if (failed && !tty) g.exit_code = kExitFailed;
}

// Runs `text`, or without one (nullopt) reads queries from stdin.
void RunQueryText(GlobalOptions& g, const std::optional<std::string>& text, const QueryCliOptions& o,
                  const std::string& holder) {
  std::unique_ptr<Store> store = OpenStore(g, Store::Mode::kRead, holder);
  if (!store) return;
  QueryEngine engine(store.get());
  if (text) {
    if (!RunOne(*store, engine, *text, o)) g.exit_code = kExitFailed;
    return;
  }
  Interactive(store.get(), engine, o, isatty(STDIN_FILENO), g);
}

}  // namespace

void RegisterQuery(CLI::App& app, GlobalOptions& g) {
  auto o = std::make_shared<QueryCliOptions>();
  CLI::App* cmd = app.add_subcommand("query", "Run a query (docs/query.md); without one, read queries from stdin");
  CLI::Option* given =
      cmd->add_option("query", o->query, "the query, e.g. 'topic:\"loop transformers\" - paper - org | count by org'");
  AddCommonOptions(cmd, o.get());
  // An empty argument ('') is a query (an error), not a request for the prompt.
  cmd->callback([&g, o, given] {
    RunQueryText(g, given->count() > 0 ? std::optional<std::string>(o->query) : std::nullopt, *o, "papergraph query");
  });

  auto p = std::make_shared<QueryCliOptions>();
  CLI::App* path = app.add_subcommand("path", "The shortest chain between two nodes, each hop explained");
  path->add_option("from", p->a, "a node: paper:2510.25741, org:google, topic:\"kv cache\"")->required();
  path->add_option("to", p->b, "a node")->required();
  path->add_option("--via", p->via, "edge or node kinds the path may use (comma separated)")->delimiter(',');
  path->add_option("--max", p->max_hops, "most hops")->check(CLI::PositiveNumber);
  path->add_flag("--all", p->all, "every shortest path, not only the first");
  AddCommonOptions(path, p.get());
  path->callback([&g, p] {
    std::string q = "path " + NodeArg(p->a) + " to " + NodeArg(p->b);
    if (!p->via.empty()) q += " via " + Join(p->via, ",");
    if (p->max_hops > 0) q += " max " + std::to_string(p->max_hops);
    if (p->all) q += " all";
    RunQueryText(g, q, *p, "papergraph path");
  });

  auto r = std::make_shared<QueryCliOptions>();
  CLI::App* related = app.add_subcommand("related", "Papers most related to a paper, with the reasons");
  related->add_option("paper", r->a, "a paper: paper:2510.25741 or its title")->required();
  related->add_option("--by", r->by, "topics, labs, links, reviews or all (comma separated; default all)");
  related->add_option("--top", r->top, "how many (default 10)")->check(CLI::PositiveNumber);
  AddCommonOptions(related, r.get());
  related->callback([&g, r] {
    std::string q = "related " + NodeArg(r->a);
    if (!r->by.empty()) q += " by " + r->by;
    q += " | top " + std::to_string(r->top);
    RunQueryText(g, q, *r, "papergraph related");
  });

  auto n = std::make_shared<QueryCliOptions>();
  CLI::App* neighbors = app.add_subcommand("neighbors", "Nodes within N hops of a node");
  neighbors->add_option("node", n->a, "a node")->required();
  neighbors->add_option("--depth", n->depth, "hops (default 1)")->check(CLI::PositiveNumber);
  neighbors->add_option("--via", n->via, "edge or node kinds to follow (comma separated)")->delimiter(',');
  AddCommonOptions(neighbors, n.get());
  neighbors->callback([&g, n] {
    std::string q = "neighbors " + NodeArg(n->a) + " depth " + std::to_string(n->depth);
    if (!n->via.empty()) q += " via " + Join(n->via, ",");
    RunQueryText(g, q, *n, "papergraph neighbors");
  });

  auto w = std::make_shared<QueryCliOptions>();
  CLI::App* why = app.add_subcommand("why", "Every edge between two nodes, with the text that supports it");
  why->add_option("a", w->a, "a node")->required();
  why->add_option("b", w->b, "a node")->required();
  AddCommonOptions(why, w.get());
  why->callback([&g, w] { RunQueryText(g, "why " + NodeArg(w->a) + " " + NodeArg(w->b), *w, "papergraph why"); });
}

}  // namespace pg::cli
