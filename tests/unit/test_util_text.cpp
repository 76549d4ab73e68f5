#include <xxgk/util/text.hpp>

#include <doctest/doctest.h>
#include <utf8proc.h>

#include <cstdint>
#include <cstdlib>
#include <ios>
#include <string>
#include <string_view>
#include <vector>

using namespace xxgk::util;

TEST_CASE("label_key folds width, brackets, quotes and white space") {
  CHECK(label_key("第二十条第(一）项") == label_key("第二十条第（一）项"));
  CHECK(label_key("第二十条第（一）项") == "第二十条第一项");
  CHECK(label_key("3.危及\"三安全一稳定\"") == label_key("3.危及“三安全一稳定”"));
  CHECK(label_key("社会\n公益\n组织") == "社会公益组织");
  CHECK(label_key("  本年增/减 ") == "本年增减");
  CHECK(label_key("１、属于国家秘密") == label_key("1.属于国家秘密"));
  CHECK(label_key("1．属于国家秘密") == "1属于国家秘密");
  CHECK(label_key("\u3000规章\u00a0") == "规章");
}

TEST_CASE("label_core_key drops explanatory parentheses but keeps item numbers") {
  CHECK(label_core_key("本年收费金额（单位：万元）") == "本年收费金额");
  CHECK(label_core_key("上一年项目数量(指2019年事项数)") == "上一年项目数量");
  CHECK(label_core_key("（一）予以公开") == "一予以公开");
  CHECK(label_core_key("第二十条第（五）项") == "第二十条第五项");
  CHECK(label_core_key("（二）部分公开（区分处理的，只计这一情形，不计其他情形）") == "二部分公开");
}

TEST_CASE("trim removes ideographic and no-break spaces") {
  CHECK(trim("\u3000 12\u00a0\t") == "12");
  CHECK(trim("") == "");
  CHECK(trim(" \u3000 ") == "");
}

TEST_CASE("edit_distance counts code points, not bytes") {
  CHECK(edit_distance("现行有效件数", "现行有效件") == 1);
  CHECK(edit_distance("工作告年度报", "工作年度报告") == 2);
  CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("is_valid_utf8 reports the offset of the first bad byte") {
  std::size_t at = 0;
  CHECK(is_valid_utf8("规章"));
  CHECK_FALSE(is_valid_utf8(std::string("ab\xff", 3), &at));
  CHECK(at == 2);
  CHECK_FALSE(is_valid_utf8(std::string("\xe8\xa7", 2), &at)); // truncated sequence
  CHECK(at == 0);
  CHECK(is_valid_utf8("\xEF\xBF\xBD")); // a literal U+FFFD is valid
}

TEST_CASE("split_lines handles LF, CRLF and a missing final newline") {
  const auto lines = split_lines("a\r\nb\n\nc");
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "a");
  CHECK(lines[1] == "b");
  CHECK(lines[2] == "");
  CHECK(lines[3] == "c");
  // The same without CR (the LF-only path), and the ends.
  const auto lf = split_lines("a\nb\n\nc");
  REQUIRE(lf.size() == 4);
  CHECK(lf[0] == "a");
  CHECK(lf[1] == "b");
  CHECK(lf[2] == "");
  CHECK(lf[3] == "c");
  CHECK(split_lines("a\n").size() == 1);
  CHECK(split_lines("\n").size() == 1);
  CHECK(split_lines("").empty());
  const auto mac = split_lines("a\rb\r\n");
  REQUIRE(mac.size() == 2);
  CHECK(mac[0] == "a");
  CHECK(mac[1] == "b");
}

namespace {

std::string utf8proc_nfkc(const std::string& s) {
  utf8proc_uint8_t* out = nullptr;
  const auto n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
      &out, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT));
  std::string result =
      n < 0 ? s : std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
  std::free(out);
  return result;
}

/// Calls `each(cp, utf8)` for every code point of the BMP but the surrogates.
template <class Each> void for_each_bmp(Each each) {
  for (char32_t cp = 1; cp < 0x10000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      continue;
    }
    std::string c;
    append_utf8(c, cp);
    each(cp, c);
  }
}

} // namespace

