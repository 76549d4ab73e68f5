// Flat OPC: the main part of a pkg:package, found the way a package reader finds it.

#include "../error_messages.hpp"

#include "flat_opc.hpp"

#include "namespaces.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::document::word {

namespace {

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

/// "/word/document.xml", "word/document.xml", "./word/document.xml" → "/word/document.xml".
std::string normalize_part_name(std::string_view name) {
  while (starts_with(name, "./")) {
    name.remove_prefix(2);
  }
  std::string out = name.empty() || name.front() != '/' ? "/" : "";
  out += name;
  return ascii_lower(out);
}

} // namespace

util::Expected<Document> read_flat_opc(const ParsedXml& x) {
  const pugi::xml_node root = x.doc->document_element();
  std::vector<std::unique_ptr<NsScope>> chain;
  const NsScope* scope = scope_chain(root, chain);

  constexpr std::string_view k_main_types[] = {
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
      "application/vnd.ms-word.document.macroEnabled.main+xml",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
      "application/vnd.ms-word.template.macroEnabledTemplate.main+xml"};

  struct Part {
    pugi::xml_node node;
    std::string name;
    std::string content_type;
  };
  std::vector<Part> parts;
  for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) {
      continue;
    }
    NsScope s;
    const NsScope* cs = enter(scope, c, s);
    const Name n = name_of(c, cs);
    if (n.ns == Ns::Pkg && n.local == "part") {
      parts.push_back({c, normalize_part_name(attr(c, cs, Ns::Pkg, "name").value_or("")),
                       std::string(attr(c, cs, Ns::Pkg, "contentType").value_or(""))});
    }
  }
  auto xml_data = [&](pugi::xml_node part) -> pugi::xml_node {
    for (pugi::xml_node c = part.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_element && split_qname(c.name()).second == "xmlData") {
        for (pugi::xml_node e = c.first_child(); e; e = e.next_sibling()) {
          if (e.type() == pugi::node_element) {
            return e;
          }
        }
      }
    }
    return {};
  };

  // The main part: the package relationship of type officeDocument, else the content type,
  // else the usual name.
  std::string main_name;
  for (const Part& p : parts) {
    if (p.name != "/_rels/.rels") {
      continue;
    }
    if (auto target = office_document_target(xml_data(p.node))) {
      main_name = normalize_part_name(*target);
    }
  }
  const Part* main_part = nullptr;
  for (const Part& p : parts) {
    if (!main_name.empty() && p.name == main_name) {
      main_part = &p;
    }
  }
  for (const Part& p : parts) {
    if (main_part == nullptr && std::find(std::begin(k_main_types), std::end(k_main_types),
                                          p.content_type) != std::end(k_main_types)) {
      main_part = &p;
    }
  }
  for (const Part& p : parts) {
    if (main_part == nullptr && p.name == "/word/document.xml") {
      main_part = &p;
    }
  }
  if (main_part == nullptr) {
    return err::make(util::ErrorKind::Malformed, err::k_flat_opc_no_main);
  }
  const std::string part_name = main_part->name.substr(1);
  const pugi::xml_node document = xml_data(main_part->node);
  std::vector<std::unique_ptr<NsScope>> doc_chain;
  if (!document || name_of(document, scope_chain(document, doc_chain)).ns != Ns::W ||
      split_qname(document.name()).second != "document") {
    return err::make(util::ErrorKind::Malformed, err::k_flat_opc_not_xml, {main_part->name});
  }
  return read_body_of(document, part_name, part_name, "flat-opc", x);
}

} // namespace xxgk::document::word
