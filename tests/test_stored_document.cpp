// The data stored with each document (index/stored_document.hpp): the result line a search
// copies as it is, and the whole metadata back for the document page.
#include <catch2/catch.hpp>

#include "index/stored_document.hpp"
#include "indexer/document_preparation.hpp"
#include "support.hpp"

using namespace tracuu;

TEST_CASE("stored data gives back the metadata, and a result line without the citations",
          "[stored]") {
    // Seed 001 cites 57-NQ/TW among others: a document with a citation list.
    PreparedDocument doc = prepare_document("seeds/001.txt", test::read_file(test::seed("001")));
    doc.record.source_bytes = 1234;
    doc.record.source.format = "text";
    doc.record.source.encoding = "UTF-8";
    doc.record.source.hash = "0123456789abcdef";
    const nlohmann::json& citations = doc.record.fields.at("citations");
    REQUIRE(citations.size() >= 2);

    const std::string data = encode_stored_document(doc.record);
    const StoredDocument back = decode_stored_document(data);
    CHECK(back.meta["id"] == "seeds/001.txt");
    CHECK(back.meta["title"] == doc.record.title);
    CHECK(back.meta["bytes"] == 1234);
    CHECK(back.meta["fields"] == doc.record.fields);
    CHECK(back.meta["extraction"]["hash"] == "0123456789abcdef");
    CHECK(back.text == doc.record.text);

    const StoredParts parts = split_stored_document(data);
    const nlohmann::json result = nlohmann::json::parse("{" + std::string(parts.result) + "}");
    CHECK(result["id"] == "seeds/001.txt");
    CHECK(result["path"] == doc.record.path);
    CHECK(result["citations"] == citations.size());
    CHECK_FALSE(result["fields"].contains("citations"));
    CHECK(result["fields"].at("issuer") == doc.record.fields.at("issuer"));
    CHECK(parts.text == doc.record.text);
}

TEST_CASE("data not written by encode_stored_document is refused", "[stored]") {
    CHECK_THROWS(split_stored_document("no lines at all"));
    CHECK_THROWS(split_stored_document("\"id\":\"a\"\nonly one line"));
}
