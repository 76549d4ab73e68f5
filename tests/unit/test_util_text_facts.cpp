#include <xxgk/util/text_facts.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace xxgk::util;

namespace {

/// text_facts(s) against each fact computed on its own.
void check_facts(const std::string& s) {
  CAPTURE(s);
  const TextFacts& f = text_facts(s);
  const ParsedValue v = parse_value(s);
  CHECK(f.value.kind == v.kind);
  CHECK(f.value.number == v.number);
  CHECK(f.value.had_unit == v.had_unit);
  CHECK(f.value.had_plus == v.had_plus);
  CHECK(f.value.overflow == v.overflow);
  CHECK(f.folded == nfkc(s));
  CHECK(f.keys.key == label_key(s));
  CHECK(f.keys.core == label_core_key(s));
}

} // namespace

TEST_CASE("text_facts gives parse_value, nfkc and the label keys") {
  const std::vector<std::string> texts = {"本年收费金额（单位：万元）",
                                          "（一）予以公开",
                                          "１２",
                                          "12",
                                          "007",
                                          "3件",
                                          "—",
                                          "",
                                          " \u3000 ",
                                          "第二十条第(一）项",
                                          "ＡＢｃ",
                                          "99999999999999999999",
                                          std::string(300, 'x'),
                                          "\xFF\xFE"};
  for (int round = 0; round < 2; ++round) { // the second round is answered from the memo
    for (const auto& s : texts) {
      check_facts(s);
    }
  }
}

TEST_CASE("text_facts stays right when its memo fills and starts over") {
  // More distinct texts than the memo holds, then the first ones again.
  std::vector<std::string> texts;
  for (std::size_t i = 0; i < k_text_facts_memo_entries + 100; ++i) {
    texts.push_back("第" + std::to_string(i) + "项（注）");
  }
  for (const auto& s : texts) {
    CHECK(text_facts(s).keys.core == label_core_key(s));
  }
  for (std::size_t i = 0; i < 50; ++i) {
    check_facts(texts[i]);
  }
  // A text longer than the memo keeps is answered all the same.
  const std::string long_label(k_text_facts_memo_bytes + 1, 'a');
  check_facts(long_label);
  check_facts(long_label);
}

TEST_CASE("text_facts numbers each memoized text once, and never an answer it does not keep") {
  const std::uint64_t a = text_facts("（一）予以公开·serial").serial;
  const std::uint64_t b = text_facts("（二）部分公开·serial").serial;
  CHECK(a != 0);
  CHECK(b != 0);
  CHECK(a != b);
  CHECK(text_facts("（一）予以公开·serial").serial == a); // the same text: the same number
  CHECK(text_facts("12").serial == 0);                    // plain digits: not memoized
  CHECK(text_facts(std::string(k_text_facts_memo_bytes + 1, 'a')).serial == 0); // too long
}
