#include "messages.hpp"

#include <xxgk/report/fields.hpp>
#include <xxgk/schema/embedded.hpp>
#include <xxgk/schema/schema.hpp>
#include <xxgk/util/text.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <set>
#include <stdexcept>
#include <unordered_map>

namespace xxgk::schema {

using nlohmann::json;

std::string_view to_string(ValueType t) {
  switch (t) {
  case ValueType::Count:
    return "count";
  case ValueType::SignedCount:
    return "signed";
  case ValueType::Amount:
    return "amount";
  }
  return "count";
}

namespace {

/// The embedded schema that describes template files (the rule kinds come from it).
constexpr std::string_view k_meta_schema = "template.schema.json";

/// Years a rule may name (max_year, min_year).
constexpr std::int64_t k_min_rule_year = 1900;
constexpr std::int64_t k_max_rule_year = 2200;

/// Schema errors carry the JSON path of the offending entry.
struct SchemaError {
  std::string message;
};

[[noreturn]] void fail(const std::string& where, const std::string& what) {
  throw SchemaError{where + ": " + what};
}

/// A rule of `kind` has each field the kind requires, not empty: "a \"sum\" rule needs
/// \"target\" and \"terms\"".
void check_required(const RuleKind& kind, const json& rule, const std::string& where) {
  bool missing = false;
  for (const auto& f : kind.required) {
    const auto it = rule.find(f);
    missing = missing || it == rule.end() || it->is_null() ||
              ((it->is_string() || it->is_array() || it->is_object()) && it->empty());
  }
  if (missing) {
    const bool vowel = std::string_view("aeiou").find(kind.name.front()) != std::string_view::npos;
    std::vector<std::string> quoted;
    for (const auto& f : kind.required) {
      quoted.push_back(fmt::format("\"{}\"", f));
    }
    fail(where, fmt::format("{} \"{}\" rule needs {}", vowel ? "an" : "a", kind.name,
                            fmt::join(quoted, " and ")));
  }
}

const json& need(const json& obj, const char* key, const std::string& where) {
  if (!obj.is_object() || !obj.contains(key)) {
    fail(where, fmt::format("missing \"{}\"", key));
  }
  return obj.at(key);
}

std::string need_string(const json& obj, const char* key, const std::string& where) {
  const json& v = need(obj, key, where);
  if (!v.is_string()) {
    fail(where + "." + key, "must be a string");
  }
  return v.get<std::string>();
}

std::string opt_string(const json& obj, const char* key, const std::string& where) {
  if (!obj.contains(key)) {
    return {};
  }
  if (!obj.at(key).is_string()) {
    fail(where + "." + key, "must be a string");
  }
  return obj.at(key).get<std::string>();
}

std::vector<std::string> opt_strings(const json& obj, const char* key, const std::string& where) {
  std::vector<std::string> out;
  if (!obj.contains(key)) {
    return out;
  }
  const json& v = obj.at(key);
  if (!v.is_array()) {
    fail(where + "." + key, "must be an array of strings");
  }
  for (const auto& e : v) {
    if (!e.is_string()) {
      fail(where + "." + key, "must be an array of strings");
    }
    out.push_back(e.get<std::string>());
  }
  return out;
}

/// Leading item numbers: 一、 （一） 1. 1、 — dropped for an extra key when enough text remains.
std::string strip_numbering_key(const std::string& key) {
  static const std::vector<std::string> k_prefixes = {"一", "二", "三", "四", "五",
                                                      "六", "七", "八", "九", "十"};
  std::string k = key;
  std::size_t cut = 0;
  while (cut < k.size() && k[cut] >= '0' && k[cut] <= '9') {
    ++cut;
  }
  if (cut == 0) {
    for (const auto& p : k_prefixes) {
      if (k.rfind(p, 0) == 0) {
        cut = p.size();
        break;
      }
    }
  }
  return k.substr(cut);
}

Label parse_label(const json& obj, const std::string& where, const char* key = "label") {
  Label l;
  l.text = need_string(obj, key, where);
  l.aliases = opt_strings(obj, "aliases", where);
  std::set<std::string> keys;
  auto add = [&](const std::string& text) {
    for (const auto& k : {util::label_key(text), util::label_core_key(text)}) {
      if (k.empty()) {
        continue;
      }
      keys.insert(k);
      // Without its item number, if what remains is still distinctive (≥ 4 code points).
      const std::string bare = strip_numbering_key(k);
      if (bare != k && util::count_codepoints(bare) >= 4) {
        keys.insert(bare);
      }
    }
  };
  add(l.text);
  for (const auto& a : l.aliases) {
    add(a);
  }
  l.keys.assign(keys.begin(), keys.end());
  return l;
}

ValueType parse_type(const json& obj, const std::string& where) {
  const std::string t = obj.contains("type") ? need_string(obj, "type", where) : "count";
  if (t == "count") {
    return ValueType::Count;
  }
  if (t == "signed") {
    return ValueType::SignedCount;
  }
  if (t == "amount") {
    return ValueType::Amount;
  }
  fail(where + ".type", fmt::format("unknown value type \"{}\" (count, signed, amount)", t));
}

std::vector<Column> parse_columns(const json& arr, const std::string& where) {
  if (!arr.is_array()) {
    fail(where, "must be an array");
  }
  std::vector<Column> cols;
  for (std::size_t i = 0; i < arr.size(); ++i) {
    const std::string w = fmt::format("{}[{}]", where, i);
    Column c;
    c.key = need_string(arr[i], "key", w);
    c.label = parse_label(arr[i], w);
    c.type = parse_type(arr[i], w);
    cols.push_back(std::move(c));
  }
  return cols;
}

std::vector<Row> parse_rows(const json& arr, const std::string& where) {
  if (!arr.is_array()) {
    fail(where, "must be an array");
  }
  std::vector<Row> rows;
  for (std::size_t i = 0; i < arr.size(); ++i) {
    const std::string w = fmt::format("{}[{}]", where, i);
    Row r;
    r.key = need_string(arr[i], "key", w);
    r.label = parse_label(arr[i], w);
    r.group = opt_string(arr[i], "group", w);
    rows.push_back(std::move(r));
  }
  return rows;
}

std::vector<std::pair<std::string, std::vector<std::string>>>
parse_vars(const json& obj, const char* key, const std::string& where) {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  if (!obj.contains(key)) {
    return out;
  }
  const json& v = obj.at(key);
  if (!v.is_object()) {
    fail(where + "." + key, "must be an object of variable → list");
  }
  for (const auto& [name, list] : v.items()) {
    out.emplace_back(name, opt_strings(v, name.c_str(), where + "." + key));
  }
  return out;
}

std::vector<std::string> compute_cell_paths(const std::vector<Table>& tables) {
  std::vector<std::string> out;
  for (const auto& t : tables) {
    if (t.layout == Layout::Blocks) {
      for (const auto& b : t.blocks) {
        for (const auto& r : b.rows) {
          for (const auto& c : b.columns) {
            out.push_back(t.key + "." + r.key + "." + c.key);
          }
        }
      }
    } else {
      std::vector<std::string> row_keys;
      for (const auto& r : t.rows) {
        row_keys.push_back(r.key);
      }
      for (const auto& g : t.groups) {
        if (!g.derived_row.empty()) {
          // The derived row is listed where its group's first row stands.
          auto it = std::find(row_keys.begin(), row_keys.end(), g.rows.empty() ? "" : g.rows[0]);
          row_keys.insert(it, g.derived_row);
        }
      }
      for (const auto& r : row_keys) {
        for (const auto& c : t.columns) {
          out.push_back(t.key + "." + r + "." + c.key);
        }
      }
    }
  }
  return out;
}

Template parse(const json& root) {
  Template t;
  if (!root.is_object()) {
    fail("$", "a schema is a JSON object");
  }
  t.id = need_string(root, "template", "$");
  t.name = opt_string(root, "name", "$");
  t.source = opt_string(root, "source", "$");
  t.markers = opt_strings(root, "markers", "$");
  t.placeholders = opt_strings(root, "placeholders", "$");
  const json& sections = need(root, "sections", "$");
  for (std::size_t i = 0; i < sections.size(); ++i) {
    const std::string w = fmt::format("$.sections[{}]", i);
    Section s;
    s.key = need_string(sections[i], "key", w);
    s.number = need_string(sections[i], "number", w);
    s.label = parse_label(sections[i], w);
    t.sections.push_back(std::move(s));
  }
  const json& tables = need(root, "tables", "$");
  if (!tables.is_array()) {
    fail("$.tables", "must be an array");
  }
  for (std::size_t i = 0; i < tables.size(); ++i) {
    const std::string w = fmt::format("$.tables[{}]", i);
    const json& tj = tables[i];
    Table tb;
    tb.key = need_string(tj, "key", w);
    tb.name = need_string(tj, "name", w);
    tb.title = opt_string(tj, "title", w);
    tb.section = opt_string(tj, "section", w);
    const std::string layout = need_string(tj, "layout", w);
    if (layout == "blocks") {
      tb.layout = Layout::Blocks;
      const json& blocks = need(tj, "blocks", w);
      for (std::size_t b = 0; b < blocks.size(); ++b) {
        const std::string wb = fmt::format("{}.blocks[{}]", w, b);
        Block blk;
        blk.key = need_string(blocks[b], "key", wb);
        blk.caption = parse_label(need(blocks[b], "caption", wb), wb + ".caption");
        blk.columns = parse_columns(need(blocks[b], "columns", wb), wb + ".columns");
        blk.rows = parse_rows(need(blocks[b], "rows", wb), wb + ".rows");
        tb.blocks.push_back(std::move(blk));
      }
    } else if (layout == "rows" || layout == "flat") {
      tb.layout = layout == "rows" ? Layout::Rows : Layout::Flat;
      tb.columns = parse_columns(need(tj, "columns", w), w + ".columns");
      tb.rows = parse_rows(need(tj, "rows", w), w + ".rows");
      if (tj.contains("groups")) {
        const json& groups = tj.at("groups");
        for (std::size_t g = 0; g < groups.size(); ++g) {
          const std::string wg = fmt::format("{}.groups[{}]", w, g);
          Group grp;
          grp.key = need_string(groups[g], "key", wg);
          grp.label = parse_label(groups[g], wg);
          grp.rows = opt_strings(groups[g], "rows", wg);
          grp.derived_row = opt_string(groups[g], "derived_row", wg);
          tb.groups.push_back(std::move(grp));
        }
      }
    } else {
      fail(w + ".layout", fmt::format("unknown layout \"{}\" (blocks, rows, flat)", layout));
    }
    if (tj.contains("header_labels")) {
      const json& hl = tj.at("header_labels");
      for (std::size_t h = 0; h < hl.size(); ++h) {
        tb.header_labels.push_back(parse_label(hl[h], fmt::format("{}.header_labels[{}]", w, h)));
      }
    }
    t.tables.push_back(std::move(tb));
  }
  const json& rules = need(root, "rules", "$");
  if (!rules.is_array()) {
    fail("$.rules", "must be an array");
  }
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const std::string w = fmt::format("$.rules[{}]", i);
    const json& rj = rules[i];
    Rule r;
    r.id = need_string(rj, "id", w);
    const std::string sev = need_string(rj, "severity", w);
    if (!diag::parse_severity(sev, r.severity)) {
      fail(w + ".severity", fmt::format("unknown severity \"{}\" (error, warning, info)", sev));
    }
    r.kind = need_string(rj, "kind", w);
    const RuleKind* kind = rule_kind(r.kind);
    if (kind == nullptr) {
      fail(w + ".kind", fmt::format("unknown rule kind \"{}\"", r.kind));
    }
    r.title = need_string(rj, "title", w);
    r.title_en = opt_string(rj, "title_en", w);
    r.description = opt_string(rj, "description", w);
    r.template_text = opt_string(rj, "template_text", w);
    r.fix = opt_string(rj, "fix", w);
    r.for_each = parse_vars(rj, "for_each", w);
    r.term_vars = parse_vars(rj, "term_vars", w);
    r.target = opt_string(rj, "target", w);
    r.terms = opt_strings(rj, "terms", w);
    r.rhs = opt_strings(rj, "rhs", w);
    if (rj.contains("substitutes")) {
      const json& subs = rj.at("substitutes");
      if (!subs.is_array()) {
        fail(w + ".substitutes", "must be an array");
      }
      for (std::size_t k = 0; k < subs.size(); ++k) {
        const std::string ws = fmt::format("{}.substitutes[{}]", w, k);
        if (!subs[k].is_object()) {
          fail(ws, "must be an object");
        }
        Substitute sub;
        sub.cell = need_string(subs[k], "cell", ws);
        sub.for_terms = opt_strings(subs[k], "for", ws);
        if (sub.for_terms.empty()) {
          fail(ws + ".for", "must name the terms it stands in for");
        }
        for (const auto& f : sub.for_terms) {
          if (std::find(r.terms.begin(), r.terms.end(), f) == r.terms.end()) {
            fail(ws + ".for", fmt::format("\"{}\" is not one of the rule's terms", f));
          }
        }
        r.substitutes.push_back(std::move(sub));
      }
    }
    r.cells = opt_strings(rj, "cells", w);
    r.types = opt_strings(rj, "types", w);
    r.template_id = opt_string(rj, "template", w);
    if (rj.contains("max_year")) {
      // A year: bounded, so that rule arithmetic on it (max_year + 1) cannot overflow.
      const json& y = rj.at("max_year");
      if (!y.is_number_integer() || y.get<std::int64_t>() < k_min_rule_year ||
          y.get<std::int64_t>() > k_max_rule_year) {
        fail(w + ".max_year",
             fmt::format("must be a year from {} to {}", k_min_rule_year, k_max_rule_year));
      }
      r.max_year = y.get<int>();
    }
    if (rj.contains("min_year")) {
      // A year: bounded, so that rule arithmetic on it (max_year + 1) cannot overflow.
      const json& y = rj.at("min_year");
      if (!y.is_number_integer() || y.get<std::int64_t>() < k_min_rule_year ||
          y.get<std::int64_t>() > k_max_rule_year) {
        fail(w + ".min_year",
             fmt::format("must be a year from {} to {}", k_min_rule_year, k_max_rule_year));
      }
      r.min_year = y.get<int>();
    }
    r.sections = opt_strings(rj, "sections", w);
    r.keywords = opt_strings(rj, "keywords", w);
    r.keywords_en = opt_string(rj, "keywords_en", w);
    r.exclude = opt_strings(rj, "exclude", w);
    r.agency_patterns = opt_strings(rj, "agency_patterns", w);
    r.agency_exclude = opt_strings(rj, "agency_exclude", w);
    if (rj.contains("patterns")) {
      const json& pats = rj.at("patterns");
      if (!pats.is_array()) {
        fail(w + ".patterns", "must be an array");
      }
      for (std::size_t k = 0; k < pats.size(); ++k) {
        const std::string wp = fmt::format("{}.patterns[{}]", w, k);
        ProsePattern pp;
        pp.name = need_string(pats[k], "name", wp);
        pp.keywords = opt_strings(pats[k], "keywords", wp);
        pp.requires_words = opt_strings(pats[k], "requires", wp);
        pp.forbid = opt_strings(pats[k], "forbid", wp);
        const json& alts = need(pats[k], "cells", wp);
        if (!alts.is_array() || alts.empty()) {
          fail(wp + ".cells", "must be a non-empty array of arrays of cell paths");
        }
        for (std::size_t a = 0; a < alts.size(); ++a) {
          const std::string wa = fmt::format("{}.cells[{}]", wp, a);
          if (!alts[a].is_array() || alts[a].empty()) {
            fail(wa, "must be a non-empty array of cell paths");
          }
          std::vector<std::string> cells;
          for (const auto& c : alts[a]) {
            if (!c.is_string()) {
              fail(wa, "must be an array of strings");
            }
            cells.push_back(c.get<std::string>());
          }
          pp.alternatives.push_back(std::move(cells));
        }
        if (pp.keywords.empty()) {
          fail(wp + ".keywords", "must not be empty");
        }
        r.patterns.push_back(std::move(pp));
      }
    }
    check_required(*kind, rj, w);
    if (t.rule(r.id) != nullptr) {
      fail(w + ".id", fmt::format("duplicate rule ID \"{}\"", r.id));
    }
    t.rules.push_back(std::move(r));
  }
  // Every cell the template declares must exist in the typed report.
  t.paths = compute_cell_paths(t.tables);
  for (const auto& path : t.cell_paths()) {
    report::Report probe;
    if (report::find_cell(probe, path) == nullptr) {
      fail("$.tables", fmt::format("cell \"{}\" is not a field of the report model", path));
    }
  }
  return t;
}

} // namespace

