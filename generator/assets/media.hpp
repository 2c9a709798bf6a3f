#pragma once
// Recordings: which files are sound or video a page can play, and the words of a WebVTT
// captions file, as the transcript under the player shows them and the search index holds them.
#include <optional>
#include <string>
#include <string_view>

namespace cp::assets {

struct MediaType {
    bool video = false;
    std::string_view mime;  // "audio/mp4"
};

// The type of a recording by its name: .mp3, .m4a, .ogg, .wav (sound) or .mp4, .webm (video),
// in any case. Nothing for any other file.
std::optional<MediaType> media_type(std::string_view path);

// The words of a WebVTT file: each cue's text on its own line, without the WEBVTT header, cue
// identifiers, timings, NOTE, STYLE and REGION blocks or markup; a voice tag (<v Ana>) becomes
// "Ana: " before its words, and a cue repeating the one before it is left out. Never throws;
// text that is not WebVTT gives what it holds outside those.
std::string captions_text(std::string_view vtt);

}  // namespace cp::assets
