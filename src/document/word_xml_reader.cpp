// WordprocessingML → Document: the body walker shared by every Word form, and the three XML forms
// (a bare word/document.xml, Flat OPC, Word 2003 XML). The .docx zip layer is docx_reader.cpp.

#include <xxgk/document/word_reader.hpp>
#include <xxgk/util/text.hpp>

#include <fmt/format.h>
#include <pugixml.hpp>

#include <algorithm>
#include <charconv>
#include <map>
#include <memory>
#include <optional>
#include <utility>
#include <variant>
#include <vector>

namespace xxgk::document {

namespace {

// ---------------------------------------------------------------------------------------------
// Namespaces: documents do not always use the usual prefixes, so elements are matched by URI.

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

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::pair<std::string_view, std::string_view> split_qname(std::string_view qname) {
  const std::size_t colon = qname.find(':');
  if (colon == std::string_view::npos) {
    return {std::string_view{}, qname};
  }
  return {qname.substr(0, colon), qname.substr(colon + 1)};
}

/// The prefix → namespace bindings in effect at an element; a chain up to the root. A scope is
/// only added for elements that declare something, so lookups stay short.
class NsScope {
public:
  explicit NsScope(const NsScope* parent = nullptr) : m_parent(parent) {}

  /// Records the element's xmlns declarations; whether it had any.
  bool declare(pugi::xml_node node) {
    for (pugi::xml_attribute a : node.attributes()) {
      const std::string_view name = a.name();
      if (name == "xmlns") {
        m_decls.emplace_back(std::string_view{}, ns_of_uri(a.value()));
      } else if (starts_with(name, "xmlns:")) {
        m_decls.emplace_back(name.substr(6), ns_of_uri(a.value()));
      }
    }
    return !m_decls.empty();
  }

