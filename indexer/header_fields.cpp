#include "header_fields.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "analyzers/code_tables.hpp"
#include "analyzers/ocr_vocabulary.hpp"
#include "analyzers/utf8.hpp"
#include "text_lines.hpp"

namespace tracuu {
namespace {

constexpr std::size_t npos = std::string_view::npos;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

/// A numeral as OCR spells it in printed type: digits, with `O`/`o`/`Ø` for 0 and `I`/`l`/`|`
/// for 1 (never more than half of it). Empty when it is not one.
std::string printed_digits(std::string_view token, bool& corrected) {
    std::string out;
    std::size_t swapped = 0;
    std::size_t pos = 0;
    while (pos < token.size()) {
        const char32_t c = utf8::next(token, pos);
        if (c >= U'0' && c <= U'9') {
            out.push_back(static_cast<char>(c));
        } else if (c == U'O' || c == U'o' || c == U'Ø') {
            out.push_back('0');
            ++swapped;
        } else if (c == U'I' || c == U'l' || c == U'|') {
            out.push_back('1');
            ++swapped;
        } else {
            return {};
        }
    }
    if (out.empty() || 2 * swapped > out.size()) return {};
    corrected = corrected || swapped > 0;
    return out;
}

std::string digits_in(std::string_view token) {
    std::string out;
    for (char c : token) {
        if (is_digit(c)) out.push_back(c);
    }
    return out;
}

}  // namespace

std::string spaced_date_keywords(std::string_view line) {
    std::string out(line);
    for (std::string_view key : {"ngày", "tháng", "năm"}) {
        for (std::size_t at = out.find(key); at != npos; at = out.find(key, at + 1)) {
            const std::size_t end = at + key.size();
            if (end < out.size() && out[end] != ' ') {
                out.insert(end, " ");
            }
            if (at > 0 && out[at - 1] != ' ' && out[at - 1] != ',') {
                out.insert(at, " ");
                ++at;
            }
        }
    }
    return out;
}

std::string HeaderDate::iso() const {
    if (day.empty() || month.empty()) return {};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%s-%02d-%02d", year.c_str(), std::stoi(month), std::stoi(day));
    return buf;
}

std::optional<std::string_view> ocr_number_label_rest(std::string_view line) {
    const auto words = split_words(line, false);
    if (words.empty()) return std::nullopt;
    // The label alone (`Sô`, `SỐ:`), or with the colon apart (`Sô :`), or glued to what follows
    // (`Số:b3`).
    std::string_view first = words[0].text;
    const auto colon = first.find(':');
    const std::string_view label = first.substr(0, colon);
    if (ocr_match_form(label) != "so" || label.size() > 4) {
        // The whole label and numeral unreadable (`ST /CT-UBND`): a short token, then the
        // printed codes in capitals with a dash.
        const bool codes = words.size() == 2 && first.size() <= 4 &&
                           words[1].text.starts_with("/") && words[1].text.find('-') != npos &&
                           uppercase_share(words[1].text) == 1.0;
        return codes ? std::optional<std::string_view>(trim(line)) : std::nullopt;
    }
    std::size_t rest = npos;
    if (colon != npos) {
        rest = words[0].begin + colon + 1;
    } else if (words.size() > 1 && words[1].text.starts_with(":")) {
        rest = words[1].begin + 1;
    } else {
        return std::nullopt;
    }
    // `Sở:` as a list label is no number line: what follows must hold a slash or a digit.
    const std::string_view tail = trim(line.substr(rest));
    if (!tail.empty() && tail.find('/') == npos &&
        std::none_of(tail.begin(), tail.end(), is_digit)) {
        return std::nullopt;
    }
    return tail;
}

std::string_view skip_unreadable_numeral(std::string_view rest) {
    const auto slash = rest.find('/');
    if (slash == npos || slash == 0 || slash > 12) return rest;
    const std::string_view before = trim(rest.substr(0, slash));
    // A printed number (`2265 /SGDDĐT`, `60-NQ/TW`) starts with a digit and holds only digits,
    // letters and dashes; OCR's reading of a hand-written one does not (`O{_`, `#39`, `b3`).
    const bool printed = !before.empty() && is_digit(before.front()) &&
                         std::all_of(before.begin(), before.end(), [](char c) {
                             return is_digit(c) || c == '-' || c == '.' || (c >= 'A' && c <= 'Z') ||
                                    (c >= 'a' && c <= 'z') ||
                                    (static_cast<unsigned char>(c) & 0x80);
                         });
    // OCR's reading of hand-written digits comes in pieces (`__ Ỉ __`, `2 l6) 36`): a few short
    // tokens, no word among them.
    const auto pieces = split_words(before, false);
    const bool short_pieces = std::all_of(pieces.begin(), pieces.end(), [](const Word& w) {
        std::size_t pos = 0, n = 0;  // code points, not bytes: `6§0_` is four
        while (pos < w.text.size() && n <= 4) utf8::next(w.text, pos), ++n;
        return n <= 4;
    });
    if (printed || pieces.size() > 4 || !short_pieces) return rest;
    return rest.substr(slash);
}

std::string joined_codes(std::string_view rest) {
    auto separator = [](char c) { return c == '/' || c == '-'; };
    std::string out;
    for (std::size_t i = 0; i < rest.size(); ++i) {
        if (rest[i] != ' ') {
            out.push_back(rest[i]);
            continue;
        }
        std::size_t next = i;
        while (next < rest.size() && rest[next] == ' ') ++next;
        const bool beside = (!out.empty() && separator(out.back())) ||
                            (next < rest.size() && separator(rest[next]));
        if (!beside) break;
        i = next - 1;
    }
    return out;
}

std::optional<std::string> corrected_type_code(std::string_view code) {
    if (code.empty() || is_known_code(ocr_match_form(code))) return std::nullopt;
    // Letters OCR takes for one another in capitals of Times-like type.
    static const std::vector<std::pair<std::string_view, std::string_view>> confusions = {
        {"I", "T"}, {"l", "I"}, {"1", "I"}, {"0", "O"}, {"0", "Q"}, {"rn", "m"}};
    std::optional<std::string> found;
    for (const auto& [from, to] : confusions) {
        for (std::size_t at = code.find(from); at != npos; at = code.find(from, at + 1)) {
            std::string candidate(code);
            candidate.replace(at, from.size(), to);
            const CodeEntry* entry = find_type_code(candidate);
            if (entry == nullptr || entry->code != candidate) continue;
            if (found && *found != candidate) return std::nullopt;  // two readings: no guess
            found = candidate;
        }
    }
    return found;
}

std::optional<std::pair<std::string, std::string>> split_glued_codes(std::string_view code) {
    if (code.size() < 4 || is_known_code(ocr_match_form(code))) return std::nullopt;
    std::optional<std::pair<std::string, std::string>> found;
    for (std::size_t at = 1; at + 1 < code.size(); ++at) {
        const std::string type(code.substr(0, at));
        const std::string issuer(code.substr(at));
        const CodeEntry* entry = find_type_code(type);
        if (entry == nullptr || entry->code != type || !is_known_code(ocr_match_form(issuer)))
            continue;
        if (found) return std::nullopt;  // two ways to split: no guess
        found.emplace(type, issuer);
    }
    return found;
}

std::optional<HeaderDate> read_header_date(std::string_view zone) {
    for (const Line& raw : split_lines(zone)) {
        if (raw.text.find("năm") == npos) continue;
        const std::string line = spaced_date_keywords(raw.text);
        const auto words = split_words(line, false);
        for (std::size_t k = 0; k < words.size(); ++k) {
            // `ngày`, or OCR's reading of it with a hand-written day glued on (`ngàW†`).
            const bool ngay =
                words[k].text == "ngày" ||
                (words[k].text.starts_with("ngà") && k > 0 && words[k - 1].text.ends_with(","));
            if (!ngay) continue;
            HeaderDate d;
            // `Quảng Ngãi, ngày`: the place ends with the comma before.
            if (k > 0 && words[k - 1].text.ends_with(",")) {
                std::size_t first = k;
                while (first > 0 && k - first < 6 && starts_with_upper(words[first - 1].text))
                    --first;
                if (first < k) {
                    std::string place(
                        line.substr(words[first].begin, words[k - 1].end - 1 - words[first].begin));
                    d.place = std::string(trim(place));
                }
            } else if (k > 0) {
                continue;  // `… ngày 12 tháng 3` inside a sentence
            }
            std::size_t j = k + 1;
            // Tokens up to `tháng`: the day, or OCR's reading of a hand-written one.
            std::string day_token(words[k].text.substr(std::string_view("ngà").size()));
            if (words[k].text == "ngày") day_token.clear();
            while (j < words.size() && words[j].text != "tháng" && j < k + 3)
                day_token += std::string(words[j++].text);
            if (j >= words.size() || words[j].text != "tháng") continue;
            std::string month_token;
            for (++j; j < words.size() && words[j].text != "năm" && month_token.size() < 12; ++j)
                month_token += std::string(words[j].text);
            if (j + 1 >= words.size() || words[j].text != "năm") continue;
            bool corrected = false;
            const std::string year = printed_digits(
                std::string(
                    trim(words[j + 1].text.substr(0, words[j + 1].text.find_first_of(".,;")))),
                corrected);
            if (year.size() != 4) continue;
            d.year = year;
            d.day = printed_digits(day_token, corrected);
            d.month = printed_digits(month_token, corrected);
            if (d.day.empty()) d.day_hint = digits_in(day_token);
            const int dd = d.day.empty() ? 0 : std::stoi(d.day);
            const int mm = d.month.empty() ? 0 : std::stoi(d.month);
            if (d.day.size() > 2 || dd < 1 || dd > 31) d.day.clear();
            if (d.month.size() > 2 || mm < 1 || mm > 12) {
                d.month.clear();
                d.day.clear();
            }
            d.ocr_corrected = corrected || line != raw.text || words[k].text != "ngày";
            return d;
        }
    }
    return std::nullopt;
}

std::optional<std::string> signing_date(std::string_view text) {
    constexpr std::string_view label = "Thời gian ký:";
    const auto at = text.rfind(label);
    if (at == npos) return std::nullopt;
    const std::string_view after = text.substr(at + label.size(), 40);
    for (std::size_t i = 0; i + 10 <= after.size(); ++i) {
        const std::string_view s = after.substr(i, 10);
        const char sep = s[2];
        if ((sep == '/' || sep == '.') && s[5] == sep && is_digit(s[0]) && is_digit(s[1]) &&
            is_digit(s[3]) && is_digit(s[4]) && std::all_of(s.begin() + 6, s.end(), is_digit)) {
            return std::string(s.substr(6, 4)) + "-" + std::string(s.substr(3, 2)) + "-" +
                   std::string(s.substr(0, 2));
        }
    }
    return std::nullopt;
}

std::optional<std::string> date_from_signature(const HeaderDate& printed, std::string_view text) {
    if (!printed.day.empty() || printed.month.empty()) return std::nullopt;
    const auto signed_on = signing_date(text);
    if (!signed_on) return std::nullopt;
    char month[3];
    std::snprintf(month, sizeof month, "%02d", std::stoi(printed.month));
    if (signed_on->substr(0, 4) != printed.year || signed_on->substr(5, 2) != month)
        return std::nullopt;
    // The digits read where the day is written must be the day's: its first digit, or its last.
    const std::string day = signed_on->substr(8, 2);
    const std::string& hint = printed.day_hint;
    const bool agrees =
        hint.empty() || (hint.size() == 1 ? hint[0] == day[0] || hint[0] == day[1] : hint == day);
    return agrees ? signed_on : std::nullopt;
}

bool read_ocr_date(std::string_view zone, std::string_view text, Directive& d) {
    const auto date = read_header_date(zone);
    if (!date || (!date->ocr_corrected && !date->day.empty())) return false;
    auto header = [&](std::string v) {
        return Sourced<std::string>{std::move(v), FieldSource::Header, date->ocr_corrected};
    };
    if (!date->place.empty()) d.place = header(date->place);
    d.year = header(date->year);
    if (const std::string iso = date->iso(); !iso.empty()) {
        d.date = header(iso);
    } else if (const auto signed_on = date_from_signature(*date, text)) {
        d.date = Sourced<std::string>{*signed_on, FieldSource::Signature};
    } else if (!date->month.empty()) {
        // The day left blank, the month printed: dated by its month (date ranges, sorting).
        const int mm = std::atoi(date->month.c_str());
        if (mm >= 1 && mm <= 12)
            d.month = header(date->year + (mm < 10 ? "-0" : "-") + std::to_string(mm));
    }
    return true;
}

bool ocr_signing_title(std::string_view label, const std::vector<std::string>& titles) {
    static const ClosedVocabulary vocabulary(titles);  // the parser's one list
    return vocabulary.match(label).has_value();
}

void correct_ocr_names(Directive& d) {
    for (auto* name : {&d.issuer, &d.parent_issuer}) {
        if (*name && correct_province_in_name((*name)->value)) (*name)->ocr_corrected = true;
    }
    if (!d.signer) return;
    std::string fixed;
    bool changed = false;
    for (const auto& w : split_words(d.signer->value, false)) {
        const auto syllable = corrected_syllable(w.text);
        changed = changed || syllable.has_value();
        fixed += (fixed.empty() ? "" : " ") + syllable.value_or(std::string(w.text));
    }
    if (changed) {
        d.signer->value = fixed;
        d.signer->ocr_corrected = true;
    }
}

}  // namespace tracuu
