#include "worker_pool.hpp"

namespace tracuu {
namespace {

thread_local bool t_refusing = false;

}  // namespace

WorkerPool::WorkerPool(std::size_t threads, std::size_t max_waiting,
                       std::shared_ptr<WorkerCounts> counts, std::function<void()> on_idle)
    : max_waiting_(max_waiting),
      counts_(std::move(counts)),
      on_idle_(std::move(on_idle)),
      thread_count_(threads) {
    threads_.reserve(threads);
    for (std::size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool() {
    shutdown();
}

bool WorkerPool::refusing() {
    return t_refusing;
}

void WorkerPool::enqueue(std::function<void()> task) {
    {
        std::lock_guard lock(mutex_);
        // Every worker may hold one connection and max_waiting_ more may wait. Counted from
        // the configured threads, not the ones already waiting for work: threads that have not
        // started yet (just after listening began) must not shrink the room.
        if (tasks_.size() + running_ < thread_count_ + max_waiting_) {
            tasks_.push_back(std::move(task));
            counts_->waiting = tasks_.size();
            ready_.notify_one();
            return;
        }
    }
    t_refusing = true;
    task();
    t_refusing = false;
}

void WorkerPool::shutdown() {
    {
        std::lock_guard lock(mutex_);
        if (stopping_) return;
        stopping_ = true;
    }
    ready_.notify_all();
    for (auto& t : threads_) t.join();
}

void WorkerPool::on_idle() {
    if (on_idle_) on_idle_();
}

void WorkerPool::work() {
    std::unique_lock lock(mutex_);
    while (true) {
        ready_.wait(lock, [this] { return !tasks_.empty() || stopping_; });
        if (tasks_.empty()) return;  // stopping, and nothing accepted is left
        std::function<void()> task = std::move(tasks_.front());
        tasks_.pop_front();
        counts_->waiting = tasks_.size();
        ++counts_->busy;
        ++running_;
        lock.unlock();
        task();
        lock.lock();
        --running_;
        --counts_->busy;
    }
}

}  // namespace tracuu
