#include "model/page_fields.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "diag/suggest.hpp"
#include "frontmatter/fields.hpp"
#include "model/page_reader.hpp"
#include "text/url_policy.hpp"

namespace cp::model {

using frontmatter::FieldReader;
using frontmatter::YamlNode;

namespace {

const std::vector<std::string> kCommon = {"title",   "date",       "summary", "tags",    "domains", "domain",
                                          "authors", "visibility", "draft",   "aliases", "type",    "language"};

// A BCP 47 language tag as people write one: a primary language of 2 or 3 letters, then parts
// of 1 to 8 letters or digits after "-" ("fr", "pt-BR", "zh-Hant-TW", "es-419").
bool is_language_tag(const std::string& tag) {
    std::size_t start = 0, part = 0;
    while (start <= tag.size()) {
        std::size_t end = tag.find('-', start);
        if (end == std::string::npos) end = tag.size();
        const std::size_t n = end - start;
        if (n < 1 || n > 8 || (part == 0 && (n < 2 || n > 3))) return false;
        for (std::size_t i = start; i < end; ++i) {
            const char c = tag[i];
            const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!letter && !(part > 0 && c >= '0' && c <= '9')) return false;
        }
        ++part;
        start = end + 1;
    }
    return true;
}
const std::vector<std::string> kDomain = {"conveners",        "phase",     "phases",
                                          "started",          "practices", "learning_agenda",
                                          "expected_results", "audiences", "parent"};
const std::vector<std::string> kMeeting = {"time",      "end_time",    "location", "format",    "series",
                                           "attendees", "apologies",   "roles",    "agenda",    "decisions",
                                           "actions",   "parking_lot", "feedback", "highlights"};
const std::vector<std::string> kNote = {"kind", "related", "source", "value", "indicators"};
const std::vector<std::string> kPerson = {"name", "roles", "organisation", "profession", "expertise", "joined", "git"};

const std::vector<std::string> kPhases = {"discovering", "coalescing", "maturing", "stewardship", "transformation"};
const std::vector<std::string> kFormats = {"in-person", "online", "call", "hybrid"};
const std::vector<std::string> kKinds = {"story",    "lesson", "practice",    "question", "tip",
                                         "resource", "review", "value-story", "note"};
// The cycles of the value-creation framework (Wenger, Trayner and de Laat), in order.
const std::vector<std::string> kValueCycles = {"immediate", "potential", "applied", "realised", "transformative"};
const std::vector<std::string> kRoles = {"convener",        "facilitator",          "moderator",
                                         "note_taker",      "agenda_activist",      "community_keeper",
                                         "critical_friend", "social_reporter",      "external_messenger",
                                         "value_detective", "organizational_broker"};

nlohmann::json to_json(const YamlNode& node) {
    switch (node.kind) {
        case YamlNode::Kind::Null:
            return nullptr;
        case YamlNode::Kind::Scalar:
            return node.scalar;
        case YamlNode::Kind::Sequence: {
            auto arr = nlohmann::json::array();
            for (const auto& item : node.items) arr.push_back(to_json(item));
            return arr;
        }
        case YamlNode::Kind::Mapping: {
            auto obj = nlohmann::json::object();
            for (const auto& [k, v] : node.entries) obj[k.scalar] = to_json(v);
            return obj;
        }
    }
    return nullptr;
}

// Reads the fields of one page; keeps going after a problem so one run reports them all.
class PageFields {
public:
    PageFields(Page& page, FieldReader& read) : page_(page), read_(read) {}

    std::vector<Ref> refs(const YamlNode& node, std::string_view field) {
        std::vector<Ref> out;
        if (node.is_null()) return out;
        if (node.is_scalar()) {
            out.push_back({node.scalar, node.line, node.column, {}, {}});
            return out;
        }
        if (!read_.string_list(node, field)) return out;
        for (const auto& item : node.items) out.push_back({item.scalar, item.line, item.column, {}, {}});
        return out;
    }

    Ref ref(const YamlNode& node, std::string_view field) {
        auto text = read_.string(node, field);
        return text ? Ref{*text, node.line, node.column, {}, {}} : Ref{};
    }

