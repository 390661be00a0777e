#include "query/render.h"

#include <cmath>
#include <cstdio>

#include "core/text.h"

namespace pg {
namespace {

std::string FormatNumber(double v) {
  char buf[64];
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) {
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v));
    return buf;
  }
  std::snprintf(buf, sizeof buf, "%.3f", v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

size_t CodePointLength(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : c >> 5 == 6 ? 2 : c >> 4 == 14 ? 3 : c >> 3 == 30 ? 4 : 1;
  return std::min(n, s.size() - i);
}

// `s` on one line, cut to `width` display columns with "…".
std::string Fit(const std::string& in, size_t width) {
  if (width == std::string::npos) width = static_cast<size_t>(-2);  // no limit
  // One line per cell; runs of spaces are kept (the id and name are two apart).
  std::string s = in;
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  if (DisplayWidth(s) <= width) return s;
  std::string out;
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    size_t n = CodePointLength(s, i);
    size_t cw = DisplayWidth(s.substr(i, n));
    if (w + cw + 1 > width) break;
    out.append(s, i, n);
    w += cw;
    i += n;
  }
  return out + "…";
}

std::string Fit(const std::string& in, size_t width);

// A node as "id  name" for papers and posts (their ids are opaque:
// arxiv:2510.24035, post:docs/...), else the id; the id alone when there is
// no room left for a useful part of the name.
std::string NodeCell(const QueryResult& r, const std::string& id, size_t width) {
  const ResultNode* n = r.Node(id);
  bool opaque = n && (n->kind == NodeKind::kPost || id.rfind("arxiv:", 0) == 0);
  if (!opaque || n->name.empty() || n->name == id) return Fit(id, width);
  constexpr size_t kMinName = 12;
  if (width != std::string::npos && DisplayWidth(id) + 2 + kMinName > width) return Fit(id, width);
  return Fit(id + "  " + n->name, width);
}

std::string CellText(const ResultValue& v) {
  switch (v.type) {
    case ResultValue::Type::kNull: return "";
    case ResultValue::Type::kNumber: return FormatNumber(v.number);
    case ResultValue::Type::kText: return v.text;
    case ResultValue::Type::kList: {
      // A table is for reading: the first few items; JSON has them all.
      constexpr size_t kShown = 3;
      std::string s;
      for (size_t i = 0; i < v.list.size() && i < kShown; ++i) {
        if (!s.empty()) s += "; ";
        s += v.list[i];
      }
      if (v.list.size() > kShown) {
        s += "; (+";
        s += std::to_string(v.list.size() - kShown);
        s += " more)";
      }
      return s;
    }
    case ResultValue::Type::kNode: return v.text;  // see NodeCell
  }
  return "";
}

// Objects are filled key by key: nlohmann's initializer lists copy every
// element, which dominated the rendering of answers with 20,000 nodes.
nlohmann::ordered_json NodeJson(const ResultNode& n) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  j["id"] = n.id;
  j["kind"] = NodeKindName(n.kind);
  j["name"] = n.name;
  return j;
}

nlohmann::ordered_json EdgeJson(const ResultEdge& e) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  j["src"] = e.src;
  j["kind"] = EdgeKindName(e.kind);
  j["dst"] = e.dst;
  return j;
}

const char* CodeName(Status::Code c) {
  switch (c) {
    case Status::Code::kOk: return "ok";
    case Status::Code::kNotFound: return "not_found";
    case Status::Code::kInvalidArgument: return "invalid_argument";
    case Status::Code::kCorruption: return "corruption";
    case Status::Code::kIOError: return "io_error";
    case Status::Code::kBusy: return "busy";
    case Status::Code::kVersionMismatch: return "version_mismatch";
    case Status::Code::kLimitExceeded: return "limit_exceeded";
  }
  return "unknown";
}

}  // namespace

