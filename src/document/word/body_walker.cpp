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

} // namespace

WalkedBody walk_body(pugi::xml_node body, const NsScope* scope, LineCounter& lines) {
  BodyReader reader(lines);
  WalkedBody out;
  out.blocks = reader.read(body, scope);
  out.first_revision_line = reader.first_revision_line();
  return out;
}

} // namespace xxgk::document::word