    // Appends: a field given under several names (field_map) keeps every value, in order.
    void strings(const YamlNode& node, std::string_view field, std::vector<std::string>& target) {
        if (auto v = read_.string_list(node, field)) target.insert(target.end(), v->begin(), v->end());
    }

    void more_refs(const YamlNode& node, std::string_view field, std::vector<Ref>& target) {
        auto more = refs(node, field);
        target.insert(target.end(), more.begin(), more.end());
    }

    void string(const YamlNode& node, std::string_view field, std::string& target) {
        if (auto v = read_.string(node, field)) target = std::move(*v);
    }

    void date(const YamlNode& node, std::string_view field, std::string& target) {
        if (auto v = read_.date(node, field)) target = std::move(*v);
    }

    // Reads one known field; returns false when the field is not one this type knows.
    bool common(const std::string& key, const YamlNode& v) {
        if (key == "title") {
            string(v, key, page_.title);
            page_.title_from_front_matter = !page_.title.empty();
        } else if (key == "date")
            date(v, key, page_.date);
        else if (key == "summary")
            string(v, key, page_.summary);
        else if (key == "language") {
            std::string tag;
            string(v, key, tag);
            if (is_language_tag(tag))
                page_.language = tag;
            else if (!tag.empty())
                read_.error(v, "language must be a language tag such as fr or pt-BR, not '" + tag + "'");
        } else if (key == "tags")
            strings(v, key, page_.tags);
        else if (key == "domains" || key == "domain")
            more_refs(v, key, page_.domains);
        else if (key == "authors")
            more_refs(v, key, page_.authors);
        else if (key == "visibility") {
            // Only the exact values count; anything else is an error and never public.
            if (auto vis = read_.one_of(v, key, {"public", "community"}))
                page_.visibility = *vis == "public" ? Visibility::Public : Visibility::Community;
            else
                page_.visibility = Visibility::Community;
        } else if (key == "draft") {
            if (auto b = read_.boolean(v, key)) page_.draft = *b;
        } else if (key == "aliases")
            aliases(v);
        else if (key == "type") {
        } else
            return false;
        return true;
    }

    // An alias is an old address on this site: a path, never a URL elsewhere or above the root.
    void aliases(const YamlNode& v) {
        if (!read_.string_list(v, "aliases")) return;
        const std::vector<YamlNode> one = {v};
        for (const YamlNode& item : v.is_scalar() ? one : v.items) {
            const std::string& a = item.scalar;
            bool bad = a.empty() || a.find("://") != std::string::npos || a.rfind("//", 0) == 0 ||
                a.find_first_of(" \t\\?#") != std::string::npos || a == "/" ||
                ("/" + a + "/").find("/../") != std::string::npos || ("/" + a + "/").find("/./") != std::string::npos;
            if (bad)
                read_.error(item, "alias '" + a + "' must be an old address on this site, like /old/path/");
            else {
                page_.aliases.push_back(a);
                page_.alias_positions.emplace_back(item.line, item.column);
            }
        }
    }

    bool domain(const std::string& key, const YamlNode& v) {
        if (key == "conveners")
            more_refs(v, key, page_.conveners);
        else if (key == "phase") {
            if (auto p = read_.one_of(v, key, kPhases)) page_.phase = *p;
        } else if (key == "phases") {
            if (!v.is_sequence()) {
                if (!v.is_null()) read_.error(v, "'phases' must be a list of {phase, since}, not " + shape_name(v));
                return true;
            }
            for (const auto& item : v.items) {
                if (!item.is_mapping()) {
                    read_.error(item, "each item of 'phases' must be a mapping {phase, since}");
                    continue;
                }
                warn_unknown_keys(item, "phase change", {"phase", "since"});
                PhaseChange change;
                if (const auto* p = item.find("phase"))
                    if (auto ph = read_.one_of(*p, "phase", kPhases)) change.phase = *ph;
                if (const auto* s = item.find("since")) date(*s, "since", change.since);
                if (change.phase.empty())
                    read_.error(item, "a phase change needs 'phase'");
                else
                    page_.phases.push_back(change);
            }
        } else if (key == "started")
            date(v, key, page_.started);
        else if (key == "practices")
            strings(v, key, page_.practices);
        else if (key == "learning_agenda")
            learning_agenda(v);
        else if (key == "expected_results")
            strings(v, key, page_.expected_results);
        else if (key == "audiences")
            strings(v, key, page_.audiences);
        else if (key == "parent")
            page_.parent = ref(v, key);
        else
            return false;
        return true;
    }

