#pragma once
// The text forms besides the Tika form (text_reader.hpp), and the sniffing that picks one.
//
// Every reader takes UTF-8 text without BOM (document::decode_to_utf8 gives that), never fails
// (any text is a document, possibly without tables), and fills line/column locations: 1-based,
// columns in code points of the original line, pointing at a cell's first non-space character.

#include <xxgk/document/model.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::document {

/// Rows as lines of TAB-separated cells: a Word or Excel table pasted into a text editor.
/// Cells in Excel's quoting ("a""b", or a quoted cell running over several lines) are unquoted.
Document read_tsv_text(std::string_view text);

/// Markdown: pipe tables (and pandoc grid tables) become tables; other lines become paragraphs,
/// one per line, without heading marks and emphasis markers.
Document read_markdown(std::string_view text);

/// pandoc plain text with grid tables (+---+ borders, `|` between cells, `+===+` under the
/// header); row and column spans are read from the borders. Other lines become paragraphs.
Document read_grid_text(std::string_view text);

/// Run-on scraped text (format.md §7 items 13, 14): the body on one long line, table rows as
/// digit runs after their labels, crawler header lines around it. Runs are split by the
/// template's arithmetic (digit_runs.hpp); rows that cannot be split uniquely are left unread and
/// named in a READ-DIGITRUN finding.
Document read_runon_text(std::string_view text);

/// PDF layout text (`pdftotext -layout`, format.md §7 item 15): a table row per line with its
/// numbers space-aligned, long labels wrapped before and after, group labels one character per
/// line, page footers inside tables. Read like run-on text (the same label search and splitter).
Document read_layout_text(std::string_view text);

/// Plain text without a table form xxgk recognizes: one paragraph per non-blank line.
Document read_plain_text(std::string_view text);

/// Sniffing predicates (each reader's own; detect_text_form combines them in a fixed order).
/// A Markdown pipe table (header row, then a |---| delimiter row with as many cells), or ATX
/// headings ("# …") in a text without TABs.
bool looks_like_markdown(std::string_view text);
/// A grid table border line directly followed by a line starting with '|'.
bool looks_like_grid_text(std::string_view text);
/// Several of 表三's row labels each directly followed by digits (runon_reader.cpp).
bool looks_like_runon_text(std::string_view text);
/// Several lines of a 表三 row label followed by at least five space-separated numbers.
bool looks_like_layout_text(std::string_view text);
/// TAB-separated rows rather than the Tika form's one cell per line (rule in tsv_reader.cpp).
bool looks_like_tsv_text(std::string_view text);
/// The predicates that look at lines, on the lines of the text (util::split_lines):
/// detect_text_form splits the text once for all of them.
bool looks_like_markdown(const std::vector<std::string_view>& lines);
bool looks_like_grid_text(const std::vector<std::string_view>& lines);
bool looks_like_layout_text(const std::vector<std::string_view>& lines);
bool looks_like_tsv_text(const std::vector<std::string_view>& lines);

/// The names of the text forms, as `--input-format` takes them and Document::format reports them.
const std::vector<std::string>& text_form_names();

/// Which text form `text` is in (one of text_form_names()); "text-plain" when none fits.
std::string detect_text_form(std::string_view text);
/// The same, given the text's lines (util::split_lines(text)).
std::string detect_text_form(std::string_view text, const std::vector<std::string_view>& lines);

/// Reads `text` with the reader of the named text form; nullopt when `name` is not a text form.
std::optional<Document> read_text_form(std::string_view name, std::string_view text);
/// The same, given the text's lines (util::split_lines(text)): a reader that works on lines
/// does not split the text again.
std::optional<Document> read_text_form(std::string_view name, std::string_view text,
                                       const std::vector<std::string_view>& lines);

// Building blocks shared by the text readers.

/// "- 3 -", "-3-", "— 3 —": page numbers that PDF and Word conversions leave, even inside tables.
bool is_page_number_line(std::string_view line);

/// A report section heading such as "三、收到和处理政府信息公开申请情况": numbered 一…六 and ending
/// in 情况 or 事项. Table labels such as "三、本年度办理结果" do not qualify.
bool looks_like_section_heading(std::string_view line);

/// Whether `line` is white space only (util::is_space, as util::trim_view(line).empty()),
/// answered from the bytes while they are ASCII.
bool is_blank_line(std::string_view line);

/// Appends line `index` (0-based) of a text to `doc` as a paragraph: the line trimmed, located
/// at its first non-space character.
void add_line_paragraph(Document& doc, std::string_view line, std::size_t index);

/// 1-based code point column of byte offset `byte` of `line`.
int column_of(std::string_view line, std::size_t byte);

/// column_of for a reader that walks a line left to right, cell by cell: counts only the bytes
/// since the previous call on the same line, so a line of N cells costs O(line), not O(N·line).
class ColumnTracker {
public:
  int operator()(std::string_view line, std::size_t byte);

private:
  std::string_view m_line;
  std::size_t m_byte = 0;
  int m_column = 1;
};

/// Appends `next`, a wrapped continuation of the same paragraph, to `out`: directly after a CJK
/// character or before one (Chinese text wraps anywhere), with one space otherwise.
void append_wrapped(std::string& out, std::string_view next);

/// Turns a cell's or paragraph's raw text into plain text (e.g. Markdown inline markup removal).
using InlineTextFn = std::string (*)(std::string_view);

/// A grid table border such as "+----+:===:+" (leading white space allowed).
bool is_grid_border(std::string_view line);

/// Parses the grid table whose top border is `lines[first]`; `next` receives the index of the
/// first line after it. nullopt when no well-formed table starts there. `inline_text` (if set)
/// turns each line of cell text into plain text.
std::optional<Table> parse_grid_table(const std::vector<std::string_view>& lines, std::size_t first,
                                      std::size_t& next, InlineTextFn inline_text = nullptr);

/// pandoc's simple and multiline tables (format.md §7 item 16), aligned on display columns: a
/// dash line of two or more runs ("----  -----  ----") gives the columns; a header above it (one
/// line for a simple table; lines under a full-width dash line for a multiline table); rows below,
/// one per line (simple) or one per blank-line-separated group (multiline), up to a dash line or,
/// for a simple table with a header, a blank line. Whether `lines[i]` starts such a table (its
/// dash line, its header or its top dash line).
bool dash_table_at(const std::vector<std::string_view>& lines, std::size_t i);

/// Whether `line` may be one of those dash lines: only '-', ' ' and '\r', with three dashes in a
/// row. dash_table_at(lines, i) is false unless lines[i] or lines[i + 1] is one (cheap: most
/// lines are rejected by their first byte).
bool maybe_dash_line(std::string_view line);

/// Parses the simple or multiline table starting at `lines[first]` (dash_table_at); `next`
/// receives the index of the first line after it.
std::optional<Table> parse_dash_table(const std::vector<std::string_view>& lines, std::size_t first,
                                      std::size_t& next, InlineTextFn inline_text = nullptr);

/// Markdown inline markup to plain text: backslash escapes, <br> → '\n', emphasis markers,
/// links to their text, HTML entities, pandoc's empty bookmark spans ([]{#_GoBack}).
std::string markdown_inline_text(std::string_view s);

} // namespace xxgk::document
