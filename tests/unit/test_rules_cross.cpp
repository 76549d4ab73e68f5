#include <xxgk/rules/cross.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

using namespace xxgk;
using rules::cross::Summary;

namespace {

Summary summary(std::size_t index, int year, const std::string& agency, const std::string& source) {
  Summary s;
  s.index = index;
  s.year = year;
  s.agency = agency;
  s.source = source;
  s.template_id = "2021";
  return s;
}

void set(Summary& s, const std::string& path, const std::string& value) {
  s.figures[path].set(value);
}

} // namespace

TEST_CASE("X-CARRY compares 上年结转 with last year's 结转下年度, column by column") {
  Summary a = summary(0, 2021, "红星镇", "a.txt");
  Summary b = summary(1, 2022, "红星镇", "b.txt");
  set(a, "requests.carried_forward.natural_person", "2");
  set(a, "requests.carried_forward.total", "2");
  set(b, "requests.carried_over.natural_person", "3");
  set(b, "requests.carried_over.total", "2");
  const auto findings = rules::cross::check({a, b});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].index == 1);
  CHECK(findings[0].diagnostic.rule == "X-CARRY");
  CHECK(findings[0].diagnostic.message.find("a.txt") != std::string::npos);
  CHECK(findings[0].diagnostic.message.find("自然人") != std::string::npos);
  CHECK(findings[0].diagnostic.cells ==
        std::vector<std::string>{"requests.carried_over.natural_person",
                                 "requests.carried_forward.natural_person"});
}

TEST_CASE("cross-document checks group by normalized agency name and skip missing years") {
  Summary a = summary(0, 2021, "红星镇", "a.txt");
  Summary b = summary(1, 2022, "红 星 镇", "b.txt"); // whitespace in the title: the same agency
  Summary c = summary(2, 2024, "红星镇", "c.txt");   // no 2023 report: nothing to compare
  Summary d = summary(3, 2022, "白云乡", "d.txt");   // another agency
  set(a, "requests.carried_forward.total", "2");
  set(b, "requests.carried_over.total", "5");
  set(c, "requests.carried_over.total", "9");
  set(d, "requests.carried_over.total", "7");
  const auto findings = rules::cross::check({a, b, c, d});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].index == 1);
}

TEST_CASE("X-VALID: 现行有效件数 = last year's + 本年制发 − 本年废止, 2021 template only") {
  Summary a = summary(0, 2021, "红星镇", "a.txt");
  Summary b = summary(1, 2022, "红星镇", "b.txt");
  set(a, "active.normative_documents.in_force", "9");
  set(b, "active.normative_documents.issued", "3");
  set(b, "active.normative_documents.repealed", "1");
  set(b, "active.normative_documents.in_force", "12");
  auto findings = rules::cross::check({a, b});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].diagnostic.rule == "X-VALID");
  CHECK(findings[0].diagnostic.severity == diag::Severity::Warning);
  CHECK(findings[0].diagnostic.message.find("计算 11") != std::string::npos);
  set(b, "active.normative_documents.in_force", "11");
  CHECK(rules::cross::check({a, b}).empty());
  a.template_id = "2019";
  set(b, "active.normative_documents.in_force", "12");
  CHECK(rules::cross::check({a, b}).empty());
}

TEST_CASE("X-DUP: the same agency and year twice with different figures, not identical copies") {
  Summary a = summary(0, 2022, "红星镇", "a.txt");
  Summary b = summary(1, 2022, "红星镇", "b.txt");
  a.fingerprint = b.fingerprint = 0x123;
  CHECK(rules::cross::check({a, b}).empty());
  b.fingerprint = 0x124;
  const auto findings = rules::cross::check({a, b});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].diagnostic.rule == "X-DUP");
  CHECK(findings[0].index == 1);
  CHECK(findings[0].diagnostic.message.find("a.txt") != std::string::npos);
}

TEST_CASE("X-TEXT: more than half of the narrative identical to last year's") {
  Summary a = summary(0, 2021, "红星镇", "a.txt");
  Summary b = summary(1, 2022, "红星镇", "b.txt");
  a.paragraph_hashes = {1, 2, 3};
  a.paragraph_chars = {10, 10, 10};
  a.narrative_chars = 30;
  b.paragraph_hashes = {1, 2, 9};
  b.paragraph_chars = {10, 10, 10};
  b.narrative_chars = 30;
  auto findings = rules::cross::check({a, b});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].diagnostic.rule == "X-TEXT");
  CHECK(findings[0].diagnostic.message.find("66%") != std::string::npos);
  b.paragraph_hashes = {1, 8, 9};
  CHECK(rules::cross::check({a, b}).empty());
}

