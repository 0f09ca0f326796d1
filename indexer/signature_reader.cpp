// The signature block: signing titles and authority (`KT. GIÁM ĐỐC`), the signer's name
// and the family names that tell a name from a title.

#include <algorithm>

#include "analyzers/word_forms.hpp"
#include "directive_readers.hpp"
#include "header_fields.hpp"

namespace tracuu::directive_reading {
namespace {

constexpr std::size_t kSignatureSearchLines = 400;

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

}  // namespace

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

/// The person's name on line `j`, or on it and the next when a web page broke the name
/// (`Phan` / `Thị Thắng`, `Lê Hải` / `Hòa`); `last` is the name's last line.
std::optional<std::string> SignatureReader::name_at(std::size_t j, bool after_title,
                                                    std::size_t& last) const {
    last = j;
    const std::string_view line = lines_[j].text;
    auto alone = person_name(line, after_title);
    // Two names one under the other (joint signers) are not one name.
    const auto next_words =
        j + 1 < lines_.size() ? split_words(lines_[j + 1].text, false) : std::vector<Word>{};
    const bool another = alone && !next_words.empty() && is_known_surname(next_words.front().text);
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
bool SignatureReader::read_signature_in(std::size_t from, std::size_t to) {
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
bool SignatureReader::read_name_lost_titles(std::size_t recipients) {
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

void SignatureReader::read_signature() {
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
void SignatureReader::read_signing_titles(std::size_t i, std::size_t name) {
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
        if (authority_prefix(lines_[prev].text) == npos && !is_title_line(lines_[prev].text)) break;
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

}  // namespace tracuu::directive_reading
