// The Word reader's checks of a part: the CRC of an inflated entry (libdeflate's, against the
// bitwise definition), the UTF-8 test and the depth of the parsed tree, each against the slower
// reference it replaces.

#include "../../src/document/word/main_part.hpp"

#include <xxgk/util/text.hpp>

#include <doctest/doctest.h>
#include <libdeflate.h>
#include <pugixml.hpp>

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

using xxgk::document::word::reaches_depth;
using xxgk::document::word::well_formed_utf8;

TEST_CASE(
    "libdeflate_crc32, the CRC the zip reader checks, agrees with the bitwise CRC-32 at every "
    "length, from any start") {
  // The zip CRC-32 bit by bit (reflected, polynomial 0xEDB88320), continuing from `crc` as
  // zlib's crc32() does.
  const auto reference = [](std::uint32_t crc, std::string_view bytes) {
    crc = ~crc;
    for (const char c : bytes) {
      crc ^= static_cast<unsigned char>(c);
      for (int k = 0; k < 8; ++k) {
        crc = (crc & 1U) != 0 ? 0xEDB88320U ^ (crc >> 1) : crc >> 1;
      }
    }
    return ~crc;
  };
  const auto crc32 = [](std::uint32_t crc, std::string_view bytes) {
    return static_cast<std::uint32_t>(libdeflate_crc32(crc, bytes.data(), bytes.size()));
  };
  std::mt19937 rng(18);
  std::string bytes(1200, '\0');
  for (char& c : bytes) {
    c = static_cast<char>(rng());
  }
  for (std::size_t len = 0; len <= bytes.size(); ++len) {
    for (const std::uint32_t start : {0U, 0xFFFFFFFFU, 0x12345678U}) {
      const std::string_view part(bytes.data() + len % 7, len - len % 7);
      REQUIRE(crc32(start, part) == reference(start, part));
    }
  }
  CHECK(crc32(0, "123456789") == 0xCBF43926U); // the CRC-32 check value
  CHECK(crc32(0, "") == 0U);
  // In pieces as in one go.
  const std::string_view all(bytes);
  CHECK(crc32(crc32(0, all.substr(0, 333)), all.substr(333)) == crc32(0, all));
}

TEST_CASE("well_formed_utf8 decides as util::is_valid_utf8 on valid text and on every kind of bad "
          "byte") {
  // Chinese text in XML, then single-byte changes of it at every position.
  const std::string base =
      "<w:t>二、主动公开政府信息情况 ñ é 𠀀 \xEF\xBF\xBD abc</w:t><w:t xml:space=\"preserve\"> "
      "第二十条第（一）项</w:t>";
  CHECK(well_formed_utf8(base));
  CHECK(xxgk::util::is_valid_utf8(base));
  static constexpr unsigned char k_bytes[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0,
                                              0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC,
                                              0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF};
  for (std::size_t at = 0; at < base.size(); ++at) {
    for (const unsigned char b : k_bytes) {
      std::string s = base;
      s[at] = static_cast<char>(b);
      REQUIRE(well_formed_utf8(s) == xxgk::util::is_valid_utf8(s));
      s.resize(at + 1); // truncated right after the change
      REQUIRE(well_formed_utf8(s) == xxgk::util::is_valid_utf8(s));
    }
  }
  // Overlong forms, surrogates and values past U+10FFFF among long ASCII runs.
  for (const char* bad : {"\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF0\x80\x80\xAF",
                          "\xF4\x90\x80\x80", "\xE4\xB8", "\x80"}) {
    const std::string s = std::string(37, 'a') + bad + std::string(21, 'b');
    CHECK_FALSE(well_formed_utf8(s));
    CHECK_FALSE(xxgk::util::is_valid_utf8(s));
  }
  CHECK(well_formed_utf8(""));
}

namespace {

/// The reference: pugixml's walker over every node.
bool walker_reaches(pugi::xml_document& doc, std::size_t limit) {
  struct Walker : pugi::xml_tree_walker {
    std::size_t limit = 0;
    bool for_each(pugi::xml_node& /*node*/) override {
      return static_cast<std::size_t>(depth()) < limit;
    }
  } walker;
  walker.limit = limit;
  return !doc.traverse(walker);
}

} // namespace

TEST_CASE("reaches_depth agrees with pugixml's tree walker at every limit, in place or not") {
  std::string deep; // 300 levels, text at the bottom, then siblings
  for (int i = 0; i < 300; ++i) {
    deep += "<x>";
  }
  deep += "t";
  for (int i = 0; i < 300; ++i) {
    deep += "</x><y a=\"1\"/>";
  }
  std::mt19937 rng(7);
  std::vector<std::string> docs = {"<a/>",
                                   "<a>text</a>",
                                   "<a><b/><c><d>x</d></c><e/></a>",
                                   "<a><b><c><d><e/></d></c></b><f/></a><!--c-->",
                                   "<a><b>1</b><b>2<c/></b>&amp;</a>",
                                   deep};
  for (int n = 0; n < 40; ++n) { // random nesting with long and short subtrees
    std::string xml = "<r>";
    int open = 1;
    for (int i = 0; i < 400; ++i) {
      const auto r = rng() % 10;
      if (r < 4) {
        xml += "<e>";
        ++open;
      } else if (r < 7 && open > 1) {
        xml += "</e>";
        --open;
      } else if (r < 8) {
        xml += "<s/>";
      } else {
        xml += std::string(rng() % 30, 'w');
      }
    }
    for (; open > 1; --open) {
      xml += "</e>";
    }
    docs.push_back(xml + "</r>");
  }
  for (const std::string& xml : docs) {
    for (const bool in_place : {false, true}) {
      std::string text = xml;
      text.push_back('\0');
      pugi::xml_document doc;
      const pugi::xml_parse_result ok = in_place ? doc.load_buffer_inplace(text.data(), text.size())
                                                 : doc.load_buffer(text.data(), text.size());
      REQUIRE(ok);
      for (std::size_t limit = 0; limit < 320; ++limit) {
        REQUIRE(reaches_depth(doc, text.size(), limit) == walker_reaches(doc, limit));
      }
    }
  }
}
