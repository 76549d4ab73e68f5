#pragma once
// Carrying a report from the 2019 template to the 2021 one (`convert --template 2021`).

#include <xxgk/report/report.hpp>
#include <xxgk/schema/schema.hpp>

#include <string>
#include <vector>

namespace xxgk::report {

/// 2019 → 2021: the cells that map cleanly (format.md §5a) into a new report of the 2021
/// template; `dropped` receives the 2019 cells with a value that have no 2021 slot.
Report convert_2019_to_2021(const Report& report, const schema::Template& from,
                            std::vector<std::string>& dropped);

} // namespace xxgk::report
