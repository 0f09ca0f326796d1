// Reading a directive's layout (Nghị định 30/2020/NĐ-CP): header, title, subject, recipients,
// signature. Each reader looks where the layout puts a field and reports nothing when the field
// is not there.
#include <algorithm>
#include <array>

#include "analyzers/code_tables.hpp"
#include "analyzers/utf8.hpp"
#include "analyzers/word_forms.hpp"
#include "body_name.hpp"
#include "directive.hpp"
#include "effective_dates.hpp"
#include "header_fields.hpp"
#include "issuer_label.hpp"
#include "text_lines.hpp"

namespace tracuu {
namespace {

constexpr std::size_t npos = std::string_view::npos;
// How far from the top the national motto may sit (web pages put their own header first).
constexpr std::size_t kMottoSearchLines = 300;
// Lines above the motto that may hold the issuer, and below it that may hold the header.
constexpr std::size_t kLinesAboveMotto = 16;
constexpr std::size_t kHeaderLinesBelow = 45;
constexpr std::size_t kMaxSubjectLines = 10;
constexpr std::size_t kMaxRecipients = 40;
constexpr std::size_t kSignatureSearchLines = 400;

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

bool is_motto(std::string_view line) {
    const std::string label = folded_label(line);
    for (auto phrase : kMottoPhrases) {
        if (label.find(phrase) != std::string::npos) return true;
    }
    return label.starts_with("cong hoa") || label == "viet nam";
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

/// A known document type written alone on a line in capitals (`QUYẾT ĐỊNH`, `NGHỊ QUYẾT`).
const CodeEntry* title_type(std::string_view line) {
    if (line.empty() || uppercase_share(line) < 0.9) return nullptr;
    return type_named(folded_label(line));
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

bool is_subject_start(std::string_view line) {
    return line.starts_with("V/v") || line.starts_with("V/V") || line.starts_with("v/v");
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

std::string capitalized_type(std::string_view name) {
    const auto space = name.find(' ');
    return capitalize(name.substr(0, space)) + std::string(space == npos ? "" : name.substr(space));
}

/// Vietnamese family names, compared with their marks: `Trương` is a name, `Trưởng` a title,
/// `Chu` a name, `Chủ (tịch)` a title.
const std::vector<std::string>& known_surnames() {
    static const std::vector<std::string> surnames = [] {
        std::vector<std::string> exact;
        for (std::string_view n :
             {"nguyễn", "trần",  "lê",     "phạm", "hoàng", "huỳnh",  "phan",  "vũ",    "võ",
              "đặng",   "bùi",   "đỗ",     "hồ",   "ngô",   "dương",  "lý",    "uông",  "đinh",
              "đoàn",   "trịnh", "trương", "lâm",  "lương", "lữ",     "lư",    "mai",   "cao",
              "chu",    "hà",    "tạ",     "tống", "thái",  "quách",  "lưu",   "kiều",  "giang",
              "tăng",   "la",    "lại",    "ông",  "khúc",  "nghiêm", "phùng", "văn",   "thạch",
              "y",      "đàm",   "kim",    "quan", "hứa",   "tô",     "tiêu",  "âu",    "triệu",
              "châu",   "lò",    "diệp",   "hoa",  "khổng", "sơn",    "hầu",   "thiều", "nông",
              "mã",     "mạc",   "an",     "bạch", "biện",  "cù",     "cung",  "đào",   "hàn",
              "hồng",   "khuất", "lạc",    "linh", "liễu",  "lăng",   "ninh",  "quang", "sầm",
              "thủy",   "tiết",  "trầm",   "ứng",  "viên",  "vương",  "từ",    "lục",   "nhâm",
              "phó",    "tôn",   "vi",     "đồng", "đậu",   "doãn",   "lã",    "trình", "lường",
              "giáp",   "ma",    "chử",    "bế",   "thân",  "bàn",    "cầm",   "vy",    "đới",
              "kha",    "lộc",   "mẫn",    "ngọ",  "phí",   "quản",   "tòng",  "ưng",   "yên"}) {
            exact.push_back(word_forms(n).exact);
        }
        return exact;
    }();
    return surnames;
}

bool is_known_surname(std::string_view word) {
    const auto& surnames = known_surnames();
    const std::string w = word_forms(word).exact;
    return std::find(surnames.begin(), surnames.end(), w) != surnames.end();
}

/// The family name whose start a seal or a pen's stroke hid from OCR (`ạm` of `Phạm`): the one
/// known family name ending in `fragment`, marks compared; none when two could be meant.
std::optional<std::string> surname_ending_in(std::string_view fragment) {
    const std::string tail = word_forms(fragment).exact;
    if (letter_count(fragment) < 2 || is_known_surname(fragment)) return std::nullopt;
    std::optional<std::string> found;
    for (const std::string& surname : known_surnames()) {
        if (surname.size() <= tail.size() || !surname.ends_with(tail)) continue;
        if (found) return std::nullopt;
        found = surname;
    }
    if (!found) return std::nullopt;
    return capitalize(*found);
}

bool is_title_line(std::string_view line);

/// A person's name alone on a line: 2-6 words, each capitalised (or the whole in capitals), led by
/// a family name unless it stands right under a signing title in normal case.
std::optional<std::string> person_name(std::string_view line, bool after_title) {
    line = trim(line);
    // An officer signs with the rank before the name (`Đại tướng Nguyễn Tân Cương`).
    for (std::string_view rank : {"Đại tướng ", "Thượng tướng ", "Trung tướng ", "Thiếu tướng ",
                                  "Đại tá ", "Thượng tá ", "Trung tá ", "Thiếu tá "}) {
        if (line.starts_with(rank)) {
            line = trim(line.substr(rank.size()));
            after_title = true;
            break;
        }
    }
    const auto words = split_words(line);
    if (words.size() < 2 || words.size() > 6) return std::nullopt;
    const bool all_caps = uppercase_share(line) > 0.95;
    for (const auto& w : words) {
        if (letter_count(w.text) == 0) return std::nullopt;
        for (char c : w.folded) {
            if (!(c >= 'a' && c <= 'z')) return std::nullopt;
        }
        if (!starts_with_upper(w.text)) return std::nullopt;
        if (!all_caps && uppercase_share(w.text) > 0.5 && letter_count(w.text) > 1) {
            return std::nullopt;
        }
    }
    if (is_title_line(line)) return std::nullopt;
    if (all_caps) {
        // `VĂN PHÒNG`, `ỦY BAN NHÂN DÂN`: capitals that name a body, not a person.
        static const std::vector<std::string> body_words = [] {
            std::vector<std::string> exact;
            for (std::string_view w :
                 {"phòng", "ban", "sở", "bộ", "cục", "ủy", "dân", "nước", "hội", "đảng", "chính",
                  "phủ", "tỉnh", "thành", "trung", "ương"}) {
                exact.push_back(word_forms(w).exact);
            }
            return exact;
        }();
        for (const auto& w : words) {
            if (std::find(body_words.begin(), body_words.end(), word_forms(w.text).exact) !=
                body_words.end()) {
                return std::nullopt;
            }
        }
    }
    if (!is_known_surname(words.front().text) && !(after_title && !all_caps)) return std::nullopt;
    return all_caps ? capitalize_words(line) : collapse_spaces(line);
}

/// A name whose family name lost its first letters under the seal (`ạm Trường Thọ`): the rest
/// must read as a name, and the fragment must end exactly one known family name.
std::optional<std::string> name_with_clipped_surname(std::string_view line) {
    const auto words = split_words(trim(line), false);
    if (words.size() < 3 || words.size() > 5 || starts_with_upper(words.front().text))
        return std::nullopt;
    const auto surname = surname_ending_in(words.front().text);
    if (!surname) return std::nullopt;
    const std::string_view rest = trim(line).substr(words.front().text.size());
    auto given = person_name(rest, true);
    if (!given || uppercase_share(*given) > 0.5) return std::nullopt;
    return *surname + " " + *given;
}

const std::vector<std::string>& signing_titles() {
    static const std::vector<std::string> titles = {"giam doc",
                                                    "chu tich",
                                                    "bo truong",
                                                    "thu truong",
                                                    "thu tuong",
                                                    "chanh van phong",
                                                    "truong ban",
                                                    "bi thu",
                                                    "tong bi thu",
                                                    "cuc truong",
                                                    "vien truong",
                                                    "hieu truong",
                                                    "tong giam doc",
                                                    "chu nhiem",
                                                    "tong kiem toan",
                                                    "thong doc",
                                                    "truong phong",
                                                    "chanh an",
                                                    "tong thu ky",
                                                    "thu ky",
                                                    "chanh thanh tra",
                                                    "tong cuc truong",
                                                    "vu truong",
                                                    "to truong",
                                                    "truong doan",
                                                    "chu tri",
                                                    "thu truong co quan",
                                                    "giam doc so",
                                                    "chanh an toa an",
                                                    "pho giam doc",
                                                    "pho chu tich",
                                                    "pho truong ban",
                                                    "pho bi thu",
                                                    "pho thu tuong",
                                                    "pho cuc truong",
                                                    "pho vien truong",
                                                    "pho hieu truong",
                                                    "pho chanh van phong",
                                                    "pho chu nhiem",
                                                    "pho tong giam doc",
                                                    "pho thong doc",
                                                    "pho truong phong",
                                                    "pho chanh thanh tra",
                                                    "pho vu truong",
                                                    "pho tong cuc truong",
                                                    "uy vien"};
    return titles;
}

/// `KT. GIÁM ĐỐC`, `TM. ỦY BAN NHÂN DÂN`: where such a prefix starts in the line, or npos.
std::size_t authority_prefix(std::string_view line) {
    for (std::string_view p : {"KT.", "TM.", "TL.", "TUQ.", "Q.", "KT/", "TM/", "T/M", "K/T"}) {
        std::size_t at = line.find(p);
        while (at != npos) {
            const bool word_start = at == 0 || line[at - 1] == ' ' || line[at - 1] == '\t';
            if (word_start) return at;
            at = line.find(p, at + 1);
        }
    }
    return npos;
}

bool is_title_line(std::string_view line) {
    if (line.empty() || uppercase_share(line) < 0.85) return false;
    const std::string label = folded_label(line);
    for (const auto& t : signing_titles()) {
        if (label == t || label.starts_with(t + " ")) return true;
    }
    return ocr_signing_title(label, signing_titles());  // OCR's slips: `PHÓ CHỦ TỊC`
}

/// `chars` may hold characters of several bytes (`–`, `·`): stripped whole, never byte by byte.
std::string strip_edges(std::string_view s, std::string_view chars) {
    return std::string(trim(utf8::strip(s, chars)));
}

class DirectiveReader {
  public:
    DirectiveReader(std::string_view text, const Analysis& analysis)
        : text_(text), analysis_(analysis), lines_(split_lines(text)) {}

    Directive read() {
        locate_header();
        read_page_metadata();
        read_issuer();
        read_number();
        if (number_line_ == npos) read_number_from_title();
        read_type_and_subject();
        read_place_and_date();
        read_recipients();
        read_draft();
        read_signature();
        fill_from_number_code();
        if (!d_.type && title_.type != nullptr) {
            d_.type =
                Sourced<std::string>{capitalized_type(title_.type->name), FieldSource::TitleLine};
        }
        if (!d_.date && !title_.date.empty()) {
            d_.date = Sourced<std::string>{title_.date, FieldSource::TitleLine};
            if (!d_.year || d_.year->source == FieldSource::NumberCode)
                d_.year = Sourced<std::string>{title_.date.substr(0, 4), FieldSource::TitleLine};
        }
        fill_from_page_metadata();
        if (!d_.issuer) read_issuer_from_authority_line();
        if (!d_.issuer) read_issuer_from_body();
        if (!d_.place) read_place_from_text();
        correct_ocr_names(d_);
        d_.citations = parse_citations(text_, analysis_, own_number_match_);
        read_dates_of_force();
        if (d_.subject) {
            d_.title = d_.subject->source == FieldSource::Header ? "V/v " + d_.subject->value
                                                                 : d_.subject->value;
        }
        return std::move(d_);
    }

  private:
    /// A local issuer whose header names no province (a draft's `ỦY BAN NHÂN DÂN TỈNH`): the
    /// province its own text names as a government's, read from the body (never a guess:
    /// province_named_in_text). Also for an issuer read from the body: its place then lets the
    /// issuer filter find it. A central body has no place to find.
    void read_place_from_text() {
        if (!d_.issuer) return;
        for (const auto* name : {&d_.issuer, &d_.parent_issuer}) {
            if (*name &&
                (is_central_body((*name)->value) || !province_in_name((*name)->value).empty()))
                return;
        }
        if (std::string province = province_named_in_text(text_); !province.empty())
            d_.place = Sourced<std::string>{std::move(province), FieldSource::Body};
    }

    void read_dates_of_force() {
        EffectiveDates dates = read_effective_dates(
            text_, analysis_, d_.date ? std::optional<std::string>(d_.date->value) : std::nullopt,
            d_.type ? std::string_view(d_.type->value) : std::string_view());
        d_.effective_from = std::move(dates.from);
        d_.effective_until = std::move(dates.until);
    }

    std::size_t next_nonblank(std::size_t i, std::size_t limit) const {
        while (i < limit && i < lines_.size() && lines_[i].blank()) ++i;
        return i < std::min(limit, lines_.size()) ? i : npos;
    }

    void locate_header() {
        const std::size_t scan = std::min(lines_.size(), kMottoSearchLines);
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
            if (title_line_ == npos && title_type(l) && (motto_ == npos || i > motto_))
                title_line_ = i;
        }
        // Without a salutation or title, the header ends where paragraphs begin.
        if (salutation_ != npos) end_ = std::min(end_, salutation_ + 1);
    }

    /// Line `i` is the head of a body's name broken after it (`HỘI` / `ĐỒNG NHÂN DÂN`).
    bool starts_split_name(std::size_t i, std::size_t limit) const {
        const std::string_view left = left_column(lines_[i].text);
        for (std::size_t j = i + 1; j < limit && j < lines_.size() && j <= i + 3; ++j) {
            const std::string_view next = left_column(lines_[j].text);
            if (next.empty() || letter_count(next) == 0) continue;
            return continues_known_name(left, next);
        }
        return false;
    }

    /// Issuer lines: the last run of capitals above the number (or subject, title) line.
    void read_issuer() {
        std::size_t limit = std::min({number_line_, subject_line_, title_line_});
        if (limit == npos) limit = motto_ == npos ? npos : motto_ + 3;
        if (limit == npos) return;
        std::vector<std::string_view> group;
        for (std::size_t i = begin_; i < limit && i < lines_.size(); ++i) {
            const std::string_view left = left_column(lines_[i].text);
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

    /// `.I` after `11554/VPCP-V`: a unit's code written with a dot (Vụ I), which number matching
    /// stops before. Kept in the number as written; its key (the codes before) is unchanged.
    std::string dotted_code_tail(std::size_t end) const {
        if (end >= text_.size() || text_[end] != '.') return {};
        std::size_t e = end + 1;
        while (e < text_.size() && e - end <= 4 && text_[e] >= 'A' && text_[e] <= 'Z') ++e;
        const bool boundary = e == text_.size() || text_[e] == ' ' || text_[e] == '\n' ||
                              text_[e] == '\t' || text_[e] == ')' || text_[e] == ',' ||
                              text_[e] == ';';
        if (e == end + 1 || e - end > 4 || !boundary) return {};
        return std::string(text_.substr(end, e - end));
    }

    void read_number() {
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
        for (std::size_t n = 0; n < analysis_.numbers.size(); ++n) {
            const NumberMatch& m = analysis_.numbers[n];
            if (m.begin >= rest_begin &&
                m.begin < rest_begin + std::max<std::size_t>(rest.size(), 1) &&
                trim(text_.substr(rest_begin, m.begin - rest_begin)).empty()) {
                own_number_match_ = n;
                d_.number =
                    Sourced<std::string>{m.text + dotted_code_tail(m.end), FieldSource::Header};
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

    /// `ngày 21/11/2025` or `ngày 17 tháng 11 năm 2025` at the start of `s`: ISO, or empty.
    static std::string leading_date(std::string_view s) {
        const std::string spaced = spaced_date_keywords(s.substr(0, 80));
        const auto words = split_words(spaced, false);
        if (words.size() < 2 || words[0].text != "ngày") return {};
        auto number = [](std::string_view w, std::size_t max) -> int {
            w = trim(w.substr(0, w.find_first_of(".,;)*")));
            if (w.empty() || w.size() > max || !std::all_of(w.begin(), w.end(), ::isdigit))
                return -1;
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
    static std::string named_body(std::string_view s, std::string_view word) {
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

    /// A page without a `Số:` line may still name its own number: in its title as a
    /// publishing site writes it (`Quyết định 3608/QĐ-BYT ngày 21/11/2025 về … do Bộ trưởng Bộ
    /// Y tế ban hành`, `Công văn 174/CV-BCĐ năm 2025 …`) or in an annex's note (`(Kèm theo Nghị
    /// định số 297/2025/NĐ-CP ngày 17 tháng 11 năm 2025 của Chính phủ)`). The number, the type
    /// the title names, the day and the issuer it gives are taken, marked as read from the
    /// title. A number cited in a sentence (`Quyết định 2416/QĐ-UBND ngày 12/3/2025 của …`,
    /// `… kèm theo Quyết định số …`) is not taken, nor the titles of the related documents a
    /// site lists after its `Văn bản liên quan` heading.
    void read_number_from_title() {
        struct Candidate {
            std::size_t match;
            const CodeEntry* type;
            std::string date, issuer;
        };
        std::optional<Candidate> site, annex;
        std::size_t line = 0;
        for (std::size_t n = 0; n < analysis_.numbers.size(); ++n) {
            const NumberMatch& m = analysis_.numbers[n];
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
                const bool dated = words.size() >= 3 &&
                                   ((words[0].text == "năm" && words[1].text.size() == 4) ||
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
            if (at == std::string::npos || !(at == 0 || lead.substr(0, at) == "ban hanh "))
                continue;
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
        const NumberMatch& m = analysis_.numbers[chosen->match];
        own_number_match_ = chosen->match;
        d_.number = Sourced<std::string>{m.text, FieldSource::TitleLine};
        d_.number_parts = m.number;
        title_.type = chosen->type;
        title_.date = chosen->date;
        if (!d_.issuer && !chosen->issuer.empty())
            d_.issuer = Sourced<std::string>{chosen->issuer, FieldSource::TitleLine};
    }

    /// Collects lines from `first` while `keep` holds, skipping blank lines; at most `max` lines.
    template <class Keep>
    std::string collect_lines(std::size_t first, std::size_t max, Keep keep) const {
        std::string out;
        std::size_t taken = 0;
        for (std::size_t i = first; i < lines_.size() && taken < max; ++i) {
            if (lines_[i].blank()) continue;
            if (taken > 0 && !keep(lines_[i].text)) break;
            out += (out.empty() ? "" : " ") + collapse_spaces(lines_[i].text);
            ++taken;
        }
        return out;
    }

    void read_type_and_subject() {
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
                for (std::size_t i = first; i < lines_.size() && i < first + kMaxSubjectLines;
                     ++i) {
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
        if (!d_.type && title_.type == nullptr && d_.number_parts &&
            !d_.number_parts->codes.empty()) {
            if (const CodeEntry* type = find_type_code(d_.number_parts->codes.front())) {
                d_.type =
                    Sourced<std::string>{capitalized_type(type->name), FieldSource::NumberCode};
            }
        }
    }

    /// The words before `ngày` (word `k`) end a place: `Hà Nội, ngày`, or without the comma
    /// `Hà Nội ngày` when capitalised words run from the start of the line to it (`… quyết định
    /// ngày 12 tháng 3` in a sentence is no date line).
    static bool place_ends_at(std::string_view zone, const std::vector<Word>& words,
                              std::size_t k) {
        if (words[k - 1].text.ends_with(",")) return true;
        std::size_t first = k;
        while (first > 0 && k - first < 6 && starts_with_upper(words[first - 1].text) &&
               zone.substr(words[first - 1].end, words[first].begin - words[first - 1].end)
                       .find('\n') == npos) {
            --first;
        }
        return first < k && (words[first].begin == 0 || zone[words[first].begin - 1] == '\n');
    }

    /// `Gia Lai, ngày 29 tháng 10 năm 2025`; blank day and month leave only the year.
    void read_place_and_date() {
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

    void read_recipients() {
        if (salutation_ == npos) return;
        std::vector<std::string> recipients;
        std::string_view first = lines_[salutation_].text;
        const auto colon = first.find(':');
        first = colon == npos ? std::string_view{} : trim(first.substr(colon + 1));
        auto clean = [](std::string_view s) { return strip_edges(s, " ;.,·•-–+"); };
        if (!first.empty()) recipients.push_back(clean(first));
        for (std::size_t i = salutation_ + 1;
             i < lines_.size() && recipients.size() < kMaxRecipients; ++i) {
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

    void read_draft() {
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

    /// The person's name on line `j`, or on it and the next when a web page broke the name
    /// (`Phan` / `Thị Thắng`, `Lê Hải` / `Hòa`); `last` is the name's last line.
    std::optional<std::string> name_at(std::size_t j, bool after_title, std::size_t& last) const {
        last = j;
        const std::string_view line = lines_[j].text;
        auto alone = person_name(line, after_title);
        // Two names one under the other (joint signers) are not one name.
        const auto next_words =
            j + 1 < lines_.size() ? split_words(lines_[j + 1].text, false) : std::vector<Word>{};
        const bool another =
            alone && !next_words.empty() && is_known_surname(next_words.front().text);
        if (j + 1 < lines_.size() && !lines_[j + 1].blank() && !another &&
            split_words(line, false).size() <= 3 && next_words.size() <= 4) {
            const std::string joined = std::string(line) + " " + std::string(lines_[j + 1].text);
            if (auto name = person_name(joined, after_title)) {
                last = j + 1;
                return name;
            }
        }
        return alone;
    }

    /// The first title or authority line of [from, to) with a name under it (stamps, `(Đã ký)`
    /// and a title running over two lines in between).
    bool read_signature_in(std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to && i < lines_.size(); ++i) {
            const std::string_view l = lines_[i].text;
            // Titles and authority lines are short and start with a capital.
            if (l.size() > 120 || !starts_with_upper(l)) continue;
            // `CHỦ` / `TỊCH`: a web page's bold run broken inside the title.
            const bool split_title =
                i + 1 < lines_.size() && l.size() < 20 &&
                is_title_line(std::string(l) + " " + std::string(lines_[i + 1].text));
            if (authority_prefix(l) == npos && !is_title_line(l) && !split_title) continue;
            for (std::size_t j = i + 1; j < lines_.size() && j <= i + 12; ++j) {
                const std::string_view candidate = lines_[j].text;
                if (candidate.empty() || folded_label(candidate).starts_with("da ky") ||
                    candidate.starts_with("(")) {
                    continue;
                }
                std::size_t name_end = j;
                if (auto name = name_at(j, true, name_end)) {
                    // OCR reads a pen's stroke as short words (`Ai Ga`): a name without a known
                    // family name gives way to one with it just below.
                    const auto first = split_words(*name, false);
                    if (!first.empty() && !is_known_surname(first.front().text)) {
                        for (std::size_t k = name_end + 1; k < lines_.size() && k <= name_end + 3;
                             ++k) {
                            if (auto below = person_name(lines_[k].text, false)) {
                                name = std::move(below);
                                j = k;
                                break;
                            }
                        }
                    }
                    d_.signer = Sourced<std::string>{*name, FieldSource::Signature};
                    read_signing_titles(i, j);
                    return true;
                }
                if (split_title && j == i + 1) continue;
                // `CỤC TRƯỞNG CỤC` / `CHUYỂN ĐỔI SỐ QUỐC GIA`: a title over two lines.
                const bool more_title = is_title_line(candidate) ||
                                        authority_prefix(candidate) != npos ||
                                        (uppercase_share(candidate) > 0.9 && candidate.size() < 80);
                if (!more_title) break;
            }
            // A table flattened column by column puts the `Nơi nhận` list between the title and
            // the name: accept a line further down, but only a name led by a family name.
            for (std::size_t j = i + 1; j < lines_.size() && j <= i + 40; ++j) {
                std::size_t name_end = j;
                if (auto name = name_at(j, false, name_end)) {
                    d_.signer = Sourced<std::string>{*name, FieldSource::Signature};
                    read_signing_titles(i, j);
                    return true;
                }
            }
        }
        return false;
    }

    /// A seal printed black over the titles leaves OCR only the name, just above `Nơi nhận`
    /// (line `recipients`); taken only with a known family name, whole or clipped.
    bool read_name_lost_titles(std::size_t recipients) {
        std::size_t j = recipients;
        while (j > begin_ && lines_[j - 1].blank()) --j;
        if (j == begin_ || recipients - j > 3) return false;
        const std::string_view line = lines_[j - 1].text;
        if (auto name = person_name(line, false)) {
            d_.signer = Sourced<std::string>{*name, FieldSource::Signature};
            return true;
        }
        if (auto name = name_with_clipped_surname(line)) {
            d_.signer = Sourced<std::string>{*name, FieldSource::Signature, true};
            return true;
        }
        return false;
    }

    void read_signature() {
        // The signature sits by the first `Nơi nhận` list (annexes may follow it); failing that,
        // at the end of the text.
        for (std::size_t i = begin_; i < lines_.size(); ++i) {
            const std::string_view l = lines_[i].text;
            if (l.empty() || (l.front() != 'N' && l.front() != 'n')) continue;  // cheap test first
            if (!folded_label(l).starts_with("noi nhan")) continue;
            if (read_signature_in(i > 30 ? i - 30 : 0, i + 40)) return;
            if (read_name_lost_titles(i)) return;
            break;
        }
        // No `Nơi nhận` by it: the first authority block after the header (`TM. ỦY BAN NHÂN
        // DÂN` / `KT. CHỦ TỊCH` / `PHÓ CHỦ TỊCH` / name), before any annex.
        for (std::size_t i = end_; i < lines_.size(); ++i) {
            const std::string_view l = lines_[i].text;
            if (l.size() > 60 || authority_prefix(l) != 0 || uppercase_share(l) < 0.8) continue;
            for (std::size_t j = i + 1; j < lines_.size() && j <= i + 8; ++j) {
                const std::string_view candidate = lines_[j].text;
                if (candidate.empty()) continue;
                std::size_t name_end = j;
                if (auto name = name_at(j, true, name_end)) {
                    d_.signer = Sourced<std::string>{*name, FieldSource::Signature};
                    read_signing_titles(i, j);
                    return;
                }
                if (!is_title_line(candidate) && authority_prefix(candidate) == npos &&
                    uppercase_share(candidate) < 0.9) {
                    break;
                }
            }
        }
        const std::size_t tail =
            lines_.size() > kSignatureSearchLines ? lines_.size() - kSignatureSearchLines : 0;
        // The last block at the end: scan backwards for where it starts.
        for (std::size_t i = lines_.size(); i-- > tail;) {
            // read_signature_in checks the line itself (short, capitals, a title or authority).
            if (read_signature_in(i, i + 1)) return;
        }
        // No title block: a name as the very last line, after the `Nơi nhận` list.
        for (std::size_t i = lines_.size(); i-- > tail;) {
            if (lines_[i].blank()) continue;
            const bool after_recipients_list =
                text_.substr(0, lines_[i].begin).find("Nơi nhận") != npos;
            if (auto name = person_name(lines_[i].text, false); name && after_recipients_list) {
                d_.signer = Sourced<std::string>{*name, FieldSource::Signature};
            }
            return;
        }
    }

    /// Authority (`KT. GIÁM ĐỐC`) and title (`PHÓ GIÁM ĐỐC`): the block of title lines that
    /// holds line `i`, up to the name on line `name`.
    void read_signing_titles(std::size_t i, std::size_t name) {
        std::size_t first = i;
        while (first > 0) {
            const std::size_t prev = first - 1;
            if (lines_[prev].blank()) {
                if (prev == 0) break;
                const std::string_view before = lines_[prev - 1].text;
                if (authority_prefix(before) == npos && !is_title_line(before)) break;
                first = prev - 1;
                continue;
            }
            if (authority_prefix(lines_[prev].text) == npos && !is_title_line(lines_[prev].text))
                break;
            first = prev;
        }
        std::string* continued = nullptr;  // a title running on to the next line
        for (std::size_t k = first; k < name; ++k) {
            const std::string_view l = lines_[k].text;
            if (l.empty() || l.starts_with("(")) continue;
            const std::size_t prefix = authority_prefix(l);
            if (prefix != npos) {
                d_.signer_authority =
                    Sourced<std::string>{collapse_spaces(l.substr(prefix)), FieldSource::Signature};
                continued = &d_.signer_authority->value;
            } else if (is_title_line(l)) {
                d_.signer_title = Sourced<std::string>{collapse_spaces(l), FieldSource::Signature};
                continued = &d_.signer_title->value;
            } else if (continued != nullptr && uppercase_share(l) > 0.9) {
                *continued += " " + collapse_spaces(l);
            }
        }
        if (!d_.signer_title && d_.signer_authority) {
            // `KT. GIÁM ĐỐC` alone: the signer signs as what follows the prefix.
            const std::string& a = d_.signer_authority->value;
            const auto space = a.find(' ');
            if (a.starts_with("TM.") || a.starts_with("T/M")) return;
            if (space != npos)
                d_.signer_title = Sourced<std::string>{a.substr(space + 1), FieldSource::Signature};
        }
    }

    /// Without header lines: the issuer from the number's code; the year from a normative number.
    void fill_from_number_code() {
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

    /// A page without its header still names who acts on the line under the title:
    /// `THỦ TƯỚNG CHÍNH PHỦ`, `CHÍNH PHỦ`, `BỘ TRƯỞNG BỘ CÔNG THƯƠNG`, `THỦ TƯỚNG CHÍNH PHỦ
    /// điện:`. Taken when it is a body's name from the tables (the signing title dropped).
    void read_issuer_from_authority_line() {
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

    /// `Chủ tịch Ủy ban nhân dân tỉnh yêu cầu`, `Sở Giáo dục và Đào tạo đề nghị`.
    void read_issuer_from_body() {
        // From the salutation, else from the preamble (`Căn cứ ...`), else from the top.
        std::size_t start_line = salutation_;
        const std::size_t scan = std::min(lines_.size(), begin_ + 80);
        for (std::size_t i = begin_; start_line == npos && i < scan; ++i) {
            const std::string label = folded_label(lines_[i].text);
            if (label.starts_with("can cu") || label.starts_with("theo de nghi")) start_line = i;
        }
        if (start_line == npos) start_line = std::max(begin_, page_.end_line);
        if (start_line >= lines_.size()) return;
        const std::size_t from = lines_[start_line].begin;
        const std::string_view body =
            text_.substr(from, std::min<std::size_t>(8000, text_.size() - from));
        const auto words = split_words(body);
        // Compared with their marks: `nhận` (receives) is a verb, `nhân` (in `nhân dân`) is not.
        static const std::vector<std::vector<std::string>> verbs = [] {
            std::vector<std::vector<std::string>> all;
            for (std::string_view v : {"yêu cầu", "đề nghị", "nhận được", "nhận", "chỉ đạo",
                                       "thông báo", "giao", "ban hành"}) {
                std::vector<std::string> exact;
                for (const auto& w : split_words(v)) exact.push_back(word_forms(w.text).exact);
                all.push_back(std::move(exact));
            }
            return all;
        }();
        auto exact_at = [&](std::size_t i) {
            return word_forms(strip_edges(words[i].text, ",.;:()")).exact;
        };
        for (std::size_t v = 1; v < words.size(); ++v) {
            // A verb in lower case: `Ban Chỉ đạo` is a name, `chỉ đạo` an action; `ban hành:` a
            // label.
            if (starts_with_upper(words[v].text)) continue;
            if (v + 1 < words.size() && words[v + 1].text.ends_with(":")) continue;
            if (words[v].text.ends_with(":")) continue;
            bool verb = false;
            for (const auto& phrase : verbs) {
                bool all = v + phrase.size() <= words.size();
                for (std::size_t k = 0; k < phrase.size() && all; ++k)
                    all = exact_at(v + k) == phrase[k];
                verb = verb || all;
            }
            if (!verb) continue;
            // Back to the start of the clause.
            std::size_t clause = v;
            while (clause > 0 && v - clause < 14) {
                const std::string_view w = words[clause - 1].text;
                if (w.ends_with(".") || w.ends_with(",") || w.ends_with(";") || w.ends_with(":"))
                    break;
                --clause;
            }
            // `Bộ Nội vụ, Văn phòng Chính phủ, Văn phòng Trung ương Đảng ban hành`: the last of
            // a list of bodies someone else asks to act, not the issuer.
            if (clause > 0 && words[clause - 1].text.ends_with(",")) {
                bool names_before = false;
                for (std::size_t b = clause > 3 ? clause - 3 : 0; b < clause; ++b)
                    names_before = names_before || starts_with_upper(words[b].text);
                if (names_before) continue;
            }
            for (std::size_t h = clause; h < v; ++h) {
                const std::string rest =
                    folded_label(body.substr(words[h].begin, words[v - 1].end - words[h].begin));
                if (!starts_with_upper(words[h].text) || !starts_like_body_name(rest)) continue;
                // `Chủ tịch Ủy ban nhân dân tỉnh yêu cầu`, `Bộ trưởng Bộ … đề nghị`: the body
                // after the title acts. But a title that is a body of its own (`Thủ tướng Chính
                // phủ yêu cầu`) is reported speech more often than the issuer, and `Chính phủ`
                // alone after it would be wrong: no issuer from this clause.
                const bool title =
                    std::any_of(signing_titles().begin(), signing_titles().end(),
                                [&](const std::string& t) { return rest.starts_with(t + " "); });
                if (title) {
                    if (is_known_body_name(collapse_spaces(
                            body.substr(words[h].begin, words[v - 1].end - words[h].begin)))) {
                        break;
                    }
                    continue;
                }
                const std::string name =
                    collapse_spaces(body.substr(words[h].begin, words[v - 1].end - words[h].begin));
                if (split_words(name).size() > 12) break;
                // Half of what reads like a body before a verb is not one (`Chính phủ đã`,
                // `Số lượng`, a company): only a whole name the tables know is kept.
                if (!is_known_body_name(name)) continue;
                d_.issuer = Sourced<std::string>{name, FieldSource::Body};
                return;
            }
        }
    }

    /// A publishing site's table (`Số hiệu:`, `Loại văn bản:`, `Nơi ban hành:`, `Người ký:`,
    /// `Ngày ban hành:`), read before the document's own header.
    void read_page_metadata() {
        const std::size_t scan =
            std::min(lines_.size(), motto_ == npos ? std::size_t{120} : motto_);
        for (std::size_t i = 0; i < scan; ++i) {
            const std::string_view l = lines_[i].text;
            // The labels start with S(ố), L(oại), N(ơi, gười, gày): skip other lines unfolded.
            if (l.empty() || (l.front() != 'S' && l.front() != 'L' && l.front() != 'N')) continue;
            const std::string label = folded_label(l);
            std::string* slot = nullptr;
            if (label == "so hieu") slot = &page_.number;
            if (label == "loai van ban") slot = &page_.type;
            if (label == "noi ban hanh") slot = &page_.issuer;
            if (label == "nguoi ky") slot = &page_.signer;
            if (label == "ngay ban hanh") slot = &page_.date;
            if (slot == nullptr) continue;
            const std::size_t value = next_nonblank(i + 1, i + 4);
            if (value != npos) {
                *slot = collapse_spaces(lines_[value].text);
                page_.end_line = value + 1;
            }
        }
    }

    void fill_from_page_metadata() {
        auto meta = [](const std::string& v) {
            return Sourced<std::string>{v, FieldSource::PageMetadata};
        };
        if (!d_.type && !page_.type.empty() && page_.type.size() < 60) d_.type = meta(page_.type);
        if (!d_.issuer && !page_.issuer.empty() && page_.issuer.size() < 120)
            d_.issuer = meta(page_.issuer);
        if (!d_.signer && !page_.signer.empty()) {
            if (auto name = person_name(page_.signer, true)) d_.signer = meta(*name);
        }
        if (!d_.number && !d_.number_codes && !page_.number.empty()) {
            const auto parsed = parse_document_number(page_.number);
            if (parsed) {
                d_.number = meta(page_.number);
                d_.number_parts = parsed;
            }
        }
        if (!d_.date && page_.date.size() == 10 && page_.date[2] == '/' && page_.date[5] == '/') {
            const std::string iso = page_.date.substr(6, 4) + "-" + page_.date.substr(3, 2) + "-" +
                                    page_.date.substr(0, 2);
            if (std::all_of(iso.begin(), iso.end(), [](char c) {
                    return std::isdigit(static_cast<unsigned char>(c)) || c == '-';
                })) {
                d_.date = meta(iso);
                if (!d_.year) d_.year = meta(iso.substr(0, 4));
            }
        }
    }

    std::string_view text_;
    const Analysis& analysis_;
    std::vector<Line> lines_;
    Directive d_;
    std::size_t motto_ = npos;
    std::size_t begin_ = 0;
    std::size_t end_ = 0;
    std::size_t number_line_ = npos;
    std::size_t subject_line_ = npos;
    std::size_t title_line_ = npos;
    std::size_t salutation_ = npos;
    std::optional<std::size_t> own_number_match_;
    struct {
        const CodeEntry* type = nullptr;  ///< the type the title names
        std::string date;                 ///< ISO, when the title gives the day
    } title_;
    struct {
        std::string number, type, issuer, signer, date;
        std::size_t end_line = 0;  ///< first line after the table
    } page_;
};

}  // namespace

Directive parse_directive(std::string_view text, const Analysis& analysis) {
    return DirectiveReader(text, analysis).read();
}

}  // namespace tracuu
