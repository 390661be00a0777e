// Query results for people and programs: an aligned text table (columns
// measured in display width, so Korean titles line up) and JSON. Pure
// functions; thread-safe. The CLI prints what these return.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/status.h"
#include "query/result.h"

namespace pg {

struct TableStyle {
  // Display columns (two thirds of it in tables of 4+ columns); longer
  // cells end in "…". The last column is never cut.
  size_t max_cell_width = 70;
  bool show_footer = true;     // "(3 rows)" and the notes
};

// Node cells show the id, and for papers and posts the display name too;
// lists (evidence, reasons) show their first three items, joined with "; ".
std::string RenderTable(const QueryResult& result, const TableStyle& style = {});

// {"query", "command", "columns", "rows", "nodes", "edges", "edges_total",
//  "notes", "graph", "elapsed_us"}; a node value is {"id", "kind", "name"}.
// As text, written directly (indent as nlohmann's dump: < 0 compact): large
// answers are printed and served this way. ResultToJson parses that text.
std::string ResultJsonText(const QueryResult& result, int indent);
nlohmann::ordered_json ResultToJson(const QueryResult& result);

// {"error": {"code": "invalid_argument", "message": "..."}}.
nlohmann::ordered_json ErrorToJson(const Status& status);

}  // namespace pg
