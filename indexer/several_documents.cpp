#include "several_documents.hpp"

#include "analyzers/ocr_vocabulary.hpp"
#include "analyzers/utf8.hpp"
#include "text_lines.hpp"

namespace tracuu {
namespace {

bool is_motto_line(std::string_view line) {
    // The motto is printed in capitals; quoted in a sentence it is not.
    const std::string form = ocr_match_form(line);
    if (form.size() > 60 || uppercase_share(line) < 0.8) return false;
    static const ClosedVocabulary motto(
        {"Cộng hòa xã hội chủ nghĩa Việt Nam", "Đảng Cộng sản Việt Nam"});
    // The motto may share its row with the issuer's column: look at its end.
    if (motto.match(form)) return true;
    for (std::size_t words = 4; words <= 9; ++words) {
        std::size_t cut = form.size();
        for (std::size_t n = 0; n < words && cut != std::string::npos; ++n)
            cut = form.rfind(' ', cut - 1);
        const std::string tail = cut == std::string::npos ? form : form.substr(cut + 1);
        if (motto.match(tail)) return true;
        if (cut == std::string::npos) break;
    }
    return false;
}

}  // namespace

std::vector<std::string> following_documents(std::string_view text) {
    std::vector<std::string> starts;
    bool after_recipients = false;  // the current document's `Nơi nhận` list has been seen
    const auto lines = split_lines(text);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view l = lines[i].text;
        if (l.empty()) continue;
        if (ocr_match_form(l.substr(0, 12)).starts_with("noi nhan")) {
            after_recipients = true;
            continue;
        }
        if (!after_recipients || !is_motto_line(l)) continue;
        // The new document's first line: the issuer above the motto, when its block came first.
        std::size_t first = i;
        for (std::size_t k = i; k-- > 0 && i - k <= 6;) {
            if (!lines[k].blank() && uppercase_share(lines[k].text) > 0.8) first = k;
        }
        // Shown in a warning: at most 80 characters, cut between code points.
        const std::string shown = collapse_spaces(lines[first].text);
        std::size_t end = 0;
        for (int n = 0; n < 80 && end < shown.size(); ++n) utf8::next(shown, end);
        starts.push_back(shown.substr(0, end));
        after_recipients = false;
    }
    return starts;
}

}  // namespace tracuu
