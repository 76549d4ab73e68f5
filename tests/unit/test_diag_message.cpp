#include <xxgk/diag/diagnostic.hpp>
#include <xxgk/diag/message.hpp>

#include <doctest/doctest.h>

using namespace xxgk;

namespace {
constexpr diag::MessageTemplate k_pair{"test.pair", "表{0}的行「{1}」重复",
                                       "row 「{1}」 of table {0} repeats"};
constexpr diag::MessageTemplate k_outer{"test.outer", "{0}；{1}", "{0}; {1}"};
} // namespace

TEST_CASE("a message renders its arguments into the wording of each language") {
  const diag::Message m{&k_pair, {diag::Arg::table("三"), "其他"}};
  CHECK(m.id() == "test.pair");
  CHECK(m.render(diag::Lang::Zh) == "表三的行「其他」重复");
  CHECK(m.render(diag::Lang::En) == "row 「其他」 of table 3 repeats");
}

TEST_CASE("a missing argument leaves its placeholder; other braces are text") {
  constexpr diag::MessageTemplate braces{"test.braces", "{x} {0} {1} {", "{0}"};
  const diag::Message m{&braces, {7}};
  CHECK(m.render(diag::Lang::Zh) == "{x} 7 {1} {");
}

TEST_CASE("cell names and nested messages differ by language") {
  const diag::Arg cell = diag::Arg::cell("表四「行政复议」·总计");
  CHECK(cell.zh == "表四「行政复议」·总计");
  CHECK(cell.en == "table 4「行政复议」·总计");
  const diag::Message inner{&k_pair, {diag::Arg::table("二"), "规章"}};
  const diag::Message outer{&k_outer, {diag::nested(inner), cell}};
  CHECK(outer.render(diag::Lang::Zh) == "表二的行「规章」重复；表四「行政复议」·总计");
  CHECK(outer.render(diag::Lang::En) ==
        "row 「规章」 of table 2 repeats; table 4「行政复议」·总计");
}

TEST_CASE("a diagnostic keeps its message ID and its Chinese rendering") {
  const auto d = diag::make("EXTRACT-DUPLICATE", diag::Severity::Warning,
                            {&k_pair, {diag::Arg::table("三"), "其他"}});
  CHECK(d.msg.id() == "test.pair");
  CHECK(d.message == "表三的行「其他」重复");
  CHECK(d.text(diag::Lang::En) == "row 「其他」 of table 3 repeats");
  diag::Diagnostic legacy;
  legacy.message = "自由文本";
  CHECK(legacy.text(diag::Lang::En) == "自由文本");
}

TEST_CASE("title arguments fall back to the Chinese title") {
  CHECK(diag::title_arg("表三行合计不符", "").en == "table 3行合计不符");
  CHECK(diag::title_arg("表三行合计不符", "Table 3 row total").en == "Table 3 row total");
  diag::Lang lang = diag::Lang::Zh;
  CHECK(diag::parse_lang("en", lang));
  CHECK(lang == diag::Lang::En);
  CHECK_FALSE(diag::parse_lang("fr", lang));
}
