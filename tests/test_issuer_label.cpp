// How results and the issuer facet name an issuer (issue 17): a local body with its province, a
// central body without the place it sits in.
#include <catch2/catch.hpp>

#include "analyzers/analyzer.hpp"
#include "indexer/document_preparation.hpp"
#include "indexer/issuer_label.hpp"
#include "support.hpp"

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

TEST_CASE("the province a text names as its government's, twice and alone", "[issuer]") {
    struct Case {
        const char* text;
        const char* province;
    };
    const std::vector<Case> cases = {
        {"Chủ tịch UBND tỉnh Quảng Ninh yêu cầu ... trên địa bàn tỉnh Quảng Ninh.", "Quảng Ninh"},
        {"UBND TỈNH\nQUẢNG NINH ... các xã của tỉnh  Quảng Ninh", "Quảng Ninh"},
        {"Sở Nội vụ thành phố Hải Phòng; UBND TP. Hải Phòng", "Hải Phòng"},
        // Once is not enough: a place mentioned in passing.
        {"phối hợp với UBND tỉnh Quảng Ninh", ""},
        // Two provinces so: no guess between them.
        {"tỉnh Quảng Ninh, tỉnh Quảng Ninh và tỉnh Hải Dương", ""},
        // A name without `tỉnh`/`thành phố` is no government's place (a company, a university).
        {"Công ty Điện lực Quảng Ngãi; Điện lực Quảng Ngãi", ""},
        {"", ""},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        CHECK(province_named_in_text(c.text) == c.province);
    }
}

TEST_CASE("a draft whose header lacks the province gets it from its own text", "[issuer]") {
    // A draft headed only `ỦY BAN NHÂN DÂN / TỈNH`, its place and date left blank.
    const std::string header =
        "ỦY BAN NHÂN DÂN\nTỈNH\nSố:      /UBND-KT\nV/v triển khai chuyển đổi số\n"
        "\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\tĐộc lập - Tự do - Hạnh phúc\n"
        "\t, ngày      tháng 8 năm 2025\nDỰ THẢO\n\nKính gửi: Các sở, ban, ngành.\n\n";
    const std::string ending =
        "\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n";
    const PreparedDocument named = prepare_document(
        "draft", header +
                     "Để đẩy mạnh chuyển đổi số trên địa bàn tỉnh Quảng Ninh, Ủy ban nhân dân tỉnh "
                     "Quảng Ninh yêu cầu các sở, ngành thực hiện." +
                     ending);
    REQUIRE(named.directive.issuer);
    CHECK(named.directive.issuer->value == "Ủy ban nhân dân tỉnh");
    CHECK(named.directive.issuer->source == FieldSource::Header);
    CHECK(named.directive.draft);
    REQUIRE(named.directive.place);
    CHECK(named.directive.place->value == "Quảng Ninh");
    CHECK(named.directive.place->source == FieldSource::Body);
    CHECK(named.record.issuer_label == "Ủy ban nhân dân tỉnh Quảng Ninh");

    // Named once, or beside another province: no place.
    for (const char* body : {"Phối hợp với UBND tỉnh Quảng Ninh thực hiện.",
                             "Tỉnh Quảng Ninh và tỉnh Hải Dương; tỉnh Quảng Ninh chủ trì.",
                             "Các sở, ngành thực hiện."}) {
        INFO(body);
        const PreparedDocument d = prepare_document("draft", header + body + ending);
        CHECK_FALSE(d.directive.place);
        CHECK(d.record.issuer_label == "Ủy ban nhân dân tỉnh");
    }
}

TEST_CASE("the Quảng Ngãi draft seed names its province in no government's words", "[issuer]") {
    // Seed 002 has no header block: its issuer is read from its body, and the text names Quảng
    // Ngãi only in `Công ty Điện lực Quảng Ngãi`. No place is made up for it.
    const PreparedDocument seed = prepare_document("002", test::read_file(test::seed("002")));
    REQUIRE(seed.directive.issuer);
    CHECK(seed.directive.issuer->source == FieldSource::Body);
    CHECK(seed.directive.draft);
    CHECK_FALSE(seed.directive.place);
}
