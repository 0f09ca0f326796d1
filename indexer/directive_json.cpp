#include "analyzers/table_lookup.hpp"
#include "directive.hpp"
#include "text_lines.hpp"

namespace tracuu {

std::string_view to_string(FieldSource source) {
    static constexpr std::pair<FieldSource, std::string_view> names[] = {
        {FieldSource::Header, "header"},          {FieldSource::TitleLine, "title"},
        {FieldSource::NumberCode, "number_code"}, {FieldSource::Body, "body"},
        {FieldSource::Signature, "signature"},    {FieldSource::PageMetadata, "page_metadata"}};
    return second_of(names, source).value_or("unknown");
}

const std::vector<std::string>& directive_field_names() {
    static const std::vector<std::string> names = {
        "number",  "type",       "issuer", "parent_issuer",    "place",       "date", "year",
        "subject", "recipients", "signer", "signer_authority", "signer_title"};
    return names;
}

namespace {

template <class T>
void put(nlohmann::json& fields, nlohmann::json& missing, const std::string& name,
         const std::optional<Sourced<T>>& field) {
    if (field) {
        fields[name] = {{"value", field->value}, {"source", to_string(field->source)}};
        if (field->ocr_corrected) fields[name]["ocr_corrected"] = true;
    } else {
        missing.push_back(name);
    }
}

nlohmann::json citation_json(const Citation& c) {
    nlohmann::json j = {{"number", c.number},
                        {"key", c.key},
                        {"mentions", c.mentions()},
                        {"spans", c.spans},
                        {"context_span", context_span(c.context)}};
    if (!c.type.empty()) j["type"] = c.type;
    if (c.date) j["date"] = *c.date;
    if (c.issuer) j["issuer"] = *c.issuer;
    if (c.partial) j["partial"] = true;
    j["relation"] = c.relation;
    if (c.relation_span.second > c.relation_span.first) j["relation_span"] = c.relation_span;
    if (!c.relation_part.empty()) j["relation_part"] = c.relation_part;
    return j;
}

}  // namespace

nlohmann::json to_json(const Directive& d) {
    nlohmann::json fields = nlohmann::json::object();
    nlohmann::json missing = nlohmann::json::array();
    put(fields, missing, "number", d.number);
    if (d.number) fields["number"]["key"] = d.number_parts->key();
    if (d.number_codes) {
        fields["number_codes"] = {{"value", d.number_codes->value},
                                  {"source", to_string(d.number_codes->source)}};
        if (d.number_codes->ocr_corrected) fields["number_codes"]["ocr_corrected"] = true;
    }
    put(fields, missing, "type", d.type);
    put(fields, missing, "issuer", d.issuer);
    put(fields, missing, "parent_issuer", d.parent_issuer);
    put(fields, missing, "place", d.place);
    put(fields, missing, "date", d.date);
    put(fields, missing, "year", d.year);
    // Only when the day is blank; not a field a document lacks when it has its full date.
    if (d.month && !d.date) {
        fields["month"] = {{"value", d.month->value}, {"source", to_string(d.month->source)}};
    }
    put(fields, missing, "subject", d.subject);
    put(fields, missing, "recipients", d.recipients);
    put(fields, missing, "signer", d.signer);
    put(fields, missing, "signer_authority", d.signer_authority);
    put(fields, missing, "signer_title", d.signer_title);
    fields["draft"] = d.draft;
    // Said only when the text says it: not counted among the missing header fields.
    for (const auto& [name, date] : {std::pair{"effective_from", &d.effective_from},
                                     {"effective_until", &d.effective_until}}) {
        if (*date) {
            fields[name] = {{"value", (*date)->value},
                            {"source", to_string(FieldSource::Body)},
                            {"basis", (*date)->basis},
                            {"sentence", (*date)->sentence}};
        }
    }
    fields["missing"] = missing;
    nlohmann::json cites = nlohmann::json::array();
    for (const auto& c : d.citations) cites.push_back(citation_json(c));
    fields["citations"] = cites;
    return fields;
}

}  // namespace tracuu
