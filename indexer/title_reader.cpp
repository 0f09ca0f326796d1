// The title of a directive: its type and subject, and on a page without a `Số:` line the
// number, day and issuer its title (or an annex's note) gives.

#include <algorithm>

#include "analyzers/code_tables.hpp"
#include "body_name.hpp"
#include "directive_readers.hpp"
#include "header_fields.hpp"
#include "issuer_label.hpp"

namespace tracuu::directive_reading {
namespace {

constexpr std::size_t kMaxSubjectLines = 10;

/// The document type named `label` (folded_label of `Quy định`, `QUYẾT ĐỊNH`), or null.
const CodeEntry* type_named(const std::string& label) {
    // Compared with the names folded as labels are: the analyzer's folding spells `quy` as
    // `qui`, and `QUY ĐỊNH` went unrecognised (383-QĐ/TW typed Quyết định by its code).
    static const std::vector<std::pair<std::string, const CodeEntry*>> names = [] {
        std::vector<std::pair<std::string, const CodeEntry*>> all;
        for (const auto& e : document_type_codes()) all.emplace_back(folded_label(e.name), &e);
        return all;
    }();
    for (const auto& [name, entry] : names) {
        if (name == label) return entry;
    }
    return nullptr;
}

/// True when a number's type `code` stands for `type` (`QĐ` for Quyết định, and for a Party's
/// Quy định).
bool code_means(std::string_view code, const CodeEntry& type) {
    const std::string folded = fold(code);
    return std::any_of(
        document_type_codes().begin(), document_type_codes().end(), [&](const CodeEntry& e) {
            return e.name == type.name && (e.code == code || e.folded_code == folded);
        });
}

/// `ngày 21/11/2025` or `ngày 17 tháng 11 năm 2025` at the start of `s`: ISO, or empty.
std::string leading_date(std::string_view s) {
    const std::string spaced = spaced_date_keywords(s.substr(0, 80));
    const auto words = split_words(spaced, false);
    if (words.size() < 2 || words[0].text != "ngày") return {};
    auto number = [](std::string_view w, std::size_t max) -> int {
        w = trim(w.substr(0, w.find_first_of(".,;)*")));
        if (w.empty() || w.size() > max || !std::all_of(w.begin(), w.end(), ::isdigit)) return -1;
        return std::stoi(std::string(w));
    };
    int dd = -1, mm = -1, yyyy = -1;
    const std::string_view first = words[1].text;
    if (std::count(first.begin(), first.end(), '/') == 2) {
        const auto a = first.find('/'), b = first.find('/', a + 1);
        dd = number(first.substr(0, a), 2);
        mm = number(first.substr(a + 1, b - a - 1), 2);
        yyyy = number(first.substr(b + 1), 4);
    } else if (words.size() >= 6 && words[2].text == "tháng" && words[4].text == "năm") {
        dd = number(words[1].text, 2);
        mm = number(words[3].text, 2);
        yyyy = number(words[5].text, 4);
    }
    if (dd < 1 || dd > 31 || mm < 1 || mm > 12 || yyyy < 1900) return {};
    char iso[32];
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", yyyy, mm, dd);
    return iso;
}

/// A page without a `Số:` line may still name its own number: in its title as a
/// publishing site writes it (`Quyết định 3608/QĐ-BYT ngày 21/11/2025 về …`, `Công văn
/// 174/CV-BCĐ năm 2025 …`) or in an annex's note (`(Kèm theo Nghị định số 297/2025/NĐ-CP
/// ngày 17 tháng 11 năm 2025 của Chính phủ)`). The number, the type the title names and
/// a day it gives are taken, marked as read from the title; a number cited in a sentence
/// (`Quyết định 2416/QĐ-UBND ngày 12/3/2025 của …`) is not taken.
/// `… do Bộ trưởng Bộ Y tế ban hành)`: the body named after `do` (or `của`) in a title or
/// note, its signing title dropped, when it begins like a body's name; empty otherwise.
std::string named_body(std::string_view s, std::string_view word) {
    const std::string key = " " + std::string(word) + " ";
    const auto at = s.rfind(key);
    if (at == std::string_view::npos) return {};
    std::string_view rest = trim(s.substr(at + key.size()));
    for (std::string_view end : {" ban hành", " điện", ")"}) {
        if (rest.ends_with(end)) rest = trim(rest.substr(0, rest.size() - end.size()));
    }
    const std::string label = folded_label(rest);
    for (const auto& t : signing_titles()) {
        if (!label.starts_with(t + " ")) continue;
        const auto words = split_words(rest, false);
        const std::size_t skip = split_words(t, false).size();
        if (words.size() > skip) rest = rest.substr(words[skip].begin);
        break;
    }
    if (rest.empty() || rest.size() > 200 || !starts_like_body_name(rest)) return {};
    return collapse_spaces(rest);
}

}  // namespace

/// A known document type written alone on a line in capitals (`QUYẾT ĐỊNH`, `NGHỊ QUYẾT`).
const CodeEntry* title_type(std::string_view line) {
    if (line.empty() || uppercase_share(line) < 0.9) return nullptr;
    return type_named(folded_label(line));
}

std::string capitalized_type(std::string_view name) {
    const auto space = name.find(' ');
    return capitalize(name.substr(0, space)) + std::string(space == npos ? "" : name.substr(space));
}

/// A page without a `Số:` line may still name its own number: in its title as a
/// publishing site writes it (`Quyết định 3608/QĐ-BYT ngày 21/11/2025 về … do Bộ trưởng Bộ
/// Y tế ban hành`, `Công văn 174/CV-BCĐ năm 2025 …`) or in an annex's note (`(Kèm theo Nghị
/// định số 297/2025/NĐ-CP ngày 17 tháng 11 năm 2025 của Chính phủ)`). The number, the type
/// the title names, the day and the issuer it gives are taken, marked as read from the
/// title. A number cited in a sentence (`Quyết định 2416/QĐ-UBND ngày 12/3/2025 của …`,
/// `… kèm theo Quyết định số …`) is not taken, nor the titles of the related documents a
/// site lists after its `Văn bản liên quan` heading.
void TitleReader::read_number_from_title() {
    struct Candidate {
        std::size_t match;
        const CodeEntry* type;
        std::string date, issuer;
    };
    std::optional<Candidate> site, annex;
    std::size_t line = 0;
    for (std::size_t n = 0; n < analysis_->numbers.size(); ++n) {
        const NumberMatch& m = analysis_->numbers[n];
        const std::size_t previous_line = line;
        while (line + 1 < lines_.size() && lines_[line + 1].begin <= m.begin) ++line;
        bool related = false;
        for (std::size_t i = previous_line; i <= line && i < lines_.size(); ++i) {
            related = related || folded_label(lines_[i].text) == "van ban lien quan";
        }
        if (related) break;
        if (line >= lines_.size() || m.begin < lines_[line].begin) continue;
        const std::string_view own = lines_[line].text;
        const std::string prefix =
            folded_label(text_.substr(lines_[line].begin, m.begin - lines_[line].begin));
        const std::size_t line_end = lines_[line].begin + own.size();
        const std::string_view after =
            m.end <= line_end ? text_.substr(m.end, line_end - m.end) : std::string_view{};
        if (const CodeEntry* type = type_named(prefix)) {
            // The site's title: a year or a date, then the subject (not `của …`); or,
            // undated, the whole title up to `do … ban hành`.
            const auto words = split_words(after, false);
            const bool dated =
                words.size() >= 3 && ((words[0].text == "năm" && words[1].text.size() == 4) ||
                                      (words[0].text == "ngày" && !leading_date(after).empty()));
            const bool whole = words.size() >= 4 && trim(after).ends_with(" ban hành") &&
                               after.find(" do ") != std::string_view::npos;
            const std::size_t subject = dated ? 2 : 0;
            if ((dated || whole) && !starts_with_upper(words[subject].text) &&
                words[subject].text != "của") {
                site = Candidate{n, type, words[0].text == "ngày" ? leading_date(after) : "",
                                 named_body(after, "do")};
            }
            continue;
        }
        // An annex's note opens its line with a capital after the bracket: `(Kèm theo …`,
        // `(Ban hành kèm theo …`, perhaps broken after those words.
        if (annex) continue;
        std::string lead = prefix;
        std::string_view opening = own;
        if (lead.find("kem theo ") == std::string::npos && line > 0) {
            const std::string before = folded_label(lines_[line - 1].text);
            if (before == "kem theo" || before == "ban hanh kem theo") {
                lead = before + " " + lead;
                opening = lines_[line - 1].text;
            }
        }
        opening = trim(opening);
        if (!opening.starts_with("(") || !starts_with_upper(opening.substr(1))) continue;
        const auto at = lead.rfind("kem theo ");
        if (at == std::string::npos || !(at == 0 || lead.substr(0, at) == "ban hanh ")) continue;
        std::string named = lead.substr(at + 9);
        if (named.ends_with(" so")) named.resize(named.size() - 3);
        const CodeEntry* type = type_named(named);
        if (type == nullptr || m.number.codes.empty() ||
            !code_means(m.number.codes.front(), *type)) {
            continue;
        }
        std::string_view rest = trim(text_.substr(m.end, 160));
        if (rest.starts_with(",")) rest = trim(rest.substr(1));  // `40-HD/BTGDVTW, ngày …`
        std::string issuer;
        if (const auto close = rest.find(')'); close != std::string_view::npos) {
            issuer = named_body(collapse_spaces(rest.substr(0, close + 1)), "của");
        }
        annex = Candidate{n, type, leading_date(rest), issuer};
    }
    const std::optional<Candidate>& chosen = site ? site : annex;
    if (!chosen) return;
    const NumberMatch& m = analysis_->numbers[chosen->match];
    own_number_match_ = chosen->match;
    d_.number = Sourced<std::string>{m.text, FieldSource::TitleLine};
    d_.number_parts = m.number;
    title_.type = chosen->type;
    title_.date = chosen->date;
    if (!d_.issuer && !chosen->issuer.empty())
        d_.issuer = Sourced<std::string>{chosen->issuer, FieldSource::TitleLine};
}

/// The type and the day a site's title or an annex's note gave (read_number_from_title),
/// where the header gave none.
void TitleReader::fill_from_title() {
    if (!d_.type && title_.type != nullptr) {
        d_.type = Sourced<std::string>{capitalized_type(title_.type->name), FieldSource::TitleLine};
    }
    if (!d_.date && !title_.date.empty()) {
        d_.date = Sourced<std::string>{title_.date, FieldSource::TitleLine};
        if (!d_.year || d_.year->source == FieldSource::NumberCode)
            d_.year = Sourced<std::string>{title_.date.substr(0, 4), FieldSource::TitleLine};
    }
}

void TitleReader::read_type_and_subject() {
    if (title_line_ != npos) {
        const CodeEntry* type = title_type(lines_[title_line_].text);
        d_.type = Sourced<std::string>{capitalized_type(type->name), FieldSource::TitleLine};
        // The subject is the block under the title, up to a blank line and the issuer's name
        // repeated or the preamble (`Căn cứ`).
        const std::size_t first = next_nonblank(title_line_ + 1, title_line_ + 4);
        if (first != npos && !starts_like_body_name(lines_[first].text) &&
            !folded_label(lines_[first].text).starts_with("can cu")) {
            std::string subject;
            bool after_blank = false;
            for (std::size_t i = first; i < lines_.size() && i < first + kMaxSubjectLines; ++i) {
                const std::string_view l = lines_[i].text;
                if (l.empty()) {
                    // PDF text puts blank lines between the lines of one block: go on only
                    // while the block is in capitals and the next line is too.
                    const std::size_t next = next_nonblank(i + 1, i + 3);
                    if (next == npos || uppercase_share(subject) < 0.9 ||
                        uppercase_share(lines_[next].text) < 0.9) {
                        break;
                    }
                    after_blank = true;
                    continue;
                }
                if (folded_label(l).starts_with("can cu")) break;
                // The issuer's name repeated as a block of its own ends the subject; inside
                // the block, `VIỆN TRỢ` is just a word.
                if (after_blank && starts_like_body_name(l)) break;
                // So does that name alone on the next line (a resolution's enacting body, with
                // no blank line between as HTML or DOCX give it).
                if (d_.issuer && folded_label(l) == folded_label(d_.issuer->value)) break;
                subject += (subject.empty() ? "" : " ") + collapse_spaces(l);
                after_blank = false;
            }
            if (!subject.empty())
                d_.subject = Sourced<std::string>{subject, FieldSource::TitleLine};
        }
    }
    if (subject_line_ != npos) {
        const std::string subject =
            collect_lines(subject_line_, kMaxSubjectLines, [](std::string_view l) {
                const std::string label = folded_label(l);
                return !is_salutation(l) && !is_motto(l) && label != "du thao" &&
                       !number_label_rest(l) && l.find(", ngày") == npos &&
                       !label.starts_with("can cu") && !label.starts_with("thuc hien") &&
                       l.size() < 200;
            });
        std::string_view s = subject;
        s.remove_prefix(3);  // "V/v"
        const std::string value = strip_edges(s, " :.");
        if (!value.empty() && !d_.subject)
            d_.subject = Sourced<std::string>{value, FieldSource::Header};
        if (!d_.type) d_.type = Sourced<std::string>{"Công văn", FieldSource::Header};
    }
    // A consolidated text (`89/VBHN-BQP`) is headed by the title of the act it consolidates;
    // its type is its own.
    if (d_.number_parts) {
        for (const auto& code : d_.number_parts->codes) {
            const CodeEntry* type = fold(code) == "vbhn" ? find_type_code(code) : nullptr;
            if (type != nullptr) {
                d_.type =
                    Sourced<std::string>{capitalized_type(type->name), FieldSource::NumberCode};
            }
        }
    }
    if (!d_.type && title_.type == nullptr && d_.number_parts && !d_.number_parts->codes.empty()) {
        if (const CodeEntry* type = find_type_code(d_.number_parts->codes.front())) {
            d_.type = Sourced<std::string>{capitalized_type(type->name), FieldSource::NumberCode};
        }
    }
}

/// A page without its header still names who acts on the line under the title:
/// `THỦ TƯỚNG CHÍNH PHỦ`, `CHÍNH PHỦ`, `BỘ TRƯỞNG BỘ CÔNG THƯƠNG`, `THỦ TƯỚNG CHÍNH PHỦ
/// điện:`. Taken when it is a body's name from the tables (the signing title dropped).
void TitleReader::read_issuer_from_authority_line() {
    if (title_line_ == npos) return;
    for (std::size_t i = title_line_ + 1; i < lines_.size() && i <= title_line_ + 15; ++i) {
        std::string_view l = trim(lines_[i].text);
        if (l.empty()) continue;
        if (folded_label(l).starts_with("can cu")) return;
        if (l.ends_with(":")) l.remove_suffix(1);
        if (l.ends_with(" điện")) l.remove_suffix(std::string_view(" điện").size());
        if (uppercase_share(l) < 0.85 || l.size() > 120) continue;
        std::string name = normal_case_body_name(l);
        if (!is_known_body_name(name)) {
            // `BỘ TRƯỞNG BỘ CÔNG THƯƠNG`: the body after the minister's title.
            const std::string label = folded_label(l);
            for (const auto& t : signing_titles()) {
                if (!label.starts_with(t + " ")) continue;
                const auto words = split_words(l, false);
                const std::size_t skip = split_words(t, false).size();
                if (words.size() <= skip) break;
                name = normal_case_body_name(l.substr(words[skip].begin));
                break;
            }
        }
        if (is_known_body_name(name)) {
            d_.issuer = Sourced<std::string>{name, FieldSource::TitleLine};
            return;
        }
    }
}

}  // namespace tracuu::directive_reading
