#pragma once
// The findings the input readers report (READ-*), declared next to the readers for the rule
// catalogue, with the message templates of those findings.

#include <xxgk/diag/message.hpp>
#include <xxgk/diag/rule_entry.hpp>

#include <vector>

namespace xxgk::document {

const std::vector<diag::RuleEntry>& reader_rules();
/// The message templates of the readers' findings and of their fatal errors.
const std::vector<const diag::MessageTemplate*>& messages();

} // namespace xxgk::document
