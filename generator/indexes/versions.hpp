#pragma once
// How a page's text evolved: PAGE/versions/ for every page with versions (site.versions),
// and on a domain's own page the strip of its phases over time.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "model/site.hpp"
#include "views/output_item.hpp"

namespace cp::indexes {

// Works out each of a page's old versions' changed paragraphs from the version before it
// (model::Version::changes) and drops what a versions page does not compare (the texts): once
// they are what this build shows (audience::filter_version_list). The versions are settled this
// way as they are loaded (site/page_versions.hpp), so a build never holds every old text.
std::vector<model::Version> settle_version_list(std::vector<model::VersionRead>&& versions);

// The address of a page's versions page: its own address + "versions/".
std::string versions_url(const model::Page& page);

// One versions page (template "versions") per page that has versions in this (filtered)
// build: each version newest first with its date, contributor, commit subject, phase (for a
// domain), the field changes against the version before ("phase: coalescing → maturing",
// "practice added: …", "file: domains/a.md → domains/b.md") and the changed paragraphs of its
// rendered text, word by word in <ins>/<del>. Contexts are made when each page renders.
std::vector<views::HtmlPage> version_pages(const model::Site& site);

// The fields a page gets from its versions: versions_url and version_count (for the revision
// list) and, for a domain, evolution: its phases with the day each began (from `phases:`, and
// from the versions where `phase:` changed), and the number of versions. An empty object for
// a page without versions.
nlohmann::json version_fields(const model::Site& site, const model::Page& page);

// The field changes from one version to the next, as sentences (see version_pages).
// People are named as this build may show them (its person pages, else their public names).
std::vector<std::string> field_changes(const model::SiteIndex& index, const model::Version* before,
                                       const model::Version& after);

}  // namespace cp::indexes
