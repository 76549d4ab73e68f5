#include <xxgk/report/fields.hpp>
#include <xxgk/report/headers.hpp>

#include <doctest/doctest.h>

#include <set>

using namespace xxgk;

TEST_CASE("Chinese headers name each cell once and lead back to its model path") {
  const auto zh = report::report_columns(report::Headers::Zh);
  const auto keys = report::report_columns(report::Headers::Keys);
  REQUIRE(zh.size() == keys.size());
  CHECK(std::set<std::string>(zh.begin(), zh.end()).size() == zh.size());
  for (std::size_t i = 0; i < zh.size(); ++i) {
    CAPTURE(zh[i]);
    CHECK(report::header_key(zh[i]) == keys[i]);
    CHECK(report::header_key(keys[i]) == keys[i]);
  }
  CHECK(zh[0] == "文件");
  CHECK(report::zh_header("requests.granted.natural_person") == "三.（一）予以公开.自然人");
  CHECK(report::zh_header("review_litigation.review.total").starts_with("四."));
  CHECK_FALSE(report::header_key("不存在的列").has_value());
}
