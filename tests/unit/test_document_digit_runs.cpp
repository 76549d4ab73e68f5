#include <xxgk/document/digit_runs.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

using namespace xxgk::document;

namespace {

using Cells = std::vector<std::string>;

RunSpec row3() {
  return RunSpec{7, RowIdentity::LastIsSum, {}};
}

} // namespace

TEST_CASE("a 表三 row run with one split satisfying 总计 is split uniquely") {
  const auto s = split_digit_run("640020470", row3());
  REQUIRE(s.unique());
  CHECK(s.candidates[0] == Cells{"64", "0", "0", "2", "0", "4", "70"});
  CHECK(s.recovered[0] == std::vector<bool>(7, true));
}

TEST_CASE("zeros can only be single cells, so an all-zero run is unique") {
  const auto s = split_digit_run("0000000", row3());
  REQUIRE(s.unique());
  CHECK(s.candidates[0] == Cells(7, "0"));
}

TEST_CASE("white space always separates cells, and a separated cell is not marked recovered") {
  const auto s = split_digit_run("1400000 14", row3());
  REQUIRE(s.unique());
  CHECK(s.candidates[0] == Cells{"14", "0", "0", "0", "0", "0", "14"});
  CHECK(s.recovered[0].back() == false);
  CHECK(s.recovered[0].front() == true);
  const auto odd = split_digit_run("10 0 0 0 01", row3());
  REQUIRE(odd.unique());
  CHECK(odd.candidates[0] == Cells{"1", "0", "0", "0", "0", "0", "1"});
  const auto spaced = split_digit_run("8 0 0 0 0 0 8", row3());
  REQUIRE(spaced.unique());
  CHECK(spaced.recovered[0] == std::vector<bool>(7, false));
}

TEST_CASE("a row whose identity admits several splits is ambiguous") {
  // {1,10,0,0,0,0,11} and {11,0,0,0,0,0,11}
  const auto t = split_digit_run("110000011", row3());
  CHECK(t.candidates.size() == 2);
  CHECK_FALSE(t.gave_up);
  CHECK_FALSE(t.unique());
  CHECK(split_digit_run("1210000022", row3()).unique()); // {12,10,0,0,0,0,22} only
}

TEST_CASE("a run that no split makes add up gives no candidate") {
  const auto s = split_digit_run("1000009", row3());
  CHECK(s.candidates.empty());
  CHECK_FALSE(s.gave_up);
  CHECK(split_digit_run("12a4", row3()).candidates.empty());
}

TEST_CASE("表四 splits by blocks of five") {
  const auto s = split_digit_run("10203120001200000", RunSpec{15, RowIdentity::BlocksOf5, {}});
  REQUIRE(s.unique());
  CHECK(s.candidates[0] ==
        Cells{"1", "0", "2", "0", "3", "12", "0", "0", "0", "12", "0", "0", "0", "0", "0"});
}

TEST_CASE("表二 without identity keeps only forced splits; signed cells may start with '-'") {
  CHECK(split_digit_run("000", RunSpec{3, RowIdentity::None, {}}).unique());
  CHECK_FALSE(split_digit_run("25032", RunSpec{3, RowIdentity::None, {}}).unique());
  CHECK_FALSE(split_digit_run("20 155", RunSpec{3, RowIdentity::None, {}}).unique());
  const RunSpec signed3{2, RowIdentity::None, {CellSyntax::Count, CellSyntax::Signed}};
  const auto s = split_digit_run("15-15", signed3);
  REQUIRE(s.unique());
  CHECK(s.candidates[0] == Cells{"15", "-15"});
  CHECK(split_digit_run("15-15", RunSpec{2, RowIdentity::None, {}}).candidates.empty());
}

TEST_CASE("column identities choose between the splits of an ambiguous row") {
  // Rows: 0 一, 1 二, 2 （七）, 3 四.  一 + 二 = （七） + 四.
  std::vector<std::vector<Cells>> rows(4);
  rows[0] = split_digit_run("110000011", row3()).candidates; // two splits
  rows[1] = split_digit_run("0000000", row3()).candidates;
  rows[2] = split_digit_run("11 0 0 0 0 0 11", row3()).candidates;
  rows[3] = split_digit_run("0000000", row3()).candidates;
  REQUIRE(rows[0].size() == 2);
  const auto chosen = choose_by_columns(rows, {ColumnEquation{{0, 1}, {2, 3}}});
  REQUIRE(chosen[0].has_value());
  CHECK(rows[0][*chosen[0]] == Cells{"11", "0", "0", "0", "0", "0", "11"});
}

TEST_CASE("column identities never override a unique split, so a real column error stays") {
  // （七） says 21 in 自然人 while the disposal rows sum to 27: both rows split uniquely; the
  // equation fails and nothing is changed (the rules report T3-DISP).
  std::vector<std::vector<Cells>> rows(3);
  rows[0] = split_digit_run("270000027", row3()).candidates; // disposal row
  rows[1] = split_digit_run("110000011", row3()).candidates; // ambiguous other disposal row
  rows[2] = split_digit_run("210000021", row3()).candidates; // （七）
  REQUIRE(rows[0].size() == 1);
  REQUIRE(rows[2].size() == 1);
  const auto chosen = choose_by_columns(rows, {ColumnEquation{{0, 1}, {2}}});
  CHECK(chosen[0] == std::optional<std::size_t>(0));
  CHECK(chosen[2] == std::optional<std::size_t>(0));
  CHECK_FALSE(chosen[1].has_value()); // no combination closes: left unread, never guessed
}

TEST_CASE("an ambiguous row whose equation has another unreadable row stays unread") {
  std::vector<std::vector<Cells>> rows(2);
  rows[0] = split_digit_run("110000011", row3()).candidates;
  const auto chosen = choose_by_columns(rows, {ColumnEquation{{0}, {1}}});
  CHECK_FALSE(chosen[0].has_value());
  CHECK_FALSE(chosen[1].has_value());
}

TEST_CASE("worst-case runs finish in bounded time") {
  const auto start = std::chrono::steady_clock::now();
  const auto ones = split_digit_run(std::string(60, '1'), RunSpec{15, RowIdentity::None, {}});
  CHECK_FALSE(ones.unique());
  const auto zeros =
      split_digit_run(std::string(150, '0'), RunSpec{15, RowIdentity::BlocksOf5, {}});
  CHECK(zeros.candidates.empty());
  const auto mixed = split_digit_run(std::string(40, '1') + std::string(40, '0'),
                                     RunSpec{7, RowIdentity::LastIsSum, {}});
  CHECK_FALSE(mixed.unique());
  const auto long_run = split_digit_run(std::string(10000, '0'), row3());
  CHECK(long_run.gave_up);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK(elapsed < std::chrono::seconds(2));
}

TEST_CASE("a row whose cells are all separated is read as written, even when it does not add up") {
  // 表四 of a real PDF: 行政复议 10 1 0 0 with 总计 0 — the rules report it, the reader keeps it.
  const auto s =
      split_digit_run("10 1 0 0 0 0 0 0 0 0 5 0 0 0 0", RunSpec{15, RowIdentity::BlocksOf5, {}});
  REQUIRE(s.unique());
  CHECK(s.candidates[0].front() == "10");
  CHECK(s.recovered[0] == std::vector<bool>(15, false));
  CHECK(split_digit_run("27 0 0 0 0 0 21", row3()).unique());
}