TEST_CASE("Collector: summaries kept encoded decode to what was added; checks give the same "
          "findings") {
  Summary a = summary(0, 2021, "红星镇", "a.txt");
  Summary b = summary(1, 2022, "红 星 镇", "dir/b.txt");
  Summary c = summary(2, 2022, "白云乡", "c.txt"); // no pair: never decoded by check()
  b.format = "text";
  b.form = "markdown";
  set(a, "requests.carried_forward.total", "2");
  set(a, "active.normative_documents.in_force", "-1.25");
  set(b, "requests.carried_over.total", "5");
  set(b, "requests.carried_over.other", "约3");
  set(b, "active.regulations.issued", "123456789012");
  b.figures["requests.carried_over.total"].line = 7;
  // Lines that follow each other, repeat, go back and jump (each is encoded its own way).
  const int lines[] = {3, 4, 4, 5, 1, 2, 90, 91, 91, 0, 1};
  std::size_t n = 0;
  for (const auto& path : rules::cross::Figures::paths()) {
    a.figures[path].line = lines[n++ % std::size(lines)];
  }
  b.fingerprint = 0xfedcba9876543210ULL;
  b.paragraph_hashes = {1, 0xffffffffU};
  b.paragraph_chars = {10, 300};
  b.narrative_chars = 310;
  diag::SourceLocation w;
  w.line = 7;
  w.column = 5;
  w.table_name = "三";
  w.row_label = "二、上年结转政府信息公开申请数量";
  w.column_label = "总计";
  w.xml_offset = 1LL << 40;
  b.places.emplace_back(static_cast<std::uint8_t>(6), w);
  b.windows = {{7, 1, "  5\t"}, {7, 300, "后"}, {9, 1, ""}};

  rules::cross::Collector kept;
  kept.reserve(3);
  for (const auto* s : {&a, &b, &c}) {
    kept.add(*s);
  }
  CHECK(kept.size() == 3);
  CHECK(kept.bytes() > 0);
  CHECK_FALSE(kept.summary(3));
  const auto d = kept.summary(1);
  REQUIRE(d);
  CHECK(d->source == "dir/b.txt");
  CHECK(d->agency == "红 星 镇");
  CHECK(d->format == "text");
  CHECK(d->form == "markdown");
  CHECK(d->year == 2022);
  CHECK(d->fingerprint == b.fingerprint);
  for (const auto& path : rules::cross::Figures::paths()) {
    CHECK(d->figures.find(path)->value() == b.figures.find(path)->value());
    CHECK(d->figures.find(path)->line == b.figures.find(path)->line);
  }
  CHECK(d->paragraph_hashes == b.paragraph_hashes);
  CHECK(d->paragraph_chars == b.paragraph_chars);
  CHECK(d->narrative_chars == 310);
  REQUIRE(d->places.size() == 1);
  CHECK(d->places[0].first == 6);
  CHECK(d->places[0].second.row_label == w.row_label);
  CHECK(d->places[0].second.xml_offset == w.xml_offset);
  CHECK(d->places[0].second.paragraph == -1);
  CHECK(d->windows == b.windows);
  CHECK(kept.summary(0)->figures.find("active.normative_documents.in_force")->value() == "-1.25");
  for (const auto& path : rules::cross::Figures::paths()) {
    CHECK(kept.summary(0)->figures.find(path)->line == a.figures.find(path)->line);
    CHECK(kept.summary(0)->figures.find(path)->value() == a.figures.find(path)->value());
  }

  const auto direct = rules::cross::check({a, b, c});
  const auto collected = kept.check();
  REQUIRE(collected.size() == direct.size());
  REQUIRE(collected.size() == 1);
  CHECK(collected[0].index == 1);
  CHECK(collected[0].diagnostic.message == direct[0].diagnostic.message);
  // The finding points at the cell's full location the summary kept.
  CHECK(collected[0].diagnostic.location.column == 5);
  CHECK(collected[0].diagnostic.location.column_label == "总计");
}

