// The field table: every model path of spec/model.md bound to its member of report::Report.

#include <xxgk/report/fields.hpp>

#include <algorithm>

namespace xxgk::report {

namespace {

// One line per cell; the path strings are the public keys of spec/model.md.
#define XXGK_APPLICANT_ROW(row)                                                                    \
  XXGK_F("requests." #row ".natural_person", requests.row.natural_person)                          \
  XXGK_F("requests." #row ".commercial", requests.row.commercial)                                  \
  XXGK_F("requests." #row ".research", requests.row.research)                                      \
  XXGK_F("requests." #row ".social_welfare", requests.row.social_welfare)                          \
  XXGK_F("requests." #row ".legal_service", requests.row.legal_service)                            \
  XXGK_F("requests." #row ".other", requests.row.other)                                            \
  XXGK_F("requests." #row ".total", requests.row.total)

#define XXGK_CASE_BLOCK(block)                                                                     \
  XXGK_F("review_litigation." #block ".upheld", review_litigation.block.upheld)                    \
  XXGK_F("review_litigation." #block ".corrected", review_litigation.block.corrected)              \
  XXGK_F("review_litigation." #block ".other", review_litigation.block.other)                      \
  XXGK_F("review_litigation." #block ".pending", review_litigation.block.pending)                  \
  XXGK_F("review_litigation." #block ".total", review_litigation.block.total)

#define XXGK_DOCUMENTS_ROW(row)                                                                    \
  XXGK_F("active." #row ".issued", active.row.issued)                                              \
  XXGK_F("active." #row ".repealed", active.row.repealed)                                          \
  XXGK_F("active." #row ".in_force", active.row.in_force)                                          \
  XXGK_F("active." #row ".made", active.row.made)                                                  \
  XXGK_F("active." #row ".published", active.row.published)                                        \
  XXGK_F("active." #row ".total_published", active.row.total_published)

#define XXGK_ITEMS_ROW(row)                                                                        \
  XXGK_F("active." #row ".previous_items", active.row.previous_items)                              \
  XXGK_F("active." #row ".change", active.row.change)                                              \
  XXGK_F("active." #row ".decisions", active.row.decisions)                                        \
  XXGK_F("active." #row ".amount", active.row.amount)

#define XXGK_ALL_FIELDS                                                                            \
  XXGK_DOCUMENTS_ROW(regulations)                                                                  \
  XXGK_DOCUMENTS_ROW(normative_documents)                                                          \
  XXGK_ITEMS_ROW(licensing)                                                                        \
  XXGK_ITEMS_ROW(other_management_services)                                                        \
  XXGK_ITEMS_ROW(punishment)                                                                       \
  XXGK_ITEMS_ROW(coercion)                                                                         \
  XXGK_ITEMS_ROW(fees)                                                                             \
  XXGK_F("active.procurement.items", active.procurement.items)                                     \
  XXGK_F("active.procurement.amount", active.procurement.amount)                                   \
  XXGK_APPLICANT_ROW(new_received)                                                                 \
  XXGK_APPLICANT_ROW(carried_over)                                                                 \
  XXGK_APPLICANT_ROW(granted)                                                                      \
  XXGK_APPLICANT_ROW(partially_granted)                                                            \
  XXGK_APPLICANT_ROW(denied_state_secret)                                                          \
  XXGK_APPLICANT_ROW(denied_prohibited_by_law)                                                     \
  XXGK_APPLICANT_ROW(denied_security_stability)                                                    \
  XXGK_APPLICANT_ROW(denied_third_party)                                                           \
  XXGK_APPLICANT_ROW(denied_internal_affairs)                                                      \
  XXGK_APPLICANT_ROW(denied_process_info)                                                          \
  XXGK_APPLICANT_ROW(denied_enforcement_files)                                                     \
  XXGK_APPLICANT_ROW(denied_inquiry)                                                               \
  XXGK_APPLICANT_ROW(unable_not_held)                                                              \
  XXGK_APPLICANT_ROW(unable_needs_creation)                                                        \
  XXGK_APPLICANT_ROW(unable_unclear)                                                               \
  XXGK_APPLICANT_ROW(rejected_petition)                                                            \
  XXGK_APPLICANT_ROW(rejected_duplicate)                                                           \
  XXGK_APPLICANT_ROW(rejected_publication)                                                         \
  XXGK_APPLICANT_ROW(rejected_excessive)                                                           \
  XXGK_APPLICANT_ROW(rejected_confirmation)                                                        \
  XXGK_APPLICANT_ROW(other_handling)                                                               \
  XXGK_APPLICANT_ROW(other_overdue_correction)                                                     \
  XXGK_APPLICANT_ROW(other_overdue_fee)                                                            \
  XXGK_APPLICANT_ROW(other_reasons)                                                                \
  XXGK_APPLICANT_ROW(total_processed)                                                              \
  XXGK_APPLICANT_ROW(carried_forward)                                                              \
  XXGK_CASE_BLOCK(review)                                                                          \
  XXGK_CASE_BLOCK(litigation_direct)                                                               \
  XXGK_CASE_BLOCK(litigation_after_review)

#define XXGK_F(path, member) Field{path, [](Report& r) -> Cell& { return r.member; }},

const std::vector<Field> k_fields = {XXGK_ALL_FIELDS};

#undef XXGK_F

} // namespace

const std::vector<Field>& fields() {
  return k_fields;
}

CellIndex field_index(std::string_view path) {
  // The table is small (≈ 270 entries); a static sorted index keeps the lookup O(log n).
  static const std::vector<std::pair<std::string_view, CellIndex>> k_index = [] {
    static_assert(k_no_cell > 300, "CellIndex holds every field's index");
    std::vector<std::pair<std::string_view, CellIndex>> idx;
    for (std::size_t i = 0; i < k_fields.size(); ++i) {
      idx.emplace_back(k_fields[i].path, static_cast<CellIndex>(i));
    }
    std::sort(idx.begin(), idx.end());
    return idx;
  }();
  auto it = std::lower_bound(k_index.begin(), k_index.end(),
                             std::pair<std::string_view, CellIndex>{path, 0});
  if (it == k_index.end() || it->first != path) {
    return k_no_cell;
  }
  return it->second;
}

Cell* find_cell(Report& r, std::string_view path) {
  const CellIndex i = field_index(path);
  return i == k_no_cell ? nullptr : &k_fields[i].get(r);
}

const Cell* find_cell(const Report& r, std::string_view path) {
  return find_cell(const_cast<Report&>(r), path);
}

PathKeys path_keys(std::string_view path) {
  const auto a = path.find('.');
  const auto b = path.find('.', a + 1);
  return {std::string(path.substr(0, a)), std::string(path.substr(a + 1, b - a - 1)),
          std::string(path.substr(b + 1))};
}

} // namespace xxgk::report
