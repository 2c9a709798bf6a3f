#include "model/minutes.hpp"

#include <algorithm>

#include "model/slug.hpp"
#include "parallel/pool.hpp"
#include "text/hash.hpp"
#include "text/strings.hpp"

namespace cp::model {

namespace {

// Records `key` for `slug`; a key two people share names neither.
void claim(std::unordered_map<std::string, std::string>& map, const std::string& key, const std::string& slug) {
    if (key.empty()) return;
    auto [it, inserted] = map.emplace(key, slug);
    if (!inserted && it->second != slug) it->second.clear();
}

std::string found(const std::unordered_map<std::string, std::string>& map, const std::string& key) {
    auto it = map.find(key);
    return it == map.end() ? std::string{} : it->second;
}

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> out;
    std::string word;
    for (char c : text) {
        if (c == ' ' || c == '\t') {
            if (!word.empty()) out.push_back(std::move(word));
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) out.push_back(std::move(word));
    return out;
}

// Drops what was read from the minutes before, so reading again never doubles it.
void forget(Page& page) {
    for (const auto& field : page.from_minutes) {
        if (field == "attendees")
            page.attendees.clear();
        else if (field == "apologies")
            page.apologies.clear();
        else if (field == "decisions")
            page.decisions.clear();
        else if (field == "actions")
            page.actions.clear();
        else if (field.rfind("role:", 0) == 0)
            page.roles.erase(std::remove_if(page.roles.begin(), page.roles.end(),
                                            [&](const Role& r) { return "role:" + r.role == field; }),
                             page.roles.end());
    }
    page.from_minutes.clear();
}

class MeetingReader {
public:
    MeetingReader(Page& page, const People& people) : page_(page), people_(people) {}

    void apply(const minutes::Facts& facts) {
        if (page_.attendees.empty() && !facts.attendees.empty()) {
            page_.attendees = refs(facts.attendees);
            page_.from_minutes.push_back("attendees");
        }
        if (page_.apologies.empty() && !facts.apologies.empty()) {
            page_.apologies = refs(facts.apologies);
            page_.from_minutes.push_back("apologies");
        }
        for (const auto& held : facts.roles) {
            // A role front matter gives is the front matter's; the minutes add the others.
            bool given =
                std::any_of(page_.roles.begin(), page_.roles.end(), [&](const Role& r) { return r.role == held.role; });
            if (given) continue;
            page_.roles.push_back({held.role, refs(held.people)});
            page_.from_minutes.push_back("role:" + held.role);
        }
        if (page_.decisions.empty() && !facts.decisions.empty()) {
            for (const auto& d : facts.decisions) page_.decisions.push_back(d.text);
            page_.from_minutes.push_back("decisions");
        }
        if (page_.actions.empty() && !facts.actions.empty()) {
            for (const auto& a : facts.actions) page_.actions.push_back(action(a));
            page_.from_minutes.push_back("actions");
        }
    }

private:
    Ref ref(const minutes::Mention& m, const std::string& slug) const {
        Ref r;
        r.text = !slug.empty() ? slug : !m.name.empty() ? m.name : "@" + m.handle;
        r.line = m.line;
        r.column = m.column;
        r.from_prose = true;
        return r;
    }

    std::vector<Ref> refs(const std::vector<minutes::Mention>& mentions) const {
        std::vector<Ref> out;
        out.reserve(mentions.size());
        for (const auto& m : mentions) out.push_back(ref(m, people_.find(m.name, m.handle)));
        return out;
    }

    // "Ada to ...": the one attendee of this meeting called Ada, whoever they are.
    std::string attendee_called(const std::string& first_name) const {
        std::string match;
        for (const Ref& a : page_.attendees) {
            std::string full = people_.name_of(a.text);
            auto words = words_of(full.empty() ? a.text : full);
            if (words.empty() || text::lower(words.front()) != text::lower(first_name)) continue;
            if (!match.empty() && match != a.text) return {};
            match = a.text;
        }
        return match;
    }

    Action action(const minutes::ActionItem& item) const {
        Action out;
        out.action = item.text;
        out.due = item.due;
        out.done = item.done;
        out.line = item.line;
        const minutes::Mention& owner = item.owner;
        if (!owner.name.empty() || !owner.handle.empty()) {
            std::string slug = people_.find(owner.name, owner.handle);
            if (slug.empty() && !owner.name.empty() && words_of(owner.name).size() == 1)
                slug = attendee_called(owner.name);
            out.owner = ref(owner, slug);
        } else if (std::string slug = people_.named_at_start(item.text); !slug.empty()) {
            out.owner = ref({{}, {}, item.line, item.column}, slug);
        }
        return out;
    }