TEST_CASE("Collector: the findings of one report, and one agency at a time, are check()'s") {
  // Agencies interleaved in batch order, one of them with enough reports to be kept whole, and
  // an X-DUP, X-CARRY and unpaired reports among them.
  rules::cross::Collector kept;
  std::vector<Summary> all;
  for (std::size_t i = 0; i < 150; ++i) {
    // Half of 乡3's reports spell it with a space: the same agency (agency_key).
    const std::string agency = i % 2 == 0    ? "大河镇"
                               : i % 28 == 3 ? "乡 3"
                                             : "乡" + std::to_string(i % 7);
    Summary s = summary(i, 2018 + static_cast<int>(i % 5), agency, std::to_string(i) + ".txt");
    set(s, "requests.carried_forward.total", std::to_string(i % 3));
    set(s, "requests.carried_over.total", std::to_string(i % 4));
    s.fingerprint = i % 3;
    s.paragraph_hashes = {static_cast<std::uint32_t>(i % 2), 7};
    s.paragraph_chars = {30, 20};
    s.narrative_chars = 50;
    all.push_back(s);
  }
  for (const auto& s : all) {
    kept.add(s);
  }
  const auto whole = kept.check();
  REQUIRE(whole.size() > 100);
  for (const char* rule : {"X-DUP", "X-CARRY", "X-TEXT"}) {
    CAPTURE(rule);
    CHECK(std::any_of(whole.begin(), whole.end(),
                      [&](const auto& f) { return f.diagnostic.rule == rule; }));
  }
  std::size_t each_count = 0;
  kept.check_each([&](std::vector<rules::cross::Finding>&& group) { each_count += group.size(); });
  CHECK(each_count == whole.size());
  // Each report in batch order, then again backwards (past the agency asked for last).
  for (const bool backwards : {false, true}) {
    std::vector<rules::cross::Finding> one_by_one;
    for (std::size_t k = 0; k < all.size(); ++k) {
      const std::size_t i = backwards ? all.size() - 1 - k : k;
      for (auto& f : kept.check(i)) {
        CHECK(f.index == i);
        one_by_one.push_back(std::move(f));
      }
    }
    REQUIRE(one_by_one.size() == whole.size());
    std::stable_sort(one_by_one.begin(), one_by_one.end(),
                     [](const auto& a, const auto& b) { return a.index < b.index; });
    for (std::size_t k = 0; k < whole.size(); ++k) {
      CHECK(one_by_one[k].index == whole[k].index);
      CHECK(one_by_one[k].diagnostic.rule == whole[k].diagnostic.rule);
      CHECK(one_by_one[k].diagnostic.message == whole[k].diagnostic.message);
      CHECK(one_by_one[k].diagnostic.cells == whole[k].diagnostic.cells);
    }
  }
  CHECK(kept.check(1000).empty());

  // From several threads at once, on a fresh Collector (its agency index and kept findings built
  // by whichever thread comes first): the same findings.
  rules::cross::Collector fresh;
  for (const auto& s : all) {
    fresh.add(s);
  }
  std::vector<std::vector<std::string>> seen(all.size());
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < 3; ++t) {
    threads.emplace_back([&, t] {
      for (std::size_t i = t; i < all.size(); i += 3) {
        for (const auto& f : fresh.check(i)) {
          seen[i].push_back(f.diagnostic.rule + f.diagnostic.message);
        }
      }
    });
  }
  for (auto& th : threads) {
    th.join();
  }
  std::size_t total = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    std::vector<std::string> expected;
    for (const auto& f : kept.check(i)) {
      expected.push_back(f.diagnostic.rule + f.diagnostic.message);
    }
    CHECK(seen[i] == expected);
    total += seen[i].size();
  }
  CHECK(total == whole.size());
}

namespace {
/// Code points of UTF-8 text (the bytes that do not continue a sequence).
int code_points(const std::string& s) {
  return static_cast<int>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}
} // namespace

TEST_CASE("source_windows keeps what an excerpt shows of each caret's line, no more") {
  using rules::cross::source_windows;
  const int reach = diag::k_excerpt_reach;
  // Short lines are kept whole; lines not asked for are not kept.
  CHECK(source_windows("a\nbb\r\nccc\n", {{2, 1}, {3, 2}}) ==
        std::vector<diag::SourceWindow>{{2, 1, "bb"}, {3, 1, "ccc"}});
  CHECK(source_windows("a\nb", {{5, 1}}).empty());
  // A long line (CJK: three bytes a code point): columns c - reach … c + reach around each caret.
  std::string line;
  for (int i = 0; i < 3000; ++i) {
    line += i % 2 == 0 ? "表" : "x";
  }
  const std::string text = "title\n" + line + "\n";
  const auto one = source_windows(text, {{2, 1000}});
  REQUIRE(one.size() == 1);
  CHECK(one[0].line == 2);
  CHECK(one[0].first_column == 1000 - reach);
  CHECK(code_points(one[0].text) == 2 * reach + 1);
  CHECK(text.find(one[0].text) != std::string::npos);
  // Carets close together share a window; far apart, each has its own.
  const auto close = source_windows(text, {{2, 1000}, {2, 1150}});
  REQUIRE(close.size() == 1);
  CHECK(code_points(close[0].text) == 150 + 2 * reach + 1);
  const auto apart = source_windows(text, {{2, 10}, {2, 2000}, {2, 2990}});
  REQUIRE(apart.size() == 3);
  CHECK(apart[0].first_column == 1);
  CHECK(code_points(apart[0].text) == 10 + reach);
  CHECK(apart[1].first_column == 2000 - reach);
  CHECK(apart[2].first_column == 2990 - reach);
  CHECK(code_points(apart[2].text) == 3000 - (2990 - reach) + 1); // to the line's end
  // A caret past the end of its line: an empty window there.
  const auto past = source_windows("ab\n", {{1, 500}});
  REQUIRE(past.size() == 1);
  CHECK(past[0].text.empty());
}

TEST_CASE("every cross-document rule has metadata") {
  for (const auto& r : rules::cross::rule_metas()) {
    CHECK(r.id.starts_with("X-"));
    CHECK(!r.title.empty());
    CHECK(!r.title_en.empty());
    CHECK(!r.description.empty());
  }
}
