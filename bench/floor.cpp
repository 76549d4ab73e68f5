// The floor of reading a .docx (issue 8): for each file, read it into memory, open the zip with
// libzip, inflate word/document.xml into one buffer and parse it in place with pugixml — nothing
// else. xxgk's end-to-end `check` time is compared with this.
//
//   xxgk-bench-floor [--plain-malloc] PATH…   files, or directories walked recursively for *.docx
//
// Prints the number of documents read and exits 1 if a file could not be read.

#include <pugixml.hpp>
#include <zip.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace {

std::vector<std::string> collect(int argc, char** argv) {
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path p(argv[i]);
    if (std::filesystem::is_directory(p)) {
      std::vector<std::string> found;
      for (const auto& e : std::filesystem::recursive_directory_iterator(p)) {
        if (e.is_regular_file() && e.path().extension() == ".docx") {
          found.push_back(e.path().string());
        }
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.emplace_back(argv[i]);
    }
  }
  return files;
}

/// The whole file, as xxgk reads it (one read into a buffer of the file's size).
bool read_file(const std::string& path, std::string& bytes) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    return false;
  }
  std::fseek(f, 0, SEEK_END);
  const long size = std::ftell(f);
  std::fseek(f, 0, SEEK_SET);
  bytes.resize(size > 0 ? static_cast<std::size_t>(size) : 0);
  const bool ok = std::fread(bytes.data(), 1, bytes.size(), f) == bytes.size();
  std::fclose(f);
  return ok;
}

bool read_one(const std::string& path, std::size_t& root_children) {
  std::string bytes;
  if (!read_file(path, bytes)) {
    return false;
  }
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source != nullptr ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
  zip_error_fini(&error);
  if (archive == nullptr) {
    zip_source_free(source);
    return false;
  }
  bool ok = false;
  const zip_int64_t index = zip_name_locate(archive, "word/document.xml", 0);
  zip_stat_t st;
  if (index >= 0 && zip_stat_index(archive, static_cast<zip_uint64_t>(index), 0, &st) == 0) {
    zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(index), 0);
    if (file != nullptr) {
      // pugixml frees the buffer it parses in place (parse_buffer_inplace_own).
      void* buffer = pugi::get_memory_allocation_function()(st.size + 1);
      const zip_int64_t n = zip_fread(file, buffer, st.size);
      zip_fclose(file);
      pugi::xml_document doc;
      if (n == static_cast<zip_int64_t>(st.size) &&
          doc.load_buffer_inplace_own(buffer, st.size, pugi::parse_default, pugi::encoding_utf8)) {
        // Use the result, and nothing more: the root's children (w:body).
        for (pugi::xml_node c = doc.document_element().first_child(); c; c = c.next_sibling()) {
          ++root_children;
        }
        ok = true;
      } else if (n != static_cast<zip_int64_t>(st.size)) {
        pugi::get_memory_deallocation_function()(buffer);
      }
    }
  }
  zip_discard(archive);
  return ok;
}

} // namespace

int main(int argc, char** argv) {
#if defined(__GLIBC__)
  // The allocator settings of xxgk's main (src/cli/main.cpp): without them, glibc hands each
  // document's memory back to the kernel and faults it in again for the next one, which costs
  // more than inflating and parsing on the benchmark machine. `--plain-malloc` measures that.
  if (argc > 1 && std::string(argv[1]) == "--plain-malloc") {
    --argc;
    ++argv;
  } else {
    constexpr int k_keep = 8 << 20;
    mallopt(M_TRIM_THRESHOLD, k_keep);
    mallopt(M_MMAP_THRESHOLD, k_keep);
  }
#endif
  const std::vector<std::string> files = collect(argc, argv);
  std::size_t root_children = 0;
  std::size_t read = 0;
  int status = 0;
  for (const auto& f : files) {
    if (read_one(f, root_children)) {
      ++read;
    } else {
      std::fprintf(stderr, "xxgk-bench-floor: cannot read %s\n", f.c_str());
      status = 1;
    }
  }
  std::printf("%zu documents (%zu root children)\n", read, root_children);
  return status;
}
