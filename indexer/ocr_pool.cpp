#include "ocr_pool.hpp"

namespace tracuu {

OcrPool::OcrPool(std::size_t threads) {
    for (std::size_t i = 0; i < std::max<std::size_t>(threads, 1); ++i)
        workers_.emplace_back([this] { work(); });
}

OcrPool::~OcrPool() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    for (auto& w : workers_) w.join();
}

std::future<OcrPage> OcrPool::read(std::function<OcrPage()> job) {
    std::packaged_task<OcrPage()> task(std::move(job));
    std::future<OcrPage> result = task.get_future();
    {
        std::lock_guard lock(mutex_);
        queue_.push_back(std::move(task));
    }
    wake_.notify_one();
    return result;
}

void OcrPool::work() {
    while (true) {
        std::packaged_task<OcrPage()> task;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return;
            task = std::move(queue_.front());
            queue_.pop_front();
        }
        task();
    }
}

}  // namespace tracuu
