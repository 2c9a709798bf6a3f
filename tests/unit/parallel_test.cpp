#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "parallel/pool.hpp"

using cp::parallel::Pool;

namespace {

// The threads that ran the calls of one parallel_for.
std::set<std::thread::id> threads_of(Pool& pool, std::size_t n, unsigned width) {
    std::mutex mutex;
    std::set<std::thread::id> seen;
    pool.parallel_for(n, width, [&](std::size_t) {
        std::this_thread::sleep_for(std::chrono::microseconds(200));  // long enough for the helpers to join in
        std::lock_guard lock(mutex);
        seen.insert(std::this_thread::get_id());
    });
    return seen;
}

}  // namespace

TEST_CASE("parallel_for calls fn once for every index, on any number of workers", "[parallel]") {
    for (unsigned jobs : {1u, 2u, 3u, 8u}) {
        Pool pool(jobs);
        CHECK(pool.jobs() == jobs);
        for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{1000}}) {
            std::vector<std::atomic<int>> calls(n);
            pool.parallel_for(n, [&](std::size_t i) { ++calls[i]; });
            for (std::size_t i = 0; i < n; ++i) CHECK(calls[i] == 1);
        }
    }
}

TEST_CASE("a pool of 0 workers has one per core", "[parallel]") {
    CHECK(cp::parallel::default_jobs() >= 1);
    CHECK(Pool(0).jobs() == cp::parallel::default_jobs());
}

TEST_CASE("parallel_for uses at most jobs threads, or the width asked", "[parallel]") {
    Pool pool(3);
    CHECK(threads_of(pool, 200, pool.jobs()).size() <= 3);
    CHECK(threads_of(pool, 200, 1) == std::set<std::thread::id>{std::this_thread::get_id()});
    // Wider than jobs() for calls that wait on the disk: more threads than workers.
    auto wide = threads_of(pool, 400, 6);
    CHECK(wide.size() <= 6);
    // And the width asked once does not become the pool's: jobs() still bounds the next loop.
    CHECK(threads_of(pool, 200, pool.jobs()).size() <= 3);
}

TEST_CASE("parallel_for rethrows the first exception once every call has returned", "[parallel]") {
    for (unsigned jobs : {1u, 4u}) {
        Pool pool(jobs);
        std::atomic<int> running{0}, after_return{0};
        std::atomic<bool> returned{false};
        auto run = [&] {
            pool.parallel_for(10000, [&](std::size_t i) {
                ++running;
                if (returned) ++after_return;
                std::this_thread::sleep_for(std::chrono::microseconds(20));
                --running;
                if (i == 50) throw std::runtime_error("page 50 is broken");
            });
        };
        REQUIRE_THROWS_WITH(run(), "page 50 is broken");
        returned = true;
        CHECK(running == 0);  // no call still running once it threw
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        CHECK(after_return == 0);  // and none started after
        // The pool is still usable after an exception.
        std::atomic<std::size_t> sum{0};
        pool.parallel_for(100, [&](std::size_t i) { sum += i; });
        CHECK(sum == 4950);
    }
}

TEST_CASE("parallel_for inside parallel_for does not starve", "[parallel]") {
    // Every worker busy in an outer call, each waiting for an inner loop: the caller of each
    // inner loop works through it itself, so nothing waits for a worker that never frees up.
    Pool pool(2);
    std::atomic<std::size_t> sum{0};
    pool.parallel_for(16, [&](std::size_t) {
        pool.parallel_for(100, [&](std::size_t j) { pool.parallel_for(3, [&](std::size_t k) { sum += j * k; }); });
    });
    CHECK(sum == 16 * 4950 * 3);
}

TEST_CASE("a submitted task runs alongside, even with one worker, and may use parallel_for", "[parallel]") {
    Pool pool(1);
    std::promise<void> started;
    auto went = started.get_future();
    // The task waits for the caller, which waits for the task: only its own thread lets both go on.
    auto task = pool.submit([&] {
        std::size_t sum = 0;
        std::mutex mutex;
        pool.parallel_for(100, [&](std::size_t i) {
            std::lock_guard lock(mutex);
            sum += i;
        });
        went.wait();
        return sum;
    });
    std::atomic<int> calls{0};
    pool.parallel_for(100, [&](std::size_t) { ++calls; });
    started.set_value();
    CHECK(task.get() == 4950);
    CHECK(calls == 100);
}

TEST_CASE("a task and a parallel_for share the pool's workers without deadlock", "[parallel]") {
    Pool pool(2);
    for (int round = 0; round < 20; ++round) {
        std::atomic<std::size_t> a{0}, b{0};
        auto task = pool.submit([&] { pool.parallel_for(500, [&](std::size_t i) { a += i; }); });
        pool.parallel_for(500, [&](std::size_t i) { b += i; });
        task.get();
        CHECK(a == 124750);
        CHECK(b == 124750);
    }
}

TEST_CASE("a submitted task's exception reaches the future", "[parallel]") {
    Pool pool(2);
    auto task = pool.submit([]() -> int { throw std::runtime_error("history unreadable"); });
    CHECK_THROWS_WITH(task.get(), "history unreadable");
}

TEST_CASE("a started thread's future waits for it when destroyed", "[parallel]") {
    std::atomic<bool> done{false};
    {
        auto task = cp::parallel::start_thread([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            done = true;
        });
    }
    CHECK(done);
}

TEST_CASE("one pool serves many loops in a row", "[parallel]") {
    Pool pool(4);
    std::size_t total = 0;
    for (int round = 0; round < 2000; ++round) {
        std::atomic<std::size_t> sum{0};
        pool.parallel_for(static_cast<std::size_t>(round % 7), [&](std::size_t i) { sum += i + 1; });
        total += sum;
    }
    std::size_t want = 0;
    for (int round = 0; round < 2000; ++round) {
        std::size_t n = static_cast<std::size_t>(round % 7);
        want += n * (n + 1) / 2;
    }
    CHECK(total == want);
}
