#include <xxgk/document/encoding.hpp>
#include <xxgk/document/html_reader.hpp>
#include <xxgk/document/text_forms.hpp>
#include <xxgk/util/text.hpp>

#include <fmt/format.h>
#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <climits>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace xxgk::document {

namespace {

// ------------------------------------------------------------------------------ bytes, charset

constexpr std::string_view k_bom_utf8 = "\xEF\xBB\xBF";
constexpr std::string_view k_bom_utf16le = "\xFF\xFE";
constexpr std::string_view k_bom_utf16be = "\xFE\xFF";
/// How far into the bytes sniffing looks for <table / <body, and the charset prescan for <meta>.
constexpr std::size_t k_sniff_bytes = 4096;
constexpr std::size_t k_prescan_bytes = 8192;

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool is_ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) { return ascii_lower(c); });
  return out;
}

/// Whether `s` holds `word` (lower case) at `pos`, ASCII case ignored.
bool iequal_at(std::string_view s, std::size_t pos, std::string_view word) {
  if (pos > s.size() || s.size() - pos < word.size()) {
    return false;
  }
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (ascii_lower(s[pos + i]) != word[i]) {
      return false;
    }
  }
  return true;
}

/// Whether a tag named `name` (lower case) starts at `pos`: '<', the name, then white space,
/// '/', '>' or the end.
bool tag_at(std::string_view s, std::size_t pos, std::string_view name) {
  if (pos >= s.size() || s[pos] != '<' || !iequal_at(s, pos + 1, name)) {
    return false;
  }
  const std::size_t after = pos + 1 + name.size();
  return after >= s.size() || is_ascii_space(s[after]) || s[after] == '/' || s[after] == '>';
}

bool contains_tag(std::string_view s, std::string_view name) {
  for (auto pos = s.find('<'); pos != std::string_view::npos; pos = s.find('<', pos + 1)) {
    if (tag_at(s, pos, name)) {
      return true;
    }
  }
  return false;
}

/// The first `limit` bytes as ASCII-compatible text for sniffing: a UTF-8 BOM removed, UTF-16
/// (by its BOM) reduced to one byte per code unit (code units beyond ASCII become 0x80).
std::string ascii_prefix(std::string_view bytes, std::size_t limit) {
  const bool le = bytes.starts_with(k_bom_utf16le);
  const bool be = bytes.starts_with(k_bom_utf16be);
  if (!le && !be) {
    if (bytes.starts_with(k_bom_utf8)) {
      bytes.remove_prefix(k_bom_utf8.size());
    }
    return std::string(bytes.substr(0, limit));
  }
  std::string out;
  for (std::size_t i = 2; i + 1 < bytes.size() && out.size() < limit; i += 2) {
    const char low = le ? bytes[i] : bytes[i + 1];
    const char high = le ? bytes[i + 1] : bytes[i];
    out.push_back(high == '\0' && static_cast<unsigned char>(low) < 0x80 ? low : '\x80');
  }
  return out;
}

struct Attribute {
  std::string name; ///< lower case
  std::string value;
};

/// The attributes of a tag whose name ends at `pos`, up to and past its '>' (the HTML
/// standard's prescan rules, simplified); `pos` ends after the tag.
std::vector<Attribute> scan_attributes(std::string_view s, std::size_t& pos) {
  std::vector<Attribute> out;
  while (pos < s.size()) {
    while (pos < s.size() && (is_ascii_space(s[pos]) || s[pos] == '/')) {
      ++pos;
    }
    if (pos >= s.size()) {
      break;
    }
    if (s[pos] == '>') {
      ++pos;
      break;
    }
    Attribute a;
    while (pos < s.size() && !is_ascii_space(s[pos]) && s[pos] != '=' && s[pos] != '>' &&
           s[pos] != '/') {
      a.name += ascii_lower(s[pos++]);
    }
    while (pos < s.size() && is_ascii_space(s[pos])) {
      ++pos;
    }
    if (pos < s.size() && s[pos] == '=') {
      ++pos;
      while (pos < s.size() && is_ascii_space(s[pos])) {
        ++pos;
      }
      if (pos < s.size() && (s[pos] == '"' || s[pos] == '\'')) {
        const char quote = s[pos++];
        const std::size_t end = std::min(s.find(quote, pos), s.size());
        a.value = std::string(s.substr(pos, end - pos));
        pos = std::min(end + 1, s.size());
      } else {
        while (pos < s.size() && !is_ascii_space(s[pos]) && s[pos] != '>') {
          a.value += s[pos++];
        }
      }
    }
    out.push_back(std::move(a));
  }
  return out;
}

/// "text/html; charset=gb2312" → "gb2312".
std::string charset_of_content_type(std::string_view content) {
  for (std::size_t pos = 0; pos + 7 <= content.size(); ++pos) {
    if (!iequal_at(content, pos, "charset")) {
      continue;
    }
    std::size_t i = pos + 7;
    while (i < content.size() && is_ascii_space(content[i])) {
      ++i;
    }
    if (i >= content.size() || content[i] != '=') {
      continue;
    }
    ++i;
    while (i < content.size() && is_ascii_space(content[i])) {
      ++i;
    }
    if (i < content.size() && (content[i] == '"' || content[i] == '\'')) {
      ++i;
    }
    std::string out;
    while (i < content.size() && content[i] != ';' && content[i] != '"' && content[i] != '\'' &&
           !is_ascii_space(content[i])) {
      out += ascii_lower(content[i++]);
    }
    return out;
  }
  return {};
}

