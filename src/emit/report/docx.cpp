// `convert --to docx`: a minimal WordprocessingML package written with pugixml and libzip — the
// title, headings, section text and the template's tables with their merged cells — with fixed
// timestamps so that the same report gives the same bytes.

#include "messages.hpp"

#include <xxgk/emit/convert.hpp>

#include <fmt/format.h>
#include <pugixml.hpp>
#include <zip.h>

#include <cstdio>
#include <memory>
#include <sstream>

namespace xxgk::emit {

namespace {

constexpr std::string_view k_w_ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// A4 portrait with 2 cm margins: the text width in twentieths of a point.
constexpr int k_text_width = 11906 - 2 * 1134;
/// Fixed modification time of the parts (1980-01-01), so that the same report gives the same
/// bytes.
constexpr time_t k_zip_mtime = 315532800;

std::string xml_string(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw, pugi::encoding_utf8);
  return out.str();
}

pugi::xml_node declare(pugi::xml_document& doc) {
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  decl.append_attribute("standalone") = "yes";
  return decl;
}

void set_val(pugi::xml_node parent, const char* name, const std::string& value) {
  parent.append_child(name).append_attribute("w:val") = value.c_str();
}

enum class ParaKind { Title, Heading, Body, Cell, HeaderCell };

void paragraph(pugi::xml_node parent, const std::string& text, ParaKind kind) {
  auto p = parent.append_child("w:p");
  auto ppr = p.append_child("w:pPr");
  if (kind == ParaKind::Title || kind == ParaKind::Heading) {
    set_val(ppr, "w:pStyle", kind == ParaKind::Title ? "Title" : "Heading1");
  }
  if (kind == ParaKind::Title || kind == ParaKind::Cell || kind == ParaKind::HeaderCell) {
    set_val(ppr, "w:jc", "center");
  }
  if (kind == ParaKind::Cell || kind == ParaKind::HeaderCell) {
    auto spacing = ppr.append_child("w:spacing");
    spacing.append_attribute("w:before") = "0";
    spacing.append_attribute("w:after") = "0";
  }
  if (text.empty()) {
    return;
  }
  auto r = p.append_child("w:r");
  if (kind == ParaKind::Cell || kind == ParaKind::HeaderCell) {
    auto rpr = r.append_child("w:rPr");
    if (kind == ParaKind::HeaderCell) {
      rpr.append_child("w:b");
    }
    set_val(rpr, "w:sz", "18");
    set_val(rpr, "w:szCs", "18");
  }
  auto t = r.append_child("w:t");
  t.append_attribute("xml:space") = "preserve";
  t.text().set(text.c_str());
}

/// Widths of the grid columns: label columns wider than value columns.
std::vector<int> grid_widths(const Grid& g) {
  std::vector<int> w(static_cast<std::size_t>(g.columns), 0);
  if (g.columns <= 0) {
    return w;
  }
  int labels = 0;
  int label_width = 0;
  if (g.table == "active") {
    labels = 1;
    label_width = 2600;
  } else if (g.table == "requests") {
    labels = 3;
    label_width = 4200;
  }
  const int values = g.columns - labels;
  for (int i = 0; i < g.columns; ++i) {
    if (i < labels) {
      w[static_cast<std::size_t>(i)] = i + 1 == labels ? label_width - 800 * (labels - 1) : 800;
    } else {
      w[static_cast<std::size_t>(i)] = (k_text_width - label_width) / std::max(values, 1);
    }
  }
  return w;
}

void table(pugi::xml_node body, const Grid& g) {
  auto tbl = body.append_child("w:tbl");
  auto pr = tbl.append_child("w:tblPr");
  auto tw = pr.append_child("w:tblW");
  tw.append_attribute("w:w") = "0";
  tw.append_attribute("w:type") = "auto";
  set_val(pr, "w:jc", "center");
  auto borders = pr.append_child("w:tblBorders");
  for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) {
    auto b = borders.append_child(side);
    b.append_attribute("w:val") = "single";
    b.append_attribute("w:sz") = "4";
    b.append_attribute("w:space") = "0";
    b.append_attribute("w:color") = "000000";
  }
  set_val(pr, "w:tblLayout", "fixed");
  auto cm = pr.append_child("w:tblCellMar");
  for (const char* side : {"w:left", "w:right"}) {
    auto m = cm.append_child(side);
    m.append_attribute("w:w") = "40";
    m.append_attribute("w:type") = "dxa";
  }
  const auto widths = grid_widths(g);
  auto grid = tbl.append_child("w:tblGrid");
  for (const int w : widths) {
    grid.append_child("w:gridCol").append_attribute("w:w") = w;
  }
  for (const auto& row : g.rows) {
    auto tr = tbl.append_child("w:tr");
    std::size_t col = 0;
    for (const auto& cell : row) {
      auto tc = tr.append_child("w:tc");
      auto tcpr = tc.append_child("w:tcPr");
      int width = 0;
      for (int i = 0; i < cell.span && col + static_cast<std::size_t>(i) < widths.size(); ++i) {
        width += widths[col + static_cast<std::size_t>(i)];
      }
      col += static_cast<std::size_t>(cell.span);
      auto tcw = tcpr.append_child("w:tcW");
      tcw.append_attribute("w:w") = width;
      tcw.append_attribute("w:type") = "dxa";
      if (cell.span > 1) {
        tcpr.append_child("w:gridSpan").append_attribute("w:val") = cell.span;
      }
      if (cell.vmerge == VMerge::Restart) {
        set_val(tcpr, "w:vMerge", "restart");
      } else if (cell.vmerge == VMerge::Continue) {
        tcpr.append_child("w:vMerge");
      }
      set_val(tcpr, "w:vAlign", "center");
      const ParaKind kind = cell.header ? ParaKind::HeaderCell : ParaKind::Cell;
      if (cell.vmerge == VMerge::Continue || cell.paras.empty()) {
        paragraph(tc, "", kind);
      } else {
        for (const auto& p : cell.paras) {
          paragraph(tc, p, kind);
        }
      }
    }
  }
}

