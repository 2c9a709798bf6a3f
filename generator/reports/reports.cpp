#include "reports/reports.hpp"

#include "reports/digest.hpp"
#include "reports/export.hpp"
#include "reports/feedback.hpp"
#include "reports/print.hpp"
#include "reports/value.hpp"

namespace cp::reports {

Reports generate_reports(const links::ResolvedSite& resolved) {
    const model::Site& site = resolved.site();
    Reports out;
    out.pages.push_back(feedback_page(site));
    for (auto& p : digest_pages(site)) out.pages.push_back(std::move(p));
    out.pages.push_back(value_page(site));
    for (auto& p : print_pages(resolved)) out.pages.push_back(std::move(p));
    out.files.push_back(memory_export(resolved));
    out.files.push_back(export_schema());
    return out;
}

}  // namespace cp::reports
