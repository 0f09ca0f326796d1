#include "effective_dates.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "analyzers/abbreviations.hpp"
#include "analyzers/word_forms.hpp"
#include "text_lines.hpp"
#include "token_reader.hpp"

namespace tracuu {
namespace {

// How far after `có hiệu lực` its date may be (`có hiệu lực thi hành kể từ ngày 01 tháng 12 năm
// 2025` is 13 tokens) and how far before it `này` may stand (`Quyết định này`, `Nghị quyết
// liên tịch này`).
constexpr std::size_t kMaxTokensAfter = 24;
constexpr std::size_t kMaxSubjectTokens = 5;
constexpr std::size_t kMaxSentenceBytes = 400;
constexpr std::size_t kMaxSentenceTokens = 60;

std::string iso(int y, int m, int d) {
    char out[32];  // room for any int, though y, m, d are checked dates
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", y, m, d);
    return out;
}

class DateReader : TokenReader {
  public:
    DateReader(std::string_view text, const Analysis& a, std::string_view own_type)
        : TokenReader(text, a.tokens), own_type_(folded_tokens(own_type)) {}

    bool is(std::size_t i, std::initializer_list<std::string_view> words) const {
        if (i + words.size() > t_.size()) return false;
        std::size_t k = i;
        for (std::string_view w : words) {
            if (t_[k].folded != w) return false;
            ++k;
        }
        return true;
    }
    /// A sentence ends between tokens i-1 and i.
    bool ends_before(std::size_t i) const {
        const std::string_view gap = gap_before(i);
        for (std::size_t p = 0; p < gap.size(); ++p) {
            if ((gap[p] == '.' || gap[p] == ';') && (p + 1 == gap.size() || gap[p + 1] == ' ' ||
                                                     gap[p + 1] == '\n' || gap[p + 1] == '*'))
                return true;
        }
        return false;
    }

    /// `12/2025`-free dates: `01/12/2025`, `01-12-2025`, `01 tháng 12 năm 2025` from token i
    /// (after `ngày`); sets `next` past it.
    std::optional<std::string> date_at(std::size_t i, std::size_t& next) const {
        int d = 0, m = 0, y = 0;
        if (i + 2 < t_.size() && is_digits(t_[i].folded) && is_digits(t_[i + 1].folded) &&
            is_digits(t_[i + 2].folded) && gap_before(i + 1) == gap_before(i + 2) &&
            (gap_before(i + 1) == "/" || gap_before(i + 1) == "-" || gap_before(i + 1) == ".")) {
            d = std::stoi(std::string(t_[i].folded.substr(0, 2)));
            m = std::stoi(std::string(t_[i + 1].folded.substr(0, 2)));
            y = t_[i + 2].folded.size() == 4 ? std::stoi(t_[i + 2].folded) : 0;
            next = i + 3;
        } else if (i + 4 < t_.size() && is_digits(t_[i].folded) && t_[i + 1].folded == "thang" &&
                   is_digits(t_[i + 2].folded) && t_[i + 3].folded == "nam" &&
                   is_digits(t_[i + 4].folded)) {
            d = std::stoi(std::string(t_[i].folded.substr(0, 2)));
            m = std::stoi(std::string(t_[i + 2].folded.substr(0, 2)));
            y = t_[i + 4].folded.size() == 4 ? std::stoi(t_[i + 4].folded) : 0;
            next = i + 5;
        } else {
            return std::nullopt;
        }
        const std::chrono::year_month_day ymd{std::chrono::year{y},
                                              std::chrono::month{static_cast<unsigned>(m)},
                                              std::chrono::day{static_cast<unsigned>(d)}};
        if (y < 1945 || y > 2100 || !ymd.ok()) return std::nullopt;
        return iso(y, m, d);
    }

    /// The sentence around tokens [first, last].
    std::string sentence(std::size_t first, std::size_t last) const {
        std::size_t begin = first;
        while (begin > 0 && !ends_before(begin) &&
               t_[last].end - t_[begin - 1].begin < kMaxSentenceBytes &&
               gap_before(begin).find('\n') == std::string_view::npos)
            --begin;
        std::size_t end = last;
        while (end + 1 < t_.size() && !ends_before(end + 1) &&
               t_[end + 1].end - t_[begin].begin < kMaxSentenceBytes)
            ++end;
        std::string s = collapse_spaces(written(begin, end));
        // Keep the full stop when there is one.
        if (end + 1 < t_.size() && !gap_before(end + 1).empty() && gap_before(end + 1)[0] == '.')
            s += '.';
        else if (end + 1 == t_.size() && t_[end].end < text_.size() && text_[t_[end].end] == '.')
            s += '.';
        // Markdown emphasis left in extracted pages.
        std::erase(s, '*');
        return collapse_spaces(s);
    }

    /// The document speaks of itself: `Quyết định này có hiệu lực`, `Hướng dẫn này ... và có hiệu
    /// lực`, or its type word alone opening the sentence (`1. Nghị quyết có hiệu lực`).
    bool own_subject(std::size_t i) const {
        // Extracted pages wrap lines inside sentences: only a sentence's end bounds it.
        std::size_t start = i;
        while (start > 0 && i - start < kMaxSentenceTokens && !ends_before(start)) --start;
        for (std::size_t k = start; k < i; ++k) {
            // `Quyết định này có hiệu lực`; `Hướng dẫn này, các phụ lục ... có hiệu lực`.
            if (t_[k].folded == "nay" &&
                (k < start + kMaxSubjectTokens || i - k <= kMaxSubjectTokens))
                return true;
        }
        static const auto types = folded_phrases(
            {"quyết định", "nghị quyết", "nghị định", "thông tư", "chỉ thị", "hướng dẫn",
             "kế hoạch", "thông báo", "văn bản", "quy định", "quy chế", "công văn"});
        for (const auto& type : types) {
            if (type != own_type_ || !folded_before(i, type)) continue;
            const std::size_t b = i - type.size();
            auto opens = [&](std::size_t at) {
                return at == 0 || ends_before(at) ||
                       gap_before(at).find('\n') != std::string_view::npos;
            };
            if (opens(b)) return true;
            // `1. Nghị quyết có hiệu lực`, `a) Quyết định có hiệu lực`.
            if (b > 0 && (is_digits(t_[b - 1].folded) || t_[b - 1].folded.size() == 1) &&
                opens(b - 1))
                return true;
        }
        return false;
    }