std::string document_xml(const report::Report& report, const schema::Template& tmpl) {
  pugi::xml_document doc;
  declare(doc);
  auto root = doc.append_child("w:document");
  root.append_attribute("xmlns:w") = std::string(k_w_ns).c_str();
  auto body = root.append_child("w:body");
  paragraph(body, report_title(report), ParaKind::Title);
  const auto grids = template_grids(report, tmpl);
  for (const auto& s : tmpl.sections) {
    const auto it = report.sections.find(s.key);
    const bool found = it != report.sections.end() && it->second.found;
    paragraph(body, found && !it->second.heading.empty() ? it->second.heading : s.label.text,
              ParaKind::Heading);
    if (found) {
      std::istringstream in(it->second.text);
      std::string line;
      while (std::getline(in, line)) {
        if (line.find_first_not_of(" \t") != std::string::npos) {
          paragraph(body, line, ParaKind::Body);
        }
      }
    }
    for (std::size_t i = 0; i < tmpl.tables.size() && i < grids.size(); ++i) {
      if (tmpl.tables[i].section == s.key) {
        table(body, grids[i]);
        paragraph(body, "", ParaKind::Body); // Word wants a paragraph between tables
      }
    }
  }
  auto sect = body.append_child("w:sectPr");
  auto size = sect.append_child("w:pgSz");
  size.append_attribute("w:w") = "11906";
  size.append_attribute("w:h") = "16838";
  auto mar = sect.append_child("w:pgMar");
  for (const char* side : {"w:top", "w:bottom"}) {
    mar.append_attribute(side) = "1440";
  }
  for (const char* side : {"w:left", "w:right"}) {
    mar.append_attribute(side) = "1134";
  }
  for (const char* a : {"w:header", "w:footer"}) {
    mar.append_attribute(a) = "851";
  }
  mar.append_attribute("w:gutter") = "0";
  return xml_string(doc);
}

std::string styles_xml() {
  pugi::xml_document doc;
  declare(doc);
  auto root = doc.append_child("w:styles");
  root.append_attribute("xmlns:w") = std::string(k_w_ns).c_str();
  auto rpr = root.append_child("w:docDefaults").append_child("w:rPrDefault").append_child("w:rPr");
  auto fonts = rpr.append_child("w:rFonts");
  fonts.append_attribute("w:ascii") = "Times New Roman";
  fonts.append_attribute("w:hAnsi") = "Times New Roman";
  fonts.append_attribute("w:eastAsia") = "宋体";
  set_val(rpr, "w:sz", "24");
  set_val(rpr, "w:szCs", "24");
  set_val(rpr, "w:lang", "zh-CN");
  auto style = [&](const char* id, const char* name, const char* size, bool bold) {
    auto s = root.append_child("w:style");
    s.append_attribute("w:type") = "paragraph";
    s.append_attribute("w:styleId") = id;
    set_val(s, "w:name", name);
    if (std::string_view(id) != "Normal") {
      set_val(s, "w:basedOn", "Normal");
      set_val(s, "w:next", "Normal");
      s.append_child("w:qFormat");
      auto ppr = s.append_child("w:pPr");
      ppr.append_child("w:keepNext");
      if (std::string_view(id) == "Heading1") {
        set_val(ppr, "w:outlineLvl", "0");
      }
    } else {
      s.append_attribute("w:default") = "1";
    }
    auto r = s.append_child("w:rPr");
    if (bold) {
      r.append_child("w:b");
    }
    set_val(r, "w:sz", size);
    set_val(r, "w:szCs", size);
  };
  style("Normal", "Normal", "24", false);
  style("Title", "Title", "36", true);
  style("Heading1", "heading 1", "28", true);
  return xml_string(doc);
}