const Table* Template::table(std::string_view key) const {
  for (const auto& t : tables) {
    if (t.key == key) {
      return &t;
    }
  }
  return nullptr;
}

const Rule* Template::rule(std::string_view rule_id) const {
  for (const auto& r : rules) {
    if (r.id == rule_id) {
      return &r;
    }
  }
  return nullptr;
}

namespace {
/// The parts of a cell path ("requests.granted.total"), without allocating: rules look paths up
/// for every report.
struct PathParts {
  std::array<std::string_view, 3> parts;
  std::size_t count = 0; ///< all the parts, also those beyond the third
  [[nodiscard]] std::size_t size() const { return count; }
  [[nodiscard]] bool empty() const { return count == 0; }
  std::string_view operator[](std::size_t i) const { return parts[i]; }
};

PathParts split_path(std::string_view path) {
  PathParts out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= path.size(); ++i) {
    if (i == path.size() || path[i] == '.') {
      if (out.count < out.parts.size()) {
        out.parts[out.count] = path.substr(start, i - start);
      }
      ++out.count;
      start = i + 1;
    }
  }
  return out;
}
} // namespace

const Column* Template::column_of(std::string_view path) const {
  const auto parts = split_path(path);
  if (parts.size() != 3) {
    return nullptr;
  }
  const Table* t = table(parts[0]);
  if (t == nullptr) {
    return nullptr;
  }
  if (t->layout == Layout::Blocks) {
    for (const auto& b : t->blocks) {
      for (const auto& r : b.rows) {
        if (r.key == parts[1]) {
          for (const auto& c : b.columns) {
            if (c.key == parts[2]) {
              return &c;
            }
          }
        }
      }
    }
    return nullptr;
  }
  for (const auto& c : t->columns) {
    if (c.key == parts[2]) {
      return &c;
    }
  }
  return nullptr;
}

