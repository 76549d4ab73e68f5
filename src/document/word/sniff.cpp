// Sniffing the Word XML forms: the root start tag is scanned by hand (after the XML declaration,
// comments, processing instructions and a DOCTYPE), so a truncated or huge file is still named.

#include "../error_messages.hpp"

#include "sniff.hpp"

#include "namespaces.hpp"

#include <xxgk/document/encoding.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

namespace xxgk::document::word {

namespace {

bool is_xml_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

struct RootTag {
  std::string_view qname;
  std::vector<std::pair<std::string_view, std::string_view>> attributes;
};

std::optional<RootTag> scan_root_tag(std::string_view s) {
  std::size_t i = 0;
  auto skip_space = [&] {
    while (i < s.size() && is_xml_space(s[i])) {
      ++i;
    }
  };
  for (;;) {
    skip_space();
    if (s.compare(i, 2, "<?") == 0) {
      const std::size_t end = s.find("?>", i + 2);
      if (end == std::string_view::npos) {
        return std::nullopt;
      }
      i = end + 2;
    } else if (s.compare(i, 4, "<!--") == 0) {
      const std::size_t end = s.find("-->", i + 4);
      if (end == std::string_view::npos) {
        return std::nullopt;
      }
      i = end + 3;
    } else if (s.compare(i, 2, "<!") == 0) { // DOCTYPE, possibly with an internal subset
      int brackets = 0;
      for (i += 2; i < s.size(); ++i) {
        if (s[i] == '[') {
          ++brackets;
        } else if (s[i] == ']') {
          --brackets;
        } else if (s[i] == '>' && brackets <= 0) {
          break;
        }
      }
      if (i >= s.size()) {
        return std::nullopt;
      }
      ++i;
    } else {
      break;
    }
  }
  if (i >= s.size() || s[i] != '<') {
    return std::nullopt;
  }
  ++i;
  auto name_end = [&] {
    const std::size_t start = i;
    while (i < s.size() && !is_xml_space(s[i]) && s[i] != '/' && s[i] != '>' && s[i] != '=') {
      ++i;
    }
    return s.substr(start, i - start);
  };
  RootTag tag;
  tag.qname = name_end();
  if (tag.qname.empty()) {
    return std::nullopt;
  }
  // A start tag cut short (a truncated file, or the sniffing prefix) still names the root; the
  // parser reports the damage later.
  for (;;) {
    skip_space();
    if (i >= s.size() || s[i] == '>' || s[i] == '/') {
      return tag;
    }
    const std::string_view name = name_end();
    skip_space();
    if (i >= s.size()) {
      return tag;
    }
    if (name.empty() || s[i] != '=') {
      return std::nullopt;
    }
    ++i;
    skip_space();
    if (i >= s.size()) {
      return tag;
    }
    if (s[i] != '"' && s[i] != '\'') {
      return std::nullopt;
    }
    const char quote = s[i++];
    const std::size_t end = s.find(quote, i);
    if (end == std::string_view::npos) {
      return tag;
    }
    tag.attributes.emplace_back(name, s.substr(i, end - i));
    i = end + 1;
  }
}

} // namespace

/// The XML as UTF-8 without BOM (UTF-16 with or without BOM is converted).
util::Expected<std::string> to_utf8(std::string_view bytes) {
  if (bytes.size() >= 2) {
    const auto b0 = static_cast<unsigned char>(bytes[0]);
    const auto b1 = static_cast<unsigned char>(bytes[1]);
    if (b0 == 0xFF && b1 == 0xFE) {
      return decode_utf16(bytes.substr(2), false);
    }
    if (b0 == 0xFE && b1 == 0xFF) {
      return decode_utf16(bytes.substr(2), true);
    }
    if (b0 == '<' && b1 == 0) {
      return decode_utf16(bytes, false);
    }
    if (b0 == 0 && b1 == '<') {
      return decode_utf16(bytes, true);
    }
  }
  if (starts_with(bytes, "\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
  }
  return std::string(bytes);
}

WordXmlForm form_of_root(std::string_view utf8) {
  const auto tag = scan_root_tag(utf8);
  if (!tag) {
    return WordXmlForm::None;
  }
  const auto [prefix, local] = split_qname(tag->qname);
  const std::string xmlns = prefix.empty() ? "xmlns" : fmt::format("xmlns:{}", prefix);
  std::optional<std::string_view> uri;
  for (const auto& [name, value] : tag->attributes) {
    if (name == xmlns) {
      uri = value;
    }
  }
  const Ns ns = uri ? ns_of_uri(*uri) : ns_of_conventional_prefix(prefix);
  if (ns == Ns::W && local == "document" && uri != k_uri_w_2003) {
    return WordXmlForm::DocumentXml;
  }
  if (ns == Ns::W && local == "wordDocument") {
    return WordXmlForm::Word2003Xml;
  }
  if (ns == Ns::Pkg && local == "package") {
    return WordXmlForm::FlatOpc;
  }
  return WordXmlForm::None;
}

diag::Message form_name(WordXmlForm form) {
  switch (form) {
  case WordXmlForm::DocumentXml:
    return {&err::k_form_document_xml, {}};
  case WordXmlForm::FlatOpc:
    return {&err::k_form_flat_opc, {}};
  case WordXmlForm::Word2003Xml:
    return {&err::k_form_word2003, {}};
  case WordXmlForm::None:
    break;
  }
  return {&err::k_form_word_xml, {}};
}

} // namespace xxgk::document::word

namespace xxgk::document {

WordXmlForm sniff_word_xml(std::string_view bytes) {
  // The root element is near the start; decode only a prefix of large files.
  constexpr std::size_t k_sniff_bytes = 1u << 20;
  std::string_view head = bytes.substr(0, std::min(bytes.size(), k_sniff_bytes));
  if (head.size() % 2 == 1 && head.size() < bytes.size()) {
    head.remove_suffix(1); // keep UTF-16 code units whole
  }
  auto text = word::to_utf8(head);
  return text ? word::form_of_root(*text) : WordXmlForm::None;
}

} // namespace xxgk::document
