#include "diag/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace cp::diag {

void Sink::report(Diagnostic d) {
    std::lock_guard lock(mutex_);
    items_.push_back(std::move(d));
}

void Sink::error(std::string path, int line, int column, std::string message) {
    report({std::move(path), line, column, Severity::Error, std::move(message)});
}

void Sink::warning(std::string path, int line, int column, std::string message) {
    report({std::move(path), line, column, Severity::Warning, std::move(message)});
}

bool Sink::has_errors() const { return error_count() > 0; }

std::size_t Sink::error_count() const {
    std::lock_guard lock(mutex_);
    return std::count_if(items_.begin(), items_.end(),
                         [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

std::size_t Sink::warning_count() const {
    std::lock_guard lock(mutex_);
    return items_.size() -
        std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

std::vector<Diagnostic> Sink::sorted() const {
    std::vector<Diagnostic> copy;
    {
        std::lock_guard lock(mutex_);
        copy = items_;
    }
    std::sort(copy.begin(), copy.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.path, a.line, a.column, a.message) < std::tie(b.path, b.line, b.column, b.message);
    });
    copy.erase(std::unique(copy.begin(), copy.end(),
                           [](const Diagnostic& a, const Diagnostic& b) {
                               return a.path == b.path && a.line == b.line && a.column == b.column &&
                                   a.message == b.message;
                           }),
               copy.end());
    return copy;
}

}  // namespace cp::diag
