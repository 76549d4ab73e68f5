#include "convert_test_helpers.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace xxgk;

TEST_CASE("the .docx writer's output reads back to the same cells for every sample") {
  for (const auto& file : test::sample_files()) {
    CAPTURE(file);
    const auto original = test::extract_bytes(test::repo_file(file));
    const auto docx =
        emit::docx_report(original.report, test::tmpl(original.report.template_id.c_str()));
    REQUIRE(docx.has_value());
    CHECK(docx->starts_with("PK"));
    const auto back = test::extract_bytes(*docx);
    CHECK(back.report.format == "docx");
    CHECK(back.report.template_id == original.report.template_id);
    CHECK(test::cells_json(back.report) == test::cells_json(original.report));
  }
}

TEST_CASE("the .docx writer gives the same bytes for the same report") {
  const auto original = test::extract_bytes(test::repo_file("samples/hongxing-2021.txt"));
  const auto a = emit::docx_report(original.report, test::tmpl("2021"));
  const auto b = emit::docx_report(original.report, test::tmpl("2021"));
  REQUIRE(a.has_value());
  REQUIRE(b.has_value());
  CHECK(*a == *b);
}

TEST_CASE("the template grids merge cells as the national template does") {
  const auto original = test::extract_bytes(test::repo_file("samples/hongxing-2021.txt"));
  const auto grids = emit::template_grids(original.report, test::tmpl("2021"));
  REQUIRE(grids.size() == 3);
  // 表三: 3 label columns + 7 applicant columns; the first header cell spans 3 and restarts a
  // vertical merge; every row covers the whole grid.
  CHECK(grids[1].columns == 10);
  CHECK(grids[1].rows[0][0].span == 3);
  CHECK(grids[1].rows[0][0].vmerge == emit::VMerge::Restart);
  // 表四: 15 value columns, header 行政复议 (5) | 行政诉讼 (10).
  CHECK(grids[2].columns == 15);
  CHECK(grids[2].rows[0][1].span == 10);
  for (const auto& g : grids) {
    for (const auto& row : g.rows) {
      int width = 0;
      for (const auto& c : row) {
        width += c.span;
      }
      CHECK(width == g.columns);
    }
  }
}

// LibreOffice headless must open the generated .docx (and convert it to PDF). scripts/setup.sh
// installs it (libreoffice-writer-nogui); without soffice the test fails with that hint.
TEST_CASE("LibreOffice opens the generated .docx") {
  if (std::system("command -v soffice >/dev/null 2>&1") != 0) {
    FAIL("soffice not found: run scripts/setup.sh (apt-get install libreoffice-writer-nogui)");
  }
  namespace fs = std::filesystem;
  // A directory and a LibreOffice profile of this process's own: a second soffice sharing a
  // profile hands its work to the first and exits 0 without converting (parallel test runs).
  const fs::path dir =
      fs::temp_directory_path() / ("xxgk-docx-soffice-test-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const char* file : {"samples/dongfanghong-2023.txt", "samples/hongxing-2021.txt"}) {
    CAPTURE(file);
    const auto original = test::extract_bytes(test::repo_file(file));
    const auto docx =
        emit::docx_report(original.report, test::tmpl(original.report.template_id.c_str()));
    REQUIRE(docx.has_value());
    const fs::path path = dir / "report.docx";
    {
      std::ofstream out(path, std::ios::binary);
      out << *docx;
    }
    fs::remove(dir / "report.pdf");
    const std::string cmd = "cd '" + dir.string() + "' && HOME='" + dir.string() +
                            "' soffice -env:UserInstallation=file://" + dir.string() +
                            "/profile --headless --convert-to pdf report.docx >/dev/null 2>&1";
    CHECK(std::system(cmd.c_str()) == 0);
    CHECK(fs::exists(dir / "report.pdf"));
    CHECK(fs::file_size(dir / "report.pdf") > 1000);
    // And xxgk reads the same file back.
    const auto bytes = io::read_file(path.string());
    REQUIRE(bytes.has_value());
    const auto back = test::extract_bytes(*bytes);
    CHECK(test::cells_json(back.report) == test::cells_json(original.report));
  }
  fs::remove_all(dir);
}
