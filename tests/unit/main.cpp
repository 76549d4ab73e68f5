#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdlib>

int main(int argc, char** argv) {
  // The PDF backend module is built next to xxgk, not next to this binary: name it (unless the
  // caller already did), as xxgk's users may.
  ::setenv("XXGK_PDF_MODULE", XXGK_PDF_MODULE_PATH, 0);
  return doctest::Context(argc, argv).run();
}