namespace {

/// Row and column labels by cell path, for every path of a template (built once: extraction
/// labels each cell it fills, and the rules each cell they name).
using LabelsByPath = std::unordered_map<std::string_view, std::pair<std::string, std::string>>;

} // namespace

std::pair<std::string, std::string> Template::row_column_labels(std::string_view path) const {
  const auto& by_path = labels.get<LabelsByPath>([this] {
    auto table = std::make_unique<LabelsByPath>();
    table->reserve(paths.size());
    for (const auto& p : paths) {
      table->emplace(p, labels_of(p));
    }
    return table;
  });
  if (const auto it = by_path.find(path); it != by_path.end()) {
    return it->second;
  }
  return labels_of(path);
}

std::pair<std::string, std::string> Template::labels_of(std::string_view path) const {
  const auto parts = split_path(path);
  if (parts.size() != 3) {
    return {std::string(path), ""};
  }
  const Table* t = table(parts[0]);
  if (t == nullptr) {
    return {std::string(parts[1]), std::string(parts[2])};
  }
  std::string row_label(parts[1]);
  if (t->layout == Layout::Blocks) {
    for (const auto& b : t->blocks) {
      for (const auto& r : b.rows) {
        if (r.key == parts[1]) {
          row_label = r.label.text;
        }
      }
    }
  } else {
    for (const auto& r : t->rows) {
      if (r.key == parts[1]) {
        row_label = r.label.text;
      }
    }
    for (const auto& g : t->groups) {
      if (g.derived_row == parts[1]) {
        row_label = g.label.text;
      }
    }
  }
  const Column* c = column_of(path);
  return {row_label, c != nullptr ? c->label.text : std::string(parts[2])};
}

