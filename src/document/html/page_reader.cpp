// Reading an HTML page into the model: parse, walk, keep the report's part (see html_reader.hpp
// for the rules).

#include "page_reader.hpp"
#include "sniff.hpp"

#include <xxgk/document/html_reader.hpp>

#include <utility>

namespace xxgk::document {

namespace html {

Document Reader::read(const xmlDoc* doc) {
  const xmlNode* root = xmlDocGetRootElement(doc);
  Document out;
  if (root == nullptr) {
    return out;
  }
  walk(root, 0);
  flush(Flush::Soft);
  std::vector<RawBlock> chosen = choose(root);
  int table_index = 0;
  for (auto& raw : chosen) {
    if (auto* t = std::get_if<Table>(&raw.block)) {
      t->where.table = table_index;
      for (auto& row : t->rows) {
        for (auto& cell : row.cells) {
          cell.where.table = table_index;
        }
      }
      ++table_index;
    }
    out.blocks.push_back(std::move(raw.block));
  }
  return out;
}

} // namespace html

using html::decode_page;
using html::Reader;
using html::SourcePositions;

util::Expected<Document> read_html_text(std::string_view html) {
  SourcePositions positions;
  positions.source = html;
  auto doc = parse(html, positions);
  if (!doc) {
    return doc.error();
  }
  Reader reader(html, positions);
  Document out = reader.read(doc->get());
  out.format = "html";
  out.encoding = "UTF-8";
  out.source_text = std::string(html);
  return out;
}

util::Expected<Document> read_html(std::string_view bytes, std::string_view requested_encoding) {
  auto decoded = decode_page(bytes, requested_encoding);
  if (!decoded) {
    return decoded.error();
  }
  auto doc = read_html_text(decoded->text);
  if (!doc) {
    return doc;
  }
  doc->encoding = decoded->encoding;
  doc->diagnostics.insert(doc->diagnostics.begin(), decoded->diagnostics.begin(),
                          decoded->diagnostics.end());
  return doc;
}

} // namespace xxgk::document
