#include "importers/extracted_post.h"

#include <nlohmann/json.hpp>

namespace pg {

using json = nlohmann::json;

// Field names are short: this form is stored once per document.
void to_json(json& j, const TextBlock& b) { j = json::array({b.line, b.text}); }
void from_json(const json& j, TextBlock& b) {
  b.line = j.at(0).get<int>();
  b.text = j.at(1).get<std::string>();
}
void to_json(json& j, const Section& s) { j = json::array({s.name, s.line, s.blocks}); }
void from_json(const json& j, Section& s) {
  s.name = j.at(0).get<std::string>();
  s.line = j.at(1).get<int>();
  s.blocks = j.at(2).get<std::vector<TextBlock>>();
}
void to_json(json& j, const LinkRef& l) { j = json::array({l.url, l.text, l.line}); }
void from_json(const json& j, LinkRef& l) {
  l.url = j.at(0).get<std::string>();
  l.text = j.at(1).get<std::string>();
  l.line = j.at(2).get<int>();
}
void to_json(json& j, const LocatedText& t) { j = json::array({t.value, t.line}); }
void from_json(const json& j, LocatedText& t) {
  t.value = j.at(0).get<std::string>();
  t.line = j.at(1).get<int>();
}
void to_json(json& j, const ParsedPaper& p) {
  j = json{{"pos", p.position}, {"line", p.line},     {"h", p.heading},    {"a", p.anchor},
           {"t", p.title},      {"st", p.subtitle},   {"ko", p.title_ko},  {"ax", p.arxiv_id},
           {"u", p.urls},       {"o", p.org_tags},    {"s", p.sections},   {"l", p.links}};
}
void from_json(const json& j, ParsedPaper& p) {
  p.position = j.at("pos").get<int>();
  p.line = j.at("line").get<int>();
  p.heading = j.at("h").get<std::string>();
  p.anchor = j.at("a").get<std::string>();
  p.title = j.at("t").get<std::string>();
  p.subtitle = j.at("st").get<std::string>();
  p.title_ko = j.at("ko").get<std::string>();
  p.arxiv_id = j.at("ax").get<std::string>();
  p.urls = j.at("u").get<std::vector<LinkRef>>();
  p.org_tags = j.at("o").get<std::vector<LocatedText>>();
  p.sections = j.at("s").get<std::vector<Section>>();
  p.links = j.at("l").get<std::vector<LinkRef>>();
}
void to_json(json& j, const TopicHit& t) {
  j = json::array({t.topic, t.surface, t.line, t.snippet, t.weight, t.discovered, t.name});
}
void from_json(const json& j, TopicHit& t) {
  t.topic = j.at(0).get<std::string>();
  t.surface = j.at(1).get<std::string>();
  t.line = j.at(2).get<int>();
  t.snippet = j.at(3).get<std::string>();
  t.weight = j.at(4).get<double>();
  t.discovered = j.at(5).get<bool>();
  t.name = j.at(6).get<std::string>();
}
void to_json(json& j, const OrgHit& o) { j = json::array({o.org, o.name, o.surface, o.line, o.snippet, o.tag}); }
void from_json(const json& j, OrgHit& o) {
  o.org = j.at(0).get<std::string>();
  o.name = j.at(1).get<std::string>();
  o.surface = j.at(2).get<std::string>();
  o.line = j.at(3).get<int>();
  o.snippet = j.at(4).get<std::string>();
  o.tag = j.at(5).get<bool>();
}
void to_json(json& j, const PaperExtraction& e) { j = json::array({e.topics, e.orgs, e.link_orgs}); }
void from_json(const json& j, PaperExtraction& e) {
  e.topics = j.at(0).get<std::vector<TopicHit>>();
  e.orgs = j.at(1).get<std::vector<OrgHit>>();
  e.link_orgs = j.at(2).get<std::vector<OrgHit>>();
}

std::string EncodeExtractedPost(const ExtractedPost& x) {
  const ParsedPost& p = x.post;
  json j = {{"f", p.format},   {"t", p.title},   {"tl", p.title_line},        {"d", p.date},
            {"tags", p.tags},  {"p", p.papers},  {"ha", p.heading_anchors},   {"w", p.warnings},
            {"x", x.papers}, {"sr", x.has_site_root}, {"srp", x.site_root}};
  std::vector<std::uint8_t> bytes = json::to_msgpack(j);
  return std::string(bytes.begin(), bytes.end());
}

Result<ExtractedPost> DecodeExtractedPost(std::string_view bytes) {
  json j = json::from_msgpack(bytes.begin(), bytes.end(), true, false);
  if (j.is_discarded() || !j.is_object()) return Status::Corruption("stored post is not valid MessagePack");
  try {
    ExtractedPost x;
    x.post.format = j.at("f").get<std::string>();
    x.post.title = j.at("t").get<std::string>();
    x.post.title_line = j.at("tl").get<int>();
    x.post.date = j.at("d").get<std::string>();
    x.post.tags = j.at("tags").get<std::vector<std::string>>();
    x.post.papers = j.at("p").get<std::vector<ParsedPaper>>();
    x.post.heading_anchors = j.at("ha").get<std::vector<std::string>>();
    x.post.warnings = j.at("w").get<std::vector<std::string>>();
    x.papers = j.at("x").get<std::vector<PaperExtraction>>();
    x.has_site_root = j.at("sr").get<bool>();
    x.site_root = j.at("srp").get<std::string>();
    return x;
  } catch (const json::exception& e) {
    return Status::Corruption(std::string("stored post: ") + e.what());
  }
}

}  // namespace pg
