#pragma once
// The format-neutral document model every reader produces and extraction consumes.

#include <xxgk/diag/diagnostic.hpp>

#include <string>
#include <variant>
#include <vector>

namespace xxgk::document {

using diag::SourceLocation;

struct Cell {
  std::string text; ///< paragraphs joined with '\n'
  int col_span = 1;
  int row_span = 1;
  /// A continuation of a vertically merged cell above (Word vMerge "continue"); its text is empty.
  bool merged_continuation = false;
  /// How the reader recovered the cell when the source had no cell boundary: "digit-run" for a
  /// cell split out of a run of digits (format.md §7 item 13); "digit-run-unsplit" for a run left
  /// whole because it splits more than one way (the row is then reported unread, as a warning);
  /// empty for a cell as written.
  std::string recovered;
  SourceLocation where; ///< where the cell's content starts
};

struct Row {
  std::vector<Cell> cells;
};

/// How much the row structure of a table can be trusted.
enum class RowStructure {
  Reliable,   ///< rows are real rows (Word, HTML, Markdown, TSV)
  Unreliable, ///< cells are in reading order but row breaks are guesses (Tika-style text)
};

struct Table {
  std::vector<Row> rows;
  RowStructure structure = RowStructure::Reliable;
  SourceLocation where;
};

struct Paragraph {
  std::string text;
  SourceLocation where;
};

using Block = std::variant<Paragraph, Table>;

struct Document {
  std::string format; ///< "text-tika", "docx", … (the normalized model's "format")
  /// The decoded text of text forms (UTF-8), for source excerpts; empty for Word forms.
  std::string source_text;
  /// The character encoding text forms were decoded from ("UTF-8", "GB18030", "UTF-16LE",
  /// "UTF-16BE"); empty for forms that carry their own (docx, XML).
  std::string encoding;
  std::vector<Block> blocks;
  /// Reader-level findings (e.g. unaccepted revisions, undecodable bytes).
  std::vector<diag::Diagnostic> diagnostics;
};

} // namespace xxgk::document