std::string RenderTable(const QueryResult& r, const TableStyle& style) {
  size_t ncol = r.columns.size();
  std::vector<std::vector<std::string>> cells;
  std::vector<bool> numeric(ncol, !r.rows.empty());
  cells.reserve(r.rows.size());
  // Wide tables get narrower cells; the last column is never cut (it holds
  // the evidence and reasons people came to read, and nothing follows it).
  size_t cell_width = ncol >= 4 ? style.max_cell_width * 2 / 3 : style.max_cell_width;
  for (const auto& row : r.rows) {
    std::vector<std::string> line;
    for (size_t c = 0; c < ncol; ++c) {
      size_t w = c + 1 == ncol ? std::string::npos : cell_width;
      line.push_back(row[c].type == ResultValue::Type::kNode ? NodeCell(r, row[c].text, w) : Fit(CellText(row[c]), w));
      if (row[c].type != ResultValue::Type::kNumber) numeric[c] = false;
    }
    cells.push_back(std::move(line));
  }
  std::vector<size_t> width(ncol);
  for (size_t c = 0; c < ncol; ++c) {
    width[c] = DisplayWidth(r.columns[c]);
    for (const auto& line : cells) width[c] = std::max(width[c], DisplayWidth(line[c]));
  }
  auto emit = [&](const std::vector<std::string>& line, std::string* out) {
    std::string text;
    for (size_t c = 0; c < ncol; ++c) {
      size_t pad = width[c] - DisplayWidth(line[c]);
      if (c > 0) text += "  ";
      if (numeric[c]) text.append(pad, ' ');
      text += line[c];
      if (!numeric[c] && c + 1 < ncol) text.append(pad, ' ');
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    *out += text + "\n";
  };
  std::string out;
  if (ncol > 0) {
    emit(r.columns, &out);
    std::vector<std::string> rule;
    for (size_t c = 0; c < ncol; ++c) rule.push_back(std::string(width[c], '-'));
    emit(rule, &out);
    for (const auto& line : cells) emit(line, &out);
  }
  if (style.show_footer) {
    out += "(";
    out += std::to_string(r.rows.size());
    out += r.rows.size() == 1 ? " row)\n" : " rows)\n";
    for (const std::string& n : r.notes) out += n + "\n";
  }
  return out;
}

nlohmann::ordered_json ResultToJson(const QueryResult& r) {
  nlohmann::ordered_json j;
  j["query"] = r.query;
  j["command"] = r.command;
  j["columns"] = r.columns;
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const auto& row : r.rows) {
    nlohmann::ordered_json line = nlohmann::ordered_json::array();
    for (const ResultValue& v : row) {
      switch (v.type) {
        case ResultValue::Type::kNull: line.push_back(nullptr); break;
        case ResultValue::Type::kText: line.push_back(v.text); break;
        case ResultValue::Type::kList: line.push_back(v.list); break;
        case ResultValue::Type::kNumber:
          if (v.number == std::floor(v.number) && std::fabs(v.number) < 9e15)
            line.push_back(static_cast<int64_t>(v.number));
          else
            line.push_back(v.number);
          break;
        case ResultValue::Type::kNode: {
          const ResultNode* n = r.Node(v.text);
          if (n) {
            line.push_back(NodeJson(*n));
          } else {
            nlohmann::ordered_json id = nlohmann::ordered_json::object();
            id["id"] = v.text;
            line.push_back(std::move(id));
          }
          break;
        }
      }
    }
    rows.push_back(std::move(line));
  }
  j["rows"] = std::move(rows);
  nlohmann::ordered_json nodes = nlohmann::ordered_json::array();
  for (const ResultNode& n : r.nodes) nodes.push_back(NodeJson(n));
  j["nodes"] = std::move(nodes);
  nlohmann::ordered_json edges = nlohmann::ordered_json::array();
  for (const ResultEdge& e : r.edges) edges.push_back(EdgeJson(e));
  j["edges"] = std::move(edges);
  j["edges_total"] = r.edges_total;
  j["notes"] = r.notes;
  j["graph"] = r.graph;
  j["elapsed_us"] = r.elapsed_us;
  return j;
}

nlohmann::ordered_json ErrorToJson(const Status& status) {
  return {{"error", {{"code", CodeName(status.code()), }, {"message", status.message()}}}};
}

}  // namespace pg
