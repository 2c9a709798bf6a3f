#include "cli/scaffold.hpp"

#include <git2.h>

#include <ctime>
#include <fstream>

#include "cli/adopt.hpp"
#include "model/slug.hpp"
#include "site/build.hpp"
#include "time/date.hpp"

namespace cp::cli {

namespace fs = std::filesystem;

namespace {

std::string today() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

// A YAML double-quoted string, so any title is safe in front matter.
std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out.push_back('\\');
        out.push_back(c);
    }
    return out + "\"";
}

bool write_new(const fs::path& path, const std::string& text, std::ostream& err) {
    std::error_code ec;
    if (fs::exists(path, ec)) {
        err << path.string() << ": error: the file already exists; nothing was written\n";
        return false;
    }
    fs::create_directories(path.parent_path(), ec);
    std::ofstream out(path, std::ios::binary);
    out << text;
    return static_cast<bool>(out);
}

}  // namespace

int new_page(const NewPageOptions& o, std::ostream& out, std::ostream& err) {
    std::string date = o.date.empty() ? today() : o.date;
    auto day = time::Date::parse(date);
    if (!day) {
        err << "commonplace new: --date must be YYYY-MM-DD, not '" << date << "'\n";
        return site::kExitUsage;
    }
    std::string slug = model::slugify(o.title);
    std::string domains = o.domain.empty() ? "[]" : "[" + o.domain + "]";
    fs::path path;
    std::string text;
    if (o.type == "meeting") {
        path = o.memory / "meetings" / day->year_text() / (date + "-" + slug + ".md");
        text = "---\ntitle: " + quoted(o.title) + "\ndate: " + date +
            "\ntime: \"\"\nend_time: \"\"\nlocation: \"\"\nformat: in-person\nseries: \"\"\ndomains: " + domains +
            "\nattendees: []\napologies: []\nroles:\n  convener: []\n  facilitator: []\n  social_reporter: []\n"
            "agenda: []\ndecisions: []\nactions: []\n#  - action: what is to be done\n#    owner: person-slug\n"
            "#    due: YYYY-MM-DD\nparking_lot: []\nfeedback:\n  went_well: []\n  to_improve: []\nhighlights: []\n"
            "tags: []\nvisibility: community\n---\n\nWhat happened, in the words of the people who were there.\n";
    } else if (o.type == "note") {
        path = o.memory / "notes" / (slug + ".md");
        text = "---\ntitle: " + quoted(o.title) + "\ndate: " + date +
            "\nkind: story\nauthors: []\ndomains: " + domains +
            "\ntags: []\nrelated: []\nvisibility: community\n---\n\n";
    } else if (o.type == "domain") {
        path = o.memory / "domains" / (slug + ".md");
        text = "---\ntitle: " + quoted(o.title) + "\nconveners: []\nphase: discovering\nstarted: " + date +
            "\nphases:\n  - phase: discovering\n    since: " + date +
            "\npractices: []\nlearning_agenda: []\nexpected_results: []\naudiences: []\nvisibility: community\n---\n\n"
            "What problem area draws people together here, and why it matters.\n";
    } else if (o.type == "person") {
        path = o.memory / "people" / (slug + ".md");
        text = "---\ntitle: " + quoted(o.title) +
            "\nroles: []\norganisation: \"\"\nprofession: \"\"\nexpertise: []\njoined: " + date +
            "\ndomains: " + domains + "\ngit: []\nvisibility: community\n---\n\n";
    } else {
        err << "commonplace new: the type must be meeting, note, domain or person, not '" << o.type << "'\n";
        return site::kExitUsage;
    }
    if (!write_new(path, text, err)) return site::kExitContentError;
    out << path.string() << "\n";
    return site::kExitOk;
}

int init_memory(const fs::path& dir, std::ostream& out, std::ostream& err) {
    std::error_code ec;
    if (fs::exists(dir / "commonplace.yaml", ec)) {
        err << (dir / "commonplace.yaml").string() << ": error: a memory is already here; nothing was written\n";
        return site::kExitContentError;
    }
    // A repository that already holds notes or minutes keeps them as they are: only the config
    // is added (never an index.md beside a README.md, which is the home page already).
    const bool existing_content = holds_markdown(dir);
    if (existing_content) {
        if (adopt_repository(dir, out, err) != site::kExitOk) return site::kExitContentError;
    }
    fs::create_directories(dir, ec);
    if (!existing_content)
        for (const char* folder : {"meetings", "notes", "people", "assets"}) fs::create_directories(dir / folder, ec);
    bool ok = existing_content ||
        (write_new(dir / "commonplace.yaml",
                   "# Site settings: every key is optional.\ntitle: Community memory\ndescription: \"\"\n"
                   "base_url: /\nlanguage: en\ntimezone: UTC\ndefault_visibility: community\npublic_names: full\n",
                   err) &&
         write_new(dir / "index.md",
                   "---\ntitle: Community memory\nvisibility: public\n---\n\nWho we are, what we work on, and how "
                   "to find your way in.\n",
                   err) &&
         write_new(dir / "domains/our-first-domain.md",
                   "---\ntitle: Our first domain\nphase: discovering\nconveners: []\npractices: []\n"
                   "learning_agenda: []\n---\n\nThe problem area that draws us together.\n",
                   err));
    if (!ok) return site::kExitContentError;
    git_libgit2_init();
    git_repository* repo = nullptr;
    bool existing = git_repository_open_ext(&repo, dir.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) == 0;
    if (!existing && git_repository_init(&repo, dir.c_str(), 0) != 0) {
        const git_error* e = git_error_last();
        err << "commonplace init: cannot make a git repository: " << (e ? e->message : "unknown error") << "\n";
        git_libgit2_shutdown();
        return site::kExitContentError;
    }
    git_repository_free(repo);
    git_libgit2_shutdown();
    out << "Started a memory in " << dir.string() << (existing ? "" : " with a new git repository") << ".\n"
        << "Add people with `commonplace new person \"Name\"`, then commit.\n";
    return site::kExitOk;
}

}  // namespace cp::cli
