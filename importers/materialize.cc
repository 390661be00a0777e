#include "importers/materialize.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/node_id.h"
#include "core/provenance.h"
#include "core/text.h"
#include "importers/link_target.h"

namespace pg {

std::string TitleKey(std::string_view normalized_title) { return "title:" + std::string(normalized_title); }
std::string LinkKey(std::string_view path_without_ext) { return "link:" + std::string(path_without_ext); }

namespace {

// Builds one document's record; every fact carries this document as its file.
class Builder {
 public:
  Builder(const std::string& doc, WriteTxn* txn) : doc_(doc), txn_(txn) {}

  DocRecord& rec() { return rec_; }

  void Prop(const std::string& id, const std::string& name, const std::string& value, int line,
            const std::string& snippet) {
    if (value.empty()) return;
    NodeFacts& n = Node(id);
    n.props.push_back({name, value, {doc_, line, MakeSnippet(snippet)}});
  }
  NodeFacts& Node(const std::string& id) {
    auto [it, inserted] = node_index_.emplace(id, rec_.facts.nodes.size());
    if (inserted) rec_.facts.nodes.push_back({id, {}});
    return rec_.facts.nodes[it->second];
  }
  void Edge(const std::string& src, EdgeKind kind, const std::string& dst, double weight, int position, int line,
            const std::string& snippet) {
    Node(src);
    Node(dst);
    rec_.facts.edges.push_back({src, kind, dst, weight, position, {doc_, line, MakeSnippet(snippet)}});
  }
  void Name(const std::string& text, const std::string& id) {
    std::string norm = NormalizeName(text);
    if (!norm.empty()) rec_.facts.names.push_back({norm, id});
  }
  void DependOn(std::string key) { depends_.insert(std::move(key)); }
  void Provide(std::string key) { provides_.insert(std::move(key)); }

  DocRecord Finish() {
    rec_.depends_on.assign(depends_.begin(), depends_.end());
    rec_.provides.assign(provides_.begin(), provides_.end());
    return std::move(rec_);
  }

  // The id of a paper entry: its arXiv id, else the arXiv paper that some
  // document gives the same normalized title, else "title:<norm>".
  Result<std::string> PaperId(const ParsedPaper& p) {
    if (!p.arxiv_id.empty()) return PaperIdFromArxiv(p.arxiv_id);
    std::string norm = NormalizeName(p.title.empty() ? p.heading : p.title);
    if (norm.empty()) return std::string();
    DependOn(TitleKey(norm));
    std::vector<std::string> ids;
    Status s = txn_->LookupName(norm, &ids);
    if (!s.ok()) return s;
    for (const std::string& id : ids) {  // sorted: the smallest arXiv id wins, whatever the order of imports
      if (id.rfind("arxiv:", 0) != 0) continue;
      // Whether the id is trustworthy depends on every document naming it.
      DependOn(id);
      Result<bool> consistent = TitlesAgree(id, norm);
      if (!consistent.ok()) return consistent.status();
      if (*consistent) return id;
    }
    return "title:" + norm;
  }

  // False when the documents give arXiv paper `id` titles that disagree with
  // each other: an author pasted a wrong id (the real big-tech list gives
  // 2509.09658 to two different papers). A title-only entry then keeps its own
  // node rather than merging two papers. "Name" and "Name: subtitle" agree.
  Result<bool> TitlesAgree(const std::string& id, const std::string& norm) {
    std::vector<PropertyFact> props;
    Status s = txn_->NodeProps(id, &props);
    if (!s.ok()) return s;
    auto compatible = [](const std::string& a, const std::string& b) {
      return a.rfind(b, 0) == 0 || b.rfind(a, 0) == 0;
    };
    for (const PropertyFact& p : props)
      if (p.name == "title" && !compatible(NormalizeName(p.value), norm)) return false;
    return true;
  }

