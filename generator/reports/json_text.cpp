#include "reports/json_text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <string_view>

namespace cp::reports {

using nlohmann::json;

namespace {

// The length of the valid UTF-8 sequence that starts s[i] (a byte of 0x80 or more), or 0 when
// it is not one: the well-formed sequences of Unicode's table 3-7, which nlohmann accepts.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;  // the range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
        length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        length = 3;
        if (c == 0xE0) low = 0xA0;
        if (c == 0xED) high = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        length = 4;
        if (c == 0xF0) low = 0x90;
        if (c == 0xF4) high = 0x8F;
    } else {
        return 0;
    }
    if (s.size() - i < length) return 0;
    if (byte(i + 1) < low || byte(i + 1) > high) return 0;
    for (std::size_t k = 2; k < length; ++k)
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
    return length;
}

// What a byte needs: 0 nothing (copied), 1 a short escape, 2 a \u escape, 3 a look at the
// UTF-8 sequence it starts.
constexpr std::array<unsigned char, 256> byte_classes() {
    std::array<unsigned char, 256> classes{};
    for (std::size_t c = 0; c < 0x20; ++c) classes[c] = 2;
    for (unsigned char c : {'\b', '\t', '\n', '\f', '\r', '"', '\\'}) classes[c] = 1;
    for (std::size_t c = 0x80; c < 0x100; ++c) classes[c] = 3;
    return classes;
}
constexpr std::array<unsigned char, 256> kByteClass = byte_classes();

char short_escape(char c) {
    switch (c) {
        case '\b':
            return 'b';
        case '\t':
            return 't';
        case '\n':
            return 'n';
        case '\f':
            return 'f';
        case '\r':
            return 'r';
        default:
            return c;  // '"' and '\\'
    }
}

// `s` between quotes, escaped as nlohmann escapes it.
void append_string(std::string& out, std::string_view s) {
    const std::size_t start = out.size();
    out += '"';
    std::size_t copied = 0;
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const unsigned char kind = kByteClass[c];
        if (kind == 0) {
            ++i;
            continue;
        }
        if (kind == 3) {
            const std::size_t length = utf8_sequence(s, i);
            if (length == 0) {
                // Not UTF-8: nlohmann replaces what it cannot read, in its own way.
                out.resize(start);
                out += json(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace);
                return;
            }
            i += length;
            continue;
        }
        out.append(s.data() + copied, i - copied);
        if (kind == 1) {
            out += '\\';
            out += short_escape(static_cast<char>(c));
        } else {
            static constexpr char kHex[] = "0123456789abcdef";
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
        copied = ++i;
    }
    out.append(s.data() + copied, s.size() - copied);
    out += '"';
}

// nlohmann's indentation: 512 of the indent character, then spaces beyond.
void append_indent(std::string& out, unsigned levels) {
    constexpr unsigned kTabs = 512;
    out.append(std::min(levels, kTabs), '\t');
    if (levels > kTabs) out.append(levels - kTabs, ' ');
}

template <typename Number>
void append_number(std::string& out, Number n) {
    std::array<char, 24> digits{};
    auto [end, error] = std::to_chars(digits.data(), digits.data() + digits.size(), n);
    (void)error;  // 24 characters hold every 64-bit integer
    out.append(digits.data(), end);
}

void append_value(std::string& out, const json& j, unsigned depth);

// An object's members or an array's items, one a line, `depth + 1` levels in; empty: "{}", "[]".
template <typename Items, typename AppendItem>
void append_items(std::string& out, const Items& items, const char* brackets, unsigned depth, AppendItem append_item) {
    out += brackets[0];
    if (items.empty()) {
        out += brackets[1];
        return;
    }
    out += '\n';
    bool first = true;
    for (const auto& item : items) {
        if (!first) out += ",\n";
        first = false;
        append_indent(out, depth + 1);
        append_item(item);
    }
    out += '\n';
    append_indent(out, depth);
    out += brackets[1];
}

void append_value(std::string& out, const json& j, unsigned depth) {
    switch (j.type()) {
        case json::value_t::object:
            append_items(out, j.get_ref<const json::object_t&>(), "{}", depth, [&](const auto& member) {
                append_string(out, member.first);
                out += ": ";
                append_value(out, member.second, depth + 1);
            });
            return;
        case json::value_t::array:
            append_items(out, j.get_ref<const json::array_t&>(), "[]", depth,
                         [&](const json& item) { append_value(out, item, depth + 1); });
            return;
        case json::value_t::string:
            append_string(out, j.get_ref<const std::string&>());
            return;
        case json::value_t::boolean:
            out += j.get<bool>() ? "true" : "false";
            return;
        case json::value_t::null:
            out += "null";
            return;
        case json::value_t::number_integer:
            append_number(out, j.get<json::number_integer_t>());
            return;
        case json::value_t::number_unsigned:
            append_number(out, j.get<json::number_unsigned_t>());
            return;
        default: {
            // Floating-point numbers (nlohmann's own shortest form), binary, discarded: rare.
            // Binary spans lines, each then `depth` levels further in.
            const std::string text = j.dump(1, '\t', false, json::error_handler_t::replace);
            for (char c : text) {
                out += c;
                if (c == '\n') append_indent(out, depth);
            }
            return;
        }
    }
}

}  // namespace

void append_json(std::string& out, const json& j, unsigned depth) { append_value(out, j, depth); }

}  // namespace cp::reports