  [[nodiscard]] Ns lookup(std::string_view prefix) const {
    for (const NsScope* s = this; s != nullptr; s = s->m_parent) {
      for (auto it = s->m_decls.rbegin(); it != s->m_decls.rend(); ++it) {
        if (it->first == prefix) {
          return it->second;
        }
      }
    }
    return ns_of_conventional_prefix(prefix);
  }

private:
  const NsScope* m_parent;
  std::vector<std::pair<std::string_view, Ns>> m_decls; // views into the pugixml tree
};

/// The scope of `node`: `storage` if the node declares namespaces, else the parent's scope.
const NsScope* enter(const NsScope* parent, pugi::xml_node node, NsScope& storage) {
  storage = NsScope(parent);
  return storage.declare(node) ? &storage : parent;
}

struct Name {
  Ns ns = Ns::Unknown;
  std::string_view local;
};

Name name_of(pugi::xml_node node, const NsScope* scope) {
  const auto [prefix, local] = split_qname(node.name());
  return {scope->lookup(prefix), local};
}

/// An attribute in namespace `ns` (or unprefixed, as some writers emit) by local name.
std::optional<std::string_view> attr(pugi::xml_node node, const NsScope* scope, Ns ns,
                                     std::string_view local) {
  for (pugi::xml_attribute a : node.attributes()) {
    const auto [prefix, name] = split_qname(a.name());
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
    if (c.type() != pugi::node_element) {
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

bool is_true_flag(std::optional<std::string_view> val) {
  return !val || (*val != "0" && *val != "false" && *val != "off");
}

int parse_int(std::optional<std::string_view> s, int fallback, int lo, int hi) {
  if (!s) {
    return fallback;
  }
  int v = 0;
  const auto r = std::from_chars(s->data(), s->data() + s->size(), v);
  if (r.ec != std::errc{}) {
    return fallback;
  }
  return std::clamp(v, lo, hi);
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) {
      return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    };
    if (lower(a[i]) != lower(b[i])) {
      return false;
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Line numbers from pugixml offsets. The walk visits nodes in document order, so a forward
// cursor counts each newline once; no per-line table (a file of newlines would make it huge).

class LineCounter {
public:
  explicit LineCounter(std::string_view text) : m_text(text) {}

  int line_of(std::ptrdiff_t offset) {
    if (offset < 0) {
      return 0;
    }
    auto target = std::min(static_cast<std::size_t>(offset), m_text.size());
    if (target < m_pos) {
      m_pos = 0;
      m_line = 1;
    }
    m_line +=
        static_cast<int>(std::count(m_text.begin() + static_cast<std::ptrdiff_t>(m_pos),
                                    m_text.begin() + static_cast<std::ptrdiff_t>(target), '\n'));
    m_pos = target;
    return m_line;
  }

private:
  std::string_view m_text;
  std::size_t m_pos = 0;
  int m_line = 1;
};

// ---------------------------------------------------------------------------------------------
// The raw tree the walker builds; converted to the model once a table is complete (vertical
// merges and the grid need whole tables; nested tables become text of their cell).

struct RawCell;

struct RawRow {
  std::vector<RawCell> cells;
  int grid_before = 0;
  int grid_after = 0;
  int xml_line = 0;
};

struct RawTable {
  std::vector<RawRow> rows;
  int grid_cols = 0;
  int xml_line = 0;
};

struct RawParagraph {
  std::string text;
  int xml_line = 0;
  bool mark_deleted = false; ///< tracked deletion of the paragraph mark: joins the next one
  int absorbed = 0;          ///< paragraphs merged into this one (for paragraph numbering)
};

using RawBlock = std::variant<RawParagraph, RawTable>;

enum class VMerge { None, Restart, Continue };

struct RawCell {
  std::vector<RawBlock> blocks;
  int span = 1;
  VMerge vmerge = VMerge::None;
  bool hmerge_continue = false;
  int xml_line = 0;
  long long offset = -1; ///< of the w:tc element in the parsed part
};

constexpr int k_max_span = 1000; // Word allows 63 columns; anything far beyond is crafted

/// Accepting a deleted paragraph mark joins the paragraph with the next one.
void merge_deleted_marks(std::vector<RawBlock>& blocks) {
  std::vector<RawBlock> out;
  out.reserve(blocks.size());
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    auto* p = std::get_if<RawParagraph>(&blocks[i]);
    if (p != nullptr && p->mark_deleted && i + 1 < blocks.size()) {
      if (auto* next = std::get_if<RawParagraph>(&blocks[i + 1])) {
        next->text.insert(0, p->text);
        next->xml_line = p->xml_line;
        next->absorbed += p->absorbed + 1;
        continue;
      }
    }
    out.push_back(std::move(blocks[i]));
  }
  blocks = std::move(out);
}

// ---------------------------------------------------------------------------------------------
// The walker. Recursion follows the XML nesting, whose depth is capped before the walk.

enum class Mode {
  Block,  ///< body, cell or block-level wrapper: looking for w:p and w:tbl
  Table,  ///< inside w:tbl: looking for w:tr
  Row,    ///< inside w:tr: looking for w:tc
  Inline, ///< inside w:p: collecting text
};

enum class FieldPhase { Code, Result };

struct Sink {
  std::vector<RawBlock>* blocks = nullptr;
  RawTable* table = nullptr;
  RawRow* row = nullptr;
  std::string* text = nullptr;
};

/// W elements whose content is never body text.
bool is_skipped_w(std::string_view local) {
  static constexpr std::string_view k_skipped[] = {"tblGrid",
                                                   "delText",
                                                   "instrText",
                                                   "delInstrText",
                                                   "drawing",
                                                   "pict",
                                                   "object",
                                                   "txbxContent",
                                                   "footnoteReference",
                                                   "endnoteReference",
                                                   "commentReference",
                                                   "annotationRef",
                                                   "footnote",
                                                   "endnote",
                                                   "fldData",
                                                   "rt",
                                                   "hdr",
                                                   "ftr",
                                                   "altChunk",
                                                   "separator",
                                                   "continuationSeparator",
                                                   "footnoteRef",
                                                   "endnoteRef",
                                                   "contentPart",
                                                   "subDoc",
                                                   "control",
                                                   "bookmarkStart",
                                                   "bookmarkEnd"};
  if (ends_with(local, "Pr") || ends_with(local, "PrEx") || ends_with(local, "Change")) {
    return true; // properties: pPr, rPr, tcPr, sectPr, sdtPr, tblPrEx, rPrChange …
  }
  return std::find(std::begin(k_skipped), std::end(k_skipped), local) != std::end(k_skipped);
}

class BodyReader {
public:
  explicit BodyReader(LineCounter& lines) : m_lines(lines) {}

  std::vector<RawBlock> read(pugi::xml_node body, const NsScope* scope) {
    std::vector<RawBlock> blocks;
    Sink sink;
    sink.blocks = &blocks;
    walk(body, scope, Mode::Block, sink);
    return blocks;
  }

  [[nodiscard]] bool has_revisions() const { return m_revision_line > 0; }
  [[nodiscard]] int first_revision_line() const { return m_revision_line; }

private:
  int line(pugi::xml_node n) { return m_lines.line_of(n.offset_debug()); }

  void note_revision(pugi::xml_node n) {
    if (m_revision_line == 0) {
      m_revision_line = std::max(1, line(n));
    }
  }

  [[nodiscard]] bool visible() const {
    return std::find(m_fields.begin(), m_fields.end(), FieldPhase::Code) == m_fields.end();
  }

  void walk(pugi::xml_node parent, const NsScope* scope, Mode mode, const Sink& sink) {
    for (pugi::xml_node child = parent.first_child(); child; child = child.next_sibling()) {
      if (child.type() != pugi::node_element) {
        continue;
      }
      NsScope storage;
      const NsScope* cs = enter(scope, child, storage);
      const Name name = name_of(child, cs);
      switch (name.ns) {
      case Ns::W:
        element_w(child, cs, name.local, mode, sink);
        break;
      case Ns::Mc:
        if (name.local == "AlternateContent") {
          alternate_content(child, cs, mode, sink);
        }
        break; // a stray mc:Choice/mc:Fallback is not content
      case Ns::Aml:
        annotation(child, cs, name.local, mode, sink);
        break;
      case Ns::Vml: // shapes and v:textbox: not body text
      case Ns::Pkg:
      case Ns::Rels:
        break;
      case Ns::Wx:
      case Ns::Unknown:
        // wx:sect, wx:sub-section, smart tags and custom XML of Word 2003, w14 wrappers …
        walk(child, cs, mode, sink);
        break;
      }
    }
  }

  void element_w(pugi::xml_node node, const NsScope* scope, std::string_view local, Mode mode,
                 const Sink& sink) {
    if (local == "sdt") {
      content_control(node, scope, mode, sink);
      return;
    }
    if (local == "del" || local == "moveFrom" || local == "delText" || local == "delInstrText") {
      note_revision(node); // read as accepted: deleted content is gone
      return;
    }
    if (local == "ins" || local == "moveTo") {
      note_revision(node);
      walk(node, scope, mode, sink);
      return;
    }
    if (is_skipped_w(local)) {
      return;
    }
    switch (mode) {
    case Mode::Block:
      if (local == "p") {
        paragraph(node, scope, *sink.blocks);
        return;
      }
      if (local == "tbl") {
        table(node, scope, *sink.blocks);
        return;
      }
      break;
    case Mode::Table:
      if (local == "tr") {
        row(node, scope, *sink.table);
        return;
      }
      break;
    case Mode::Row:
      if (local == "tc") {
        cell(node, scope, *sink.row);
        return;
      }
      break;
    case Mode::Inline:
      if (inline_item(node, scope, local, *sink.text)) {
        return;
      }
      break;
    }
    // Transparent wrappers: w:r, w:hyperlink, w:hlink, w:smartTag, w:customXml, w:fldSimple
    // (its runs are the field result), w:sdtContent, w:dir, w:bdo, w:ruby/w:rubyBase …
    walk(node, scope, mode, sink);
  }

  /// mc:AlternateContent: the first mc:Choice, else mc:Fallback — never both.
  void alternate_content(pugi::xml_node node, const NsScope* scope, Mode mode, const Sink& sink) {
    pugi::xml_node chosen;
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) {
        continue;
      }
      NsScope s;
      const Name n = name_of(c, enter(scope, c, s));
      if (n.ns == Ns::Mc && n.local == "Choice") {
        chosen = c;
        break;
      }
      if (n.ns == Ns::Mc && n.local == "Fallback" && !chosen) {
        chosen = c;
      }
    }
    if (chosen) {
      NsScope s;
      walk(chosen, enter(scope, chosen, s), mode, sink);
    }
  }

  /// Word 2003 revisions and comments: aml:annotation w:type="Word.Insertion" | "Word.Deletion" |
  /// "Word.Comment" | bookmarks …, with the content in aml:content.
  void annotation(pugi::xml_node node, const NsScope* scope, std::string_view local, Mode mode,
                  const Sink& sink) {
    if (local == "content") {
      walk(node, scope, mode, sink);
      return;
    }
    if (local != "annotation") {
      return;
    }
    const auto type = attr(node, scope, Ns::W, "type").value_or("");
    if (type == "Word.Insertion") {
      note_revision(node);
      walk(node, scope, mode, sink);
    } else if (type == "Word.Deletion") {
      note_revision(node);
    }
    // Comments, bookmarks and formatting revisions carry no body text.
  }

  /// w:sdt around blocks, rows, cells or runs: its w:sdtContent is read in the same mode. Inline
  /// placeholder prompts ("单击此处输入文字") are not content.
  void content_control(pugi::xml_node node, const NsScope* scope, Mode mode, const Sink& sink) {
    bool placeholder = false;
    pugi::xml_node content;
    NsScope content_scope;
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) {
        continue;
      }
      NsScope s;
      const NsScope* cs = enter(scope, c, s);
      const Name n = name_of(c, cs);
      if (n.ns != Ns::W) {
        continue;
      }
      if (n.local == "sdtPr") {
        NsScope ps;
        if (pugi::xml_node flag = child_element(c, cs, Ns::W, "showingPlcHdr", ps)) {
          placeholder = is_true_flag(attr(flag, &ps, Ns::W, "val"));
        }
      } else if (n.local == "sdtContent" && !content) {
        content = c;
        content_scope = NsScope(scope);
        content_scope.declare(c);
      }
    }
    if (!content || (placeholder && mode == Mode::Inline)) {
      return;
    }
    walk(content, &content_scope, mode, sink);
  }

