#include "model/page.hpp"

#include "time/date.hpp"

namespace cp::model {

std::string_view type_folder(PageType type) {
    switch (type) {
        case PageType::Domain:
            return "domains";
        case PageType::Meeting:
            return "meetings";
        case PageType::Note:
            return "notes";
        case PageType::Person:
            return "people";
        case PageType::Page:
            return "";
    }
    return "";
}

std::string_view type_name(PageType type) {
    switch (type) {
        case PageType::Domain:
            return "domain";
        case PageType::Meeting:
            return "meeting";
        case PageType::Note:
            return "note";
        case PageType::Person:
            return "person";
        case PageType::Page:
            return "page";
    }
    return "page";
}

std::optional<PageType> parse_type(std::string_view t) {
    if (t == "domain" || t == "domains") return PageType::Domain;
    if (t == "meeting" || t == "meetings") return PageType::Meeting;
    if (t == "note" || t == "notes") return PageType::Note;
    if (t == "person" || t == "people") return PageType::Person;
    if (t == "page" || t == "pages") return PageType::Page;
    return std::nullopt;
}

std::string day_of(const std::string& date) {
    auto day = time::Date::parse_prefix(date);
    return day ? day->iso() : std::string{};
}

}  // namespace cp::model
