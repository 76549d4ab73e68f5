// The body walker: one recursive walk over WordprocessingML in four modes (block, table, row,
// inline) that builds the document model as it goes: body paragraphs, tables of the model row by
// row (their grid width and vertical merges once complete), cell text appended line by line into
// one buffer, nested tables as lines of their cell, layout frames as body content.

#include "body_walker.hpp"

#include <xxgk/document/model.hpp>

#include <xxgk/util/interned.hpp>
#include <xxgk/util/text.hpp>

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <map>
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

/// Where the paragraphs of a block list (the body, a cell, a layout frame's cell) go.
enum class ListKind : unsigned char {
  Body,    ///< model paragraphs (the body, a layout frame's cell)
  Cell,    ///< lines of the cell being read (a cell of a body table, or of a table nested in it)
  Discard, ///< nowhere: a cell whose text the model drops (still walked for fields and revisions)
};

/// A block list being read. A paragraph whose mark was deleted stays open: accepting the deletion
/// joins it with the next paragraph of the same list, if a paragraph comes next.
struct List {
  ListKind kind = ListKind::Body;
  bool open = false;
  int index = 0;        ///< Body: the open paragraph's number
  int xml_line = 0;     ///< Body: the open paragraph's line
  std::size_t mark = 0; ///< Cell: where the open line starts in the cell's text
};

/// What a table is to the model.
enum class TableKind : unsigned char {
  Body,   ///< a table of the model (in the body or a layout frame)
  Nested, ///< inside a cell: its cells' lines are text of that cell
  Frame,  ///< a one-cell table around tables (a layout device): its content is body content
};

/// A vertical merge mark of a cell of the table being built.
enum class VMerge : unsigned char { None, Restart, Continue };

/// The properties of a w:tc that shape the model (w:tcPr).
struct CellProps {
  int span = 1;
  VMerge vmerge = VMerge::None;
  bool hmerge_continue = false;
  bool deleted = false;
};

/// A cell of the body table being built: its start column and vertical merge mark.
struct Placed {
  int column = 0;
  VMerge vmerge = VMerge::None;
};

/// A row of the body table being built.
struct RowInfo {
  std::size_t first = 0; ///< its first entry in BodyReader::m_placed
  int column = 0;        ///< the grid column after its last cell
  int width = 0;         ///< w:gridBefore + w:gridAfter + the spans of its cells as written
  int xml_line = 0;
};

/// Counts rows and cells of a table without reading text, to tell a layout frame (one row of one
/// cell holding a table) before reading it. Stops at the second row or cell.
struct FrameProbe {
  int rows = 0;
  int cells = 0;
  bool has_table = false;
  bool stop = false;
};

constexpr int k_max_span = 1000; // Word allows 63 columns; anything far beyond is crafted

class BodyReader {
public:
  BodyReader(LineCounter& lines, bool declarations, std::string_view part, Document& doc)
      : m_lines(lines), m_declarations(declarations), m_part(part), m_doc(doc) {}

