// Tasks handed to the threads that run them, first in first out: the OCR pool's threads and each
// shard's writer thread. Handing one in waits while the queue is full.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>

namespace tracuu {

template <class Task>
class TaskQueue {
  public:
    explicit TaskQueue(std::size_t max_queued = SIZE_MAX) : max_queued_(max_queued) {}

    /// Queues `task`, first waiting while `max_queued` tasks wait.
    void push(Task task) {
        {
            std::unique_lock lock(mutex_);
            room_.wait(lock, [&] { return tasks_.size() < max_queued_; });
            tasks_.push_back(std::move(task));
        }
        wake_.notify_one();
    }

    /// Runs the tasks as they come, on the calling thread; returns after stop(), once none is
    /// left.
    void run() {
        for (;;) {
            Task task;
            {
                std::unique_lock lock(mutex_);
                wake_.wait(lock, [&] { return stopping_ || !tasks_.empty(); });
                if (tasks_.empty()) return;
                task = std::move(tasks_.front());
                tasks_.pop_front();
            }
            room_.notify_all();
            task();
        }
    }

    /// Lets every run() return once the tasks queued are done.
    void stop() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        wake_.notify_all();
    }

  private:
    const std::size_t max_queued_;
    std::mutex mutex_;
    std::condition_variable wake_, room_;
    std::deque<Task> tasks_;
    bool stopping_ = false;
};

}  // namespace tracuu
