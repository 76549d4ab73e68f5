// The PDF reader (pdf_reader.hpp): the backend module (backend.hpp, loaded by module.cpp) gives
// each page's characters and ruling lines; the checks of the text layer and layout.cpp's
// paragraphs and tables are made here.

#include "../error_messages.hpp"

#include "layout.hpp"
#include "module.hpp"

#include <xxgk/document/pdf_reader.hpp>

#include <algorithm>
#include <new>

namespace xxgk::document {

bool looks_like_pdf(std::string_view bytes) {
  return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

namespace {

/// The error a backend status stands for (not `ok`).
util::Error status_error(const pdf::BackendResult& r, const Limits& limits) {
  using S = pdf::BackendStatus;
  using util::ErrorKind;
  switch (r.status) {
  case S::internal:
    return err::make(ErrorKind::Malformed, err::k_pdf_internal);
  case S::parse_error:
    return err::make(ErrorKind::Malformed, err::k_pdf_parse, {r.number});
  case S::too_large:
    return err::make(ErrorKind::TooLarge, err::k_pdf_too_large);
  case S::damaged:
    return err::make(ErrorKind::Malformed, err::k_pdf_damaged);
  case S::encrypted:
    return err::make(ErrorKind::UnsupportedForm, err::k_pdf_encrypted);
  case S::no_pages:
    return err::make(ErrorKind::Malformed, err::k_pdf_no_pages);
  case S::too_many_pages:
    return err::make(ErrorKind::TooLarge, err::k_pdf_pages, {r.number, limits.max_pages});
  case S::too_many_objects:
    return err::make(ErrorKind::TooLarge, err::k_pdf_objects, {r.number, limits.max_pdf_objects});
  case S::too_much_text:
    return err::make(ErrorKind::TooLarge, err::k_pdf_text, {limits.max_pdf_text});
  case S::too_slow:
    return err::make(ErrorKind::TooLarge, err::k_pdf_seconds, {limits.max_pdf_seconds});
  case S::out_of_memory:
    throw std::bad_alloc(); // as anywhere else in xxgk
  case S::ok:
  case S::failed:
    break;
  }
  return err::make(ErrorKind::Malformed, err::k_pdf_failed);
}

} // namespace

util::Expected<Document> read_pdf(std::string_view bytes, const Limits& limits) {
  const util::Expected<pdf::Backend> backend = pdf::backend();
  if (!backend) {
    return backend.error();
  }
  const pdf::BackendLimits backend_limits{limits.max_pages, limits.max_pdf_objects,
                                          limits.max_pdf_text,
                                          static_cast<double>(limits.max_pdf_seconds)};
  pdf::BackendResult r;
  backend->read(bytes.data(), bytes.size(), &backend_limits, &r);
  if (r.status != pdf::BackendStatus::ok) {
    return status_error(r, limits);
  }
  // Text shown but (mostly) not extracted: fonts without a Unicode map, whose characters poppler
  // cannot name. Chinese text has few spaces (which are shown but not extracted).
  const std::size_t shown = r.shown_chars;
  if (shown >= 20 && r.chars * 5 < shown) {
    return err::make(util::ErrorKind::UnsupportedForm, err::k_pdf_unmapped_shown,
                     {shown - std::min(shown, r.chars), shown});
  }
  if (r.chars == 0) {
    return err::make(util::ErrorKind::UnsupportedForm, err::k_pdf_no_text);
  }
  if (r.unexpected * 10 > r.chars * 3) {
    return err::make(util::ErrorKind::UnsupportedForm, err::k_pdf_unmapped,
                     {r.unexpected, r.chars});
  }
  // Read each page upright: turned so that most of its text runs left to right.
  for (auto& page : r.pages) {
    pdf::turn_upright(page, page.rotation);
    page.rotation = 0;
  }
  Document out;
  out.format = "pdf";
  out.blocks = pdf::layout(r.pages);
  return out;
}

} // namespace xxgk::document
