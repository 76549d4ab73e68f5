// Limits on what one input may cost (read.hpp): the table of names, `NAME=VALUE` parsing, and
// the checks every reader's input or output goes through.

#include "byte_count.hpp"
#include "error_messages.hpp"

#include <xxgk/document/read.hpp>

#include <xxgk/util/text.hpp>

#include <algorithm>
#include <variant>

namespace xxgk::document {

namespace {

struct LimitEntry {
  LimitInfo info;
  std::size_t Limits::*member;
};

const std::vector<LimitEntry>& entries() {
  static const std::vector<LimitEntry> k_entries = {
      {{"max_input", "bytes of one input file", k_default_max_input}, &Limits::max_input},
      {{"max_inflated", "bytes one zip entry of a .docx may inflate to", k_default_max_inflated},
       &Limits::max_inflated},
      {{"max_inflate_ratio",
        "inflated bytes per compressed byte of one zip entry (checked past 1 MiB)",
        k_default_max_inflate_ratio},
       &Limits::max_inflate_ratio},
      {{"max_xml_depth", "element nesting of a Word XML part", k_default_max_xml_depth},
       &Limits::max_xml_depth},
      {{"max_xml_tags", "tags ('<') in one XML part or HTML page", k_default_max_xml_tags},
       &Limits::max_xml_tags},
      {{"max_line_bytes", "bytes of one line of a text form", k_default_max_line_bytes},
       &Limits::max_line_bytes},
      {{"max_cells_per_table", "cells of one table", k_default_max_cells_per_table},
       &Limits::max_cells_per_table},
      {{"max_cells", "cells and paragraphs of one document", k_default_max_cells},
       &Limits::max_cells},
      {{"max_pages", "pages of a PDF", k_default_max_pages}, &Limits::max_pages},
      {{"max_pdf_objects", "objects in a PDF's cross-reference table", k_default_max_pdf_objects},
       &Limits::max_pdf_objects},
      {{"max_pdf_text", "bytes of a PDF's text", k_default_max_pdf_text}, &Limits::max_pdf_text},
      {{"max_pdf_seconds", "seconds reading one PDF may take", k_default_max_pdf_seconds},
       &Limits::max_pdf_seconds},
  };
  return k_entries;
}

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') {
    s.remove_prefix(1);
  }
  while (!s.empty() && s.back() == ' ') {
    s.remove_suffix(1);
  }
  return s;
}

} // namespace

const std::vector<LimitInfo>& limit_infos() {
  static const std::vector<LimitInfo> k_infos = [] {
    std::vector<LimitInfo> out;
    for (const auto& e : entries()) {
      out.push_back(e.info);
    }
    return out;
  }();
  return k_infos;
}

util::Expected<bool> set_limit(Limits& limits, std::string_view assignment) {
  const auto eq = assignment.find('=');
  if (eq == std::string_view::npos) {
    return err::make(util::ErrorKind::Malformed, err::k_limit_syntax, {assignment});
  }
  const std::string_view name = trim_spaces(assignment.substr(0, eq));
  std::string_view value = trim_spaces(assignment.substr(eq + 1));
  const auto it = std::find_if(entries().begin(), entries().end(),
                               [&](const LimitEntry& e) { return e.info.name == name; });
  if (it == entries().end()) {
    std::string names;
    std::string_view best;
    std::size_t best_distance = std::max<std::size_t>(2, name.size() / 3) + 1;
    for (const auto& e : entries()) {
      names += names.empty() ? "" : ", ";
      names += e.info.name;
      const std::size_t d = util::edit_distance(name, e.info.name);
      if (d < best_distance) {
        best_distance = d;
        best = e.info.name;
      }
    }
    const diag::Arg mean =
        best.empty() ? diag::Arg(std::string()) : diag::nested({&err::k_limit_suggest, {best}});
    return err::make(util::ErrorKind::Malformed, err::k_limit_unknown, {name, mean, names});
  }
  std::size_t multiplier = 1;
  if (!value.empty()) {
    switch (value.back()) {
    case 'K':
    case 'k':
      multiplier = std::size_t{1} << 10;
      break;
    case 'M':
    case 'm':
      multiplier = std::size_t{1} << 20;
      break;
    case 'G':
    case 'g':
      multiplier = std::size_t{1} << 30;
      break;
    default:
      break;
    }
    if (multiplier != 1) {
      value.remove_suffix(1);
    }
  }
  std::size_t n = 0;
  bool ok = !value.empty();
  for (char c : value) {
    if (c < '0' || c > '9' || __builtin_mul_overflow(n, std::size_t{10}, &n) ||
        __builtin_add_overflow(n, static_cast<std::size_t>(c - '0'), &n)) {
      ok = false;
      break;
    }
  }
  if (ok && __builtin_mul_overflow(n, multiplier, &n)) {
    ok = false;
  }
  if (!ok || n == 0) {
    return err::make(util::ErrorKind::Malformed, err::k_limit_value,
                     {name, assignment.substr(eq + 1)});
  }
  if (it->member == &Limits::max_xml_depth && n > k_max_xml_depth_ceiling) {
    // The Word XML reader walks the tree recursively: its stack must hold this many levels.
    return err::make(util::ErrorKind::Malformed, err::k_limit_depth, {k_max_xml_depth_ceiling});
  }
  limits.*(it->member) = n;
  return true;
}

