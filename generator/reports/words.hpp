#pragma once
// "The same words": how feedback from different meetings is recognised as one theme.
//
// A line's content words are its runs of letters and digits, lower-cased, without the small
// words any sentence has ("the", "we", "people", "time"...), and with an ending "-s", "-ed" or
// "-ing" dropped from longer words ("microphones" -> "microphone", "started" -> "start"). Two lines are the same theme when they have the same set of
// content words, in any order ("Start on time" and "We must start on time!"). A line answers
// an earlier one when they share at least one content word.
#include <string>
#include <string_view>
#include <vector>

namespace cp::reports {

// The content words of `text`, in the order written (repeats kept).
std::vector<std::string> content_words(std::string_view text);

// The content words, sorted, once each, joined by spaces: equal keys mean the same theme.
// Empty when the text has no content word (it then matches nothing).
std::string theme_key(std::string_view text);

// True when `a` and `b` share a content word.
bool share_a_word(std::string_view a, std::string_view b);

}  // namespace cp::reports