  /// Run content: text, tabs, breaks, symbols and field characters. Returns whether handled.
  bool inline_item(pugi::xml_node node, const NsScope* scope, std::string_view local,
                   std::string& text) {
    if (local == "t") {
      if (visible()) {
        for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
          if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
            text += c.value();
          }
        }
      }
      return true;
    }
    if (local == "tab" || local == "ptab") {
      if (visible()) {
        text += m_cell_depth > 0 ? ' ' : '\t';
      }
      return true;
    }
    if (local == "br" || local == "cr") {
      if (visible()) {
        text += '\n';
      }
      return true;
    }
    if (local == "sym") {
      if (visible()) {
        append_symbol(attr(node, scope, Ns::W, "char"), text);
      }
      return true;
    }
    if (local == "noBreakHyphen") {
      if (visible()) {
        text += '-';
      }
      return true;
    }
    if (local == "softHyphen") {
      return true;
    }
    if (local == "fldChar") {
      const auto type = attr(node, scope, Ns::W, "fldCharType").value_or("");
      if (type == "begin") {
        m_fields.push_back(FieldPhase::Code);
      } else if (type == "separate") {
        if (!m_fields.empty()) {
          m_fields.back() = FieldPhase::Result;
        }
      } else if (type == "end") {
        if (!m_fields.empty()) {
          m_fields.pop_back();
        }
      }
      return true;
    }
    return false;
  }

  static void append_symbol(std::optional<std::string_view> hex, std::string& text) {
    if (!hex || hex->empty() || hex->size() > 8) {
      return;
    }
    unsigned int cp = 0;
    const auto r = std::from_chars(hex->data(), hex->data() + hex->size(), cp, 16);
    if (r.ec != std::errc{} || r.ptr != hex->data() + hex->size()) {
      return;
    }
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return;
    }
    util::append_utf8(text, static_cast<char32_t>(cp));
  }

  void paragraph(pugi::xml_node p, const NsScope* scope, std::vector<RawBlock>& out) {
    RawParagraph para;
    para.xml_line = line(p);
    // A tracked change of the paragraph mark lives in w:pPr/w:rPr.
    NsScope ps;
    if (pugi::xml_node ppr = child_element(p, scope, Ns::W, "pPr", ps)) {
      NsScope rs;
      if (pugi::xml_node rpr = child_element(ppr, &ps, Ns::W, "rPr", rs)) {
        NsScope s;
        if (pugi::xml_node del = child_element(rpr, &rs, Ns::W, "del", s)) {
          para.mark_deleted = true;
          note_revision(del);
        } else if (pugi::xml_node from = child_element(rpr, &rs, Ns::W, "moveFrom", s)) {
          para.mark_deleted = true;
          note_revision(from);
        } else if (pugi::xml_node ins = child_element(rpr, &rs, Ns::W, "ins", s)) {
          note_revision(ins);
        }
      }
    }
    Sink sink;
    sink.text = &para.text;
    walk(p, scope, Mode::Inline, sink);
    // Word ends field codes inside their paragraph; an unfinished code must not hide the rest of
    // the document.
    const auto code = std::find(m_fields.begin(), m_fields.end(), FieldPhase::Code);
    m_fields.erase(code, m_fields.end());
    out.emplace_back(std::move(para));
  }

  void table(pugi::xml_node tbl, const NsScope* scope, std::vector<RawBlock>& out) {
    RawTable t;
    t.xml_line = line(tbl);
    NsScope gs;
    if (pugi::xml_node grid = child_element(tbl, scope, Ns::W, "tblGrid", gs)) {
      for (pugi::xml_node c = grid.first_child(); c; c = c.next_sibling()) {
        NsScope s;
        if (c.type() == pugi::node_element && name_of(c, enter(&gs, c, s)).local == "gridCol") {
          t.grid_cols = std::min(t.grid_cols + 1, k_max_span);
        }
      }
    }
    Sink sink;
    sink.table = &t;
    walk(tbl, scope, Mode::Table, sink);
    out.emplace_back(std::move(t));
  }

  void row(pugi::xml_node tr, const NsScope* scope, RawTable& out) {
    RawRow r;
    r.xml_line = line(tr);
    NsScope ps;
    if (pugi::xml_node trpr = child_element(tr, scope, Ns::W, "trPr", ps)) {
      bool deleted = false;
      for (pugi::xml_node c = trpr.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) {
          continue;
        }
        NsScope s;
        const NsScope* cs = enter(&ps, c, s);
        const Name n = name_of(c, cs);
        if (n.ns != Ns::W) {
          continue;
        }
        const auto val = attr(c, cs, Ns::W, "val");
        if (n.local == "gridBefore") {
          r.grid_before = parse_int(val, 0, 0, k_max_span);
        } else if (n.local == "gridAfter") {
          r.grid_after = parse_int(val, 0, 0, k_max_span);
        } else if (n.local == "del") {
          deleted = true;
          note_revision(c);
        } else if (n.local == "ins") {
          note_revision(c);
        }
      }
      if (deleted) {
        return; // accepting the deletion removes the row
      }
    }
    Sink sink;
    sink.row = &r;
    walk(tr, scope, Mode::Row, sink);
    out.rows.push_back(std::move(r));
  }

  void cell(pugi::xml_node tc, const NsScope* scope, RawRow& out) {
    RawCell c;
    c.xml_line = line(tc);
    c.offset = static_cast<long long>(tc.offset_debug());
    NsScope ps;
    if (pugi::xml_node tcpr = child_element(tc, scope, Ns::W, "tcPr", ps)) {
      for (pugi::xml_node p = tcpr.first_child(); p; p = p.next_sibling()) {
        if (p.type() != pugi::node_element) {
          continue;
        }
        NsScope s;
        const NsScope* cs = enter(&ps, p, s);
        const Name n = name_of(p, cs);
        if (n.ns != Ns::W) {
          continue;
        }
        const auto val = attr(p, cs, Ns::W, "val");
        if (n.local == "gridSpan") {
          c.span = parse_int(val, 1, 1, k_max_span);
        } else if (iequals(n.local, "vMerge")) { // Word 2003 spells it w:vmerge
          c.vmerge = (val && *val == "restart") ? VMerge::Restart : VMerge::Continue;
        } else if (iequals(n.local, "hMerge")) {
          c.hmerge_continue = !(val && *val == "restart");
        } else if (n.local == "cellDel") {
          note_revision(p);
          return; // accepted: the cell is gone
        } else if (n.local == "cellIns") {
          note_revision(p);
        }
      }
    }
    Sink sink;
    sink.blocks = &c.blocks;
    ++m_cell_depth;
    walk(tc, scope, Mode::Block, sink);
    --m_cell_depth;
    out.cells.push_back(std::move(c));
  }

  LineCounter& m_lines;
  std::vector<FieldPhase> m_fields; ///< open complex fields (they may span runs and paragraphs)
  int m_cell_depth = 0;
  int m_revision_line = 0;
};

