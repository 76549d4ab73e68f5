#pragma once
// A rule declared next to the code that reports it (extraction, readers, cross-document and
// district-total checks); the rule catalogue (rules/catalog.hpp) collects them with the
// templates' rules.

#include <xxgk/diag/diagnostic.hpp>

#include <string_view>

namespace xxgk::diag {

struct RuleEntry {
  std::string_view id = {};
  Severity severity = Severity::Error;
  std::string_view title = {}; ///< Chinese
  std::string_view title_en = {};
  std::string_view description = {};
  std::string_view template_text = {}; ///< the template's wording the rule is about, if any
  std::string_view fix = {};           ///< how to fix the source document (`xxgk explain`)
  std::string_view example = {};       ///< a file that triggers it; "" = samples/invalid/<ID>.txt
};

} // namespace xxgk::diag
