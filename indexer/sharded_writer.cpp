#include "sharded_writer.hpp"

#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <type_traits>

#include <xxhash.h>

#include "database_creation.hpp"
#include "index/stub_database.hpp"
#include "task_queue.hpp"

namespace tracuu {
namespace fs = std::filesystem;
namespace {

// Documents queued per shard before put() waits: enough to keep a writer busy while the
// pipeline hands over the next ones, few enough to bound memory.
constexpr std::size_t kMaxQueued = 64;

std::string shard_name(std::size_t i) {
    return "shard-" + std::to_string(i);
}

bool is_empty_or_missing(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return true;
    return fs::is_directory(path, ec) && fs::is_empty(path, ec);
}

/// Makes the stub folder of `count` new shards at `path` in one rename: a run killed at any
/// moment leaves no index or a whole one.
void create_stub_folder(const fs::path& path, const std::optional<fs::path>& root,
                        std::size_t count) {
    const fs::path staging = staging_folder(path);
    std::error_code ec;
    fs::create_directories(path.parent_path());
    fs::remove_all(staging, ec);
    fs::create_directories(staging);
    std::vector<std::string> names;
    for (std::size_t i = 0; i < count; ++i) {
        names.push_back(shard_name(i));
        IndexWriter shard(staging / names.back(), root);  // born with root and schema
    }
    write_stub(staging, names);
    if (fs::exists(path, ec)) fs::remove(path, ec);  // an empty folder only (checked)
    fs::rename(staging, path);
}

}  // namespace

struct ShardedWriter::Shard {
    std::unique_ptr<IndexWriter> writer;
    std::size_t indexed = 0;  ///< puts that succeeded (on the shard's thread)
    bool threaded = false;

    TaskQueue<std::function<void()>> tasks{kMaxQueued};
    std::mutex mutex;  ///< of `written` and `fatal`
    std::vector<Written> written;
    std::exception_ptr fatal;  ///< a database error: the shard writes nothing more
    std::thread thread;