    void learning_agenda(const YamlNode& v) {
        if (v.is_null()) return;
        if (!v.is_sequence()) {
            read_.error(v, "'learning_agenda' must be a list of questions, not " + shape_name(v));
            return;
        }
        for (const auto& item : v.items) {
            LearningQuestion q;
            if (item.is_scalar()) {
                q.question = item.scalar;
            } else if (item.is_mapping()) {
                warn_unknown_keys(item, "learning-agenda", {"question", "status", "answered_in"});
                if (const auto* n = item.find("question")) string(*n, "question", q.question);
                if (const auto* n = item.find("status"))
                    if (auto s = read_.one_of(*n, "status", {"open", "answered"})) q.status = *s;
                if (const auto* n = item.find("answered_in")) q.answered_in = ref(*n, "answered_in");
                if (q.question.empty()) read_.error(item, "a learning-agenda item needs 'question'");
            } else {
                read_.error(item, "each learning-agenda item must be a question or {question, status, answered_in}");
                continue;
            }
            if (!q.question.empty()) page_.learning_agenda.push_back(std::move(q));
        }
    }

    bool meeting(const std::string& key, const YamlNode& v) {
        if (key == "time") {
            if (auto t = read_.time(v, key)) page_.time = *t;
        } else if (key == "end_time") {
            if (auto t = read_.time(v, key)) page_.end_time = *t;
        } else if (key == "location")
            string(v, key, page_.location);
        else if (key == "format") {
            if (auto f = read_.one_of(v, key, kFormats)) page_.format = *f;
        } else if (key == "series")
            string(v, key, page_.series);
        else if (key == "attendees")
            more_refs(v, key, page_.attendees);
        else if (key == "apologies")
            more_refs(v, key, page_.apologies);
        else if (key == "roles")
            roles(v);
        else if (key == "agenda")
            strings(v, key, page_.agenda);
        else if (key == "decisions")
            strings(v, key, page_.decisions);
        else if (key == "actions")
            actions(v);
        else if (key == "parking_lot")
            strings(v, key, page_.parking_lot);
        else if (key == "feedback") {
            if (v.is_null()) return true;
            if (!v.is_mapping()) {
                read_.error(v, "'feedback' must be a mapping {went_well: [...], to_improve: [...]}");
                return true;
            }
            warn_unknown_keys(v, "feedback", {"went_well", "to_improve"});
            if (const auto* n = v.find("went_well")) strings(*n, "went_well", page_.went_well);
            if (const auto* n = v.find("to_improve")) strings(*n, "to_improve", page_.to_improve);
        } else if (key == "highlights")
            strings(v, key, page_.highlights);
        else
            return false;
        return true;
    }

    void roles(const YamlNode& v) {
        if (v.is_null()) return;
        if (!v.is_mapping()) {
            read_.error(v, "'roles' must be a mapping from a role to person slugs, not " + shape_name(v));
            return;
        }
        for (const auto& [k, people] : v.entries) {
            bool known = false;
            for (const auto& r : kRoles) known = known || r == k.scalar;
            if (!known) {
                auto guess = diag::closest(k.scalar, kRoles);
                read_.warning(k, "unknown role '" + k.scalar + "'" + (guess ? ": did you mean " + *guess + "?" : ""));
            }
            page_.roles.push_back({k.scalar, refs(people, k.scalar)});
        }
    }

    void actions(const YamlNode& v) {
        if (v.is_null()) return;
        if (!v.is_sequence()) {
            read_.error(v, "'actions' must be a list of {action, owner, due, done}, not " + shape_name(v));
            return;
        }
        for (const auto& item : v.items) {
            Action a;
            a.line = item.line;
            if (item.is_scalar()) {
                a.action = item.scalar;
            } else if (item.is_mapping()) {
                for (const auto& [k, val] : item.entries) {
                    if (k.scalar == "action")
                        string(val, "action", a.action);
                    else if (k.scalar == "owner")
                        a.owner = ref(val, "owner");
                    else if (k.scalar == "due")
                        date(val, "due", a.due);
                    else if (k.scalar == "done") {
                        if (auto b = read_.boolean(val, "done")) a.done = *b;
                    }
                }
                warn_unknown_keys(item, "action", {"action", "owner", "due", "done"});
                if (a.action.empty()) read_.error(item, "an action needs 'action': what is to be done");
            } else {
                read_.error(item, "each action must be a mapping {action, owner, due, done}");
                continue;
            }
            if (!a.action.empty()) page_.actions.push_back(std::move(a));
        }
    }

