#include "site/preview.hpp"

#include <algorithm>
#include <utility>

#include "diag/diagnostic.hpp"
#include "parallel/pool.hpp"
#include "site/build_cache.hpp"
#include "site/pipeline.hpp"
#include "site/step_timer.hpp"
#include "text/files.hpp"

namespace cp::site {

// One built site as shown: what prepare() made, the files it has, and those rendered so far.
struct Preview::Shown {
    std::unique_ptr<Prepared> prepared;
    std::map<std::string, OutputFile> files;  // by site-relative path

    std::mutex mutex;                             // guards the two below
    bool search_added = false;                    // the search index's files are in `files`
    std::map<std::string, std::string> rendered;  // path -> bytes, once asked for

    // Adds each file once; a path made twice keeps the first (a build would stop there).
    bool add(std::vector<OutputFile>&& list, diag::Sink& sink) {
        bool ok = true;
        for (auto& f : list) {
            auto [it, added] = files.try_emplace(f.path, std::move(f));
            if (!added) {
                report_clash(f, it->second.origin, sink);
                ok = false;
            }
        }
        return ok;
    }

    // The search index is built when one of its files, or the list of every file, is first
    // asked for (make_outputs): its files are added then.
    void add_search_files() {
        {
            std::lock_guard lock(mutex);
            if (search_added) return;
        }
        auto search = search_output_files(prepared->outputs);  // builds the index, unlocked
        std::lock_guard lock(mutex);
        if (search_added) return;
        diag::Sink ignored;  // the index's paths are its own (search/...): no page is there
        add(std::move(search), ignored);
        search_added = true;
    }

    const OutputFile* find(const std::string& path) {
        std::lock_guard lock(mutex);
        auto it = files.find(path);
        return it == files.end() ? nullptr : &it->second;
    }
};

Preview::Preview(BuildOptions options)
    : cache_(std::make_unique<BuildCache>()),
      options_(std::move(options)),
      pool_(std::make_unique<parallel::Pool>(options_.jobs)) {
    options_.cache = cache_.get();
}

Preview::~Preview() = default;

std::shared_ptr<Preview::Shown> Preview::current() const {
    std::lock_guard lock(mutex_);
    return shown_;
}

bool Preview::rebuild(std::ostream& err, const std::optional<std::vector<std::string>>& changed) {
    cache_->files.note_changes(changed);
    auto next = std::make_shared<Shown>();
    diag::Sink sink;
    StepTimer timer(options_.timings, err);
    next->prepared = prepare(options_, Mode::Build, *pool_, sink, [&](const char* name) { timer.step(name); });
    const Prepared& made = *next->prepared;
    bool ok = made.resolved && !sink.has_errors();
    if (ok) {
        const model::Site& site = made.resolved->site();
        ok = next->add(output_files(site, made.outputs, *made.loaded.theme), sink) &&
            next->add(copied_files(made.outputs, *made.loaded.theme, made.loaded.snapshot), sink);
    }
    timer.step("files listed");
    print_problems(sink, made.loaded.snapshot, err, options_.max_problems, made.guard);
    timer.step("problems printed");
    if (!ok) {
        err << "commonplace serve: " << sink.error_count() << " error(s); the site shown before stays\n";
        return false;
    }
    std::shared_ptr<Shown> replaced;
    {
        std::lock_guard lock(mutex_);
        replaced = std::exchange(shown_, std::move(next));
    }
    previous_ = std::move(replaced);  // outside the lock: one not let go of before is freed here
    timer.step("shown");
    return true;
}

void Preview::let_go_of_previous() { previous_.reset(); }

std::size_t Preview::folder_walks() const { return cache_->files.walks; }

std::optional<std::string> Preview::file(const std::string& path) {
    std::shared_ptr<Shown> shown = current();
    if (!shown) return std::nullopt;
    {
        std::lock_guard lock(shown->mutex);
        if (auto it = shown->rendered.find(path); it != shown->rendered.end()) return it->second;
    }
    const OutputFile* f = shown->find(path);
    if (!f && path.rfind("search/", 0) == 0) {
        shown->add_search_files();
        f = shown->find(path);
    }
    if (!f) return std::nullopt;
    // Made outside the lock: two requests render two pages at once.
    std::string bytes;
    if (!f->copy_from.empty()) {
        bytes = text::read_file_or_empty(f->copy_from);
    } else {
        f->produce([&bytes](std::string_view piece) { bytes.append(piece); });
    }
    std::lock_guard lock(shown->mutex);
    return shown->rendered.try_emplace(path, std::move(bytes)).first->second;
}

std::optional<std::string> Preview::not_found_page() {
    std::shared_ptr<Shown> shown = current();
    auto page = file("404.html");
    if (!shown || !page) return page;
    const std::string& base = shown->prepared->resolved->site().config.base_url;
    if (base.empty() || base == "/") return page;
    std::string out;
    out.reserve(page->size());
    for (std::size_t at = 0;;) {
        std::size_t found = page->find(base, at);
        out.append(*page, at, found == std::string::npos ? std::string::npos : found - at);
        if (found == std::string::npos) break;
        out += '/';
        at = found + base.size();
    }
    return out;
}

std::vector<std::string> Preview::paths() {
    std::shared_ptr<Shown> shown = current();
    std::vector<std::string> out;
    if (!shown) return out;
    shown->add_search_files();
    std::lock_guard lock(shown->mutex);
    for (const auto& [path, unused] : shown->files) out.push_back(path);
    return out;
}

}  // namespace cp::site