    void enqueue(std::function<void()> task) {
        if (threaded)
            tasks.push(std::move(task));
        else
            task();
    }
};

ShardedWriter::ShardedWriter(const fs::path& db_path, const std::optional<fs::path>& root,
                             std::size_t shards) {
    const fs::path path = folder_path(db_path);
    fs::path stub = stub_file_of(path);
    if (stub.empty() && shards > 1) {
        std::error_code ec;
        if (!is_empty_or_missing(path)) {
            throw IndexError(fs::exists(path / "iamglass", ec)
                                 ? "database " + path.string() +
                                       " is one database, not shards; index into a new folder "
                                       "with --shards"
                                 : path.string() + " exists and is not a tracuu index");
        }
        try {
            create_stub_folder(path, root, shards);
        } catch (const fs::filesystem_error& e) {
            throw IndexError("cannot create " + path.string() + ": " + e.what());
        }
        stub = stub_file_of(path);
    }
    std::vector<fs::path> paths;
    if (stub.empty()) {
        paths.push_back(db_path);
    } else {
        try {
            for (const StubShard& shard : read_stub(stub)) {
                if (shard.kind != StubShard::Kind::Local) {
                    throw IndexError("stub database " + stub.string() + " lists " + shard.spec() +
                                     ": index on the machine that holds each shard");
                }
                paths.emplace_back(shard.path);
            }
        } catch (const StubError& e) {
            throw IndexError(e.what());
        }
        if (shards > 0 && shards != paths.size()) {
            throw IndexError(path.string() + " has " + std::to_string(paths.size()) +
                             " shards, fixed when it was made; --shards " + std::to_string(shards) +
                             " would move documents: index into a new folder instead");
        }
    }
    for (const fs::path& shard_path : paths) {
        auto shard = std::make_unique<Shard>();
        shard->writer = std::make_unique<IndexWriter>(shard_path, root);
        if (!shards_.empty() && shard->writer->root() != shards_.front()->writer->root())
            throw IndexError(shard_path.string() + " holds ids relative to another root");
        shards_.push_back(std::move(shard));
    }
    if (shards_.size() > 1) {
        for (auto& shard : shards_) {
            shard->threaded = true;
            shard->thread = std::thread([s = shard.get()] { s->tasks.run(); });
        }
    }
}

ShardedWriter::~ShardedWriter() {
    for (auto& shard : shards_) shard->tasks.stop();
    for (auto& shard : shards_) {
        if (shard->thread.joinable()) shard->thread.join();
    }
}

const fs::path& ShardedWriter::root() const {
    return shards_.front()->writer->root();
}

std::size_t ShardedWriter::shard_count() const {
    return shards_.size();
}

std::size_t ShardedWriter::shard_of(const std::string& id) const {
    if (shards_.size() == 1) return 0;
    return static_cast<std::size_t>(XXH3_64bits(id.data(), id.size()) % shards_.size());
}

template <class Result, class Work>
Result ShardedWriter::run(std::size_t i, Work work) {
    Shard& shard = *shards_[i];
    if (!shard.threaded) return work(*shard.writer);
    rethrow_fatal();
    auto promise = std::make_shared<std::promise<Result>>();
    std::future<Result> future = promise->get_future();
    shard.enqueue([&shard, promise, work]() mutable {
        try {
            if constexpr (std::is_void_v<Result>) {
                work(*shard.writer);
                promise->set_value();
            } else {
                promise->set_value(work(*shard.writer));
            }
        } catch (...) {
            promise->set_exception(std::current_exception());
        }
    });
    return future.get();
}

void ShardedWriter::rethrow_fatal() {
    for (auto& shard : shards_) {
        std::lock_guard lock(shard->mutex);
        if (shard->fatal) std::rethrow_exception(shard->fatal);
    }
}

void ShardedWriter::put(std::size_t ticket, const std::string& id, Xapian::Document document) {
    rethrow_fatal();
    Shard& shard = *shards_[shard_of(id)];
    // Only the shard's thread touches the document from here (Xapian's handles are not
    // thread-safe): it is moved, never copied.
    auto doc = std::make_shared<Xapian::Document>(std::move(document));
    shard.enqueue([&shard, ticket, id, doc] {
        Written w;
        w.ticket = ticket;
        try {
            w.outcome = shard.writer->put(id, *doc);
            ++shard.indexed;
        } catch (const Xapian::DatabaseError&) {
            if (!shard.threaded) throw;  // the database, not this document: the run stops
            std::lock_guard lock(shard.mutex);
            shard.fatal = std::current_exception();
            return;
        } catch (const Xapian::Error& e) {
            w.error = e.get_description();
        } catch (const std::exception& e) {
            w.error = e.what();
        }
        std::lock_guard lock(shard.mutex);
        shard.written.push_back(std::move(w));
    });
}

std::vector<ShardedWriter::Written> ShardedWriter::take_written() {
    rethrow_fatal();
    std::vector<Written> all;
    for (auto& shard : shards_) {
        std::lock_guard lock(shard->mutex);
        for (auto& w : shard->written) all.push_back(std::move(w));
        shard->written.clear();
    }
    return all;
}

bool ShardedWriter::remove(const std::string& id) {
    return run<bool>(shard_of(id), [id](IndexWriter& w) { return w.remove(id); });
}

std::optional<IndexWriter::SourceFacts> ShardedWriter::source_facts(const std::string& id) {
    return run<std::optional<IndexWriter::SourceFacts>>(
        shard_of(id), [id](IndexWriter& w) { return w.source_facts(id); });
}

std::vector<std::optional<IndexWriter::SourceFacts>> ShardedWriter::source_facts(
    const std::vector<std::string>& ids) {
    rethrow_fatal();
    std::vector<std::optional<IndexWriter::SourceFacts>> facts(ids.size());
    std::vector<std::vector<std::size_t>> asked(shards_.size());  // indexes into ids, per shard
    for (std::size_t i = 0; i < ids.size(); ++i) asked[shard_of(ids[i])].push_back(i);
    std::vector<std::future<void>> done;
    for (std::size_t s = 0; s < shards_.size(); ++s) {
        auto promise = std::make_shared<std::promise<void>>();
        done.push_back(promise->get_future());
        // Each task writes its own entries of `facts`; the futures order those writes before
        // the reads below.
        shards_[s]->enqueue([&, s, promise] {
            try {
                for (const std::size_t i : asked[s])
                    facts[i] = shards_[s]->writer->source_facts(ids[i]);
                promise->set_value();
            } catch (...) {
                promise->set_exception(std::current_exception());
            }
        });
    }
    for (auto& d : done) d.get();
    return facts;
}

void ShardedWriter::update_mtime(const std::string& id, int64_t mtime_ns) {
    rethrow_fatal();
    Shard& shard = *shards_[shard_of(id)];
    shard.enqueue([&shard, id, mtime_ns] {
        try {
            shard.writer->update_mtime(id, mtime_ns);
        } catch (const Xapian::Error&) {
            if (!shard.threaded) throw;
            std::lock_guard lock(shard.mutex);
            shard.fatal = std::current_exception();
        }
    });
}

std::vector<std::string> ShardedWriter::ids_with_prefix(const std::string& prefix) {
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < shards_.size(); ++i) {
        auto some = run<std::vector<std::string>>(
            i, [prefix](IndexWriter& w) { return w.ids_with_prefix(prefix); });
        ids.insert(ids.end(), some.begin(), some.end());
    }
    return ids;
}

namespace {

/// Starts `work` on every shard, then waits for all: shards commit and compact in parallel.
template <class Shards, class Work>
void on_every_shard(Shards& shards, Work work) {
    std::vector<std::future<void>> done;
    for (auto& shard : shards) {
        auto promise = std::make_shared<std::promise<void>>();
        done.push_back(promise->get_future());
        auto task = [s = shard.get(), promise, work] {
            try {
                work(*s->writer);
                promise->set_value();
            } catch (...) {
                promise->set_exception(std::current_exception());
            }
        };
        shard->enqueue(task);
    }
    for (auto& d : done) d.get();
}

}  // namespace

void ShardedWriter::commit() {
    rethrow_fatal();
    on_every_shard(shards_, [](IndexWriter& w) { w.commit(); });
    rethrow_fatal();
}

bool ShardedWriter::should_compact(std::size_t indexed) const {
    if (shards_.size() == 1) return shards_.front()->writer->should_compact(indexed);
    // Called once the shards are idle (after commit): their counts are settled.
    for (const auto& shard : shards_) {
        if (shard->writer->should_compact(shard->indexed)) return true;
    }
    return false;
}

void ShardedWriter::compact() {
    rethrow_fatal();
    on_every_shard(shards_, [](IndexWriter& w) { w.compact(); });
}

Xapian::doccount ShardedWriter::document_count() const {
    Xapian::doccount total = 0;
    for (const auto& shard : shards_) total += shard->writer->document_count();
    return total;
}

}  // namespace tracuu
