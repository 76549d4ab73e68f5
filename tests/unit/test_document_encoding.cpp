#include <xxgk/document/encoding.hpp>
#include <xxgk/document/read.hpp>

#include <doctest/doctest.h>

#include <iconv.h>

#include <algorithm>
#include <string>

using namespace xxgk::document;

namespace {

/// UTF-8 → `to`, through iconv, so that tests hold real GBK/UTF-16 bytes.
std::string encode(std::string_view utf8, const char* to) {
  iconv_t cd = iconv_open(to, "UTF-8");
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string out(utf8.size() * 4 + 8, '\0');
  char* in_ptr = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  const std::size_t r = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
  iconv_close(cd);
  REQUIRE(r != static_cast<std::size_t>(-1));
  out.resize(out.size() - out_left);
  return out;
}

const std::string k_report = "东方红乡2023年政府信息公开年报\n\t第二十条第(一）项\n\t规章\n\t0\n";

} // namespace

TEST_CASE("valid UTF-8 without BOM is read as UTF-8 unchanged") {
  const auto d = decode_to_utf8(k_report);
  REQUIRE(d);
  CHECK(d->encoding == "UTF-8");
  CHECK(d->text == k_report);
  CHECK(d->diagnostics.empty());
}

TEST_CASE("a UTF-8 byte order mark is removed") {
  const auto d = decode_to_utf8("\xEF\xBB\xBF" + k_report);
  REQUIRE(d);
  CHECK(d->encoding == "UTF-8");
  CHECK(d->text == k_report);
}

TEST_CASE("GBK bytes that are not valid UTF-8 are decoded as GB18030") {
  const std::string gbk = encode(k_report, "GBK");
  REQUIRE(gbk != k_report);
  const auto d = decode_to_utf8(gbk);
  REQUIRE(d);
  CHECK(d->encoding == "GB18030");
  CHECK(d->text == k_report);
  CHECK(d->diagnostics.empty());
}

TEST_CASE("GB18030 four-byte sequences beyond GBK decode") {
  // U+20000 (𠀀) is 95 32 82 36 in GB18030; GBK has no code for it.
  const auto d = decode_to_utf8(std::string("\xD6\xD0\x95\x32\x82\x36", 6));
  REQUIRE(d);
  CHECK(d->encoding == "GB18030");
  CHECK(d->text == "中\xF0\xA0\x80\x80");
}

TEST_CASE("GB2312 text is read as GB18030, its superset") {
  const auto d = decode_to_utf8(encode("规范性文件 行政许可", "GB2312"));
  REQUIRE(d);
  CHECK(d->encoding == "GB18030");
  CHECK(d->text == "规范性文件 行政许可");
}

TEST_CASE("UTF-16LE with BOM is detected and decoded, surrogate pairs included") {
  const std::string text = k_report + "𠀀\r\n";
  const auto d = decode_to_utf8("\xFF\xFE" + encode(text, "UTF-16LE"));
  REQUIRE(d);
  CHECK(d->encoding == "UTF-16LE");
  CHECK(d->text == text);
}

TEST_CASE("UTF-16BE with BOM is detected and decoded") {
  const auto d = decode_to_utf8("\xFE\xFF" + encode(k_report, "UTF-16BE"));
  REQUIRE(d);
  CHECK(d->encoding == "UTF-16BE");
  CHECK(d->text == k_report);
}

TEST_CASE("bytes that are neither UTF-8 nor GB18030 are an error naming the byte offset") {
  // 0xFF is invalid in both; GBK "规章" occupies bytes 0..3.
  const auto d = decode_to_utf8(encode("规章", "GBK") + "\xFF" + "0");
  REQUIRE_FALSE(d);
  CHECK(d.error().message ==
        "not valid UTF-8 or GB18030 text (invalid byte sequence at byte offset 4)");
}

TEST_CASE("the error offset is where the more plausible decoding stopped") {
  // Valid UTF-8 up to byte 30, then a stray 0x80 (invalid in GB18030 from the start: the UTF-8
  // bytes of "东" decode as GB18030 only by chance, and 0x80 is never valid there).
  std::string bytes = "东方红乡2023年政府信息公"; // 3*6+4+3*5 = ... bytes
  const std::size_t bad = bytes.size();
  bytes += "\x80";
  bytes += "开";
  const auto d = decode_to_utf8(bytes);
  REQUIRE_FALSE(d);
  CHECK(d.error().message.find("byte offset " + std::to_string(bad) + ")") != std::string::npos);
}

