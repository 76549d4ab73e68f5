#pragma once
// Findings about a user's document: rule ID, severity, message, cells and location.

#include <xxgk/diag/message.hpp>
#include <xxgk/util/interned.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace xxgk::diag {

enum class Severity { Info, Warning, Error };
std::string_view to_string(Severity s);
bool parse_severity(std::string_view s, Severity& out);

/// Where something is in the input. Text forms fill line/column (1-based; column counts code
/// points); Word forms fill part and the indices; PDF fills the page (and table/row/cell indices
/// for table cells). Extraction adds the logical names.
struct SourceLocation {
  int line = 0;
  int column = 0;
  util::Interned part; ///< e.g. "word/document.xml"
  int paragraph = -1;  ///< body paragraph index (0-based)
  int table = -1;      ///< body table index (0-based)
  int row = -1;
  int cell = -1;
  int xml_line = 0;          ///< line in the XML part, when known
  long long xml_offset = -1; ///< byte offset of a Word table cell's element in its part (fix)
  int block = -1;            ///< index of the paragraph or table in document order (any form)
  int page = 0;              ///< PDF page (1-based); 0 = not a paged form
  util::Interned table_name; ///< 二 / 三 / 四
  /// The template's labels of the cell's row and column (interned: a location is trivially
  /// copyable, and every report cell carries one).
  util::Interned row_label;
  util::Interned column_label;

  [[nodiscard]] bool has_line() const { return line > 0; }
};

/// How many code points either side of its caret a source excerpt may show (the text format's).
constexpr int k_excerpt_reach = 100;

/// A piece of a source line kept for the excerpts under findings where the whole text is not
/// kept (the late findings of a batch): code points first_column, first_column + 1, … of line
/// `line`. The window of a caret at column c holds columns c - k_excerpt_reach … c +
/// k_excerpt_reach (as far as the line goes): all an excerpt there shows, and whether more follows.
struct SourceWindow {
  int line = 0;
  int first_column = 1;
  std::string text;

  bool operator==(const SourceWindow&) const = default;
};

struct Diagnostic {
  std::string rule;
  Severity severity = Severity::Warning;
  /// The message as an ID and arguments; emitters render it in the user's language.
  Message msg = {};
  /// The Chinese rendering of `msg`, kept for ordering, fingerprints and baselines.
  std::string message;
  std::vector<std::string> cells; ///< model paths, e.g. "requests.new_received.total"
  SourceLocation location;

  /// Sets the message (its ID and arguments) and its Chinese rendering.
  void say(Message m);
  /// The message in `lang`: `msg` rendered, or `message` for a finding made without an ID.
  [[nodiscard]] std::string text(Lang lang) const;
};

/// A finding of `rule` with `severity`, message `m` and location `at`.
Diagnostic make(std::string rule, Severity severity, Message m, SourceLocation at = {});

/// Deterministic order: location (line, column, then document order: block, row, cell), then rule,
/// then message. Findings without a location come first.
void sort_diagnostics(std::vector<Diagnostic>& diags);

} // namespace xxgk::diag
