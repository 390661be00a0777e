// arXiv identifiers: recognising them in every URL form the corpus uses and
// reducing them to one canonical id (no version suffix). Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pg {

// The canonical arXiv id named by `url`, or nullopt when the URL is not a
// paper page. Accepted (http or https, optional "www."):
//   huggingface.co/papers/ID          arxiv.org/abs/ID[vN]
//   arxiv.org/pdf/ID[vN][.pdf]         alphaxiv.org/[ko/]overview/ID[vN]
//   alphaxiv.org/abs/ID                bare "arXiv:ID[vN]"
// ID is new-style (2510.24035, 0704.0001) or old-style (hep-th/9901001).
// Rejected: other hosts, Hugging Face model or dataset pages, listing pages.
std::optional<std::string> ArxivIdFromUrl(std::string_view url);

// True for a canonical id: NNNN.NNNNN? or archive[.XX]/NNNNNNN.
bool IsArxivId(std::string_view id);

// Strips a trailing version ("2510.24035v2" -> "2510.24035").
std::string StripArxivVersion(std::string_view id);

}  // namespace pg
