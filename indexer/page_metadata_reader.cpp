// A publishing site's table above the document (`Số hiệu:`, `Loại văn bản:`, `Người ký:` …):
// fields the document's own layout did not give.

#include <algorithm>

#include "directive_readers.hpp"

namespace tracuu::directive_reading {

/// A publishing site's table (`Số hiệu:`, `Loại văn bản:`, `Nơi ban hành:`, `Người ký:`,
/// `Ngày ban hành:`), read before the document's own header.
void PageMetadataReader::read_page_metadata() {
    const std::size_t scan = std::min(lines_.size(), motto_ == npos ? std::size_t{120} : motto_);
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

void PageMetadataReader::fill_from_page_metadata() {
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
        const std::string iso =
            page_.date.substr(6, 4) + "-" + page_.date.substr(3, 2) + "-" + page_.date.substr(0, 2);
        if (std::all_of(iso.begin(), iso.end(), [](char c) {
                return std::isdigit(static_cast<unsigned char>(c)) || c == '-';
            })) {
            d_.date = meta(iso);
            if (!d_.year) d_.year = meta(iso.substr(0, 4));
        }
    }
}

}  // namespace tracuu::directive_reading
