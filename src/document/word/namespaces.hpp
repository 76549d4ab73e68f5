#pragma once
// XML names of the Word forms, matched by namespace URI: documents do not always use the usual
// prefixes, and namespace-broken files fall back to the conventional ones. Shared by the body
// walker, the main-part and Flat OPC readers and the sniffer.

#include <pugixml.hpp>

#include <cstddef>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace xxgk::document::word {

constexpr std::string_view k_uri_w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view k_uri_w_strict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
constexpr std::string_view k_uri_w_2003 = "http://schemas.microsoft.com/office/word/2003/wordml";
constexpr std::string_view k_uri_wx_2003 = "http://schemas.microsoft.com/office/word/2003/auxHint";
constexpr std::string_view k_uri_aml = "http://schemas.microsoft.com/aml/2001/core";
constexpr std::string_view k_uri_mc = "http://schemas.openxmlformats.org/markup-compatibility/2006";
constexpr std::string_view k_uri_vml = "urn:schemas-microsoft-com:vml";
constexpr std::string_view k_uri_pkg = "http://schemas.microsoft.com/office/2006/xmlPackage";
constexpr std::string_view k_uri_rels =
    "http://schemas.openxmlformats.org/package/2006/relationships";

enum class Ns { Unknown, W, Wx, Aml, Mc, Vml, Pkg, Rels };

Ns ns_of_uri(std::string_view uri);

/// Undeclared prefixes (a namespace-broken file) fall back to their conventional meaning.
Ns ns_of_conventional_prefix(std::string_view prefix);

inline bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

inline bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// Whether the local part of a pugixml name (after its first ':', if any) is `local`: a cheap
/// test before the namespace lookup.
inline bool has_local_name(const char* qname, std::string_view local) {
  const char* l = qname;
  for (const char* p = qname; *p != '\0'; ++p) {
    if (*p == ':') {
      l = p + 1;
      break;
    }
  }
  for (const char c : local) {
    if (*l != c) {
      return false;
    }
    ++l;
  }
  return *l == '\0';
}

/// "w:p" → {"w", "p"}; "p" → {"", "p"}.
std::pair<std::string_view, std::string_view> split_qname(std::string_view qname);

/// The target of the officeDocument relationship among a package's relationships (the root
/// element of its _rels/.rels part), without leading "./": the main part of a .docx or a Flat OPC
/// package. nullopt when there is none (external targets do not count).
std::optional<std::string> office_document_target(pugi::xml_node relationships);

/// The prefix → namespace bindings in effect at an element; a chain up to the root. A scope is
/// only added for elements that declare something, so lookups stay short.
class NsScope {
public:
  explicit NsScope(const NsScope* parent = nullptr) : m_parent(parent) {}

  /// Records the element's xmlns declarations; whether it had any.
  bool declare(pugi::xml_node node) {
    m_cached = false;
    for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
      const char* name = a.name();
      // "xmlns" or "xmlns:…"; the first byte rules out nearly every attribute.
      if (name[0] != 'x' || std::strncmp(name, "xmlns", 5) != 0) {
        continue;
      }
      if (name[5] == '\0') {
        m_decls.emplace_back(std::string_view{}, ns_of_uri(a.value()));
      } else if (name[5] == ':') {
        m_decls.emplace_back(std::string_view(name + 6), ns_of_uri(a.value()));
      }
    }
    return !m_decls.empty();
  }

  /// The namespace of `prefix`. The last prefix looked up through this scope is remembered (a
  /// scope is not changed once declared, and nearly every lookup is of the same "w").
  [[nodiscard]] Ns lookup(std::string_view prefix) const {
    if (m_cached && same(prefix, m_cached_prefix)) {
      return m_cached_ns;
    }
    const Ns ns = resolve(prefix);
    m_cached = true;
    m_cached_prefix = prefix;
    m_cached_ns = ns;
    return ns;
  }

private:
  /// a == b, without a call to memcmp for the one-letter prefixes nearly every name has.
  static bool same(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
      return false;
    }
    if (a.size() == 1) {
      return a[0] == b[0];
    }
    return a == b;
  }

  /// This scope's declarations, then the parent's (through its remembered lookup).
  [[nodiscard]] Ns resolve(std::string_view prefix) const {
    for (auto it = m_decls.rbegin(); it != m_decls.rend(); ++it) {
      if (it->first == prefix) {
        return it->second;
      }
    }
    return m_parent != nullptr ? m_parent->lookup(prefix) : ns_of_conventional_prefix(prefix);
  }

  const NsScope* m_parent;
  std::vector<std::pair<std::string_view, Ns>> m_decls; // views into the pugixml tree
  mutable std::string_view m_cached_prefix;             // a view into the pugixml tree
  mutable Ns m_cached_ns = Ns::Unknown;
  mutable bool m_cached = false;
};

/// The scope of `node`: `storage` if the node declares namespaces, else the parent's scope.
const NsScope* enter(const NsScope* parent, pugi::xml_node node, NsScope& storage);

struct Name {
  Ns ns = Ns::Unknown;
  std::string_view local;
};

/// "w:p" → {"w", "p"} in one pass over a NUL-terminated pugixml name (no strlen, then find).
inline std::pair<std::string_view, std::string_view> split_cname(const char* qname) {
  const char* p = qname;
  while (*p != '\0' && *p != ':') {
    ++p;
  }
  if (*p == '\0') {
    return {std::string_view{}, std::string_view(qname, static_cast<std::size_t>(p - qname))};
  }
  const char* local = p + 1;
  const char* end = local;
  while (*end != '\0') {
    ++end;
  }
  return {std::string_view(qname, static_cast<std::size_t>(p - qname)),
          std::string_view(local, static_cast<std::size_t>(end - local))};
}

/// Inline: the walk asks it of every element it meets.
inline Name name_of(pugi::xml_node node, const NsScope* scope) {
  const auto [prefix, local] = split_cname(node.name());
  return {scope->lookup(prefix), local};
}

/// An attribute in namespace `ns` (or unprefixed, as some writers emit) by local name.
std::optional<std::string_view> attr(pugi::xml_node node, const NsScope* scope, Ns ns,
                                     std::string_view local);

/// The first element child in namespace `ns` with local name `local`.
pugi::xml_node child_element(pugi::xml_node node, const NsScope* scope, Ns ns,
                             std::string_view local, NsScope& storage);

/// The scopes from the document root down to `node` (inclusive), for a node found deep inside
/// a package. `chain` must outlive the returned pointer.
const NsScope* scope_chain(pugi::xml_node node, std::vector<std::unique_ptr<NsScope>>& chain);

} // namespace xxgk::document::word
