// The Collector of a batch's cross-document summaries (cross.hpp): each summary encoded into a
// few hundred bytes as the batch goes, grouped by agency, decoded again only for the agencies
// whose reports can pair.

#include <xxgk/report/fields.hpp>
#include <xxgk/rules/cross.hpp>
#include <xxgk/util/hash.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace xxgk::rules::cross {

namespace {

/// FNV-1a of agency_key(agency), folded to 32 bits: how the Collector groups reports before
/// decoding them (agencies that share it are only checked together: check() groups by the key).
std::uint32_t agency_hash(std::string_view agency) {
  const std::uint64_t h = util::fnv1a(agency_key(agency));
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

/// The byte encoding of a Summary: unsigned LEB128 varints, signed ones zigzagged, strings as
/// length and bytes, labels as the index of an interned string.
class Encoder {
public:
  explicit Encoder(std::string& out) : m_out(out) {}
  void u(std::uint64_t v) {
    while (v >= 0x80) {
      m_out.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    m_out.push_back(static_cast<char>(v));
  }
  void i(std::int64_t v) {
    u((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
  }
  void str(std::string_view v) {
    u(v.size());
    m_out.append(v);
  }
  void fixed32(std::uint32_t v) {
    for (int k = 0; k < 4; ++k) {
      m_out.push_back(static_cast<char>(v >> (8 * k) & 0xff));
    }
  }

private:
  std::string& m_out;
};

class Decoder {
public:
  explicit Decoder(std::string_view in) : m_in(in) {}
  std::uint64_t u() {
    std::uint64_t v = 0;
    for (int shift = 0; m_pos < m_in.size(); shift += 7) {
      const auto b = static_cast<std::uint8_t>(m_in[m_pos++]);
      v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
    }
    return v;
  }
  std::int64_t i() {
    const std::uint64_t z = u();
    return static_cast<std::int64_t>(z >> 1) ^ -static_cast<std::int64_t>(z & 1);
  }
  std::uint32_t fixed32() {
    std::uint32_t v = 0;
    for (int k = 0; k < 4 && m_pos < m_in.size(); ++k) {
      v |= static_cast<std::uint32_t>(static_cast<std::uint8_t>(m_in[m_pos++])) << (8 * k);
    }
    return v;
  }
  std::string str() {
    const auto n = static_cast<std::size_t>(u());
    std::string v(m_in.substr(m_pos, n));
    m_pos += n;
    return v;
  }

private:
  std::string_view m_in;
  std::size_t m_pos = 0;
};

/// What the Collector keeps of a report outside its encoding: enough to group it.
struct Head {
  std::uint32_t agency = 0; ///< agency_hash
  std::uint32_t block = 0;  ///< which block of Store::blocks
  std::uint32_t offset = 0; ///< where its encoding starts in it (decoding finds its end)
  std::int32_t year = 0;
  std::uint32_t index = 0; ///< Summary::index (add() refuses one that does not fit)
};

/// Encoded summaries are appended to blocks of this size, never moved: a batch's memory grows by
/// one block at a time, not by doubling and copying one buffer.
constexpr std::size_t k_block = 256 * 1024;

/// Where a figure's line is, in the two lowest bits of its tag: on the line of the figure before,
/// on the next line, or elsewhere (the difference follows).
constexpr std::uint64_t k_same_line = 0;
constexpr std::uint64_t k_next_line = 1;
constexpr std::uint64_t k_line_delta = 2;

/// A place's figure byte: the figure's index, and this bit when the place is encoded against the
/// block's prototype of that figure (else against the place before it in the summary).
constexpr std::uint64_t k_against_prototype = 0x80;

/// check(index) keeps the findings of an agency with this many reports or more: asking for each
/// of its reports in turn would otherwise decode and check them all that many times.
constexpr std::size_t k_kept_group = 64;

} // namespace

struct Collector::Store {
  std::vector<Head> heads; ///< in batch order (index ascending)
  std::vector<std::string> blocks;
  std::vector<std::string> labels; ///< interned: template ids, forms, location names
  std::map<std::string, std::uint32_t, std::less<>> label_ids;
  std::string scratch; ///< one summary being encoded

  // For check(index), built on its first call: the heads (their positions) by agency hash, each
  // agency's in batch order; and the findings of the agencies with at least k_kept_group reports
  // (see Collector::check(index)).
  // Guarded by `lazy` (check(index) may be called on several threads at once).
  std::mutex lazy;
  std::vector<std::uint32_t> by_agency;
  std::map<std::uint64_t, std::vector<Finding>> kept_findings;

  /// check() over the reports at these positions of `heads` (one agency's), in batch order.
  [[nodiscard]] std::vector<Finding> check_group(std::vector<std::uint32_t> group) const {
    std::sort(group.begin(), group.end()); // batch order, as check() expects
    std::vector<Summary> summaries;
    summaries.reserve(group.size());
    for (const auto k : group) {
      summaries.push_back(decode(heads[k]));
    }
    return rules::cross::check(summaries);
  }

  std::uint32_t intern(std::string_view s) {
    if (const auto it = label_ids.find(s); it != label_ids.end()) {
      return it->second;
    }
    const auto id = static_cast<std::uint32_t>(labels.size());
    labels.emplace_back(s);
    label_ids.emplace(std::string(s), id);
    return id;
  }

  /// The integer fields of a location, in encoding order (labels are their interned ids).
  static constexpr std::size_t k_place_fields = 14;
  using PlaceFields = std::array<std::int64_t, k_place_fields>;

  PlaceFields fields_of(const diag::SourceLocation& w) {
    return {w.line,
            w.column,
            w.paragraph,
            w.table,
            w.row,
            w.cell,
            w.xml_line,
            w.xml_offset,
            w.block,
            w.page,
            intern(w.part),
            intern(w.table_name),
            intern(w.row_label),
            intern(w.column_label)};
  }

  [[nodiscard]] diag::SourceLocation location_of_fields(const PlaceFields& f) const {
    diag::SourceLocation w;
    w.line = static_cast<int>(f[0]);
    w.column = static_cast<int>(f[1]);
    w.paragraph = static_cast<int>(f[2]);
    w.table = static_cast<int>(f[3]);
    w.row = static_cast<int>(f[4]);
    w.cell = static_cast<int>(f[5]);
    w.xml_line = static_cast<int>(f[6]);
    w.xml_offset = f[7];
    w.block = static_cast<int>(f[8]);
    w.page = static_cast<int>(f[9]);
    w.part = labels[static_cast<std::size_t>(f[10])];
    w.table_name = labels[static_cast<std::size_t>(f[11])];
    w.row_label = labels[static_cast<std::size_t>(f[12])];
    w.column_label = labels[static_cast<std::size_t>(f[13])];
    return w;
  }

  /// The fields a location is encoded against first: those of an empty diag::SourceLocation.
  PlaceFields first{};

  Store() { first = fields_of(diag::SourceLocation{}); }

  /// The prototype places of a block, by template (its interned id), then figure: the place of
  /// the first summary of the block (and template) that has the figure. The places of the
  /// summaries after it are encoded as the fields that differ from their prototype's: in a batch
  /// of one layout, the line alone. Set once, never changed: any summary decodes on its own.
  using Prototypes =
      std::map<std::uint32_t, std::array<std::optional<PlaceFields>, Figures::k_count>>;
  std::vector<Prototypes> prototypes; ///< by block
  /// Prototypes an encoding defines (template, figure, fields), set once its block is known.
  std::vector<std::tuple<std::uint32_t, std::uint8_t, PlaceFields>> defined;

  // The encoding: the source as its directory (interned: a batch's reports share a few) and
  // name; labels interned; each figure's line and each location's fields as the difference from
  // the previous one (a location only with the fields that differ: the cells of a row share most).
  // `into`: the prototypes of the block the encoding is for (those it defines are listed in
  // `defined`, set once it is stored there).
  void encode(const Summary& s, const Prototypes& into, Encoder& e) {
    const auto slash = s.source.rfind('/');
    const std::string_view source(s.source);
    e.u(intern(slash == std::string::npos ? std::string_view() : source.substr(0, slash + 1)));
    e.str(slash == std::string::npos ? source : source.substr(slash + 1));
    const std::uint32_t template_id = intern(s.template_id);
    e.u(template_id);
    e.u(intern(s.format));
    e.u(intern(s.form));
    e.str(s.agency);
    // A hash: as likely to need 10 bytes as a varint as fewer; always 8 here.
    e.fixed32(static_cast<std::uint32_t>(s.fingerprint));
    e.fixed32(static_cast<std::uint32_t>(s.fingerprint >> 32));
    std::int64_t line = 0;
    for (const auto& path : Figures::paths()) {
      const Figure& f = *s.figures.find(path);
      // The value as value() gives it (the only form Figure exposes), then its line.
      // Its kind, and in the two lowest bits where its line is: that of the figure before (the
      // columns of a row in a table), the next one (a row's cells one per line, as in the
      // Tika form), or another one, whose difference follows.
      const std::string v = f.value();
      const std::int64_t delta = f.line - line;
      const std::uint64_t where = delta == 0   ? k_same_line
                                  : delta == 1 ? k_next_line
                                               : k_line_delta;
      if (v.empty()) {
        e.u(where);
      } else if (v == "?") {
        e.u(1U << 2U | where);
      } else {
        const util::ParsedValue p = util::parse_value(v);
        e.u((2 + static_cast<std::uint64_t>(p.number->scale)) << 2U | where);
        e.i(p.number->units);
      }
      if (where == k_line_delta) {
        e.i(delta);
      }
      line = f.line;
    }
    e.u(s.paragraph_hashes.size());
    for (std::size_t k = 0; k < s.paragraph_hashes.size(); ++k) {
      e.fixed32(s.paragraph_hashes[k]);
      e.u(s.paragraph_chars[k]);
    }
    e.u(s.narrative_chars);
    e.u(s.places.size());
    PlaceFields previous = first;
    const auto of_template = into.find(template_id);
    defined.clear();
    // How many lines this summary's places lie below their prototypes' so far: a table further
    // down the text moves all its cells by the same number of lines.
    std::int64_t shift = 0;
    for (const auto& [figure, w] : s.places) {
      const PlaceFields f = fields_of(w);
      // Against the block's prototype of this figure when there is one; else this place is it.
      const std::optional<PlaceFields>* proto =
          of_template != into.end() && figure < Figures::k_count ? &of_template->second[figure]
                                                                 : nullptr;
      if (proto != nullptr && proto->has_value()) {
        previous = **proto;
        previous[0] += shift; // the line
        shift = f[0] - (**proto)[0];
        e.u(figure | k_against_prototype);
      } else {
        e.u(figure);
        if (figure < Figures::k_count) {
          defined.emplace_back(template_id, figure, f);
        }
      }
      std::uint64_t changed = 0;
      for (std::size_t k = 0; k < k_place_fields; ++k) {
        changed |= f[k] != previous[k] ? 1ULL << k : 0;
      }
      e.u(changed);
      for (std::size_t k = 0; k < k_place_fields; ++k) {
        if ((changed >> k & 1) != 0) {
          e.i(f[k] - previous[k]);
        }
      }
      previous = f;
    }
    e.u(s.windows.size());
    line = 0;
    for (const auto& w : s.windows) {
      // The line's difference (zigzagged), and in the lowest bit whether the window starts past
      // the line's first column (nearly every line of a text form is kept whole).
      const std::int64_t delta = w.line - line;
      const auto zigzag =
          (static_cast<std::uint64_t>(delta) << 1) ^ static_cast<std::uint64_t>(delta >> 63);
      e.u(zigzag << 1 | (w.first_column != 1 ? 1 : 0));
      if (w.first_column != 1) {
        e.i(w.first_column - 1);
      }
      line = w.line;
      e.str(w.text);
    }
  }

  /// The agency of a kept summary, decoded alone (it comes before the figures).
  [[nodiscard]] std::string agency_of(const Head& h) const {
    Decoder d(std::string_view(blocks[h.block]).substr(h.offset));
    d.u();   // the source's directory
    d.str(); // its name
    d.u();   // template
    d.u();   // format
    d.u();   // form
    return d.str();
  }

  [[nodiscard]] Summary decode(const Head& h) const {
    Decoder d(std::string_view(blocks[h.block]).substr(h.offset));
    Summary s;
    s.index = h.index;
    s.year = h.year;
    s.source = labels[d.u()];
    s.source += d.str();
    const auto template_id = static_cast<std::uint32_t>(d.u());
    s.template_id = labels[template_id];
    s.format = labels[d.u()];
    s.form = labels[d.u()];
    s.agency = d.str();
    s.fingerprint = d.fixed32();
    s.fingerprint |= static_cast<std::uint64_t>(d.fixed32()) << 32;
    std::int64_t line = 0;
    for (const auto& path : Figures::paths()) {
      Figure& f = s.figures[path];
      const std::uint64_t tag = d.u();
      const std::uint64_t kind = tag >> 2U;
      if (kind == 1) {
        f.set("?");
      } else if (kind >= 2) {
        const std::int64_t units = d.i();
        f.set(util::Number{units, static_cast<int>(kind - 2)}.to_string());
      }
      switch (tag & 3U) {
      case k_same_line:
        break;
      case k_next_line:
        line += 1;
        break;
      default:
        line += d.i();
        break;
      }
      f.line = static_cast<int>(line);
    }
    const auto paragraphs = static_cast<std::size_t>(d.u());
    s.paragraph_hashes.reserve(paragraphs);
    s.paragraph_chars.reserve(paragraphs);
    for (std::size_t k = 0; k < paragraphs; ++k) {
      s.paragraph_hashes.push_back(d.fixed32());
      s.paragraph_chars.push_back(static_cast<std::uint32_t>(d.u()));
    }
    s.narrative_chars = static_cast<std::size_t>(d.u());
    const auto places = static_cast<std::size_t>(d.u());
    PlaceFields f = first;
    const Prototypes& protos = prototypes[h.block];
    const auto of_template = protos.find(template_id);
    std::int64_t shift = 0; // as encode() keeps it
    for (std::size_t k = 0; k < places; ++k) {
      const std::uint64_t tag = d.u();
      const auto figure = static_cast<std::uint8_t>(tag & ~k_against_prototype);
      const PlaceFields* proto = nullptr;
      if ((tag & k_against_prototype) != 0 && of_template != protos.end() &&
          figure < Figures::k_count && of_template->second[figure]) {
        proto = &*of_template->second[figure];
        f = *proto;
        f[0] += shift;
      }
      const std::uint64_t changed = d.u();
      for (std::size_t j = 0; j < k_place_fields; ++j) {
        if ((changed >> j & 1) != 0) {
          f[j] += d.i();
        }
      }
      if (proto != nullptr) {
        shift = f[0] - (*proto)[0];
      }
      s.places.emplace_back(figure, location_of_fields(f));
    }
    const auto windows = static_cast<std::size_t>(d.u());
    s.windows.reserve(windows);
    line = 0;
    for (std::size_t k = 0; k < windows; ++k) {
      const std::uint64_t tag = d.u();
      const std::uint64_t zigzag = tag >> 1;
      line += static_cast<std::int64_t>(zigzag >> 1) ^ -static_cast<std::int64_t>(zigzag & 1);
      diag::SourceWindow& w = s.windows.emplace_back();
      w.line = static_cast<int>(line);
      w.first_column = (tag & 1) != 0 ? static_cast<int>(d.i() + 1) : 1;
      w.text = d.str();
    }
    return s;
  }
};

Collector::Collector() : m_store(std::make_unique<Store>()) {}
Collector::~Collector() = default;

void Collector::reserve(std::size_t reports) {
  m_store->heads.reserve(reports);
}

void Collector::add(const Summary& summary) {
  Store& st = *m_store;
  if (summary.index > UINT32_MAX) {
    throw std::length_error("cross-document summaries: too many reports");
  }
  const auto encode = [&] {
    st.scratch.clear();
    Encoder e(st.scratch);
    static const Store::Prototypes none;
    st.encode(summary, st.prototypes.empty() ? none : st.prototypes.back(), e);
  };
  encode();
  if (st.blocks.empty() || st.blocks.back().size() + st.scratch.size() > k_block) {
    st.blocks.emplace_back();
    st.prototypes.emplace_back();
    encode(); // against the new block's prototypes (none yet)
    st.blocks.back().reserve(std::max(k_block, st.scratch.size()));
  }
  for (const auto& [template_id, figure, fields] : st.defined) {
    st.prototypes.back()[template_id][figure] = fields;
  }
  std::string& block = st.blocks.back();
  Head h;
  h.agency = agency_hash(summary.agency);
  h.block = static_cast<std::uint32_t>(st.blocks.size() - 1);
  h.offset = static_cast<std::uint32_t>(block.size());
  h.year = summary.year;
  h.index = static_cast<std::uint32_t>(summary.index);
  block += st.scratch;
  st.heads.push_back(h);
}

std::size_t Collector::size() const {
  return m_store->heads.size();
}

std::size_t Collector::bytes() const {
  const Store& st = *m_store;
  std::size_t n = st.heads.capacity() * sizeof(Head) + st.scratch.capacity();
  for (const auto& b : st.blocks) {
    n += b.capacity();
  }
  for (const auto& l : st.labels) {
    n += 2 * (sizeof(std::string) + l.size()) + 32; // the label and its key in label_ids
  }
  for (const auto& p : st.prototypes) {
    n += p.size() * (sizeof(Store::Prototypes::value_type) + 32);
  }
  return n;
}

void Collector::check_each(const std::function<void(std::vector<Finding>&&)>& each) const {
  const Store& st = *m_store;
  // Agency hash → the reports, in batch order; only agencies with two reports of the same or
  // consecutive years can have findings, and only theirs are decoded.
  std::vector<std::uint32_t> order(st.heads.size());
  for (std::size_t k = 0; k < order.size(); ++k) {
    order[k] = static_cast<std::uint32_t>(k);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return std::tie(st.heads[a].agency, st.heads[a].year) <
           std::tie(st.heads[b].agency, st.heads[b].year);
  });
  for (std::size_t first = 0; first < order.size();) {
    std::size_t last = first + 1;
    bool pairs = false;
    while (last < order.size() && st.heads[order[last]].agency == st.heads[order[first]].agency) {
      pairs = pairs || st.heads[order[last]].year - st.heads[order[last - 1]].year <= 1;
      ++last;
    }
    if (pairs) {
      each(st.check_group({order.begin() + static_cast<std::ptrdiff_t>(first),
                           order.begin() + static_cast<std::ptrdiff_t>(last)}));
    }
    first = last;
  }
}

std::vector<Finding> Collector::check() const {
  std::vector<Finding> out;
  check_each([&](std::vector<Finding>&& group) {
    for (auto& f : group) {
      out.push_back(std::move(f));
    }
  });
  // The order of check() over the whole batch: by report, then rule (a report's findings all
  // come from its agency's group, where they are in this order already).
  std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.index, a.diagnostic.rule) < std::tie(b.index, b.diagnostic.rule);
  });
  return out;
}