    /// What follows `có hiệu lực` / `hết hiệu lực` at token i (the first token after the phrase).
    struct Reading {
        std::optional<EffectiveDate> from, until;
    };

    void read_dates(std::size_t i, std::size_t phrase_first, bool ending,
                    const std::optional<std::string>& own_date, Reading& out) const {
        const std::size_t end = std::min(t_.size(), i + kMaxTokensAfter);
        bool until_clause = ending;  // after `đến`, a date ends the period
        for (std::size_t k = i; k < end; ++k) {
            if (k > i && ends_before(k)) break;
            if (t_[k].folded == "den" || t_[k].folded == "het") until_clause = true;
            if (t_[k].folded != "ngay") continue;
            std::size_t next = k + 1;
            auto& slot = until_clause ? out.until : out.from;
            if (slot) continue;
            if (auto date = date_at(k + 1, next)) {
                slot = EffectiveDate{*date, "stated", sentence(phrase_first, next - 1)};
                k = next - 1;
                continue;
            }
            // `(kể) từ ngày ký (ban hành)`, `từ ngày ban hành`; `sau 45 ngày kể từ ngày ký`.
            // `ngày ký`, `ngày ban hành`, `ngày được thông qua`: the document's own date.
            static const std::string signing = fold_words("ký");  // the analyzer's `ki`
            std::size_t last = k;
            if (k + 1 < t_.size() && t_[k + 1].folded == signing) {
                last = k + 1;
            } else if (is(k + 1, {"ban", "hanh"}) || is(k + 1, {"thong", "qua"})) {
                last = k + 2;
            } else if (is(k + 1, {"duoc", "thong", "qua"})) {
                last = k + 3;
            } else {
                continue;
            }
            if (!own_date) continue;  // the text gives no date of its own to count from
            int days = 0;
            for (std::size_t b = k; b-- > i && b + 6 > k;) {
                if (t_[b].folded == "sau" && b + 2 < t_.size() && is_digits(t_[b + 1].folded) &&
                    t_[b + 2].folded == "ngay") {
                    days = std::stoi(t_[b + 1].folded.substr(0, 4));
                    break;
                }
            }
            const int y = std::stoi(own_date->substr(0, 4));
            const unsigned m = static_cast<unsigned>(std::stoi(own_date->substr(5, 2)));
            const unsigned d = static_cast<unsigned>(std::stoi(own_date->substr(8, 2)));
            const std::chrono::sys_days signed_on{std::chrono::year_month_day{
                std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}}};
            const std::chrono::year_month_day at{signed_on + std::chrono::days{days}};
            slot = EffectiveDate{iso(static_cast<int>(at.year()), static_cast<unsigned>(at.month()),
                                     static_cast<unsigned>(at.day())),
                                 days > 0 ? "days_after_document_date" : "document_date",
                                 sentence(phrase_first, last)};
            k = last;
        }
    }

    EffectiveDates read(const std::optional<std::string>& own_date) const {
        EffectiveDates dates;
        for (std::size_t i = 0; i + 2 < t_.size(); ++i) {
            const bool starts = is(i, {"co", "hieu", "luc"});
            const bool ends = is(i, {"het", "hieu", "luc"});
            if (!starts && !ends) continue;
            if (!own_subject(i)) continue;
            // `Kể từ ngày Quyết định này có hiệu lực đến ...`: a period counted from it.
            bool counted_from = false;
            for (std::size_t k = i; k-- > 0 && i - k <= kMaxSubjectTokens;) {
                if (ends_before(k + 1)) break;
                if (t_[k].folded == "ngay" || t_[k].folded == "khi" || t_[k].folded == "diem")
                    counted_from = true;
            }
            if (counted_from) continue;
            std::size_t first = i;
            while (first > 0 && i - first < kMaxSubjectTokens && !ends_before(first) &&
                   t_[first - 1].folded != "nay")
                --first;
            if (first > 0 && t_[first - 1].folded == "nay") {
                // Back to the type word before `này` (`Quyết định này`).
                --first;
                for (int k = 0; k < 4 && first > 0 && !ends_before(first) &&
                                gap_before(first).find('\n') == std::string_view::npos;
                     ++k)
                    --first;
            }
            Reading r;
            std::size_t after = i + 3;
            if (is(after, {"thi", "hanh"})) after += 2;
            read_dates(after, first, ends, own_date, r);
            if (!dates.from && r.from) dates.from = r.from;
            if (!dates.until && r.until) dates.until = r.until;
            if (dates.from && dates.until) break;
        }
        return dates;
    }

  private:
    std::vector<std::string> own_type_;
};

}  // namespace

EffectiveDates read_effective_dates(std::string_view text, const Analysis& analysis,
                                    const std::optional<std::string>& own_date,
                                    std::string_view own_type) {
    return DateReader(text, analysis, own_type).read(own_date);
}

}  // namespace tracuu
