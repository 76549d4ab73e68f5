// Document → typed report: the built-in EXTRACT-* rules, choosing the template a document was
// written in, and the entry point that runs the Extractor (detail.hpp) over a document.

#include "detail.hpp"

#include <xxgk/extract/extract.hpp>
#include <xxgk/util/text_facts.hpp>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <string>
#include <vector>

namespace xxgk::extract {

using detail::k_max_label_bytes;
using diag::Severity;

const std::vector<BuiltinRule>& builtin_rules() {
  static const std::vector<BuiltinRule> k_rules = {
      {.id = "EXTRACT-TABLE",
       .severity = Severity::Error,
       .title = "找不到表格",
       .title_en = "Table not found",
       .description = "报告中找不到表二、表三或表四（按表中的标签识别）。",
       .fix = "确认表格是真正的表格（或每格一行的文本），并写出模板的行标签和栏目标签，如“一、本年"
              "新收政府信息公开申请数量”“第二十条第（一）项”“行政复议”。"},
      {.id = "EXTRACT-ROW",
       .severity = Severity::Error,
       .title = "找不到行",
       .title_en = "Row not found",
       .description = "表格中缺少模板规定的行（按行标签识别），该行的数字无法核对。",
       .fix = "按模板补上该行（标签和数字）；若标签写法不同，改用模板的标签文字。"},
      {.id = "EXTRACT-COLUMN",
       .severity = Severity::Error,
       .title = "行的数值个数不对",
       .title_en = "Wrong number of values in a row",
       .description =
           "某行的数值单元格少于或多于表头的栏目数，无法确定每个数字属于哪一栏。若该行的数字在原文"
           "中连成一串（网页抓取的文本）且有不止一种拆法，则为警告：原文未必有错，只是无法读取。",
       .fix = "让该行的数值单元格与表头栏目一一对应：空白格写0，不要合并或省略单元格。"},
      {.id = "EXTRACT-LAYOUT",
       .severity = Severity::Error,
       .title = "表格结构无法识别",
       .title_en = "Table layout not recognised",
       .description =
           "表四应有15个数值（行政复议、未经复议直接起诉、复议后起诉各5个），实际数目不符。",
       .fix = "表四写出全部15个数值（含总计），每个数字一个单元格，空白格写0。"},
      {.id = "EXTRACT-FUZZY",
       .severity = Severity::Info,
       .title = "标签近似匹配",
       .title_en = "Approximate label match",
       .description = "某个标签与模板不完全一致（错字、漏字），已按最接近的模板标签识别。",
       .fix = "把标签改为模板的写法。"},
      {.id = "EXTRACT-UNKNOWN",
       .severity = Severity::Warning,
       .title = "无法归属的内容",
       .title_en = "Content that belongs nowhere",
       .description =
           "表格中出现模板之外的行或数字，未计入任何单元格；每张表报告一次，列出未计入的行和数字。",
       .fix = "删去模板之外的行和数字，或把它们写到模板对应的行和栏中；行标签要用模板的写法。"},
      {.id = "EXTRACT-TYPO",
       .severity = Severity::Warning,
       .title = "行标签有错字",
       .title_en = "Typo in a row label",
       .description = "某行的标签与模板的任何行都不一致，但与本表同一部分中唯一一个尚未找到的行相近"
                      "（编号和位置一致），已按该行读取。",
       .fix = "把行标签改为模板的写法（消息中给出了按哪一行读取）。"},
      {.id = "EXTRACT-GROUP-ROW",
       .severity = Severity::Warning,
       .title = "分组只有合计行",
       .title_en = "A group written as one total row",
       .description = "模板中分列子行的一组（如2021年格式的（六）其他处理）在报告中只有一行合计数字"
                      "（2019年格式）；按该组合计读取，子行留空。",
       .fix = "按2021年模板把该组分列为各子行（如（六）其他处理的1、2、3三行）填写。"},
      {.id = "EXTRACT-NOTE",
       .severity = Severity::Warning,
       .title = "单元格中数字后附有说明",
       .title_en = "A note after the number in a cell",
       .description = "数值单元格在数字后用括号附了说明（如“22（其中修订16件）”）；按括号前的数字读"
                      "取，说明不计入。",
       .fix = "把说明移到表格下方或正文中，单元格只写数字。"},
      {.id = "EXTRACT-DUPLICATE",
       .severity = Severity::Warning,
       .title = "重复的行",
       .title_en = "Duplicate row",
       .description = "同一行标签出现了不止一次；只采用第一次出现的数字。",
       .fix = "删去重复的行，或把标签改为它实际对应的模板行。"},
      {.id = "EXTRACT-TITLE",
       .severity = Severity::Warning,
       .title = "标题中没有年份或机关名称",
       .title_en = "No year or agency in the title",
       .description = "从报告标题中读不出报告年度或机关名称。",
       .fix = "标题写成“<机关名称><年份>年政府信息公开工作年度报告”。"},
      {.id = "EXTRACT-SUBTOTAL",
       .severity = Severity::Error,
       .title = "小计不符",
       .title_en = "Subtotal does not add up",
       .description =
           "报告自行添加的小计行或小计列与其各组成部分之和不符（小计不计入模板的合计）。",
       .fix = "核对自加的小计；最好删去模板之外的小计行和小计列。"},
  };
  return k_rules;
}

namespace detail {

namespace {

/// The label key detection looks for markers in: a cell's own key (label_key, memoized) for a
/// label; for a value cell, the key of its text (the digits themselves for plain digits).
std::string_view detection_key(const CellFacts& f, std::string& scratch) {
  const std::string& text = f.cell.cell->text;
  if (f.cell.value.kind == util::ValueKind::Text) {
    return f.keys.key;
  }
  if (text.empty() || util::is_plain_digits(text)) {
    return text;
  }
  scratch = util::text_facts(text).keys.key;
  return scratch;
}

/// Which of `keys` (at most 64) `text` contains, one bit each; empty keys are left out.
std::uint64_t markers_in(std::string_view text, const std::vector<std::string>& keys) {
  std::uint64_t bits = 0;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (!keys[i].empty() && keys[i].size() <= text.size() &&
        text.find(keys[i]) != std::string_view::npos) {
      bits |= std::uint64_t{1} << i;
    }
  }
  return bits;
}

} // namespace

const schema::Template& detect(const DocFacts& facts,
                               const std::vector<const schema::Template*>& candidates) {
  // A marker is found when it is part of one cell's label key (cells longer than a label left
  // out); a marker whose key is empty is always found.
  struct Candidate {
    const Extractor::TemplateIndex* index;
    std::uint64_t found = 0;                  ///< markers_in, over every cell
    int empty = 0;                            ///< markers with an empty key
    std::size_t shortest = std::string::npos; ///< the shortest non-empty marker key (bytes)
  };
  std::vector<Candidate> cands;
  cands.reserve(candidates.size());
  bool few = true; // at most 64 markers each: one bit per marker
  for (const auto* t : candidates) {
    const auto& index = Extractor::index_of(*t);
    const auto empty = std::count_if(index.marker_keys.begin(), index.marker_keys.end(),
                                     [](const std::string& k) { return k.empty(); });
    std::size_t shortest = std::string::npos;
    for (const auto& k : index.marker_keys) {
      if (!k.empty()) {
        shortest = std::min(shortest, k.size());
      }
    }
    cands.push_back({&index, 0, static_cast<int>(empty), shortest});
    few = few && index.marker_keys.size() <= 64;
  }
  std::vector<int> hits(candidates.size(), 0);
  if (few) {
    thread_local SerialMemo<std::uint64_t, 4096> memo; // markers_in of label texts
    std::string scratch;
    for (const auto& f : facts.facts) {
      if (f.cell.cell->text.size() > k_max_label_bytes) {
        continue;
      }
      const std::string_view key = detection_key(f, scratch);
      if (key.empty()) {
        continue; // holds no marker (an empty marker is counted apart)
      }
      const bool memoized = f.serial != 0 && f.cell.value.kind == util::ValueKind::Text;
      for (auto& c : cands) {
        if (key.size() < c.shortest) {
          continue; // a value's digits, mostly: too short to hold a marker
        }
        const auto search = [&] { return markers_in(key, c.index->marker_keys); };
        c.found |= memoized ? memo.get(c.index->id, f.serial, 0, search) : search();
      }
    }
    for (std::size_t k = 0; k < cands.size(); ++k) {
      hits[k] = std::popcount(cands[k].found) + cands[k].empty;
    }
  } else {
    // Every cell's key, each followed by '|' (no key contains it), searched for each marker.
    std::string all;
    std::string scratch;
    for (const auto& f : facts.facts) {
      if (f.cell.cell->text.size() <= k_max_label_bytes) {
        all += detection_key(f, scratch);
      }
      all += '|';
    }
    for (std::size_t k = 0; k < cands.size(); ++k) {
      for (const auto& key : cands[k].index->marker_keys) {
        hits[k] += all.find(key) != std::string::npos ? 1 : 0;
      }
    }
  }
  const TitleInfo& title = facts.title;
  const schema::Template* best = candidates.front();
  int best_hits = -1;
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    const schema::Template* t = candidates[k];
    const bool newer_fits = title.year && *title.year >= 2021 && t->id >= "2021";
    if (hits[k] > best_hits || (hits[k] == best_hits && newer_fits)) {
      best_hits = hits[k];
      best = t;
    }
  }
  return *best;
}

} // namespace detail

const schema::Template& detect_template(const document::Document& doc,
                                        const std::vector<const schema::Template*>& candidates) {
  const detail::DocFacts facts(doc);
  return detail::detect(facts, candidates);
}

Extraction extract(const document::Document& doc, const schema::Template& tmpl) {
  Extraction out;
  extract(doc, tmpl, out.report, out.diagnostics);
  return out;
}

void extract(const document::Document& doc, const schema::Template& tmpl, report::Report& report,
             std::vector<diag::Diagnostic>& diagnostics) {
  detail::DocFacts facts(doc);
  detail::Extractor x(doc, tmpl, facts, report, diagnostics);
  x.run();
}

const schema::Template& detect_and_extract(const document::Document& doc,
                                           const std::vector<const schema::Template*>& candidates,
                                           report::Report& report,
                                           std::vector<diag::Diagnostic>& diagnostics) {
  detail::DocFacts facts(doc);
  const schema::Template& tmpl = detail::detect(facts, candidates);
  detail::Extractor x(doc, tmpl, facts, report, diagnostics);
  x.run();
  return tmpl;
}

} // namespace xxgk::extract