    bool note(const std::string& key, const YamlNode& v) {
        if (key == "kind") {
            if (auto k = read_.one_of(v, key, kKinds)) page_.kind = *k;
        } else if (key == "related")
            more_refs(v, key, page_.related);
        else if (key == "source") {
            string(v, key, page_.source_url);
            if (auto refusal = text::refuse_url(page_.source_url)) {
                read_.warning(v, "source '" + text::quoted_url(page_.source_url) + "' " + *refusal);
                page_.source_text = std::move(page_.source_url);
                page_.source_url.clear();
            }
        } else if (key == "value")
            value_cycles(v);
        else if (key == "indicators")
            strings(v, key, page_.indicators);
        else
            return false;
        return true;
    }

    // `value: [immediate, realised]`: each a cycle of the framework, kept in the framework's
    // order and once; anything else is an error at the item, with the closest cycle.
    void value_cycles(const YamlNode& v) {
        if (!read_.string_list(v, "value")) return;
        const std::vector<YamlNode> one = {v};
        for (const YamlNode& item : v.is_scalar() ? one : v.items) {
            if (std::find(kValueCycles.begin(), kValueCycles.end(), item.scalar) == kValueCycles.end()) {
                auto guess = diag::closest(item.scalar, kValueCycles);  // "realized" -> realised
                read_.error(item,
                            "'value' must list cycles of value creation (immediate, potential, applied, "
                            "realised, transformative), not '" +
                                item.scalar + "'" + (guess ? ": did you mean " + *guess + "?" : ""));
                continue;
            }
            if (std::find(page_.value_cycles.begin(), page_.value_cycles.end(), item.scalar) ==
                page_.value_cycles.end())
                page_.value_cycles.push_back(item.scalar);
        }
        auto rank = [](const std::string& c) { return std::find(kValueCycles.begin(), kValueCycles.end(), c); };
        std::sort(page_.value_cycles.begin(), page_.value_cycles.end(),
                  [&](const std::string& a, const std::string& b) { return rank(a) < rank(b); });
    }

    bool person(const std::string& key, const YamlNode& v) {
        if (key == "name") {
            std::string name;
            string(v, key, name);
            if (!page_.title_from_front_matter && !name.empty()) {
                page_.title = name;
                page_.title_from_front_matter = true;
            }
        } else if (key == "roles")
            strings(v, key, page_.person_roles);
        else if (key == "organisation")
            string(v, key, page_.organisation);
        else if (key == "profession")
            string(v, key, page_.profession);
        else if (key == "expertise")
            strings(v, key, page_.expertise);
        else if (key == "joined")
            date(v, key, page_.joined);
        else if (key == "git")
            strings(v, key, page_.git_identities);
        else
            return false;
        return true;
    }

