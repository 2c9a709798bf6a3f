// The audience filter on a small memory made from the input (fuzz_memory.hpp), built for the
// public through every step of `commonplace build --audience public` (filter, links, bodies,
// indexes, search, feeds, theme, written into a staging folder that is then dropped) and audited.
//
// The invariant: nothing community-only reaches the public site. Before the build, the harness
// marks what is community-only with a word no input holds: every line inside a `:::community`
// block of any page, and every body line of a page the public build leaves out. No written file,
// and no file name, may then hold that word. A line that opens a block, as the contract writes it
// (`:::community`, spaces and case aside), must be inside a block the filter finds.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "audience/audit_facts.hpp"
#include "audience/filter.hpp"
#include "frontmatter/split.hpp"
#include "fuzz_memory.hpp"
#include "links/resolved_site.hpp"
#include "markdown/extensions.hpp"
#include "model/page_reader.hpp"
#include "parallel/pool.hpp"
#include "site/pipeline.hpp"
#include "theme/theme.hpp"

using namespace cp;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kMarker = "cpleakmarkq";

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// The contract's own opening line: three or more colons, then the word, case and spaces aside.
bool opens_community_block(std::string_view line) {
    std::string_view t = trim(line);
    std::size_t colons = t.find_first_not_of(':');
    if (colons == std::string_view::npos || colons < 3) return false;
    std::string word(trim(t.substr(colons)).substr(0, 9));
    for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return word == "community";
}

std::vector<std::string> lines_of(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = std::min(text.find('\n', pos), text.size());
        lines.emplace_back(text.substr(pos, end - pos));
        pos = end + 1;
    }
    return lines;
}

// The line with the marker added at its end (before a '\r'), so its Markdown keeps its meaning.
std::string marked(std::string line) {
    std::size_t at = !line.empty() && line.back() == '\r' ? line.size() - 1 : line.size();
    line.insert(at, std::string(" ").append(kMarker));
    return line;
}

// `file` with its community-only lines marked; `whole` marks every body line (a page the public
// build leaves out). Lines that are `:::` fences are left as they are: marking them would change
// where blocks end.
std::string mark_file(const source::SourceFile& file, bool whole) {
    diag::Sink sink;
    auto split = frontmatter::split(file.content, file.path, sink);
    if (!split) return file.content;
    std::vector<std::string> lines = lines_of(file.content);
    std::size_t body_first = static_cast<std::size_t>(split->body_first_line - 1);  // 0-based line in the file
    if (body_first > lines.size()) return file.content;
    std::string body;
    for (std::size_t i = body_first; i < lines.size(); ++i) body += lines[i] + "\n";
    auto blocks = audience::community_blocks(body);
    for (std::size_t i = body_first; i < lines.size(); ++i) {
        std::size_t line = i - body_first;
        bool inside = whole;
        for (const auto& b : blocks) inside = inside || (line > b.first_line && line < b.end_line);
        if (opens_community_block(lines[i])) {
            bool found = false;
            for (const auto& b : blocks) found = found || (line >= b.first_line && line < b.end_line);
            if (!found) {
                std::fprintf(stderr, "%s:%zu opens a community block the filter does not see\n", file.path.c_str(),
                             i + 1);
                std::abort();
            }
        }
        if (inside && trim(lines[i]).substr(0, 3) != ":::") lines[i] = marked(lines[i]);
    }
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i)
        out += lines[i] + (i + 1 < lines.size() || file.content.ends_with('\n') ? "\n" : "");
    return out;
}

const theme::Theme& default_theme() {
    static const theme::Theme theme = [] {
        diag::Sink sink;
        return theme::Theme(fs::path(COMMONPLACE_SOURCE_DIR) / "themes" / "default", {}, sink);
    }();
    return theme;
}

// Builds the memory for the public and returns the first written file (or file name) that holds
// the marker, or "" when none does (or the build stops on an error, as a real one would).
std::string public_build_leak(const source::Snapshot& snapshot) {
    diag::Sink sink;
    config::Config config = fuzz::config_of(snapshot, sink);
    model::Site unfiltered = fuzz::load(snapshot, config, sink);
    if (sink.has_errors()) return {};
    links::Catalogue catalogue = links::catalogue_of(unfiltered);
    audience::FilterOptions options{audience::Audience::Public, false};
    audience::AuditFacts facts = audience::audit_facts(unfiltered, {}, snapshot, options);
    links::ResolveOptions resolve_options;
    resolve_options.max_bytes = unfiltered.config.max_file_size;
    parallel::Pool pool(1);
    auto resolved =
        links::resolve(audience::filter(std::move(unfiltered), options, pool), catalogue, resolve_options, pool, sink);
    if (sink.has_errors()) return {};
    site::Outputs outputs = site::make_outputs(*resolved, pool, sink);
    output::SiteWriter writer(fuzz::scratch_folder() / "site");
    site::write_outputs(resolved->site(), outputs, default_theme(), snapshot, writer, pool, sink);
    if (sink.has_errors()) return {};
    diag::Sink audit_sink;  // the audit's own findings may be fuzzed common words: not the invariant
    site::audit_public_output(writer, facts, pool, audit_sink);
    for (const std::string& path : writer.paths()) {
        if (path.find(kMarker) != std::string::npos) return path + " (its name)";
        std::ifstream in(writer.staging() / path, std::ios::binary);
        std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        for (char& c : content) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (content.find(kMarker) != std::string::npos) return path;
    }
    return {};
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    markdown::register_extensions();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 16 * 1024) return 0;  // a small memory: the point is the filter, not Markdown's worst cases
    std::string_view input(reinterpret_cast<const char*>(data), size);
    std::vector<source::SourceFile> files = fuzz::files_of(input);
    // Which pages the public build leaves out, as the filter decides it from each page's own fields.
    diag::Sink sink;
    source::Snapshot plain = fuzz::snapshot_of(files);
    config::Config config = fuzz::config_of(plain, sink);
    std::vector<source::SourceFile> marked_files = files;
    for (auto& file : marked_files) {
        if (file.path == "commonplace.yaml") continue;
        diag::Sink page_sink;
        auto page = model::read_page(file, config, page_sink);
        bool left_out = page && !audience::keeps(*page, {audience::Audience::Public, false});
        file.content = mark_file(file, left_out);
        file.size = file.content.size();
    }
    std::string leak = public_build_leak(fuzz::snapshot_of(std::move(marked_files)));
    if (leak.empty()) return 0;
    // The input may hold the word itself (through an entity, say): then the unmarked memory's
    // build shows it too, and nothing leaked.
    if (!public_build_leak(plain).empty()) return 0;
    std::fprintf(stderr, "community-only text reached the public site: %s\n", leak.c_str());
    std::abort();
}
