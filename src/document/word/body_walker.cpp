// The body walker: one recursive walk over WordprocessingML in four modes (block, table, row,
// inline), collecting paragraphs, tables, rows, cells and run text into the raw tree.

#include "body_walker.hpp"

#include <xxgk/util/text.hpp>

#include <algorithm>
#include <charconv>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace xxgk::document::word {

namespace {

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

/// What the walker does with a w: element, decided once from its local name.
enum class Tag : unsigned char {
  Other,         ///< a transparent wrapper (w:r, w:hyperlink, w:smartTag …) or unknown
  Skipped,       ///< never body text: properties, field codes, drawings, notes, bookmarks …
  Sdt,           ///< a content control
  Deleted,       ///< a tracked deletion (w:del, w:moveFrom, w:delText, w:delInstrText)
  Inserted,      ///< a tracked insertion (w:ins, w:moveTo)
  P,             ///< blocks
  Tbl,           ///< blocks
  Tr,            ///< in a table
  Tc,            ///< in a row
  T,             ///< inline from here on
  Tab,           ///< w:tab, w:ptab
  Br,            ///< w:br, w:cr
  Sym,           ///< w:sym
  NoBreakHyphen, ///< w:noBreakHyphen
  SoftHyphen,    ///< w:softHyphen
  FldChar,       ///< w:fldChar
};

struct TagName {
  std::string_view name;
  Tag tag;
};

template <std::size_t N> Tag match(std::string_view local, const TagName (&names)[N]) {
  for (const TagName& n : names) {
    if (n.name == local) {
      return n.tag;
    }
  }
  return Tag::Other;
}

/// The tag of a w: element's local name: properties by their suffix (pPr, rPr, tcPr, sectPr,
/// sdtPr, tblPrEx, rPrChange …), the rest by a short list per first letter.
Tag classify(std::string_view local) {
  if (local.empty()) {
    return Tag::Other;
  }
  switch (local.back()) {
  case 'r':
    if (ends_with(local, "Pr")) {
      return Tag::Skipped;
    }
    break;
  case 'x':
    if (ends_with(local, "PrEx")) {
      return Tag::Skipped;
    }
    break;
  case 'e':
    if (ends_with(local, "Change")) {
      return Tag::Skipped;
    }
    break;
  default:
    break;
  }
  constexpr Tag s = Tag::Skipped;
  switch (local.front()) {
  case 'a': {
    static constexpr TagName k[] = {{"altChunk", s}, {"annotationRef", s}};
    return match(local, k);
  }
  case 'b': {
    static constexpr TagName k[] = {{"br", Tag::Br}, {"bookmarkStart", s}, {"bookmarkEnd", s}};
    return match(local, k);
  }
  case 'c': {
    static constexpr TagName k[] = {{"cr", Tag::Br},
                                    {"commentReference", s},
                                    {"continuationSeparator", s},
                                    {"contentPart", s},
                                    {"control", s}};
    return match(local, k);
  }
  case 'd': {
    static constexpr TagName k[] = {{"del", Tag::Deleted},
                                    {"delText", Tag::Deleted},
                                    {"delInstrText", Tag::Deleted},
                                    {"drawing", s}};
    return match(local, k);
  }
  case 'e': {
    static constexpr TagName k[] = {{"endnoteReference", s}, {"endnote", s}, {"endnoteRef", s}};
    return match(local, k);
  }
  case 'f': {
    static constexpr TagName k[] = {{"fldChar", Tag::FldChar}, {"footnoteReference", s},
                                    {"footnote", s},           {"fldData", s},
                                    {"footnoteRef", s},        {"ftr", s}};
    return match(local, k);
  }
  case 'h': {
    static constexpr TagName k[] = {{"hdr", s}};
    return match(local, k);
  }
  case 'i': {
    static constexpr TagName k[] = {{"ins", Tag::Inserted}, {"instrText", s}};
    return match(local, k);
  }
  case 'm': {
    static constexpr TagName k[] = {{"moveFrom", Tag::Deleted}, {"moveTo", Tag::Inserted}};
    return match(local, k);
  }
  case 'n': {
    static constexpr TagName k[] = {{"noBreakHyphen", Tag::NoBreakHyphen}};
    return match(local, k);
  }
  case 'o': {
    static constexpr TagName k[] = {{"object", s}};
    return match(local, k);
  }
  case 'p': {
    static constexpr TagName k[] = {{"p", Tag::P}, {"ptab", Tag::Tab}, {"pict", s}};
    return match(local, k);
  }
  case 'r': {
    static constexpr TagName k[] = {{"rt", s}};
    return match(local, k);
  }
  case 's': {
    static constexpr TagName k[] = {{"sdt", Tag::Sdt},
                                    {"sym", Tag::Sym},
                                    {"softHyphen", Tag::SoftHyphen},
                                    {"separator", s},
                                    {"subDoc", s}};
    return match(local, k);
  }
  case 't': {
    static constexpr TagName k[] = {{"t", Tag::T},     {"tc", Tag::Tc},   {"tr", Tag::Tr},
                                    {"tab", Tag::Tab}, {"tbl", Tag::Tbl}, {"tblGrid", s},
                                    {"txbxContent", s}};
    return match(local, k);
  }
  default:
    return Tag::Other;
  }
}

class BodyReader {
public:
  BodyReader(LineCounter& lines, bool declarations)
      : m_lines(lines), m_declarations(declarations) {}

