#include "importers/extracted_post.h"

#include "core/bytes.h"

namespace pg {
namespace {

// Leading byte of the stored form: lets a future layout be told apart.
// 2: ParsedPaper::subtitle_line.
constexpr uint64_t kLayout = 2;

// One Put/Get pair per type, in the same field order.
void Put(ByteWriter& w, const std::string& s) { w.String(s); }
void Get(ByteReader& r, std::string& s) { s = r.String(); }
void Put(ByteWriter& w, int v) { w.Int(v); }
void Get(ByteReader& r, int& v) { v = static_cast<int>(r.Int()); }
void Put(ByteWriter& w, double v) { w.Double(v); }
void Get(ByteReader& r, double& v) { v = r.Double(); }
void Put(ByteWriter& w, bool v) { w.Bool(v); }
void Get(ByteReader& r, bool& v) { v = r.Bool(); }

// Declared before the list templates so that they find them.
void Put(ByteWriter& w, const TextBlock& x);
void Get(ByteReader& r, TextBlock& x);
void Put(ByteWriter& w, const Section& x);
void Get(ByteReader& r, Section& x);
void Put(ByteWriter& w, const LinkRef& x);
void Get(ByteReader& r, LinkRef& x);
void Put(ByteWriter& w, const LocatedText& x);
void Get(ByteReader& r, LocatedText& x);
void Put(ByteWriter& w, const ParsedPaper& x);
void Get(ByteReader& r, ParsedPaper& x);
struct PaperLayout1;
void Get(ByteReader& r, PaperLayout1& x);
void Put(ByteWriter& w, const TopicHit& x);
void Get(ByteReader& r, TopicHit& x);
void Put(ByteWriter& w, const OrgHit& x);
void Get(ByteReader& r, OrgHit& x);
void Put(ByteWriter& w, const PaperExtraction& x);
void Get(ByteReader& r, PaperExtraction& x);

template <typename T>
void Put(ByteWriter& w, const std::vector<T>& list) {
  w.Varint(list.size());
  for (const T& item : list) Put(w, item);
}
template <typename T>
void Get(ByteReader& r, std::vector<T>& list) {
  uint64_t n = r.Count();
  list.clear();
  for (uint64_t i = 0; i < n && r.ok(); ++i) Get(r, list.emplace_back());
}

template <typename... T>
void PutAll(ByteWriter& w, const T&... fields) {
  (Put(w, fields), ...);
}
template <typename... T>
void GetAll(ByteReader& r, T&... fields) {
  (Get(r, fields), ...);
}

void Put(ByteWriter& w, const TextBlock& x) { PutAll(w, x.line, x.text); }
void Get(ByteReader& r, TextBlock& x) { GetAll(r, x.line, x.text); }
void Put(ByteWriter& w, const Section& x) { PutAll(w, x.name, x.line, x.blocks); }
void Get(ByteReader& r, Section& x) { GetAll(r, x.name, x.line, x.blocks); }
void Put(ByteWriter& w, const LinkRef& x) { PutAll(w, x.url, x.text, x.line); }
void Get(ByteReader& r, LinkRef& x) { GetAll(r, x.url, x.text, x.line); }
void Put(ByteWriter& w, const LocatedText& x) { PutAll(w, x.value, x.line); }
void Get(ByteReader& r, LocatedText& x) { GetAll(r, x.value, x.line); }
void Put(ByteWriter& w, const ParsedPaper& x) {
  PutAll(w, x.position, x.line, x.heading, x.anchor, x.title, x.subtitle, x.subtitle_line, x.title_ko, x.arxiv_id,
         x.urls, x.org_tags, x.sections, x.links);
}
void Get(ByteReader& r, ParsedPaper& x) {
  GetAll(r, x.position, x.line, x.heading, x.anchor, x.title, x.subtitle, x.subtitle_line, x.title_ko, x.arxiv_id,
         x.urls, x.org_tags, x.sections, x.links);
}
// A paper stored by layout 1, before subtitle_line. Those records must still
// decode: other documents are resolved again from them until their own files
// are imported again. Their subtitle keeps the entry's line, as it had then.
struct PaperLayout1 {
  ParsedPaper paper;
};
void Get(ByteReader& r, PaperLayout1& x) {
  ParsedPaper& p = x.paper;
  GetAll(r, p.position, p.line, p.heading, p.anchor, p.title, p.subtitle, p.title_ko, p.arxiv_id, p.urls, p.org_tags,
         p.sections, p.links);
  p.subtitle_line = p.line;
}
void Put(ByteWriter& w, const TopicHit& x) {
  PutAll(w, x.topic, x.surface, x.line, x.snippet, x.weight, x.discovered, x.name);
}
void Get(ByteReader& r, TopicHit& x) { GetAll(r, x.topic, x.surface, x.line, x.snippet, x.weight, x.discovered, x.name); }
void Put(ByteWriter& w, const OrgHit& x) { PutAll(w, x.org, x.name, x.surface, x.line, x.snippet, x.tag); }
void Get(ByteReader& r, OrgHit& x) { GetAll(r, x.org, x.name, x.surface, x.line, x.snippet, x.tag); }
void Put(ByteWriter& w, const PaperExtraction& x) { PutAll(w, x.topics, x.orgs, x.link_orgs); }
void Get(ByteReader& r, PaperExtraction& x) { GetAll(r, x.topics, x.orgs, x.link_orgs); }

}  // namespace

std::string EncodeExtractedPost(const ExtractedPost& x) {
  ByteWriter w;
  w.Varint(kLayout);
  const ParsedPost& p = x.post;
  PutAll(w, p.format, p.title, p.title_line, p.date, p.tags, p.papers, p.heading_anchors, p.warnings, x.papers,
         x.has_site_root, x.site_root);
  return w.Take();
}

Result<ExtractedPost> DecodeExtractedPost(std::string_view bytes) {
  ByteReader r(bytes);
  uint64_t layout = r.Varint();
  if (layout != kLayout && layout != 1) return Status::Corruption("stored post has an unknown layout");
  ExtractedPost x;
  ParsedPost& p = x.post;
  if (layout == 1) {
    std::vector<PaperLayout1> papers;
    GetAll(r, p.format, p.title, p.title_line, p.date, p.tags, papers, p.heading_anchors, p.warnings, x.papers,
           x.has_site_root, x.site_root);
    for (PaperLayout1& old : papers) p.papers.push_back(std::move(old.paper));
  } else {
    GetAll(r, p.format, p.title, p.title_line, p.date, p.tags, p.papers, p.heading_anchors, p.warnings, x.papers,
           x.has_site_root, x.site_root);
  }
  if (!r.done()) return Status::Corruption("stored post is truncated or malformed");
  return x;
}

}  // namespace pg
