// Per seed, every field a careful reader finds in it, written by hand; and the fields that the
// text does not give, which must be reported missing.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "indexer/document_preparation.hpp"
#include "support.hpp"

using namespace tracuu;
using nlohmann::json;

namespace {

json fields_of(const std::string& prefix) {
    const auto doc = prepare_document(prefix, test::read_file(test::seed(prefix)));
    return doc.record.fields;
}

std::string value(const json& fields, const std::string& name) {
    INFO("field " << name);
    REQUIRE(fields.contains(name));
    return fields[name]["value"].get<std::string>();
}

std::string source(const json& fields, const std::string& name) {
    REQUIRE(fields.contains(name));
    return fields[name]["source"].get<std::string>();
}

std::set<std::string> missing(const json& fields) {
    return fields["missing"].get<std::set<std::string>>();
}

std::vector<std::string> recipients(const json& fields) {
    REQUIRE(fields.contains("recipients"));
    return fields["recipients"]["value"].get<std::vector<std::string>>();
}

}  // namespace

TEST_CASE("seed 000: công văn of Sở GDĐT Gia Lai without a header block", "[parser][seeds]") {
    const json f = fields_of("000");
    CHECK(value(f, "number") == "2265/SGDDĐT-VP");
    CHECK(f["number"]["key"] == "2265-sgdddt-vp");
    CHECK(value(f, "type") == "Công văn");
    CHECK(value(f, "issuer") == "Sở Giáo dục và Đào tạo");
    CHECK(source(f, "issuer") == "number_code");  // no header line names it
    CHECK(value(f, "place") == "Gia Lai");
    CHECK(value(f, "date") == "2025-10-29");
    CHECK(value(f, "year") == "2025");
    CHECK(value(f, "subject") ==
          "triển khai Thông báo số 552/TB-VPCP ngày 13/10/2025 của Văn phòng Chính phủ");
    CHECK(recipients(f) ==
          std::vector<std::string>{"Trưởng các phòng chuyên môn nghiệp vụ thuộc Sở",
                                   "Thủ trưởng các đơn vị trực thuộc Sở"});
    CHECK(value(f, "signer") == "Đặng Văn Phụng");
    CHECK(f["draft"] == false);
    CHECK(missing(f) == std::set<std::string>{"parent_issuer", "signer_authority", "signer_title"});
}

TEST_CASE("seed 001: blank number and date, Hải Phòng", "[parser][seeds]") {
    const json f = fields_of("001");
    CHECK(value(f, "number_codes") == "SGDDĐT-VP");
    CHECK(value(f, "type") == "Công văn");
    CHECK(value(f, "issuer") == "Sở Giáo dục và Đào tạo");
    CHECK(value(f, "place") == "Hải Phòng");
    CHECK(value(f, "year") == "2025");
    CHECK(value(f, "subject") ==
          "triển khai Kết luận của Ban Chỉ đạo cải cách hành chính của Chính phủ tại Phiên họp thứ "
          "chín ngày "
          "15/01/2025");
    CHECK(recipients(f).size() == 5);
    CHECK(recipients(f).front() == "Trưởng các phòng CMNV cơ quan Sở");
    CHECK(recipients(f).back() == "Thủ trưởng các đơn vị trực thuộc");
    CHECK(value(f, "signer") == "Phạm Quốc Hiệu");
    CHECK(value(f, "signer_authority") == "KT. GIÁM ĐỐC");
    CHECK(value(f, "signer_title") == "PHÓ GIÁM ĐỐC");
    CHECK(missing(f) == std::set<std::string>{"number", "parent_issuer", "date"});
}

TEST_CASE("seed 002: a draft with no header, no number, no signer", "[parser][seeds]") {
    const json f = fields_of("002");
    CHECK(f["draft"] == true);
    CHECK(value(f, "type") == "Công văn");
    CHECK(value(f, "subject") ==
          "tiếp tục tăng cường triển khai thực hiện chuyển đổi số phục vụ chính quyền địa phương 2 "
          "cấp");
    CHECK(value(f, "issuer") == "Ủy ban nhân dân tỉnh");
    CHECK(source(f, "issuer") == "body");  // `Chủ tịch Ủy ban nhân dân tỉnh yêu cầu`
    CHECK(recipients(f) == std::vector<std::string>{"Các sở, ban, ngành thuộc UBND tỉnh",
                                                    "Công an tỉnh",
                                                    "UBND xã, phường, đặc khu Lý Sơn"});
    CHECK_FALSE(f.contains("number_codes"));
    CHECK(missing(f) == std::set<std::string>{"number", "parent_issuer", "place", "date", "year",
                                              "signer", "signer_authority", "signer_title"});
}