  std::vector<RawBlock> read(pugi::xml_node body, const NsScope* scope) {
    std::vector<RawBlock> blocks;
    Sink sink;
    sink.blocks = &blocks;
    walk(body, scope, Mode::Block, sink);
    return blocks;
  }

  [[nodiscard]] int first_revision_line() const { return m_revision_line; }

private:
  int line(pugi::xml_node n) { return m_lines.line_of(n.offset_debug()); }

  /// The scope of `node`; when nothing inside the body declares a namespace, the parent's.
  const NsScope* enter_scope(const NsScope* scope, pugi::xml_node node, NsScope& storage) const {
    return m_declarations ? enter(scope, node, storage) : scope;
  }

  /// The first w: element child named `local` (child_element without the declarations scan when
  /// nothing inside the body declares a namespace).
  pugi::xml_node child_w(pugi::xml_node node, const NsScope* scope, std::string_view local,
                         NsScope& storage) const {
    if (m_declarations) {
      return child_element(node, scope, Ns::W, local, storage);
    }
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) {
        continue;
      }
      const Name n = name_of(c, scope);
      if (n.ns == Ns::W && n.local == local) {
        storage = NsScope(scope);
        return c;
      }
    }
    return {};
  }

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
      const NsScope* cs = enter_scope(scope, child, storage);
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
    const Tag tag = classify(local);
    switch (tag) {
    case Tag::Sdt:
      content_control(node, scope, mode, sink);
      return;
    case Tag::Deleted:
      note_revision(node); // read as accepted: deleted content is gone
      return;
    case Tag::Inserted:
      note_revision(node);
      walk(node, scope, mode, sink);
      return;
    case Tag::Skipped:
      return;
    default:
      break;
    }
    switch (mode) {
    case Mode::Block:
      if (tag == Tag::P) {
        paragraph(node, scope, *sink.blocks);
        return;
      }
      if (tag == Tag::Tbl) {
        table(node, scope, *sink.blocks);
        return;
      }
      break;
    case Mode::Table:
      if (tag == Tag::Tr) {
        row(node, scope, *sink.table);
        return;
      }
      break;
    case Mode::Row:
      if (tag == Tag::Tc) {
        cell(node, scope, *sink.row);
        return;
      }
      break;
    case Mode::Inline:
      if (inline_item(node, scope, tag, *sink.text)) {
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
      const Name n = name_of(c, enter_scope(scope, c, s));
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
      walk(chosen, enter_scope(scope, chosen, s), mode, sink);
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
      const NsScope* cs = enter_scope(scope, c, s);
      const Name n = name_of(c, cs);
      if (n.ns != Ns::W) {
        continue;
      }
      if (n.local == "sdtPr") {
        NsScope ps;
        if (pugi::xml_node flag = child_w(c, cs, "showingPlcHdr", ps)) {
          placeholder = is_true_flag(attr(flag, &ps, Ns::W, "val"));
        }
      } else if (n.local == "sdtContent" && !content) {
        content = c;
        content_scope = NsScope(scope);
        if (m_declarations) {
          content_scope.declare(c);
        }
      }
    }
    if (!content || (placeholder && mode == Mode::Inline)) {
      return;
    }
    walk(content, &content_scope, mode, sink);
  }

  /// Run content: text, tabs, breaks, symbols and field characters. Returns whether handled.
  bool inline_item(pugi::xml_node node, const NsScope* scope, Tag tag, std::string& text) {
    switch (tag) {
    case Tag::T:
      if (visible()) {
        for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
          const pugi::xml_node_type type = c.type();
          if (type == pugi::node_pcdata || type == pugi::node_cdata) {
            text += c.value();
          }
        }
      }
      return true;
    case Tag::Tab:
      if (visible()) {
        text += m_cell_depth > 0 ? ' ' : '\t';
      }
      return true;
    case Tag::Br:
      if (visible()) {
        text += '\n';
      }
      return true;
    case Tag::Sym:
      if (visible()) {
        append_symbol(attr(node, scope, Ns::W, "char"), text);
      }
      return true;
    case Tag::NoBreakHyphen:
      if (visible()) {
        text += '-';
      }
      return true;
    case Tag::SoftHyphen:
      return true;
    case Tag::FldChar: {
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
    default:
      return false;
    }
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
    if (pugi::xml_node ppr = child_w(p, scope, "pPr", ps)) {
      NsScope rs;
      if (pugi::xml_node rpr = child_w(ppr, &ps, "rPr", rs)) {
        NsScope s;
        if (pugi::xml_node del = child_w(rpr, &rs, "del", s)) {
          para.mark_deleted = true;
          note_revision(del);
        } else if (pugi::xml_node from = child_w(rpr, &rs, "moveFrom", s)) {
          para.mark_deleted = true;
          note_revision(from);
        } else if (pugi::xml_node ins = child_w(rpr, &rs, "ins", s)) {
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
    if (pugi::xml_node grid = child_w(tbl, scope, "tblGrid", gs)) {
      for (pugi::xml_node c = grid.first_child(); c; c = c.next_sibling()) {
        NsScope s;
        if (c.type() == pugi::node_element &&
            name_of(c, enter_scope(&gs, c, s)).local == "gridCol") {
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
    if (pugi::xml_node trpr = child_w(tr, scope, "trPr", ps)) {
      bool deleted = false;
      for (pugi::xml_node c = trpr.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) {
          continue;
        }
        NsScope s;
        const NsScope* cs = enter_scope(&ps, c, s);
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
    if (pugi::xml_node tcpr = child_w(tc, scope, "tcPr", ps)) {
      for (pugi::xml_node p = tcpr.first_child(); p; p = p.next_sibling()) {
        if (p.type() != pugi::node_element) {
          continue;
        }
        NsScope s;
        const NsScope* cs = enter_scope(&ps, p, s);
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
  bool m_declarations;              ///< whether any element inside the body may declare a namespace
  std::vector<FieldPhase> m_fields; ///< open complex fields (they may span runs and paragraphs)
  int m_cell_depth = 0;
  int m_revision_line = 0;
};

} // namespace

WalkedBody walk_body(pugi::xml_node body, const NsScope* scope, LineCounter& lines,
                     std::string_view text) {
  // "xmlns" nowhere from the body's start tag on: no element inside declares a namespace, and
  // the walk skips looking for declarations (a mention in text only costs the fast path).
  const std::ptrdiff_t from = body.offset_debug();
  const bool declarations =
      from < 0 || text.find("xmlns", static_cast<std::size_t>(from)) != std::string_view::npos;
  BodyReader reader(lines, declarations);
  WalkedBody out;
  out.blocks = reader.read(body, scope);
  out.first_revision_line = reader.first_revision_line();
  return out;
}

} // namespace xxgk::document::word
