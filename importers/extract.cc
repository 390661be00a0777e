#include "importers/extract.h"

#include <algorithm>
#include <set>

#include "core/hash.h"
#include "core/node_id.h"
#include "core/provenance.h"
#include "core/text.h"
#include "importers/lexicon.h"
#include "importers/org_aliases.h"
#include "importers/org_matcher.h"
#include "importers/topic_matcher.h"

namespace pg {

struct Extractor::Data {
  Lexicon lexicon;
  OrgAliases orgs;
  std::unique_ptr<TopicMatcher> topics;
  std::unique_ptr<OrgMatcher> org_names;
  std::string fingerprint;
};

namespace {

// Title mentions say what a paper is about; body mentions may be asides.
constexpr double kTitleWeight = 3;
constexpr double kBodyWeight = 1;

// The text around [offset, offset+length), cut on UTF-8 boundaries.
std::string Around(std::string_view text, size_t offset, size_t length) {
  const size_t context = 60;
  size_t begin = offset > context ? offset - context : 0;
  size_t end = std::min(text.size(), offset + length + context);
  while (begin > 0 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) --begin;
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  return MakeSnippet(std::string(text.substr(begin, end - begin)));
}

int LineAt(const TextBlock& block, size_t offset) {
  return block.line + static_cast<int>(std::count(block.text.begin(), block.text.begin() + offset, '\n'));
}

// The blocks a paper's text is matched in: its titles first, then its sections.
struct Scanned {
  const TextBlock* block;
  bool title;
};

}  // namespace

Extractor::Extractor(std::unique_ptr<Data> data) : data_(std::move(data)) {}
Extractor::~Extractor() = default;

Result<std::unique_ptr<Extractor>> Extractor::Load(const std::string& data_dir,
                                                   const std::vector<std::string>& user_lexicons,
                                                   const std::vector<std::string>& user_orgs) {
  auto data = std::make_unique<Data>();
  Result<Lexicon> lexicon = LoadLexicon(data_dir, user_lexicons);
  if (!lexicon.ok()) return lexicon.status();
  Result<OrgAliases> orgs = LoadOrgAliases(data_dir, user_orgs);
  if (!orgs.ok()) return orgs.status();
  data->lexicon = std::move(lexicon).value();
  data->orgs = std::move(orgs).value();
  data->topics = std::make_unique<TopicMatcher>(data->lexicon);
  data->org_names = std::make_unique<OrgMatcher>(data->orgs);
  data->fingerprint = data->lexicon.Fingerprint() + "/" + data->orgs.Fingerprint();
  return std::unique_ptr<Extractor>(new Extractor(std::move(data)));
}

const std::string& Extractor::Fingerprint() const { return data_->fingerprint; }

ExtractedPost Extractor::Extract(ParsedPost post) const {
  ExtractedPost x;
  x.papers.resize(post.papers.size());
  for (size_t i = 0; i < post.papers.size(); ++i) {
    const ParsedPaper& p = post.papers[i];
    PaperExtraction& e = x.papers[i];

    std::set<std::string> tagged;
    for (const LocatedText& tag : p.org_tags) {
      std::optional<std::string> org = data_->orgs.Canonicalize(tag.value);
      if (!org || !tagged.insert(*org).second) continue;
      e.orgs.push_back({*org, data_->orgs.DisplayName(*org), tag.value, tag.line, "`" + tag.value + "`", true});
    }

    std::vector<TextBlock> titles;
    for (const std::string* t : {&p.title, &p.subtitle, &p.title_ko})
      if (!t->empty()) titles.push_back({p.line, *t});
    std::vector<Scanned> blocks;
    for (const TextBlock& t : titles) blocks.push_back({&t, true});
    for (const Section& s : p.sections)
      for (const TextBlock& b : s.blocks) blocks.push_back({&b, false});

    for (const Scanned& s : blocks) {
      const std::string& text = s.block->text;
      for (const TopicMatch& m : data_->topics->FindTopics(text))
        e.topics.push_back({m.topic_id, m.surface, LineAt(*s.block, m.offset), Around(text, m.offset, m.length),
                            s.title ? kTitleWeight : kBodyWeight, false, ""});
      for (const DiscoveredTopic& d : data_->topics->DiscoverDefinitions(text))
        e.topics.push_back({d.id, d.acronym, LineAt(*s.block, d.offset), Around(text, d.offset, d.length),
                            s.title ? kTitleWeight : kBodyWeight, true, d.long_name});
      for (const OrgMatch& m : data_->org_names->FindOrgs(text))
        e.orgs.push_back({m.org_id, data_->orgs.DisplayName(m.org_id), m.surface, LineAt(*s.block, m.offset),
                          Around(text, m.offset, m.length), false});
    }

    // "/docs/...#1-distractor-injection-attacks-amazon": the last words of an
    // anchor are the target heading's lab tags.
    for (const LinkRef& link : p.links) {
      size_t hash = link.url.find('#');
      if (hash == std::string::npos || link.url.rfind("http", 0) == 0) continue;
      std::string anchor = link.url.substr(hash + 1);
      std::vector<std::string> words;
      for (size_t start = 0; start <= anchor.size();) {
        size_t dash = anchor.find('-', start);
        if (dash == std::string::npos) dash = anchor.size();
        if (dash > start) words.push_back(anchor.substr(start, dash - start));
        start = dash + 1;
      }
      for (size_t n : {2, 1}) {
        if (words.size() <= n) continue;
        std::string tail;
        for (size_t w = words.size() - n; w < words.size(); ++w) tail += (tail.empty() ? "" : " ") + words[w];
        if (!data_->orgs.IsKnown(tail)) continue;
        std::optional<std::string> org = data_->orgs.Canonicalize(tail);
        if (!org) continue;
        e.link_orgs.push_back({*org, data_->orgs.DisplayName(*org), link.url, link.line, link.url, false});
        break;
      }
    }
  }
  x.post = std::move(post);
  return x;
}

DocRecord Extractor::LexiconRecord() const {
  DocRecord rec;
  rec.doc = "@lexicon";
  rec.format = "lexicon";
  // The hash is the fingerprint (what matching depends on) plus a hash of the
  // provenance: a moved row or a renamed file rewrites this record, so its
  // lines stay right, without re-importing the posts.
  ContentHasher sources;
  const Lexicon& lexicon = data_->lexicon;
  for (const Topic& t : lexicon.topics()) {
    std::string id = TopicId(t.id);
    std::string where = lexicon.WhereDefined(t.id);
    // The row of the data file that states a fact: file, line, and the row as
    // snippet. The store keeps a fact's document (@lexicon) as its file, so
    // the snippet names the data file too: "data/topics.tsv:37: looped-transformer ...".
    auto from = [&](const SourceLine* line) {
      Provenance p = line ? Provenance{line->file, line->line,
                                       MakeSnippet(line->file + ":" + std::to_string(line->line) + ": " + line->text)}
                          : Provenance{rec.doc, 0, where};
      sources.Add(p.file + '\x1f' + std::to_string(p.line) + '\x1f' + p.snippet + '\n');
      return p;
    };
    NodeFacts node{id, {}};
    node.props.push_back({"name", t.name, from(lexicon.Source(t.id, Lexicon::Fact::kName))});
    if (!t.parent.empty()) {
      Provenance parent = from(lexicon.Source(t.id, Lexicon::Fact::kParent));
      node.props.push_back({"parent", t.parent, parent});
      rec.facts.edges.push_back({id, EdgeKind::kSubtopicOf, TopicId(t.parent), 1, 0, parent});
    }
    for (const std::string& a : t.aliases)
      node.props.push_back({"alias", a, from(lexicon.Source(t.id, Lexicon::Fact::kAlias, a))});
    rec.facts.nodes.push_back(std::move(node));
    std::set<std::string> names = {NormalizeName(t.id), NormalizeName(t.name)};
    for (const std::string& a : t.aliases) names.insert(NormalizeName(a));
    for (const std::string& n : names)
      if (!n.empty()) rec.facts.names.push_back({n, id});
  }
  rec.hash = data_->fingerprint + "/src-" + sources.Hex();
  // Lab spellings, so a query can say org:shaomi or org:"Stability AI". The
  // nodes themselves come from the posts that tag them.
  for (const Org& o : data_->orgs.orgs()) {
    std::set<std::string> names = {NormalizeName(o.id), NormalizeName(o.name)};
    for (const std::string& a : o.aliases) names.insert(NormalizeName(a));
    for (const std::string& n : names)
      if (!n.empty()) rec.facts.names.push_back({n, OrgId(o.id)});
  }
  return rec;
}

}  // namespace pg
