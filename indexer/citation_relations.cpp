#include "citation_relations.hpp"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>

#include "analyzers/abbreviations.hpp"
#include "analyzers/word_forms.hpp"
#include "text_lines.hpp"
#include "token_reader.hpp"

namespace tracuu::embedded {
extern const std::string_view citation_relations;
}

namespace tracuu {
namespace {

// How far back a trigger phrase may stand from the number it governs (a list of repealed
// decisions under one `Bãi bỏ các văn bản sau:` runs long), and how close after it an `after`
// phrase must follow.
constexpr std::size_t kMaxTokensBack = 1200;
// Farther than this, a phrase governs a number only through a list (`Bãi bỏ các văn bản sau: 1.
// ...; 2. ...`, `Luật số 64/2020/QH14, Luật số 07/2022/QH15, ...`); tables (`|`) end its reach.
constexpr std::size_t kMaxTokensNear = 50;
// How far before a phrase, in its sentence, a proposal word stands (`Kiến nghị thực thi: Sửa đổi
// khoản 1 Điều 18 Nghị định số ...; sửa đổi Phụ lục 1 Thông tư số ...`).
constexpr std::size_t kMaxProposalTokens = 40;
// An `adjacent` phrase stands right before the cited type word: `theo Quyết định số`.
constexpr std::size_t kMaxAdjacentTokens = 4;
constexpr std::size_t kMaxTokensAfter = 40;
// A phrase this close after another cited number, with nothing but that number's date and issuer
// between, describes that document (`Nghị định số 47/2022/NĐ-CP ngày ... của Chính phủ sửa đổi`).
constexpr std::size_t kMaxSubjectTokens = 12;

enum class Where { Before, Adjacent, Opening, After, AfterFar, Proposal };

struct Trigger {
    std::string_view relation;
    Where where = Where::Before;
    std::vector<std::string> folded;
    /// Compared with their marks too: `đính chính` (corrects) folds as `định chính` does.
    std::vector<std::string> exact;
};

Where where_named(std::string_view name) {
    if (name == "before") return Where::Before;
    if (name == "adjacent") return Where::Adjacent;
    if (name == "opening") return Where::Opening;
    if (name == "after") return Where::After;
    if (name == "after_far") return Where::AfterFar;
    if (name == "proposal") return Where::Proposal;
    throw std::logic_error("citation_relations.tsv: unknown place");
}

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
            Trigger t{*name,
                      where_named(line.substr(t1 + 1, t2 - t1 - 1)),
                      folded_tokens(line.substr(t2 + 1)),
                      {}};
            if (t.relation == "corrects") {
                for (const auto& w : split_words(line.substr(t2 + 1)))
                    t.exact.push_back(word_forms(w.text).exact);
            }
            out.push_back(std::move(t));
        }
        // Longest first: `sửa đổi, bổ sung` is found before `sửa đổi`.
        std::stable_sort(out.begin(), out.end(), [](const Trigger& a, const Trigger& b) {
            return a.folded.size() > b.folded.size();
        });
        return out;
    }();
    return all;
}

/// The triggers by the word they start with and by the word they end with, each list longest
/// first: trigger_at, asked at every token back from each cited number, reads only those.
struct TriggersByEdge {
    std::unordered_map<std::string_view, std::vector<const Trigger*>> first, last;
};

const TriggersByEdge& triggers_by_edge() {
    static const TriggersByEdge edges = [] {
        TriggersByEdge out;
        for (const Trigger& t : triggers()) {
            if (t.folded.empty()) continue;
            out.first[t.folded.front()].push_back(&t);
            out.last[t.folded.back()].push_back(&t);
        }
        return out;
    }();
    return edges;
}

bool one_of(std::string_view word, std::initializer_list<std::string_view> words) {
    return std::find(words.begin(), words.end(), word) != words.end();
}

