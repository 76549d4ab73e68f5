#pragma once
// ASCII-level scanning of HTML source, shared by the sniffing of a page's bytes and the reading
// of its tree: case-insensitive tag matching on text that need not be decoded yet.

#include <cstddef>
#include <string>
#include <string_view>

namespace xxgk::document::html {

bool is_ascii_space(char c);
bool is_ascii_alpha(char c);
char ascii_lower(char c);
std::string ascii_lower(std::string_view s);

/// Whether `s` holds `word` (lower case) at `pos`, ASCII case ignored.
bool iequal_at(std::string_view s, std::size_t pos, std::string_view word);

/// Whether a tag named `name` (lower case) starts at `pos`: '<', the name, then white space,
/// '/', '>' or the end.
bool tag_at(std::string_view s, std::size_t pos, std::string_view name);

bool contains_tag(std::string_view s, std::string_view name);

/// The first `limit` bytes as ASCII-compatible text for sniffing: a UTF-8 BOM removed, UTF-16
/// (by its BOM) reduced to one byte per code unit (code units beyond ASCII become 0x80).
std::string ascii_prefix(std::string_view bytes, std::size_t limit);

} // namespace xxgk::document::html
