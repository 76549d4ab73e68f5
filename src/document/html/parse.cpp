// Parsing a decoded page with libxml2 (see parse.hpp).

#include "../error_messages.hpp"

#include "parse.hpp"

#include "markup.hpp"

#include <libxml/SAX2.h>
#include <libxml/parser.h>

#include <algorithm>
#include <climits>
#include <optional>
#include <string>

namespace xxgk::document::html {

namespace {

/// How far back from its '>' a start tag's '<' is looked for.
constexpr std::size_t k_max_tag_bytes = 65536;

/// The offset of the '<' of the start tag named `name` whose '>' (or "/>") is at `end`;
/// nullopt for elements the parser implied (html, body, p around stray text), which have none.
std::optional<std::size_t> tag_start(std::string_view source, std::size_t end,
                                     std::string_view name) {
  if (end >= source.size() || (source[end] != '>' && source[end] != '/')) {
    return std::nullopt;
  }
  const std::size_t floor = end > k_max_tag_bytes ? end - k_max_tag_bytes : 0;
  for (std::size_t pos = end; pos > floor;) {
    --pos;
    if (source[pos] == '<' && tag_at(source, pos, name)) {
      return pos;
    }
  }
  return std::nullopt;
}

std::size_t parser_offset(const htmlParserCtxt* ctxt) {
  return static_cast<std::size_t>(ctxt->input->consumed) +
         static_cast<std::size_t>(ctxt->input->cur - ctxt->input->base);
}

SourcePositions* positions_of(void* ctx) {
  auto* ctxt = static_cast<htmlParserCtxtPtr>(ctx);
  return ctxt->input == nullptr ? nullptr : static_cast<SourcePositions*>(ctxt->_private);
}

void on_start_element(void* ctx, const xmlChar* name, const xmlChar** atts) {
  xmlSAX2StartElement(ctx, name, atts);
  auto* ctxt = static_cast<htmlParserCtxtPtr>(ctx);
  SourcePositions* pos = positions_of(ctx);
  const xmlNode* node = ctxt->node;
  if (pos == nullptr || node == nullptr || name == nullptr) {
    return;
  }
  const std::string_view full(reinterpret_cast<const char*>(name));
  if (full.find(':') != std::string_view::npos) {
    pos->prefixed.insert(node); // libxml2 drops the prefix: "o:p" becomes a "p" element
  }
  if (const auto start = tag_start(pos->source, parser_offset(ctxt), full)) {
    pos->start.emplace(node, *start);
  }
}

void on_characters(void* ctx, const xmlChar* chars, int len) {
  xmlSAX2Characters(ctx, chars, len);
  auto* ctxt = static_cast<htmlParserCtxtPtr>(ctx);
  SourcePositions* pos = positions_of(ctx);
  if (pos == nullptr || ctxt->node == nullptr || ctxt->node->last == nullptr ||
      ctxt->node->last->type != XML_TEXT_NODE || pos->start.contains(ctxt->node->last) ||
      len <= 0) {
    return;
  }
  // The parser stands after the text it delivers; text from a character reference is shorter
  // than its source, so then the text starts after the tag before it.
  const std::size_t end = std::min(parser_offset(ctxt), pos->source.size());
  const auto n = static_cast<std::size_t>(len);
  const std::string_view text(reinterpret_cast<const char*>(chars), n);
  std::optional<std::size_t> start;
  if (end >= n && pos->source.substr(end - n, n) == text) {
    start = end - n;
  } else {
    const std::size_t floor = end > 4 * n + 64 ? end - (4 * n + 64) : 0;
    for (std::size_t i = end; i > floor;) {
      if (pos->source[--i] == '>') {
        start = i + 1;
        break;
      }
    }
  }
  if (start) {
    pos->start.emplace(ctxt->node->last, *start);
  }
}

} // namespace

util::Expected<DocPtr> parse(std::string_view html, SourcePositions& positions) {
  if (html.size() > static_cast<std::size_t>(INT_MAX)) {
    return err::make(util::ErrorKind::TooLarge, err::k_html_too_large);
  }
  xmlInitParser();
  std::unique_ptr<htmlParserCtxt, ContextFree> ctxt(htmlNewParserCtxt());
  if (!ctxt || ctxt->sax == nullptr) {
    return err::make(util::ErrorKind::Io, err::k_html_parser);
  }
  ctxt->sax->startElement = on_start_element;
  ctxt->sax->characters = on_characters;
  ctxt->_private = &positions;
  // The text is UTF-8 already: the page's own charset declaration must not switch decoding.
  constexpr int k_options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                            HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC;
  DocPtr doc(htmlCtxtReadMemory(ctxt.get(), html.data(), static_cast<int>(html.size()), nullptr,
                                "UTF-8", k_options));
  if (!doc) {
    return err::make(util::ErrorKind::Malformed, err::k_html_unreadable);
  }
  return doc;
}

} // namespace xxgk::document::html
