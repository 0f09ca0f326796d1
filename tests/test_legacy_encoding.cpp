// Legacy Vietnamese encodings: our TCVN3 and VNI tables against independent references (glibc's
// TCVN5712-1 converter; the mojibake every Vietnamese reader knows), detection on the seed, and
// refusal of what no table reads.
#include <catch2/catch.hpp>

#include <iconv.h>

#include "analyzers/legacy_encoding.hpp"
#include "analyzers/text_normalizer.hpp"
#include "analyzers/utf8.hpp"
#include "analyzers/vietnamese_syllables.hpp"
#include "support.hpp"

using namespace tracuu;
namespace fs = std::filesystem;

namespace {

std::string fixture(const std::string& name) {
    return test::read_file(fs::path(TRACUU_SOURCE_DIR) / "tests/fixtures/documents" / name);
}

/// glibc's own TCVN 5712 decoder, as an outside reference for our table.
std::string glibc_tcvn(const std::string& bytes) {
    iconv_t cd = iconv_open("UTF-8", "TCVN5712-1");
    REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
    std::string in = bytes, out(bytes.size() * 4 + 8, '\0');
    char* ip = in.data();
    char* op = out.data();
    std::size_t il = in.size(), ol = out.size();
    const auto r = iconv(cd, &ip, &il, &op, &ol);
    iconv(cd, nullptr, nullptr, &op, &ol);  // it holds a letter back for marks that may follow
    iconv_close(cd);
    REQUIRE(r != static_cast<std::size_t>(-1));
    out.resize(out.size() - ol);
    return normalize_text(out);
}

}  // namespace

TEST_CASE("the TCVN3 table agrees with glibc's TCVN 5712 converter letter by letter",
          "[encoding]") {
    int compared = 0;
    for (int b = 0xA1; b <= 0xFF; ++b) {
        if (b >= 0xB0 && b <= 0xB4) continue;  // VN1 combining marks, not used by VN3 files
        const std::string byte(1, static_cast<char>(b));
        INFO("byte " << b);
        CHECK(normalize_text(decode_tcvn3(byte, Tcvn3Capitals::AsIs)) == glibc_tcvn(byte));
        ++compared;
    }
    CHECK(compared == 90);
}