TEST_CASE("nfkc agrees with utf8proc for every code point of the BMP, alone and among others") {
  // nfkc maps the usual characters of reports itself (a fast path); everything else goes to
  // utf8proc. Each code point is tried alone and between letters, digits and ideographs, where
  // a wrong composition would show.
  int mismatches = 0;
  for_each_bmp([&](char32_t cp, const std::string& c) {
    for (const std::string& s : {c, "A" + c + "e" + c + "1", "中" + c + "\u3000" + c + "\uFF08"}) {
      if (nfkc(s) != utf8proc_nfkc(s) && ++mismatches <= 10) {
        FAIL_CHECK("nfkc differs from utf8proc for U+" << std::hex << static_cast<unsigned>(cp));
      }
    }
  });
  CHECK(mismatches == 0);
  CHECK(nfkc("（一）予以公开\u3000１２") == "(一)予以公开 12");
  CHECK(nfkc("A\u030A") == "\u00C5"); // a combining mark: utf8proc composes it
}

TEST_CASE("label_keys gives label_key and label_core_key") {
  for (const char* s :
       {"本年收费金额（单位：万元）", "（一）予以公开", "  ", "第二十条第(一）项"}) {
    const LabelKeys k = label_keys(s);
    CHECK(k.key == label_key(s));
    CHECK(k.core == label_core_key(s));
  }
}

TEST_CASE("label_key's one-pass path agrees with NFKC then the key, for every code point") {
  // label_key maps the usual characters in one pass (key_common); label_keys always takes NFKC
  // first, then the key: the two must agree on every code point, alone and among others, and on
  // bytes that are not UTF-8.
  int mismatches = 0;
  for_each_bmp([&](char32_t cp, const std::string& c) {
    for (const std::string& s :
         {c, "A" + c + "e" + c + "1", "中" + c + "\u3000" + c + "\uFF08", "Ｂ" + c + "、"}) {
      if (label_key(s) != label_keys(s).key && ++mismatches <= 10) {
        FAIL_CHECK("label_key differs for U+" << std::hex << static_cast<unsigned>(cp));
      }
    }
  });
  CHECK(mismatches == 0);
  for (const std::string s : {"\xFF中", "中\xE4\xB8", "\xEF\xBF\xBD",
                              "Ａ\x80"
                              "b",
                              "\xC0\xAF"}) {
    CHECK(label_key(s) == label_keys(s).key);
  }
  CHECK(label_key("（一）予以公开\u3000ＡＢ") == "一予以公开ab");
}

namespace {

/// Checks label_key_start and label_key_min_length against the keys they stand in for.
bool key_shortcuts_agree(const std::string& s) {
  const std::string key = label_key(s);
  const std::string core = label_core_key(s);
  const char32_t start = label_key_start(s);
  bool ok = true;
  if (start == 0) {
    ok = key.empty();
  } else if (start != k_key_start_unknown) {
    std::size_t pos = 0;
    ok = !key.empty() && next_codepoint(key, pos) == start;
  }
  const std::size_t bound = label_key_min_length(s);
  const std::size_t early = label_key_min_length(s, 1);
  return ok && bound <= count_codepoints(key) && bound <= count_codepoints(core) &&
         early <= count_codepoints(key) && early <= count_codepoints(core);
}

} // namespace

TEST_CASE("label_key_start and label_key_min_length agree with the keys") {
  CHECK(label_key_start("  （一）予以公开") == U'一');
  CHECK(label_key_start("\u3000，Abc") == U'a');
  CHECK(label_key_start(" 、。") == 0);
  CHECK(label_key_start("A\u030A") == k_key_start_unknown);
  CHECK(label_key_min_length("五、存在问题（这里是很长的说明）") == 5);
  CHECK(label_key_min_length("一、总体情况（说明【注】）本年") == 7);
  CHECK(label_key_min_length("①总体情况") == 0);        // NFKC maps ① to 1: no bound
  CHECK(label_key_min_length("总体情况说明①", 2) == 3); // stops counting past 2
  int mismatches = 0;
  for_each_bmp([&](char32_t cp, const std::string& c) {
    for (const std::string& s : {c, c + "一", "（" + c + "）总体", "A" + c, "、" + c + "e",
                                 "总体（情况" + c + "说明）", "\uFF08" + c + "一二三四）五"}) {
      if (!key_shortcuts_agree(s) && ++mismatches <= 10) {
        FAIL_CHECK("label_key_start or label_key_min_length wrong for U+"
                   << std::hex << static_cast<unsigned>(cp) << " in " << s);
      }
    }
  });
  CHECK(mismatches == 0);
  for (const std::string s : {"", "\xFF一", "一\xE4", "（（一）", "一）（二", "【一、总体】情况"}) {
    CHECK(key_shortcuts_agree(s));
  }
}

