// The personal-data guard: its detectors (every true form, and the false alarms it must not
// raise), and the public build and check that run it (errors at the source, redact, allow).
#include <catch2/catch.hpp>

#include <cstdlib>

#include "audience/matcher.hpp"
#include "audience/personal_data.hpp"
#include "site_fixture.hpp"

using namespace cp;
using audience::PersonalData;
using namespace cp::testing;

namespace {

struct Found {
    std::string text;
    PersonalData kind;
    bool operator==(const Found& o) const { return text == o.text && kind == o.kind; }
};

std::ostream& operator<<(std::ostream& os, const Found& f) {
    return os << "{" << f.text << ", " << audience::personal_data_name(f.kind) << "}";
}

std::vector<Found> found(const std::string& text, bool markdown = false) {
    std::vector<Found> out;
    auto matches = markdown ? audience::find_personal_data_in_markdown(text) : audience::find_personal_data(text);
    for (const auto& m : matches) out.push_back({text.substr(m.start, m.length), m.kind});
    return out;
}

}  // namespace

TEST_CASE("personal data: every form of each kind is found, exactly", "[personal-data]") {
    using K = PersonalData;
    const std::vector<std::pair<std::string, Found>> cases = {
        {"write to ada.okafor@nhs.net today", {"ada.okafor@nhs.net", K::Email}},
        {"mobile 07700 900123.", {"07700 900123", K::Phone}},
        {"mobile 07700900123", {"07700900123", K::Phone}},
        {"London 020 7946 0958", {"020 7946 0958", K::Phone}},
        {"London (020) 7946 0958", {"(020) 7946 0958", K::Phone}},
        {"Leeds 0113-496-0000", {"0113-496-0000", K::Phone}},
        {"Alston 016977 4567", {"016977 4567", K::Phone}},
        {"from abroad +44 20 7946 0958", {"+44 20 7946 0958", K::Phone}},
        {"from abroad +44 (0)20 7946 0958", {"+44 (0)20 7946 0958", K::Phone}},
        {"from abroad +447700900123", {"+447700900123", K::Phone}},
        {"in Dublin +353 1 234 5678", {"+353 1 234 5678", K::Phone}},
        {"in Boston +1 617-555-0100", {"+1 617-555-0100", K::Phone}},
        {"Tel:07700 900123", {"07700 900123", K::Phone}},
        {"NHS number 943 476 5919", {"943 476 5919", K::NhsNumber}},
        {"NHS number 9434765919", {"9434765919", K::NhsNumber}},
        {"NHS number 943-476-5919", {"943-476-5919", K::NhsNumber}},
        {"NHS no. 401 023 2137", {"401 023 2137", K::NhsNumber}},
        {"NI number AB 12 34 56 C", {"AB 12 34 56 C", K::NiNumber}},
        {"NI number AB123456C.", {"AB123456C", K::NiNumber}},
        {"DOB: 14/03/1962", {"14/03/1962", K::DateOfBirth}},
        {"D.O.B. 14.03.62", {"14.03.62", K::DateOfBirth}},
        {"date of birth 1962-03-14", {"1962-03-14", K::DateOfBirth}},
        {"Date of birth: 14th March 1962", {"14th March 1962", K::DateOfBirth}},
        {"she was born on 14 Mar 1962", {"14 Mar 1962", K::DateOfBirth}},
        {"born on March 14, 1962", {"March 14, 1962", K::DateOfBirth}},
        {"| DOB | 14/03/1962 |", {"14/03/1962", K::DateOfBirth}},
    };
    for (const auto& [text, expected] : cases) {
        INFO(text);
        CHECK(found(text) == std::vector<Found>{expected});
        CHECK(found(text, true) == std::vector<Found>{expected});
    }
}

