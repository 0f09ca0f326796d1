#include "field_judging.hpp"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "analyzers/abbreviations.hpp"
#include "analyzers/document_number.hpp"
#include "analyzers/table_lookup.hpp"
#include "analyzers/word_forms.hpp"
#include "indexer/body_name.hpp"
#include "indexer/document_preparation.hpp"
#include "indexer/file_pipeline.hpp"
#include "indexer/source_extraction.hpp"
#include "indexer/text_lines.hpp"

namespace tracuu::judging {
namespace {

const std::string kEmpty;

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t from = 0;
    while (true) {
        const std::size_t at = s.find(sep, from);
        out.emplace_back(
            s.substr(from, at == std::string_view::npos ? std::string_view::npos : at - from));
        if (at == std::string_view::npos) return out;
        from = at + 1;
    }
}

/// `57-NQ/TW` | `57/NQ-TW` -> `57-nq-tw`; text that is no number is compared folded.
std::string number_key(std::string_view number) {
    if (const auto parsed = parse_document_number(trim(number))) return parsed->key();
    return fold(trim(number));
}

/// Accent-free words with abbreviations expanded: `UBND tỉnh Đồng Tháp` = `Ủy ban nhân dân
/// tỉnh Đồng Tháp`.
std::vector<std::string> issuer_words(std::string_view name) {
    return expand_abbreviations(name, name_abbreviations());
}

bool ends_with(const std::vector<std::string>& longer, const std::vector<std::string>& tail) {
    return tail.size() < longer.size() &&
           std::equal(tail.begin(), tail.end(), longer.end() - static_cast<long>(tail.size()));
}

/// The same body, or one of them preceded by its parent body (`Bộ Tài chính Cục Thuế`).
bool same_issuer(std::string_view found, std::string_view truth) {
    const auto a = issuer_words(found);
    const auto b = issuer_words(truth);
    if (a.empty() || b.empty()) return false;
    if (a == b) return true;
    auto parent_then = [](const std::vector<std::string>& longer,
                          const std::vector<std::string>& tail) {
        if (!ends_with(longer, tail)) return false;
        std::string prefix;
        for (std::size_t i = 0; i + tail.size() < longer.size(); ++i)
            prefix += (prefix.empty() ? "" : " ") + longer[i];
        return starts_like_body_name(prefix);
    };
    return parent_then(a, b) || parent_then(b, a);
}

std::string exact_words(std::string_view s) {
    std::string out;
    for (const auto& w : split_words(s, false))
        out += (out.empty() ? "" : " ") + word_forms(w.text).exact;
    return out;
}

std::set<std::string> truth_citations(const std::string& cell) {
    std::set<std::string> keys;
    for (const auto& n : split(cell, '|')) {
        if (!trim(n).empty() && trim(n) != "-") keys.insert(number_key(n));
    }
    return keys;
}

std::set<std::string> found_citations(const nlohmann::json& fields) {
    std::set<std::string> keys;
    if (!fields.contains("citations")) return keys;
    for (const auto& c : fields["citations"]) {
        if (c.value("partial", false)) continue;  // `Kế hoạch số 02`: no full number
        keys.insert(c["key"].get<std::string>());
    }
    return keys;
}

std::vector<std::string> metadata_only_fields(const TruthRow& row) {
    std::vector<std::string> out;
    for (const auto& f : split(row.cell("metadata_only"), ',')) {
        if (!trim(f).empty()) out.emplace_back(trim(f));
    }
    return out;
}

/// The truth a run reads the row with: without the site's metadata, fields only it gives are
/// not in the text.
std::string truth_of(const TruthRow& row, const std::string& field, const JudgeOptions& options) {
    if (options.without_page_metadata) {
        const auto only = metadata_only_fields(row);
        if (std::find(only.begin(), only.end(), field) != only.end()) return {};
    }
    return std::string(trim(row.cell(field)));
}

struct Outcome {
    std::optional<nlohmann::json> fields;  ///< empty when the file failed
    std::string reason;
};

Outcome read_fields(const std::filesystem::path& path, const std::string& id,
                    const JudgeOptions& options) {
    ExtractionOptions extraction;
    if (!options.ocr) extraction.ocr = OcrMode::Never;
    if (!options.text_cache.empty()) {
        // The same text the indexer would parse, extracted once.
        const auto cached = options.text_cache / (id + ".txt");
        try {
            std::string text;
            if (std::ifstream in{cached, std::ios::binary}) {
                text.assign(std::istreambuf_iterator<char>(in), {});
            } else {
                text = extract_file(path, extraction).text;
                std::filesystem::create_directories(cached.parent_path());
                std::ofstream(cached, std::ios::binary) << text;
            }
            if (options.without_page_metadata) text = without_page_metadata(text);
            return {prepare_document(id, text).record.fields, {}};
        } catch (const std::exception& e) {
            return {std::nullopt, e.what()};
        }
    }
    if (!options.without_page_metadata) {
        // Exactly what the indexer does with the file.
        SourceFile file{path, id, 0, 0};
        FileResult r = process_file(FileTask{&file, {}}, extraction);
        if (r.kind != FileResult::Kind::Prepared) return {std::nullopt, r.reason};
        return {r.document->record.fields, {}};
    }
    try {
        const Extraction e = extract_file(path, extraction);
        return {prepare_document(id, without_page_metadata(e.text)).record.fields, {}};
    } catch (const std::exception& e) {
        return {std::nullopt, e.what()};
    }
}

/// Each verdict: its name in reports and the count of a field's tally it adds to (none for
/// Absent).
struct VerdictEntry {
    Verdict verdict;
    const char* name;
    std::size_t FieldTally::*count;
};
constexpr VerdictEntry kVerdicts[] = {{Verdict::Right, "right", &FieldTally::right},
                                      {Verdict::Wrong, "wrong", &FieldTally::wrong},
                                      {Verdict::Invented, "invented", &FieldTally::invented},
                                      {Verdict::Missing, "missing", &FieldTally::missing},
                                      {Verdict::MissingOk, "missing-ok", &FieldTally::missing_ok},
                                      {Verdict::Absent, "absent", nullptr}};

void tally(GroupReport& g, const std::string& field, Verdict v, bool present, bool expected) {
    FieldTally& t = g.fields[field];
    ++t.documents;
    t.present += present;
    t.expected += expected;
    const auto count = lookup(kVerdicts, v, &VerdictEntry::verdict, &VerdictEntry::count);
    if (count && *count) ++(t.*(*count));
}

bool lists(const std::string& cell, std::string_view part) {
    for (const auto& p : split(cell, ',')) {
        if (trim(p) == part) return true;
    }
    return false;
}

/// `239/TTr-UBND` -> `TTr-UBND`; `63/2025/NQ-HĐND` -> `NQ-HĐND`: the codes as the parser joins
/// them in `number_codes`.
std::string truth_codes(std::string_view number) {
    const auto parsed = parse_document_number(trim(number));
    if (!parsed) return {};
    std::string codes;
    for (const auto& c : parsed->codes) codes += (codes.empty() ? "" : "-") + c;
    return codes;
}

std::string percent(double share) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * share);
    return buf;
}

}  // namespace