// ---------------------------------------------------------------------------------------------
// Raw tree → model.

class ModelBuilder {
public:
  ModelBuilder(std::string_view part, Document& doc) : m_part(part), m_doc(doc) {}

  void body(std::vector<RawBlock>& blocks) {
    merge_deleted_marks(blocks);
    for (RawBlock& b : blocks) {
      if (auto* p = std::get_if<RawParagraph>(&b)) {
        const int index = m_paragraph;
        m_paragraph += 1 + p->absorbed;
        if (util::trim(p->text).empty()) {
          continue;
        }
        Paragraph out;
        out.text = std::move(p->text);
        out.where.part = m_part;
        out.where.paragraph = index;
        out.where.xml_line = p->xml_line;
        m_doc.blocks.emplace_back(std::move(out));
        continue;
      }
      auto& t = std::get<RawTable>(b);
      if (is_layout_frame(t)) {
        body(t.rows.front().cells.front().blocks);
      } else {
        table(t);
      }
    }
  }

private:
  /// A one-cell table around tables (a layout device): its content is body content.
  static bool is_layout_frame(const RawTable& t) {
    if (t.rows.size() != 1 || t.rows.front().cells.size() != 1) {
      return false;
    }
    const auto& blocks = t.rows.front().cells.front().blocks;
    return std::any_of(blocks.begin(), blocks.end(),
                       [](const RawBlock& b) { return std::holds_alternative<RawTable>(b); });
  }