std::vector<Finding> Collector::check(std::size_t index) const {
  Store& st = *m_store;
  const auto it = std::lower_bound(st.heads.begin(), st.heads.end(), index,
                                   [](const Head& h, std::size_t i) { return h.index < i; });
  if (it == st.heads.end() || it->index != index) {
    return {};
  }
  const std::uint64_t agency = it->agency;
  std::unique_lock lock(st.lazy);
  if (st.by_agency.size() != st.heads.size()) {
    st.by_agency.resize(st.heads.size());
    for (std::size_t k = 0; k < st.by_agency.size(); ++k) {
      st.by_agency[k] = static_cast<std::uint32_t>(k);
    }
    std::stable_sort(
        st.by_agency.begin(), st.by_agency.end(),
        [&](std::uint32_t a, std::uint32_t b) { return st.heads[a].agency < st.heads[b].agency; });
  }
  // The reports of the agency (by its hash), in batch order.
  const auto first =
      std::partition_point(st.by_agency.begin(), st.by_agency.end(),
                           [&](std::uint32_t k) { return st.heads[k].agency < agency; });
  const auto last = std::partition_point(
      first, st.by_agency.end(), [&](std::uint32_t k) { return st.heads[k].agency == agency; });
  std::vector<Finding> out;
  if (last - first >= static_cast<std::ptrdiff_t>(k_kept_group)) {
    auto kept = st.kept_findings.find(agency);
    if (kept == st.kept_findings.end()) {
      kept = st.kept_findings.emplace(agency, st.check_group({first, last})).first;
    }
    for (const auto& f : kept->second) {
      if (f.index == index) {
        out.push_back(f);
      }
    }
    return out;
  }
  lock.unlock(); // by_agency is not changed again until the next add()
  // Only the reports check_report compares this one with are decoded: the first of its agency
  // and year, and the first of its agency a year before (agency_key: reports whose agencies
  // share a hash are told apart by their names).
  const Head& head = *it;
  const std::string key = agency_key(st.agency_of(head));
  const Head* same_year = nullptr;
  const Head* year_before = nullptr;
  for (auto k = first; k != last && (same_year == nullptr || year_before == nullptr); ++k) {
    const Head& h = st.heads[*k];
    const bool wanted = (h.year == head.year && same_year == nullptr) ||
                        (h.year == head.year - 1 && year_before == nullptr);
    if (!wanted || (&h != &head && agency_key(st.agency_of(h)) != key)) {
      continue;
    }
    (h.year == head.year ? same_year : year_before) = &h;
  }
  if (year_before == nullptr && same_year == &head) {
    return out; // nothing to compare it with
  }
  const Summary report = st.decode(head);
  std::optional<Summary> first_of_year;
  if (same_year != nullptr && same_year != &head) {
    first_of_year = st.decode(*same_year);
  }
  std::optional<Summary> before;
  if (year_before != nullptr) {
    before = st.decode(*year_before);
  }
  return check_report(report, first_of_year ? &*first_of_year : nullptr,
                      before ? &*before : nullptr);
}

std::optional<Summary> Collector::summary(std::size_t index) const {
  const Store& st = *m_store;
  const auto it = std::lower_bound(st.heads.begin(), st.heads.end(), index,
                                   [](const Head& h, std::size_t i) { return h.index < i; });
  if (it == st.heads.end() || it->index != index) {
    return std::nullopt;
  }
  return st.decode(*it);
}

} // namespace xxgk::rules::cross