  void read(pugi::xml_node body, const NsScope* scope) {
    std::size_t children = 0;
    for (pugi::xml_node c = body.first_child(); c; c = c.next_sibling()) {
      ++children;
    }
    m_doc.blocks.reserve(m_doc.blocks.size() + children);
    List list;
    list.kind = ListKind::Body;
    m_list = &list;
    walk(body, scope, Mode::Block);
    end_list(list);
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
      if (c.type() != pugi::node_element || !has_local_name(c.name(), local)) {
        continue;
      }
      if (name_of(c, scope).ns == Ns::W) {
        storage = NsScope(scope);
        return c;
      }
    }
    return {};
  }

  /// Calls `fn(child, scope, local)` for each w: element child of `node` (w:trPr, w:tcPr, w:sdt)
  /// until it returns false.
  template <class Fn> void each_w_child(pugi::xml_node node, const NsScope* scope, Fn&& fn) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) {
        continue;
      }
      NsScope s;
      const NsScope* cs = enter_scope(scope, c, s);
      const Name n = name_of(c, cs);
      if (n.ns == Ns::W && !fn(c, cs, n.local)) {
        return;
      }
    }
  }

  void note_revision(pugi::xml_node n) {
    if (m_revision_line == 0 && m_probe == nullptr) {
      m_revision_line = std::max(1, line(n));
    }
  }

  [[nodiscard]] bool visible() const {
    return std::find(m_fields.begin(), m_fields.end(), FieldPhase::Code) == m_fields.end();
  }

  void walk(pugi::xml_node parent, const NsScope* scope, Mode mode) {
    for (pugi::xml_node child = parent.first_child(); child; child = child.next_sibling()) {
      if (child.type() != pugi::node_element) {
        continue;
      }
      if (m_probe != nullptr && m_probe->stop) {
        return;
      }
      if (!m_declarations) {
        visit(child, scope, mode);
        continue;
      }
      NsScope storage;
      visit(child, enter(scope, child, storage), mode);
    }
  }

  /// An element child met by the walk; `cs` is its scope.
  void visit(pugi::xml_node child, const NsScope* cs, Mode mode) {
    const Name name = name_of(child, cs);
    switch (name.ns) {
    case Ns::W:
      element_w(child, cs, name.local, mode);
      break;
    case Ns::Mc:
      if (name.local == "AlternateContent") {
        alternate_content(child, cs, mode);
      }
      break; // a stray mc:Choice/mc:Fallback is not content
    case Ns::Aml:
      annotation(child, cs, name.local, mode);
      break;
    case Ns::Vml: // shapes and v:textbox: not body text
    case Ns::Pkg:
    case Ns::Rels:
      break;
    case Ns::Wx:
    case Ns::Unknown:
      // wx:sect, wx:sub-section, smart tags and custom XML of Word 2003, w14 wrappers …
      walk(child, cs, mode);
      break;
    }
  }

  void element_w(pugi::xml_node node, const NsScope* scope, std::string_view local, Mode mode) {
    const Tag tag = classify(local);
    switch (tag) {
    case Tag::Sdt:
      content_control(node, scope, mode);
      return;
    case Tag::Deleted:
      note_revision(node); // read as accepted: deleted content is gone
      return;
    case Tag::Inserted:
      note_revision(node);
      walk(node, scope, mode);
      return;
    case Tag::Skipped:
      return;
    default:
      break;
    }
    switch (mode) {
    case Mode::Block:
      if (tag == Tag::P) {
        if (m_probe == nullptr) {
          paragraph(node, scope);
        }
        return;
      }
      if (tag == Tag::Tbl) {
        if (m_probe != nullptr) {
          m_probe->has_table = true;
        } else {
          table(node, scope);
        }
        return;
      }
      break;
    case Mode::Table:
      if (tag == Tag::Tr) {
        row(node, scope);
        return;
      }
      break;
    case Mode::Row:
      if (tag == Tag::Tc) {
        cell(node, scope);
        return;
      }
      break;
    case Mode::Inline:
      if (inline_item(node, scope, tag, *m_text)) {
        return;
      }
      break;
    }
    // Transparent wrappers: w:r, w:hyperlink, w:hlink, w:smartTag, w:customXml, w:fldSimple
    // (its runs are the field result), w:sdtContent, w:dir, w:bdo, w:ruby/w:rubyBase …
    walk(node, scope, mode);
  }

  /// mc:AlternateContent: the first mc:Choice, else mc:Fallback — never both.
  void alternate_content(pugi::xml_node node, const NsScope* scope, Mode mode) {
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
      walk(chosen, enter_scope(scope, chosen, s), mode);
    }
  }

  /// Word 2003 revisions and comments: aml:annotation w:type="Word.Insertion" | "Word.Deletion" |
  /// "Word.Comment" | bookmarks …, with the content in aml:content.
  void annotation(pugi::xml_node node, const NsScope* scope, std::string_view local, Mode mode) {
    if (local == "content") {
      walk(node, scope, mode);
      return;
    }
    if (local != "annotation") {
      return;
    }
    const auto type = attr(node, scope, Ns::W, "type").value_or("");
    if (type == "Word.Insertion") {
      note_revision(node);
      walk(node, scope, mode);
    } else if (type == "Word.Deletion") {
      note_revision(node);
    }
    // Comments, bookmarks and formatting revisions carry no body text.
  }

  /// w:sdt around blocks, rows, cells or runs: its w:sdtContent is read in the same mode. Inline
  /// placeholder prompts ("单击此处输入文字") are not content.
  void content_control(pugi::xml_node node, const NsScope* scope, Mode mode) {
    bool placeholder = false;
    pugi::xml_node content;
    NsScope content_scope;
    each_w_child(node, scope, [&](pugi::xml_node c, const NsScope* cs, std::string_view local) {
      if (local == "sdtPr") {
        NsScope ps;
        if (pugi::xml_node flag = child_w(c, cs, "showingPlcHdr", ps)) {
          placeholder = is_true_flag(attr(flag, &ps, Ns::W, "val"));
        }
      } else if (local == "sdtContent" && !content) {
        content = c;
        content_scope = NsScope(scope);
        if (m_declarations) {
          content_scope.declare(c);
        }
      }
      return true;
    });
    if (!content || (placeholder && mode == Mode::Inline)) {
      return;
    }
    walk(content, &content_scope, mode);
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

  // -- Block lists ------------------------------------------------------------------------------

  /// The end of a block list, or a table in it: an open paragraph ends as it is.
  void end_list(List& list) {
    if (!list.open) {
      return;
    }
    list.open = false;
    if (list.kind == ListKind::Body) {
      emit_paragraph(list);
    } else if (list.kind == ListKind::Cell) {
      end_line(list.mark);
    }
  }

  /// A body paragraph (its text in m_para) into the model, unless it is blank.
  void emit_paragraph(const List& list) {
    if (util::trim_view(m_para).empty()) {
      return;
    }
    // Built in place: no temporary to move and destroy.
    auto& out = std::get<Paragraph>(m_doc.blocks.emplace_back(std::in_place_type<Paragraph>));
    out.text = m_para; // a copy of the exact size; m_para keeps its buffer for the next one
    out.where.part = m_part;
    out.where.paragraph = list.index;
    out.where.xml_line = list.xml_line;
  }

  /// A line of the cell's text ends; it started at `mark`. Lines are joined with '\n', without
  /// the blank lines at the start and the end (join_cell_lines).
  void end_line(std::size_t mark) {
    if (m_cell.size() == mark) {
      if (m_cell_started) {
        ++m_cell_blank_lines;
      }
      return;
    }
    if (m_cell_started) {
      m_cell.insert(mark, m_cell_blank_lines + 1, '\n');
      m_cell_blank_lines = 0;
    }
    m_cell_started = true;
  }

  /// The first w:del, w:moveFrom and w:ins children of a paragraph mark's w:rPr.
  struct MarkChange {
    pugi::xml_node del;
    pugi::xml_node move_from;
    pugi::xml_node ins;
  };

  /// MarkChange in one pass over the children (child_w three times over, as to what it finds).
  [[nodiscard]] MarkChange mark_change(pugi::xml_node rpr, const NsScope* scope) const {
    MarkChange found;
    for (pugi::xml_node c = rpr.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) {
        continue;
      }
      const std::string_view local = split_cname(c.name()).second;
      pugi::xml_node* slot = local == "del"        ? &found.del
                             : local == "moveFrom" ? &found.move_from
                             : local == "ins"      ? &found.ins
                                                   : nullptr;
      if (slot == nullptr || *slot) {
        continue;
      }
      NsScope s;
      if (name_of(c, enter_scope(scope, c, s)).ns == Ns::W) {
        *slot = c;
      }
    }
    return found;
  }

  void paragraph(pugi::xml_node p, const NsScope* scope) {
    List& list = *m_list;
    // Lines in document order (the line counter reads forward): the paragraph's before its mark's.
    const int xml_line = list.kind == ListKind::Body && !list.open ? line(p) : 0;
    bool mark_deleted = false;
    // A tracked change of the paragraph mark lives in w:pPr/w:rPr.
    NsScope ps;
    if (pugi::xml_node ppr = child_w(p, scope, "pPr", ps)) {
      NsScope rs;
      if (pugi::xml_node rpr = child_w(ppr, &ps, "rPr", rs)) {
        const MarkChange change = mark_change(rpr, &rs);
        if (change.del) {
          mark_deleted = true;
          note_revision(change.del);
        } else if (change.move_from) {
          mark_deleted = true;
          note_revision(change.move_from);
        } else if (change.ins) {
          note_revision(change.ins);
        }
      }
    }
    switch (list.kind) {
    case ListKind::Body:
      if (!list.open) {
        m_para.clear();
        list.index = m_paragraph;
        list.xml_line = xml_line;
      }
      ++m_paragraph;
      m_text = &m_para;
      break;
    case ListKind::Cell:
      if (!list.open) {
        list.mark = m_cell.size();
      }
      m_text = &m_cell;
      break;
    case ListKind::Discard:
      m_discard.clear();
      m_text = &m_discard;
      break;
    }
    walk(p, scope, Mode::Inline);
    // Word ends field codes inside their paragraph; an unfinished code must not hide the rest of
    // the document.
    const auto code = std::find(m_fields.begin(), m_fields.end(), FieldPhase::Code);
    m_fields.erase(code, m_fields.end());
    list.open = mark_deleted;
    if (!mark_deleted) {
      if (list.kind == ListKind::Body) {
        emit_paragraph(list);
      } else if (list.kind == ListKind::Cell) {
        end_line(list.mark);
      }
    }
  }

  // -- Tables -----------------------------------------------------------------------------------

  void table(pugi::xml_node tbl, const NsScope* scope) {
    List& list = *m_list;
    end_list(list);
    if (list.kind != ListKind::Body) {
      walk_table(tbl, scope, TableKind::Nested);
    } else if (is_layout_frame(tbl, scope)) {
      walk_table(tbl, scope, TableKind::Frame);
    } else {
      body_table(tbl, scope);
    }
  }

  /// One row holding one cell that holds a table (rows and cells as the walk reads them).
  bool is_layout_frame(pugi::xml_node tbl, const NsScope* scope) {
    FrameProbe probe;
    const TableKind kind = m_table_kind;
    m_probe = &probe;
    m_table_kind = TableKind::Frame;
    walk(tbl, scope, Mode::Table);
    m_probe = nullptr;
    m_table_kind = kind;
    return probe.rows == 1 && probe.cells == 1 && probe.has_table;
  }

  /// A nested table or a layout frame: no table of the model.
  void walk_table(pugi::xml_node tbl, const NsScope* scope, TableKind kind) {
    const TableKind outer = m_table_kind;
    const bool discard = m_discard_cells;
    m_table_kind = kind;
    m_discard_cells = kind == TableKind::Nested && m_list->kind == ListKind::Discard;
    walk(tbl, scope, Mode::Table);
    m_table_kind = outer;
    m_discard_cells = discard;
  }

  /// A table of the model: built row by row; the grid width and vertical merges once complete.
  void body_table(pugi::xml_node tbl, const NsScope* scope) {
    m_building = Table{};
    Table& out = m_building;
    const int index = m_table++;
    out.where.part = m_part;
    out.where.table = index;
    out.where.xml_line = line(tbl);
    int grid_cols = 0;
    NsScope gs;
    if (pugi::xml_node grid = child_w(tbl, scope, "tblGrid", gs)) {
      for (pugi::xml_node c = grid.first_child(); c; c = c.next_sibling()) {
        NsScope s;
        if (c.type() == pugi::node_element &&
            name_of(c, enter_scope(&gs, c, s)).local == "gridCol") {
          grid_cols = std::min(grid_cols + 1, k_max_span);
        }
      }
    }
    m_placed.clear();
    m_rows.clear();
    const TableKind outer = m_table_kind;
    m_table_kind = TableKind::Body;
    walk(tbl, scope, Mode::Table);
    m_table_kind = outer;
    finish_table(grid_cols);
    m_doc.blocks.emplace_back(std::move(out));
  }

  /// A placeholder cell of `span` columns for w:gridBefore at the start of the last row.
  void placeholder(RowInfo& info, int span) {
    add_cell(m_building.rows.size() - 1, info.xml_line).col_span = span;
    m_placed.push_back({info.column, VMerge::None});
    info.column += span;
  }

  /// A new cell at the end of row `row` of the table being built, located; built in place.
  Cell& add_cell(std::size_t row, int xml_line) {
    std::vector<Cell>& cells = m_building.rows[row].cells;
    const auto index = static_cast<int>(cells.size());
    Cell& c = cells.emplace_back();
    c.where.part = m_part;
    c.where.table = m_building.where.table;
    c.where.row = static_cast<int>(row);
    c.where.cell = index;
    c.where.xml_line = xml_line;
    return c;
  }

  /// The rows padded to the table's width, then vertical merges: a continuation widens the
  /// restart cell above it in the same start column and loses its text.
  void finish_table(int grid_cols) {
    Table& out = m_building;
    int width = grid_cols;
    for (const RowInfo& r : m_rows) {
      width = std::max(width, r.width);
    }
    // Open vertical merges: start column → (row, cell) of the restart cell.
    std::map<int, std::pair<std::size_t, std::size_t>> open;
    for (std::size_t ri = 0; ri < m_rows.size(); ++ri) {
      RowInfo& info = m_rows[ri];
      std::vector<Cell>& cells = out.rows[ri].cells;
      const std::size_t end_placed =
          ri + 1 < m_rows.size() ? m_rows[ri + 1].first : m_placed.size();
      for (std::size_t ci = 0; ci < end_placed - info.first; ++ci) {
        const Placed& placed = m_placed[info.first + ci];
        const int start = placed.column;
        const int end = start + cells[ci].col_span;
        if (placed.vmerge == VMerge::Continue) {
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
        if (placed.vmerge != VMerge::None) {
          open[start] = {ri, ci};
        }
      }
      if (info.column < width) {
        // w:gridAfter, or a row that ends early: ends any merge open in its columns.
        const int start = info.column;
        add_cell(ri, info.xml_line).col_span = width - start;
        info.column = width;
        open.erase(open.lower_bound(start), open.lower_bound(width));
      }
    }
  }

  void row(pugi::xml_node tr, const NsScope* scope) {
    const int xml_line = m_table_kind == TableKind::Body ? line(tr) : 0;
    int grid_before = 0;
    int grid_after = 0;
    NsScope ps;
    if (pugi::xml_node trpr = child_w(tr, scope, "trPr", ps)) {
      bool deleted = false;
      each_w_child(trpr, &ps, [&](pugi::xml_node c, const NsScope* cs, std::string_view local) {
        if (local == "gridBefore") {
          grid_before = parse_int(attr(c, cs, Ns::W, "val"), 0, 0, k_max_span);
        } else if (local == "gridAfter") {
          grid_after = parse_int(attr(c, cs, Ns::W, "val"), 0, 0, k_max_span);
        } else if (local == "del") {
          deleted = true;
          note_revision(c);
        } else if (local == "ins") {
          note_revision(c);
        }
        return true;
      });
      if (deleted) {
        return; // accepting the deletion removes the row
      }
    }
    if (m_probe != nullptr) {
      m_probe->stop = ++m_probe->rows > 1;
      if (!m_probe->stop) {
        walk(tr, scope, Mode::Row);
      }
      return;
    }
    if (m_table_kind == TableKind::Body) {
      const std::size_t previous =
          m_building.rows.empty() ? 0 : m_building.rows.back().cells.size();
      m_building.rows.emplace_back();
      m_building.rows.back().cells.reserve(previous);
      RowInfo info;
      info.first = m_placed.size();
      info.width = grid_before + grid_after;
      info.xml_line = xml_line;
      m_rows.push_back(info);
      if (grid_before > 0) {
        placeholder(m_rows.back(), grid_before);
      }
    }
    walk(tr, scope, Mode::Row);
  }

  CellProps cell_props(pugi::xml_node tc, const NsScope* scope) {
    CellProps props;
    NsScope ps;
    pugi::xml_node tcpr = child_w(tc, scope, "tcPr", ps);
    if (!tcpr) {
      return props;
    }
    each_w_child(tcpr, &ps, [&](pugi::xml_node p, const NsScope* cs, std::string_view local) {
      if (local == "gridSpan") {
        props.span = parse_int(attr(p, cs, Ns::W, "val"), 1, 1, k_max_span);
      } else if (iequals(local, "vMerge")) { // Word 2003 spells it w:vmerge
        const auto val = attr(p, cs, Ns::W, "val");
        props.vmerge = (val && *val == "restart") ? VMerge::Restart : VMerge::Continue;
      } else if (iequals(local, "hMerge")) {
        const auto val = attr(p, cs, Ns::W, "val");
        props.hmerge_continue = !(val && *val == "restart");
      } else if (local == "cellDel") {
        note_revision(p);
        props.deleted = true; // accepted: the cell is gone
        return false;
      } else if (local == "cellIns") {
        note_revision(p);
      }
      return true;
    });
    return props;
  }

  /// Walks a cell's content as a block list of `kind`.
  void cell_content(pugi::xml_node tc, const NsScope* scope, ListKind kind) {
    List list;
    list.kind = kind;
    List* outer = m_list;
    m_list = &list;
    ++m_cell_depth;
    walk(tc, scope, Mode::Block);
    --m_cell_depth;
    end_list(list);
    m_list = outer;
  }

  void cell(pugi::xml_node tc, const NsScope* scope) {
    const int xml_line = m_table_kind == TableKind::Body ? line(tc) : 0;
    const CellProps props = cell_props(tc, scope);
    if (props.deleted) {
      return;
    }
    if (m_probe != nullptr) {
      m_probe->stop = ++m_probe->cells > 1;
      if (!m_probe->stop) {
        ++m_cell_depth;
        walk(tc, scope, Mode::Block);
        --m_cell_depth;
      }
      return;
    }
    switch (m_table_kind) {
    case TableKind::Frame:
      cell_content(tc, scope, ListKind::Body);
      return;
    case TableKind::Nested:
      // A continuation of a vertical merge adds no lines to the cell around the table.
      cell_content(tc, scope,
                   m_discard_cells || props.vmerge == VMerge::Continue ? ListKind::Discard
                                                                       : ListKind::Cell);
      return;
    case TableKind::Body:
      break;
    }
    if (m_rows.empty()) {
      return; // a cell outside any row does not occur in the Table mode walk
    }
    RowInfo& info = m_rows.back();
    std::vector<Cell>& cells = m_building.rows.back().cells;
    info.width += props.span;
    if (props.hmerge_continue && !cells.empty()) {
      cells.back().col_span += props.span; // legacy horizontal merge: widens the cell before
      info.column += props.span;
      cell_content(tc, scope, ListKind::Discard);
      return;
    }
    m_cell.clear();
    m_cell_started = false;
    m_cell_blank_lines = 0;
    cell_content(tc, scope, ListKind::Cell);
    Cell& c = add_cell(m_building.rows.size() - 1, xml_line);
    c.text = m_cell; // a copy of the exact size; m_cell keeps its buffer
    c.col_span = props.span;
    c.where.xml_offset = static_cast<long long>(tc.offset_debug());
    m_placed.push_back({info.column, props.vmerge});
    info.column += props.span;
  }

  LineCounter& m_lines;
  bool m_declarations;   ///< whether any element inside the body may declare a namespace
  util::Interned m_part; ///< interned once: every paragraph and cell copies it
  Document& m_doc;
  std::vector<FieldPhase> m_fields; ///< open complex fields (they may span runs and paragraphs)
  int m_cell_depth = 0;
  int m_revision_line = 0;
  int m_paragraph = 0; ///< body paragraphs so far, blank ones included (their numbering)
  int m_table = 0;     ///< tables of the model so far

  List* m_list = nullptr;        ///< the block list being read
  std::string* m_text = nullptr; ///< where the current paragraph's text goes
  std::string m_para;            ///< the body paragraph being read
  std::string m_discard;         ///< text of a paragraph whose text the model drops

  TableKind m_table_kind = TableKind::Body; ///< of the innermost table being walked
  bool m_discard_cells = false;  ///< the nested table being walked lies in a dropped cell
  FrameProbe* m_probe = nullptr; ///< set while telling a layout frame

  // The body table being built (at most one at a time: tables inside it are nested ones).
  Table m_building;
  std::vector<RowInfo> m_rows;
  std::vector<Placed> m_placed;
  std::string m_cell;          ///< the text of its cell being read
  bool m_cell_started = false; ///< a non-blank line is in m_cell
  int m_cell_blank_lines = 0;  ///< blank lines after the last non-blank one, not yet written
};

} // namespace

int walk_body(pugi::xml_node body, const NsScope* scope, LineCounter& lines, std::string_view text,
              std::string_view part, Document& doc) {
  // "xmlns" nowhere from the body's start tag on: no element inside declares a namespace, and
  // the walk skips looking for declarations (a mention in text only costs the fast path).
  const std::ptrdiff_t from = body.offset_debug();
  const bool declarations =
      from < 0 || text.find("xmlns", static_cast<std::size_t>(from)) != std::string_view::npos;
  BodyReader reader(lines, declarations, part, doc);
  reader.read(body, scope);
  return reader.first_revision_line();
}

} // namespace xxgk::document::word