  static void collect_lines(std::vector<RawBlock>& blocks, std::vector<std::string>& lines) {
    merge_deleted_marks(blocks);
    for (RawBlock& b : blocks) {
      if (auto* p = std::get_if<RawParagraph>(&b)) {
        lines.push_back(std::move(p->text));
        continue;
      }
      for (RawRow& r : std::get<RawTable>(b).rows) {
        for (RawCell& c : r.cells) {
          if (c.vmerge != VMerge::Continue) {
            collect_lines(c.blocks, lines);
          }
        }
      }
    }
  }

  static std::string cell_text(std::vector<RawBlock>& blocks) {
    std::vector<std::string> lines;
    collect_lines(blocks, lines);
    std::size_t first = 0;
    std::size_t last = lines.size();
    while (first < last && lines[first].empty()) {
      ++first;
    }
    while (last > first && lines[last - 1].empty()) {
      --last;
    }
    std::string text;
    for (std::size_t i = first; i < last; ++i) {
      if (i > first) {
        text += '\n';
      }
      text += lines[i];
    }
    return text;
  }

  struct Placed {
    int column = 0;
    VMerge vmerge = VMerge::None;
  };

  void table(RawTable& raw) {
    Table out;
    const int index = m_table++;
    out.where.part = m_part;
    out.where.table = index;
    out.where.xml_line = raw.xml_line;

    int width = raw.grid_cols;
    for (const RawRow& r : raw.rows) {
      int w = r.grid_before + r.grid_after;
      for (const RawCell& c : r.cells) {
        w += c.span;
      }
      width = std::max(width, w);
    }

    // Open vertical merges: start column → (row, cell) of the restart cell.
    std::map<int, std::pair<std::size_t, std::size_t>> open;
    for (RawRow& r : raw.rows) {
      const std::size_t ri = out.rows.size();
      out.rows.emplace_back();
      std::vector<Cell>& cells = out.rows.back().cells;
      std::vector<Placed> placed;
      int column = 0;
      auto where = [&](int xml_line) {
        SourceLocation loc;
        loc.part = m_part;
        loc.table = index;
        loc.row = static_cast<int>(ri);
        loc.cell = static_cast<int>(cells.size());
        loc.xml_line = xml_line;
        return loc;
      };
      auto placeholder = [&](int span) {
        Cell c;
        c.col_span = span;
        c.where = where(r.xml_line);
        cells.push_back(std::move(c));
        placed.push_back({column, VMerge::None});
        column += span;
      };
      if (r.grid_before > 0) {
        placeholder(r.grid_before);
      }
      for (RawCell& rc : r.cells) {
        if (rc.hmerge_continue && !cells.empty()) {
          cells.back().col_span += rc.span; // legacy horizontal merge: widens the cell before
          column += rc.span;
          continue;
        }
        Cell c;
        c.text = cell_text(rc.blocks);
        c.col_span = rc.span;
        c.where = where(rc.xml_line);
        c.where.xml_offset = rc.offset;
        cells.push_back(std::move(c));
        placed.push_back({column, rc.vmerge});
        column += rc.span;
      }
      if (column < width) {
        placeholder(width - column); // w:gridAfter, or a row that ends early
      }

      for (std::size_t ci = 0; ci < cells.size(); ++ci) {
        const int start = placed[ci].column;
        const int end = start + cells[ci].col_span;
        if (placed[ci].vmerge == VMerge::Continue) {
          if (auto it = open.find(start); it != open.end()) {
            Cell& origin = out.rows[it->second.first].cells[it->second.second];
            ++origin.row_span;
            cells[ci].merged_continuation = true;
            cells[ci].text.clear();
            open.erase(open.upper_bound(start), open.lower_bound(end));
            continue;
          }
          // A continuation with nothing above it starts a merge of its own.
        }
        open.erase(open.lower_bound(start), open.lower_bound(end));
        if (placed[ci].vmerge != VMerge::None) {
          open[start] = {ri, ci};
        }
      }
    }
    m_doc.blocks.emplace_back(std::move(out));
  }

