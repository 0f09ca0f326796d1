// What a directive's body says of it when the header does not: the issuer acting in a
// sentence, the province its text names, the dates it comes into and goes out of force.

#include <algorithm>

#include "analyzers/word_forms.hpp"
#include "body_name.hpp"
#include "directive_readers.hpp"
#include "effective_dates.hpp"
#include "issuer_label.hpp"

namespace tracuu::directive_reading {

/// A local issuer whose header names no province (a draft's `ỦY BAN NHÂN DÂN TỈNH`): the
/// province its own text names as a government's, read from the body (never a guess:
/// province_named_in_text). Also for an issuer read from the body: its place then lets the
/// issuer filter find it. A central body has no place to find.
void BodyReader::read_place_from_text() {
    if (!d_.issuer) return;
    for (const auto* name : {&d_.issuer, &d_.parent_issuer}) {
        if (*name && (is_central_body((*name)->value) || !province_in_name((*name)->value).empty()))
            return;
    }
    if (std::string province = province_named_in_text(text_); !province.empty())
        d_.place = Sourced<std::string>{std::move(province), FieldSource::Body};
}

void BodyReader::read_dates_of_force() {
    EffectiveDates dates = read_effective_dates(
        text_, *analysis_, d_.date ? std::optional<std::string>(d_.date->value) : std::nullopt,
        d_.type ? std::string_view(d_.type->value) : std::string_view());
    d_.effective_from = std::move(dates.from);
    d_.effective_until = std::move(dates.until);
}

/// `Chủ tịch Ủy ban nhân dân tỉnh yêu cầu`, `Sở Giáo dục và Đào tạo đề nghị`.
void BodyReader::read_issuer_from_body() {
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
            if (w.ends_with(".") || w.ends_with(",") || w.ends_with(";") || w.ends_with(":")) break;
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

}  // namespace tracuu::directive_reading