TEST_CASE("personal data: no false alarms", "[personal-data]") {
    const std::vector<std::string> clean = {
        "a reference 943 476 5918 (its check digit is wrong)",
        "a reference 9434765918",
        "a reference 1234567890",
        "ISBN 978-0-306-40615-7",
        "ISBN 0-306-40615-2",
        "ISBN 0306406152",
        "ISBN-10: 0306406152",
        "doi:10.1136/bmj.38959.471234.55",
        "https://doi.org/10.1371/journal.pone.0123456789",
        "version 10.0.19041.1234, v2.10.0, release 1.2.3",
        "on 2019-03-14, 14/03/2019, 14.03.2019 and 14 March 2019",
        "at 10:30, 09:30-10:00 and 18:45:00",
        "2019-03-14T10:30:00Z",
        "see https://example.org/reports/07700900123/page and www.example.org/020-7946-0958",
        "http://example.org/?nhs=9434765919",
        "the HMRC specimen QQ 12 34 56 C and the unallocated GB123456A",
        "he was born in 1962 and joined on 14/03/1990",
        "Dobson 14/03/1962",
        "the logo is logo@2x.png",
        "counts 0 1 2 3 4 5 6 7 8 9",
        "price 0.50, 1,234,567 and +12 to 345",
        "file ref-07700900123 and 07700900123-2",
        "a 00 44 prefix 0044 20 7946 0958 written the old way",
    };
    for (const auto& text : clean) {
        INFO(text);
        CHECK(found(text).empty());
    }
}

TEST_CASE("personal data: code blocks, code spans and HTML comments are not prose", "[personal-data]") {
    std::string body =
        "Text.\n\n```\ncall 07700 900123\nada@nhs.net\n```\n\n    indented 020 7946 0958\n\n"
        "Inline `07700 900123` and ``a ` 9434765919`` code.\n<!-- 07700 900123 -->\n\nReal 07700 900124.\n";
    CHECK(found(body, true) == std::vector<Found>{{"07700 900124", PersonalData::Phone}});
    // The same as plain text: all of them.
    CHECK(found(body).size() == 7);
}

namespace {

// A public memory written inline, built or checked for the public, read back.
struct Memory {
    TempFolder tmp;
    fs::path root() const { return tmp / "memory"; }
    void write(const std::map<std::string, std::string>& files) const { write_files(root(), files); }
    BuildRun check() const {
        auto options = options_for(root(), tmp / "unused");
        options.audience = audience::Audience::Public;
        return check_site(options);
    }
    BuildRun build(const std::string& out, audience::Audience audience = audience::Audience::Public) const {
        auto options = options_for(root(), tmp / out);
        options.audience = audience;
        return build_site(options);
    }
    // The output files holding `text`, as written or however escaped.
    std::vector<std::string> holding(const std::string& out, const std::string& text) const {
        std::vector<std::string> where;
        std::string needle = audience::audit_text(text);
        for (const auto& [path, bytes] : read_tree(tmp / out))
            if (bytes.find(text) != std::string::npos ||
                audience::audit_text(bytes).find(needle) != std::string::npos || path.find(text) != std::string::npos)
                where.push_back(path);
        return where;
    }
};

const std::string kPublic = "---\nvisibility: public\n---\n";

// One note per kind; the finding's line and column in each, front matter counted.
const std::vector<std::tuple<std::string, std::string, std::string, std::string>> kOnePerKind = {
    // path, text, the personal data, "path:line:col: error: message"
    {"notes/mail.md", kPublic + "Write to ada.okafor@nhs.net for the slides.\n", "ada.okafor@nhs.net",
     "notes/mail.md:4:10: error: an e-mail address on a public page"},
    {"notes/phone.md", kPublic + "# Contacts\n\nThe ward: (020) 7946 0958, nights only.\n", "(020) 7946 0958",
     "notes/phone.md:6:11: error: a phone number on a public page"},
    {"notes/nhs.md", kPublic + "Line one.\nThe patient, 943 476 5919, was moved.\n", "943 476 5919",
     "notes/nhs.md:5:14: error: an NHS number on a public page"},
    {"notes/ni.md", kPublic + "Her NI number AB 12 34 56 C was on the form.\n", "AB 12 34 56 C",
     "notes/ni.md:4:15: error: a National Insurance number on a public page"},
    {"notes/dob.md", kPublic + "- DOB: 14/03/1962\n", "14/03/1962",
     "notes/dob.md:4:8: error: a date of birth on a public page"},
    {"notes/front.md", "---\ntitle: Handover\nvisibility: public\nsummary: Ward 7, ring 07700 900123\n---\nText.\n",
     "07700 900123", "notes/front.md:4:23: error: a phone number on a public page"},
    {"notes/link.md",
     kPublic + "See [the ward](tel:+447700900123) and ![scan of 943 476 5919](https://example.org/scan.png).\n",
     "+447700900123", "notes/link.md:4:20: error: a phone number on a public page"},
};

}  // namespace

