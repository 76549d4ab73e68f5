// Editing cells of the text forms in the decoded text, and encoding the result back into the
// input's own encoding.
#include "messages.hpp"

#include <xxgk/fix/write.hpp>
#include <xxgk/util/text.hpp>

#include <iconv.h>

#include <algorithm>
#include <cerrno>

namespace xxgk::fix {

namespace {

/// Byte offset of the 1-based code-point `column` within `line`; npos past the end.
std::size_t byte_of_column(std::string_view line, int column) {
  std::size_t i = 0;
  for (int c = 1; c < column; ++c) {
    if (i >= line.size()) {
      return std::string_view::npos;
    }
    const auto lead = static_cast<unsigned char>(line[i]);
    i += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  }
  return i <= line.size() ? i : std::string_view::npos;
}

} // namespace

util::Expected<std::string> edit_text(std::string_view text,
                                      const std::vector<TextCellEdit>& edits) {
  // Line starts.
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      starts.push_back(i + 1);
    }
  }
  struct Splice {
    std::size_t begin;
    std::size_t end;
    const std::string* text;
  };
  std::vector<Splice> splices;
  for (const auto& e : edits) {
    if (e.line < 1 || static_cast<std::size_t>(e.line) > starts.size()) {
      return util::Error::of(util::ErrorKind::Malformed, {&msg::k_no_line, {e.line}});
    }
    const std::size_t begin = starts[static_cast<std::size_t>(e.line) - 1];
    std::size_t end = text.find('\n', begin);
    end = end == std::string_view::npos ? text.size() : end;
    const std::string_view line = text.substr(begin, end - begin);
    std::size_t at = byte_of_column(line, e.column);
    if (at == std::string_view::npos) {
      return util::Error::of(util::ErrorKind::Malformed, {&msg::k_no_column, {e.line, e.column}});
    }
    if (e.after_start_tag && e.old_text.empty() && at < line.size() && line[at] == '<') {
      // Past the tag's '>' (quoted attribute values may hold one); the tag may span lines.
      std::size_t i = begin + at;
      char quote = 0;
      for (; i < text.size(); ++i) {
        if (quote != 0) {
          quote = text[i] == quote ? 0 : quote;
        } else if (text[i] == '"' || text[i] == '\'') {
          quote = text[i];
        } else if (text[i] == '>') {
          break;
        }
      }
      if (i >= text.size() || text[i - 1] == '/') {
        return util::Error::of(util::ErrorKind::Malformed,
                               {&msg::k_tag_not_there, {e.line, e.column}});
      }
      splices.push_back({i + 1, i + 1, &e.text});
      continue;
    }
    if (!line.substr(at).starts_with(e.old_text)) {
      return util::Error::of(util::ErrorKind::Malformed,
                             {&msg::k_text_not_there, {e.line, e.column, e.old_text}});
    }
    splices.push_back({begin + at, begin + at + e.old_text.size(), &e.text});
  }
  std::sort(splices.begin(), splices.end(),
            [](const Splice& a, const Splice& b) { return a.begin < b.begin; });
  for (std::size_t i = 1; i < splices.size(); ++i) {
    if (splices[i].begin < splices[i - 1].end ||
        (splices[i].begin == splices[i - 1].begin && splices[i].begin == splices[i].end)) {
      return util::Error::of(util::ErrorKind::Malformed, {&msg::k_same_place, {}});
    }
  }
  std::string out;
  out.reserve(text.size() + 16 * splices.size());
  std::size_t pos = 0;
  for (const auto& s : splices) {
    out.append(text.substr(pos, s.begin - pos));
    out += *s.text;
    pos = s.end;
  }
  out.append(text.substr(pos));
  return out;
}

util::Expected<std::string> encode_text(std::string_view utf8, std::string_view encoding,
                                        bool bom) {
  std::string out;
  if (encoding.empty() || encoding == "UTF-8") {
    if (bom) {
      out = "\xEF\xBB\xBF";
    }
    out.append(utf8);
    return out;
  }
  if (bom && encoding == "UTF-16LE") {
    out = "\xFF\xFE";
  } else if (bom && encoding == "UTF-16BE") {
    out = "\xFE\xFF";
  }
  const std::string to(encoding);
  iconv_t cd = iconv_open(to.c_str(), "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return util::Error::of(util::ErrorKind::UnsupportedForm, {&msg::k_cannot_encode, {encoding}});
  }
  std::string in(utf8);
  char* inp = in.data();
  std::size_t inleft = in.size();
  std::string buf(in.size() * 4 + 16, '\0');
  char* outp = buf.data();
  std::size_t outleft = buf.size();
  const std::size_t r = iconv(cd, &inp, &inleft, &outp, &outleft);
  iconv_close(cd);
  if (r == static_cast<std::size_t>(-1)) {
    return util::Error::of(util::ErrorKind::UnsupportedForm,
                           {&msg::k_not_encodable, {encoding, in.size() - inleft}});
  }
  out.append(buf.data(), buf.size() - outleft);
  return out;
}

} // namespace xxgk::fix