const std::vector<std::string>& judged_fields() {
    static const std::vector<std::string> fields = {"number", "type", "issuer", "date", "signer"};
    return fields;
}

const std::string& TruthRow::cell(const std::string& column) const {
    const auto it = cells.find(column);
    return it == cells.end() ? kEmpty : it->second;
}

bool TruthTable::has(const std::string& column) const {
    return std::find(columns.begin(), columns.end(), column) != columns.end();
}

TruthTable read_truth(const std::filesystem::path& tsv) {
    std::ifstream in(tsv);
    if (!in) throw std::runtime_error(tsv.string() + ": cannot be read");
    TruthTable table;
    table.path = tsv;
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.starts_with("#")) continue;
        auto cells = split(line, '\t');
        if (table.columns.empty()) {
            table.columns = cells;
            for (const char* required : {"file", "number", "type", "issuer", "date", "signer"}) {
                if (!table.has(required)) {
                    throw std::runtime_error(tsv.string() + ":" + std::to_string(number) +
                                             ": no column `" + required + "` in the header");
                }
            }
            continue;
        }
        if (cells.size() > table.columns.size()) {
            throw std::runtime_error(tsv.string() + ":" + std::to_string(number) + ": " +
                                     std::to_string(cells.size()) + " cells for " +
                                     std::to_string(table.columns.size()) + " columns");
        }
        TruthRow row;
        row.line = number;
        for (std::size_t i = 0; i < cells.size(); ++i) row.cells[table.columns[i]] = cells[i];
        if (trim(row.cell("file")).empty())
            throw std::runtime_error(tsv.string() + ":" + std::to_string(number) + ": no file");
        table.rows.push_back(std::move(row));
    }
    if (table.columns.empty()) throw std::runtime_error(tsv.string() + ": empty table");
    return table;
}