/// The decode_to_utf8 name for a charset label (the WHATWG Encoding Standard's labels of UTF-8
/// and GBK/gb18030); "" for charsets xxgk does not decode.
std::string_view decodable_name(std::string_view label) {
  // A page whose <meta> is readable as ASCII is not UTF-16 whatever it says: the HTML standard
  // reads a declared UTF-16 as UTF-8.
  static constexpr std::string_view k_utf8[] = {
      "utf-8",           "utf8",      "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8",
      "x-unicode20utf8", "utf-16",    "utf-16le",          "utf-16be",      "unicode",
      "ucs-2",           "csunicode", "iso-10646-ucs-2",   "unicodefffe"};
  static constexpr std::string_view k_gb[] = {
      "gbk",      "gb2312",          "gb18030", "x-gbk",      "chinese",
      "csgb2312", "csiso58gb231280", "gb_2312", "gb_2312-80", "iso-ir-58",
      "cp936",    "windows-936",     "ms936",   "euc-cn",     "x-euc-cn"};
  for (const auto name : k_utf8) {
    if (label == name) {
      return "utf-8";
    }
  }
  for (const auto name : k_gb) {
    if (label == name) {
      return "gb18030";
    }
  }
  return {};
}

bool is_ascii(std::string_view bytes) {
  return std::all_of(bytes.begin(), bytes.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

diag::Diagnostic encoding_warning(std::string message) {
  diag::Diagnostic d;
  d.rule = "READ-ENCODING";
  d.severity = diag::Severity::Warning;
  d.message = std::move(message);
  return d;
}

/// Decodes a page: the requested encoding, else a BOM, else the page's declaration when the
/// bytes agree with it, else detection (see html_reader.hpp).
util::Expected<DecodedText> decode_page(std::string_view bytes, std::string_view requested) {
  if (!requested.empty() || bytes.starts_with(k_bom_utf8) || bytes.starts_with(k_bom_utf16le) ||
      bytes.starts_with(k_bom_utf16be)) {
    return decode_to_utf8(bytes, requested);
  }
  const std::string label = declared_charset(bytes);
  if (label.empty()) {
    return decode_to_utf8(bytes);
  }
  const std::string_view name = decodable_name(label);
  if (name.empty()) {
    auto detected = decode_to_utf8(bytes);
    if (detected && !is_ascii(bytes)) {
      detected->diagnostics.push_back(encoding_warning(
          fmt::format("the page declares charset '{}', which xxgk does not decode; read as {}",
                      label, detected->encoding)));
    }
    return detected;
  }
  // The bytes contradict the declaration: believe them when they decode cleanly otherwise.
  // Pages moved to UTF-8 often keep their old gb2312 declaration; Chinese text in GBK is
  // practically never valid UTF-8, while UTF-8 text often decodes as (wrong) GB18030 characters.
  auto contradicted = [&](util::Expected<DecodedText> detected) {
    if (detected) {
      detected->diagnostics.push_back(encoding_warning(
          fmt::format("the page declares charset '{}' but is encoded in {}; read as {}", label,
                      detected->encoding, detected->encoding)));
    }
    return detected;
  };
  if (name == "gb18030" && !is_ascii(bytes) && util::is_valid_utf8(bytes)) {
    return contradicted(decode_to_utf8(bytes, "utf-8"));
  }
  auto declared = decode_to_utf8(bytes, name);
  if (!declared || declared->diagnostics.empty()) {
    return declared;
  }
  auto detected = decode_to_utf8(bytes);
  if (detected && detected->encoding != declared->encoding) {
    return contradicted(std::move(detected));
  }
  return declared;
}

// ------------------------------------------------------------------------------ parsing

/// Where elements and text start in the source, recorded while libxml2 builds the tree (its
/// nodes keep only a line number, and an element's is where its start tag ends).
struct SourcePositions {
  std::string_view source;
  std::unordered_map<const xmlNode*, std::size_t> start; ///< byte offset of a tag's '<' or text
  std::unordered_set<const xmlNode*> prefixed;           ///< o:p, v:shape …: Office elements
};

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

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct ContextFree {
  void operator()(htmlParserCtxt* c) const { htmlFreeParserCtxt(c); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

util::Expected<DocPtr> parse(std::string_view html, SourcePositions& positions) {
  if (html.size() > static_cast<std::size_t>(INT_MAX)) {
    return util::Error{.message = "the page is too large for the HTML parser (2 GiB at most)",
                       .kind = util::ErrorKind::TooLarge};
  }
  xmlInitParser();
  std::unique_ptr<htmlParserCtxt, ContextFree> ctxt(htmlNewParserCtxt());
  if (!ctxt || ctxt->sax == nullptr) {
    return util::Error{.message = "cannot create an HTML parser", .kind = util::ErrorKind::Io};
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
    return util::Error{.message = "not a readable HTML page", .kind = util::ErrorKind::Malformed};
  }
  return doc;
}

// ------------------------------------------------------------------------------ the tree

/// Elements whose content is never report text.
bool is_never_content(std::string_view name) {
  static constexpr std::string_view k_names[] = {
      "head",   "script", "style",  "noscript", "template", "iframe", "frame",  "frameset",
      "object", "embed",  "applet", "svg",      "math",     "canvas", "video",  "audio",
      "map",    "select", "option", "optgroup", "datalist", "button", "input",  "textarea",
      "title",  "meta",   "link",   "base",     "xml",      "img",    "picture"};
  return std::find(std::begin(k_names), std::end(k_names), name) != std::end(k_names);
}

bool is_block(std::string_view name) {
  static constexpr std::string_view k_names[] = {
      "address", "article",  "aside",  "blockquote", "body", "caption", "center",   "dd",
      "details", "dialog",   "dir",    "div",        "dl",   "dt",      "fieldset", "figcaption",
      "figure",  "footer",   "form",   "h1",         "h2",   "h3",      "h4",       "h5",
      "h6",      "header",   "hgroup", "hr",         "html", "legend",  "li",       "listing",
      "main",    "menu",     "nav",    "ol",         "p",    "pre",     "section",  "summary",
      "table",   "tbody",    "td",     "tfoot",      "th",   "thead",   "tr",       "ul",
      "xmp",     "plaintext"};
  return std::find(std::begin(k_names), std::end(k_names), name) != std::end(k_names);
}

bool is_heading(std::string_view name) {
  return name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6';
}

std::string_view name_of(const xmlNode* n) {
  return n->name == nullptr ? std::string_view{} : reinterpret_cast<const char*>(n->name);
}

std::optional<std::string> attribute(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (v == nullptr) {
    return std::nullopt;
  }
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

bool is_element(const xmlNode* n) {
  return n->type == XML_ELEMENT_NODE;
}

/// hidden, aria-hidden="true", and inline styles display:none, visibility:hidden and Word's
/// mso-hide:all.
bool is_hidden(const xmlNode* n) {
  if (n->properties == nullptr) {
    return false;
  }
  if (attribute(n, "hidden")) {
    return true;
  }
  if (const auto aria = attribute(n, "aria-hidden");
      aria && ascii_lower(util::trim(*aria)) == "true") {
    return true;
  }
  const auto style = attribute(n, "style");
  if (!style) {
    return false;
  }
  std::string_view rest = *style;
  while (!rest.empty()) {
    const std::size_t semi = std::min(rest.find(';'), rest.size());
    const std::string_view decl = rest.substr(0, semi);
    rest.remove_prefix(std::min(semi + 1, rest.size()));
    const std::size_t colon = decl.find(':');
    if (colon == std::string_view::npos) {
      continue;
    }
    const std::string prop = ascii_lower(util::trim(decl.substr(0, colon)));
    const std::string value = ascii_lower(util::trim(decl.substr(colon + 1)));
    if ((prop == "display" && value.starts_with("none")) ||
        (prop == "visibility" && value.starts_with("hidden")) ||
        (prop == "mso-hide" && value.starts_with("all"))) {
      return true;
    }
  }
  return false;
}

/// Site chrome by element: navigation, side bars, footers, forms, share widgets, breadcrumbs.
bool is_chrome(const xmlNode* n) {
  const std::string_view name = name_of(n);
  if (name == "nav" || name == "aside" || name == "footer" || name == "form") {
    return true;
  }
  static constexpr std::string_view k_tokens[] = {
      "nav",   "navbar",  "navigation", "menu",   "breadcrumb", "breadcrumbs",
      "crumb", "crumbs",  "sidebar",    "footer", "copyright",  "toolbar",
      "share", "bdshare", "jiathis",    "bshare", "print-close"};
  static constexpr std::string_view k_prefixes[] = {"bdshare", "jiathis",    "bshare",
                                                    "share",   "breadcrumb", "crumb"};
  for (const char* attr : {"class", "id"}) {
    const auto value = attribute(n, attr);
    if (!value) {
      continue;
    }
    const std::string v = ascii_lower(*value);
    std::size_t pos = 0;
    while (pos < v.size()) {
      // Tokens are split at white space, '-' and '_': "article-share" has "share".
      const std::size_t end = std::min(v.find_first_of(" \t\n\r\f-_", pos), v.size());
      const std::string_view token = std::string_view(v).substr(pos, end - pos);
      pos = end + 1;
      if (token.empty()) {
        continue;
      }
      if (std::find(std::begin(k_tokens), std::end(k_tokens), token) != std::end(k_tokens)) {
        return true;
      }
      for (const auto prefix : k_prefixes) {
        if (token.starts_with(prefix)) {
          return true;
        }
      }
    }
  }
  return false;
}

/// The rows of a table: its tr children and those of its thead/tbody/tfoot (not nested tables').
std::vector<const xmlNode*> rows_of(const xmlNode* table) {
  std::vector<const xmlNode*> rows;
  for (const xmlNode* c = table->children; c != nullptr; c = c->next) {
    if (!is_element(c) || is_hidden(c)) {
      continue;
    }
    const std::string_view name = name_of(c);
    if (name == "tr") {
      rows.push_back(c);
    } else if (name == "thead" || name == "tbody" || name == "tfoot") {
      for (const xmlNode* r = c->children; r != nullptr; r = r->next) {
        if (is_element(r) && name_of(r) == "tr" && !is_hidden(r)) {
          rows.push_back(r);
        }
      }
    }
  }
  return rows;
}

std::vector<const xmlNode*> cells_of(const xmlNode* row) {
  std::vector<const xmlNode*> cells;
  for (const xmlNode* c = row->children; c != nullptr; c = c->next) {
    if (is_element(c) && (name_of(c) == "td" || name_of(c) == "th") && !is_hidden(c)) {
      cells.push_back(c);
    }
  }
  return cells;
}

/// colspan / rowspan by the HTML rules for non-negative integers; `fallback` when absent or bad.
int span_attribute(const xmlNode* cell, const char* name, int fallback, int max) {
  const auto value = attribute(cell, name);
  if (!value) {
    return fallback;
  }
  std::size_t i = 0;
  while (i < value->size() && is_ascii_space((*value)[i])) {
    ++i;
  }
  if (i < value->size() && (*value)[i] == '+') {
    ++i;
  }
  if (i >= value->size() || (*value)[i] < '0' || (*value)[i] > '9') {
    return fallback;
  }
  long n = 0;
  while (i < value->size() && (*value)[i] >= '0' && (*value)[i] <= '9' && n <= max) {
    n = n * 10 + ((*value)[i++] - '0');
  }
  return static_cast<int>(std::min<long>(n, max));
}

constexpr int k_max_colspan = 1000; // the HTML standard's limits
constexpr int k_max_rowspan = 65534;

bool is_wide(char32_t cp) {
  return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

/// HTML white space handling for one paragraph or cell line: runs of ASCII white space become
/// one space, or nothing at the ends and where a line break touches a CJK character; &nbsp;
/// (U+00A0) is a space that does not collapse; a stray U+FEFF is dropped.
std::string collapse_white_space(std::string_view raw) {
  std::string out;
  char32_t prev = 0;
  std::size_t pos = 0;
  while (pos < raw.size()) {
    if (is_ascii_space(raw[pos])) {
      bool line_break = false;
      while (pos < raw.size() && is_ascii_space(raw[pos])) {
        line_break = line_break || raw[pos] == '\n' || raw[pos] == '\r';
        ++pos;
      }
      if (out.empty() || pos >= raw.size()) {
        continue;
      }
      std::size_t peek = pos;
      const char32_t next = util::next_codepoint(raw, peek);
      if (line_break && (is_wide(prev) || is_wide(next))) {
        continue;
      }
      out += ' ';
      prev = ' ';
      continue;
    }
    const std::size_t start = pos;
    const char32_t cp = util::next_codepoint(raw, pos);
    if (cp == 0xFEFF) {
      continue;
    }
    if (cp == 0xA0) {
      out += ' ';
      prev = ' ';
      continue;
    }
    out.append(raw.substr(start, pos - start));
    prev = cp;
  }
  const std::size_t first = out.find_first_not_of(' ');
  if (first == std::string::npos) {
    return {};
  }
  return out.substr(first, out.find_last_not_of(' ') + 1 - first);
}

/// Text without Word's downlevel-revealed conditional markers (<![if !supportLists]>,
/// <![endif]>), which libxml2 keeps as text.
std::string without_conditional_markers(std::string_view s) {
  std::string out;
  std::size_t pos = 0;
  while (true) {
    const std::size_t open = s.find("<![", pos);
    const std::size_t close =
        open == std::string_view::npos ? std::string_view::npos : s.find("]>", open + 3);
    if (close == std::string_view::npos) {
      out.append(s.substr(pos));
      return out;
    }
    const std::string_view inner = s.substr(open + 3, close - open - 3);
    if (iequal_at(inner, 0, "if") || iequal_at(inner, 0, "endif")) {
      out.append(s.substr(pos, open - pos));
      pos = close + 2;
    } else {
      out.append(s.substr(pos, open + 3 - pos));
      pos = open + 3;
    }
  }
}

bool has_visible_text(std::string_view s) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    const char32_t cp = util::next_codepoint(s, pos);
    if (!util::is_space(cp) && cp != '\t' && cp != '\n' && cp != '\r' && cp != '\f') {
      return true;
    }
  }
  return false;
}

/// Line starts of the decoded page, and line/column of byte offsets (lines as util::split_lines
/// counts them; columns in code points, 1-based).
class SourceLines {
public:
  explicit SourceLines(std::string_view source) : m_source(source) {
    m_starts.push_back(0);
    for (std::size_t i = 0; i < source.size(); ++i) {
      if (source[i] == '\n' ||
          (source[i] == '\r' && (i + 1 >= source.size() || source[i + 1] != '\n'))) {
        m_starts.push_back(i + 1);
      }
    }
  }

  [[nodiscard]] SourceLocation at(std::size_t offset) const {
    offset = std::min(offset, m_source.size());
    const auto it = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
    const auto line = static_cast<std::size_t>(it - m_starts.begin()); // 1-based
    const std::size_t line_start = m_starts[line - 1];
    // Locations come mostly in source order: count on from the last one on the same line, so
    // that a page on one long line stays linear.
    std::size_t from = line_start;
    std::size_t column = 1;
    if (m_cache_line == line && m_cache_offset <= offset) {
      from = m_cache_offset;
      column = m_cache_column;
    }
    column += util::count_codepoints(m_source.substr(from, offset - from));
    m_cache_line = line;
    m_cache_offset = offset;
    m_cache_column = column;
    SourceLocation where;
    where.line = static_cast<int>(std::min<std::size_t>(line, INT_MAX));
    where.column = static_cast<int>(std::min<std::size_t>(column, INT_MAX));
    return where;
  }

  /// The first non-blank character of a 1-based line (for nodes without a recorded offset).
  [[nodiscard]] SourceLocation line_start(long line) const {
    if (line <= 0 || static_cast<std::size_t>(line) > m_starts.size()) {
      return {};
    }
    std::size_t pos = m_starts[static_cast<std::size_t>(line) - 1];
    while (pos < m_source.size() && (m_source[pos] == ' ' || m_source[pos] == '\t')) {
      ++pos;
    }
    return at(pos);
  }

private:
  std::string_view m_source;
  std::vector<std::size_t> m_starts;
  mutable std::size_t m_cache_line = 0;
  mutable std::size_t m_cache_offset = 0;
  mutable std::size_t m_cache_column = 1;
};

// ------------------------------------------------------------------------------ the reader

/// A block as read from the whole page, with the element it came from, before the report's
/// part of the page is chosen.
struct RawBlock {
  Block block;
  const xmlNode* anchor = nullptr;
  bool link = false; ///< a paragraph whose text is mostly link text
};

constexpr int k_max_depth = 512; // libxml2 stops nesting at 256
constexpr std::size_t k_max_title = 80;
constexpr std::size_t k_title_lookback = 20;

bool has_year(std::string_view text) {
  for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
    if (std::all_of(text.begin() + static_cast<std::ptrdiff_t>(i),
                    text.begin() + static_cast<std::ptrdiff_t>(i + 4),
                    [](char c) { return c >= '0' && c <= '9'; }) &&
        (i == 0 || text[i - 1] < '0' || text[i - 1] > '9') && text.compare(i + 4, 3, "年") == 0) {
      return true;
    }
  }
  return false;
}

/// A report title: short, naming a year and a 报告 or 年报.
bool looks_like_title(std::string_view text) {
  const std::string t = util::nfkc(text);
  return util::count_codepoints(t) <= k_max_title &&
         (t.find("报告") != std::string::npos || t.find("年报") != std::string::npos) &&
         has_year(t);
}

/// Whether a cell holds a label only the report tables have.
bool is_report_label(std::string_view text) {
  const std::string key = util::label_key(text);
  return key.find("政府信息公开申请") != std::string::npos || key.starts_with("第二十条") ||
         key == "行政复议" || key == "申请人情况" || key == "信息内容";
}

class Reader {
public:
  Reader(std::string_view source, const SourcePositions& positions)
      : m_source(source), m_positions(positions), m_lines(source) {}

  Document read(const xmlDoc* doc) {
    const xmlNode* root = xmlDocGetRootElement(doc);
    Document out;
    if (root == nullptr) {
      return out;
    }
    walk(root, 0);
    flush(Flush::Soft);
    std::vector<RawBlock> chosen = choose(root);
    int table_index = 0;
    for (auto& raw : chosen) {
      if (auto* t = std::get_if<Table>(&raw.block)) {
        t->where.table = table_index;
        for (auto& row : t->rows) {
          for (auto& cell : row.cells) {
            cell.where.table = table_index;
          }
        }
        ++table_index;
      }
      out.blocks.push_back(std::move(raw.block));
    }
    return out;
  }

private:
  enum class Flush {
    Soft,  ///< a block starts: only text already there makes a paragraph
    End,   ///< a block ends: an empty block is an empty cell line
    Break, ///< <br>: always a line
  };

  /// The paragraph (or cell line) being collected.
  struct Pending {
    std::string raw;
    std::optional<std::size_t> offset; ///< where its first visible text is
    std::size_t chars = 0;
    std::size_t link_chars = 0;
    bool opened = false; ///< a block element started it and nothing ended it yet
  };

  // --- locations

  [[nodiscard]] std::optional<std::size_t> start_of(const xmlNode* n) const {
    const auto it = m_positions.start.find(n);
    if (it == m_positions.start.end()) {
      return std::nullopt;
    }
    return it->second;
  }

  [[nodiscard]] SourceLocation location_of(const xmlNode* n) const {
    if (const auto start = start_of(n)) {
      return m_lines.at(*start);
    }
    return m_lines.line_start(xmlGetLineNo(n));
  }

  /// Skips white space, &nbsp; references and conditional markers in the source from `pos`, to
  /// where the visible text of a text node starts.
  [[nodiscard]] std::size_t skip_blank_source(std::size_t pos) const {
    while (pos < m_source.size()) {
      if (is_ascii_space(m_source[pos])) {
        ++pos;
        continue;
      }
      bool skipped = false;
      for (const std::string_view ref : {"&nbsp;", "&#160;", "&#xa0;"}) {
        if (iequal_at(m_source, pos, ref)) {
          pos += ref.size();
          skipped = true;
          break;
        }
      }
      if (!skipped && m_source.compare(pos, 3, "<![") == 0) {
        const std::size_t close = m_source.find("]>", pos);
        if (close != std::string_view::npos) {
          pos = close + 2;
          skipped = true;
        }
      }
      if (!skipped) {
        std::size_t next = pos;
        if (!util::is_space(util::next_codepoint(m_source, next))) {
          break;
        }
        pos = next;
      }
    }
    return pos;
  }

  // --- walking

  bool is_prefixed(const xmlNode* n) const { return m_positions.prefixed.contains(n); }

  void walk_children(const xmlNode* n, int depth) {
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      walk(c, depth + 1);
    }
  }

  void walk(const xmlNode* n, int depth) {
    if (depth > k_max_depth) {
      return;
    }
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      read_text_node(n);
      return;
    }
    if (!is_element(n) || is_hidden(n)) {
      return;
    }
    const std::string_view name = name_of(n);
    if (is_prefixed(n)) {
      walk_children(n, depth); // o:p, w:sdt …: inline, whatever their local name
      return;
    }
    if (is_never_content(name)) {
      return;
    }
    if (name == "br") {
      if (m_heading > 0) {
        m_pending.raw += '\n'; // a title broken over lines is one title
      } else {
        flush(Flush::Break);
      }
      return;
    }
    if (name == "a") {
      ++m_link;
      walk_children(n, depth);
      --m_link;
      return;
    }
    if (name == "table" && !is_layout_table(n)) {
      flush(Flush::Soft);
      read_table(n, depth);
      return;
    }
    if (!is_block(name)) {
      walk_children(n, depth);
      return;
    }
    flush(Flush::Soft);
    const xmlNode* outer = m_anchor;
    m_anchor = n;
    m_pending.opened = true;
    const bool heading = is_heading(name);
    m_heading += heading ? 1 : 0;
    walk_children(n, depth);
    m_heading -= heading ? 1 : 0;
    flush(Flush::End);
    m_anchor = outer;
  }

  void read_text_node(const xmlNode* n) {
    if (n->content == nullptr) {
      return;
    }
    const std::string t = without_conditional_markers(reinterpret_cast<const char*>(n->content));
    if (!m_pending.offset && has_visible_text(t)) {
      if (const auto start = start_of(n)) {
        m_pending.offset = skip_blank_source(*start);
      } else if (const xmlNode* p = n->parent; p != nullptr) {
        m_pending.offset = start_of(p);
      }
    }
    std::size_t pos = 0;
    while (pos < t.size()) {
      if (!util::is_space(util::next_codepoint(t, pos))) {
        ++m_pending.chars;
        m_pending.link_chars += m_link > 0 ? 1 : 0;
      }
    }
    m_pending.raw += t;
  }

  void flush(Flush kind) {
    Pending p = std::move(m_pending);
    m_pending = Pending{};
    std::string line = collapse_white_space(p.raw);
    const bool keep = !line.empty() || kind == Flush::Break || (kind == Flush::End && p.opened);
    if (m_cell_lines != nullptr) {
      if (keep) {
        m_cell_lines->push_back(std::move(line));
        if (!m_cell_offset && p.offset && !m_cell_lines->back().empty()) {
          m_cell_offset = p.offset;
        }
      }
      return;
    }
    if (line.empty()) {
      return;
    }
    Paragraph para;
    para.text = std::move(line);
    para.where = p.offset ? m_lines.at(*p.offset) : location_of(m_anchor);
    RawBlock raw;
    raw.block = std::move(para);
    raw.anchor = m_anchor;
    raw.link = p.link_chars * 2 > p.chars;
    m_blocks.push_back(std::move(raw));
  }

  /// A table that holds tables, or has a single cell, lays out the page: its cells are read as
  /// body content.
  bool is_layout_table(const xmlNode* table) const {
    std::size_t cells = 0;
    for (const xmlNode* row : rows_of(table)) {
      cells += cells_of(row).size();
    }
    return cells <= 1 || holds_table(table, 0);
  }

  bool holds_table(const xmlNode* n, int depth) const {
    if (depth > k_max_depth) {
      return false;
    }
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      // As walk() reads them: prefixed elements are transparent, never-content is skipped.
      const bool prefixed = is_prefixed(c);
      if (!is_element(c) || is_hidden(c) || (!prefixed && is_never_content(name_of(c)))) {
        continue;
      }
      if ((!prefixed && name_of(c) == "table") || holds_table(c, depth + 1)) {
        return true;
      }
    }
    return false;
  }

  void read_table(const xmlNode* n, int depth) {
    Table t;
    t.where = location_of(n);
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (is_element(c) && name_of(c) == "caption" && !is_hidden(c)) {
        walk(c, depth + 1); // a caption is a paragraph before the table
      }
    }
    const auto rows = rows_of(n);
    for (std::size_t r = 0; r < rows.size(); ++r) {
      Row row;
      const int remaining = static_cast<int>(std::min<std::size_t>(rows.size() - r, INT_MAX));
      for (const xmlNode* c : cells_of(rows[r])) {
        Cell cell;
        cell.col_span = std::max(span_attribute(c, "colspan", 1, k_max_colspan), 1);
        cell.row_span = span_attribute(c, "rowspan", 1, k_max_rowspan);
        if (cell.row_span == 0) {
          cell.row_span = remaining; // rowspan=0: to the end of the table
        }
        cell.text = cell_text(c, depth, cell.where);
        row.cells.push_back(std::move(cell));
      }
      if (row.cells.empty() || is_misaligned_columns_row(rows[r], row)) {
        continue;
      }
      const int row_index = static_cast<int>(t.rows.size());
      for (std::size_t i = 0; i < row.cells.size(); ++i) {
        row.cells[i].where.row = row_index;
        row.cells[i].where.cell = static_cast<int>(i);
      }
      t.rows.push_back(std::move(row));
    }
    RawBlock raw;
    raw.block = std::move(t);
    raw.anchor = n;
    m_blocks.push_back(std::move(raw));
  }

  /// Word's "Save as HTML" ends tables with <tr height=0> of empty cells (inside
  /// <![if !supportMisalignedColumns]>) that only carries column widths.
  static bool is_misaligned_columns_row(const xmlNode* tr, const Row& row) {
    const auto height = attribute(tr, "height");
    return height && util::trim(*height) == "0" &&
           std::all_of(row.cells.begin(), row.cells.end(),
                       [](const Cell& c) { return c.text.empty(); });
  }

  std::string cell_text(const xmlNode* cell, int depth, SourceLocation& where) {
    std::vector<std::string> lines;
    std::vector<std::string>* outer_lines = m_cell_lines;
    const std::optional<std::size_t> outer_offset = m_cell_offset;
    const xmlNode* outer_anchor = m_anchor;
    m_cell_lines = &lines;
    m_cell_offset.reset();
    m_anchor = cell;
    walk_children(cell, depth + 1);
    flush(Flush::Soft);
    where = m_cell_offset ? m_lines.at(*m_cell_offset) : location_of(cell);
    m_cell_lines = outer_lines;
    m_cell_offset = outer_offset;
    m_anchor = outer_anchor;
    std::size_t first = 0;
    std::size_t last = lines.size();
    while (first < last && lines[first].empty()) {
      ++first;
    }
    while (last > first && lines[last - 1].empty()) {
      --last;
    }
    std::string joined;
    for (std::size_t i = first; i < last; ++i) {
      joined += i == first ? "" : "\n";
      joined += lines[i];
    }
    return joined;
  }

  // --- the report's part of the page

  static bool is_inside(const xmlNode* n, const xmlNode* ancestor) {
    for (; n != nullptr; n = n->parent) {
      if (n == ancestor) {
        return true;
      }
    }
    return false;
  }

  static bool is_core_hit(const RawBlock& b) {
    if (const auto* p = std::get_if<Paragraph>(&b.block)) {
      return !b.link && looks_like_section_heading(p->text);
    }
    const auto& t = std::get<Table>(b.block);
    for (const auto& row : t.rows) {
      for (const auto& cell : row.cells) {
        if (is_report_label(cell.text)) {
          return true;
        }
      }
    }
    return false;
  }

  static bool is_title_block(const RawBlock& b) {
    const auto* p = std::get_if<Paragraph>(&b.block);
    return p != nullptr && !b.link && looks_like_title(p->text);
  }

  static std::size_t visible_chars(const RawBlock& b) {
    if (const auto* p = std::get_if<Paragraph>(&b.block)) {
      return b.link ? 0 : util::count_codepoints(p->text);
    }
    std::size_t n = 0;
    for (const auto& row : std::get<Table>(b.block).rows) {
      for (const auto& cell : row.cells) {
        n += util::count_codepoints(cell.text);
      }
    }
    return n;
  }

  bool is_chrome_cached(const xmlNode* n) {
    const auto [it, added] = m_chrome.try_emplace(n, false);
    if (added) {
      it->second = is_chrome(n);
    }
    return it->second;
  }

  /// The deepest element holding every report heading and table (the whole page without any),
  /// its blocks without the site chrome inside it, and the title before it.
  std::vector<RawBlock> choose(const xmlNode* root) {
    std::vector<const xmlNode*> hits;
    for (const auto& b : m_blocks) {
      if (b.anchor != nullptr && is_core_hit(b)) {
        hits.push_back(b.anchor);
      }
    }
    const xmlNode* container = hits.empty() ? root : common_ancestor(hits);
    if (std::find(hits.begin(), hits.end(), container) != hits.end() &&
        container->parent != nullptr && is_element(container->parent)) {
      container = container->parent; // one table or heading: its surroundings are the report
    }
    // Chrome never holds a report heading or table, nor most of the page's text (ASP.NET pages
    // wrap everything in one <form>).
    std::unordered_set<const xmlNode*> holds_hit;
    for (const xmlNode* h : hits) {
      for (const xmlNode* n = h; n != nullptr; n = n->parent) {
        holds_hit.insert(n);
      }
    }
    std::unordered_map<const xmlNode*, std::size_t> text_under;
    std::size_t total = 0;
    for (const auto& b : m_blocks) {
      const std::size_t n = visible_chars(b);
      total += n;
      for (const xmlNode* a = b.anchor; a != nullptr; a = a->parent) {
        text_under[a] += n;
      }
    }
    auto chrome = [&](const xmlNode* n) {
      return is_element(n) && !holds_hit.contains(n) && text_under[n] * 2 <= total &&
             is_chrome_cached(n);
    };
    // Chrome between a block and the container (or, outside it, the container's ancestors).
    auto in_chrome = [&](const xmlNode* n) {
      for (; n != nullptr && !is_inside(container, n); n = n->parent) {
        if (chrome(n)) {
          return true;
        }
      }
      return false;
    };

    std::vector<RawBlock> chosen;
    std::optional<std::size_t> first_index;
    for (std::size_t i = 0; i < m_blocks.size(); ++i) {
      const RawBlock& b = m_blocks[i];
      // Link paragraphs are navigation even inside the report: 上一篇/下一篇, a table of
      // contents, attachment lists.
      if (b.anchor == nullptr || b.link || !is_inside(b.anchor, container) ||
          in_chrome_below(b.anchor, container, chrome)) {
        continue;
      }
      if (!first_index) {
        first_index = i;
      }
      chosen.push_back(b);
    }

    // The title: among the report's first paragraphs, else the nearest before it that is not
    // a link or chrome, else the page's <title>.
    for (const auto& b : chosen) {
      if (std::holds_alternative<Table>(b.block)) {
        break;
      }
      if (is_title_block(b)) {
        return chosen;
      }
    }
    const std::size_t end = first_index.value_or(m_blocks.size());
    for (std::size_t i = end; i > 0 && end - i < k_title_lookback;) {
      --i;
      const RawBlock& b = m_blocks[i];
      if (is_title_block(b) && !in_chrome(b.anchor)) {
        chosen.insert(chosen.begin(), b);
        return chosen;
      }
    }
    if (auto title = page_title(root)) {
      chosen.insert(chosen.begin(), std::move(*title));
    }
    return chosen;
  }

  /// Whether chrome lies between `n` (included) and `container` (excluded).
  template <class Chrome>
  static bool in_chrome_below(const xmlNode* n, const xmlNode* container, Chrome& chrome) {
    for (; n != nullptr && n != container; n = n->parent) {
      if (chrome(n)) {
        return true;
      }
    }
    return false;
  }

  static const xmlNode* common_ancestor(const std::vector<const xmlNode*>& nodes) {
    std::vector<const xmlNode*> common;
    for (const xmlNode* n = nodes.front(); n != nullptr; n = n->parent) {
      common.insert(common.begin(), n);
    }
    for (std::size_t k = 1; k < nodes.size(); ++k) {
      std::vector<const xmlNode*> chain;
      for (const xmlNode* n = nodes[k]; n != nullptr; n = n->parent) {
        chain.insert(chain.begin(), n);
      }
      std::size_t same = 0;
      while (same < common.size() && same < chain.size() && common[same] == chain[same]) {
        ++same;
      }
      common.resize(same);
    }
    // Walk up to an element (the chains start at the document node).
    while (!common.empty() && !is_element(common.back())) {
      common.pop_back();
    }
    return common.empty() ? nodes.front() : common.back();
  }

  /// <title>, up to a site suffix ("…年度报告_某某县人民政府"), when it names the report.
  std::optional<RawBlock> page_title(const xmlNode* root) const {
    for (const xmlNode* head = root->children; head != nullptr; head = head->next) {
      if (!is_element(head) || name_of(head) != "head") {
        continue;
      }
      for (const xmlNode* t = head->children; t != nullptr; t = t->next) {
        if (!is_element(t) || name_of(t) != "title") {
          continue;
        }
        xmlChar* content = xmlNodeGetContent(t);
        if (content == nullptr) {
          return std::nullopt;
        }
        const std::string full = collapse_white_space(reinterpret_cast<const char*>(content));
        xmlFree(content);
        std::string_view rest = full;
        while (!rest.empty()) {
          std::size_t cut = rest.size();
          std::size_t skip = 0;
          for (const std::string_view sep : {"_", "|", " - ", "——", "－", "--"}) {
            const std::size_t at = rest.find(sep);
            if (at < cut) {
              cut = at;
              skip = sep.size();
            }
          }
          const std::string part = util::trim(rest.substr(0, cut));
          if (looks_like_title(part)) {
            Paragraph p;
            p.text = part;
            p.where = location_of(t);
            RawBlock raw;
            raw.block = std::move(p);
            raw.anchor = t;
            return raw;
          }
          rest.remove_prefix(std::min(rest.size(), cut + skip));
        }
        return std::nullopt;
      }
    }
    return std::nullopt;
  }

  std::string_view m_source;
  const SourcePositions& m_positions;
  SourceLines m_lines;
  std::vector<RawBlock> m_blocks;
  Pending m_pending;
  const xmlNode* m_anchor = nullptr;
  int m_heading = 0;
  int m_link = 0;
  std::vector<std::string>* m_cell_lines = nullptr; ///< set while reading a table cell
  std::optional<std::size_t> m_cell_offset;         ///< the cell's first visible text
  std::unordered_map<const xmlNode*, bool> m_chrome;
};

} // namespace