TEST_CASE("the classic mojibake decodes to the national motto", "[encoding]") {
    // How the motto looks when TCVN3 / VNI bytes are shown in a Western font.
    const auto tcvn = windows1252_bytes("Céng hoµ x· héi chñ nghÜa ViÖt Nam - §éc lËp - Tù do");
    REQUIRE(tcvn);
    CHECK(decode_tcvn3(*tcvn) == "Cộng hoà xã hội chủ nghĩa Việt Nam - Độc lập - Tự do");
    const auto vni = windows1252_bytes(
        "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM - Ñoäc laäp - Töï do - Haïnh phuùc");
    REQUIRE(vni);
    CHECK(decode_vni(*vni) == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM - Độc lập - Tự do - Hạnh phúc");
    // VN3 has no capitals with tones: a word typed in capitals gets them back.
    const auto caps = windows1252_bytes("Së GI¸O DôC Vµ §µO T¹O - Tù do");
    REQUIRE(caps);
    CHECK(decode_tcvn3(*caps) == "SỞ GIÁO DỤC VÀ ĐÀO TẠO - Tự do");
    // A capital word alone on its line with its one capital after a tone letter (`ñY`), and a
    // word led by Đ, a capital VN3 has, beside capital words; `Đà Nẵng` in running text stays.
    CHECK(decode_tcvn3("\xF1Y\nBAN NH\xA2N D\xA2N\nTH\xB5NH PH\xFF \xA7\xB5 N\xBFNG\n"
                       "\xA7\xB5 N\xBDng, ng\xB5y 3") ==
          "ỦY\nBAN NHÂN DÂN\nTHÀNH PHỐ ĐÀ NẴNG\nĐà Nẵng, ngày 3");
}

TEST_CASE("each encoding of the seed is detected and reads as the seed", "[encoding][seeds]") {
    const std::string reference = normalize_text(fixture("seed000.reference.txt"));
    for (const auto& [file, encoding] :
         {std::pair{"seed000-utf16.txt", TextEncoding::Utf16},
          std::pair{"seed000-windows1258.txt", TextEncoding::Windows1258},
          std::pair{"seed000-tcvn3.txt", TextEncoding::Tcvn3},
          std::pair{"seed000-vni.txt", TextEncoding::Vni}}) {
        INFO(file);
        const DecodedText d = decode_text(fixture(file));
        CHECK(d.encoding == encoding);
        const std::string text = normalize_text(d.text);
        for (const char* expected :
             {"Số: 2265 /SGDDĐT-VP", "V/v triển khai Thông báo số", "Đặng Văn Phụng",
              "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Kính gửi:", "“Bình dân học vụ số”"}) {
            CHECK(text.find(expected) != std::string::npos);
        }
        CHECK_FALSE(looks_like_mojibake(text));
        if (encoding == TextEncoding::Utf16 || encoding == TextEncoding::Windows1258) {
            CHECK(text == reference);  // lossless encodings give the text back exactly
        }
    }
}

TEST_CASE("text no Vietnamese table reads is refused, never indexed as mojibake", "[encoding]") {
    // French in Latin-1: valid in every 8-bit table, Vietnamese in none.
    CHECK_THROWS_WITH(decode_text("Le caf\xE9 est tr\xE8s bon, \xE0 c\xF4t\xE9 de la fen\xEAtre "
                                  "o\xF9 l'\xE9t\xE9 na\xEEt; voil\xE0 une r\xE9union."),
                      Catch::Contains("no legacy Vietnamese encoding reads it as Vietnamese"));
    CHECK_THROWS_WITH(decode_text("abc \xFE\xFD"), Catch::Contains("too few accented words"));
    CHECK_THROWS_WITH(decode_text(std::string("ab\0cd", 5)), Catch::Contains("NUL byte"));
    CHECK_THROWS_WITH(decode_text("\xFF\xFE\x41"), Catch::Contains("truncated UTF-16"));
}

TEST_CASE("mojibake is told from Vietnamese on the whole shared corpus", "[encoding][corpus]") {
    std::size_t documents = 0;
    for (const auto& entry : fs::recursive_directory_iterator(test::shared_corpus_dir())) {
        if (entry.path().extension() != ".txt") continue;
        const std::string text = test::read_file(entry.path());
        INFO(entry.path().string() << ": " << vietnamese_syllable_stats(text).ratio());
        CHECK_FALSE(looks_like_mojibake(text));
        ++documents;
        // The same text read as Windows-1252 (UTF-8 mojibake, `Cá»™ng`) is flagged.
        if (documents % 50 == 1) {
            std::string garbled;
            for (unsigned char c : text.substr(0, 4000)) {
                if (c < 0x80) {
                    garbled.push_back(static_cast<char>(c));
                } else {
                    garbled += c < 0xC0 ? "\xC2" : "\xC3";
                    garbled.push_back(static_cast<char>(c < 0xC0 ? c : c - 0x40));
                }
            }
            CHECK(looks_like_mojibake(garbled));
        }
    }
    CHECK(documents >= 555);
}

TEST_CASE("syllables follow Vietnamese spelling", "[encoding]") {
    for (const char* w : {"nghiêng", "được", "quyết", "gìn", "giữ", "người", "khoẻ", "thuý", "Việt",
                          "ĐỒNG", "rượu", "oái"})
        CHECK(is_vietnamese_syllable(w));
    for (const char* w : {"hoµ", "Vieät", "café", "ếé", "đoc", "Cá»™ng", "très"})
        CHECK_FALSE(is_vietnamese_syllable(w));
}

TEST_CASE("UTF-16 without its byte-order mark is read as UTF-16, binary stays binary",
          "[encoding]") {
    const std::string text = "Số: 12/UBND-VP\r\nỦy ban nhân dân tỉnh Đồng Nai\tthông báo.\r\n";
    std::string little, big;
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t c = utf8::next(text, pos);
        REQUIRE(c < 0x10000);
        little += static_cast<char>(c & 0xFF);
        little += static_cast<char>(c >> 8);
        big += static_cast<char>(c >> 8);
        big += static_cast<char>(c & 0xFF);
    }
    for (const std::string& bytes : {little, big}) {
        const DecodedText d = decode_text(bytes);
        CHECK(d.encoding == TextEncoding::Utf16);
        CHECK(d.text == text);
    }
    CHECK_THROWS_WITH(decode_text(std::string("\x01\x02\0\0\x14\0\x07\0\x01\0", 10)),
                      Catch::Contains("binary file"));
}
