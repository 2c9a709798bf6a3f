#include "model/page_reader.hpp"

#include <set>

#include "diag/suggest.hpp"
#include "frontmatter/fields.hpp"
#include "frontmatter/split.hpp"
#include "frontmatter/yaml_tree.hpp"
#include "model/slug.hpp"

namespace cp::model {

using frontmatter::FieldReader;
using frontmatter::YamlNode;

namespace {

const std::vector<std::string> kCommon = {"title", "date", "summary", "tags", "domains", "domain",
                                          "authors", "visibility", "draft", "aliases", "type"};
const std::vector<std::string> kDomain = {"conveners", "phase", "phases", "started", "practices",
                                          "learning_agenda", "expected_results", "audiences", "parent"};
const std::vector<std::string> kMeeting = {"time", "end_time", "location", "format", "series",
                                           "attendees", "apologies", "roles", "agenda", "decisions",
                                           "actions", "parking_lot", "feedback", "highlights"};
const std::vector<std::string> kNote = {"kind", "related", "source"};
const std::vector<std::string> kPerson = {"name", "roles", "organisation", "profession", "expertise",
                                          "joined", "git"};

const std::vector<std::string> kPhases = {"discovering", "coalescing", "maturing", "stewardship",
                                          "transformation"};
const std::vector<std::string> kFormats = {"in-person", "online", "call", "hybrid"};
const std::vector<std::string> kKinds = {"story", "lesson", "practice", "question", "tip",
                                         "resource", "review", "value-story", "note"};
const std::vector<std::string> kRoles = {"convener", "facilitator", "moderator", "note_taker",
                                         "agenda_activist", "community_keeper", "critical_friend",
                                         "social_reporter", "external_messenger", "value_detective",
                                         "organizational_broker"};

nlohmann::json to_json(const YamlNode& node) {
    switch (node.kind) {
        case YamlNode::Kind::Null: return nullptr;
        case YamlNode::Kind::Scalar: return node.scalar;
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

    void strings(const YamlNode& node, std::string_view field, std::vector<std::string>& target) {
        if (auto v = read_.string_list(node, field)) target = std::move(*v);
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
        } else if (key == "date") date(v, key, page_.date);
        else if (key == "summary") string(v, key, page_.summary);
        else if (key == "tags") strings(v, key, page_.tags);
        else if (key == "domains" || key == "domain") {
            auto more = refs(v, key);
            page_.domains.insert(page_.domains.end(), more.begin(), more.end());
        } else if (key == "authors") page_.authors = refs(v, key);
        else if (key == "visibility") {
            // Only the exact values count; anything else is an error and never public.
            if (auto vis = read_.one_of(v, key, {"public", "community"}))
                page_.visibility = *vis == "public" ? Visibility::Public : Visibility::Community;
            else
                page_.visibility = Visibility::Community;
        } else if (key == "draft") {
            if (auto b = read_.boolean(v, key)) page_.draft = *b;
        } else if (key == "aliases") strings(v, key, page_.aliases);
        else if (key == "type") {
        } else return false;
        return true;
    }

    bool domain(const std::string& key, const YamlNode& v) {
        if (key == "conveners") page_.conveners = refs(v, key);
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
                PhaseChange change;
                if (const auto* p = item.find("phase"))
                    if (auto ph = read_.one_of(*p, "phase", kPhases)) change.phase = *ph;
                if (const auto* s = item.find("since")) date(*s, "since", change.since);
                if (change.phase.empty()) read_.error(item, "a phase change needs 'phase'");
                else page_.phases.push_back(change);
            }
        } else if (key == "started") date(v, key, page_.started);
        else if (key == "practices") strings(v, key, page_.practices);
        else if (key == "learning_agenda") learning_agenda(v);
        else if (key == "expected_results") strings(v, key, page_.expected_results);
        else if (key == "audiences") strings(v, key, page_.audiences);
        else if (key == "parent") page_.parent = ref(v, key);
        else return false;
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
        } else if (key == "location") string(v, key, page_.location);
        else if (key == "format") {
            if (auto f = read_.one_of(v, key, kFormats)) page_.format = *f;
        } else if (key == "series") string(v, key, page_.series);
        else if (key == "attendees") {
            auto more = refs(v, key);
            page_.attendees.insert(page_.attendees.end(), more.begin(), more.end());
        } else if (key == "apologies") page_.apologies = refs(v, key);
        else if (key == "roles") roles(v);
        else if (key == "agenda") strings(v, key, page_.agenda);
        else if (key == "decisions") strings(v, key, page_.decisions);
        else if (key == "actions") actions(v);
        else if (key == "parking_lot") strings(v, key, page_.parking_lot);
        else if (key == "feedback") {
            if (v.is_null()) return true;
            if (!v.is_mapping()) {
                read_.error(v, "'feedback' must be a mapping {went_well: [...], to_improve: [...]}");
                return true;
            }
            for (const auto& [k, items] : v.entries) {
                if (k.scalar == "went_well") strings(items, "went_well", page_.went_well);
                else if (k.scalar == "to_improve") strings(items, "to_improve", page_.to_improve);
                else read_.warning(k, "unknown feedback field '" + k.scalar + "' (went_well or to_improve)");
            }
        } else if (key == "highlights") strings(v, key, page_.highlights);
        else return false;
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
                    if (k.scalar == "action") string(val, "action", a.action);
                    else if (k.scalar == "owner") a.owner = ref(val, "owner");
                    else if (k.scalar == "due") date(val, "due", a.due);
                    else if (k.scalar == "done") {
                        if (auto b = read_.boolean(val, "done")) a.done = *b;
                    } else {
                        auto guess = diag::closest(k.scalar, {"action", "owner", "due", "done"});
                        read_.warning(k, "unknown action field '" + k.scalar + "'" +
                                             (guess ? ": did you mean " + *guess + "?" : ""));
                    }
                }
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
        } else if (key == "related") page_.related = refs(v, key);
        else if (key == "source") string(v, key, page_.source_url);
        else return false;
        return true;
    }

    bool person(const std::string& key, const YamlNode& v) {
        if (key == "name") {
            std::string name;
            string(v, key, name);
            if (!page_.title_from_front_matter && !name.empty()) {
                page_.title = name;
                page_.title_from_front_matter = true;
            }
        } else if (key == "roles") strings(v, key, page_.person_roles);
        else if (key == "organisation") string(v, key, page_.organisation);
        else if (key == "profession") string(v, key, page_.profession);
        else if (key == "expertise") strings(v, key, page_.expertise);
        else if (key == "joined") date(v, key, page_.joined);
        else if (key == "git") strings(v, key, page_.git_identities);
        else return false;
        return true;
    }

