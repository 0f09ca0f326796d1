#include "citation_relations.hpp"

#include <algorithm>
#include <stdexcept>

#include "analyzers/abbreviations.hpp"
#include "text_lines.hpp"

namespace tracuu::embedded {
extern const std::string_view citation_relations;
}

namespace tracuu {
namespace {

// How far back a trigger phrase may stand from the number it governs (a list of repealed
// decisions under one `Bãi bỏ các văn bản sau:` runs long), and how close after it an `after`
// phrase must follow.
constexpr std::size_t kMaxTokensBack = 400;
constexpr std::size_t kMaxTokensAfter = 40;
// A phrase this close after another cited number, with nothing but that number's date and issuer
// between, describes that document (`Nghị định số 47/2022/NĐ-CP ngày ... của Chính phủ sửa đổi`).
constexpr std::size_t kMaxSubjectTokens = 12;

struct Trigger {
    std::string_view relation;
    bool after = false;
    std::vector<std::string> folded;
};

const std::vector<Trigger>& triggers() {
    static const std::vector<Trigger> all = [] {
        std::vector<Trigger> out;
        const std::string_view data = embedded::citation_relations;
        std::size_t pos = 0;
        while (pos < data.size()) {
            std::size_t eol = data.find('\n', pos);
            if (eol == std::string_view::npos) eol = data.size();
            const std::string_view line = data.substr(pos, eol - pos);
            pos = eol + 1;
            if (line.empty() || line[0] == '#') continue;
            const auto t1 = line.find('\t');
            const auto t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
            if (t2 == std::string_view::npos)
                throw std::logic_error("citation_relations.tsv: bad line");
            const std::string_view relation = line.substr(0, t1);
            const auto& names = citation_relation_names();
            const auto name = std::find(names.begin(), names.end(), relation);
            if (name == names.end())
                throw std::logic_error("citation_relations.tsv: unknown relation");
            out.push_back({*name, line.substr(t1 + 1, t2 - t1 - 1) == "after",
                           folded_tokens(line.substr(t2 + 1))});
        }
        // Longest first: `sửa đổi, bổ sung` is found before `sửa đổi`.
        std::stable_sort(out.begin(), out.end(), [](const Trigger& a, const Trigger& b) {
            return a.folded.size() > b.folded.size();
        });
        return out;
    }();
    return all;
}

bool is_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_roman(std::string_view s) {
    return !s.empty() && s.size() <= 4 &&
           std::all_of(s.begin(), s.end(), [](char c) { return c == 'i' || c == 'v' || c == 'x'; });
}

bool one_of(std::string_view word, std::initializer_list<std::string_view> words) {
    return std::find(words.begin(), words.end(), word) != words.end();
}

class RelationReader {
  public:
    RelationReader(std::string_view text, const Analysis& a, std::vector<Citation>& citations)
        : text_(text), t_(a.tokens), citations_(citations) {
        for (std::size_t c = 0; c < citations_.size(); ++c) {
            for (const auto& [begin, end] : citations_[c].spans) {
                const std::size_t first = token_at(begin);
                if (first >= t_.size()) continue;
                std::size_t last = first;
                while (last + 1 < t_.size() && t_[last + 1].end <= end) ++last;
                mentions_.push_back({first, last, c});
            }
        }
        std::sort(mentions_.begin(), mentions_.end(),
                  [](const Mention& x, const Mention& y) { return x.first < y.first; });
    }

    struct Mention {
        std::size_t first, last, citation;
    };

    const std::vector<Mention>& mentions() const { return mentions_; }

    RelationReading read(const Mention& m) const {
        bool crossed_clause = false;
        std::optional<RelationReading> before = read_before(m.first, crossed_clause);
        if (!before || crossed_clause) {
            if (auto after = read_after(m)) return *after;
        }
        if (before) return *before;
        return {};
    }

