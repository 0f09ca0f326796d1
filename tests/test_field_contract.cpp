// The fields' JSON (indexer/directive_json.cpp) against the API's contract (server/openapi.json):
// every member a field can hold is one the contract lists. The contract test (tests/browser)
// sees only the fields the bundled corpus happens to produce; this one sets every flag.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "indexer/directive.hpp"

namespace tracuu {
namespace {

nlohmann::json contract() {
    std::ifstream in(std::filesystem::path(TRACUU_SOURCE_DIR) / "server" / "openapi.json");
    return nlohmann::json::parse(in);
}

/// Every field present, each read through OCR's slips.
Directive everything_set() {
    Directive d;
    const Sourced<std::string> text{"x", FieldSource::Header, true};
    for (auto* field :
         {&d.number, &d.number_codes, &d.type, &d.issuer, &d.parent_issuer, &d.place, &d.date,
          &d.month, &d.year, &d.subject, &d.signer, &d.signer_authority, &d.signer_title})
        *field = text;
    d.date.reset();  // the month is said only when the day is blank
    d.number_parts = DocumentNumber{"57", "", {"NQ", "TW"}};
    d.recipients = Sourced<std::vector<std::string>>{{"x"}, FieldSource::Header, true};
    return d;
}

}  // namespace

TEST_CASE("every member a field's JSON can hold is in the API contract", "[contract]") {
    const nlohmann::json schemas = contract()["components"]["schemas"];
    const nlohmann::json& listed = schemas["FieldValue"]["properties"];
    for (const Directive& d :
         {everything_set(), [] {
              Directive with_date = everything_set();
              with_date.date = Sourced<std::string>{"2025-01-02", FieldSource::Header, true};
              return with_date;
          }()}) {
        const nlohmann::json fields = to_json(d);
        for (const auto& [name, field] : fields.items()) {
            if (!field.is_object()) continue;  // draft, missing, citations
            if (name == "effective_from" || name == "effective_until") continue;
            for (const auto& [member, value] : field.items()) {
                INFO(name << "." << member);
                CHECK(listed.contains(member));
            }
        }
    }
}

}  // namespace tracuu
