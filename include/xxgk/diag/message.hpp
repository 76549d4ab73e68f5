#pragma once
// Messages as an ID and typed arguments. Each message has one template with its Chinese and
// English wording side by side; a message is rendered in the language the user asked for, so
// changing a wording never breaks its translation.

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::diag {

enum class Lang { Zh, En };
/// "zh" or "en"; false for anything else.
bool parse_lang(std::string_view name, Lang& out);

/// One message's wording in both languages. Placeholders {0}, {1}, … stand for the arguments.
/// A `titled` message opens with its rule's title ({0}); the others are shown after the title
/// in English output (the Chinese output names the rule by its ID).
struct MessageTemplate {
  std::string_view id;
  std::string_view zh;
  std::string_view en;
  bool titled = false;
};

/// One argument, rendered for both languages when the message is made. Figures and text quoted
/// from the report are the same in both; table names, cell names and nested messages differ.
struct Arg {
  std::string zh;
  std::string en;

  Arg(std::string text) : zh(text), en(std::move(text)) {}
  Arg(std::string_view text) : Arg(std::string(text)) {}
  Arg(const char* text) : Arg(std::string(text)) {}
  Arg(int n) : Arg(std::to_string(n)) {}
  Arg(long n) : Arg(std::to_string(n)) {}
  Arg(long long n) : Arg(std::to_string(n)) {}
  Arg(unsigned long n) : Arg(std::to_string(n)) {}
  Arg(unsigned long long n) : Arg(std::to_string(n)) {}
  Arg(unsigned n) : Arg(std::to_string(n)) {}

  /// Different wording per language.
  static Arg both(std::string zh, std::string en);
  /// A table name: 二 in Chinese, 2 in English.
  static Arg table(std::string_view name);
  /// A cell or row name that starts with a table name (表三「…」·总计): "table 3「…」·总计" in
  /// English; the labels quoted from the template stay Chinese.
  static Arg cell(std::string label);
};

struct Message {
  const MessageTemplate* tpl = nullptr;
  std::vector<Arg> args;

  [[nodiscard]] std::string render(Lang lang) const;
  [[nodiscard]] std::string_view id() const { return tpl != nullptr ? tpl->id : ""; }
  [[nodiscard]] bool empty() const { return tpl == nullptr; }
};

/// A message used as the argument of another.
Arg nested(const Message& m);

/// A rule's title as an argument: the Chinese title, and the English one (the Chinese title
/// when there is none), with English table numbers.
Arg title_arg(std::string_view title, std::string_view title_en);

/// Renders a template's wording with `args` in `lang` ({N} replaced by args[N]; a missing
/// argument leaves its placeholder).
std::string render(const MessageTemplate& tpl, std::span<const Arg> args, Lang lang);

/// English table numbers in a Chinese cell name: 表二 → table 2 (also 表三, 表四).
std::string english_table_numbers(std::string s);

} // namespace xxgk::diag
