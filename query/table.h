// The working table of a running query: named columns, rows of cells. A
// cell holds a node (a NodeRef of the query's GraphView), a text, a number
// or a list of texts (reasons, evidence). Stages read and rewrite it; the
// engine turns it into a QueryResult at the end. Plain data;
// thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/kinds.h"
#include "query/graph_view.h"

namespace pg {

struct Cell {
  enum class Type : uint8_t { kNull, kNode, kText, kNumber, kList };
  Type type = Type::kNull;
  NodeRef node = 0;
  double number = 0;
  std::string text;
  std::vector<std::string> list;

  static Cell Node(NodeRef n) {
    Cell c;
    c.type = Type::kNode;
    c.node = n;
    return c;
  }
  static Cell Text(std::string t) {
    Cell c;
    c.type = Type::kText;
    c.text = std::move(t);
    return c;
  }
  static Cell Number(double v) {
    Cell c;
    c.type = Type::kNumber;
    c.number = v;
    return c;
  }
  static Cell List(std::vector<std::string> items) {
    Cell c;
    c.type = Type::kList;
    c.list = std::move(items);
    return c;
  }
};

// An edge the query looked at, for the subgraph of the result.
struct TouchedEdge {
  NodeRef src = 0;
  EdgeKind kind = EdgeKind::kMentions;
  NodeRef dst = 0;
  bool operator==(const TouchedEdge&) const = default;
};

struct Table {
  std::vector<std::string> columns;
  // Columns not shown unless selected: pattern nodes fixed to one id (the
  // `topic:X` of `topic:X - paper` is the same in every row).
  std::vector<bool> hidden;
  std::vector<std::vector<Cell>> rows;

  // The index of the column named `name`, or nullopt.
  std::optional<size_t> Find(const std::string& name) const {
    for (size_t i = 0; i < columns.size(); ++i)
      if (columns[i] == name) return i;
    return std::nullopt;
  }
  void AddColumn(std::string name, bool is_hidden = false) {
    columns.push_back(std::move(name));
    hidden.push_back(is_hidden);
  }
};

// What a query body produced: the table, the edges it looked at, notes for
// people ("no path within 10 hops").
//
// A table whose every cell is a node may be left flat: `flat` holds its
// rows' NodeRefs, row after row (table.columns.size() per row), and
// table.rows stays empty until a stage needs real rows (Materialize). An
// answer of 200,000 nodes then goes to the result without a Cell row each.
struct BodyResult {
  Table table;
  std::vector<TouchedEdge> edges;
  std::vector<std::string> notes;
  bool is_flat = false;
  std::vector<NodeRef> flat;

  size_t RowCount() const { return is_flat ? (table.columns.empty() ? 0 : flat.size() / table.columns.size()) : table.rows.size(); }
  void Materialize() {
    if (!is_flat) return;
    size_t w = table.columns.size(), n = RowCount();
    table.rows.resize(n);
    for (size_t r = 0; r < n; ++r) {
      table.rows[r].resize(w);
      for (size_t c = 0; c < w; ++c) {
        table.rows[r][c].type = Cell::Type::kNode;
        table.rows[r][c].node = flat[r * w + c];
      }
    }
    flat.clear();
    is_flat = false;
  }
};

}  // namespace pg
