// The page's tree as report text sees it (see dom.hpp).

#include "dom.hpp"

#include "markup.hpp"

#include <xxgk/util/text.hpp>

namespace xxgk::document::html {

namespace {

bool is_wide(char32_t cp) {
  return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

} // namespace

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

} // namespace xxgk::document::html