const char* to_string(Verdict v) {
    return lookup(kVerdicts, v, &VerdictEntry::verdict, &VerdictEntry::name).value_or("?");
}

std::string found_value(const nlohmann::json& fields, const std::string& field) {
    auto value_of = [&](const char* name) -> std::string {
        if (!fields.contains(name) || !fields[name].contains("value")) return {};
        return fields[name]["value"].get<std::string>();
    };
    if (field == "date") {
        const std::string date = value_of("date");
        if (!date.empty()) return date;
        // The day blank or hand-written, the month printed: dated by its month.
        if (const std::string month = value_of("month"); !month.empty()) return month;
        // A date line with a blank day and month gives the year alone; a year read from the
        // number (`87/2025/QĐ-UBND`) is not a date.
        if (fields.contains("year") && fields["year"].value("source", "") == "header")
            return value_of("year");
        return {};
    }
    return value_of(field.c_str());
}

Verdict judge(const std::string& field, const std::string& found, const std::string& truth) {
    const bool has_found = !trim(found).empty();
    const bool has_truth = !trim(truth).empty();
    if (!has_found) return has_truth ? Verdict::Missing : Verdict::Absent;
    if (!has_truth) return Verdict::Invented;
    bool same = false;
    if (field == "number") {
        same = number_key(found) == number_key(truth);
    } else if (field == "type") {
        same = folded_tokens(found) == folded_tokens(truth);
    } else if (field == "issuer") {
        // Joint issuers are listed `A | B`: naming one of them is right.
        for (const auto& one : split(truth, '|')) same = same || same_issuer(found, one);
    } else if (field == "signer") {
        same = exact_words(found) == exact_words(truth);
    } else {
        same = trim(found) == trim(truth);
    }
    return same ? Verdict::Right : Verdict::Wrong;
}

double FieldTally::right_share() const {
    return expected == 0 ? 1.0 : static_cast<double>(right) / expected;
}
Verdict judge_printed_part(const std::string& field, const nlohmann::json& fields,
                           const std::string& truth, const std::string& handwritten) {
    const std::string found = found_value(fields, field);
    const Verdict v = judge(field, found, truth);
    if (handwritten.empty() || (v != Verdict::Missing && v != Verdict::Wrong)) return v;
    if (field == "number" && v == Verdict::Missing && lists(handwritten, "number")) {
        const std::string codes = found_value(fields, "number_codes");
        return !codes.empty() && fold(codes) == fold(truth_codes(truth)) ? Verdict::MissingOk : v;
    }
    if (field == "date" && lists(handwritten, "day")) {
        // Printed: the month unless it too was written by hand, and the year.
        const std::string t(trim(truth));
        const std::string printed = t.substr(0, lists(handwritten, "month") ? 4 : 7);
        if (found == printed) return Verdict::MissingOk;
    }
    return v;
}

double FieldTally::kept_share() const {
    return expected == 0 ? 1.0 : static_cast<double>(right + missing_ok) / expected;
}
double FieldTally::invented_share() const {
    return documents == 0 ? 0.0 : static_cast<double>(invented) / documents;
}
double CitationTally::recall() const {
    return truth == 0 ? 1.0 : static_cast<double>(truth_found) / truth;
}
double CitationTally::precision() const {
    return found == 0 ? 1.0 : static_cast<double>(found_right) / found;
}

