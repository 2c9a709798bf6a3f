#pragma once
// Personal data in text: e-mail addresses, phone numbers, NHS numbers, National Insurance
// numbers and dates of birth. Only finding them; what a build does with them is the guard's.
#include <cstddef>
#include <string_view>
#include <vector>

namespace cp::audience {

enum class PersonalData { Email, Phone, NhsNumber, NiNumber, DateOfBirth };
inline constexpr std::size_t kPersonalDataKinds = 5;

// "a phone number", and "phone numbers", for messages.
std::string_view personal_data_name(PersonalData kind);
std::string_view personal_data_plural(PersonalData kind);

struct PersonalMatch {
    std::size_t start = 0, length = 0;  // bytes of the text searched
    PersonalData kind = PersonalData::Email;
};

// Every piece of personal data in plain text, in order and not overlapping. Phone numbers
// are UK forms (07700 900123, 020 7946 0958, (020) 7946 0958, +44 (0)20 7946 0958) and
// international +CC forms; NHS numbers are ten digits, plain or spaced 3-3-4, with a valid
// modulus-11 check digit; National Insurance numbers use only allocated letters; a date is a
// date of birth only after "DOB", "date of birth" or "born on". Inside a web address only an
// e-mail address counts, and a number after "ISBN", or joined to letters, dots or slashes
// (versions, DOIs, dates, times, references), is none of these. Never fails.
std::vector<PersonalMatch> find_personal_data(std::string_view text);

// The same in a Markdown body, leaving out what a reader is not shown as prose: code blocks,
// code spans and HTML comments. Offsets are the body's own. Never fails.
std::vector<PersonalMatch> find_personal_data_in_markdown(std::string_view body);

}  // namespace cp::audience