    // A key of a nested mapping that nobody reads is a mistake worth a warning, never silence.
    void warn_unknown_keys(const YamlNode& mapping, const std::string& what, const std::vector<std::string>& known) {
        for (const auto& [k, unused] : mapping.entries) {
            if (std::find(known.begin(), known.end(), k.scalar) != known.end()) continue;
            auto guess = diag::closest(k.scalar, known);
            read_.warning(k,
                          "unknown " + what + " field '" + k.scalar + "'" +
                              (guess ? ": did you mean " + *guess + "?" : " (it is ignored)"));
        }
    }

private:
    Page& page_;
    FieldReader& read_;
};

// One field as written: the name it is read as (after field_map), its key and its value.
struct Entry {
    std::string field;
    const YamlNode* key;
    const YamlNode* value;
};

// Applies the config's field_map: `{attendees: [members, other_attendees]}` reads those keys as
// attendees, after attendees itself and in that order. Fields keep the order they were written in.
std::vector<Entry> mapped_entries(const YamlNode& root, const config::Config& config) {
    std::map<std::string, std::pair<std::string, std::size_t>> alias_to_field;  // name -> field, rank
    for (const auto& [field, names] : config.field_map)
        for (std::size_t i = 0; i < names.size(); ++i) alias_to_field.emplace(names[i], std::pair{field, i + 1});
    struct Ranked {
        Entry entry;
        std::size_t first_seen, rank, order;
    };
    std::vector<Ranked> ranked;
    std::map<std::string, std::size_t> first_seen;
    for (std::size_t i = 0; i < root.entries.size(); ++i) {
        const auto& [k, v] = root.entries[i];
        auto it = alias_to_field.find(k.scalar);
        std::string field = it == alias_to_field.end() ? k.scalar : it->second.first;
        std::size_t rank = it == alias_to_field.end() ? 0 : it->second.second;
        std::size_t seen = first_seen.emplace(field, i).first->second;
        ranked.push_back({{field, &k, &v}, seen, rank, i});
    }
    std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
        return std::tie(a.first_seen, a.rank, a.order) < std::tie(b.first_seen, b.rank, b.order);
    });
    std::vector<Entry> out;
    out.reserve(ranked.size());
    for (auto& r : ranked) out.push_back(r.entry);
    return out;
}

// Fields that hold one value: given under two names (field_map), the first one counts.
bool is_single_valued(const std::string& field) {
    static const std::set<std::string> single = {
        "title",   "date",   "summary",      "visibility", "draft",    "type",    "phase",  "language",
        "started", "parent", "time",         "end_time",   "location", "format",  "series", "kind",
        "source",  "name",   "organisation", "profession", "joined",   "feedback"};
    return single.count(field) != 0;
}

}  // namespace

bool read_fields(Page& page, const YamlNode& tree, const config::Config& config, diag::Sink& sink) {
    FieldReader read(page.source_path, sink);
    if (const auto* t = tree.find("type")) {
        auto text = read.string(*t, "type");
        if (text && !text->empty()) {
            if (auto type = parse_type(*text))
                page.type = *type;
            else
                read.error(*t, "'type' must be one of domain, meeting, note, person, page, not '" + *text + "'");
        }
    }
    PageFields fields(page, read);
    const auto& known = known_fields(page.type);
    std::set<std::string> given;
    bool date_written = false;
    for (const auto& [field, key, value] : mapped_entries(tree, config)) {
        if (is_single_valued(field) && !given.insert(field).second) {
            read.warning(
                *key, "'" + key->scalar + "' is read as '" + field + "', which this page already gives: it is ignored");
            continue;
        }
        if (field == "date" && !value->is_null()) date_written = true;
        bool handled = fields.common(field, *value);
        switch (page.type) {
            case PageType::Domain:
                handled = handled || fields.domain(field, *value);
                break;
            case PageType::Meeting:
                handled = handled || fields.meeting(field, *value);
                break;
            case PageType::Note:
                handled = handled || fields.note(field, *value);
                break;
            case PageType::Person:
                handled = handled || fields.person(field, *value);
                break;
            case PageType::Page:
                break;
        }
        if (handled) continue;
        // Kept for the templates, under the name it was written with.
        page.params[key->scalar] = to_json(*value);
        // Point at the key itself: it is the key that is misspelt.
        if (auto guess = diag::closest(field, known)) read.warning(*key, field + ": did you mean " + *guess + "?");
    }
    return date_written;
}

const std::vector<std::string>& known_fields(PageType type) {
    static const auto make = [](const std::vector<std::string>& extra) {
        std::vector<std::string> all = kCommon;
        all.insert(all.end(), extra.begin(), extra.end());
        return all;
    };
    static const std::vector<std::string> domain = make(kDomain), meeting = make(kMeeting), note = make(kNote),
                                          person = make(kPerson), page = kCommon;
    switch (type) {
        case PageType::Domain:
            return domain;
        case PageType::Meeting:
            return meeting;
        case PageType::Note:
            return note;
        case PageType::Person:
            return person;
        case PageType::Page:
            return page;
    }
    return page;
}

}  // namespace cp::model