const GroupReport& Report::group(const std::string& name) const {
    for (const auto& g : groups) {
        if (g.name == name) return g;
    }
    throw std::out_of_range("no group `" + name + "` in the report");
}

Report judge_table(const TruthTable& table, const JudgeOptions& options) {
    const std::filesystem::path root =
        options.root.empty() ? table.path.parent_path() : options.root;
    Report report;
    auto add_group = [&](const char* name) {
        report.groups.emplace_back();
        report.groups.back().name = name;
    };
    add_group("all");
    const bool by_header = table.has("header");
    if (by_header) {
        add_group("with header");
        add_group("without header");
    }
    const bool cites_judged = table.has("cited_numbers");
    // Files are read by `jobs` threads (OCR is slow), judged in table order.
    std::vector<Outcome> outcomes(table.rows.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < table.rows.size(); i = next++) {
            const std::string id(trim(table.rows[i].cell("file")));
            outcomes[i] = read_fields(root / id, id, options);
        }
    };
    std::vector<std::thread> workers;
    for (std::size_t j = 1; j < std::max<std::size_t>(options.jobs, 1); ++j)
        workers.emplace_back(work);
    work();
    for (auto& w : workers) w.join();
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const TruthRow& row = table.rows[r];
        const std::string id(trim(row.cell("file")));
        const Outcome& outcome = outcomes[r];
        std::vector<GroupReport*> groups = {&report.groups[0]};
        if (by_header) {
            const bool header = fold(trim(row.cell("header"))) == "yes";
            groups.push_back(&report.groups[header ? 1 : 2]);
        }
        const nlohmann::json fields = outcome.fields.value_or(nlohmann::json::object());
        for (auto* g : groups) {
            ++g->documents;
            g->failed += !outcome.fields.has_value();
        }
        if (!outcome.fields) report.failures.push_back(id + ": " + outcome.reason);
        for (const auto& field : judged_fields()) {
            const std::string truth = truth_of(row, field, options);
            const std::string found = found_value(fields, field);
            const Verdict v = judge_printed_part(field, fields, truth, row.cell("handwritten"));
            std::string source;
            if (fields.contains(field)) source = fields[field].value("source", "");
            for (auto* g : groups) {
                tally(*g, field, v, !found.empty(), !truth.empty());
                if (source == "signature" && field == "date") {
                    ++g->fields[field].from_signature;
                    g->fields[field].from_signature_right += v == Verdict::Right;
                }
            }
            if (v == Verdict::Right || v == Verdict::Absent) continue;
            if (field == "date" && source.empty() && fields.contains("year"))
                source = fields["year"].value("source", "");
            report.mistakes.push_back({id, field, found, truth, source, v});
        }
        // An empty cell is a table that did not judge this row's citations; `-` is "none".
        if (cites_judged && !trim(row.cell("cited_numbers")).empty()) {
            const auto truth = truth_citations(row.cell("cited_numbers"));
            const auto found = found_citations(fields);
            for (auto* g : groups) {
                CitationTally& c = g->citations;
                ++c.documents;
                c.truth += truth.size();
                c.found += found.size();
                for (const auto& k : truth) c.truth_found += found.count(k);
                for (const auto& k : found) c.found_right += truth.count(k);
            }
        }
    }
    return report;
}