TEST_CASE("a requested encoding overrides detection") {
  // "中文" in GBK is D6 D0 CE C4, which is not UTF-8; the same bytes as requested GB18030 decode;
  // valid UTF-8 bytes requested as GBK are read as GBK, not as UTF-8.
  const auto gb = decode_to_utf8("\xD6\xD0\xCE\xC4", "gbk");
  REQUIRE(gb);
  CHECK(gb->text == "中文");
  CHECK(gb->encoding == "GB18030");
  const auto forced = decode_to_utf8("\xE4\xB8\xAD\xE6\x96\x87", "GBK");
  REQUIRE(forced);
  CHECK(forced->encoding == "GB18030");
  CHECK(forced->text != "中文");
}

TEST_CASE("encoding names are case-insensitive and take '-' and '_' optionally") {
  for (const char* name : {"UTF-8", "utf8", "Utf_8", "GB18030", "gb2312", "GBK", "cp936"}) {
    CAPTURE(name);
    CHECK(decode_to_utf8("abc", name));
  }
  const auto le = decode_to_utf8(encode("规章", "UTF-16LE"), "UTF_16le");
  REQUIRE(le);
  CHECK(le->text == "规章");
  CHECK(le->encoding == "UTF-16LE");
  const auto be = decode_to_utf8(encode("规章", "UTF-16BE"), "utf-16be");
  REQUIRE(be);
  CHECK(be->text == "规章");
}

TEST_CASE("utf-16 without byte order takes it from the BOM and defaults to little-endian") {
  const auto be = decode_to_utf8("\xFE\xFF" + encode("规章", "UTF-16BE"), "utf-16");
  REQUIRE(be);
  CHECK(be->encoding == "UTF-16BE");
  CHECK(be->text == "规章");
  const auto le = decode_to_utf8(encode("规章", "UTF-16LE"), "utf-16");
  REQUIRE(le);
  CHECK(le->encoding == "UTF-16LE");
  CHECK(le->text == "规章");
}

TEST_CASE("an unknown encoding name is an error, with a suggestion when one is close") {
  const auto far = decode_to_utf8("abc", "latin-9");
  REQUIRE_FALSE(far);
  CHECK(far.error().message.rfind("unknown encoding 'latin-9'", 0) == 0);
  CHECK(far.error().message.find("gb18030") != std::string::npos);
  const auto close = decode_to_utf8("abc", "gbkk");
  REQUIRE_FALSE(close);
  CHECK(close.error().message ==
        "unknown encoding 'gbkk' (did you mean 'gbk'?; known: utf-8, gb18030, gbk, gb2312, "
        "utf-16, utf-16le, utf-16be)");
}

TEST_CASE("with a requested encoding invalid bytes become U+FFFD and one READ-ENCODING warning") {
  // GBK "一\n二" then 0xFF then "三": the bad byte is at offset 5, line 2, column 2.
  const std::string bytes = encode("一\n二", "GBK") + "\xFF" + encode("三", "GBK") + "\xFF";
  const auto d = decode_to_utf8(bytes, "gbk");
  REQUIRE(d);
  CHECK(d->text == "一\n二\xEF\xBF\xBD三\xEF\xBF\xBD");
  REQUIRE(d->diagnostics.size() == 1);
  const auto& w = d->diagnostics[0];
  CHECK(w.rule == "READ-ENCODING");
  CHECK(w.severity == xxgk::diag::Severity::Warning);
  CHECK(w.text(xxgk::diag::Lang::En) ==
        "invalid GB18030 byte sequence at byte offset 5 replaced by U+FFFD (2 invalid sequences "
        "in all)");
  CHECK(w.message == "字节偏移 5 处有不符合 GB18030 编码的字节，已替换为 U+FFFD（共 2 处）");
  CHECK(w.location.line == 2);
  CHECK(w.location.column == 2);
}

TEST_CASE("requested UTF-8 replaces invalid bytes instead of failing") {
  const auto d = decode_to_utf8("ab\xD6\xD0"
                                "c",
                                "utf-8");
  REQUIRE(d);
  CHECK(d->text == "ab\xEF\xBF\xBD\xEF\xBF\xBD"
                   "c");
  REQUIRE(d->diagnostics.size() == 1);
  CHECK(d->diagnostics[0].text(xxgk::diag::Lang::En).find("byte offset 2 ") != std::string::npos);
  CHECK(d->diagnostics[0].location.column == 3);
}

TEST_CASE("a BOM declares the encoding: invalid bytes after it are replaced and counted from "
          "the file start") {
  const auto d = decode_to_utf8("\xEF\xBB\xBF"
                                "ab\xFF");
  REQUIRE(d);
  CHECK(d->encoding == "UTF-8");
  CHECK(d->text == "ab\xEF\xBF\xBD");
  REQUIRE(d->diagnostics.size() == 1);
  CHECK(d->diagnostics[0].text(xxgk::diag::Lang::En).find("byte offset 5 ") != std::string::npos);
}

