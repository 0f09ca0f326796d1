// libFuzzer harness: the whole ingestion of one file, as tracuu-index does it, from raw bytes:
// format detection, extraction of the text formats (plain text in any encoding, HTML),
// normalisation, prepare_document, the one UTF-8 check on the way out, the stored JSON and the
// Xapian document (in memory). Invariants: no exception escapes; a file fails only when refused
// by design (SourceError), never by surprise; nothing needed repairing on the way out (every
// string valid UTF-8 already); the stored JSON parses back; every span lies inside the text.
#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "analyzers/utf8.hpp"
#include "fuzz_check.hpp"
#include "index/schema.hpp"
#include "index/stored_document.hpp"
#include "indexer/file_pipeline.hpp"

using namespace tracuu;

namespace {

void check_span(std::string_view text, uint32_t begin, uint32_t end) {
    FUZZ_CHECK(begin <= end && end <= text.size());
    FUZZ_CHECK(utf8::floor_boundary(text, begin) == begin);
    FUZZ_CHECK(utf8::floor_boundary(text, end) == end);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    // Named .txt, so binary formats (PDF, DOCX, DOC, images: converters and OCR) are refused as
    // misnamed at once; text and HTML are read.
    const SourceFile file{"fuzz/input.txt", "fuzz/input.txt", size, 0};
    ExtractionOptions options;
    options.ocr = OcrMode::Never;
    const FileResult r = process_bytes(file, bytes, "0000000000000000", options);
    if (r.kind == FileResult::Kind::Failed) {
        FUZZ_CHECK(r.refused);  // an exception nobody expected is a finding
        FUZZ_CHECK(r.stage == Stage::Extract);
        FUZZ_CHECK(utf8::is_valid(r.reason));
        return 0;
    }
    FUZZ_CHECK(r.kind == FileResult::Kind::Prepared && r.document && r.built);
    FUZZ_CHECK(r.repaired_strings == 0);  // the check on the way out found nothing to repair
    const DocumentRecord& record = r.document->record;
    FUZZ_CHECK(utf8::is_valid(record.text));
    FUZZ_CHECK(utf8::is_valid(record.title));
    for (const auto& w : record.source.warnings) FUZZ_CHECK(utf8::is_valid(w));

    // The stored data parses back, the citations' contexts read from the stored text.
    const std::string stored = r.built->get_data();
    FUZZ_CHECK(utf8::is_valid(stored));
    const StoredDocument back = decode_stored_document(stored);
    FUZZ_CHECK(back.meta.value("id", "") == "fuzz/input.txt");
    FUZZ_CHECK(back.text == record.text);
    nlohmann::json citations = back.meta["fields"].value("citations", nlohmann::json::array());
    add_citation_contexts(citations, back.text);
    FUZZ_CHECK(!citations.dump().empty());  // strict: throws on invalid UTF-8

    for (const Citation& c : r.document->directive.citations) {
        for (const auto& [begin, end] : c.spans) check_span(record.text, begin, end);
        check_span(record.text, c.context.begin, c.context.end);
    }
    // Values a server shows (facets, ids) are text.
    for (const Xapian::valueno slot : {schema::kSlotDate, schema::kSlotIssuer, schema::kSlotType,
                                       schema::kSlotYear, schema::kSlotId}) {
        FUZZ_CHECK(utf8::is_valid(r.built->get_value(slot)));
    }
    return 0;
}
