#pragma once
// What the site knows about its files besides their addresses: each picture's size, read
// from its header, and each recording's captions and transcript, found beside it by name
// (NAME.vtt, NAME.md, NAME.txt beside NAME.m4a).
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/site.hpp"
#include "source/snapshot.hpp"

namespace cp::model {

// Fills width and height of every picture (assets::image_size) and the captions, transcript
// and companion_of of every recording and the files beside it. `assets` is sorted by url. A
// transcript that cannot be shown (not read, too large, not UTF-8) is a warning at its file,
// and the recording plays without it.
void describe_assets(std::vector<Asset>& assets, const source::Snapshot& snapshot, diag::Sink& sink);

// What must be named for the asset to be published: its own path, or for a recording's captions
// or transcript, the recording's url (they are published exactly when it is).
const std::string& published_with(const Asset& asset);

// The asset at a site-absolute url in `assets` (sorted by url), or nullptr.
const Asset* find_asset(const std::vector<Asset>& assets, const std::string& url);

}  // namespace cp::model