class RelationReader : TokenReader {
  public:
    RelationReader(std::string_view text, const Analysis& a, std::vector<Citation>& citations)
        : TokenReader(text, a.tokens), citations_(citations) {
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
    /// What the trigger phrase on tokens `first` to `last` reads: its relation, spanning it.
    RelationReading reading(const Trigger& tr, std::size_t first, std::size_t last) const {
        RelationReading r;
        r.relation = tr.relation;
        r.span = {t_[first].begin, t_[last].end};
        return r;
    }

    std::size_t token_at(uint32_t byte) const {
        auto it = std::lower_bound(t_.begin(), t_.end(), byte,
                                   [](const Token& t, uint32_t b) { return t.begin < b; });
        return static_cast<std::size_t>(it - t_.begin());
    }

    /// Whether a sentence ends between token i-1 and token i: `.` then a space, but not a list's
    /// `1.` at the start of a line; or a new line starting an article (`Điều 2`).
    bool sentence_ends_before(std::size_t i) const {
        const std::string_view gap = gap_before(i);
        if (gap.find('\n') != std::string_view::npos && t_[i].folded == "dieu" &&
            i + 1 < t_.size() && is_digits(t_[i + 1].folded)) {
            return true;
        }
        if (gap.find('|') != std::string_view::npos) return true;  // a table's cell
        for (std::size_t p = 0; p < gap.size(); ++p) {
            const char c = gap[p];
            if (c != '.' && c != '!' && c != '?') continue;
            if (p + 1 < gap.size() && gap[p + 1] != ' ' && gap[p + 1] != '\n' && gap[p + 1] != '*')
                continue;
            const std::string_view item = t_[i - 1].folded;
            const bool list_item =
                c == '.' && (is_digits(item) || item.size() == 1) &&
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

    /// The longest trigger of `where` ending (for `after` ones: starting) at token i.
    const Trigger* trigger_at(std::size_t i, std::initializer_list<Where> where) const {
        const bool after = *where.begin() == Where::After || *where.begin() == Where::AfterFar;
        if (i >= t_.size()) return nullptr;
        const auto& by_edge = after ? triggers_by_edge().first : triggers_by_edge().last;
        const auto edge = by_edge.find(t_[i].folded);
        if (edge == by_edge.end()) return nullptr;
        for (const Trigger* candidate : edge->second) {
            const Trigger& tr = *candidate;
            if (std::find(where.begin(), where.end(), tr.where) == where.end()) continue;
            const std::size_t n = tr.folded.size();
            const std::size_t start = after ? i : i + 1 - std::min(i + 1, n);
            if (!after && i + 1 < n) continue;
            if (start + n > t_.size()) continue;
            bool match = true;
            for (std::size_t k = 0; k < n && match; ++k) {
                match = t_[start + k].folded == tr.folded[k] && t_[start + k].number < 0 &&
                        (tr.exact.empty() || t_[start + k].exact == tr.exact[k]) &&
                        (k == 0 || !gap_breaks_phrase(start + k));
            }
            if (match) return &tr;
        }
        return nullptr;
    }

    /// The phrase at `start` follows a cited number in its own clause (`- Thông tư số 226/2016/TT-
    /// BTC ... quy định chi tiết và hướng dẫn thi hành ...;`): it describes that document, unless
    /// it is joined to the clause by `và` or `,` as a second act (`sửa đổi Nghị định A và bãi bỏ
    /// Điều 3 Nghị định B`), an act only when what it joins is one.
    bool in_item_description(std::size_t start) const {
        bool cited_before = false;
        for (std::size_t j = start; j-- > 0 && start - j <= kMaxTokensBack;) {
            if (sentence_ends_before(j + 1) ||
                gap_before(j + 1).find_first_of(";:") != std::string_view::npos)
                break;
            if (t_[j].number >= 0) {
                cited_before =
                    std::any_of(mentions_.begin(), mentions_.end(),
                                [&](const Mention& m) { return m.first <= j && j <= m.last; });
                if (cited_before) break;
            }
        }
        if (!cited_before) return false;
        const bool joined = one_of(t_[start - 1].folded, {"va", "hoac"}) ||
                            gap_before(start).find(',') != std::string_view::npos;
        if (!joined) return true;
        // A second act joins the first right after the number it acted on (and its date and
        // issuer); joined to title words (`ban hành tiêu chuẩn và hướng dẫn xét tặng`) it is
        // more of the title.
        const std::size_t conjunction =
            t_[start - 1].folded == "va" || t_[start - 1].folded == "hoac" ? start - 1 : start;
        // Joined to a phrase: as that phrase is (`quy định chi tiết và hướng dẫn thi hành`).
        if (conjunction > 0) {
            if (const Trigger* previous =
                    trigger_at(conjunction - 1, {Where::Before, Where::Opening})) {
                return describes_other(conjunction - previous->folded.size(), *previous);
            }
        }
        const Mention* acted_on = nullptr;
        for (const Mention& m : mentions_) {
            if (m.last < conjunction) acted_on = &m;
        }
        if (acted_on == nullptr) return true;
        // Only the number's date and issuer (`của Chính phủ`) between it and the conjunction.
        const std::size_t k = after_date(acted_on->last + 1);
        if (k >= conjunction) return false;
        return t_[k].folded != "cua" || conjunction - k > kMaxSubjectTokens;
    }

    /// The phrase at `start` is in the document's own title: a type word alone on its line
    /// before it (`QUYẾT ĐỊNH` / `Về việc bãi bỏ Quyết định số ...`, `THÔNG TƯ` / `Sửa đổi ...`).
    bool own_title(std::size_t start) const {
        std::size_t k = start;
        if (k >= 2 && t_[k - 2].folded == "ve" && t_[k - 1].folded == "viec")
            k -= 2;
        else if (k >= 1 && t_[k - 1].folded == "ve")
            k -= 1;
        if (k == 0 || gap_before(k).find('\n') == std::string_view::npos) return false;
        // The line before: a type word in capitals.
        std::size_t line_start = k - 1;
        while (line_start > 0 && gap_before(line_start).find('\n') == std::string_view::npos)
            --line_start;
        if (k - line_start > 3) return false;
        std::string words;
        for (std::size_t i = line_start; i < k; ++i) {
            const std::string_view w = written(i);
            if (!w.empty() && (w[0] < 'A' || w[0] > 'Z') && static_cast<unsigned char>(w[0]) < 0x80)
                return false;  // not capitals
            words += (words.empty() ? "" : " ") + t_[i].folded;
        }
        for (std::string_view type :
             {"quyet dinh", "thong tu", "nghi dinh", "nghi quyet", "chi thi", "thong tu lien tich",
              "huong dan", "ke hoach", "quy dinh"}) {
            if (words == type) return true;
        }
        return false;
    }

    /// The token after a date starting at k (`ngày 22 tháng 12 năm 2024`, `ngày 22/12/2024`).
    std::size_t after_date(std::size_t k) const {
        while (k < t_.size() &&
               (one_of(t_[k].folded, {"ngay", "thang", "nam"}) || is_digits(t_[k].folded)))
            ++k;
        return k;
    }

    /// A type word right before the phrase at `start` makes it a title: `Nghị định hướng dẫn`,
    /// `Luật sửa đổi`.
    bool after_type_word(std::size_t start) const {
        if (gap_breaks_phrase(start)) return false;
        static const auto types = folded_phrases(
            {"luật", "bộ luật", "nghị định", "thông tư", "quyết định", "nghị quyết", "pháp lệnh",
             "chỉ thị", "văn bản", "thông tư liên tịch", "công văn", "kế hoạch"});
        return std::any_of(types.begin(), types.end(),
                           [&](const auto& type) { return folded_before(start, type); });
    }

    /// The cited number at `first` opens an item of its own, joined by `và` or `,`
    /// (`... và Nghị định số 61/2016/NĐ-CP`), past its type word and `số`.
    bool joined_item(std::size_t first) const {
        std::size_t k = first;
        while (k > 0 && first - k < kMaxAdjacentTokens && !gap_breaks_phrase(k) &&
               t_[k - 1].number < 0 &&
               one_of(t_[k - 1].folded, {"so", "luat", "bo", "nghi", "dinh", "thong", "tu", "quyet",
                                         "chi", "thi", "lien", "tich"}))
            --k;
        if (k == 0) return false;
        return one_of(t_[k - 1].folded, {"va", "hoac"}) ||
               gap_before(k).find(',') != std::string_view::npos;
    }

    /// A phrase that names another document's content rather than what this one does:
    /// `Luật sửa đổi, bổ sung ...` (a title), `được sửa đổi`, `về việc bãi bỏ`, or one right
    /// after another cited number (`Nghị định số 47/2022/NĐ-CP ... sửa đổi`).
    bool describes_other(std::size_t start, const Trigger& tr) const {
        if (tr.relation == "basis" || tr.relation == "mentions") return false;
        if (start == 0) return false;
        if (own_title(start)) return false;
        if (gap_before(start).find('(') != std::string_view::npos) return true;  // an aside
        const std::string_view prev = t_[start - 1].folded;
        // `liên quan đến thực hiện`, `dẫn đến`: what a text is about, not what it does.
        if (one_of(prev, {"duoc", "bi", "da", "viec", "ve", "cac", "nhung", "den"})) return true;
        // `thủ tục hành chính bãi bỏ`, `TTHC sửa đổi`: a procedure's state in a list heading.
        if (prev == "tthc" || (prev == "chinh" && start >= 2 && t_[start - 2].folded == "hanh"))
            return true;
        if (tr.relation != "consolidates" && after_type_word(start)) return true;
        if (in_item_description(start)) return true;
        // The nearest cited number before the phrase.
        const Mention* subject = nullptr;
        for (const Mention& m : mentions_) {
            if (m.last < start) subject = &m;
        }
        if (subject == nullptr) return false;
        const std::size_t k = after_date(subject->last + 1);
        if (start - k > kMaxSubjectTokens) return false;
        for (std::size_t i = k; i < start; ++i) {
            if (t_[i].folded == "va" || t_[i].folded == "hoac") return false;
        }
        // `- Nghị định số 22/2025/NĐ-CP của Chính phủ: Sửa đổi, bổ sung ...`: what it does.
        if (gap_before(start).find(':') != std::string_view::npos) {
            bool only_colon = true;
            for (std::size_t i = subject->last + 1; i < start && only_colon; ++i)
                only_colon = gap_before(i).find_first_of(",;:(") == std::string_view::npos;
            if (only_colon && !sentence_ends_before(start)) return true;
        }
        for (std::size_t i = subject->last + 1; i <= start; ++i) {
            const std::string_view gap = gap_before(i);
            if (gap.find_first_of(",;:(") != std::string_view::npos || sentence_ends_before(i))
                return false;
        }
        return true;
    }

    std::optional<RelationReading> read_before(std::size_t first, bool& crossed_clause) const {
        const std::size_t stop = first > kMaxTokensBack ? first - kMaxTokensBack : 0;
        bool list = false;       // a list separator between the phrase and the number
        bool items = false;      // a `;` or `:` between them: the number is another item
        bool described = false;  // the number is inside another document's description
        bool crossed = false;    // another cited number stands between
        bool joined = false;     // `và` or `hoặc` before a number between
        bool after_semicolon = false, after_colon = false;
        const bool new_item = joined_item(first);
        for (std::size_t j = first; j-- > stop;) {
            if (t_[j].number >= 0 &&
                std::any_of(mentions_.begin(), mentions_.end(),
                            [&](const Mention& m) { return m.first <= j && j <= m.last; }))
                crossed = true;
            // `... Kết luận số 186-KL/TW ngày 29/8/2025 và Kết luận số 195-KL/TW`.
            if (one_of(t_[j].folded, {"va", "hoac"})) {
                // `và các Nghị quyết số 01/NQ-CP`: the type word, `các` and `số` between.
                for (std::size_t k = j + 1; k < t_.size() && k <= j + kMaxAdjacentTokens + 1; ++k) {
                    if (t_[k].number >= 0) joined = true;
                }
            }
            if (sentence_ends_before(j + 1)) return std::nullopt;
            if (gap_before(j + 1).find(';') != std::string_view::npos) crossed_clause = true;
            // `,` makes a list of citations only (`Luật số 64/2020/QH14, Luật số 07/2022/QH15`),
            // not of a table's cells or a title's words.
            const std::string_view gap = gap_before(j + 1);
            if (gap.find_first_of(":;") != std::string_view::npos) list = true;
            if (gap.find(',') != std::string_view::npos) {
                for (std::size_t k = j + 1; k < t_.size() && k <= j + 4; ++k) {
                    if (t_[k].number >= 0) list = true;
                }
            }
            if (gap_before(j + 1).find_first_of(":;") != std::string_view::npos) items = true;
            if (gap.find(';') != std::string_view::npos) after_semicolon = true;
            if (gap.find(':') != std::string_view::npos) after_colon = true;
            const Trigger* tr = trigger_at(j, {Where::Before, Where::Adjacent, Where::Opening});
            if (tr == nullptr) continue;
            // `Căn cứ`, `Thực hiện` open their clause (or stand right before the cited type word);
            // in the middle of one they are other words (`căn cứ xác nhận`, `để thực hiện`).
            // Right before a cited number it governs that number and the citations listed after
            // it (`Để tiếp tục thực hiện nghiêm Chỉ thị số 05/CT-TTg ...; Chỉ thị số 31-CT/TU
            // ..., Kế hoạch số 134-KH/TU ...`).
            if (tr->where == Where::Opening && !opens(j + 1 - tr->folded.size()) &&
                first - j > kMaxAdjacentTokens + 1 && !(list && citation_list(j + 1, first)))
                continue;
            // `theo` in an earlier item's title (`1. Quyết định ... quản lý xây dựng theo quy
            // hoạch ...; 2. Quyết định số ...`) is not this item's.
            if (tr->where == Where::Adjacent && items) continue;
            // Nor an earlier item's `được sửa đổi, bổ sung bởi Nghị định số ...` (`Thông tư này
            // quy định chi tiết khoản 3 Điều 64 Nghị định số 115/2020/NĐ-CP ..., được sửa đổi, bổ
            // sung bởi Nghị định số 85/2023/NĐ-CP ...; Điều 30 Nghị định số 263/2025/NĐ-CP`).
            // Its `bởi:` opens a list of its own (`..., được sửa đổi, bổ sung bởi: Thông tư số
            // 101/2025/TT-BQP`).
            if (tr->relation == "mentions" && after_semicolon && !after_colon &&
                one_of(t_[j].folded, {"boi", "bang"})) {
                j = j + 1 - tr->folded.size();
                continue;
            }
            const std::size_t start = j + 1 - tr->folded.size();
            // The cited number's own type word (`Hướng dẫn số 38-HD/BTCTW`) is no phrase.
            if (tr->relation != "mentions" && j + 1 < t_.size() &&
                (t_[j + 1].number >= 0 ||
                 (t_[j + 1].folded == "so" && j + 2 < t_.size() && t_[j + 2].number >= 0)))
                continue;
            if (describes_other(start, *tr)) {
                // `Bãi bỏ Điều 1 Nghị định số 83/2024/NĐ-CP sửa đổi ... Nghị định số 123/2016`:
                // 123/2016 belongs to the description of 83/2024, not to `Bãi bỏ`.
                // Past a description of the item before (`thay thế Nghị định số 98/2010/NĐ-CP
                // ... quy định chi tiết thi hành ... Luật sửa đổi ... và Nghị định số
                // 61/2016/NĐ-CP`), a number joined as the next item is the act's.
                const bool earlier_title =
                    new_item && (tr->relation == "guides" || after_type_word(start));
                if (!items && !earlier_title) described = true;
                j = start;  // on past the phrase
                continue;
            }
            // Far from the number, only through a list: a table's heading, or a phrase many
            // lines up, is not the number's.
            // A `Căn cứ` clause reaches to its end, however long its titles.
            // So does a long title of the item before, this number joined after it.
            if (first - j > kMaxTokensNear && !list && !(new_item && crossed) &&
                tr->relation != "basis")
                return std::nullopt;
            // `Thực hiện chỉ đạo ... tại văn bản số 10187/VPCP-KTTH ..., NHNN đã có Tờ trình số
            // 195/TTr-NHNN`, a title `QUY ĐỊNH CHI TIẾT ... NGHỊ ĐỊNH SỐ 18/2019/NĐ-CP ...` then
            // `Thông tư số 195/2019/TT-BQP`: the phrase governs the nearer number; a later one
            // only as an item of a list.
            if (crossed && !list && !joined && one_of(tr->relation, {"implements", "guides"}))
                return std::nullopt;
            RelationReading r = reading(*tr, start, j);
            // In a clause that opens with `Căn cứ`, what follows describes the documents relied
            // on: `Căn cứ Nghị định số 78/2025/NĐ-CP ... hướng dẫn thi hành Luật ...`.
            const bool opens_clause = start == 0 || sentence_ends_before(start) ||
                                      gap_before(start).find(';') != std::string_view::npos;
            if (r.relation != "basis" && !opens_clause) {
                if (auto basis = clause_basis(start)) return basis;
            }
            // `theo` governs the number right after it; farther, the number is still a reference
            // (`theo Luật ...; Nghị định số 105/2025/NĐ-CP`).
            // A `Căn cứ` clause is a list item of its own: a proposal word in the clause before
            // (`... xử lý phản ánh, kiến nghị ...; Căn cứ Nghị định số 09/2017/NĐ-CP`) is that
            // document's title, not this clause's.
            // `theo chỉ đạo`, `theo yêu cầu` say whose direction the words before follow, a
            // proposal too (`Hoàn thiện Kế hoạch ... theo chỉ đạo của Chính phủ tại Nghị quyết
            // số ...`): it is carried out, not proposed.
            const bool can_propose = r.relation != "implements" || t_[start].folded != "theo";
            // `Khẩn trương thực hiện ... các nhiệm vụ, giải pháp theo các Nghị quyết số ...`:
            // the work carried out is the cited document's.
            if (tr->where == Where::Adjacent && !described) {
                if (auto carried = carried_out_before(start)) return carried;
            }
            if (r.relation == "mentions" ||
                (can_propose && proposed(start, r.relation == "basis")) ||
                (described && r.relation != "basis") || tr->where == Where::Adjacent)
                return RelationReading{};
            // `thay thế cụm từ “Quyết định số 1719/QĐ-TTg”`: words replaced, not a document.
            for (std::size_t k = j + 1; k + 1 < first; ++k) {
                if (t_[k].folded == "cum" && t_[k + 1].folded == "tu") return RelationReading{};
            }
            if (one_of(r.relation, {"repeals", "amends", "replaces"})) {
                r.part = part(j + 1, first);
                // `thay thế một số điều của Thông tư số ...`: replacing a part amends it.
                if (r.relation == "replaces" && !r.part.empty()) r.relation = "amends";
            }
            return r;
        }
        return std::nullopt;
    }

    /// An implements phrase earlier in the clause of a bare `theo` at `start`, with no other
    /// phrase or cited number between (`thực hiện ... theo quy định tại` has its own phrase).
    std::optional<RelationReading> carried_out_before(std::size_t start) const {
        // Only the tasks a document sets (`các nhiệm vụ, giải pháp theo`): work merely done in a
        // manner (`đánh giá ... theo Kế hoạch`, `bảo đảm theo đúng Quy định`) cites a reference.
        if (start < 2 || !one_of(t_[start - 1].folded, {"vu", "phap"}) ||
            !one_of(t_[start - 2].folded, {"nhiem", "giai"}))
            return std::nullopt;
        for (std::size_t j = start; j-- > 0 && start - j <= kMaxProposalTokens;) {
            if (sentence_ends_before(j + 1) ||
                gap_before(j + 1).find_first_of(";:") != std::string_view::npos ||
                t_[j].number >= 0)
                return std::nullopt;
            const Trigger* tr = trigger_at(j, {Where::Before, Where::Opening});
            if (tr == nullptr) continue;
            const std::size_t first = j + 1 - tr->folded.size();
            if (tr->relation != "implements" || describes_other(first, *tr) ||
                proposed(first, false))
                return std::nullopt;
            return reading(*tr, first, j);
        }
        return std::nullopt;
    }

    /// Tokens [from, to) begin with a cited number (after its type word and `số`) and hold only
    /// citations with their dates and titles: each `;` clause in them opens with one, no `:` or
    /// sentence end between.
    bool citation_list(std::size_t from, std::size_t to) const {
        auto cited_soon = [&](std::size_t k) {
            return std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& m) {
                return m.first >= k && m.first <= k + kMaxAdjacentTokens && m.first <= to;
            });
        };
        if (!cited_soon(from)) return false;
        for (std::size_t k = from + 1; k <= to; ++k) {
            const std::string_view gap = gap_before(k);
            if (sentence_ends_before(k) || gap.find(':') != std::string_view::npos) return false;
            if (gap.find(';') != std::string_view::npos && !cited_soon(k)) return false;
        }
        return true;
    }

    /// Token `i` opens a clause: the text's or a line's start, or after `;`, `:`, `-`, `*`, `(`.
    bool opens(std::size_t i) const {
        if (i == 0 || sentence_ends_before(i)) return true;
        const std::string_view gap = gap_before(i);
        if (gap.find_first_of(";:-*(") != std::string_view::npos) return true;
        // A line's start, unless the text is wrapped mid-sentence (`... hướng dẫn\nthực hiện chế
        // độ ...`): a clause opening a line opens with a capital.
        if (gap.find('\n') == std::string_view::npos) return false;
        const char c = text_[t_[i].begin];
        return !(c >= 'a' && c <= 'z');
    }

    /// A proposal word a few tokens before the phrase at `start`, in the same sentence, or with
    /// `own_clause` in the same `;` clause.
    bool proposed(std::size_t start, bool own_clause) const {
        for (std::size_t j = start; j-- > 0 && start - j <= kMaxProposalTokens;) {
            if (sentence_ends_before(j + 1)) return false;
            if (own_clause && gap_before(j + 1).find(';') != std::string_view::npos) return false;
            if (trigger_at(j, {Where::Proposal}) != nullptr) return true;
        }
        return false;
    }

    /// `Căn cứ` opening the clause of token `start`, or an earlier clause of the same list
    /// (`Căn cứ Nghị định số 63/2010/NĐ-CP ...; Nghị định số 48/2013/NĐ-CP sửa đổi ...`).
    std::optional<RelationReading> clause_basis(std::size_t start) const {
        const std::size_t stop = start > kMaxTokensBack ? start - kMaxTokensBack : 0;
        for (std::size_t j = start; j-- > stop;) {
            if (sentence_ends_before(j + 1)) return std::nullopt;
            const Trigger* tr = trigger_at(j, {Where::Before, Where::Opening});
            if (tr == nullptr) continue;
            const std::size_t first = j + 1 - tr->folded.size();
            if (tr->where == Where::Opening && !opens(first)) continue;
            if (tr->relation == "basis") {
                // `Căn cứ các quy định trên, đối với trường hợp ... thuộc quy định tại Nghị quyết
                // số ...`: relying on what was said above, not on what follows.
                for (std::size_t k = j + 1; k < start && k <= j + kMaxAdjacentTokens; ++k) {
                    if (t_[k].folded == "tren") return std::nullopt;
                }
                return reading(*tr, first, j);
            }
            // Another phrase opening a clause ends the list.
            if (first == 0 || sentence_ends_before(first) ||
                gap_before(first).find(';') != std::string_view::npos)
                return std::nullopt;
            j = first;
        }
        return std::nullopt;
    }

    std::optional<RelationReading> read_after(const Mention& m) const {
        const std::size_t end = std::min(t_.size(), m.last + 1 + kMaxTokensAfter);
        for (std::size_t k = m.last + 1; k < end; ++k) {
            if (sentence_ends_before(k) || gap_before(k).find(';') != std::string_view::npos) break;
            if (t_[k].number >= 0) break;  // another number: the phrase is about that one
            const Trigger* tr = trigger_at(k, {Where::After, Where::AfterFar});
            if (tr == nullptr) continue;
            const std::size_t last = k + tr->folded.size() - 1;
            // A close phrase follows the number's date and issuer only: `... về việc công bố thủ
            // tục hành chính bị bãi bỏ` is a title.
            if (tr->where == Where::After && k - after_date(m.last + 1) > kMaxSubjectTokens)
                continue;
            if (one_of(t_[k - 1].folded, {"da", "chua", "se", "va"})) continue;
            // `... được bãi bỏ bởi Nghị định số ...`: another document does it.
            if (last + 1 < t_.size() && one_of(t_[last + 1].folded, {"boi", "tai", "theo"}))
                return std::nullopt;
            return reading(*tr, k, last);
        }
        return std::nullopt;
    }

    /// `Điều 3`, `khoản 2 Điều 5`, `các Điều 2, 3`, `03 thủ tục hành chính tại số thứ tự 107`:
    /// what of the cited document the phrase acts on, written between them; empty when the
    /// phrase acts on the whole (`Bãi bỏ toàn bộ Quyết định`, `Bãi bỏ các văn bản sau: 1. ...`).
    std::string part(std::size_t from, std::size_t to) const {
        // The cited number's type word and `số` end the part.
        std::size_t end = to;
        if (end > from && t_[end - 1].folded == "so") --end;
        static const auto types = [] {
            auto out = folded_phrases({"luật", "bộ luật", "nghị định", "thông tư", "quyết định",
                                       "nghị quyết", "pháp lệnh", "chỉ thị", "văn bản",
                                       "thông tư liên tịch", "công văn", "kế hoạch", "hướng dẫn",
                                       "quy định", "kết luận", "thông báo"});
            std::stable_sort(out.begin(), out.end(),
                             [](const auto& a, const auto& b) { return a.size() > b.size(); });
            return out;
        }();
        for (const auto& type : types) {
            if (end >= from + type.size() && folded_before(end, type)) {
                end -= type.size();
                break;
            }
        }
        while (end > from && one_of(t_[end - 1].folded, {"cua", "tai", "thuoc", "trong", "o"}))
            --end;
        std::size_t begin = from;
        while (begin < end && one_of(t_[begin].folded, {"toan", "bo", "cac"})) ++begin;
        if (begin >= end) return {};
        for (std::size_t k = begin + 1; k <= end; ++k) {
            if (gap_before(k).find(':') != std::string_view::npos) return {};  // a list follows
        }
        // Only words that name a part: not `các văn bản quy phạm pháp luật do ... ban hành`.
        bool names_part = false;
        for (std::size_t k = begin; k < end; ++k) {
            if (t_[k].number >= 0) return {};  // another document, not a part
            const std::string_view w = t_[k].folded;
            const std::string_view next = k + 1 < end ? std::string_view(t_[k + 1].folded) : "";
            names_part = names_part || one_of(w, {"dieu", "khoan", "diem", "chuong", "muc"}) ||
                         (w == "phu" && next == "luc") || (w == "danh" && next == "muc") ||
                         (w == "thu" && next == "tu") || (w == "cum" && next == "tu") ||
                         (w == "noi" && next == "dung") || (w == "mot" && next == "so");
        }
        if (!names_part) return {};
        std::string shown = collapse_spaces(written(begin, end - 1));
        std::erase(shown, '*');
        return collapse_spaces(shown);
    }

    std::vector<Citation>& citations_;
    std::vector<Mention> mentions_;
};

std::size_t strength(std::string_view relation) {
    const auto& names = citation_relation_names();
    return static_cast<std::size_t>(names.end() - std::find(names.begin(), names.end(), relation));
}

}  // namespace