  private:
    std::size_t token_at(uint32_t byte) const {
        auto it = std::lower_bound(t_.begin(), t_.end(), byte,
                                   [](const Token& t, uint32_t b) { return t.begin < b; });
        return static_cast<std::size_t>(it - t_.begin());
    }

    std::string_view gap_before(std::size_t i) const {
        if (i == 0 || i >= t_.size()) return {};
        return text_.substr(t_[i - 1].end, t_[i].begin - t_[i - 1].end);
    }

    /// Whether a sentence ends between token i-1 and token i: `.` then a space, but not a list's
    /// `1.` at the start of a line; or a new line starting an article (`Điều 2`).
    bool sentence_ends_before(std::size_t i) const {
        const std::string_view gap = gap_before(i);
        if (gap.find('\n') != std::string_view::npos && t_[i].folded == "dieu" &&
            i + 1 < t_.size() && is_digits(t_[i + 1].folded)) {
            return true;
        }
        for (std::size_t p = 0; p < gap.size(); ++p) {
            const char c = gap[p];
            if (c != '.' && c != '!' && c != '?') continue;
            if (p + 1 < gap.size() && gap[p + 1] != ' ' && gap[p + 1] != '\n' && gap[p + 1] != '*')
                continue;
            const std::string_view item = t_[i - 1].folded;
            const bool list_item = c == '.' && (is_digits(item) || item.size() == 1) &&
                                   (i == 1 || gap_before(i - 1).find('\n') != std::string_view::npos);
            if (!list_item) return true;
        }
        return false;
    }

    bool gap_breaks_phrase(std::size_t i) const {
        for (char c : gap_before(i)) {
            if (c != ' ' && c != '\n' && c != '\t' && c != ',' && c != '*') return true;
        }
        return false;
    }

    /// The longest `before` (or `after`) trigger ending (starting) at token i.
    const Trigger* trigger_ending_at(std::size_t i, bool after) const {
        for (const Trigger& tr : triggers()) {
            if (tr.after != after) continue;
            const std::size_t n = tr.folded.size();
            if (n == 0) continue;
            const std::size_t start = after ? i : i + 1 - std::min(i + 1, n);
            if (!after && i + 1 < n) continue;
            if (start + n > t_.size()) continue;
            bool match = true;
            for (std::size_t k = 0; k < n && match; ++k) {
                match = t_[start + k].folded == tr.folded[k] && t_[start + k].number < 0 &&
                        (k == 0 || !gap_breaks_phrase(start + k));
            }
            if (match) return &tr;
        }
        return nullptr;
    }

    /// A phrase that names another document's content rather than what this one does:
    /// `Luật sửa đổi, bổ sung ...` (a title), `được sửa đổi`, `về việc bãi bỏ`, or one right
    /// after another cited number (`Nghị định số 47/2022/NĐ-CP ... sửa đổi`).
    bool describes_other(std::size_t start, const Trigger& tr) const {
        if (tr.relation == "basis" || tr.relation == "mentions") return false;
        if (start == 0) return false;
        const std::string_view prev = t_[start - 1].folded;
        if (one_of(prev, {"duoc", "bi", "da", "viec", "ve", "cac", "nhung"})) return true;
        if (tr.relation != "consolidates" && !gap_breaks_phrase(start)) {
            // A type word before the phrase makes it a title: `Nghị định hướng dẫn`, `Luật sửa
            // đổi`.
            static const std::vector<std::vector<std::string>> types = [] {
                std::vector<std::vector<std::string>> out;
                for (std::string_view w : {"luật", "bộ luật", "nghị định", "thông tư", "quyết định",
                                           "nghị quyết", "pháp lệnh", "chỉ thị", "văn bản",
                                           "thông tư liên tịch", "công văn", "kế hoạch"})
                    out.push_back(folded_tokens(w));
                return out;
            }();
            for (const auto& type : types) {
                if (start < type.size()) continue;
                bool match = true;
                for (std::size_t k = 0; k < type.size() && match; ++k)
                    match = t_[start - type.size() + k].folded == type[k];
                if (match) return true;
            }
        }
        // The nearest cited number before the phrase.
        const Mention* subject = nullptr;
        for (const Mention& m : mentions_) {
            if (m.last < start) subject = &m;
        }
        if (subject == nullptr) return false;
        std::size_t k = subject->last + 1;
        while (k < start && (one_of(t_[k].folded, {"ngay", "thang", "nam"}) ||
                             is_digits(t_[k].folded))) {
            ++k;
        }
        if (start - k > kMaxSubjectTokens) return false;
        for (std::size_t i = k; i < start; ++i) {
            if (t_[i].folded == "va" || t_[i].folded == "hoac") return false;
        }
        for (std::size_t i = subject->last + 1; i <= start; ++i) {
            const std::string_view gap = gap_before(i);
            if (gap.find_first_of(",;:(") != std::string_view::npos) return false;
        }
        return true;
    }

