// A WordprocessingML main part: parse within the limits, find w:body, walk it, build the model.

#include "../error_messages.hpp"

#include "main_part.hpp"

#include "../messages.hpp"
#include "body_walker.hpp"
#include "line_counter.hpp"
#include "namespaces.hpp"

#include <xxgk/util/text.hpp>

#include <fmt/format.h>

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

} // namespace

util::Expected<ParsedXml> parse_xml(std::string text, std::string_view part, const Limits& limits) {
  ParsedXml x;
  x.text = std::move(text);
  if (auto ok = check_markup_limits(
          x.text, part.empty() ? diag::nested({&err::k_the_xml, {}}) : diag::Arg(part), limits);
      !ok) {
    return ok.error();
  }
  std::size_t bad = 0;
  if (!util::is_valid_utf8(x.text, &bad)) {
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
  // pugixml's parser and traverse() are iterative; the reader's own walk recurses, so it may
  // only see trees this check has bounded.
  struct DepthCheck : pugi::xml_tree_walker {
    std::size_t max_depth = 0;
    bool for_each(pugi::xml_node& /*node*/) override {
      return static_cast<std::size_t>(depth()) < max_depth;
    }
  } check;
  check.max_depth = limits.max_xml_depth;
  if (!x.doc->traverse(check)) {
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