bool looks_like_html(std::string_view bytes) {
  const std::string s = ascii_prefix(bytes, k_sniff_bytes);
  if (s.find('\0') != std::string::npos) {
    return false;
  }
  std::size_t pos = 0;
  while (true) {
    while (pos < s.size() && is_ascii_space(s[pos])) {
      ++pos;
    }
    if (s.compare(pos, 4, "<!--") == 0) {
      pos = s.find("-->", pos + 4);
      if (pos == std::string::npos) {
        return false;
      }
      pos += 3;
    } else if (s.compare(pos, 2, "<?") == 0) {
      pos = s.find('>', pos);
      if (pos == std::string::npos) {
        return false;
      }
      ++pos;
    } else {
      break;
    }
  }
  if (iequal_at(s, pos, "<!doctype")) {
    std::size_t i = pos + 9;
    while (i < s.size() && is_ascii_space(s[i])) {
      ++i;
    }
    if (iequal_at(s, i, "html") &&
        (i + 4 >= s.size() || is_ascii_space(s[i + 4]) || s[i + 4] == '>')) {
      return true;
    }
  }
  if (tag_at(s, pos, "html") || contains_tag(s, "table") || contains_tag(s, "body")) {
    return true;
  }
  // A page body saved without <html>/<head> (format.md §7 item 18): it opens with an element
  // and its first <table> may come far into the file.
  static constexpr std::string_view k_body_elements[] = {
      "p",    "div",    "span", "table",  "h1",      "h2",      "h3",    "h4",   "h5",
      "h6",   "br",     "font", "center", "section", "article", "style", "meta", "title",
      "head", "strong", "b",    "ul",     "ol",      "tbody",   "tr",    "link", "script"};
  return std::any_of(std::begin(k_body_elements), std::end(k_body_elements),
                     [&](std::string_view name) { return tag_at(s, pos, name); });
}