std::string Template::cell_label(std::string_view path) const {
  const auto parts = split_path(path);
  const Table* t = parts.empty() ? nullptr : table(parts[0]);
  const auto [row, column] = row_column_labels(path);
  return fmt::format("表{}「{}」{}", t != nullptr ? t->name : "?", row, column);
}

util::Expected<Template> load_template(std::string_view json_text) {
  json root;
  try {
    root = json::parse(json_text.begin(), json_text.end());
  } catch (const json::parse_error& e) {
    return util::Error::of(util::ErrorKind::Malformed, {&msg::k_invalid_json, {e.what()}});
  }
  try {
    return parse(root);
  } catch (const SchemaError& e) {
    return util::Error::of(util::ErrorKind::Malformed, {&msg::k_invalid_schema, {e.message}});
  } catch (const json::exception& e) {
    return util::Error::of(util::ErrorKind::Malformed, {&msg::k_invalid_schema, {e.what()}});
  }
}

const std::vector<const diag::MessageTemplate*>& error_messages() {
  static const std::vector<const diag::MessageTemplate*> list{&msg::k_invalid_json,
                                                              &msg::k_invalid_schema};
  return list;
}

const std::vector<RuleKind>& rule_kinds() {
  // From the schema that describes template files: its "kind" property lists each kind with its
  // description, and its allOf/if/then the fields each kind requires.
  static const std::vector<RuleKind> k_kinds = [] {
    std::vector<RuleKind> out;
    for (const auto& s : embedded_schemas()) {
      if (s.name != k_meta_schema) {
        continue;
      }
      const json meta = json::parse(s.text);
      const json& rule = meta.at("$defs").at("rule");
      for (const auto& k : rule.at("properties").at("kind").at("oneOf")) {
        out.push_back({k.at("const").get<std::string>(), k.value("description", ""), {}});
      }
      for (const auto& cond : rule.value("allOf", json::array())) {
        const auto name = cond.at("if").at("properties").at("kind").at("const").get<std::string>();
        for (auto& k : out) {
          if (k.name == name) {
            k.required = cond.at("then").at("required").get<std::vector<std::string>>();
          }
        }
      }
    }
    if (out.empty()) {
      // A build defect (the meta schema is compiled in); tests load every schema and catch it.
      throw std::runtime_error("the bundled template.schema.json lists no rule kinds");
    }
    return out;
  }();
  return k_kinds;
}

const RuleKind* rule_kind(std::string_view name) {
  for (const auto& k : rule_kinds()) {
    if (k.name == name) {
      return &k;
    }
  }
  return nullptr;
}

const std::vector<Template>& bundled_templates() {
  static const std::vector<Template> k_templates = [] {
    std::vector<Template> out;
    for (const auto& s : embedded_schemas()) {
      if (s.name == k_meta_schema) {
        continue;
      }
      auto t = load_template(s.text);
      if (!t) {
        // A broken bundled schema is a build defect; tests load every schema and catch it.
        throw std::runtime_error(fmt::format("bundled schema {}: {}", s.name, t.error().message));
      }
      out.push_back(std::move(*t));
    }
    std::sort(out.begin(), out.end(),
              [](const Template& a, const Template& b) { return a.id < b.id; });
    return out;
  }();
  return k_templates;
}

const Template* bundled_template(std::string_view id) {
  for (const auto& t : bundled_templates()) {
    if (t.id == id) {
      return &t;
    }
  }
  return nullptr;
}

} // namespace xxgk::schema
