// How results and the issuer facet name an issuer (issue 17): a local body with its province, a
// central body without the place it sits in.
#include <catch2/catch.hpp>

#include "indexer/issuer_label.hpp"

using namespace tracuu;

namespace {

std::optional<Sourced<std::string>> header(const char* value) {
    if (!*value) return std::nullopt;
    return Sourced<std::string>{value, FieldSource::Header};
}

}  // namespace

TEST_CASE("issuer labels: body and province, none for central bodies", "[issuer]") {
    struct Case {
        const char* issuer;
        const char* parent;
        const char* place;
        const char* label;
    };
    const std::vector<Case> cases = {
        // Local bodies: the province from the parent body, else from where it was signed.
        {"Sở Giáo dục và Đào tạo", "Ủy ban nhân dân thành phố Hải Phòng", "Hải Phòng",
         "Sở Giáo dục và Đào tạo Hải Phòng"},
        {"Sở Giáo dục và Đào tạo", "", "Gia Lai", "Sở Giáo dục và Đào tạo Gia Lai"},
        {"Sở Khoa học và Công nghệ", "Ủy ban nhân dân tỉnh Quảng Ngãi", "",
         "Sở Khoa học và Công nghệ Quảng Ngãi"},
        {"Ủy ban nhân dân tỉnh Đồng Nai", "", "Đồng Nai", "Ủy ban nhân dân tỉnh Đồng Nai"},
        {"Ủy ban nhân dân tỉnh", "", "", "Ủy ban nhân dân tỉnh"},
        {"Sở Tài chính", "", "", "Sở Tài chính"},
        // Central bodies sit in Hà Nội; that is no part of their name.
        {"Ủy ban Thường vụ Quốc hội", "", "Hà Nội", "Ủy ban Thường vụ Quốc hội"},
        {"Văn phòng Chính phủ", "", "Hà Nội", "Văn phòng Chính phủ"},
        {"Thủ tướng Chính phủ", "", "Hà Nội", "Thủ tướng Chính phủ"},
        {"Bộ Giáo dục và Đào tạo", "", "Hà Nội", "Bộ Giáo dục và Đào tạo"},
        {"Cục Thống kê", "Bộ Tài chính", "Hà Nội", "Cục Thống kê"},
        {"Ban Chấp hành Trung ương", "", "Hà Nội", "Ban Chấp hành Trung ương"},
        {"Tòa án nhân dân tối cao", "", "Hà Nội", "Tòa án nhân dân tối cao"},
        // A department of a ministry is central whatever its own name says.
        {"Vụ Pháp chế", "Bộ Y tế", "Hà Nội", "Vụ Pháp chế"},
        // Local bodies whose names look central: the province in the name decides.
        {"Bộ Chỉ huy Quân sự tỉnh Gia Lai", "", "Gia Lai", "Bộ Chỉ huy Quân sự tỉnh Gia Lai"},
        {"Cục Thuế tỉnh Đồng Nai", "", "", "Cục Thuế tỉnh Đồng Nai"},
        {"Ủy ban nhân dân thành phố Hà Nội", "", "Hà Nội", "Ủy ban nhân dân thành phố Hà Nội"},
        {"Sở Nội vụ", "Ủy ban nhân dân thành phố Hà Nội", "Hà Nội", "Sở Nội vụ Hà Nội"},
    };
    for (const Case& c : cases) {
        Directive d;
        d.issuer = header(c.issuer);
        d.parent_issuer = header(c.parent);
        d.place = header(c.place);
        INFO(c.issuer << " / " << c.parent << " / " << c.place);
        CHECK(issuer_label(d) == c.label);
    }
    CHECK(issuer_label(Directive{}).empty());
}
