// The list of extraction's message templates, for the catalogue (every ID renders in both
// languages).

#include "messages.hpp"

#include <xxgk/extract/extract.hpp>

namespace xxgk::extract {

const std::vector<const diag::MessageTemplate*>& messages() {
  static const std::vector<const diag::MessageTemplate*> k_all = {&msg::k_fuzzy,
                                                                  &msg::k_unknown_number,
                                                                  &msg::k_unknown_row,
                                                                  &msg::k_unknown_many,
                                                                  &msg::k_item_number,
                                                                  &msg::k_item_row,
                                                                  &msg::k_item_more,
                                                                  &msg::k_unknown_table,
                                                                  &msg::k_duplicate,
                                                                  &msg::k_column,
                                                                  &msg::k_column_unsplit,
                                                                  &msg::k_row_missing,
                                                                  &msg::k_block_row_missing,
                                                                  &msg::k_typo,
                                                                  &msg::k_group_row,
                                                                  &msg::k_note,
                                                                  &msg::k_layout,
                                                                  &msg::k_subtotal,
                                                                  &msg::k_no_title,
                                                                  &msg::k_title_no_year,
                                                                  &msg::k_title_no_agency,
                                                                  &msg::k_table_missing};
  return k_all;
}

} // namespace xxgk::extract
