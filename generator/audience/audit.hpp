#pragma once
// The public build's audit of its own output: every file it wrote, and every file's name,
// searched for what the audience filter removed. A finding means a stage leaked.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "audience/audit_facts.hpp"
#include "audience/matcher.hpp"

namespace cp::audience {

struct Finding {
    std::string what;      // "the title of community page notes/x.md"
    std::string found;     // the text found, shortened, for the message
    bool in_name = false;  // found in the file's name rather than its bytes
};

class Auditor {
public:
    // Prepares the search for every forbidden string at once. Never fails.
    explicit Auditor(const AuditFacts& facts);
    // The leaks in one written file, given its site-relative path ("notes/x/index.html") and
    // bytes: forbidden strings in the name or the text, and links (href, src) that lead to
    // an address the filter removed, however relative. Empty when the file is clean.
    std::vector<Finding> check(const std::string& path, std::string_view content) const;

private:
    void check_links(const std::string& path, std::string_view content, std::vector<Finding>& out) const;
    const AuditFacts& facts_;
    Matcher matcher_;
    std::map<std::string, std::string> urls_;  // forbidden address -> what it is
};

}  // namespace cp::audience
