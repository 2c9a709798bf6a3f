#pragma once
// Feedback that carries forward: what the critical friends collected at every meeting
// (went_well, to_improve), rolled up on /feedback/, and on each meeting's page what the
// previous meeting of its series asked to improve. Reads only the filtered site.
#include <nlohmann/json.hpp>

#include <vector>

#include "model/site.hpp"
#include "views/output_item.hpp"

namespace cp::reports {

// /feedback/ (template "feedback"): meetings with feedback, newest first, grouped by series
// and by domain; themes that recur (the same words, see words.hpp) at two meetings or more
// shown once, with their meetings. Never fails; with no feedback the page says so.
views::HtmlPage feedback_page(const model::Site& site);

// Each meeting's previous meeting in its series, found once for the site.
class FeedbackCarry {
public:
    explicit FeedbackCarry(const model::Site& site);
    // For a meeting page whose series' previous meeting asked to improve something, the field
    // carried {from {title, url, date_human}, items [{text, taken_up, responses [{text, list}]}],
    // has_own_feedback}; for every other page, no field (an empty object).
    nlohmann::json fields(std::size_t page_index) const;

private:
    const model::Site& site_;
    std::vector<std::size_t> previous_;  // by page index; kNone when there is none
};

}  // namespace cp::reports
