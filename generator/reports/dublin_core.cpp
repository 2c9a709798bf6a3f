#include "reports/dublin_core.hpp"

#include "text/strings.hpp"
#include "views/json_object.hpp"

namespace cp::reports {

using nlohmann::json;

DublinCore dublin_core(const model::Site& site, const std::string& subject) {
    const auto& c = site.config;
    DublinCore dc;
    dc.title = subject.empty() ? c.title : c.title + ": " + subject;
    dc.creator = c.title;
    dc.publisher = c.title;
    dc.date = site.reference_date;
    dc.description = c.description;
    dc.language = c.language;
    dc.rights = !c.rights.empty() ? c.rights : site.words.format("print.rights", {{"title", c.title}});
    dc.identifier = c.base_url;
    return dc;
}

json dublin_core_json(const DublinCore& dc) {
    return views::object_of("title", dc.title, "creator", dc.creator, "date", dc.date, "description", dc.description,
                            "language", dc.language, "rights", dc.rights, "identifier", dc.identifier, "publisher",
                            dc.publisher);
}

json dublin_core_meta(const i18n::Catalog& words, const DublinCore& dc) {
    json out = json::array();
    const std::pair<const char*, const std::string*> fields[] = {
        {"Title", &dc.title},   {"Creator", &dc.creator},         {"Publisher", &dc.publisher},
        {"Date", &dc.date},     {"Description", &dc.description}, {"Language", &dc.language},
        {"Rights", &dc.rights}, {"Identifier", &dc.identifier}};
    for (const auto& [label, value] : fields) {
        if (value->empty()) continue;
        std::string name = std::string("DC.") + static_cast<char>(std::tolower(label[0])) + (label + 1);
        out.push_back(
            views::object_of("name", name, "label", words.text("print.dc." + text::lower(label)), "content", *value));
    }
    return out;
}

}  // namespace cp::reports