private:
    Page& page_;
    FieldReader& read_;
};

// Applies the config's field_map: other names read as a known field, in order.
std::vector<std::pair<std::string, const YamlNode*>> mapped_entries(
    const YamlNode& root, const config::Config& config) {
    std::vector<std::pair<std::string, const YamlNode*>> out;
    std::map<std::string, std::string> alias_to_field;
    for (const auto& [field, names] : config.field_map)
        for (const auto& n : names) alias_to_field.emplace(n, field);
    for (const auto& [k, v] : root.entries) {
        auto it = alias_to_field.find(k.scalar);
        out.emplace_back(it == alias_to_field.end() ? k.scalar : it->second, &v);
    }
    return out;
}

}  // namespace

const std::vector<std::string>& known_fields(PageType type) {
    static const auto make = [](const std::vector<std::string>& extra) {
        std::vector<std::string> all = kCommon;
        all.insert(all.end(), extra.begin(), extra.end());
        return all;
    };
    static const std::vector<std::string> domain = make(kDomain), meeting = make(kMeeting),
                                          note = make(kNote), person = make(kPerson), page = kCommon;
    switch (type) {
        case PageType::Domain: return domain;
        case PageType::Meeting: return meeting;
        case PageType::Note: return note;
        case PageType::Person: return person;
        case PageType::Page: return page;
    }
    return page;
}