void assign_relations(std::string_view text, const Analysis& analysis,
                      std::vector<Citation>& citations,
                      const std::function<TextExcerpt(std::size_t, std::size_t)>& sentence_of,
                      bool consolidated) {
    RelationReader reader(text, analysis, citations);
    std::vector<std::size_t> chosen_mention(citations.size(), SIZE_MAX);
    std::vector<RelationReading> chosen(citations.size());
    const auto& mentions = reader.mentions();
    for (std::size_t i = 0; i < mentions.size(); ++i) {
        const auto& m = mentions[i];
        RelationReading r = reader.read(m);
        RelationReading& best = chosen[m.citation];
        const bool stronger = strength(r.relation) > strength(best.relation) ||
                              (r.relation == best.relation && best.part.empty() &&
                               !r.part.empty() && chosen_mention[m.citation] != SIZE_MAX);
        if (chosen_mention[m.citation] == SIZE_MAX || stronger) {
            best = std::move(r);
            chosen_mention[m.citation] = i;
        }
    }
    if (consolidated) {
        // A văn bản hợp nhất lists, before its own `Căn cứ` (or `Điều 1`), the document it
        // consolidates and those that amended it (`..., được sửa đổi, bổ sung bởi: ...`).
        const auto& t = analysis.tokens;
        std::size_t header_end = t.size();
        for (std::size_t i = 0; i + 1 < t.size() && header_end == t.size(); ++i) {
            if ((t[i].folded == "can" && t[i + 1].folded == "cu") ||
                (t[i].folded == "dieu" && t[i + 1].folded == "1"))
                header_end = i;
        }
        for (std::size_t i = 0; i < mentions.size(); ++i) {
            const auto& m = mentions[i];
            if (m.first >= header_end) continue;
            RelationReading& r = chosen[m.citation];
            // Its title is the consolidated document's: what that one guides (`Thông tư quy định
            // chi tiết ... và biện pháp thi hành Nghị định số 18/2019/NĐ-CP`), the text guides.
            if (r.relation != "consolidates" && r.relation != "guides") {
                r = RelationReading{"consolidates", {0, 0}, {}};
                chosen_mention[m.citation] = i;
            }
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
