// The list of the commands' own messages, for the rule catalogue.

#include "messages.hpp"

#include <xxgk/app/app.hpp>

namespace xxgk::app {

const std::vector<const diag::MessageTemplate*>& messages() {
  static const std::vector<const diag::MessageTemplate*> list{&msg::k_stdin_too_large,
                                                              &msg::k_not_a_report,
                                                              &msg::k_line_prefix,
                                                              &msg::k_at,
                                                              &msg::k_json_template,
                                                              &msg::k_csv_template,
                                                              &msg::k_list_unreadable,
                                                              &msg::k_directory_unreadable,
                                                              &msg::k_os_reason,
                                                              &msg::k_no_readable_report,
                                                              &msg::k_compare_template,
                                                              &msg::k_fix_no_position,
                                                              &msg::k_fix_in_part,
                                                              &msg::k_fix_no_place,
                                                              &msg::k_fix_data_form,
                                                              &msg::k_fix_docx_copy,
                                                              &msg::k_fix_this,
                                                              &msg::k_fix_read_back,
                                                              &msg::k_fix_reads_not,
                                                              &msg::k_fix_reads_differently,
                                                              &msg::k_fix_overwrite,
                                                              &msg::k_fix_cannot_write,
                                                              &msg::k_fix_give_docx,
                                                              &msg::k_fix_summary,
                                                              &msg::k_fix_nothing_written,
                                                              &msg::k_fix_written,
                                                              &msg::k_skipped_not_report,
                                                              &msg::k_no_report_found,
                                                              &msg::k_not_reports_one,
                                                              &msg::k_not_reports_many,
                                                              &msg::k_checked,
                                                              &msg::k_skipped,
                                                              &msg::k_top_rules,
                                                              &msg::k_max_warnings,
                                                              &msg::k_step_summary,
                                                              &msg::k_baseline_written,
                                                              &msg::k_sum_blank,
                                                              &msg::k_sum_not_number,
                                                              &msg::k_sum_not_found,
                                                              &msg::k_sum_overflow,
                                                              &msg::k_sum_compare_skipped,
                                                              &msg::k_sum_tables_unread,
                                                              &msg::k_sum_other_template,
                                                              &msg::k_summed,
                                                              &msg::k_summed_no_template,
                                                              &msg::k_summed_tables_unread,
                                                              &msg::k_nothing_to_sum_allowed,
                                                              &msg::k_nothing_to_sum,
                                                              &msg::k_allow_empty_hint,
                                                              &msg::k_not_baseline,
                                                              &msg::k_not_baseline_why,
                                                              &msg::k_interrupted};
  return list;
}

} // namespace xxgk::app
