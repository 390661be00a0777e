#include "importers/markdown_outline.h"

#include <md4c.h>

#include <algorithm>

#include "core/text.h"

namespace pg {
namespace {

// Collects blocks while md4c walks the document. md4c reports no positions,
// but text callbacks point into the input buffer, so a line table turns those
// pointers into line numbers.
class Collector {
 public:
  Collector(std::string_view text, int first_line) : text_(text), first_line_(first_line) {
    line_starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') line_starts_.push_back(i + 1);
  }

  MdOutline Finish(bool failed) {
    out_.parse_failed = failed;
    return std::move(out_);
  }

  void EnterBlock(MD_BLOCKTYPE type, void* detail) {
    switch (type) {
      case MD_BLOCK_QUOTE: ++quote_depth_; break;
      case MD_BLOCK_UL:
      case MD_BLOCK_OL: ++list_depth_; break;
      case MD_BLOCK_H:
        Open(MdBlock::Kind::kHeading, static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level));
        break;
      case MD_BLOCK_LI: Open(MdBlock::Kind::kListItem, list_depth_); break;
      case MD_BLOCK_P:
        // A paragraph inside a list item belongs to that item.
        if (!(current_ && current_kind_ == MdBlock::Kind::kListItem))
          Open(quote_depth_ > 0 ? MdBlock::Kind::kQuote : MdBlock::Kind::kParagraph, 0);
        else if (!current_->text.empty())
          current_->text += '\n';
        break;
      case MD_BLOCK_CODE: Open(MdBlock::Kind::kCode, 0); break;
      case MD_BLOCK_HTML: Open(MdBlock::Kind::kHtml, 0); break;
      case MD_BLOCK_TABLE: Open(MdBlock::Kind::kTable, 0); break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        if (current_ && !current_->text.empty() && current_->text.back() != '\n') current_->text += " | ";
        break;
      case MD_BLOCK_TR:
        if (current_ && !current_->text.empty()) current_->text += '\n';
        break;
      case MD_BLOCK_HR: Open(MdBlock::Kind::kRule, 0); Close(); break;
      default: break;
    }
  }

  void LeaveBlock(MD_BLOCKTYPE type) {
    switch (type) {
      case MD_BLOCK_QUOTE: --quote_depth_; break;
      case MD_BLOCK_UL:
      case MD_BLOCK_OL: --list_depth_; break;
      case MD_BLOCK_H:
      case MD_BLOCK_LI:
      case MD_BLOCK_CODE:
      case MD_BLOCK_HTML:
      case MD_BLOCK_TABLE: Close(); break;
      case MD_BLOCK_P:
        if (!(current_ && current_kind_ == MdBlock::Kind::kListItem)) Close();
        break;
      default: break;
    }
  }

  void EnterSpan(MD_SPANTYPE type, void* detail) {
    if (type == MD_SPAN_A) {
      auto* a = static_cast<MD_SPAN_A_DETAIL*>(detail);
      link_href_ = Attribute(a->href);
      link_start_ = current_ ? current_->text.size() : 0;
      link_line_ = 0;
      in_link_ = true;
    } else if (type == MD_SPAN_CODE) {
      in_code_span_ = true;
      code_span_.clear();
    } else if (type == MD_SPAN_IMG) {
      ++image_depth_;  // image alt text is not part of the visible text
    }
  }

  void LeaveSpan(MD_SPANTYPE type) {
    if (type == MD_SPAN_A && in_link_) {
      in_link_ = false;
      if (current_) {
        MdLink link;
        link.text = CollapseSpaces(std::string_view(current_->text).substr(link_start_));
        link.href = link_href_;
        link.line = link_line_ ? link_line_ : current_->line;
        current_->links.push_back(std::move(link));
      }
    } else if (type == MD_SPAN_CODE) {
      in_code_span_ = false;
      if (current_) current_->code_spans.push_back(code_span_);
    } else if (type == MD_SPAN_IMG) {
      --image_depth_;
    }
  }

  void Text(MD_TEXTTYPE type, const MD_CHAR* data, MD_SIZE size) {
    if (!current_) Open(MdBlock::Kind::kParagraph, 0);  // stray text (should not happen)
    int line = LineOf(data);
    if (current_->line == 0) current_->line = line;
    if (line > current_->end_line) current_->end_line = line;
    if (in_link_ && link_line_ == 0) link_line_ = line;
    if (image_depth_ > 0) return;
    switch (type) {
      case MD_TEXT_BR:
      case MD_TEXT_SOFTBR: current_->text += '\n'; return;
      case MD_TEXT_NULLCHAR: current_->text += "\xEF\xBF\xBD"; return;  // U+FFFD
      case MD_TEXT_ENTITY: current_->text += DecodeEntity(std::string_view(data, size)); return;
      default: break;
    }
    current_->text.append(data, size);
    if (in_code_span_) code_span_.append(data, size);
  }

