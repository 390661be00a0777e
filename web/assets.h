// The page's files (web/page/: index.html, app.js, style.css and Cytoscape.js
// from node_modules), embedded into the binary at build time by
// embed_assets.cmake, so `papergraph serve` needs no files and no network.
// Static files are served only from this table, looked up by exact path:
// no request can reach the file system. Immutable data; thread-safe.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

namespace pg::web {

struct Asset {
  std::string_view path;          // "/index.html", "/app.js", "/vendor/cytoscape.min.js"
  std::string_view content_type;  // "text/html; charset=utf-8"
  const unsigned char* data;
  size_t size;
};

// Every built-in asset (generated web_assets.cc).
std::span<const Asset> BuiltinAssets();

// The asset at exactly `path` ("/" is "/index.html"), or nullptr.
const Asset* FindAsset(std::string_view path);

}  // namespace pg::web
