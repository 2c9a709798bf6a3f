#include "source/read_again.hpp"

#include "source/git_tree.hpp"
#include "text/files.hpp"
#include "text/hash.hpp"

namespace cp::source {

void let_go_of_text(SourceFile& file, std::size_t keep) {
    if (!file.text_let_go && !file.quick_hash) file.quick_hash = text::QuickHash::of(file.content);
    file.text_let_go = true;
    if (keep < file.content.size()) {
        file.content.resize(keep);
        file.content.shrink_to_fit();  // the bytes let go are given back, not kept as slack
    }
}

ReadAgain::ReadAgain(const Snapshot& snapshot) : snapshot_(snapshot) {}

ReadAgain::~ReadAgain() = default;

std::optional<std::string> ReadAgain::text_of(const SourceFile& file) {
    if (!file.text_let_go) return file.content;
    std::optional<std::string> text;
    if (snapshot_.commit) {
        if (!tried_) {
            std::string error;
            repository_ = Repository::find(snapshot_.root, error);
            tried_ = true;
        }
        if (repository_) text = repository_->read_file(*snapshot_.commit, file.path, file.size);
    } else {
        text = text::read_file(snapshot_.root / file.path);
    }
    if (!text || text::QuickHash::of(*text) != file.quick_hash) return std::nullopt;
    return text;
}

}  // namespace cp::source
