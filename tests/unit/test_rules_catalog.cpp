#include <xxgk/rules/catalog.hpp>
#include <xxgk/schema/schema.hpp>

#include <doctest/doctest.h>

#include <set>
#include <string>

using namespace xxgk;

namespace {

/// The placeholder numbers a wording uses.
std::set<int> placeholders(std::string_view text) {
  std::set<int> out;
  for (std::size_t i = 0; i + 2 < text.size() + 1; ++i) {
    if (text[i] != '{') {
      continue;
    }
    std::size_t j = i + 1;
    int n = 0;
    while (j < text.size() && text[j] >= '0' && text[j] <= '9') {
      n = n * 10 + (text[j] - '0');
      ++j;
    }
    if (j > i + 1 && j < text.size() && text[j] == '}') {
      out.insert(n);
    }
  }
  return out;
}

bool has_cjk_outside_quotes(std::string_view text) {
  // Chinese inside 「」 or after a placeholder's label is quoted template text; the English frame
  // itself must not be Chinese. Checked roughly: no CJK ideograph before the first 「 or {.
  const auto stop = std::min(text.find("「"), text.find('{'));
  const std::string_view head = text.substr(0, stop == std::string_view::npos ? text.size() : stop);
  for (std::size_t i = 0; i + 2 < head.size(); ++i) {
    const auto c = static_cast<unsigned char>(head[i]);
    if (c >= 0xE4 && c <= 0xE9) {
      return true;
    }
  }
  return false;
}

} // namespace

TEST_CASE("every message ID renders in both languages with sample arguments") {
  const auto all = rules::message_templates();
  REQUIRE(all.size() > 30);
  std::set<std::string_view> ids;
  for (const auto* t : all) {
    CAPTURE(t->id);
    CHECK(ids.insert(t->id).second); // one entry per ID
    CHECK_FALSE(t->zh.empty());
    CHECK_FALSE(t->en.empty());
    const auto zh = placeholders(t->zh);
    const auto en = placeholders(t->en);
    for (const int n : en) {
      CHECK(zh.contains(n)); // English uses no argument the Chinese lacks
    }
    std::vector<diag::Arg> args;
    const int count = zh.empty() ? 0 : *zh.rbegin() + 1;
    for (int i = 0; i < count; ++i) {
      args.push_back(diag::Arg::both("甲" + std::to_string(i), "A" + std::to_string(i)));
    }
    const diag::Message m{t, args};
    const std::string zh_text = m.render(diag::Lang::Zh);
    const std::string en_text = m.render(diag::Lang::En);
    CHECK(placeholders(zh_text).empty());
    CHECK(placeholders(en_text).empty());
    CHECK(zh_text != en_text);
    CHECK_FALSE(has_cjk_outside_quotes(t->en));
    if (t->titled) {
      CHECK(std::string_view(t->zh).starts_with("{0}"));
      CHECK(std::string_view(t->en).starts_with("{0}"));
    }
  }
}

TEST_CASE("the catalogue lists every rule once, with both titles") {
  const auto rules = rules::catalog(schema::bundled_templates());
  std::set<std::string> ids;
  std::set<std::string> kinds;
  for (const auto& r : rules) {
    CAPTURE(r.id);
    CHECK(ids.insert(r.id).second);
    CHECK_FALSE(r.title.empty());
    CHECK_FALSE(r.title_en.empty());
    CHECK_FALSE(r.description.empty());
    kinds.insert(r.kind);
  }
  for (const char* id : {"T3-ROW", "EXTRACT-TABLE", "READ-DIGITRUN", "X-CARRY", "X-AGG"}) {
    CHECK(ids.contains(id));
  }
  CHECK(kinds.contains("extraction"));
  CHECK(kinds.contains("reader"));
  CHECK(kinds.contains("cross-document"));
}

TEST_CASE("autofix kinds follow the rule kind and the identities") {
  const auto& t = *schema::bundled_template("2021");
  const auto* row = t.rule("T3-ROW");
  REQUIRE(row != nullptr);
  CHECK(rules::autofix_kind(*row, t) == "sum");
  const auto* blank = t.rule("T3-BLANK");
  REQUIRE(blank != nullptr);
  CHECK(rules::autofix_kind(*blank, t) == "blank");
}
