// The raw tree → the format-neutral model.

#include "model_builder.hpp"

#include <xxgk/document/cell_text.hpp>
#include <xxgk/util/text.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <variant>

namespace xxgk::document::word {

namespace {

/// Accepting a deleted paragraph mark joins the paragraph with the next one.
void merge_deleted_marks(std::vector<RawBlock>& blocks) {
  const bool any = std::any_of(blocks.begin(), blocks.end(), [](const RawBlock& b) {
    const auto* p = std::get_if<RawParagraph>(&b);
    return p != nullptr && p->mark_deleted;
  });
  if (!any) {
    return; // the usual case: nothing to join, no copy of the blocks
  }
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
    return join_cell_lines(lines);
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

} // namespace

void build_model(std::vector<RawBlock>& blocks, std::string_view part, Document& doc) {
  ModelBuilder builder(part, doc);
  builder.body(blocks);
}

} // namespace xxgk::document::word
