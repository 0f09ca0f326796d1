// Judging the directive parser against a table of fields read by hand: which fields it gives,
// which are right, wrong, invented (given where the document has none) or missing. Serves
// tracuu-fields-report and the judged-fields test, on tests/data/judged_fields.tsv and on
// ../shared/real-files/truth.tsv alike.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace tracuu::judging {

/// The fields judged, in report order.
const std::vector<std::string>& judged_fields();

/// One judged document: the cells of its row by column name.
struct TruthRow {
    std::size_t line = 0;  ///< in the table, for messages
    std::map<std::string, std::string> cells;
    const std::string& cell(const std::string& column) const;
};

/// A table with columns `file`, `number`, `type`, `issuer`, `date`, `signer` and optionally
/// `cited_numbers`, `header` (yes/no), `metadata_only` (fields only the site's metadata gives),
/// `handwritten` (the parts of the truth written by hand on the paper: `number`, `day`, `month`).
struct TruthTable {
    std::filesystem::path path;
    std::vector<std::string> columns;
    std::vector<TruthRow> rows;
    bool has(const std::string& column) const;
};

/// Reads a table. Throws std::runtime_error naming the file and line for a malformed one.
TruthTable read_truth(const std::filesystem::path& tsv);

enum class Verdict {
    Right,     ///< given and equal to the truth
    Wrong,     ///< given, the truth has another value
    Invented,  ///< given where the truth is empty
    Missing,   ///< not given, the truth has a value
    /// The truth's hand-written part not given, what is printed given right: the number's codes
    /// (`TTr-UBND` for 239/TTr-UBND with 239 written by hand), the date's month or year.
    MissingOk,
    Absent,  ///< neither: rightly missing
};
const char* to_string(Verdict v);

/// The value the parser gave for `field` (what is compared), from the stored fields JSON.
std::string found_value(const nlohmann::json& fields, const std::string& field);
/// Compares one field's found value with the truth cell.
Verdict judge(const std::string& field, const std::string& found, const std::string& truth);
/// judge(), then for a field whose truth has hand-written parts (`handwritten`: `number`, `day`,
/// `month`, comma-separated): MissingOk when what was given is exactly the printed part.
Verdict judge_printed_part(const std::string& field, const nlohmann::json& fields,
                           const std::string& truth, const std::string& handwritten);

struct FieldTally {
    std::size_t documents = 0, expected = 0, present = 0;
    std::size_t right = 0, wrong = 0, invented = 0, missing = 0;
    std::size_t missing_ok = 0;  ///< hand-written part left out, printed part right
    /// Dates taken from the digital signature's signing time (source `signature`), and of them
    /// those equal to the printed date.
    std::size_t from_signature = 0, from_signature_right = 0;
    double right_share() const;     ///< right / expected
    double kept_share() const;      ///< (right + missing_ok) / expected
    double invented_share() const;  ///< invented / documents
};

struct CitationTally {
    std::size_t documents = 0;    ///< rows whose cited_numbers were judged
    std::size_t truth = 0;        ///< numbers the truth lists
    std::size_t found = 0;        ///< numbers the parser lists (in those rows)
    std::size_t truth_found = 0;  ///< truth numbers the parser lists
    std::size_t found_right = 0;  ///< parser numbers the truth lists
    double recall() const;
    double precision() const;
};

struct Mistake {
    std::string file, field, found, truth, source;
    Verdict verdict;
};

/// Tallies of one group of documents (all, with a header, without).
struct GroupReport {
    std::string name;
    std::size_t documents = 0;
    std::size_t failed = 0;  ///< could not be read at all (every expected field counts missing)
    std::map<std::string, FieldTally> fields;
    CitationTally citations;
};

struct Report {
    std::vector<GroupReport> groups;  ///< "all", then "with header" / "without header"
    std::vector<Mistake> mistakes;
    std::vector<std::string> failures;  ///< `file: reason`
    const GroupReport& group(const std::string& name) const;
};

struct JudgeOptions {
    std::filesystem::path root;  ///< files resolve here (default: the table's folder)
    bool without_page_metadata = false;
    bool ocr = true;  ///< --ocr never turns it off
    std::size_t jobs = 1;
    /// When set, each file's extracted text is kept here (`FILE.txt`) and read back on later
    /// runs instead of extracting again: OCR takes seconds a page, the parser milliseconds.
    std::filesystem::path text_cache;
};

/// Extracts and parses every file of `table` as the indexer does and judges it.
Report judge_table(const TruthTable& table, const JudgeOptions& options);

/// The per-field table of each group, with what "right" means.
std::string format_report(const Report& report, bool verbose);

/// `text` without a publishing site's metadata table (`Số hiệu:` / value, `Loại văn bản:` ...):
/// so the parser reads the directive itself.
std::string without_page_metadata(std::string_view text);

}  // namespace tracuu::judging
