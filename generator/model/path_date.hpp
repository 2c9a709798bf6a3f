#pragma once
// The date a file's path carries when its front matter gives none: in its name
// (`2019-03-14-sync.md`, `meeting-2019-03-14.md`, `14-march-2019.md`) or spread over the
// folders above it (`2019/03/14.md`, `2024-07/july-29.md`, `2019/march/14.md`).
#include <string>
#include <string_view>

namespace cp::model {

struct PathDate {
    std::string date;      // YYYY-MM-DD, or empty when the path holds no full, real date
    bool in_name = false;  // the whole date is in the file's name (not partly in its folders)
    std::string rest;      // the name's words besides its date parts ("sync" for 2019/03/14-sync.md)
};

// Reads the date of `path` ('/'-separated, ".md" at the end or not). English month names,
// full or abbreviated, count as months. A date in the name wins over one in the folders.
PathDate date_from_path(std::string_view path);

}  // namespace cp::model
