// Issuer names meet through their abbreviations; topic abbreviations read both ways.
#include <catch2/catch.hpp>

#include "analyzers/abbreviations.hpp"
#include "index/directive_terms.hpp"
#include "indexer/body_name.hpp"

using namespace tracuu;

TEST_CASE("an issuer written short or in full gives the same issuer terms", "[issuer]") {
    const auto full = issuer_terms("Ủy ban nhân dân tỉnh Đồng Nai");
    CHECK(issuer_terms("UBND tỉnh Đồng Nai") == full);
    CHECK(issuer_terms("ubnd tinh dong nai") == full);
    const auto so = issuer_terms("Sở Giáo dục và Đào tạo thành phố Hải Phòng");
    CHECK(issuer_terms("Sở GDĐT TP Hải Phòng") == so);
    CHECK(issuer_terms("Sở GD&ĐT thành phố Hải Phòng") == so);
}

TEST_CASE("header capitals are written in normal case", "[issuer]") {
    CHECK(normal_case_body_name("UBND THÀNH PHỐ HẢI PHÒNG") ==
          "Ủy ban nhân dân thành phố Hải Phòng");
    CHECK(normal_case_body_name("SỞ GIÁO DỤC VÀ ĐÀO TẠO") == "Sở Giáo dục và Đào tạo");
    CHECK(normal_case_body_name("ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI") ==
          "Ủy ban nhân dân tỉnh Đồng Nai");
    CHECK(normal_case_body_name("ỦY BAN THƯỜNG VỤ QUỐC HỘI") == "Ủy ban Thường vụ Quốc hội");
    CHECK(normal_case_body_name("CỤC THUẾ") == "Cục Thuế");
    CHECK(normal_case_body_name("Sở Tài chính") == "Sở Tài chính");  // not in capitals: kept
}

TEST_CASE("an issuer code is read with the seeds' typo", "[issuer]") {
    CHECK(body_name_for_code("SGDĐT") == "Sở Giáo dục và Đào tạo");
    CHECK(body_name_for_code("SGDDĐT") == "Sở Giáo dục và Đào tạo");
    CHECK(body_name_for_code("UBND") == "Ủy ban nhân dân");
    CHECK(body_name_for_code("XYZQ").empty());
}

TEST_CASE("topic abbreviations expand to their full form", "[synonyms]") {
    CHECK(expand_abbreviations("CĐS", topic_abbreviations()) ==
          std::vector<std::string>{"chuyen", "doi", "so"});
    CHECK(expand_abbreviations("cải cách TTHC", topic_abbreviations()) ==
          std::vector<std::string>{"cai", "cach", "thu", "tuc", "hanh", "chinh"});
    // Written with a dot or an ampersand, as people write them (a searcher's review missed
    // each of these documents with the abbreviation typed).
    const std::vector<std::string> hcm{"thanh", "pho", "ho", "chi", "minh"};
    CHECK(expand_abbreviations("TP.HCM", topic_abbreviations()) == hcm);
    CHECK(expand_abbreviations("tp hcm", topic_abbreviations()) == hcm);
    CHECK(expand_abbreviations("TPHCM", topic_abbreviations()) == hcm);
    CHECK(expand_abbreviations("Sở KH&CN", topic_abbreviations()) ==
          std::vector<std::string>{"so", "khoa", "hoc", "va", "cong", "nghe"});
    CHECK(expand_abbreviations("PCCC", topic_abbreviations()) ==
          std::vector<std::string>{"phong", "chay", "chua", "chay"});
}