TEST_CASE("guard: each kind on a public page fails check and build at its source line and column", "[guard]") {
    for (const auto& [path, text, data, message] : kOnePerKind) {
        INFO(path);
        Memory m;
        m.write({{path, text}});
        BuildRun check = m.check();
        CHECK(check.status == 1);
        CHECK(check.messages.find(message + "\n") != std::string::npos);
        BuildRun build = m.build("public");
        CHECK(build.status == 1);
        CHECK(build.messages.find(message + "\n") != std::string::npos);
        CHECK_FALSE(fs::exists(m.tmp / "public"));
    }
    // The image's text is seen too, on the same line.
    Memory m;
    m.write({{"notes/link.md", std::get<1>(kOnePerKind.back())}});
    CHECK(m.check().messages.find("notes/link.md:4:49: error: an NHS number on a public page\n") != std::string::npos);
}

TEST_CASE("guard: check prints each finding with its line and caret, then a line per kind", "[guard]") {
    Memory m;
    m.write({{"notes/a.md", kPublic + "Ring 07700 900123 or 07700 900124; ada@nhs.net.\n"}});
    BuildRun check = m.check();
    CHECK(check.status == 1);
    CHECK(check.messages ==
          "notes/a.md:4:6: error: a phone number on a public page\n"
          "    Ring 07700 900123 or 07700 900124; ada@nhs.net.\n"
          "         ^\n"
          "notes/a.md:4:22: error: a phone number on a public page\n"
          "    Ring 07700 900123 or 07700 900124; ada@nhs.net.\n"
          "                         ^\n"
          "notes/a.md:4:36: error: an e-mail address on a public page\n"
          "    Ring 07700 900123 or 07700 900124; ada@nhs.net.\n"
          "                                       ^\n"
          "commonplace: personal data on public pages: 1 e-mail address\n"
          "commonplace: personal data on public pages: 2 phone numbers\n"
          "commonplace check: 3 error(s), 0 warning(s)\n");
}

TEST_CASE("guard: under redact the public build hides each finding from every output file", "[guard]") {
    for (const auto& [path, text, data, message] : kOnePerKind) {
        INFO(path);
        Memory m;
        m.write({{path, text + "\nMore words to search for: handover.\n"},
                 {"commonplace.yaml", "personal_data: redact\n"}});
        BuildRun build = m.build("public");
        INFO(build.messages);
        REQUIRE(build.status == 0);
        std::string warning = message.substr(0, message.find(": error: ")) +
            ": warning: " + message.substr(message.find(": error: ") + 9) + " (hidden in the public build)\n";
        CHECK(build.messages.find(warning) != std::string::npos);
        CHECK(m.holding("public", data).empty());
        // Hidden, not dropped: the page says where something was.
        std::string slug = path.substr(6, path.size() - 9);
        CHECK(read_file(m.tmp / ("public/notes/" + slug + "/index.html")).find("(hidden)") != std::string::npos);
    }
}

TEST_CASE("guard: redact hides a title, summary and tag, wherever they are shown", "[guard]") {
    Memory m;
    m.write(
        {{"commonplace.yaml", "personal_data: redact\n"},
         {"notes/a.md",
          "---\ntitle: Call 07700 900123\nsummary: Or ring 020 7946 0958\ntags: [07700 900125]\n"
          "visibility: public\n---\n# Ring 07700 900126 first\n\nBody.\n"},
         {"notes/b.md", kPublic + "# Night line 07700 900127\n\nThe first paragraph holds +44 20 7946 0959 too.\n"}});
    BuildRun build = m.build("public");
    INFO(build.messages);
    REQUIRE(build.status == 0);
    for (const std::string data : {"07700 900123", "7946 0958", "07700 900125", "07700 900126", "07700 900127",
                                   "7946 0959", "07700-900127", "07700-900126"}) {
        INFO(data);
        CHECK(m.holding("public", data).empty());
    }
    CHECK(build.messages.find("commonplace: personal data on public pages: 6 phone numbers, hidden\n") !=
          std::string::npos);
}