 private:
  void Open(MdBlock::Kind kind, int level) {
    Close();
    out_.blocks.emplace_back();
    current_ = &out_.blocks.back();
    current_->kind = kind;
    current_->level = level;
    current_->in_quote = quote_depth_ > 0;
    current_kind_ = kind;
  }

  void Close() {
    if (!current_) return;
    if (current_->line == 0) current_->line = last_line_;  // a block with no text
    if (current_->end_line < current_->line) current_->end_line = current_->line;
    // A link without text that opens its block ("- [](url) Title") ended before any text
    // gave the block a line, so it got line 0; it is on the block's first line.
    for (MdLink& l : current_->links)
      if (l.line == 0) l.line = current_->line;
    last_line_ = current_->end_line;
    // A nested list closes its parent item's block early; text of the parent
    // after the nested list (rare) opens a paragraph of its own.
    current_ = nullptr;
  }

  int LineOf(const char* p) const {
    if (p < text_.data() || p > text_.data() + text_.size()) return last_line_;  // md4c's own buffer
    size_t off = static_cast<size_t>(p - text_.data());
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), off);
    return first_line_ + static_cast<int>(it - line_starts_.begin()) - 1;
  }

  static std::string Attribute(const MD_ATTRIBUTE& attr) {
    std::string out;
    for (int i = 0; attr.substr_offsets[i] < attr.size; ++i) {
      std::string_view piece(attr.text + attr.substr_offsets[i],
                             attr.substr_offsets[i + 1] - attr.substr_offsets[i]);
      out += attr.substr_types[i] == MD_TEXT_ENTITY ? DecodeEntity(piece) : std::string(piece);
    }
    return out;
  }

  static std::string DecodeEntity(std::string_view e) {
    if (e == "&amp;") return "&";
    if (e == "&lt;") return "<";
    if (e == "&gt;") return ">";
    if (e == "&quot;") return "\"";
    if (e == "&apos;") return "'";
    if (e == "&nbsp;") return " ";
    return std::string(e);
  }

  std::string_view text_;
  int first_line_;
  std::vector<size_t> line_starts_;
  MdOutline out_;
  MdBlock* current_ = nullptr;
  MdBlock::Kind current_kind_ = MdBlock::Kind::kParagraph;
  int quote_depth_ = 0;
  int list_depth_ = 0;
  int last_line_ = 1;
  bool in_link_ = false;
  std::string link_href_;
  size_t link_start_ = 0;
  int link_line_ = 0;
  bool in_code_span_ = false;
  std::string code_span_;
  int image_depth_ = 0;
};

int OnEnterBlock(MD_BLOCKTYPE type, void* detail, void* user) {
  static_cast<Collector*>(user)->EnterBlock(type, detail);
  return 0;
}
int OnLeaveBlock(MD_BLOCKTYPE type, void*, void* user) {
  static_cast<Collector*>(user)->LeaveBlock(type);
  return 0;
}
int OnEnterSpan(MD_SPANTYPE type, void* detail, void* user) {
  static_cast<Collector*>(user)->EnterSpan(type, detail);
  return 0;
}
int OnLeaveSpan(MD_SPANTYPE type, void*, void* user) {
  static_cast<Collector*>(user)->LeaveSpan(type);
  return 0;
}
int OnText(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* user) {
  static_cast<Collector*>(user)->Text(type, text, size);
  return 0;
}

}  // namespace

MdOutline OutlineMarkdown(std::string_view text, int first_line) {
  // md4c 0.4.8 (Debian 12) reads past the end of a document that ends inside a link
  // destination with no line end ("[](", fixed upstream after that release): found by
  // fuzz_post, where the byte after the buffer was garbage and md4c passed a text callback a
  // size of 3 GB. Ending the text with '\n' keeps it inside; the copy is only made when the
  // file has no final line end, and adds no line that any text is on.
  std::string terminated;
  if (!text.empty() && text.back() != '\n') {
    terminated.reserve(text.size() + 1);
    terminated.append(text).push_back('\n');
    text = terminated;
  }
  Collector collector(text, first_line);
  MD_PARSER parser{};
  parser.abi_version = 0;
  // No MD_FLAG_STRIKETHROUGH: md4c would pair single tildes too and drop
  // them, so Korean ranges like "18~51% 감소, 44~45%" lost their tildes and
  // read "1851%". Struck text stays visible text either way.
  parser.flags = MD_FLAG_TABLES | MD_FLAG_PERMISSIVEURLAUTOLINKS | MD_FLAG_PERMISSIVEWWWAUTOLINKS |
                 MD_FLAG_LATEXMATHSPANS;
  parser.enter_block = OnEnterBlock;
  parser.leave_block = OnLeaveBlock;
  parser.enter_span = OnEnterSpan;
  parser.leave_span = OnLeaveSpan;
  parser.text = OnText;
  int rc = md_parse(text.data(), static_cast<MD_SIZE>(text.size()), &parser, &collector);
  return collector.Finish(rc != 0);
}

}  // namespace pg
