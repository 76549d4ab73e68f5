// Recognising an HTML page in raw bytes, and its charset: the declaration in its <meta>, checked
// against what the bytes decode as.

#include "sniff.hpp"

#include "../messages.hpp"
#include "markup.hpp"

#include <xxgk/document/html_reader.hpp>
#include <xxgk/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace xxgk::document {

namespace html {

namespace {

constexpr std::string_view k_bom_utf8 = "\xEF\xBB\xBF";
constexpr std::string_view k_bom_utf16le = "\xFF\xFE";
constexpr std::string_view k_bom_utf16be = "\xFE\xFF";
/// How far into the bytes sniffing looks for <table / <body, and the charset prescan for <meta>.
constexpr std::size_t k_sniff_bytes = 4096;
constexpr std::size_t k_prescan_bytes = 8192;

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

diag::Diagnostic encoding_warning(diag::Message message) {
  return diag::make("READ-ENCODING", diag::Severity::Warning, std::move(message));
}

} // namespace

bool has_html_name(std::string_view file_name) {
  const std::string lower = ascii_lower(file_name);
  return lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".shtml") ||
         lower.ends_with(".xhtml");
}

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
      detected->diagnostics.push_back(
          encoding_warning({&msg::k_charset_unsupported, {label, detected->encoding}}));
    }
    return detected;
  }
  // The bytes contradict the declaration: believe them when they decode cleanly otherwise.
  // Pages moved to UTF-8 often keep their old gb2312 declaration; Chinese text in GBK is
  // practically never valid UTF-8, while UTF-8 text often decodes as (wrong) GB18030 characters.
  auto contradicted = [&](util::Expected<DecodedText> detected) {
    if (detected) {
      detected->diagnostics.push_back(encoding_warning(
          {&msg::k_charset_mismatch, {label, detected->encoding, detected->encoding}}));
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

} // namespace html

using namespace html;

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
  if (!has_html_name(file_name)) {
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

} // namespace xxgk::document
