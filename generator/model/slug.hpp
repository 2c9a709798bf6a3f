#pragma once
// Slugs and addresses: how a file's name becomes its page's URL.
#include <string>
#include <string_view>

namespace cp::model {

// The file's stem lower-cased, every run of characters outside [a-z0-9] turned into one '-',
// with no '-' at either end. Never empty: a stem with no letters or digits gives "page".
std::string slugify(std::string_view text);

// The stem of a path ("notes/2016-03-02-kickoff.md" -> "2016-03-02-kickoff").
std::string stem_of(std::string_view path);

// A stem in words for a default title: a leading date dropped, dashes and underscores as spaces,
// the first letter capitalised ("2016-03-02-night-handover" -> "Night handover").
std::string stem_in_words(std::string_view stem);

// The YYYY-MM-DD date a file name starts with, if it is a real date; else empty.
std::string date_prefix(std::string_view stem);

// A key for detecting two names that are one name to a person (and to a case-insensitive or
// normalising file system): ASCII and Latin-1 letters case folded, accented Latin-1 letters
// decomposed as Unicode NFD does. "Café" and "cafe\u0301" share a key; "cafe" does not.
std::string collision_key(std::string_view name);

}  // namespace cp::model
