#pragma once
// The build's threads. One Pool is made per build (site::run) and handed down to every step
// that works in parallel; nothing else starts a thread (`git grep 'std::thread\|std::async'
// generator` finds them only here). Two kinds of work:
//   - parallel_for: many short calls spread over `jobs` threads, the caller's among them;
//   - submit: one long task (git's history, the search index) on a thread of its own, so it
//     runs alongside the parallel_for work without taking a worker from it.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <future>
#include <mutex>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace cp::parallel {

// The number of workers to use when the user gave none: every core. Never fails (at least 1).
unsigned default_jobs();

// Runs fn() on a thread of its own, started now. The future gives its result or rethrows its
// exception, and its destructor waits for the thread (as std::async's does), so fn may use the
// caller's locals. For a task that lives long beside other work (serve's watcher); a build's
// long tasks go through Pool::submit. Throws std::system_error when no thread can be started.
template <typename Fn>
std::future<std::invoke_result_t<std::decay_t<Fn>>> start_thread(Fn&& fn) {
    return std::async(std::launch::async, std::forward<Fn>(fn));
}

class Pool {
public:
    // A pool of `jobs` workers (0: default_jobs()). Its helper threads start when a
    // parallel_for first needs them and stop when the pool is destroyed.
    explicit Pool(unsigned jobs);
    ~Pool();
    Pool(const Pool&) = delete;
    Pool& operator=(const Pool&) = delete;

    // How many threads a parallel_for uses at most (the caller's included).
    unsigned jobs() const { return jobs_; }

    // Calls fn(i) for every i in [0, n) on up to jobs() threads, each taking the next index as it
    // frees up (pages vary in size, so a fixed split would leave a core idle). Returns once every
    // call has returned; rethrows the first exception a call threw (the indexes not yet taken are
    // then skipped). The calling thread works through the indexes too and never waits for a
    // helper that has not started, so fn may itself call parallel_for, and so may a submitted
    // task while another parallel_for runs: neither can starve.
    template <typename Fn>
    void parallel_for(std::size_t n, Fn&& fn) {
        parallel_for(n, jobs_, std::forward<Fn>(fn));
    }

    // The same on up to `width` threads (more than jobs() when the calls wait on the disk rather
    // than on a core).
    template <typename Fn>
    void parallel_for(std::size_t n, unsigned width, Fn&& fn) {
        if (width <= 1 || n <= 1) {
            for (std::size_t i = 0; i < n; ++i) fn(i);
            return;
        }
        using Callable = std::remove_reference_t<Fn>;
        run_batch(
            n, width, [](void* f, std::size_t i) { (*static_cast<Callable*>(f))(i); },
            const_cast<void*>(static_cast<const void*>(&fn)));
    }

    // Runs fn() on a thread of its own, alongside the pool's parallel_for work (start_thread: the
    // future's destructor waits for it). For one long task of a build: git's history while the
    // pages are parsed, the search index while the pages render. Throws std::system_error when no
    // thread can be started.
    template <typename Fn>
    std::future<std::invoke_result_t<std::decay_t<Fn>>> submit(Fn&& fn) {
        return start_thread(std::forward<Fn>(fn));
    }

private:
    struct Batch;
    using Call = void (*)(void* fn, std::size_t i);
    void run_batch(std::size_t n, unsigned width, Call call, void* fn);
    void help();  // a helper thread's loop: takes a batch from the queue and works on it

    unsigned jobs_;
    std::mutex mutex_;
    std::condition_variable wake_;      // a batch was queued, or the pool is stopping
    std::condition_variable finished_;  // a helper left a batch
    std::deque<Batch*> queue_;          // one entry per helper a batch asks for
    std::vector<std::thread> helpers_;
    bool stopping_ = false;
};

}  // namespace cp::parallel