std::string format_report(const Report& report, bool verbose) {
    std::ostringstream out;
    out << "right means: number: the same canonical key (DocumentNumber::key: 57-NQ/TW = "
           "57/NQ-TW);\n"
           "  type: the same words, case and marks ignored; issuer: the same words once "
           "abbreviations are\n"
           "  expanded (UBND = Ủy ban nhân dân), case and marks ignored, also when one of the "
           "two has a\n"
           "  leading parent body the other lacks (Bộ Tài chính Cục Thuế = Cục Thuế); joint "
           "issuers (A | B):\n"
           "  either; date: the same YYYY[-MM[-DD]] (a date line with a blank day and month "
           "gives the year);\n"
           "  signer: the same words, case ignored, marks kept.\n"
           "wrong: given, the truth differs; invented: given where the truth is empty; missing: "
           "not given,\n"
           "  the truth has one; miss-ok: the part written by hand on the paper (a table's "
           "`handwritten`)\n"
           "  not given, what is printed given right (the number's codes, the date's month). "
           "right% = right /\n"
           "  documents with the field; kept% = (right + miss-ok) / documents with the field; "
           "invented% =\n"
           "  invented / documents.\n";
    char line[256];
    for (const auto& g : report.groups) {
        out << "\n" << g.name << ": " << g.documents << " documents";
        if (g.failed) out << " (" << g.failed << " could not be read)";
        out << "\n";
        std::snprintf(line, sizeof line, "%-8s %8s %8s %6s %6s %9s %8s %8s %8s %8s %10s\n", "field",
                      "expected", "present", "right", "wrong", "invented", "missing", "miss-ok",
                      "right%", "kept%", "invented%");
        out << line;
        for (const auto& name : judged_fields()) {
            const auto it = g.fields.find(name);
            if (it == g.fields.end()) continue;
            const FieldTally& t = it->second;
            std::snprintf(line, sizeof line,
                          "%-8s %8zu %8zu %6zu %6zu %9zu %8zu %8zu %8s %8s %10s\n", name.c_str(),
                          t.expected, t.present, t.right, t.wrong, t.invented, t.missing,
                          t.missing_ok, percent(t.right_share()).c_str(),
                          percent(t.kept_share()).c_str(), percent(t.invented_share()).c_str());
            out << line;
        }
        if (const auto it = g.fields.find("date");
            it != g.fields.end() && it->second.from_signature)
            out << "dates from the signing time (source signature): " << it->second.from_signature
                << ", of which " << it->second.from_signature_right << " the printed date\n";
        const CitationTally& c = g.citations;
        if (c.documents > 0) {
            std::snprintf(line, sizeof line,
                          "cited numbers (%zu documents): %zu of %zu found (recall %s), %zu of "
                          "%zu given are right (precision %s)\n",
                          c.documents, c.truth_found, c.truth, percent(c.recall()).c_str(),
                          c.found_right, c.found, percent(c.precision()).c_str());
            out << line;
        }
    }
    for (const auto& f : report.failures) out << "failed: " << f << "\n";
    if (verbose && !report.mistakes.empty()) {
        out << "\nnot right (file, field, verdict, found [source], truth):\n";
        for (const auto& m : report.mistakes) {
            out << m.file << "\t" << m.field << "\t" << to_string(m.verdict) << "\t" << m.found;
            if (!m.source.empty()) out << " [" << m.source << "]";
            out << "\t" << m.truth << "\n";
        }
    }
    return out.str();
}

std::string without_page_metadata(std::string_view text) {
    static const std::set<std::string> labels = {"so hieu",       "loai van ban",  "noi ban hanh",
                                                 "nguoi ky",      "ngay ban hanh", "ngay hieu luc",
                                                 "ngay cong bao", "so cong bao",   "tinh trang"};
    const auto lines = split_lines(text);
    std::vector<bool> drop(lines.size(), false);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        // `**` / `Ngày hiệu lực:**`: a label split after its opening mark.
        const std::string label = folded_label(lines[i].text);
        if (!labels.count(label) || !lines[i].text.ends_with(":**")) continue;
        drop[i] = true;
        if (i > 0 && lines[i - 1].text == "**") drop[i - 1] = true;
        // The value: the next line that is not table residue.
        for (std::size_t j = i + 1; j < lines.size() && j <= i + 4; ++j) {
            if (lines[j].text.empty() || lines[j].text == "|") continue;
            drop[j] = true;
            break;
        }
    }
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (drop[i]) continue;
        out += lines[i].text;
        out += '\n';
    }
    return out;
}

}  // namespace tracuu::judging
