#include "query/filter.h"

#include <algorithm>
#include <charconv>

#include "core/node_id.h"
#include "core/text.h"

namespace pg {
namespace {

bool LooksLikeDate(const std::string& v) {
  return v.size() >= 4 && std::all_of(v.begin(), v.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }) &&
         (v.size() == 4 || v[4] == '-');
}

bool ParseNumber(const std::string& s, double* out) {
  if (s.empty()) return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size();
}

template <typename T>
bool Compare(const T& a, CompareOp op, const T& b) {
  switch (op) {
    case CompareOp::kEq: return a == b;
    case CompareOp::kNe: return a != b;
    case CompareOp::kLt: return a < b;
    case CompareOp::kLe: return a <= b;
    case CompareOp::kGt: return a > b;
    case CompareOp::kGe: return a >= b;
    case CompareOp::kContains: return false;
  }
  return false;
}

}  // namespace

std::vector<std::string> PropertyValues(const NodeView& node, const std::string& prop) {
  if (prop == "id") return {node.id};
  if (prop == "key") return {std::string(IdKey(node.id))};
  if (prop == "kind") return {std::string(NodeKindName(node.kind))};
  if (prop == "name") {
    std::vector<std::string> out = {node.DisplayName()};
    for (const char* p : {"name", "title", "title_ko", "subtitle"})
      for (std::string& v : node.Values(p))
        if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(std::move(v));
    return out;
  }
  return node.Values(prop);
}

bool ValueSatisfies(const std::string& value, CompareOp op, const Literal& literal) {
  if (op == CompareOp::kContains) {
    if (FoldCase(value).find(FoldCase(literal.text)) != std::string::npos) return true;
    std::string needle = NormalizeName(literal.text);
    return !needle.empty() && NormalizeName(value).find(needle) != std::string::npos;
  }
  bool year = literal.type == Literal::Type::kNumber && literal.text.size() == 4 && LooksLikeDate(literal.text);
  if (literal.type == Literal::Type::kDate || (year && LooksLikeDate(value))) {
    if (!LooksLikeDate(value)) return op == CompareOp::kNe;
    return Compare(value.substr(0, literal.text.size()), op, literal.text);
  }
  double a = 0, b = 0;
  if (literal.type == Literal::Type::kNumber && ParseNumber(value, &a) && ParseNumber(literal.text, &b))
    return Compare(a, op, b);
  return Compare(FoldCase(value), op, FoldCase(literal.text));
}

bool MatchesFilter(const NodeView& node, const std::vector<Condition>& conditions) {
  for (const Condition& c : conditions) {
    std::vector<std::string> values = PropertyValues(node, c.prop);
    bool ok;
    if (c.op == CompareOp::kNe) {
      CompareOp eq = CompareOp::kEq;
      ok = std::none_of(values.begin(), values.end(), [&](const std::string& v) { return ValueSatisfies(v, eq, c.value); });
    } else {
      ok = std::any_of(values.begin(), values.end(), [&](const std::string& v) { return ValueSatisfies(v, c.op, c.value); });
    }
    if (!ok) return false;
  }
  return true;
}

}  // namespace pg
