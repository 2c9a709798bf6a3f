#include "assets/media.hpp"

#include <vector>

namespace cp::assets {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// The lines of the text, whatever its line endings.
std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\n' && text[i] != '\r') continue;
        lines.push_back(text.substr(start, i - start));
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        start = i + 1;
    }
    if (start < text.size()) lines.push_back(text.substr(start));
    return lines;
}

bool blank(std::string_view line) { return line.find_first_not_of(" \t") == std::string_view::npos; }

// A block that starts with this word (alone, or before a space or tab) is no cue.
bool starts_with_word(std::string_view line, std::string_view word) {
    return line.substr(0, word.size()) == word &&
        (line.size() == word.size() || line[word.size()] == ' ' || line[word.size()] == '\t');
}

// A cue's line without its markup: tags dropped (a voice tag's name kept as "Name: "), the
// character references WebVTT knows decoded.
std::string cue_words(std::string_view line) {
    std::string out;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (c == '<') {
            std::size_t close = line.find('>', i);
            if (close == std::string_view::npos) break;
            std::string_view tag = line.substr(i + 1, close - i - 1);
            if (tag.size() > 2 && (tag[0] == 'v' || tag[0] == 'V') && (tag[1] == ' ' || tag[1] == '.')) {
                std::size_t name = tag.find(' ');
                if (name != std::string_view::npos) {
                    std::string_view who = tag.substr(name + 1);
                    while (!who.empty() && who.front() == ' ') who.remove_prefix(1);
                    while (!who.empty() && who.back() == ' ') who.remove_suffix(1);
                    if (!who.empty()) out += std::string(who) + ": ";
                }
            }
            i = close;
            continue;
        }
        if (c == '&') {
            static const std::pair<std::string_view, std::string_view> kReferences[] = {
                {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&nbsp;", " "}, {"&lrm;", ""}, {"&rlm;", ""}};
            bool decoded = false;
            for (const auto& [name, value] : kReferences)
                if (line.substr(i, name.size()) == name) {
                    out += value;
                    i += name.size() - 1;
                    decoded = true;
                    break;
                }
            if (decoded) continue;
        }
        out += c;
    }
    return out;
}

}  // namespace

std::optional<MediaType> media_type(std::string_view path) {
    auto dot = path.rfind('.');
    if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos) return std::nullopt;
    std::string ext = lower(path.substr(dot + 1));
    if (ext == "mp3") return MediaType{false, "audio/mpeg"};
    if (ext == "m4a") return MediaType{false, "audio/mp4"};
    if (ext == "ogg") return MediaType{false, "audio/ogg"};
    if (ext == "wav") return MediaType{false, "audio/wav"};
    if (ext == "mp4") return MediaType{true, "video/mp4"};
    if (ext == "webm") return MediaType{true, "video/webm"};
    return std::nullopt;
}

std::string captions_text(std::string_view vtt) {
    if (vtt.substr(0, 3) == "\xEF\xBB\xBF") vtt.remove_prefix(3);
    auto lines = lines_of(vtt);
    std::string out, previous;
    std::size_t i = 0;
    // The header: the WEBVTT line and whatever follows it up to the first blank line.
    if (i < lines.size() && lines[i].substr(0, 6) == "WEBVTT")
        while (i < lines.size() && !blank(lines[i])) ++i;
    while (i < lines.size()) {
        while (i < lines.size() && blank(lines[i])) ++i;
        std::size_t start = i;
        while (i < lines.size() && !blank(lines[i])) ++i;
        if (start == i) break;
        std::string_view first = lines[start];
        if (starts_with_word(first, "NOTE") || starts_with_word(first, "STYLE") || starts_with_word(first, "REGION"))
            continue;
        // The timing line is the first or (after an identifier) the second; the words follow it.
        auto is_timing = [&](std::size_t k) { return k < i && lines[k].find("-->") != std::string_view::npos; };
        std::size_t timing = is_timing(start) ? start : start + 1;
        if (!is_timing(timing)) continue;  // not a cue
        std::string cue;
        for (std::size_t k = timing + 1; k < i; ++k) {
            std::string words = cue_words(lines[k]);
            if (words.empty()) continue;
            if (!cue.empty()) cue += ' ';
            cue += words;
        }
        if (cue.empty() || cue == previous) continue;
        if (!out.empty()) out += '\n';
        out += cue;
        previous = std::move(cue);
    }
    return out;
}

}  // namespace cp::assets
