#pragma once
// /value/: the value-creation account. Notes of kind value-story name the cycles of the
// value-creation framework they show (`value: [immediate, potential, applied, realised,
// transformative]`) and the `indicators` the community recorded. Per domain, the stories in
// each cycle, their counts and indicators, and the cycles where no value is shown yet.
// Reads only the filtered site.
#include <string>
#include <vector>

#include "model/site.hpp"
#include "views/output_item.hpp"

namespace cp::reports {

struct ValueCycle {
    std::string name;         // "realised"
    std::string label;        // "Realised value"
    std::string description;  // what the framework means by it
};

// The five cycles, in the framework's order.
std::vector<ValueCycle> value_cycles(const i18n::Catalog& words);

// The /value/ page (template "value"). Never fails; with no value stories it says so.
views::HtmlPage value_page(const model::Site& site);

}  // namespace cp::reports