TEST_CASE("guard: the allow list and the inline allow", "[guard]") {
    Memory m;
    m.write({{"commonplace.yaml", "personal_data_allow:\n  - '*@lists.example.org'\n  - 0300 123 4567\n"},
             {"notes/a.md",
              kPublic +
                  "Write to safety@lists.example.org or call 0300 123 4567.\n"
                  "The desk: 020 7946 0958 <!-- personal-data: allow -->\n"
                  "But ada@example.org is private, and so is 020 7946 0957.\n"
                  "The same desk again: 020 7946 0958.\n"},
             {"notes/b.md",
              "---\nvisibility: public\nsummary: Room 2, 020 7946 0950  # personal-data: allow\n---\nText.\n"}});
    BuildRun check = m.check();
    CHECK(check.status == 1);
    CHECK(check.messages.find("notes/a.md:6:5: error: an e-mail address on a public page\n") != std::string::npos);
    CHECK(check.messages.find("notes/a.md:6:43: error: a phone number on a public page\n") != std::string::npos);
    // The inline allow is for its own line only.
    CHECK(check.messages.find("notes/a.md:7:22: error: a phone number on a public page\n") != std::string::npos);
    CHECK(check.messages.find("commonplace check: 3 error(s)") != std::string::npos);

    // Under redact, what is allowed stays, the rest is hidden.
    write_file(m.root() / "commonplace.yaml",
               "personal_data: redact\npersonal_data_allow: ['*@lists.example.org', '0300 123 4567']\n");
    BuildRun build = m.build("public");
    INFO(build.messages);
    REQUIRE(build.status == 0);
    std::string a = read_file(m.tmp / "public/notes/a/index.html");
    CHECK(a.find("safety@lists.example.org") != std::string::npos);
    CHECK(a.find("0300 123 4567") != std::string::npos);
    CHECK(a.find("The desk: 020 7946 0958") != std::string::npos);
    CHECK(a.find("The same desk again: (hidden).") != std::string::npos);
    CHECK(m.holding("public", "ada@example.org").empty());
    CHECK(m.holding("public", "020 7946 0957").empty());
    CHECK(read_file(m.tmp / "public/notes/b/index.html").find("020 7946 0950") != std::string::npos);

    // personal_data: allow lets everything through, and says nothing.
    write_file(m.root() / "commonplace.yaml", "personal_data: allow\n");
    BuildRun allowed = m.check();
    CHECK(allowed.status == 0);
    CHECK(allowed.messages.empty());
}

TEST_CASE("guard: a file name cannot be hidden, so it stays an error under redact", "[guard]") {
    Memory m;
    m.write({{"commonplace.yaml", "personal_data: redact\n"},
             {"notes/a.md", kPublic + "The [scan](../assets/referral-9434765919.pdf).\n"},
             {"assets/referral-9434765919.pdf", "%PDF"},
             {"notes/call-07700-900123.md", kPublic + "Text.\n"}});
    BuildRun build = m.build("public");
    CHECK(build.status == 1);
    CHECK(build.messages.find("notes/call-07700-900123.md: error: a phone number in the name of a public file") !=
          std::string::npos);
    CHECK(build.messages.find("commonplace: 2 error(s)") != std::string::npos);
    CHECK(build.messages.find("assets/referral-9434765919.pdf: error: an NHS number in the name of a public file") !=
          std::string::npos);
}

TEST_CASE("guard: the community build is the same with and without the settings", "[guard]") {
    Memory m;
    m.write({{"notes/a.md", kPublic + "Ring 07700 900123; ada@nhs.net; NHS 943 476 5919.\n"},
             {"notes/b.md", "---\ntitle: Members only\n---\nDOB: 14/03/1962, AB 12 34 56 C.\n"}});
    REQUIRE(m.build("plain", audience::Audience::Community).status == 0);
    for (const std::string settings :
         {"personal_data: redact\n", "personal_data: allow\npersonal_data_allow: ['*@nhs.net']\n",
          "personal_data: error\n"}) {
        INFO(settings);
        write_file(m.root() / "commonplace.yaml", settings);
        BuildRun run = m.build("with", audience::Audience::Community);
        REQUIRE(run.status == 0);
        CHECK(run.messages.empty());
        CHECK(read_tree(m.tmp / "with") == read_tree(m.tmp / "plain"));
    }
}

