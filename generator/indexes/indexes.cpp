#include "indexes/indexes.hpp"

#include "indexes/lists.hpp"

namespace cp::indexes {

Generated generate_indexes(const model::Site& site, const std::vector<links::RenderedPage>& bodies) {
    (void)bodies;
    Generated out;
    out.pages = type_lists(site);
    return out;
}

struct PageEnricher::Data {};

PageEnricher::PageEnricher(const model::Site& site) : data_(std::make_unique<Data>()) { (void)site; }
PageEnricher::~PageEnricher() = default;

void PageEnricher::enrich(std::size_t page_index, nlohmann::json& context) const {
    (void)page_index;
    (void)context;
}

}  // namespace cp::indexes