    Page& page_;
    const People& people_;
};

// The facts of a meeting's minutes: the cache's, when they were read from this body; `made` is
// given the entry used, for the next build's cache.
std::shared_ptr<const minutes::Facts> facts_of(const Page& page, const minutes::Vocabulary& words,
                                               const MinutesCache* cache, MinutesCache::Entry* made) {
    if (!cache)
        return std::make_shared<const minutes::Facts>(minutes::read_facts(page.body, page.body_first_line, words));
    const std::uint64_t body =
        text::QuickHash().add(page.body).add(static_cast<std::uint64_t>(page.body_first_line)).value();
    auto kept = cache->by_path.find(page.source_path);
    if (kept != cache->by_path.end() && kept->second.body == body) {
        *made = kept->second;
    } else {
        *made = {body,
                 std::make_shared<const minutes::Facts>(minutes::read_facts(page.body, page.body_first_line, words))};
    }
    return made->facts;
}

void read_one(Page& page, const minutes::Vocabulary& words, const People& people, diag::Sink* sink,
              const MinutesCache* cache = nullptr, MinutesCache::Entry* made = nullptr) {
    if (page.type != PageType::Meeting || page.lfs_pointer) return;
    forget(page);
    // Front matter that gives every list leaves the minutes nothing to add but roles, which such
    // front matter gives too in practice: the body is not parsed a second time for nothing.
    if (!page.attendees.empty() && !page.apologies.empty() && !page.decisions.empty() && !page.actions.empty() &&
        !page.roles.empty())
        return;
    const auto facts = facts_of(page, words, cache, made);
    if (sink)
        for (const auto& p : facts->problems) sink->warning(page.source_path, p.line, p.column, p.message);
    MeetingReader(page, people).apply(*facts);
}

}  // namespace

People::People(const std::vector<Page>& pages) {
    for (const Page& p : pages) {
        if (p.type != PageType::Person) continue;
        names_[p.slug] = p.title;
        claim(by_name_, p.slug, p.slug);
        claim(by_name_, text::lower(p.title), p.slug);
        claim(by_handle_, p.slug, p.slug);
        if (auto words = words_of(p.title); words.size() > 1) claim(by_first_name_, text::lower(words.front()), p.slug);
        for (const char* key : {"github", "gitlab", "handle", "handles", "username", "nick"}) {
            auto it = p.params.find(key);
            if (it == p.params.end()) continue;
            auto add = [&](const nlohmann::json& v) {
                if (!v.is_string()) return;
                std::string h = v.get<std::string>();
                if (!h.empty() && h.front() == '@') h.erase(0, 1);
                claim(by_handle_, text::lower(h), p.slug);
            };
            if (it->is_array())
                for (const auto& v : *it) add(v);
            else
                add(*it);
        }
        for (const auto& id : p.git_identities)
            if (id.find('@') == std::string::npos && id.find(' ') == std::string::npos)
                claim(by_handle_, text::lower(id), p.slug);
    }
}

std::string People::find(const std::string& name, const std::string& handle) const {
    if (!handle.empty())
        if (auto slug = found(by_handle_, text::lower(handle)); !slug.empty()) return slug;
    if (name.empty()) return {};
    std::string key = text::lower(name);
    if (auto slug = found(by_name_, key); !slug.empty()) return slug;
    if (auto slug = found(by_name_, slugify(name)); !slug.empty()) return slug;
    if (words_of(name).size() == 1) {
        if (auto slug = found(by_handle_, key); !slug.empty()) return slug;  // "Present: ada, bob" (IRC nicks)
        return found(by_first_name_, key);
    }
    return {};
}

std::string People::named_at_start(std::string_view text) const {
    auto words = words_of(text.substr(0, 200));
    for (std::size_t n = std::min<std::size_t>(4, words.size()); n > 0; --n) {
        std::string candidate;
        for (std::size_t i = 0; i < n; ++i) candidate += (i ? " " : "") + words[i];
        while (!candidate.empty() && (candidate.back() == ':' || candidate.back() == ',')) candidate.pop_back();
        std::string key = text::lower(candidate);
        if (auto slug = found(by_name_, key); !slug.empty()) return slug;
        if (n == 1)
            if (auto slug = found(by_first_name_, key); !slug.empty()) return slug;
    }
    return {};
}

std::string People::name_of(const std::string& slug) const { return found(names_, slug); }

void read_minutes(std::vector<Page>& pages, const config::Config& config, parallel::Pool& pool, diag::Sink& sink,
                  MinutesCache* cache) {
    const People people(pages);
    const minutes::Vocabulary words(config.minutes_headings);
    std::vector<MinutesCache::Entry> made(cache ? pages.size() : 0);  // the facts each meeting used
    pool.parallel_for(pages.size(), [&](std::size_t i) {
        read_one(pages[i], words, people, &sink, cache, cache ? &made[i] : nullptr);
    });
    if (!cache) return;
    std::unordered_map<std::string, MinutesCache::Entry> kept;  // pages gone since are forgotten
    for (std::size_t i = 0; i < pages.size(); ++i)
        if (made[i].facts) kept.emplace(pages[i].source_path, std::move(made[i]));
    cache->by_path = std::move(kept);
}

void read_minutes_again(Page& page, const minutes::Vocabulary& words, const People& people) {
    read_one(page, words, people, nullptr);
}

}  // namespace cp::model