  std::string m_part;
  Document& m_doc;
  int m_paragraph = 0;
  int m_table = 0;
};

// ---------------------------------------------------------------------------------------------
// Decoding and parsing.

std::string utf16_to_utf8(std::string_view bytes, bool big_endian) {
  std::string out;
  out.reserve(bytes.size());
  auto unit = [&](std::size_t i) -> char32_t {
    const auto b0 = static_cast<unsigned char>(bytes[i]);
    const auto b1 = static_cast<unsigned char>(bytes[i + 1]);
    return big_endian ? static_cast<char32_t>((b0 << 8) | b1)
                      : static_cast<char32_t>((b1 << 8) | b0);
  };
  for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
    char32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
      const char32_t lo = unit(i + 2);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        util::append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
        i += 2;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) {
      u = 0xFFFD;
    }
    util::append_utf8(out, u);
  }
  return out;
}

/// The XML as UTF-8 without BOM (UTF-16 with or without BOM is converted).
std::string to_utf8(std::string_view bytes) {
  if (bytes.size() >= 2) {
    const auto b0 = static_cast<unsigned char>(bytes[0]);
    const auto b1 = static_cast<unsigned char>(bytes[1]);
    if (b0 == 0xFF && b1 == 0xFE) {
      return utf16_to_utf8(bytes.substr(2), false);
    }
    if (b0 == 0xFE && b1 == 0xFF) {
      return utf16_to_utf8(bytes.substr(2), true);
    }
    if (b0 == '<' && b1 == 0) {
      return utf16_to_utf8(bytes, false);
    }
    if (b0 == 0 && b1 == '<') {
      return utf16_to_utf8(bytes, true);
    }
  }
  if (starts_with(bytes, "\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
  }
  return std::string(bytes);
}

struct ParsedXml {
  std::string text;
  std::unique_ptr<pugi::xml_document> doc = std::make_unique<pugi::xml_document>();
};

std::string where_in(std::string_view part) {
  return part.empty() ? std::string{} : fmt::format(" in {}", part);
}

/// Parses UTF-8 XML; malformed, non-UTF-8 or absurdly deep XML is an Error.
util::Expected<ParsedXml> parse(std::string text, std::string_view part, const Limits& limits) {
  ParsedXml x;
  x.text = std::move(text);
  if (auto ok = check_markup_limits(x.text, part.empty() ? "the XML" : part, limits); !ok) {
    return ok.error();
  }
  std::size_t bad = 0;
  if (!util::is_valid_utf8(x.text, &bad)) {
    return util::Error{
        fmt::format("malformed XML{}: not valid UTF-8 (byte offset {})", where_in(part), bad)};
  }
  const pugi::xml_parse_result result =
      x.doc->load_buffer(x.text.data(), x.text.size(),
                         pugi::parse_default | pugi::parse_ws_pcdata_single, pugi::encoding_utf8);
  if (!result) {
    LineCounter lines(x.text);
    return util::Error{fmt::format("malformed XML{} at line {}: {}", where_in(part),
                                   lines.line_of(result.offset), result.description())};
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
    return util::Error{
        fmt::format("XML{} is nested deeper than {} levels (limit max_xml_depth); not a Word "
                    "document",
                    where_in(part), limits.max_xml_depth)};
  }
  return x;
}

/// The scopes from the document root down to `node` (inclusive), for a node found deep inside
/// a package. `chain` must outlive the returned pointer.
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

/// Reads the w:body of a w:document or w:wordDocument element.
util::Expected<Document> read_body_of(pugi::xml_node root, std::string_view part,
                                      std::string_view named, std::string_view format,
                                      std::string_view text) {
  std::vector<std::unique_ptr<NsScope>> chain;
  const NsScope* scope = scope_chain(root, chain);
  NsScope bs;
  pugi::xml_node body = child_element(root, scope, Ns::W, "body", bs);
  if (!body) {
    return util::Error{fmt::format("no w:body{}: the document has no body text", where_in(named))};
  }
  LineCounter lines(text);
  BodyReader reader(lines);
  std::vector<RawBlock> blocks = reader.read(body, &bs);

  Document doc;
  doc.format = std::string(format);
  ModelBuilder builder(part, doc);
  builder.body(blocks);
  if (reader.has_revisions()) {
    diag::Diagnostic d;
    d.rule = "READ-REVISIONS";
    d.severity = diag::Severity::Warning;
    d.message = "文档含有未接受的修订，已按接受全部修订读取";
    d.location.part = std::string(part);
    d.location.xml_line = reader.first_revision_line();
    doc.diagnostics.push_back(std::move(d));
  }
  return doc;
}

std::string describe_root(pugi::xml_node root) {
  return root ? fmt::format("<{}>", root.name()) : std::string("none");
}

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
    pugi::xml_node rels = xml_data(p.node);
    for (pugi::xml_node r = rels.first_child(); r; r = r.next_sibling()) {
      if (r.type() == pugi::node_element && split_qname(r.name()).second == "Relationship" &&
          ends_with(r.attribute("Type").value(), "/officeDocument") &&
          std::string_view(r.attribute("TargetMode").value()) != "External") {
        main_name = normalize_part_name(r.attribute("Target").value());
        break;
      }
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
    return util::Error{"no /word/document.xml part in the Flat OPC package"};
  }
  const std::string part_name = main_part->name.substr(1);
  const pugi::xml_node document = xml_data(main_part->node);
  std::vector<std::unique_ptr<NsScope>> doc_chain;
  if (!document || name_of(document, scope_chain(document, doc_chain)).ns != Ns::W ||
      split_qname(document.name()).second != "document") {
    return util::Error{fmt::format("the {} part of the Flat OPC package holds no w:document XML",
                                   main_part->name)};
  }
  return read_body_of(document, part_name, part_name, "flat-opc", x.text);
}