std::string first_heading(std::string_view body) {
    bool in_fence = false;
    std::size_t pos = 0;
    while (pos < body.size()) {
        std::size_t end = body.find('\n', pos);
        std::string_view line = body.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
        pos = end == std::string_view::npos ? body.size() : end + 1;
        if (line.rfind("```", 0) == 0 || line.rfind("~~~", 0) == 0) in_fence = !in_fence;
        if (in_fence) continue;
        if (line.rfind("# ", 0) == 0) {
            std::string_view h = line.substr(2);
            while (!h.empty() && (h.back() == ' ' || h.back() == '#')) h.remove_suffix(1);
            while (!h.empty() && h.front() == ' ') h.remove_prefix(1);
            return std::string(h);
        }
    }
    return {};
}

std::optional<Page> read_page(const source::SourceFile& file, const config::Config& config,
                              diag::Sink& sink) {
    const std::string& path = file.path;
    if (file.too_large) {
        sink.error(path, 0, 0, "file is " + std::to_string(file.size) + " bytes, over the limit of " +
                                   std::to_string(config.max_file_size) +
                                   " bytes (max_file_size in commonplace.yaml)");
        return std::nullopt;
    }
    Page page;
    page.source_path = path;
    auto slash = path.find('/');
    auto folder_type = slash == std::string::npos ? std::nullopt : parse_type(path.substr(0, slash));
    page.type = folder_type && path.substr(0, slash) == type_folder(*folder_type) ? *folder_type : PageType::Page;
    if (file.lfs_pointer) {
        page.lfs_pointer = true;
        page.title = stem_in_words(stem_of(path));
        page.visibility = config.default_visibility == "public" ? Visibility::Public : Visibility::Community;
        return page;
    }
    auto split = frontmatter::split(file.content, path, sink);
    if (!split) return std::nullopt;
    page.body = std::move(split->body);
    page.body_first_line = split->body_first_line;
    page.visibility = config.default_visibility == "public" ? Visibility::Public : Visibility::Community;

    if (split->has_front_matter) {
        auto tree = frontmatter::parse_yaml(split->yaml, split->yaml_first_line, path, sink);
        if (!tree) return std::nullopt;
        if (!tree->is_null() && !tree->is_mapping()) {
            sink.error(path, tree->line, tree->column,
                       "front matter must be a mapping of fields (name: value), not " + shape_name(*tree));
            return std::nullopt;
        }
        FieldReader read(path, sink);
        if (const auto* t = tree->find("type")) {
            auto text = read.string(*t, "type");
            if (text) {
                if (auto type = parse_type(*text)) page.type = *type;
                else read.error(*t, "'type' must be one of domain, meeting, note, person, page, not '" + *text + "'");
            }
        }
        PageFields fields(page, read);
        const auto& known = known_fields(page.type);
        for (const auto& [key, value] : mapped_entries(*tree, config)) {
            bool handled = fields.common(key, *value);
            switch (page.type) {
                case PageType::Domain: handled = handled || fields.domain(key, *value); break;
                case PageType::Meeting: handled = handled || fields.meeting(key, *value); break;
                case PageType::Note: handled = handled || fields.note(key, *value); break;
                case PageType::Person: handled = handled || fields.person(key, *value); break;
                case PageType::Page: break;
            }
            if (handled) continue;
            page.params[key] = to_json(*value);
            // Point at the key itself: it is the key that is misspelt.
            const YamlNode* key_node = nullptr;
            for (const auto& [k, v] : tree->entries)
                if (&v == value) key_node = &k;
            if (auto guess = diag::closest(key, known))
                read.warning(key_node ? *key_node : *value, key + ": did you mean " + *guess + "?");
        }
    }
    std::string stem = stem_of(path);
    if (page.title.empty()) {
        page.title = first_heading(page.body);
        if (page.title.empty()) page.title = stem_in_words(stem);
    }
    if (page.date.empty()) page.date = date_prefix(stem);
    if (page.type == PageType::Note && page.kind.empty()) page.kind = "note";
    return page;
}

}  // namespace cp::model