bool looks_like_html_named(std::string_view bytes, std::string_view file_name) {
  if (looks_like_html(bytes)) {
    return true;
  }
  const std::string lower = ascii_lower(file_name);
  const bool html_name = lower.ends_with(".html") || lower.ends_with(".htm") ||
                         lower.ends_with(".shtml") || lower.ends_with(".xhtml");
  if (!html_name) {
    return false;
  }
  // A .html name is a strong hint: any of these elements in the first megabyte makes it HTML.
  constexpr std::size_t k_named_sniff_bytes = 1 << 20;
  const std::string s = ascii_prefix(bytes, k_named_sniff_bytes);
  return s.find('\0') == std::string::npos &&
         (contains_tag(s, "p") || contains_tag(s, "div") || contains_tag(s, "br") ||
          contains_tag(s, "td") || contains_tag(s, "span"));
}

std::string declared_charset(std::string_view bytes) {
  const std::string s = ascii_prefix(bytes, k_prescan_bytes);
  std::size_t pos = 0;
  while (pos < s.size()) {
    if (s.compare(pos, 4, "<!--") == 0) {
      const std::size_t end = s.find("-->", pos + 4);
      if (end == std::string::npos) {
        break;
      }
      pos = end + 3;
      continue;
    }
    if (s[pos] != '<' || pos + 1 >= s.size()) {
      ++pos;
      continue;
    }
    if (is_ascii_alpha(s[pos + 1])) {
      std::size_t i = pos + 1;
      std::string name;
      while (i < s.size() && !is_ascii_space(s[i]) && s[i] != '/' && s[i] != '>') {
        name += ascii_lower(s[i++]);
      }
      const auto attributes = scan_attributes(s, i);
      pos = i;
      if (name != "meta") {
        continue;
      }
      std::string http_equiv;
      std::string content;
      for (const auto& a : attributes) {
        if (a.name == "charset") {
          const std::string label = ascii_lower(util::trim(a.value));
          if (!label.empty()) {
            return label;
          }
        } else if (a.name == "http-equiv") {
          http_equiv = ascii_lower(util::trim(a.value));
        } else if (a.name == "content") {
          content = a.value;
        }
      }
      if (http_equiv == "content-type") {
        std::string label = charset_of_content_type(content);
        if (!label.empty()) {
          return label;
        }
      }
      continue;
    }
    if (s[pos + 1] == '/' || s[pos + 1] == '!' || s[pos + 1] == '?') {
      const std::size_t end = s.find('>', pos);
      if (end == std::string::npos) {
        break;
      }
      pos = end + 1;
      continue;
    }
    ++pos;
  }
  return {};
}

util::Expected<Document> read_html_text(std::string_view html) {
  SourcePositions positions;
  positions.source = html;
  auto doc = parse(html, positions);
  if (!doc) {
    return doc.error();
  }
  Reader reader(html, positions);
  Document out = reader.read(doc->get());
  out.format = "html";
  out.encoding = "UTF-8";
  out.source_text = std::string(html);
  return out;
}

util::Expected<Document> read_html(std::string_view bytes, std::string_view requested_encoding) {
  auto decoded = decode_page(bytes, requested_encoding);
  if (!decoded) {
    return decoded.error();
  }
  auto doc = read_html_text(decoded->text);
  if (!doc) {
    return doc;
  }
  doc->encoding = decoded->encoding;
  doc->diagnostics.insert(doc->diagnostics.begin(), decoded->diagnostics.begin(),
                          decoded->diagnostics.end());
  return doc;
}

} // namespace xxgk::document
