// The complete citation list of every seed, read by hand, and the details of typical citations.
#include <catch2/catch.hpp>

#include <set>

#include "indexer/document_preparation.hpp"
#include "support.hpp"

using namespace tracuu;
using nlohmann::json;

namespace {

json citations_of(const std::string& prefix) {
    PreparedDocument doc = prepare_document(prefix, test::read_file(test::seed(prefix)));
    json citations = doc.record.fields["citations"];
    add_citation_contexts(citations, doc.record.text);
    return citations;
}

std::set<std::string> numbers(const json& citations) {
    std::set<std::string> out;
    for (const auto& c : citations) out.insert(c["number"].get<std::string>());
    return out;
}

json find(const json& citations, const std::string& number) {
    for (const auto& c : citations) {
        if (c["number"] == number) return c;
    }
    FAIL("no citation " << number);
    return {};
}

}  // namespace

TEST_CASE("every seed's citation list is complete and nothing else", "[citations][seeds]") {
    CHECK(numbers(citations_of("000")) == std::set<std::string>{"552/TB-VPCP", "5642/UBND-PVHCC"});
    CHECK(numbers(citations_of("001")) ==
          std::set<std::string>{"24/BCĐ-KSTTHC", "06/CP", "57-NQ/TW", "01/NQ-CP", "02/NQ-CP",
                                "03/NQ-CP", "18-NQ/TW", "256/KH-UBND"});
    CHECK(numbers(citations_of("002")) ==
          std::set<std::string>{"05-KH/TU", "02-KH/BCĐTW", "16084-CV/VPTW", "16256-CV/VPTW",
                                "472/SKHCN-BCVT&CĐS", "335/SKHCN-BCVT&CĐS", "579/SKHCN-BCT&CĐS",
                                "943/CAT-ANM"});
    CHECK(numbers(citations_of("003")) == std::set<std::string>{"57-NQ/TW", "11494/VP-VX",
                                                                "379-CV/VPĐU", "02-KH/BCĐTW",
                                                                "01-KH/BCĐ"});
    CHECK(numbers(citations_of("004")) ==
          std::set<std::string>{"46-TB/TGV", "78/TTr-SKHCN", "118/2025/NĐ-CP", "57-NQ/TW",
                                "02-KH/BCĐTW", "04/2025/NQ-CP", "05-QĐ/BCĐTW"});
}

TEST_CASE("a full citation gives type, date and issuer", "[citations][seeds]") {
    const json c = find(citations_of("001"), "57-NQ/TW");
    CHECK(c["type"] == "Nghị quyết");
    CHECK(c["key"] == "57-nq-tw");
    CHECK(c["date"] == "2024-12-22");
    CHECK(c["issuer"] == "Bộ Chính trị");
    CHECK(c["mentions"] == 2);
    CHECK(c["context"].get<std::string>().find(
              "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị") != std::string::npos);
}

TEST_CASE("a list shares its type, date and issuer", "[citations][seeds]") {
    // `các Nghị quyết số 01/NQ-CP, 02/NQ-CP ngày 08/01/2025, 03/NQ-CP ngày 09/01/2025 của Chính
    // phủ`
    const json all = citations_of("001");
    for (const char* n : {"01/NQ-CP", "02/NQ-CP", "03/NQ-CP"}) {
        INFO(n);
        const json c = find(all, n);
        CHECK(c["type"] == "Nghị quyết");
        CHECK(c["issuer"] == "Chính phủ");
    }
    CHECK(find(all, "01/NQ-CP")["date"] == "2025-01-08");
    CHECK(find(all, "02/NQ-CP")["date"] == "2025-01-08");
    CHECK(find(all, "03/NQ-CP")["date"] == "2025-01-09");
    // `Công văn số 16084-CV/VPTW ngày 16/7/2025 và Công văn số 16256-CV/VPTW ... của Văn phòng
    // Trung ương Đảng`
    const json c002 = citations_of("002");
    CHECK(find(c002, "16084-CV/VPTW")["issuer"] == "Văn phòng Trung ương Đảng");
}

TEST_CASE("short back-references resolve to the full number", "[citations][seeds]") {
    // 002 defines `(Kế hoạch số 02)` and then says `Kế hoạch số 02` four more times.
    const json c = find(citations_of("002"), "02-KH/BCĐTW");
    CHECK(c["mentions"] == 5);
    CHECK(c["issuer"] == "Ban Chỉ đạo Trung ương");
    CHECK(c["date"] == "2025-06-19");
}

TEST_CASE("a number broken across lines is one citation", "[citations][seeds]") {
    // 003: `Nghị quyết số 57-` / `NQ/TW`; 004: `Quy định số 05-` / `QĐ/BCĐTW, ngày 27/8/2025`.
    const json c = find(citations_of("003"), "57-NQ/TW");
    CHECK(c["mentions"] == 4);
    // Each span is the number as written, line break included.
    const std::string text = stored_text(test::read_file(test::seed("003")));
    REQUIRE(c["spans"].size() == 4);
    for (const auto& span : c["spans"]) {
        const std::string written = text.substr(
            span[0].get<std::size_t>(), span[1].get<std::size_t>() - span[0].get<std::size_t>());
        INFO(written);
        CHECK(written.starts_with("57-"));
        CHECK(written.ends_with("NQ/TW"));
    }
    const json q = find(citations_of("004"), "05-QĐ/BCĐTW");
    CHECK(q["type"] == "Quy định");
    CHECK(q["date"] == "2025-08-27");
    CHECK(q["issuer"] == "Ban Chỉ đạo Trung ương");
}

TEST_CASE("a citation without date or issuer reports none", "[citations][seeds]") {
    const json c = find(citations_of("004"), "118/2025/NĐ-CP");
    CHECK(c["type"] == "Nghị định");
    CHECK_FALSE(c.contains("date"));
    CHECK_FALSE(c.contains("issuer"));
}
