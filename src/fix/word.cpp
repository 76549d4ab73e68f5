// Editing the text of Word table cells in place: byte splices at the positions pugixml reports,
// so that nothing outside the changed runs moves.
#include "messages.hpp"

#include <xxgk/fix/write.hpp>

#include <fmt/format.h>
#include <pugixml.hpp>

#include <algorithm>
#include <map>

namespace xxgk::fix {

namespace {

std::string_view local_name(pugi::xml_node n) {
  std::string_view name = n.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string_view prefix_of(pugi::xml_node n) {
  std::string_view name = n.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? std::string_view{} : name.substr(0, colon + 1);
}

/// One replacement of the bytes [begin, end).
struct Splice {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string text;
};

std::string escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

/// The end of the start tag that begins at `name_at` (just after its '>'), honouring quoted
/// attribute values; npos when the tag does not end.
std::size_t start_tag_end(std::string_view xml, std::size_t name_at) {
  char quote = 0;
  for (std::size_t i = name_at; i < xml.size(); ++i) {
    const char c = xml[i];
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
      }
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

/// The start of the closing tag of the element whose start tag ends at `content`; nested
/// elements of the same name are counted. npos when not found.
std::size_t closing_tag(std::string_view xml, std::size_t content, std::string_view name) {
  const std::string open = fmt::format("<{}", name);
  const std::string close = fmt::format("</{}", name);
  int depth = 0;
  std::size_t i = content;
  while ((i = xml.find('<', i)) != std::string_view::npos) {
    const std::string_view rest = xml.substr(i);
    auto ends_name = [&](std::size_t len) {
      return rest.size() > len && (rest[len] == '>' || rest[len] == ' ' || rest[len] == '/' ||
                                   rest[len] == '\t' || rest[len] == '\n' || rest[len] == '\r');
    };
    if (rest.starts_with(close) && ends_name(close.size())) {
      if (depth == 0) {
        return i;
      }
      --depth;
    } else if (rest.starts_with(open) && ends_name(open.size())) {
      const std::size_t end = start_tag_end(xml, i + 1);
      if (end == std::string_view::npos) {
        return end;
      }
      if (xml[end - 2] != '/') {
        ++depth;
      }
      i = end;
      continue;
    }
    ++i;
  }
  return std::string_view::npos;
}

void collect_text_runs(pugi::xml_node n, std::vector<pugi::xml_node>& out) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) {
      continue;
    }
    const std::string_view local = local_name(c);
    if (local == "tbl") {
      continue; // a nested table's cells are not this cell's text
    }
    if (local == "t" && local_name(c.parent()) == "r") {
      out.push_back(c);
      continue;
    }
    collect_text_runs(c, out);
  }
}

bool is_blank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

/// The paragraph mark's run properties of `p`, as written, when they are plain formatting.
std::string mark_properties(std::string_view xml, pugi::xml_node p) {
  for (pugi::xml_node ppr = p.first_child(); ppr; ppr = ppr.next_sibling()) {
    if (ppr.type() != pugi::node_element || local_name(ppr) != "pPr") {
      continue;
    }
    for (pugi::xml_node rpr = ppr.first_child(); rpr; rpr = rpr.next_sibling()) {
      if (rpr.type() != pugi::node_element || local_name(rpr) != "rPr") {
        continue;
      }
      for (pugi::xml_node c = rpr.first_child(); c; c = c.next_sibling()) {
        const std::string_view l = local_name(c);
        if (l == "ins" || l == "del" || l == "moveFrom" || l == "moveTo" || l == "rPrChange") {
          return {}; // revision marks of the paragraph mark: not run formatting
        }
      }
      const auto at = static_cast<std::size_t>(rpr.offset_debug());
      const std::size_t tag_end = start_tag_end(xml, at);
      if (tag_end == std::string_view::npos) {
        return {};
      }
      if (xml[tag_end - 2] == '/') {
        return {};
      }
      const std::size_t close = closing_tag(xml, tag_end, rpr.name());
      if (close == std::string_view::npos) {
        return {};
      }
      const std::size_t end = xml.find('>', close);
      return std::string(xml.substr(at - 1, end + 1 - (at - 1)));
    }
  }
  return {};
}

} // namespace

