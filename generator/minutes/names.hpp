#pragma once
// Names as minutes write them: "Ada Lovelace @ada (voting member)", "Council members: A, B and C".
// Text only; whose name it is is decided later, against the memory's people.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cp::minutes {

struct WrittenName {
    std::string name;    // "Ada Lovelace": parentheses, handles and e-mail addresses taken out
    std::string handle;  // "ada" from "@ada", or empty
    std::size_t at = 0;  // byte offset in the text where it was written, for its column
};

// The names of one line: split at commas, semicolons and "and" (and a few other languages'
// "and": y, e, et, und, en, og, och), after anything in parentheses or brackets is set aside.
// Placeholders ("none", "n/a", "TBD") give nothing; so does a line with a part too long to be a
// name (more than five words): it is a sentence, not a list of names.
std::vector<WrittenName> names_in_line(std::string_view text);

// The one name of a list item of attendees: what comes before a comma, a dash or a colon is the
// name, what follows is their organisation or a note ("Ada Lovelace, Acme", "Ada - Acme").
std::optional<WrittenName> name_of_item(std::string_view text);

// The due date an action gives ("by 2019-04-01", "(due: 2019-04-01)", "before 2019-04-01"), or empty.
std::string due_date_in(std::string_view text);

// The owner an action names by its first words: "@ada ..." (a handle), "Ada to draft ...",
// "Ada Lovelace and Bob to ..." (the first of them). Imperatives ("Need to", "Reach out to") and
// "Everyone to" name nobody. Nothing when the text does not start with an owner.
std::optional<WrittenName> owner_in(std::string_view text);

}  // namespace cp::minutes
