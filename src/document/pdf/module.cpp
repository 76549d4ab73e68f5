// Loading the PDF backend module (module.hpp). Built with XXGK_PDF_LINKED (the fuzz target links
// the backend's sources instead), it returns the linked function.

#include "module.hpp"

#include "../error_messages.hpp"

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#if !defined(XXGK_PDF_LINKED)
#include <dlfcn.h>
#endif

#if !defined(XXGK_PDF_MODULE_RELDIR)
#define XXGK_PDF_MODULE_RELDIR "../lib/xxgk"
#endif

namespace xxgk::document::pdf {

namespace {

#if defined(XXGK_PDF_LINKED)

util::Expected<Backend> load() {
  return Backend{&xxgk_pdf_read};
}

#else

/// Where the module may be, in order.
std::vector<std::string> places() {
  if (const char* path = std::getenv("XXGK_PDF_MODULE"); path != nullptr && *path != '\0') {
    return {path};
  }
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec || exe.empty()) {
    return {k_module_name}; // the dynamic loader's own search path
  }
  const std::filesystem::path dir = exe.parent_path();
  return {(dir / k_module_name).string(),
          (dir / XXGK_PDF_MODULE_RELDIR / k_module_name).lexically_normal().string()};
}

/// The module at `path`'s read function, or why not (appended to `why`).
BackendRead open(const std::string& path, std::string& why) {
  // The module's own libraries (poppler …) are bound at once: a missing one fails here, not on
  // the first PDF page. RTLD_LOCAL: nothing of poppler becomes visible to anything else.
  void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* e = ::dlerror();
    why +=
        (why.empty() ? "" : "; ") + (e != nullptr ? std::string(e) : path + ": cannot be loaded");
    return nullptr;
  }
  auto id_of = reinterpret_cast<BackendIdOf>(::dlsym(handle, k_backend_id_symbol));
  auto read = reinterpret_cast<BackendRead>(::dlsym(handle, k_backend_read_symbol));
  BackendId id;
  if (id_of != nullptr) {
    id_of(&id);
  }
  if (read == nullptr || id_of == nullptr || !(id == backend_id())) {
    why += (why.empty() ? "" : "; ") + path +
           ": not the PDF reader of this xxgk (another build, or another library)";
    ::dlclose(handle);
    return nullptr;
  }
  return read; // the handle stays open for the rest of the process
}

util::Expected<Backend> load() {
  std::string why;
  for (const auto& path : places()) {
    if (BackendRead read = open(path, why)) {
      return Backend{read};
    }
  }
  return err::make(util::ErrorKind::Io, err::k_pdf_module, {why});
}

#endif

} // namespace

util::Expected<Backend> backend() {
  static std::once_flag once;
  static std::optional<util::Expected<Backend>> loaded;
  std::call_once(once, [] { loaded.emplace(load()); });
  return *loaded;
}

} // namespace xxgk::document::pdf