    std::optional<RelationReading> read_before(std::size_t first, bool& crossed_clause) const {
        const std::size_t stop = first > kMaxTokensBack ? first - kMaxTokensBack : 0;
        for (std::size_t j = first; j-- > stop;) {
            if (sentence_ends_before(j + 1)) return std::nullopt;
            if (gap_before(j + 1).find(';') != std::string_view::npos) crossed_clause = true;
            const Trigger* tr = trigger_ending_at(j, false);
            if (tr == nullptr) continue;
            const std::size_t start = j + 1 - tr->folded.size();
            if (describes_other(start, *tr)) {
                j = start;  // on past the phrase
                continue;
            }
            RelationReading r;
            r.relation = tr->relation;
            if (r.relation == "mentions") return r;
            r.span = {t_[start].begin, t_[j].end};
            // In a clause that opens with `Căn cứ`, what follows describes the documents relied
            // on: `Căn cứ Nghị định số 78/2025/NĐ-CP ... hướng dẫn thi hành Luật ...`.
            if (r.relation != "basis") {
                if (auto basis = clause_basis(start)) return basis;
            }
            if (one_of(r.relation, {"repeals", "amends", "replaces"})) r.part = part(j + 1, first);
            return r;
        }
        return std::nullopt;
    }

    /// `Căn cứ` earlier in the clause (back to `;` or the sentence's start) of token `start`.
    std::optional<RelationReading> clause_basis(std::size_t start) const {
        const std::size_t stop = start > kMaxTokensBack ? start - kMaxTokensBack : 0;
        for (std::size_t j = start; j-- > stop;) {
            if (sentence_ends_before(j + 1) ||
                gap_before(j + 1).find(';') != std::string_view::npos)
                return std::nullopt;
            const Trigger* tr = trigger_ending_at(j, false);
            if (tr == nullptr || tr->relation != "basis") continue;
            RelationReading r;
            r.relation = tr->relation;
            r.span = {t_[j + 1 - tr->folded.size()].begin, t_[j].end};
            return r;
        }
        return std::nullopt;
    }

    std::optional<RelationReading> read_after(const Mention& m) const {
        const std::size_t end = std::min(t_.size(), m.last + 1 + kMaxTokensAfter);
        for (std::size_t k = m.last + 1; k < end; ++k) {
            if (sentence_ends_before(k) || gap_before(k).find(';') != std::string_view::npos)
                break;
            if (t_[k].number >= 0) break;  // another number: the phrase is about that one
            const Trigger* tr = trigger_ending_at(k, true);
            if (tr == nullptr) continue;
            const std::size_t last = k + tr->folded.size() - 1;
            // `... được bãi bỏ bởi Nghị định số ...`: another document does it.
            if (last + 1 < t_.size() && one_of(t_[last + 1].folded, {"boi", "tai", "theo"}))
                return std::nullopt;
            RelationReading r;
            r.relation = tr->relation;
            r.span = {t_[k].begin, t_[last].end};
            return r;
        }
        return std::nullopt;
    }

