// The addresses the generator reserves for itself (model/reserved_addresses.hpp), as the two
// parts that read the list see them: the loader refuses a page at one, and the link resolver
// takes a link to one for a link to something. Before the list was one, the two disagreed.
#include <catch2/catch.hpp>

#include "links/resolve.hpp"
#include "model/reserved_addresses.hpp"
#include "test_support.hpp"

using namespace cp;
using namespace cp::testing;

namespace {

// "domains" for "/domains/": the top-level file whose page has that address.
std::string file_stem(std::string_view url) { return std::string(url.substr(1, url.size() - 2)); }

}  // namespace

TEST_CASE("every reserved address but the home page's is refused to a page", "[model][links]") {
    MemoryFiles files = {{"index.md", "# Home\n\nThe memory's home page.\n"}};
    std::vector<std::string> refused;
    for (std::string_view url : model::reserved_addresses()) {
        INFO(url);
        CHECK(model::is_reserved_address(url));
        CHECK(model::is_taken_by_generator(url) == (url != model::kHomeAddress));
        // A page's address ends in '/': none can be at a file's address ("/feed.xml").
        if (url == model::kHomeAddress || url.back() != '/') continue;
        files[file_stem(url) + ".md"] = "# A page\n\nIn the generator's way.\n";
        refused.push_back(file_stem(url) + ".md");
    }
    REQUIRE(refused.size() > 10);
    TempMemory memory(files);
    auto run = run_check(memory);
    INFO(run.messages);
    CHECK(run.status != 0);
    std::vector<std::string> expected;
    for (const auto& path : refused)
        expected.push_back(path + ":1:1: error: this page would take the address /" + path.substr(0, path.size() - 3) +
                           "/, which the generator writes itself; rename the file");
    std::sort(expected.begin(), expected.end());
    std::vector<std::string> found;
    for (const auto& line : problems(run.messages))
        if (line.find("which the generator writes itself") != std::string::npos) found.push_back(line);
    std::sort(found.begin(), found.end());
    CHECK(found == expected);
    // index.md takes "/" without a word: it is the home page's text.
    CHECK(run.messages.find("index.md:1:1") == std::string::npos);
}

TEST_CASE("a link to every reserved address is a link to something", "[model][links]") {
    links::Catalogue catalogue;
    std::string body = "# Links\n\n";
    for (std::string_view url : model::reserved_addresses()) {
        INFO(url);
        CHECK(links::is_generated_address(std::string(url), catalogue));
        body += "[to " + std::string(url) + "](" + std::string(url) + ")\n\n";
    }
    TempMemory memory({{"index.md", "# Home\n\nThe memory's home page.\n"}, {"notes/links.md", body}});
    auto run = run_check(memory);
    INFO(run.messages);
    CHECK(problems(run.messages).empty());
    CHECK(run.status == 0);
}
