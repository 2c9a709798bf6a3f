#include "model/audience.hpp"

namespace cp::model {

std::string audience_name(Audience audience) { return audience == Audience::Public ? "public" : "community"; }

std::optional<Audience> audience_named(std::string_view name) {
    for (Audience a : {Audience::Community, Audience::Public})
        if (name == audience_name(a)) return a;
    return std::nullopt;
}

}  // namespace cp::model