TEST_CASE("seed 003: two header columns merged into one line", "[parser][seeds]") {
    const json f = fields_of("003");
    CHECK(value(f, "number_codes") == "SGDĐT-VP");
    CHECK(value(f, "issuer") == "Sở Giáo dục và Đào tạo");
    CHECK(source(f, "issuer") == "header");
    CHECK(value(f, "parent_issuer") == "Ủy ban nhân dân thành phố Hải Phòng");
    CHECK(value(f, "place") == "Hải Phòng");
    CHECK(value(f, "year") == "2025");
    CHECK(value(f, "subject") ==
          "thực hiện Thông báo kết luận cuộc họp Ban chỉ đạo thành phố sơ kết tình hình thực hiện "
          "Nghị quyết "
          "số 57-NQ/TW trong Quý III/2025 và nhiệm vụ, giải pháp trọng tâm đến hết năm 2025");
    CHECK(recipients(f).size() == 2);
    CHECK(value(f, "signer") == "Uông Minh Long");
    CHECK(value(f, "signer_authority") == "KT. GIÁM ĐỐC");
    CHECK(value(f, "signer_title") == "PHÓ GIÁM ĐỐC");
    CHECK(missing(f) == std::set<std::string>{"number", "date"});
}

TEST_CASE("seed 004: full header of UBND tỉnh Đồng Nai, signature timestamps", "[parser][seeds]") {
    const json f = fields_of("004");
    CHECK(value(f, "number_codes") == "UBND-KGVX");
    CHECK(value(f, "type") == "Công văn");
    CHECK(value(f, "issuer") == "Ủy ban nhân dân tỉnh Đồng Nai");
    CHECK(value(f, "place") == "Đồng Nai");
    CHECK(value(f, "year") == "2025");  // `ngày tháng 10 năm 2025`: no day, so no date
    CHECK(
        value(f, "subject") ==
        "thực hiện Thông báo số 46-TB/TGV ngày 30/9/2025 của Tổ Giúp việc Ban Chỉ đạo Trung ương");
    CHECK(recipients(f) == std::vector<std::string>{"Công an tỉnh", "Các Sở, ban ngành",
                                                    "Ủy ban nhân dân các xã, phường"});
    CHECK(value(f, "signer") == "Lê Trường Sơn");
    CHECK(value(f, "signer_authority") == "KT. CHỦ TỊCH");
    CHECK(value(f, "signer_title") == "PHÓ CHỦ TỊCH");
    CHECK(missing(f) == std::set<std::string>{"number", "parent_issuer", "date"});
}

TEST_CASE("a header in a web-page extraction: number on its own line, title and subject",
          "[parser]") {
    const std::string page =
        "|\n**ỦY BAN NHÂN\nDÂN **\nTHÀNH PHỐ HỒ CHÍ MINH\n--------\n|\n**CỘNG HÒA XÃ\nHỘI CHỦ "
        "NGHĨA VIỆT NAM**\n"
        "Độc lập - Tự do - Hạnh phúc\n---------------\n|\n|\nSố:\n2820/QĐ-UBND\n|\n*Thành phố Hồ\n"
        "Chí Minh, ngày 19 tháng 11 năm 2025*\n|\n\n\n**QUYẾT ĐỊNH**\n\nBAN HÀNH KẾ HOẠCH TRIỂN "
        "KHAI QUYẾT ĐỊNH SỐ\n"
        "06/QĐ-TTG NGÀY 02 THÁNG 01 NĂM 2025 CỦA THỦ TƯỚNG CHÍNH PHỦ\n\n**ỦY BAN NHÂN DÂN THÀNH "
        "PHỐ HỒ CHÍ MINH**\n\n"
        "*Căn cứ Luật Tổ chức chính\nquyền địa phương số 72/2025/QH15;*\n";
    const auto doc = prepare_document("page", page);
    const json& f = doc.record.fields;
    CHECK(value(f, "number") == "2820/QĐ-UBND");
    CHECK(value(f, "type") == "Quyết định");
    CHECK(source(f, "type") == "title");
    CHECK(value(f, "issuer") == "Ủy ban nhân dân thành phố Hồ Chí Minh");
    CHECK(value(f, "date") == "2025-11-19");
    CHECK(value(f, "place") == "Thành phố Hồ Chí Minh");
    CHECK(value(f, "subject") ==
          "BAN HÀNH KẾ HOẠCH TRIỂN KHAI QUYẾT ĐỊNH SỐ 06/QĐ-TTG NGÀY 02 THÁNG 01 NĂM 2025 CỦA THỦ "
          "TƯỚNG CHÍNH PHỦ");
}
