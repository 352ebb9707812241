// toml++'s compiled part, built into fineprint instead of loaded from
// Debian's libtomlplusplus.so.3 (issue 19): one shared library less for the
// dynamic loader at every start, and its code built with the project's
// flags. toml++ supports this form (TOML_HEADER_ONLY=0, as its CMake target
// sets, and TOML_IMPLEMENTATION in exactly one translation unit); the
// headers are Debian's libtomlplusplus-dev all the same.
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
