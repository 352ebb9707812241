// The JSON number grammar (RFC 8259 §6). simdjson On Demand checks a number
// only when it is converted; the claim reader and the order importer keep a
// number's literal text (money is read from it exactly), so they check it here.
#pragma once

#include <string_view>

namespace fineprint::core {

bool is_json_number(std::string_view text);

}  // namespace fineprint::core