TEST_CASE("a UTF-16 text cut in the middle of a code unit ends in U+FFFD with a warning") {
  std::string bytes = "\xFF\xFE" + encode("规章", "UTF-16LE");
  bytes.push_back('\x30');
  const auto d = decode_to_utf8(bytes);
  REQUIRE(d);
  CHECK(d->text == "规章\xEF\xBF\xBD");
  REQUIRE(d->diagnostics.size() == 1);
  CHECK(d->diagnostics[0]
            .text(xxgk::diag::Lang::En)
            .find("UTF-16LE byte sequence at byte offset 6 ") != std::string::npos);
}

TEST_CASE("a lone UTF-16 surrogate is replaced, and decoding goes on after it") {
  // D800 alone, then "a".
  const auto d = decode_to_utf8(std::string("\xFF\xFE\x00\xD8\x61\x00", 6));
  REQUIRE(d);
  CHECK(d->text.find("a") != std::string::npos);
  CHECK(d->text.find("\xEF\xBF\xBD") != std::string::npos);
  REQUIRE(d->diagnostics.size() == 1);
  CHECK(d->diagnostics[0].text(xxgk::diag::Lang::En).find("byte offset 2 ") != std::string::npos);
}

TEST_CASE("UTF-16 input is recognized before the binary-data check") {
  CHECK(is_utf16_input("\xFF\xFE"
                       "a\0",
                       ""));
  CHECK(is_utf16_input("a\0", "utf-16le"));
  CHECK_FALSE(is_utf16_input("\xEF\xBB\xBF"
                             "a",
                             ""));
  CHECK_FALSE(is_utf16_input("a\0", ""));
}

TEST_CASE("read decodes every encoding and records the one it used") {
  const std::string text = "一、总体情况\n\t规章\n\t0\n";
  struct Case {
    std::string bytes;
    std::string encoding;
  };
  const Case cases[] = {
      {text, "UTF-8"},
      {encode(text, "GB18030"), "GB18030"},
      {"\xFF\xFE" + encode(text, "UTF-16LE"), "UTF-16LE"},
      {"\xFE\xFF" + encode(text, "UTF-16BE"), "UTF-16BE"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.encoding);
    const auto d = read(c.bytes);
    REQUIRE(d);
    CHECK(d->encoding == c.encoding);
    CHECK(d->format == "text-tika");
    CHECK(d->source_text == text);
    CHECK(d->diagnostics.empty());
  }
}

TEST_CASE("read passes the encoding warning on and fails on an unknown encoding") {
  ReadOptions options;
  options.encoding = "gbk";
  const auto d = read(std::string("\xB9\xE6\xD5\xC2\xFF\n", 6), options);
  REQUIRE(d);
  REQUIRE(d->diagnostics.size() == 1);
  CHECK(d->diagnostics[0].rule == "READ-ENCODING");
  options.encoding = "big5x";
  const auto bad = read("abc", options);
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message.rfind("unknown encoding 'big5x'", 0) == 0);
}

TEST_CASE("the listed encoding names are the documented ones") {
  const auto& names = encoding_names();
  for (const char* n : {"utf-8", "gb18030", "gbk", "gb2312", "utf-16", "utf-16le", "utf-16be"}) {
    CAPTURE(n);
    CHECK(std::find(names.begin(), names.end(), n) != names.end());
  }
}

TEST_CASE("decode_utf16: pairs decode, unpaired surrogates become U+FFFD, an odd last byte goes") {
  using namespace std::string_literals;
  CHECK(decode_utf16("A\0\x3D\xD8\x00\xDE"s, false).value() == "A\xF0\x9F\x98\x80"); // U+1F600
  CHECK(decode_utf16("\0A\xD8\x3D\xDE\x00"s, true).value() == "A\xF0\x9F\x98\x80");
  CHECK(decode_utf16("\x00\xD8\x42\x00"s, false).value() == "\xEF\xBF\xBD"
                                                            "B"); // high, no low
  CHECK(decode_utf16("\x00\xDC\x42\x00"s, false).value() == "\xEF\xBF\xBD"
                                                            "B");        // a lone low
  CHECK(decode_utf16("A\0\x00\xD8"s, false).value() == "A\xEF\xBF\xBD"); // high at the end
  CHECK(decode_utf16("A\0B"s, false).value() == "A");
  CHECK(decode_utf16("\xFF\xFE"s, false).value() == "\xEF\xBB\xBF"); // a BOM here is U+FEFF text
  CHECK(decode_utf16("", true).value().empty());
}
