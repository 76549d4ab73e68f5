// Interned texts: one process-wide set, looked up behind a small per-thread cache.

#include <xxgk/util/interned.hpp>

#include <array>
#include <functional>
#include <mutex>
#include <unordered_set>

namespace xxgk::util {

namespace {

struct ViewHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

/// Every text interned so far. A node-based set: its strings never move, so the pointers handed
/// out stay valid for the life of the process. Never destroyed (an Interned may be copied by
/// static objects during exit).
struct Pool {
  std::mutex lock;
  std::unordered_set<std::string, ViewHash, std::equal_to<>> texts;
};

Pool& pool() {
  static Pool* p = new Pool; // NOLINT: deliberately never freed (see above)
  return *p;
}

/// The last texts this thread interned, by hash: a repeated text costs a hash and a compare.
struct Cache {
  static constexpr std::size_t k_slots = 256;
  std::array<const std::string*, k_slots> slots{};
};

} // namespace

constinit const std::string detail::k_empty_interned{};

const std::string* Interned::intern(std::string_view s) {
  if (s.empty()) {
    return &detail::k_empty_interned;
  }
  thread_local Cache cache;
  const std::size_t h = ViewHash{}(s);
  const std::string*& slot = cache.slots[h % Cache::k_slots];
  if (slot != nullptr && *slot == s) {
    return slot;
  }
  Pool& p = pool();
  const std::scoped_lock guard(p.lock);
  auto it = p.texts.find(s);
  if (it == p.texts.end()) {
    it = p.texts.emplace(s).first;
  }
  slot = &*it;
  return slot;
}

} // namespace xxgk::util
