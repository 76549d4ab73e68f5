// Namespace URIs and prefixes of the Word forms → Ns, and the scope chain that resolves them.

#include "namespaces.hpp"

namespace xxgk::document::word {

Ns ns_of_uri(std::string_view uri) {
  if (uri == k_uri_w || uri == k_uri_w_strict || uri == k_uri_w_2003) {
    return Ns::W;
  }
  if (uri == k_uri_wx_2003) {
    return Ns::Wx;
  }
  if (uri == k_uri_aml) {
    return Ns::Aml;
  }
  if (uri == k_uri_mc) {
    return Ns::Mc;
  }
  if (uri == k_uri_vml) {
    return Ns::Vml;
  }
  if (uri == k_uri_pkg) {
    return Ns::Pkg;
  }
  if (uri == k_uri_rels) {
    return Ns::Rels;
  }
  return Ns::Unknown;
}

/// Undeclared prefixes (a namespace-broken file) fall back to their conventional meaning.
Ns ns_of_conventional_prefix(std::string_view prefix) {
  if (prefix == "w") {
    return Ns::W;
  }
  if (prefix == "wx") {
    return Ns::Wx;
  }
  if (prefix == "aml") {
    return Ns::Aml;
  }
  if (prefix == "mc") {
    return Ns::Mc;
  }
  if (prefix == "v") {
    return Ns::Vml;
  }
  if (prefix == "pkg") {
    return Ns::Pkg;
  }
  return Ns::Unknown;
}

std::pair<std::string_view, std::string_view> split_qname(std::string_view qname) {
  const std::size_t colon = qname.find(':');
  if (colon == std::string_view::npos) {
    return {std::string_view{}, qname};
  }
  return {qname.substr(0, colon), qname.substr(colon + 1)};
}

/// The scope of `node`: `storage` if the node declares namespaces, else the parent's scope.
const NsScope* enter(const NsScope* parent, pugi::xml_node node, NsScope& storage) {
  storage = NsScope(parent);
  return storage.declare(node) ? &storage : parent;
}

/// An attribute in namespace `ns` (or unprefixed, as some writers emit) by local name.
std::optional<std::string_view> attr(pugi::xml_node node, const NsScope* scope, Ns ns,
                                     std::string_view local) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    const auto [prefix, name] = split_cname(a.name());
    if (name == local && (prefix.empty() || scope->lookup(prefix) == ns)) {
      return std::string_view(a.value());
    }
  }
  return std::nullopt;
}

/// The first element child in namespace `ns` with local name `local`.
pugi::xml_node child_element(pugi::xml_node node, const NsScope* scope, Ns ns,
                             std::string_view local, NsScope& storage) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    // The local name first: a declaration on the element changes its namespace, never that.
    if (c.type() != pugi::node_element || !has_local_name(c.name(), local)) {
      continue;
    }
    NsScope s(scope);
    const NsScope* cs = s.declare(c) ? &s : scope;
    const Name n = name_of(c, cs);
    if (n.ns == ns && n.local == local) {
      storage = NsScope(scope);
      storage.declare(c);
      return c;
    }
  }
  return {};
}

const NsScope* scope_chain(pugi::xml_node node, std::vector<std::unique_ptr<NsScope>>& chain) {
  std::vector<pugi::xml_node> path;
  for (pugi::xml_node n = node; n && n.type() == pugi::node_element; n = n.parent()) {
    path.push_back(n);
  }
  const NsScope* scope = nullptr;
  chain.push_back(std::make_unique<NsScope>());
  scope = chain.back().get();
  for (auto it = path.rbegin(); it != path.rend(); ++it) {
    auto s = std::make_unique<NsScope>(scope);
    if (s->declare(*it)) {
      chain.push_back(std::move(s));
      scope = chain.back().get();
    }
  }
  return scope;
}

std::optional<std::string> office_document_target(pugi::xml_node relationships) {
  for (pugi::xml_node r = relationships.first_child(); r; r = r.next_sibling()) {
    if (r.type() == pugi::node_element && split_qname(r.name()).second == "Relationship" &&
        ends_with(r.attribute("Type").value(), "/officeDocument") &&
        std::string_view(r.attribute("TargetMode").value()) != "External") {
      std::string_view target = r.attribute("Target").value();
      while (starts_with(target, "./")) {
        target.remove_prefix(2);
      }
      return std::string(target);
    }
  }
  return std::nullopt;
}

} // namespace xxgk::document::word
