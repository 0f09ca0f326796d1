// run_index stops when its stop flag is set (tracuu-index sets it on SIGINT and SIGTERM): the
// document at hand is finished and committed, the run says it stopped, and the same run again
// completes the job. No signal is sent: the flag is set from the write stage of one file.
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdio>

#include <xapian.h>

#include "indexer/index_command.hpp"
#include "support.hpp"

using namespace tracuu;

TEST_CASE("a stop flag set during a run ends it after the document at hand, committed",
          "[ingest]") {
    test::TempDir tmp;
    const auto inbox = tmp / "inbox";
    for (const char* name : {"a.txt", "b.txt", "c.txt"})
        test::write_file(inbox / name, test::read_file(test::seed("000")));
    std::atomic<bool> stop{false};
    IndexOptions options;
    options.db = tmp / "db";
    options.root = tmp.path();
    options.inputs = {inbox};
    options.quiet = true;
    options.stop = &stop;
    // Files are taken in the order of their ids (discover_sources): b.txt is the second.
    options.fault_hook = [&](Stage stage, const SourceFile& file) {
        if (stage == Stage::Write && file.id == "inbox/b.txt") stop = true;
    };
    std::FILE* sink = std::fopen("/dev/null", "w");
    CHECK(run_index(options, sink, sink) == kExitSomeFailed);
    {
        Xapian::Database db(options.db.string());
        CHECK(db.get_doccount() == 2);
        CHECK(db.term_exists("Qinbox/b.txt"));
        CHECK_FALSE(db.term_exists("Qinbox/c.txt"));
    }
    stop = false;
    options.fault_hook = {};
    CHECK(run_index(options, sink, sink) == kExitOk);
    std::fclose(sink);
    CHECK(Xapian::Database(options.db.string()).get_doccount() == 3);
}
