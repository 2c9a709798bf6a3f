#pragma once
// A problem found in the content, located in its file: the currency every stage
// uses to report errors and warnings (never exceptions across modules).
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace cp::diag {

enum class Severity { Warning, Error };

struct Diagnostic {
    std::string path;  // relative to the memory's root
    int line = 0;      // 1-based, counted in the whole file (front matter included); 0 = the file as a whole
    int column = 0;    // 1-based, in bytes (the printer shows it in characters); 0 = the line as a whole
    Severity severity = Severity::Error;
    std::string message;
};

// Collects diagnostics from every stage and thread; a stage asks has_errors()
// only after it has gathered all of its problems.
class Sink {
public:
    void report(Diagnostic d);
    void error(std::string path, int line, int column, std::string message);
    void warning(std::string path, int line, int column, std::string message);
    bool has_errors() const;
    std::size_t error_count() const;
    std::size_t warning_count() const;
    // Sorted by path, line, column, message: the order is deterministic whatever the threads did.
    std::vector<Diagnostic> sorted() const;

private:
    mutable std::mutex mutex_;
    std::vector<Diagnostic> items_;
};

}  // namespace cp::diag
