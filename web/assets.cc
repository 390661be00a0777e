#include "web/assets.h"

namespace pg::web {

const Asset* FindAsset(std::string_view path) {
  if (path == "/") path = "/index.html";
  for (const Asset& a : BuiltinAssets())
    if (a.path == path) return &a;
  return nullptr;
}

}  // namespace pg::web