/// A main document part on its own; `named` is the part as error messages name it ("" when the
/// file itself is the part).
util::Expected<Document> read_main_part(std::string xml, std::string_view part,
                                        std::string_view named, std::string_view format,
                                        const Limits& limits) {
  auto parsed = parse(std::move(xml), named, limits);
  if (!parsed) {
    return parsed.error();
  }
  const pugi::xml_node root = parsed->doc->document_element();
  std::vector<std::unique_ptr<NsScope>> chain;
  const Name name = name_of(root, scope_chain(root, chain));
  if (name.ns != Ns::W || name.local != "document") {
    return util::Error{fmt::format("{}not a WordprocessingML document (root element {})",
                                   named.empty() ? "" : fmt::format("{} is ", named),
                                   describe_root(root))};
  }
  return read_body_of(root, part, named, format, parsed->text);
}

// ---------------------------------------------------------------------------------------------
// Sniffing: the root element's name and namespace, from its start tag.

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

std::string_view form_name(WordXmlForm form) {
  switch (form) {
  case WordXmlForm::DocumentXml:
    return "a WordprocessingML document.xml (w:document)";
  case WordXmlForm::FlatOpc:
    return "a Flat OPC package (pkg:package)";
  case WordXmlForm::Word2003Xml:
    return "a Word 2003 XML document (w:wordDocument)";
  case WordXmlForm::None:
    break;
  }
  return "Word XML";
}

} // namespace

