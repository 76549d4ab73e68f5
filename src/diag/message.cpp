#include <xxgk/diag/message.hpp>

#include <array>
#include <utility>

namespace xxgk::diag {

namespace {

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (std::size_t pos = s.find(from); pos != std::string::npos;
       pos = s.find(from, pos + to.size())) {
    s.replace(pos, from.size(), to);
  }
}

std::string_view table_digit(std::string_view name) {
  if (name == "二") {
    return "2";
  }
  if (name == "三") {
    return "3";
  }
  if (name == "四") {
    return "4";
  }
  return name;
}

} // namespace

bool parse_lang(std::string_view name, Lang& out) {
  if (name == "zh") {
    out = Lang::Zh;
  } else if (name == "en") {
    out = Lang::En;
  } else {
    return false;
  }
  return true;
}

Arg Arg::both(std::string zh, std::string en) {
  Arg a(std::move(zh));
  a.en = std::move(en);
  return a;
}

Arg Arg::table(std::string_view name) {
  return both(std::string(name), std::string(table_digit(name)));
}

Arg Arg::cell(std::string label) {
  std::string en = english_table_numbers(label);
  return both(std::move(label), std::move(en));
}

std::string english_table_numbers(std::string s) {
  constexpr std::array<std::pair<std::string_view, std::string_view>, 3> k_tables = {
      {{"表二", "table 2"}, {"表三", "table 3"}, {"表四", "table 4"}}};
  for (const auto& [zh, en] : k_tables) {
    replace_all(s, zh, en);
  }
  return s;
}

std::string render(const MessageTemplate& tpl, std::span<const Arg> args, Lang lang) {
  const std::string_view text = lang == Lang::En ? tpl.en : tpl.zh;
  std::string out;
  out.reserve(text.size() + 16 * args.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '{') {
      std::size_t j = i + 1;
      std::size_t n = 0;
      while (j < text.size() && text[j] >= '0' && text[j] <= '9') {
        n = n * 10 + static_cast<std::size_t>(text[j] - '0');
        ++j;
      }
      if (j > i + 1 && j < text.size() && text[j] == '}' && n < args.size()) {
        out += lang == Lang::En ? args[n].en : args[n].zh;
        i = j + 1;
        continue;
      }
    }
    out += c;
    ++i;
  }
  return out;
}

std::string Message::render(Lang lang) const {
  if (tpl == nullptr) {
    return {};
  }
  return diag::render(*tpl, args, lang);
}

Arg nested(const Message& m) {
  return Arg::both(m.render(Lang::Zh), m.render(Lang::En));
}

Arg title_arg(std::string_view title, std::string_view title_en) {
  return Arg::both(std::string(title),
                   english_table_numbers(std::string(title_en.empty() ? title : title_en)));
}

} // namespace xxgk::diag
