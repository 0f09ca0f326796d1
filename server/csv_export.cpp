#include "csv_export.hpp"

#include <memory>
#include <utility>

#include "request_target.hpp"

namespace tracuu {
namespace {

// Rows searched per step of the stream: each step runs the search again for its slice.
constexpr std::size_t kRowsPerStep = 500;

std::string field_value(const nlohmann::json& fields, const char* name) {
    if (!fields.is_object()) return {};
    const auto found = fields.find(name);
    if (found == fields.end() || !found->is_object()) return {};
    const auto value = found->find("value");
    return value != found->end() && value->is_string() ? value->get<std::string>() : std::string();
}

struct CsvStream {
    Xapian::Database db;
    SearchRequest request;  ///< offset and limit: the rows still to send
    ValueTablePtr values;
    std::string page_url;
    std::string pending;  ///< rows searched, not yet sent

    /// Searches the next step's rows into `pending`; false when there are none.
    bool next_rows() {
        if (request.limit == 0) return false;
        SearchRequest step = request;
        step.limit = std::min(request.limit, kRowsPerStep);
        const SearchResult result = search(db, step, values);
        for (const SearchHit& hit : result.hits) pending += csv_row(hit.result_members, page_url);
        request.offset += step.limit;
        request.limit -= step.limit;
        if (result.hits.size() < step.limit) request.limit = 0;  // the matches ran out
        return !result.hits.empty();
    }
};

}  // namespace

std::string csv_field(std::string_view value) {
    std::string out;
    const bool formula =
        !value.empty() && (value.front() == '=' || value.front() == '+' || value.front() == '-' ||
                           value.front() == '@' || value.front() == '\t' || value.front() == '\r');
    const bool quoted = formula || value.find_first_of(",\"\r\n") != std::string_view::npos;
    if (quoted) out += '"';
    if (formula) out += '\'';
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    if (quoted) out += '"';
    return out;
}

std::string csv_row(std::string_view result_members, const std::string& page_url) {
    std::string object = "{";
    object += result_members;
    object += '}';
    const nlohmann::json result = nlohmann::json::parse(object, nullptr, false);
    const nlohmann::json fields =
        result.is_object() ? result.value("fields", nlohmann::json()) : nlohmann::json();
    const std::string id =
        result.is_object() && result.contains("id") ? result["id"].get<std::string>() : "";
    std::string subject = field_value(fields, "subject");
    if (subject.empty() && result.is_object()) subject = result.value("title", "");
    std::string row;
    for (const std::string& value :
         {id, field_value(fields, "number"), field_value(fields, "type"),
          field_value(fields, "issuer"), field_value(fields, "date"), subject}) {
        row += csv_field(value);
        row += ',';
    }
    row += csv_field(page_url + "?doc=" + percent_encoded(id, false));
    row += "\r\n";
    return row;
}

StreamReply search_csv(const Xapian::Database& db, const SearchRequest& request,
                       const ValueTablePtr& values, const std::string& page_url) {
    auto stream = std::make_shared<CsvStream>(CsvStream{db, request, values, page_url, {}});
    stream->request.facets = false;
    stream->request.snippets = false;
    stream->pending = "\xEF\xBB\xBF";
    stream->pending += kCsvHeader;
    stream->pending += "\r\n";
    stream->next_rows();  // here, so that errors are answered as errors
    return {.status = 200,
            .content_type = "text/csv; charset=utf-8; header=present",
            .headers = {{"Cache-Control", "no-store"},
                        {"Content-Disposition", "attachment; filename=\"danh-sach-van-ban.csv\""}},
            .next = [stream] {
                if (stream->pending.empty() && !stream->next_rows()) return std::string();
                return std::exchange(stream->pending, std::string());
            }};
}

}  // namespace tracuu
