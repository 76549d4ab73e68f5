#include <xxgk/util/interned.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

using namespace xxgk::util;

TEST_CASE("Interned: equal texts are one pointer, different texts are not") {
  const std::string built = std::string("三、收到和处理") + "政府信息公开申请情况";
  const Interned a = built;
  const Interned b = std::string_view("三、收到和处理政府信息公开申请情况");
  const Interned c = "四、政府信息公开行政复议、行政诉讼情况";
  CHECK(a.data() == b.data());
  CHECK(a == b);
  CHECK_FALSE(a == c);
  CHECK(a.str() == built);
  CHECK(a.size() == built.size());
  // A text that differs only past the first bytes is still a different text.
  const Interned d = "三、收到和处理政府信息公开申请情况 ";
  CHECK_FALSE(a == d);
  CHECK(d.size() == a.size() + 1);
}

TEST_CASE("Interned: the default is the empty text, and so is an empty string") {
  const Interned none;
  const Interned empty = "";
  CHECK(none.empty());
  CHECK(none.size() == 0);
  CHECK(none == empty);
  CHECK(none == "");
  CHECK(std::string_view(none.c_str()).empty());
  const Interned x = "x";
  CHECK_FALSE(x.empty());
  CHECK_FALSE(x == none);
}

TEST_CASE("Interned: compares with, converts to and joins plain strings") {
  Interned part = "word/document.xml";
  CHECK(part == "word/document.xml");
  CHECK(part == std::string("word/document.xml"));
  CHECK(part == std::string_view("word/document.xml"));
  CHECK_FALSE(part == "word/footnotes.xml");
  const std::string& as_string = part;
  const std::string_view as_view = part;
  CHECK(as_string == "word/document.xml");
  CHECK(as_view == "word/document.xml");
  CHECK(part + "#p1" == "word/document.xml#p1");
  CHECK(std::string("in ") + part == "in word/document.xml");
  CHECK("in " + part == "in word/document.xml");
  std::ostringstream os;
  os << part;
  CHECK(os.str() == "word/document.xml");
  part = std::string("word/footnotes.xml");
  CHECK(part == "word/footnotes.xml");
  part = std::string_view();
  CHECK(part.empty());
}

TEST_CASE("Interned: the per-thread cache never answers with a colliding text") {
  // Far more distinct texts than the cache has slots: many share a slot, and each must still
  // come back as itself (and as the same pointer the second time round).
  std::vector<Interned> first;
  for (int i = 0; i < 2000; ++i) {
    first.emplace_back("label " + std::to_string(i));
  }
  for (int i = 0; i < 2000; ++i) {
    const Interned again = "label " + std::to_string(i);
    CHECK(again.str() == "label " + std::to_string(i));
    CHECK(again.data() == first[static_cast<std::size_t>(i)].data());
  }
}

TEST_CASE("Interned: threads interning the same texts get the same pointers") {
  constexpr int k_threads = 4;
  constexpr int k_texts = 500;
  std::vector<std::vector<const char*>> seen(k_threads);
  std::vector<std::thread> threads;
  for (int t = 0; t < k_threads; ++t) {
    threads.emplace_back([t, &seen] {
      for (int i = 0; i < k_texts; ++i) {
        const Interned s = "shared text " + std::to_string(i);
        seen[static_cast<std::size_t>(t)].push_back(s.data());
      }
    });
  }
  for (auto& th : threads) {
    th.join();
  }
  for (int t = 1; t < k_threads; ++t) {
    CHECK(seen[static_cast<std::size_t>(t)] == seen[0]);
  }
  CHECK(std::string_view(seen[0][7]) == "shared text 7");
}
