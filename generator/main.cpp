// commonplace: the command-line entry point. Registers cmark-gfm's extensions and sets
// libgit2's options once, before any thread starts (both are global and not thread-safe).
#include <iostream>

#include "cli/app.hpp"
#include "history/reader.hpp"
#include "markdown/extensions.hpp"

#ifdef COMMONPLACE_MIMALLOC
#include <mimalloc.h>

// mimalloc hands memory a program frees back to the kernel after 25 ms. serve rebuilds its
// site model on every save, freeing the last one's and allocating as much again, and each page
// given back was faulted in again: a third of a rebuild's time at 10,000 notes went to page
// faults and mimalloc's purging (perf). Kept for a minute instead, a rebuild of that memory took
// 1.1 s rather than 2.1 s, and an idle serve still returns its memory. Only for serve: a build
// reuses little of what it frees, and keeping it raised the peak at 50,000 notes by 100 MB.
void tune_memory_for_serve() {
    constexpr long kMilliseconds = 60'000;
    mi_option_set(mi_option_decommit_delay, kMilliseconds);
    mi_option_set(mi_option_segment_decommit_delay, kMilliseconds);
    // Still, a rebuild's memory was mostly new to the kernel (a whole segment mimalloc frees goes
    // back at once), and each first touch of a 4 KB page is a fault, costly on a virtual machine:
    // 20,000 a rebuild. Asked for transparent huge pages (2 MB; Linux gives them on request by
    // default), a rebuild took 6,500 and a fifth less time. (A build's faults fell by a tenth:
    // within the noise, so it is left as it was.)
    mi_option_set(mi_option_large_os_pages, 1);
}
#else
void tune_memory_for_serve() {}
#endif

// Under the sanitizers (cmake -DCOMMONPLACE_SANITIZE=ON) the build's data is freed like
// any other, so that LeakSanitizer reports only real leaks, not the one left on purpose.
#ifdef COMMONPLACE_SANITIZE
constexpr bool kLeaveDataToExit = false;
#else
constexpr bool kLeaveDataToExit = true;
#endif

int main(int argc, char** argv) {
    cp::markdown::register_extensions();
    cp::history::tune_libgit2();
    return cp::cli::run(argc, argv, std::cout, std::cerr, /*process_ends_after=*/kLeaveDataToExit,
                        /*before_serving=*/tune_memory_for_serve);
}
