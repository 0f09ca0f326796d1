// libFuzzer harness: the checks on raw request targets and document ids that stand between a
// request and the index or the file system.
#include <cstddef>
#include <cstdint>
#include <string>

#include "analyzers/utf8.hpp"
#include "fuzz_check.hpp"
#include "index/document_id.hpp"
#include "server/request_target.hpp"

using namespace tracuu;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    const std::string target(reinterpret_cast<const char*>(data), size);
    const auto problem = find_bad_percent_encoding(target);
    const auto params = query_parameters(target);
    if (!problem) {
        for (const auto& [name, value] : params) {
            FUZZ_CHECK(name.size() <= target.size() && value.size() <= target.size());
        }
    }
    // An accepted id can never climb out of the index root.
    if (document_id_problem(target).empty()) {
        FUZZ_CHECK(utf8::is_valid(target));
        FUZZ_CHECK(target.front() != '/');
        FUZZ_CHECK(target != ".." && !target.starts_with("../") && !target.ends_with("/..") &&
                   target.find("/../") == std::string::npos);
    }
    return 0;
}
