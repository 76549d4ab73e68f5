#pragma once
// The typed report: tables 二, 三 and 四 of both templates as plain structs, addressed by the
// model paths of spec/model.md through a field table (report/fields.hpp).

#include <xxgk/diag/diagnostic.hpp>
#include <xxgk/util/number.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace xxgk::report {

enum class CellState {
  Absent,      ///< not found in the document (or not part of the report's template)
  Blank,       ///< found, empty
  Placeholder, ///< found, —, /, 无 …
  Number,      ///< found, a number
  Text,        ///< found, not a number
};

struct Cell {
  std::optional<util::Number> value;
  CellState state = CellState::Absent;
  std::string raw; ///< the cell's text as read
  diag::SourceLocation where;
  /// "digit-run" when the reader split the value out of a run of digits (docs/model.md).
  std::string recovered;
};

/// 表三 row: 自然人, 法人或其他组织 (5 kinds), 总计.
struct ApplicantRow {
  Cell natural_person, commercial, research, social_welfare, legal_service, other, total;
};

struct Requests {
  ApplicantRow new_received, carried_over, granted, partially_granted;
  ApplicantRow denied_state_secret, denied_prohibited_by_law, denied_security_stability,
      denied_third_party, denied_internal_affairs, denied_process_info, denied_enforcement_files,
      denied_inquiry;
  ApplicantRow unable_not_held, unable_needs_creation, unable_unclear;
  ApplicantRow rejected_petition, rejected_duplicate, rejected_publication, rejected_excessive,
      rejected_confirmation;
  ApplicantRow other_handling, other_overdue_correction, other_overdue_fee, other_reasons;
  ApplicantRow total_processed, carried_forward;
};

/// 表四 block: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计.
struct CaseBlock {
  Cell upheld, corrected, other, pending, total;
};

struct ReviewLitigation {
  CaseBlock review, litigation_direct, litigation_after_review;
};

/// 表二 rows. A row has the union of the columns both templates use for it; the template
/// (schema) says which of them the report has.
struct DocumentsRow {                    ///< 规章, (行政)规范性文件
  Cell issued, repealed, in_force;       // 2021
  Cell made, published, total_published; // 2019
};
struct ItemsRow { ///< 行政许可, 其他对外管理服务事项, 行政处罚, 行政强制, 行政事业性收费
  Cell previous_items, change, decisions; // 2019 (decisions also 2021)
  Cell amount;                            // 2021 行政事业性收费
};
struct ProcurementRow { ///< 2019 政府集中采购
  Cell items, amount;
};

struct Active {
  DocumentsRow regulations, normative_documents;
  ItemsRow licensing, other_management_services, punishment, coercion, fees;
  ProcurementRow procurement;
};

/// A paragraph of body text with its location.
struct Paragraph {
  std::string text;
  diag::SourceLocation where;
};

/// A section of the report body (一 … 六).
struct Section {
  std::string heading;
  std::string text; ///< the section's paragraphs joined with '\n'
  std::vector<Paragraph> paragraphs;
  diag::SourceLocation where;
  bool found = false;
};

/// A section heading as found in the document, in document order.
struct Heading {
  std::string section; ///< section key
  std::string text;
  diag::SourceLocation where;
  bool variant = false; ///< worded differently from the template (an alias or a near match)
};

/// Figures a report adds to the template (subtotal rows or columns): kept so that rules can verify
/// them, never summed into the template cells.
struct ExtraFigure {
  std::string table;              ///< model key of the table
  std::string label;              ///< as printed
  std::vector<std::string> parts; ///< model paths it should equal the sum of
  Cell cell;
};

struct Report {
  std::string source;
  std::string format;
  std::string template_id;
  std::optional<int> year;
  std::optional<std::string> agency;
  std::string title;
  diag::SourceLocation title_where;
  std::map<std::string, Section> sections; ///< by section key
  std::vector<Heading> headings;           ///< every heading found, in order
  /// Where each template table was found: table key → section key ("" before any heading).
  std::map<std::string, std::string> table_sections;
  std::map<std::string, diag::SourceLocation> table_locations;
  Active active;
  Requests requests;
  ReviewLitigation review_litigation;
  std::vector<ExtraFigure> extras;
};

} // namespace xxgk::report
