#include "frontmatter/fields.hpp"

#include <cctype>

#include "time/date.hpp"

namespace cp::frontmatter {

namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t n) {
    if (pos + n > s.size()) return false;
    for (std::size_t i = pos; i < pos + n; ++i)
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
}

int number(std::string_view s, std::size_t pos, std::size_t n) {
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
    return out;
}

}  // namespace

bool is_valid_date(std::string_view s) { return time::Date::parse(s).has_value(); }

bool is_valid_date_or_datetime(std::string_view s) {
    if (s.size() == 10) return is_valid_date(s);
    if (s.size() < 16 || !time::Date::parse_prefix(s)) return false;
    if (s[10] != 'T' && s[10] != 't' && s[10] != ' ') return false;
    if (!digits(s, 11, 2) || s[13] != ':' || !digits(s, 14, 2)) return false;
    if (number(s, 11, 2) > 23 || number(s, 14, 2) > 59) return false;
    std::size_t pos = 16;
    if (pos < s.size() && s[pos] == ':') {
        if (!digits(s, pos + 1, 2) || number(s, pos + 1, 2) > 60) return false;
        pos += 3;
        if (pos < s.size() && s[pos] == '.') {
            ++pos;
            while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) ++pos;
        }
    }
    if (pos == s.size()) return true;
    if ((s[pos] == 'Z' || s[pos] == 'z') && pos + 1 == s.size()) return true;
    if ((s[pos] == '+' || s[pos] == '-') && pos + 6 == s.size() && digits(s, pos + 1, 2) && s[pos + 3] == ':' &&
        digits(s, pos + 4, 2))
        return true;
    return false;
}

void FieldReader::error(const YamlNode& at, std::string message) {
    sink_.error(path_, at.line, at.column, std::move(message));
}

void FieldReader::warning(const YamlNode& at, std::string message) {
    sink_.warning(path_, at.line, at.column, std::move(message));
}

std::optional<std::string> FieldReader::string(const YamlNode& node, std::string_view field) {
    if (node.is_null()) return std::string{};
    if (!node.is_scalar()) {
        error(node, "'" + std::string(field) + "' must be a single value, not " + shape_name(node));
        return std::nullopt;
    }
    return node.scalar;
}

std::optional<std::vector<std::string>> FieldReader::string_list(const YamlNode& node, std::string_view field) {
    std::vector<std::string> out;
    if (node.is_null()) return out;
    if (node.is_scalar()) {
        out.push_back(node.scalar);
        return out;
    }
    if (!node.is_sequence()) {
        error(node, "'" + std::string(field) + "' must be a list of values, not " + shape_name(node));
        return std::nullopt;
    }
    bool ok = true;
    for (const auto& item : node.items) {
        if (!item.is_scalar()) {
            error(item, "each item of '" + std::string(field) + "' must be a single value, not " + shape_name(item));
            ok = false;
            continue;
        }
        out.push_back(item.scalar);
    }
    if (!ok) return std::nullopt;
    return out;
}

std::optional<std::string> FieldReader::date(const YamlNode& node, std::string_view field) {
    auto text = string(node, field);
    if (!text) return std::nullopt;
    if (text->empty()) return text;
    if (!is_valid_date_or_datetime(*text)) {
        error(node,
              "'" + std::string(field) + "' is not a valid date: '" + *text + "' (write YYYY-MM-DD, e.g. 2016-03-02)");
        return std::nullopt;
    }
    return text;
}

std::optional<std::string> FieldReader::time(const YamlNode& node, std::string_view field) {
    auto text = string(node, field);
    if (!text) return std::nullopt;
    if (text->empty()) return text;
    const std::string& s = *text;
    bool ok = s.size() == 5 && digits(s, 0, 2) && s[2] == ':' && digits(s, 3, 2) && number(s, 0, 2) <= 23 &&
        number(s, 3, 2) <= 59;
    if (!ok) {
        error(node,
              "'" + std::string(field) + "' is not a valid time: '" + s +
                  "' (write HH:MM on a 24-hour clock, e.g. \"14:30\")");
        return std::nullopt;
    }
    return text;
}

std::optional<bool> FieldReader::boolean(const YamlNode& node, std::string_view field) {
    if (node.is_null()) return false;
    if (node.is_scalar() && !node.quoted) {
        if (node.scalar == "true" || node.scalar == "True" || node.scalar == "TRUE") return true;
        if (node.scalar == "false" || node.scalar == "False" || node.scalar == "FALSE") return false;
    }
    error(node,
          "'" + std::string(field) + "' must be true or false, not '" +
              (node.is_scalar() ? node.scalar : shape_name(node)) + "'");
    return std::nullopt;
}

std::optional<std::string> FieldReader::one_of(const YamlNode& node, std::string_view field,
                                               const std::vector<std::string>& allowed) {
    auto text = string(node, field);
    if (!text) return std::nullopt;
    for (const auto& a : allowed)
        if (*text == a) return text;
    error(node, "'" + std::string(field) + "' must be one of " + join(allowed) + ", not '" + *text + "'");
    return std::nullopt;
}

}  // namespace cp::frontmatter
