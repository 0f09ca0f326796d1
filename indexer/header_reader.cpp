// The header of a directive (Nghị định 30/2020/NĐ-CP): issuer, number, place and date,
// recipients, the draft mark; where the header lies among the lines.

#include <algorithm>
#include <array>

#include "analyzers/code_tables.hpp"
#include "analyzers/utf8.hpp"
#include "body_name.hpp"
#include "directive_readers.hpp"
#include "header_fields.hpp"
#include "issuer_label.hpp"

namespace tracuu::directive_reading {
namespace {

// How far from the top the national motto may sit (web pages put their own header first).
constexpr std::size_t kMottoSearchLines = 300;

// Lines above the motto that may hold the issuer, and below it that may hold the header.
constexpr std::size_t kLinesAboveMotto = 16;

constexpr std::size_t kHeaderLinesBelow = 45;

constexpr std::size_t kMaxRecipients = 40;

const std::array<std::string_view, 6> kMottoPhrases = {"cong hoa xa hoi",   "chu nghia viet nam",
                                                       "doc lap",           "dang cong san",
                                                       "cong san viet nam", "hanh phuc"};

/// A line made only of words of the motto (`CỘNG`, `HÒA XÃ HỘI`): the right column, cut short.
bool is_motto_fragment(std::string_view line) {
    static const std::vector<std::string_view> words = {
        "cong", "hoa", "xa", "hoi",  "chu",  "nghia", "viet", "nam", "doc",
        "lap",  "tu",  "do", "hanh", "phuc", "dang",  "san",  "-"};
    const auto ws = split_words(folded_label(line));
    return !ws.empty() && std::all_of(ws.begin(), ws.end(), [](const Word& w) {
        return std::find(words.begin(), words.end(), w.folded) != words.end();
    });
}

/// The part of a header line left of a merged right column (`UBND ... CỘNG HOÀ XÃ HỘI ...`).
std::string_view left_column(std::string_view line) {
    const auto words = split_words(line);
    std::size_t cut = words.size();
    for (auto phrase : {"cong hoa", "doc lap", "dang cong san", "chu nghia viet nam",
                        "xa hoi chu nghia", "hoi chu nghia"}) {
        const auto at = find_phrase(words, phrase);
        if (at != npos) cut = std::min(cut, at);
    }
    if (cut == words.size()) return line;
    if (cut == 0) return {};
    return trim(line.substr(0, words[cut].begin));
}

bool is_subject_start(std::string_view line) {
    return line.starts_with("V/v") || line.starts_with("V/V") || line.starts_with("v/v");
}

/// The words before `ngày` (word `k`) end a place: `Hà Nội, ngày`, or without the comma
/// `Hà Nội ngày` when capitalised words run from the start of the line to it (`… quyết định
/// ngày 12 tháng 3` in a sentence is no date line).
bool place_ends_at(std::string_view zone, const std::vector<Word>& words, std::size_t k) {
    if (words[k - 1].text.ends_with(",")) return true;
    std::size_t first = k;
    while (
        first > 0 && k - first < 6 && starts_with_upper(words[first - 1].text) &&
        zone.substr(words[first - 1].end, words[first].begin - words[first - 1].end).find('\n') ==
            npos) {
        --first;
    }
    return first < k && (words[first].begin == 0 || zone[words[first].begin - 1] == '\n');
}

}  // namespace

bool is_motto(std::string_view line) {
    const std::string label = folded_label(line);
    for (auto phrase : kMottoPhrases) {
        if (label.find(phrase) != std::string::npos) return true;
    }
    return label.starts_with("cong hoa") || label == "viet nam";
}

bool is_salutation(std::string_view line) {
    if (line.empty() || (line.front() != 'K' && line.front() != 'k')) return false;  // `Kính gửi`
    return folded_label(line).starts_with("kinh gui");
}

/// `Số: 2265 /SGDDĐT-VP`, `Số 60-NQ/TW`, `Số:   /UBND-KGVX`: the text after the label, or nullopt.
std::optional<std::string_view> number_label_rest(std::string_view line) {
    if (!line.starts_with("Số")) return ocr_number_label_rest(line);
    std::string_view rest = line.substr(std::string_view("Số").size());
    const bool colon = !rest.empty() && (rest.front() == ':' || rest.front() == '.');
    if (colon) rest.remove_prefix(1);
    const std::string_view trimmed = trim(rest);
    if (!colon && !rest.starts_with(" ")) return std::nullopt;
    if (!colon && (trimmed.empty() || !(std::isdigit(static_cast<unsigned char>(trimmed.front())) ||
                                        trimmed.front() == '/'))) {
        return std::nullopt;
    }
    return trimmed;
}

namespace {

/// `Số: 2265/SGDĐT-VP    V/v triển khai …`: the number and the subject cells of a header table
/// flattened onto one line. The offset of `V/v` in `line` when it follows the number after a
/// space, else npos.
std::size_t subject_after_number(std::string_view line) {
    const auto rest = number_label_rest(line);
    if (!rest) return npos;
    const auto number_at = static_cast<std::size_t>(rest->data() - line.data());
    for (std::size_t v = number_at + 1; v + 4 <= line.size(); ++v) {
        if ((line[v - 1] == ' ' || line[v - 1] == '\t') && is_subject_start(line.substr(v)) &&
            line[v + 3] == ' ')
            return v;
    }
    return npos;
}

/// `V/v thực hiện chuyển đổi số Đồng Nai, ngày 3 tháng 10 năm 2025`: the subject and the date
/// cells of a header table flattened onto one line. The offset of the place (capitalised words
/// before `, ngày D tháng M năm Y`) when such a date ends a subject line, else npos.
std::size_t date_after_subject(std::string_view line) {
    if (!is_subject_start(line)) return npos;
    const auto words = split_words(line);
    for (std::size_t k = 2; k + 4 < words.size(); ++k) {
        const bool date = words[k].folded == "ngay" && words[k - 1].text.ends_with(",") &&
                          is_digits(words[k + 1].text) && words[k + 2].folded == "thang" &&
                          words[k + 4].folded == "nam";
        if (!date) continue;
        std::size_t first = k;
        while (first > 2 && k - first < 5 && starts_with_upper(words[first - 1].text)) --first;
        if (first < k) return words[first].begin;
    }
    return npos;
}

}  // namespace

void HeaderReader::locate_header() {
    const std::size_t scan = std::min(lines_.size(), kMottoSearchLines);
    // A header table's cells flattened onto one line (the number and the subject, the subject
    // and the place and date) are lines of their own, before any line is counted.
    auto split = [&](std::size_t i, std::size_t at) {
        const Line after{lines_[i].text.substr(at), lines_[i].begin + at};
        lines_[i].text = trim(lines_[i].text.substr(0, at));
        lines_.insert(lines_.begin() + static_cast<std::ptrdiff_t>(i) + 1, after);
    };
    for (std::size_t i = 0; i < std::min(lines_.size(), kMottoSearchLines); ++i) {
        if (const std::size_t v = subject_after_number(lines_[i].text); v != npos) split(i, v);
        if (const std::size_t p = date_after_subject(lines_[i].text); p != npos) split(i, p);
    }
    for (std::size_t i = 0; i < scan; ++i) {
        const std::string_view l = lines_[i].text;
        // The motto is in capitals, or is `Độc lập - Tự do - Hạnh phúc`: test that before
        // folding the line.
        if (uppercase_share(l) > 0.5
                ? is_motto(l)
                : l.starts_with("Độc") && folded_label(l).starts_with("doc lap - tu do")) {
            motto_ = i;
            break;
        }
    }
    // No motto: anchor on the number line, else the top.
    std::size_t anchor = motto_;
    for (std::size_t i = 0; anchor == npos && i < scan; ++i) {
        if (number_label_rest(lines_[i].text)) anchor = i;
    }
    begin_ = anchor == npos ? 0 : (anchor > kLinesAboveMotto ? anchor - kLinesAboveMotto : 0);
    end_ = std::min(lines_.size(), (anchor == npos ? 0 : anchor) + kHeaderLinesBelow);
    for (std::size_t i = begin_; i < end_; ++i) {
        const std::string_view l = lines_[i].text;
        if (number_line_ == npos && number_label_rest(l)) number_line_ = i;
        if (subject_line_ == npos && is_subject_start(l)) subject_line_ = i;
        if (salutation_ == npos && is_salutation(l)) salutation_ = i;
        if (title_line_ == npos && title_type(l) && (motto_ == npos || i > motto_)) title_line_ = i;
    }
    // Without a salutation or title, the header ends where paragraphs begin.
    if (salutation_ != npos) end_ = std::min(end_, salutation_ + 1);
}

/// Line `i` is the head of a body's name broken after it (`HỘI` / `ĐỒNG NHÂN DÂN`).
bool HeaderReader::starts_split_name(std::size_t i, std::size_t limit) const {
    const std::string_view left = left_column(lines_[i].text);
    for (std::size_t j = i + 1; j < limit && j < lines_.size() && j <= i + 3; ++j) {
        const std::string_view next = left_column(lines_[j].text);
        if (next.empty() || letter_count(next) == 0) continue;
        return continues_known_name(left, next);
    }
    return false;
}

/// Issuer lines: the last run of capitals above the number (or subject, title) line.
void HeaderReader::read_issuer() {
    std::size_t limit = std::min({number_line_, subject_line_, title_line_});
    if (limit == npos) limit = motto_ == npos ? npos : motto_ + 3;
    if (limit == npos) return;
    std::vector<std::string_view> group;
    for (std::size_t i = begin_; i < limit && i < lines_.size(); ++i) {
        // Rules drawn with characters under or beside a name (`TỈNH HÀ TĨNH --------`, a
        // markdown `# **...**`) are not part of it.
        const std::string_view left = utf8::strip(left_column(lines_[i].text), " \t-_=*#~");
        // Blank, only the motto column, or residue without letters: not a break in the block.
        if (left.empty() || letter_count(left) == 0) continue;
        // `HỘI` / `ĐỒNG NHÂN DÂN`: a name's first word is a motto word too; it is the
        // motto's only when the next line does not carry on a known name with it.
        if (is_motto_fragment(left) && !starts_split_name(i, limit)) continue;
        if (read_header_date(left)) continue;  // the right block's date line (OCR layout)
        const bool org = uppercase_share(left) >= 0.85 && letter_count(left) >= 2 &&
                         left.size() <= 160 && !number_label_rest(left) && !title_type(left) &&
                         !is_motto(left);
        if (org) {
            group.push_back(left);
        } else {
            group.clear();
        }
    }
    std::vector<std::string> units;
    for (auto line : group) {
        // `VĂN PHÒNG` / `CHÍNH PHỦ` is one name although both lines could start one.
        if (!units.empty() && (ends_inside_name(units.back()) || !starts_like_body_name(line) ||
                               continues_known_name(units.back(), line))) {
            units.back() += " ";
            units.back() += collapse_spaces(line);
        } else {
            units.push_back(collapse_spaces(line));
        }
    }
    if (units.empty()) return;
    d_.issuer = Sourced<std::string>{normal_case_body_name(units.back()), FieldSource::Header};
    if (units.size() >= 2) {
        d_.parent_issuer = Sourced<std::string>{normal_case_body_name(units[units.size() - 2]),
                                                FieldSource::Header};
    }
}

void HeaderReader::read_number() {
    if (number_line_ == npos) return;
    std::string_view rest = *number_label_rest(lines_[number_line_].text);
    std::size_t rest_begin =
        lines_[number_line_].begin + (rest.data() - lines_[number_line_].text.data());
    if (rest.empty()) {
        // `Số:` with the number on the next line (web-page tables).
        const std::size_t next = next_nonblank(number_line_ + 1, number_line_ + 3);
        if (next == npos) return;
        rest = lines_[next].text;
        rest_begin = lines_[next].begin;
    }
    for (std::size_t n = 0; n < analysis_->numbers.size(); ++n) {
        const NumberMatch& m = analysis_->numbers[n];
        if (m.begin >= rest_begin && m.begin < rest_begin + std::max<std::size_t>(rest.size(), 1) &&
            trim(text_.substr(rest_begin, m.begin - rest_begin)).empty()) {
            own_number_match_ = n;
            d_.number = Sourced<std::string>{
                m.text + std::string(text_.substr(m.end, dotted_code_tail(text_, m.end))),
                FieldSource::Header};
            d_.number_parts = m.number;
            return;
        }
    }
    // A blank numeral: `/SGDDĐT-VP`. The codes are known, the number is not.
    rest = skip_unreadable_numeral(rest);
    if (!rest.empty() && (rest.front() == '/' || rest.front() == '-')) {
        const std::string codes_text = joined_codes(rest.substr(0, rest.find('\t')));
        DocumentNumber parts;
        std::string codes;
        bool corrected = false;
        std::size_t p = 0;
        while (p < codes_text.size()) {
            while (p < codes_text.size() && (codes_text[p] == '/' || codes_text[p] == '-')) ++p;
            const std::size_t e = codes_text.find_first_of("/-", p);
            std::string code = codes_text.substr(p, e == npos ? npos : e - p);
            if (!code.empty() && looks_like_code(code, NumberMode::Document)) {
                // The type code comes first: OCR's look-alike letters set right there.
                if (parts.codes.empty()) {
                    if (auto fixed = corrected_type_code(code)) {
                        code = std::move(*fixed);
                        corrected = true;
                    } else if (auto glued = split_glued_codes(code)) {
                        codes = glued->first;
                        parts.codes.push_back(std::move(glued->first));
                        code = std::move(glued->second);
                        corrected = true;
                    }
                }
                codes += (codes.empty() ? "" : "-") + code;
                parts.codes.push_back(std::move(code));
            }
            p = e == npos ? codes_text.size() : e;
        }
        if (!parts.codes.empty()) {
            d_.number_parts = parts;
            d_.number_codes = Sourced<std::string>{codes, FieldSource::Header, corrected};
        }
    }
}

/// `Gia Lai, ngày 29 tháng 10 năm 2025`; blank day and month leave only the year.
void HeaderReader::read_place_and_date() {
    const std::size_t last = std::min(end_, lines_.size());
    std::string zone;
    std::vector<std::size_t> zone_lines;
    for (std::size_t i = begin_; i < last; ++i) {
        if (lines_[i].blank()) continue;
        zone += std::string(lines_[i].text) + "\n";
    }
    if (read_ocr_date(zone, text_, d_)) return;
    zone = spaced_date_keywords(zone);            // `tháng12`
    const auto words = split_words(zone, false);  // compared as written: `ngày`, `tháng`, `năm`
    for (std::size_t k = 1; k + 3 < words.size(); ++k) {
        if (words[k].text != "ngày" || !place_ends_at(zone, words, k)) continue;
        std::size_t j = k + 1;
        std::string day, month;
        auto digits = [](std::string_view w) {
            return !w.empty() && w.size() <= 4 && std::all_of(w.begin(), w.end(), ::isdigit);
        };
        if (digits(words[j].text)) day = std::string(words[j++].text);
        if (j >= words.size() || words[j].text != "tháng") continue;
        ++j;
        if (j < words.size() && digits(words[j].text)) month = std::string(words[j++].text);
        if (j + 1 >= words.size() || words[j].text != "năm") continue;
        const std::string year = strip_edges(words[j + 1].text, " .,*");
        if (year.size() != 4 || !digits(year)) continue;
        // The place: the capitalised words before the comma (`Thành phố Hồ Chí Minh`).
        std::vector<std::string_view> place;
        for (std::size_t p = k; p-- > 0 && place.size() < 6;) {
            std::string_view w = words[p].text;
            if (p == k - 1 && w.ends_with(",")) w.remove_suffix(1);
            const bool admin = w == "phố" || w == "thị" || w == "xã" || w == "trấn";
            if (!(starts_with_upper(w) || admin) ||
                std::isdigit(static_cast<unsigned char>(w.front())) || w.find('/') != npos ||
                w.find(':') != npos) {
                break;
            }
            if (uppercase_share(w) == 1.0 && letter_count(w) > 1 && w != "TP.")
                break;  // a code, not a place
            place.insert(place.begin(), w);
        }
        while (!place.empty() && !starts_with_upper(place.front())) place.erase(place.begin());
        if (!place.empty()) {
            std::string p;
            for (auto w : place) p += (p.empty() ? "" : " ") + std::string(w);
            d_.place = Sourced<std::string>{p, FieldSource::Header};
        }
        d_.year = Sourced<std::string>{year, FieldSource::Header};
        const int dd = day.empty() ? 0 : std::stoi(day);
        const int mm = month.empty() ? 0 : std::stoi(month);
        if (dd >= 1 && dd <= 31 && mm >= 1 && mm <= 12) {
            char iso[11];
            std::snprintf(iso, sizeof iso, "%s-%02d-%02d", year.c_str(), mm, dd);
            d_.date = Sourced<std::string>{iso, FieldSource::Header};
        } else if (mm >= 1 && mm <= 12) {
            d_.month = Sourced<std::string>{year + (mm < 10 ? "-0" : "-") + std::to_string(mm),
                                            FieldSource::Header};
        }
        return;
    }
}

void HeaderReader::read_recipients() {
    if (salutation_ == npos) return;
    std::vector<std::string> recipients;
    std::string_view first = lines_[salutation_].text;
    const auto colon = first.find(':');
    first = colon == npos ? std::string_view{} : trim(first.substr(colon + 1));
    auto clean = [](std::string_view s) { return strip_edges(s, " ;.,·•-–+"); };
    if (!first.empty()) recipients.push_back(clean(first));
    for (std::size_t i = salutation_ + 1; i < lines_.size() && recipients.size() < kMaxRecipients;
         ++i) {
        const std::string_view l = lines_[i].text;
        if (l.empty()) continue;
        const bool bullet = l.starts_with("-") || l.starts_with("–") || l.starts_with("·") ||
                            l.starts_with("•") || l.starts_with("+");
        if (!bullet) break;
        const std::string item = clean(l);
        if (!item.empty()) recipients.push_back(item);
    }
    if (!recipients.empty())
        d_.recipients = Sourced<std::vector<std::string>>{recipients, FieldSource::Header};
}

void HeaderReader::read_draft() {
    const std::size_t last = std::min(lines_.size(), std::max(end_, begin_ + 40));
    for (std::size_t i = begin_; i < last; ++i) {
        const std::string_view l = lines_[i].text;
        // `Dự thảo`, `(Dự thảo)`, `Bản dự thảo`: short lines starting with D, ( or B.
        if (l.empty() || l.size() > 40 ||
            (l.front() != 'D' && l.front() != '(' && l.front() != 'B'))
            continue;
        const std::string label = folded_label(l);
        if (label == "du thao" || label.starts_with("du thao ") || label == "ban du thao") {
            d_.draft = true;
            return;
        }
    }
}

/// Without header lines: the issuer from the number's code; the year from a normative number.
void HeaderReader::fill_from_number_code() {
    if (!d_.issuer && d_.number_parts) {
        for (const auto& code : d_.number_parts->codes) {
            if (find_type_code(code)) continue;
            const std::string name = body_name_for_code(code);
            if (!name.empty()) {
                d_.issuer = Sourced<std::string>{name, FieldSource::NumberCode};
            }
            break;
        }
    }
    if (!d_.year && d_.number_parts && !d_.number_parts->year.empty()) {
        d_.year = Sourced<std::string>{d_.number_parts->year, FieldSource::NumberCode};
    }
}

}  // namespace tracuu::directive_reading