std::string content_types_xml() {
  pugi::xml_document doc;
  declare(doc);
  auto root = doc.append_child("Types");
  root.append_attribute("xmlns") = "http://schemas.openxmlformats.org/package/2006/content-types";
  auto def = [&](const char* ext, const char* type) {
    auto d = root.append_child("Default");
    d.append_attribute("Extension") = ext;
    d.append_attribute("ContentType") = type;
  };
  def("rels", "application/vnd.openxmlformats-package.relationships+xml");
  def("xml", "application/xml");
  auto over = [&](const char* part, const char* type) {
    auto o = root.append_child("Override");
    o.append_attribute("PartName") = part;
    o.append_attribute("ContentType") = type;
  };
  over("/word/document.xml",
       "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
  over("/word/styles.xml",
       "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml");
  return xml_string(doc);
}

std::string rels_xml(const std::vector<std::pair<std::string, std::string>>& rels) {
  pugi::xml_document doc;
  declare(doc);
  auto root = doc.append_child("Relationships");
  root.append_attribute("xmlns") = "http://schemas.openxmlformats.org/package/2006/relationships";
  int id = 1;
  for (const auto& [type, target] : rels) {
    auto r = root.append_child("Relationship");
    r.append_attribute("Id") = ("rId" + std::to_string(id++)).c_str();
    r.append_attribute("Type") = type.c_str();
    r.append_attribute("Target") = target.c_str();
  }
  return xml_string(doc);
}

struct ZipErrorGuard {
  zip_error_t error{};
  ZipErrorGuard() { zip_error_init(&error); }
  ~ZipErrorGuard() { zip_error_fini(&error); }
  ZipErrorGuard(const ZipErrorGuard&) = delete;
  ZipErrorGuard& operator=(const ZipErrorGuard&) = delete;
};

struct SourceFree {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};

util::Expected<std::string>
zip_parts(const std::vector<std::pair<std::string, std::string>>& parts) {
  ZipErrorGuard error;
  std::unique_ptr<zip_source_t, SourceFree> source(
      zip_source_buffer_create(nullptr, 0, 0, &error.error));
  if (!source) {
    return util::Error::of(util::ErrorKind::Io, {&msg::k_zip_buffer, {}});
  }
  zip_t* archive = zip_open_from_source(source.get(), ZIP_TRUNCATE, &error.error);
  if (archive == nullptr) {
    return util::Error::of(util::ErrorKind::Io,
                           {&msg::k_zip_create, {zip_error_strerror(&error.error)}});
  }
  zip_source_keep(source.get()); // the archive frees its reference on close; we read after
  for (const auto& [name, data] : parts) {
    zip_source_t* s = zip_source_buffer(archive, data.data(), data.size(), 0);
    if (s == nullptr) {
      zip_discard(archive);
      return util::Error::of(util::ErrorKind::Io, {&msg::k_zip_add, {name}});
    }
    const zip_int64_t index = zip_file_add(archive, name.c_str(), s, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(s);
      zip_discard(archive);
      return util::Error::of(util::ErrorKind::Io, {&msg::k_zip_add, {name}});
    }
    zip_file_set_mtime(archive, static_cast<zip_uint64_t>(index), k_zip_mtime, 0);
  }
  if (zip_close(archive) != 0) {
    const std::string what = zip_strerror(archive);
    zip_discard(archive);
    return util::Error::of(util::ErrorKind::Io, {&msg::k_zip_write, {what}});
  }
  if (zip_source_open(source.get()) != 0) {
    return util::Error::of(util::ErrorKind::Io, {&msg::k_zip_read_back, {}});
  }
  zip_source_seek(source.get(), 0, SEEK_END);
  const zip_int64_t size = zip_source_tell(source.get());
  zip_source_seek(source.get(), 0, SEEK_SET);
  std::string out(static_cast<std::size_t>(std::max<zip_int64_t>(size, 0)), '\0');
  const zip_int64_t got = zip_source_read(source.get(), out.data(), out.size());
  zip_source_close(source.get());
  if (got != size) {
    return util::Error::of(util::ErrorKind::Io, {&msg::k_zip_read_back, {}});
  }
  return out;
}

} // namespace

util::Expected<std::string> docx_report(const report::Report& report,
                                        const schema::Template& tmpl) {
  const std::string office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  // Parts in the order Word writes them: [Content_Types].xml first.
  const std::vector<std::pair<std::string, std::string>> parts = {
      {"[Content_Types].xml", content_types_xml()},
      {"_rels/.rels", rels_xml({{office + "/officeDocument", "word/document.xml"}})},
      {"word/document.xml", document_xml(report, tmpl)},
      {"word/_rels/document.xml.rels", rels_xml({{office + "/styles", "styles.xml"}})},
      {"word/styles.xml", styles_xml()},
  };
  return zip_parts(parts);
}

const std::vector<const diag::MessageTemplate*>& write_error_messages() {
  static const std::vector<const diag::MessageTemplate*> list{
      &msg::k_zip_buffer,     &msg::k_zip_create,         &msg::k_zip_add,
      &msg::k_zip_write,      &msg::k_zip_read_back,      &msg::k_workbook_temp,
      &msg::k_workbook_write, &msg::k_workbook_read_back, &msg::k_no_template};
  return list;
}

} // namespace xxgk::emit
