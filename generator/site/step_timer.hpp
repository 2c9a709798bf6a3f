#pragma once
// `--timings`: how long each step of a build took, and the memory the process held after it.
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <ostream>
#include <string>

namespace cp::site {

// The process's resident memory now, its peak so far and the mapped files' part of it, in MB,
// from /proc/self/status (Linux); zeros where there is none. Printed beside each step's time, so that what holds
// the memory at each step is measured by the build itself (issue #20's breakdown).
struct Resident {
    long now = 0, peak = 0, files = 0;  // files: of `now`, the pages of mapped files (git's packs)
};
inline Resident resident_megabytes() {
    std::ifstream status("/proc/self/status");
    Resident r;
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) r.now = std::atol(line.c_str() + 6) / 1024;
        if (line.rfind("VmHWM:", 0) == 0) r.peak = std::atol(line.c_str() + 6) / 1024;
        if (line.rfind("RssFile:", 0) == 0) r.files = std::atol(line.c_str() + 8) / 1024;
    }
    return r;
}

class StepTimer {
public:
    StepTimer(bool enabled, std::ostream& err) : enabled_(enabled), err_(err), last_(Clock::now()) {}
    void step(const char* name) {
        auto now = Clock::now();
        if (enabled_) {
            Resident r = resident_megabytes();
            err_ << "  " << name << ": " << std::chrono::duration_cast<std::chrono::milliseconds>(now - last_).count()
                 << " ms (resident " << r.now << " MB, peak " << r.peak << " MB, mapped files " << r.files << " MB)\n";
        }
        last_ = now;
    }

private:
    using Clock = std::chrono::steady_clock;
    bool enabled_;
    std::ostream& err_;
    Clock::time_point last_;
};

}  // namespace cp::site
