#include "model/assets.hpp"

#include <algorithm>

#include "assets/image_size.hpp"
#include "assets/media.hpp"
#include "frontmatter/split.hpp"

namespace cp::model {

namespace {

Asset* find_mutable(std::vector<Asset>& assets, const std::string& url) {
    return const_cast<Asset*>(find_asset(assets, url));  // the vector is ours to change
}

// The text of a transcript file, or nothing (with a warning) when it cannot be shown.
std::optional<std::string> transcript_text(const source::Snapshot& snapshot, const std::string& path,
                                           diag::Sink& sink) {
    const source::SourceFile* file = snapshot.find(path);
    if (!file) return std::nullopt;
    if (file->too_large || file->lfs_pointer || !file->disk_path.empty()) {
        sink.warning(path, 0, 0,
                     "this transcript is not shown under its recording: it is too large or not in the "
                     "repository");
        return std::nullopt;
    }
    if (auto bad = frontmatter::find_invalid_utf8(file->content)) {
        sink.warning(path, bad->first, bad->second,
                     "this transcript is not shown under its recording: it is not UTF-8 text");
        return std::nullopt;
    }
    return file->content;
}

}  // namespace

const std::string& published_with(const Asset& asset) {
    return asset.companion_of.empty() ? asset.source_path : asset.companion_of;
}

const Asset* find_asset(const std::vector<Asset>& assets, const std::string& url) {
    auto it = std::lower_bound(assets.begin(), assets.end(), url,
                               [](const Asset& a, const std::string& u) { return a.url < u; });
    return it != assets.end() && it->url == url ? &*it : nullptr;
}

void describe_assets(std::vector<Asset>& assets, const source::Snapshot& snapshot, diag::Sink& sink) {
    for (Asset& asset : assets) {
        if (!assets::is_picture_name(asset.source_path)) continue;
        const source::SourceFile* file = snapshot.find(asset.source_path);
        if (!file || file->lfs_pointer) continue;
        if (auto size = assets::image_size(file->content.empty() ? file->head : file->content)) {
            asset.width = size->width;
            asset.height = size->height;
        }
    }
    for (Asset& recording : assets) {
        if (!assets::media_type(recording.source_path)) continue;
        std::string stem = recording.url.substr(0, recording.url.rfind('.'));
        // The transcript shown: a Markdown or text file first, else the captions' words.
        for (const char* extension : {".md", ".txt", ".vtt"}) {
            Asset* beside = find_mutable(assets, stem + extension);
            if (!beside || !beside->companion_of.empty()) continue;
            beside->companion_of = recording.url;
            bool captions = std::string_view(extension) == ".vtt";
            if (captions) recording.captions = beside->url;
            if (recording.transcript) continue;
            auto text = transcript_text(snapshot, beside->source_path, sink);
            if (!text) continue;
            Transcript t;
            t.path = beside->source_path;
            t.format = captions                        ? Transcript::Format::Captions
                : std::string_view(extension) == ".md" ? Transcript::Format::Markdown
                                                       : Transcript::Format::Text;
            t.text = captions ? assets::captions_text(*text) : std::move(*text);
            recording.transcript = std::move(t);
        }
    }
}

}  // namespace cp::model