util::Expected<std::string> edit_word_xml(std::string_view xml,
                                          const std::vector<XmlCellEdit>& edits) {
  pugi::xml_document doc;
  const auto parsed =
      doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single,
                      pugi::encoding_utf8);
  if (!parsed) {
    return util::Error::of(util::ErrorKind::Malformed, {&msg::k_xml, {parsed.description()}});
  }
  std::map<long long, pugi::xml_node> cells;
  struct Walker : pugi::xml_tree_walker {
    std::map<long long, pugi::xml_node>* cells = nullptr;
    bool for_each(pugi::xml_node& n) override {
      if (n.type() == pugi::node_element && local_name(n) == "tc") {
        cells->emplace(static_cast<long long>(n.offset_debug()), n);
      }
      return true;
    }
  } walker;
  walker.cells = &cells;
  doc.traverse(walker);

  std::vector<Splice> splices;
  for (const auto& e : edits) {
    auto it = cells.find(e.offset);
    if (it == cells.end()) {
      return util::Error::of(util::ErrorKind::Malformed, {&msg::k_no_cell, {e.offset}});
    }
    pugi::xml_node tc = it->second;
    std::vector<pugi::xml_node> runs;
    collect_text_runs(tc, runs);
    bool placed = false;
    for (pugi::xml_node t : runs) {
      const auto at = static_cast<std::size_t>(t.offset_debug());
      const std::size_t tag_end = start_tag_end(xml, at);
      if (tag_end == std::string_view::npos) {
        return util::Error::of(util::ErrorKind::Malformed, {&msg::k_bad_run, {at}});
      }
      const bool empty_tag = xml[tag_end - 2] == '/';
      std::size_t close = tag_end;
      if (!empty_tag) {
        close = xml.find('<', tag_end);
        if (close == std::string_view::npos) {
          return util::Error::of(util::ErrorKind::Malformed, {&msg::k_bad_run, {at}});
        }
      }
      const std::string_view current = xml.substr(tag_end, close - tag_end);
      if (!placed && !empty_tag && !is_blank(current)) {
        splices.push_back({tag_end, close, escape(e.text)});
        placed = true;
      } else if (placed && !empty_tag && !current.empty()) {
        splices.push_back({tag_end, close, {}}); // the rest of the old text goes
      }
    }
    if (placed) {
      continue;
    }
    // No text: a run in the first paragraph, before its closing tag.
    pugi::xml_node p;
    for (pugi::xml_node c = tc.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_element && local_name(c) == "p") {
        p = c;
        break;
      }
    }
    if (!p) {
      return util::Error::of(util::ErrorKind::Malformed, {&msg::k_no_paragraph, {e.offset}});
    }
    const std::string pfx(prefix_of(p));
    const std::string run = fmt::format("<{0}r>{1}<{0}t>{2}</{0}t></{0}r>", pfx,
                                        mark_properties(xml, p), escape(e.text));
    const auto at = static_cast<std::size_t>(p.offset_debug());
    const std::size_t tag_end = start_tag_end(xml, at);
    if (tag_end == std::string_view::npos) {
      return util::Error::of(util::ErrorKind::Malformed, {&msg::k_bad_paragraph, {at}});
    }
    if (xml[tag_end - 2] == '/') { // <w:p …/>
      std::string open(xml.substr(at - 1, tag_end - 2 - (at - 1)));
      while (!open.empty() && (open.back() == ' ' || open.back() == '\t' || open.back() == '\n' ||
                               open.back() == '\r')) {
        open.pop_back();
      }
      splices.push_back({at - 1, tag_end, fmt::format("{}>{}</{}>", open, run, p.name())});
      continue;
    }
    const std::size_t close = closing_tag(xml, tag_end, p.name());
    if (close == std::string_view::npos) {
      return util::Error::of(util::ErrorKind::Malformed, {&msg::k_unclosed_paragraph, {at}});
    }
    splices.push_back({close, close, run});
  }
  std::sort(splices.begin(), splices.end(),
            [](const Splice& a, const Splice& b) { return a.begin < b.begin; });
  for (std::size_t i = 1; i < splices.size(); ++i) {
    if (splices[i].begin < splices[i - 1].end) {
      return util::Error::of(util::ErrorKind::Malformed, {&msg::k_overlap, {}});
    }
  }
  std::string out;
  out.reserve(xml.size() + 64 * splices.size());
  std::size_t pos = 0;
  for (const auto& s : splices) {
    out.append(xml.substr(pos, s.begin - pos));
    out += s.text;
    pos = s.end;
  }
  out.append(xml.substr(pos));
  return out;
}

} // namespace xxgk::fix
