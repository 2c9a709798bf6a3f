#pragma once
// Folders are places: every folder of free pages has a page. Its README.md (or index.md) is
// that page; a folder without one gets an index page listing what it holds.
#include <map>
#include <string>
#include <vector>

#include "model/page.hpp"

namespace cp::model {

struct Folder {
    std::string path;                     // "guides/setup" (no trailing '/')
    std::string url;                      // "/guides/setup/"
    std::vector<const Page*> pages;       // the free pages directly in it, its own page left out
    std::vector<std::string> subfolders;  // the paths of the folders directly in it that hold pages
    bool has_own_page = false;            // a README.md or index.md is its page
};

// The address a folder's page has: its components slugged ("Guides/Set up" -> "/guides/set-up/").
std::string folder_url(const std::string& path);

// Every folder that holds a free page (directly or below), by path. Typed pages live flat
// under their type's list, so their folders are not listed here.
std::map<std::string, Folder> page_folders(const std::vector<Page>& pages);

}  // namespace cp::model
