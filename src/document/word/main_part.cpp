// A WordprocessingML main part: parse within the limits, find w:body, walk it, build the model.

#include "../error_messages.hpp"

#include "main_part.hpp"

#include "../messages.hpp"
#include "body_walker.hpp"
#include "line_counter.hpp"
#include "namespaces.hpp"

#include <xxgk/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

namespace xxgk::document::word {

namespace {

diag::Arg where_in(std::string_view part) {
  return part.empty() ? diag::Arg(std::string{}) : diag::nested({&err::k_in_part, {part}});
}

diag::Arg describe_root(pugi::xml_node root) {
  return root ? diag::Arg(fmt::format("<{}>", root.name())) : diag::nested({&err::k_no_root, {}});
}

/// The index of the first byte with its high bit set in the word `high` (the high bits of eight
/// bytes loaded from memory, not all zero).
int first_high_byte(std::uint64_t high) {
  if constexpr (std::endian::native == std::endian::little) {
    return std::countr_zero(high) / 8;
  } else {
    return std::countl_zero(high) / 8;
  }
}

} // namespace

// ASCII sixteen bytes at a time; from a word with a non-ASCII byte straight to that byte, which
// starts a sequence checked there (mostly three bytes: CJK), then on.
bool well_formed_utf8(std::string_view s) {
  constexpr std::uint64_t k_high = 0x8080808080808080ULL;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const unsigned char* const end = p + s.size();
  const auto cont = [](unsigned char b) { return (b & 0xC0) == 0x80; };
  while (p < end) {
    if (end - p >= 16) {
      std::uint64_t a = 0;
      std::uint64_t b = 0;
      std::memcpy(&a, p, 8);
      std::memcpy(&b, p + 8, 8);
      if (((a | b) & k_high) == 0) {
        p += 16;
        continue;
      }
      p += (a & k_high) != 0 ? first_high_byte(a & k_high) : 8 + first_high_byte(b & k_high);
    } else if (*p < 0x80) {
      ++p;
      continue;
    }
    const unsigned char b0 = *p;
    const std::ptrdiff_t left = end - p;
    if (b0 >= 0xE0 && b0 <= 0xEF) {
      if (left < 3 || !cont(p[1]) || !cont(p[2]) || (b0 == 0xE0 && p[1] < 0xA0) ||
          (b0 == 0xED && p[1] > 0x9F)) {
        return false;
      }
      p += 3;
    } else if (b0 >= 0xC2 && b0 <= 0xDF) {
      if (left < 2 || !cont(p[1])) {
        return false;
      }
      p += 2;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      if (left < 4 || !cont(p[1]) || !cont(p[2]) || !cont(p[3]) || (b0 == 0xF0 && p[1] < 0x90) ||
          (b0 == 0xF4 && p[1] > 0x8F)) {
        return false;
      }
      p += 4;
    } else {
      return false;
    }
  }
  return true;
}

// A subtree whose text spans L bytes is at most L / 7 levels deep: every element with children
// has a start and an end tag, at least "<a>" and "</a>". So the loop descends only into subtrees
// long enough to reach the limit (in a Word part: the body, tables and rows, not the runs and
// their properties); the span of a node's subtree is bounded by the offset of the node that
// follows it. Iterative, as the check guards a recursive walk.
bool reaches_depth(const pugi::xml_document& doc, std::size_t text_size, std::size_t limit) {
  std::vector<std::ptrdiff_t> ends; // the bound of the end of each ancestor's subtree
  ends.push_back(static_cast<std::ptrdiff_t>(text_size));
  std::size_t depth = 0;
  pugi::xml_node cur = doc.first_child();
  std::ptrdiff_t start = cur ? cur.offset_debug() : -1;
  while (cur) {
    if (depth >= limit) {
      return true;
    }
    pugi::xml_node next = cur.next_sibling();
    const std::ptrdiff_t next_start = next ? next.offset_debug() : -1;
    const std::ptrdiff_t end = next ? next_start : ends.back();
    if (pugi::xml_node child = cur.first_child()) {
      const bool bounded = start >= 0 && end >= start;
      if (!bounded || depth + static_cast<std::size_t>(end - start + 1) / 7 >= limit) {
        ends.push_back(bounded ? end : -1);
        cur = child;
        start = cur.offset_debug();
        ++depth;
        continue;
      }
    }
    if (next) {
      cur = next;
      start = next_start;
      continue;
    }
    // The next node in document order outside this subtree.
    while (!next) {
      if (depth == 0) {
        return false;
      }
      cur = cur.parent();
      ends.pop_back();
      --depth;
      next = cur.next_sibling();
    }
    cur = next;
    start = next.offset_debug();
  }
  return false;
}

util::Expected<ParsedXml> parse_xml(std::string text, std::string_view part, const Limits& limits) {
  ParsedXml x;
  x.text = std::move(text);
  if (auto ok = check_markup_limits(
          x.text, part.empty() ? diag::nested({&err::k_the_xml, {}}) : diag::Arg(part), limits);
      !ok) {
    return ok.error();
  }
  std::size_t bad = 0;
  if (!well_formed_utf8(x.text) && !util::is_valid_utf8(x.text, &bad)) {
    return err::make(util::ErrorKind::Malformed, err::k_xml_utf8, {where_in(part), bad});
  }
  // In place, unless the text is short enough to sit inside the string object (the tree must
  // survive moving it) or has so many lines that their table would be large.
  x.in_place = x.text.size() > 64 && x.text.size() < UINT32_MAX;
  if (x.in_place) {
    const std::size_t max_lines = x.text.size() / 16;
    const char* begin = x.text.data();
    const char* end = begin + x.text.size();
    for (const char* p = begin; p < end;) {
      const auto* nl =
          static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
      if (nl == nullptr) {
        break;
      }
      if (x.newlines.size() >= max_lines) {
        x.in_place = false;
        x.newlines = {};
        break;
      }
      x.newlines.push_back(static_cast<std::uint32_t>(nl - begin));
      p = nl + 1;
    }
  }
  if (x.in_place) {
    // pugixml parses a copy with a NUL after the text; the same bytes in place give the same
    // tree and the same errors (a truncated file).
    x.text.push_back('\0');
  }
  constexpr unsigned int k_options = pugi::parse_default | pugi::parse_ws_pcdata_single;
  const pugi::xml_parse_result result =
      x.in_place
          ? x.doc->load_buffer_inplace(x.text.data(), x.text.size(), k_options, pugi::encoding_utf8)
          : x.doc->load_buffer(x.text.data(), x.text.size(), k_options, pugi::encoding_utf8);
  if (!result) {
    LineCounter lines = x.lines();
    return err::make(util::ErrorKind::Malformed, err::k_xml_parse,
                     {where_in(part), lines.line_of(result.offset), result.description()});
  }
  // pugixml's parser is iterative; the reader's own walk recurses, so it may only see trees this
  // check has bounded.
  if (reaches_depth(*x.doc, x.text.size(), limits.max_xml_depth)) {
    return err::make(util::ErrorKind::TooLarge, err::k_xml_depth,
                     {where_in(part), limits.max_xml_depth});
  }
  return x;
}

util::Expected<Document> read_body_of(pugi::xml_node root, std::string_view part,
                                      std::string_view named, std::string_view format,
                                      const ParsedXml& xml) {
  std::vector<std::unique_ptr<NsScope>> chain;
  const NsScope* scope = scope_chain(root, chain);
  NsScope bs;
  pugi::xml_node body = child_element(root, scope, Ns::W, "body", bs);
  if (!body) {
    return err::make(util::ErrorKind::Malformed, err::k_no_body, {where_in(named)});
  }
  LineCounter lines = xml.lines();
  Document doc;
  doc.format = std::string(format);
  const int revision_line = walk_body(body, &bs, lines, xml.text, part, doc);
  if (revision_line > 0) {
    diag::SourceLocation at;
    at.part = std::string(part);
    at.xml_line = revision_line;
    doc.diagnostics.push_back(diag::make("READ-REVISIONS", diag::Severity::Warning,
                                         {&msg::k_revisions, {}}, std::move(at)));
  }
  return doc;
}

util::Expected<Document> read_main_part(std::string xml, std::string_view part,
                                        std::string_view named, std::string_view format,
                                        const Limits& limits) {
  auto parsed = parse_xml(std::move(xml), named, limits);
  if (!parsed) {
    return parsed.error();
  }
  const pugi::xml_node root = parsed->doc->document_element();
  std::vector<std::unique_ptr<NsScope>> chain;
  const Name name = name_of(root, scope_chain(root, chain));
  if (name.ns != Ns::W || name.local != "document") {
    return err::make(
        util::ErrorKind::Malformed, err::k_not_wordml,
        {named.empty() ? diag::Arg(std::string()) : diag::nested({&err::k_part_is, {named}}),
         describe_root(root)});
  }
  return read_body_of(root, part, named, format, *parsed);
}

} // namespace xxgk::document::word