WordXmlForm sniff_word_xml(std::string_view bytes) {
  // The root element is near the start; decode only a prefix of large files.
  constexpr std::size_t k_sniff_bytes = 1u << 20;
  std::string_view head = bytes.substr(0, std::min(bytes.size(), k_sniff_bytes));
  if (head.size() % 2 == 1 && head.size() < bytes.size()) {
    head.remove_suffix(1); // keep UTF-16 code units whole
  }
  return form_of_root(to_utf8(head));
}

util::Expected<Document> read_wordml_part(std::string xml, std::string_view part,
                                          std::string_view format, const Limits& limits) {
  return read_main_part(std::move(xml), part, part, format, limits);
}

util::Expected<Document> read_word_xml(std::string_view bytes, WordXmlForm form,
                                       const Limits& limits) {
  std::string text = to_utf8(bytes);
  const WordXmlForm found = form_of_root(text);
  if (form == WordXmlForm::None) {
    form = found;
  }
  if (form == WordXmlForm::None) {
    return util::Error{"not a Word XML document: the root element is not w:document, "
                       "pkg:package or w:wordDocument"};
  }
  if (found != form) {
    return util::Error{fmt::format("not {}", form_name(form))};
  }
  switch (form) {
  case WordXmlForm::DocumentXml:
    return read_main_part(std::move(text), "word/document.xml", "", "word-xml", limits);
  case WordXmlForm::FlatOpc: {
    auto parsed = parse(std::move(text), "", limits);
    if (!parsed) {
      return parsed.error();
    }
    return read_flat_opc(*parsed);
  }
  case WordXmlForm::Word2003Xml: {
    auto parsed = parse(std::move(text), "", limits);
    if (!parsed) {
      return parsed.error();
    }
    return read_body_of(parsed->doc->document_element(), "", "", "word2003-xml", parsed->text);
  }
  case WordXmlForm::None:
    break;
  }
  return util::Error{"not a Word XML document"};
}

} // namespace xxgk::document
