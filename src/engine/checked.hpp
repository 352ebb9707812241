// Checked money arithmetic inside the engine: an overflow unwinds to the
// engine's entry point (decide, price_order), which turns it into an error
// value naming what overflowed. The exception never leaves the engine.
#pragma once

#include <string>
#include <string_view>

#include "core/money.hpp"

namespace fineprint::engine::detail {

struct Overflow {
  std::string what;
};

[[noreturn]] inline void overflow(std::string_view what) {
  throw Overflow{std::string(what)};
}

inline core::Minor add(core::Minor a, core::Minor b, std::string_view what) {
  auto out = core::checked_add(a, b);
  if (!out) overflow(what);
  return *out;
}

inline core::Minor sub(core::Minor a, core::Minor b, std::string_view what) {
  auto out = core::checked_sub(a, b);
  if (!out) overflow(what);
  return *out;
}

inline core::Minor mul(core::Minor a, std::int64_t b, std::string_view what) {
  auto out = core::checked_mul(a, b);
  if (!out) overflow(what);
  return *out;
}

// round(amount × percent / 100%) in the given mode.
inline core::Minor percent(core::Minor amount, core::BasisPoints pct, core::Rounding mode,
                           std::string_view what) {
  auto out = core::percent_of(amount, pct, mode);
  if (!out) overflow(what);
  return *out;
}

inline core::Minor divide(core::Wide numerator, core::Wide denominator, core::Rounding mode,
                          std::string_view what) {
  auto out = core::divide_rounded(numerator, denominator, mode);
  if (!out) overflow(what);
  return *out;
}

}  // namespace fineprint::engine::detail