  WriteTxn* txn() { return txn_; }
  const std::string& doc() const { return doc_; }

 private:
  std::string doc_;
  WriteTxn* txn_;
  DocRecord rec_;
  std::map<std::string, size_t> node_index_;
  std::set<std::string> depends_, provides_;
};

std::string SectionText(const Section& s) {
  std::string text;
  for (const TextBlock& b : s.blocks) {
    if (!text.empty()) text += "\n";
    text += b.text;
  }
  return text;
}

// The paper under `anchor` in the stored post `target`, or nullptr.
const ParsedPaper* PaperAtAnchor(const ExtractedPost& target, std::string_view anchor) {
  if (anchor.empty()) return nullptr;
  for (const ParsedPaper& p : target.post.papers)
    if (p.anchor == anchor) return &p;
  return nullptr;
}

// Resolves one link of `paper_id`'s review. Returns what became of it.
enum class LinkOutcome { kResolved, kPending, kExternal, kIgnored };

Result<LinkOutcome> ResolveLink(Builder& b, const ExtractedPost& self, const std::string& paper_id,
                                const LinkRef& link, const PaperExtraction& extraction) {
  LinkTarget t = ClassifyLink(link.url, b.doc(), self.has_site_root, self.site_root);
  if (t.kind == LinkTarget::Kind::kPaperUrl) {
    if (PaperIdFromArxiv(t.arxiv) == paper_id) return LinkOutcome::kIgnored;  // its own page
    b.Prop(paper_id, "external_link", link.url, link.line, link.text);
    return LinkOutcome::kExternal;
  }
  if (t.kind == LinkTarget::Kind::kExternal) {
    b.Prop(paper_id, "external_link", link.url, link.line, link.text);
    return LinkOutcome::kExternal;
  }
  b.DependOn(LinkKey(t.path));
  // Find the target post: this document itself, or a stored one.
  std::string target_doc;
  std::optional<ExtractedPost> stored;
  const ExtractedPost* target = nullptr;
  if (t.path == StripPostExtension(b.doc())) {
    target_doc = b.doc();
    target = &self;
  } else {
    for (const std::string& candidate : CandidateDocs(t.path)) {
      Result<std::optional<DocRecord>> rec = b.txn()->GetDoc(candidate);
      if (!rec.ok()) return rec.status();
      if (!rec->has_value() || (*rec)->format == "lexicon") continue;
      Result<ExtractedPost> x = DecodeExtractedPost((*rec)->parsed);
      if (!x.ok()) return Status::Corruption(candidate + ": " + x.status().message());
      stored = std::move(x).value();
      target = &*stored;
      target_doc = candidate;
      break;
    }
  }
  if (!target) {
    b.Prop(paper_id, "pending_link", link.url, link.line, link.text);
    return LinkOutcome::kPending;
  }
  std::string dst = PostId(target_doc);
  if (const ParsedPaper* p = PaperAtAnchor(*target, t.anchor)) {
    Result<std::string> id = b.PaperId(*p);
    if (!id.ok()) return id.status();
    if (!id->empty()) dst = *id;
  }
  if (dst == paper_id) return LinkOutcome::kIgnored;
  b.Edge(paper_id, EdgeKind::kLinksTo, dst, 1, 0, link.line, "[" + link.text + "](" + link.url + ")");
  // A lab named at the end of the anchor is evidence for the linked paper.
  if (dst.rfind("post:", 0) != 0) {
    for (const OrgHit& o : extraction.link_orgs) {
      if (o.surface != link.url) continue;
      std::string org = OrgId(o.org);
      b.Prop(org, "name", o.name, o.line, o.snippet);
      b.Edge(dst, EdgeKind::kMentions, org, 1, 0, o.line, o.snippet);
    }
  }
  return LinkOutcome::kResolved;
}

}  // namespace

Result<DocRecord> Materialize(const std::string& doc, const std::string& hash, const ExtractedPost& x,
                              const std::string& parsed, WriteTxn* txn) {
  Builder b(doc, txn);
  b.rec().doc = doc;
  b.rec().hash = hash;
  b.rec().format = x.post.format;
  b.rec().parsed = parsed;

  const ParsedPost& post = x.post;
  std::string post_id = PostId(doc);
  b.Node(post_id);
  b.Prop(post_id, "title", post.title, post.title_line, post.title);
  b.Prop(post_id, "date", post.date, post.title_line, post.date);
  b.Prop(post_id, "format", post.format, 1, post.format);
  for (const std::string& tag : post.tags) b.Prop(post_id, "tag", tag, 1, tag);
  b.Name(post.title, post_id);
  b.Provide(LinkKey(StripPostExtension(doc)));

  for (size_t i = 0; i < post.papers.size(); ++i) {
    const ParsedPaper& p = post.papers[i];
    Result<std::string> id_or = b.PaperId(p);
    if (!id_or.ok()) return id_or.status();
    const std::string& id = *id_or;
    if (id.empty()) continue;  // an entry with neither title nor id (the parser warned)

    b.Edge(post_id, EdgeKind::kReviews, id, 1, static_cast<int>(i + 1), p.line, p.heading.empty() ? p.title : p.heading);
    b.Prop(id, "title", p.title, p.line, p.heading.empty() ? p.title : p.heading);
    b.Prop(id, "subtitle", p.subtitle, p.subtitle_line, p.subtitle);
    b.Prop(id, "title_ko", p.title_ko, p.line, p.title_ko);
    b.Prop(id, "arxiv", p.arxiv_id, p.line, p.arxiv_id);
    b.Prop(id, "date", post.date, p.line, post.title);
    for (const LinkRef& u : p.urls) b.Prop(id, "url", u.url, u.line, u.text);
    for (const Section& s : p.sections) {
      std::string text = SectionText(s);
      if (!text.empty()) b.Prop(id, "section:" + s.name, text, s.line, text);
    }
    b.Name(p.title, id);
    if (!p.subtitle.empty()) b.Name(p.title + " " + p.subtitle, id);
    b.Name(p.title_ko, id);
    if (!p.arxiv_id.empty()) {
      b.Name(p.arxiv_id, id);
      b.Provide(id);  // title-only entries elsewhere check this paper's titles
      // Title-only entries elsewhere (digests) become this paper.
      std::string norm = NormalizeName(p.title);
      if (!norm.empty()) b.Provide(TitleKey(norm));
      if (!p.subtitle.empty()) b.Provide(TitleKey(NormalizeName(p.title + " " + p.subtitle)));
    }

    const PaperExtraction& e = i < x.papers.size() ? x.papers[i] : PaperExtraction{};
    for (const OrgHit& o : e.orgs) {
      std::string org = OrgId(o.org);
      b.Prop(org, "name", o.name, o.line, o.snippet);
      b.Name(o.name, org);
      b.Edge(id, o.tag ? EdgeKind::kAffiliated : EdgeKind::kMentions, org, 1, 0, o.line, o.snippet);
    }
    for (const TopicHit& t : e.topics) {
      std::string topic = TopicId(t.topic);
      if (t.discovered) {
        b.Prop(topic, "name", t.name, t.line, t.snippet);
        b.Prop(topic, "acronym", t.surface, t.line, t.snippet);
        b.Prop(topic, "discovered", "true", t.line, t.snippet);
        b.Name(t.name, topic);
        b.Name(t.surface, topic);
      }
      b.Edge(id, EdgeKind::kMentions, topic, t.weight, 0, t.line, t.snippet);
    }
    for (const LinkRef& link : p.links) {
      Result<LinkOutcome> outcome = ResolveLink(b, x, id, link, e);
      if (!outcome.ok()) return outcome.status();
    }
  }
  return b.Finish();
}

}  // namespace pg