    /// `Điều 3`, `khoản 2 Điều 5`, `các Điều 2, 3` between the phrase and the cited number.
    std::string part(std::size_t from, std::size_t to) const {
        std::size_t k = from;
        while (k < to && one_of(t_[k].folded, {"cac", "toan", "bo", "mot", "so", "noi", "dung"}))
            ++k;
        if (k >= to || !one_of(t_[k].folded, {"dieu", "khoan", "diem", "chuong", "muc", "phu"}))
            return {};
        const std::size_t begin = k;
        std::size_t last = k;
        for (; k < to; ++k) {
            const std::string_view w = t_[k].folded;
            if (k > begin && sentence_ends_before(k)) break;
            if (one_of(w, {"dieu", "khoan", "diem", "chuong", "muc", "phu", "luc", "va", "cac",
                           "tai", "cua"})) {
                continue;
            }
            if (is_digits(w) || is_roman(w) || w.size() == 1) {
                last = k;
                continue;
            }
            break;
        }
        if (last == begin) return {};
        return collapse_spaces(text_.substr(t_[begin].begin, t_[last].end - t_[begin].begin));
    }

    std::string_view text_;
    const std::vector<Token>& t_;
    std::vector<Citation>& citations_;
    std::vector<Mention> mentions_;
};

std::size_t strength(std::string_view relation) {
    const auto& names = citation_relation_names();
    return static_cast<std::size_t>(names.end() - std::find(names.begin(), names.end(), relation));
}

}  // namespace

const std::vector<std::string_view>& citation_relation_names() {
    static const std::vector<std::string_view> names = {
        "repeals", "replaces", "amends", "corrects", "consolidates",
        "guides",  "implements", "basis", "mentions"};
    return names;
}

void assign_relations(std::string_view text, const Analysis& analysis,
                      std::vector<Citation>& citations,
                      const std::function<TextExcerpt(std::size_t, std::size_t)>& sentence_of) {
    RelationReader reader(text, analysis, citations);
    std::vector<std::size_t> chosen_mention(citations.size(), SIZE_MAX);
    std::vector<RelationReading> chosen(citations.size());
    const auto& mentions = reader.mentions();
    for (std::size_t i = 0; i < mentions.size(); ++i) {
        const auto& m = mentions[i];
        RelationReading r = reader.read(m);
        RelationReading& best = chosen[m.citation];
        const bool stronger = strength(r.relation) > strength(best.relation) ||
                              (r.relation == best.relation && best.part.empty() && !r.part.empty() &&
                               chosen_mention[m.citation] != SIZE_MAX);
        if (chosen_mention[m.citation] == SIZE_MAX || stronger) {
            best = std::move(r);
            chosen_mention[m.citation] = i;
        }
    }
    for (std::size_t c = 0; c < citations.size(); ++c) {
        Citation& citation = citations[c];
        const RelationReading& r = chosen[c];
        citation.relation = std::string(r.relation);
        citation.relation_span = r.span;
        citation.relation_part = r.part;
        if (chosen_mention[c] == SIZE_MAX || r.relation == "mentions") continue;
        const auto& m = mentions[chosen_mention[c]];
        TextExcerpt sentence =
            sentence_of(analysis.tokens[m.first].begin, analysis.tokens[m.last].end);
        if (r.span.second > r.span.first && r.span.first < sentence.begin) {
            sentence.begin = r.span.first;
            sentence.cut_before = true;
            for (std::size_t p = r.span.first; p-- > 0;) {
                const char ch = text[p];
                if (ch == ' ' || ch == '*') continue;
                sentence.cut_before = !(ch == '\n' || ch == '.' || ch == ';' || ch == ':');
                break;
            }
        }
        if (r.span.second > sentence.end) sentence.end = r.span.second;
        citation.context = sentence;
    }
}

}  // namespace tracuu
