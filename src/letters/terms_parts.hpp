// The two halves of the published terms (terms.cpp puts them together).
#pragma once

#include "letters/document.hpp"
#include "letters/phrasing.hpp"

namespace fineprint::letters::detail {

void write_promotions(const Phrasing& p, Document& document);
void write_returns(const Phrasing& p, Document& document);

}  // namespace fineprint::letters::detail