namespace {

void git(const fs::path& dir, const std::string& name, const std::string& email, const std::string& args) {
    std::string cmd = "cd '" + dir.string() + "' && GIT_CONFIG_NOSYSTEM=1 HOME='" + dir.string() +
        "' GIT_AUTHOR_NAME='" + name + "' GIT_AUTHOR_EMAIL='" + email +
        "' GIT_AUTHOR_DATE='2019-03-20T12:00:00Z' GIT_COMMITTER_NAME='" + name + "' GIT_COMMITTER_EMAIL='" + email +
        "' GIT_COMMITTER_DATE='2019-03-20T12:00:00Z' git -c init.defaultBranch=main " + args + " >/dev/null 2>&1";
    INFO(cmd);
    REQUIRE(std::system(cmd.c_str()) == 0);
}

// A repository of minutes as a society keeps them: no front matter, public by default,
// dated file names, and the members' addresses written under "Present"; the members commit.
const std::vector<std::string> kMembers = {"ada.okafor@nhs.net", "tom.bramley@example.org", "priya.raman@example.ac.uk",
                                           "secretary@wessex-safety.org.uk"};

void write_minutes(const fs::path& root) {
    write_files(
        root,
        {
            {"commonplace.yaml", "title: Wessex patient safety group\ndefault_visibility: public\n"},
            {"meetings/2019-03-14.md",
             "# Minutes, 14 March 2019\n\nPresent:\n\n- Ada Okafor (ada.okafor@nhs.net)\n- Tom Bramley <tom.bramley@example.org>\n\n"
             "Apologies: Priya Raman, priya.raman@example.ac.uk.\n\n## Matters arising\n\nThe audit (v2.1) is due on 2019-04-01 at 10:30.\n"},
            {"meetings/2019-04-11.md",
             "# Minutes, 11 April 2019\n\nPresent: Ada Okafor, Tom Bramley.\n\nPapers to "
             "[the secretary](mailto:secretary@wessex-safety.org.uk) by 2019-05-01.\n"},
        });
    git(root, "Ada Okafor", kMembers[0], "init -q");
    git(root, "Ada Okafor", kMembers[0], "add -A");
    git(root, "Ada Okafor", kMembers[0], "commit -q -m 'March minutes'");
    write_file(root / "meetings/2019-04-11.md", read_file(root / "meetings/2019-04-11.md") + "\nActions agreed.\n");
    git(root, "Tom Bramley", kMembers[1], "commit -q -a -m 'April minutes'");
}

}  // namespace

TEST_CASE("guard: minutes listing members' addresses fail at each address, and build under redact", "[guard]") {
    Memory m;
    write_minutes(m.root());
    BuildRun failed = m.build("public");
    CHECK(failed.status == 1);
    const std::vector<std::string> expected = {
        "meetings/2019-03-14.md:5:15: error: an e-mail address on a public page; it is also an e-mail address from the git history\n",
        "meetings/2019-03-14.md:6:16: error: an e-mail address on a public page; it is also an e-mail address from the git history\n",
        "meetings/2019-03-14.md:8:25: error: an e-mail address on a public page\n",
        "meetings/2019-04-11.md:5:34: error: an e-mail address on a public page\n",
    };
    for (const auto& e : expected) CHECK(failed.messages.find(e) != std::string::npos);
    CHECK(failed.messages.find("commonplace: personal data on public pages: 4 e-mail addresses\n") !=
          std::string::npos);
    CHECK(failed.messages.find("commonplace: 4 error(s)") != std::string::npos);
    // Nothing names an output file: each error is at its source.
    CHECK(failed.messages.find("index.html") == std::string::npos);

    write_file(m.root() / "commonplace.yaml",
               "title: Wessex patient safety group\ndefault_visibility: public\npersonal_data: redact\n");
    BuildRun built = m.build("public");
    INFO(built.messages);
    REQUIRE(built.status == 0);
    CHECK(built.messages.find("commonplace: personal data on public pages: 4 e-mail addresses, hidden\n") !=
          std::string::npos);
    // Then the audit's verdict, on the files it read back.
    CHECK(built.messages.find(" files read back, nothing found that must not be public\n") != std::string::npos);
    CHECK(built.messages.find("commonplace: public audit: ") > built.messages.find("e-mail addresses, hidden"));
    auto files = read_tree(m.tmp / "public");
    CHECK(files.count("meetings/2019-03-14/index.html") == 1);
    for (const auto& address : kMembers) {
        INFO(address);
        CHECK(m.holding("public", address).empty());
    }
    // The rest of the minutes is all there.
    std::string march = read_file(m.tmp / "public/meetings/2019-03-14/index.html");
    CHECK(march.find("Ada Okafor ((hidden))") != std::string::npos);
    CHECK(march.find("The audit (v2.1) is due on 2019-04-01 at 10:30.") != std::string::npos);
}
