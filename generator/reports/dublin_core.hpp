#pragma once
// Dublin Core metadata for the export and the printed memory, so an institutional repository
// can catalogue what it is given: title, creator, date, description, language, rights.
#include <nlohmann/json.hpp>

#include <string>

#include "model/site.hpp"

namespace cp::reports {

struct DublinCore {
    std::string title, creator, date, description, language, rights, identifier, publisher;
};

// The memory's metadata: `subject` is added to the title ("... : Safer handovers") for a part
// of it; the date is the build's reference date (the last commit, or today); the creator and
// publisher are the community; rights are the config's `rights`, or the community's copyright.
DublinCore dublin_core(const model::Site& site, const std::string& subject = {});

// {"title": ..., ...} with the element names as keys (dc:title -> "title").
nlohmann::json dublin_core_json(const DublinCore& dc);

// [{name: "DC.title", content}] for <meta> elements, and [{label: "Title", value}] to show.
nlohmann::json dublin_core_meta(const i18n::Catalog& words, const DublinCore& dc);

}  // namespace cp::reports