util::Expected<bool> check_document_limits(const Document& doc, const Limits& limits) {
  std::size_t total = 0;
  std::size_t table_index = 0;
  for (const auto& block : doc.blocks) {
    if (const auto* t = std::get_if<Table>(&block)) {
      ++table_index;
      std::size_t cells = 0;
      for (const auto& row : t->rows) {
        cells += row.cells.size();
      }
      if (cells > limits.max_cells_per_table) {
        const diag::Arg at = t->where.line > 0 ? diag::nested({&err::k_at_line, {t->where.line}})
                                               : diag::Arg(std::string());
        return err::make(util::ErrorKind::TooLarge, err::k_table_cells,
                         {table_index, at, cells, limits.max_cells_per_table});
      }
      total += cells;
    } else {
      ++total;
    }
  }
  if (total > limits.max_cells) {
    return err::make(util::ErrorKind::TooLarge, err::k_document_cells, {total, limits.max_cells});
  }
  return true;
}

util::Expected<bool> check_text_limits(std::string_view text, const Limits& limits) {
  // No line is longer than the text, and every mark is one byte of it: a text within both limits
  // (every report by far) cannot breach either, and is not scanned.
  if (text.size() <= limits.max_line_bytes && text.size() <= limits.max_cells) {
    return true;
  }
  std::size_t line = 1;
  std::size_t line_start = 0;
  std::size_t marks = 0; // lines, TABs and '|': each can start a paragraph or a cell
  auto check_line = [&](std::size_t end) -> util::Expected<bool> {
    const std::size_t length = end - line_start;
    if (length > limits.max_line_bytes) {
      return err::make(util::ErrorKind::TooLarge, err::k_line_bytes,
                       {line, length, limits.max_line_bytes});
    }
    return true;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' || (c == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
      if (auto ok = check_line(i); !ok) {
        return ok;
      }
      ++line;
      ++marks;
      line_start = i + 1;
    } else if (c == '\t' || c == '|') {
      ++marks;
    }
  }
  if (auto ok = check_line(text.size()); !ok) {
    return ok;
  }
  if (marks > limits.max_cells) {
    return err::make(util::ErrorKind::TooLarge, err::k_text_marks, {marks, limits.max_cells});
  }
  return true;
}

util::Expected<bool> check_markup_limits(std::string_view markup, const diag::Arg& what,
                                         const Limits& limits) {
  if (markup.size() <= limits.max_xml_tags) {
    return true; // every tag has its '<': no more tags than bytes
  }
  const std::size_t tags = count_byte(markup, '<');
  if (tags > limits.max_xml_tags) {
    return err::make(util::ErrorKind::TooLarge, err::k_markup_tags,
                     {what, tags, limits.max_xml_tags});
  }
  return true;
}

} // namespace xxgk::document
