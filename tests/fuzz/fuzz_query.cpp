// libFuzzer harness: what a person types in the search box, through the query syntax, the query
// builder and a real search (with snippets and facets) on an index of the bundled seeds, exactly
// as GET /api/search runs it.
#include <stdlib.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "analyzers/utf8.hpp"
#include "fuzz_check.hpp"
#include "indexer/document_preparation.hpp"
#include "indexer/index_writer.hpp"
#include "search/query_interpretation.hpp"
#include "search/query_syntax.hpp"
#include "search/searcher.hpp"
#include "server/api.hpp"

using namespace tracuu;
namespace fs = std::filesystem;

namespace {

fs::path g_scratch;
Xapian::Database* g_db = nullptr;

void remove_scratch() {
    std::error_code ec;
    fs::remove_all(g_scratch, ec);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    char pattern[] = "/tmp/tracuu-fuzz-query-XXXXXX";
    g_scratch = mkdtemp(pattern);
    std::atexit(remove_scratch);
    const fs::path seeds = fs::path(TRACUU_SOURCE_DIR) / "corpus" / "seeds";
    {
        IndexWriter writer(g_scratch / "db", fs::path(TRACUU_SOURCE_DIR) / "corpus");
        for (const auto& entry : fs::directory_iterator(seeds)) {
            std::ifstream in(entry.path(), std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            writer.put(prepare_document("seeds/" + entry.path().filename().string(), text.str()));
        }
        writer.commit();
    }
    g_db = new Xapian::Database((g_scratch / "db").string());
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    const std::string q(reinterpret_cast<const char*>(data), size);
    for (const QueryPart& part : parse_query_syntax(q)) FUZZ_CHECK(!part.text.empty());
    SearchRequest request;
    request.q = q;
    try {
        build_search_query(request);
    } catch (const QueryError&) {
        // refused with a reason: a 400
    }
    // Read as typed without an input method: valid UTF-8, with or without the index's say.
    const IndexEvidence index(*g_db);
    for (const WordEvidence* evidence :
         {static_cast<const WordEvidence*>(nullptr), static_cast<const WordEvidence*>(&index)}) {
        if (const auto meant = interpret_query(q, evidence)) FUZZ_CHECK(utf8::is_valid(*meant));
    }
    const ApiResponse answer = handle_search(*g_db, {{"q", q}, {"limit", "20"}});
    FUZZ_CHECK(answer.status == 200 || answer.status == 400);
    FUZZ_CHECK(!answer.text().empty());
    return 0;
}
