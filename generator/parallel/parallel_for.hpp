#pragma once
// Runs fn(i) for i in [0, n) on `jobs` threads, each taking the next index as it
// frees up (pages vary in size, so a fixed split would leave a core idle).
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace cp::parallel {

// The number of worker threads to use when the user gave none: every core.
inline unsigned default_jobs() { return std::max(1u, std::thread::hardware_concurrency()); }

// Calls fn(i) for every i; rethrows the first exception any call threw, after all threads stopped.
template <typename Fn>
void parallel_for(std::size_t n, unsigned jobs, Fn&& fn) {
    jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(std::max<std::size_t>(n, 1))));
    if (jobs == 1) {
        for (std::size_t i = 0; i < n; ++i) fn(i);
        return;
    }
    std::atomic<std::size_t> next{0};
    std::exception_ptr error;
    std::mutex error_mutex;
    auto worker = [&] {
        for (;;) {
            std::size_t i = next.fetch_add(1);
            if (i >= n) return;
            try {
                fn(i);
            } catch (...) {
                std::lock_guard lock(error_mutex);
                if (!error) error = std::current_exception();
                next = n;
            }
        }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(worker);
    worker();
    for (auto& t : threads) t.join();
    if (error) std::rethrow_exception(error);
}

}  // namespace cp::parallel
