#pragma once
// The personal-data guard: a step of every public build (and of `check --audience public`),
// after the audience filter, over exactly what the public site will show: each public page's
// body without its community blocks (prose, link targets, image text), the front-matter
// values it shows, its file name, the names of the assets it may publish, and the transcripts
// and captions of the recordings it may play. What it finds
// is reported at the source line and column, then failed on, hidden or let through as the
// config's `personal_data` says. The community build never runs it.
#include <string>
#include <vector>

#include "audience/audit_facts.hpp"
#include "audience/personal_data.hpp"
#include "diag/diagnostic.hpp"
#include "model/site.hpp"
#include "parallel/pool.hpp"
#include "source/snapshot.hpp"

namespace cp::audience {

// One piece of personal data a public page would show, where it is written.
struct Sighting {
    std::string path;
    int line = 0, column = 0;  // in the source file, front matter included; line 0: in the file's name
    PersonalData kind = PersonalData::Email;
    std::string text;    // as written
    bool fixed = false;  // in a file published as it is (a recording's captions): it cannot be hidden
};

struct GuardReport {
    std::string mode = "error";        // the config's personal_data: error | redact | allow
    std::vector<Sighting> reported;    // not allowed: errors, or warnings where they were hidden
    std::vector<std::string> allowed;  // found, but public on purpose (list, inline, or mode allow)
    // Hidden where found, yet still written elsewhere as something else (inside code, or a
    // number another page allows): the audit cannot look for these.
    std::vector<std::string> shown_otherwise;
};

// Scans the filtered public site (its sources read from `snapshot` for the front matter's
// positions; each page on `pool`'s threads) and reports each sighting to the sink: an error, or under `redact` a warning
// once it is replaced by "(hidden)" in the site itself (bodies and every shown front-matter
// string), so the summary, search index, feed and every other output are made without it.
// A file name cannot be hidden: it stays an error. `known`, when given, names the addresses
// the git history and front matter hold, so such a sighting says where else it comes from.
GuardReport guard_personal_data(model::Site& site, const source::Snapshot& snapshot, const AuditFacts* known,
                                parallel::Pool& pool, diag::Sink& sink);

// One line per kind found ("personal data on public pages: 2 phone numbers, hidden"), in
// the order of PersonalData; empty when nothing was reported.
std::vector<std::string> guard_summary(const GuardReport& report);

// The audit of the written files uses the guard's findings rather than a matcher of its own:
// whatever was hidden must be in no output file, and an address the guard let through (a
// mailing list's, allowed) is not a leak even when git knows it too.
void hand_to_audit(const GuardReport& report, AuditFacts& facts);

}  // namespace cp::audience
