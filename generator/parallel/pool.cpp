#include "parallel/pool.hpp"

#include <algorithm>
#include <atomic>
#include <exception>

namespace cp::parallel {

unsigned default_jobs() { return std::max(1u, std::thread::hardware_concurrency()); }

// One parallel_for: the indexes still to take, and the first exception a call threw. It lives
// on the caller's stack; the caller waits until no helper is inside it before it returns.
struct Pool::Batch {
    std::size_t n;
    Call call;
    void* fn;
    std::atomic<std::size_t> next{0};
    std::mutex error_mutex;
    std::exception_ptr error;
    unsigned inside = 0;  // helpers working on it; guarded by the pool's mutex

    Batch(std::size_t n, Call call, void* fn) : n(n), call(call), fn(fn) {}

    void work() noexcept {
        for (;;) {
            std::size_t i = next.fetch_add(1);
            if (i >= n) return;
            try {
                call(fn, i);
            } catch (...) {
                std::lock_guard lock(error_mutex);
                if (!error) error = std::current_exception();
                next = n;
            }
        }
    }
};

Pool::Pool(unsigned jobs) : jobs_(jobs ? jobs : default_jobs()) {}

Pool::~Pool() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    for (auto& t : helpers_) t.join();
}

void Pool::help() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (queue_.empty()) return;  // stopping, and nothing left to help with
        Batch* batch = queue_.front();
        queue_.pop_front();
        ++batch->inside;
        lock.unlock();
        batch->work();
        lock.lock();
        if (--batch->inside == 0) finished_.notify_all();
    }
}

void Pool::run_batch(std::size_t n, unsigned width, Call call, void* fn) {
    Batch batch(n, call, fn);
    const auto helpers = static_cast<unsigned>(std::min<std::size_t>(width, n) - 1);
    {
        std::lock_guard lock(mutex_);
        while (helpers_.size() < helpers) helpers_.emplace_back([this] { help(); });
        for (unsigned h = 0; h < helpers; ++h) queue_.push_back(&batch);
    }
    for (unsigned h = 0; h < helpers; ++h) wake_.notify_one();
    batch.work();
    {
        std::unique_lock lock(mutex_);
        // Every index is taken: a helper that has not started would find nothing left, so it
        // is not waited for (it may be busy in another batch, or in this very call's caller).
        queue_.erase(std::remove(queue_.begin(), queue_.end(), &batch), queue_.end());
        finished_.wait(lock, [&] { return batch.inside == 0; });
    }
    if (batch.error) std::rethrow_exception(batch.error);
}

}  // namespace cp::parallel