namespace {

/// The reference decoder: utf8proc's, with our convention for a bad byte (U+FFFD, one byte).
char32_t reference_codepoint(std::string_view s, std::size_t& pos) {
  utf8proc_int32_t cp = 0;
  const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + pos),
                                  static_cast<utf8proc_ssize_t>(s.size() - pos), &cp);
  if (n <= 0) {
    ++pos;
    return 0xFFFD;
  }
  pos += static_cast<std::size_t>(n);
  return static_cast<char32_t>(cp);
}

/// trim as it was written first: a forward pass over every code point.
std::string reference_trim(std::string_view s) {
  std::size_t begin = s.size();
  for (std::size_t pos = 0; pos < s.size();) {
    const std::size_t start = pos;
    if (!is_space(reference_codepoint(s, pos))) {
      begin = start;
      break;
    }
  }
  std::size_t end = begin;
  for (std::size_t pos = begin; pos < s.size();) {
    if (!is_space(reference_codepoint(s, pos))) {
      end = pos;
    }
  }
  return std::string(s.substr(begin, end - begin));
}

} // namespace

TEST_CASE("next_codepoint and trim agree with the plain forward decoder on arbitrary bytes") {
  // Pieces that make every case: ASCII and Unicode spaces, CJK, truncated, overlong and surrogate
  // sequences, stray continuation bytes, 4-byte characters.
  const std::vector<std::string> pieces = {" ",
                                           "\t",
                                           "a",
                                           "\xE3\x80\x80",
                                           "\xC2\xA0",
                                           "\xE4\xB8\x80",
                                           "\xE3\x80",
                                           "\xE3",
                                           "\x80",
                                           "\xBF\xBF",
                                           "\xC0\xAF",
                                           "\xE0\x80\x80",
                                           "\xED\xA0\x80",
                                           "\xF0\x9F\x98\x80",
                                           "\xF8",
                                           "\xE2\x80\xA8",
                                           "\xE2\x80\x8B",
                                           "\xEF\xBC\x8C"};
  std::uint32_t state = 12345;
  auto next = [&] {
    state = state * 1103515245u + 12345u;
    return (state >> 16) & 0x7FFF;
  };
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const auto n = next() % 7;
    for (unsigned i = 0; i < n; ++i) {
      s += pieces[next() % pieces.size()];
    }
    std::size_t a = 0;
    std::size_t b = 0;
    while (a < s.size()) {
      const char32_t x = next_codepoint(s, a);
      const char32_t y = reference_codepoint(s, b);
      REQUIRE(x == y);
      REQUIRE(a == b);
    }
    CHECK(trim(s) == reference_trim(s));
    CHECK(trim_view(s) == reference_trim(s));
  }
}

TEST_CASE("count_codepoints counts as next_codepoint steps, valid or not") {
  auto stepped = [](std::string_view s) {
    std::size_t n = 0;
    for (std::size_t pos = 0; pos < s.size(); ++n) {
      xxgk::util::next_codepoint(s, pos);
    }
    return n;
  };
  const std::vector<std::string> texts = {
      "",
      "abc",
      "政府信息公开",
      "（一）予以公开，共12件。",
      "\xED\xA0\x80", // a surrogate: three bytes, three replacements
      "\xE0\x80\x80", // overlong
      "\xE5\xB8",     // cut short
      "\xE5\xB8"
      "a", // cut short, then ASCII
      "\xE5"
      "\xB8"
      "\xE6\x94\xBF",             // cut short, then a character
      "\x80\x80政",               // stray continuation bytes
      "\xF0\x9F\x98\x80 😀",       // four bytes
      "\xF4\x90\x80\x80",         // past U+10FFFF
      "\xEF\xBC\x88\xEF\xBD\xA1", // fullwidth forms
      "\xC2\xA0\xC3",             // two bytes, then cut short
  };
  for (const auto& s : texts) {
    CAPTURE(s);
    CHECK(xxgk::util::count_codepoints(s) == stepped(s));
  }
  // Every three-byte sequence led by E0–EF, with continuation bytes or not.
  for (int b0 = 0xE0; b0 <= 0xEF; ++b0) {
    for (int b1 = 0x70; b1 <= 0xC0; b1 += 8) {
      for (int b2 : {0x41, 0x80, 0x9F, 0xBF, 0xC0}) {
        const std::string s{static_cast<char>(b0), static_cast<char>(b1), static_cast<char>(b2)};
        CAPTURE(b0);
        CAPTURE(b1);
        CAPTURE(b2);
        CHECK(xxgk::util::count_codepoints(s) == stepped(s));
      }
    }
  }
}
