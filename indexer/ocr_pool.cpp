#include "ocr_pool.hpp"

namespace tracuu {

OcrPool::OcrPool(std::size_t threads) {
    for (std::size_t i = 0; i < std::max<std::size_t>(threads, 1); ++i)
        workers_.emplace_back([this] { queue_.run(); });
}

OcrPool::~OcrPool() {
    queue_.stop();
    for (auto& w : workers_) w.join();
}

std::future<OcrPage> OcrPool::read(std::function<OcrPage()> job) {
    std::packaged_task<OcrPage()> task(std::move(job));
    std::future<OcrPage> result = task.get_future();
    queue_.push(std::move(task));
    return result;
}

}  // namespace tracuu
