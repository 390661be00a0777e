#include "query/render.h"

#include <cmath>
#include <cstdio>

#include "core/json_writer.h"
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

// A table cell: its text on one line and that text's display width.
struct Cell {
  std::string text;
  size_t width = 0;
};

// `s` on one line, cut to `width` display columns with "…".
Cell Fit(std::string s, size_t width) {
  if (width == std::string::npos) width = static_cast<size_t>(-2);  // no limit
  // One line per cell; runs of spaces are kept (the id and name are two apart).
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  size_t full = DisplayWidth(s);
  if (full <= width) return {std::move(s), full};
  Cell out;
  for (size_t i = 0; i < s.size();) {
    size_t n = CodePointLength(s, i);
    size_t cw = DisplayWidth(std::string_view(s).substr(i, n));
    if (out.width + cw + 1 > width) break;
    out.text.append(s, i, n);
    out.width += cw;
    i += n;
  }
  out.text += "…";
  ++out.width;
  return out;
}

// A node as "id  name" for papers and posts (their ids are opaque:
// arxiv:2510.24035, post:docs/...), else the id; the id alone when there is
// no room left for a useful part of the name.
Cell NodeCell(const QueryResult& r, const std::string& id, size_t width) {
  const ResultNode* n = r.Node(id);
  bool opaque = n && (n->kind == NodeKind::kPost || id.rfind("arxiv:", 0) == 0);
  if (!opaque || n->name.empty() || n->name == id) return Fit(id, width);
  constexpr size_t kMinName = 12;
  if (width != std::string::npos && DisplayWidth(id) + 2 + kMinName > width) return Fit(id, width);
  std::string text;
  text.reserve(id.size() + 2 + n->name.size());
  text.append(id).append("  ").append(n->name);
  return Fit(std::move(text), width);
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

void WriteNode(JsonWriter& w, const ResultNode& n) {
  w.BeginObject();
  w.Key("id");
  w.String(n.id);
  w.Key("kind");
  w.String(NodeKindName(n.kind));
  w.Key("name");
  w.String(n.name);
  w.EndObject();
}

void WriteStrings(JsonWriter& w, const std::vector<std::string>& list) {
  w.BeginArray();
  for (const std::string& s : list) w.String(s);
  w.EndArray();
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
  std::vector<Cell> cells;  // the header, then each row: ncol a line
  std::vector<bool> numeric(ncol, !r.rows.empty());
  cells.reserve((r.rows.size() + 1) * ncol);
  for (const std::string& name : r.columns) cells.push_back({name, DisplayWidth(name)});
  // Wide tables get narrower cells; the last column is never cut (it holds
  // the evidence and reasons people came to read, and nothing follows it).
  size_t cell_width = ncol >= 4 ? style.max_cell_width * 2 / 3 : style.max_cell_width;
  for (const auto& row : r.rows)
    for (size_t c = 0; c < ncol; ++c) {
      size_t w = c + 1 == ncol ? std::string::npos : cell_width;
      cells.push_back(row[c].type == ResultValue::Type::kNode ? NodeCell(r, row[c].text, w) : Fit(CellText(row[c]), w));
      if (row[c].type != ResultValue::Type::kNumber) numeric[c] = false;
    }
  std::vector<size_t> width(ncol, 0);
  for (size_t i = 0; i < cells.size(); ++i) width[i % ncol] = std::max(width[i % ncol], cells[i].width);
  std::string out;
  // One line: cells padded to their column's width (numbers to the right),
  // no spaces at the end.
  auto emit = [&](const Cell* line) {
    size_t start = out.size();
    for (size_t c = 0; c < ncol; ++c) {
      size_t pad = width[c] - line[c].width;
      if (c > 0) out += "  ";
      if (numeric[c]) out.append(pad, ' ');
      out += line[c].text;
      if (!numeric[c] && c + 1 < ncol) out.append(pad, ' ');
    }
    while (out.size() > start && out.back() == ' ') out.pop_back();
    out += '\n';
  };
  if (ncol > 0) {
    emit(&cells[0]);
    std::vector<Cell> rule;
    for (size_t c = 0; c < ncol; ++c) rule.push_back({std::string(width[c], '-'), width[c]});
    emit(rule.data());
    for (size_t i = ncol; i < cells.size(); i += ncol) emit(&cells[i]);
  }
  if (style.show_footer) {
    out += "(";
    out += std::to_string(r.rows.size());
    out += r.rows.size() == 1 ? " row)\n" : " rows)\n";
    for (const std::string& n : r.notes) out += n + "\n";
  }
  return out;
}

std::string ResultJsonText(const QueryResult& r, int indent) {
  std::string out;
  JsonWriter w(&out, indent);
  w.BeginObject();
  w.Key("query");
  w.String(r.query);
  w.Key("command");
  w.String(r.command);
  w.Key("columns");
  WriteStrings(w, r.columns);
  w.Key("rows");
  w.BeginArray();
  for (const auto& row : r.rows) {
    w.BeginArray();
    for (const ResultValue& v : row) {
      switch (v.type) {
        case ResultValue::Type::kNull: w.Null(); break;
        case ResultValue::Type::kText: w.String(v.text); break;
        case ResultValue::Type::kList: WriteStrings(w, v.list); break;
        case ResultValue::Type::kNumber:
          if (v.number == std::floor(v.number) && std::fabs(v.number) < 9e15)
            w.Int(static_cast<int64_t>(v.number));
          else
            w.Double(v.number);
          break;
        case ResultValue::Type::kNode:
          if (const ResultNode* n = r.Node(v.text)) {
            WriteNode(w, *n);
          } else {
            w.BeginObject();
            w.Key("id");
            w.String(v.text);
            w.EndObject();
          }
          break;
      }
    }
    w.EndArray();
  }
  w.EndArray();
  w.Key("nodes");
  w.BeginArray();
  for (const ResultNode& n : r.nodes) WriteNode(w, n);
  w.EndArray();
  w.Key("edges");
  w.BeginArray();
  for (const ResultEdge& e : r.edges) {
    w.BeginObject();
    w.Key("src");
    w.String(e.src);
    w.Key("kind");
    w.String(EdgeKindName(e.kind));
    w.Key("dst");
    w.String(e.dst);
    w.EndObject();
  }
  w.EndArray();
  w.Key("edges_total");
  w.Uint(r.edges_total);
  w.Key("notes");
  WriteStrings(w, r.notes);
  w.Key("graph");
  w.String(r.graph);
  w.Key("elapsed_us");
  w.Uint(r.elapsed_us);
  w.EndObject();
  return out;
}

nlohmann::ordered_json ResultToJson(const QueryResult& r) { return nlohmann::ordered_json::parse(ResultJsonText(r, -1)); }

nlohmann::ordered_json ErrorToJson(const Status& status) {
  return {{"error", {{"code", CodeName(status.code()), }, {"message", status.message()}}}};
}

}  // namespace pg
