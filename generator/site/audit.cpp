// The public build's last step: it reads back what it wrote, from the staging folder,
// and fails (before anything is swapped in) when any file or file name holds what the
// audience filter removed. A second, independent line of defence after the filter.
#include <algorithm>
#include <filesystem>

#include "audience/audit.hpp"
#include "parallel/pool.hpp"
#include "site/pipeline.hpp"
#include "text/files.hpp"

namespace cp::site {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxReported = 50;  // a broken stage leaks into every page; a few say enough

}  // namespace

std::size_t audit_public_output(const output::SiteWriter& writer, const audience::AuditFacts& facts,
                                parallel::Pool& pool, diag::Sink& sink) {
    std::vector<std::string> files;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(writer.staging(), ec), end; !ec && it != end; it.increment(ec)) {
        std::string relative = it->path().lexically_relative(writer.staging()).generic_string();
        if (it->is_directory(ec)) {
            // A folder's name is a file name too ("tags/secret/").
            files.push_back(relative + "/");
            continue;
        }
        files.push_back(relative);
    }
    if (ec) {
        sink.error(writer.staging().string(), 0, 0, "could not read back the output to audit it: " + ec.message());
        return 0;
    }
    std::sort(files.begin(), files.end());

    audience::Auditor auditor(facts);
    std::vector<std::vector<audience::Finding>> findings(files.size());
    std::vector<bool> unreadable(files.size(), false);
    pool.parallel_for(files.size(), [&](std::size_t i) {
        const std::string& path = files[i];
        std::string content;
        if (path.back() != '/') {
            auto bytes = text::read_file(writer.staging() / path);
            if (!bytes) {
                unreadable[i] = true;
                return;
            }
            content = std::move(*bytes);
        }
        findings[i] = auditor.check(path, content);
    });

    std::size_t reported = 0, total = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (unreadable[i]) sink.error(files[i], 0, 0, "the public build's audit could not read this output file");
        for (const auto& f : findings[i]) {
            if (++total > kMaxReported) continue;
            ++reported;
            sink.error(files[i], 0, 0,
                       std::string("public output leaks ") + f.what + (f.in_name ? " in its file name" : "") + ": \"" +
                           f.found + "\"");
        }
    }
    if (total > reported)
        sink.error("(public output)", 0, 0,
                   "and " + std::to_string(total - reported) + " more leaks found by the audit");
    return files.size();
}

}  // namespace cp::site
