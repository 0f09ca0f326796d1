// The threads that serve connections: a fixed number, and a bounded list of accepted connections
// waiting for one. A connection that finds the list full is not queued out of sight: it is run at
// once with refusing() true, so the server answers 503 and closes it (see bounded_server.cpp).
#pragma once

#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace tracuu {

/// Live counts, readable by /metrics and by connections deciding whether to keep a worker idle.
struct WorkerCounts {
    std::atomic<std::size_t> busy{0};     ///< workers serving a connection
    std::atomic<std::size_t> waiting{0};  ///< accepted connections no worker has taken yet
};

class WorkerPool : public httplib::TaskQueue {
  public:
    /// `on_idle` runs on the accepting thread whenever no connection arrived for a while.
    WorkerPool(std::size_t threads, std::size_t max_waiting, std::shared_ptr<WorkerCounts> counts,
               std::function<void()> on_idle);
    ~WorkerPool() override;

    void enqueue(std::function<void()> task) override;
    /// Finishes every task already accepted, then joins the threads.
    void shutdown() override;
    void on_idle() override;

    /// True while a task runs because the pool was full: it must refuse its connection quickly.
    static bool refusing();

  private:
    void work();

    std::size_t max_waiting_;
    std::shared_ptr<WorkerCounts> counts_;
    std::function<void()> on_idle_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::function<void()>> tasks_;
    std::size_t thread_count_;
    std::size_t running_ = 0;  ///< tasks a worker has taken and not finished
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace tracuu
