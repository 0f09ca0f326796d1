// Threads that read pages by OCR, shared by every file of a run (`--jobs N`: N pages at once).
// Each thread keeps its own Tesseract engines (ocr.cpp), so a page costs no engine start-up.
// A file's pages are rendered in order by the thread reading the file and handed here; its text
// is put together in page order as the readings come back.
#pragma once

#include <functional>
#include <future>
#include <thread>
#include <vector>

#include "ocr.hpp"
#include "task_queue.hpp"

namespace tracuu {

class OcrPool {
  public:
    explicit OcrPool(std::size_t threads);
    ~OcrPool();  ///< finishes the pages already handed in, then joins the threads
    OcrPool(const OcrPool&) = delete;
    OcrPool& operator=(const OcrPool&) = delete;

    std::size_t threads() const { return workers_.size(); }

    /// Reads a page on one of the threads; errors (SourceError) come back through the future.
    std::future<OcrPage> read(std::function<OcrPage()> job);

  private:
    TaskQueue<std::packaged_task<OcrPage()>> queue_;
    std::vector<std::thread> workers_;
};

}  // namespace tracuu
