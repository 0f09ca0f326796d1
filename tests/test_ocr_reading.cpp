// Reading scans of signed paper: OCR's slips matched on closed vocabularies only, the page's
// two-column parts rebuilt as blocks, text layers that are not the text, hand-written numbers and
// days left out rather than guessed. Hand-made inputs; the real files are in test_real_files.cpp.
#include <catch2/catch.hpp>

#include "analyzers/analyzer.hpp"
#include "analyzers/ocr_vocabulary.hpp"
#include "indexer/directive.hpp"
#include "indexer/header_fields.hpp"
#include "indexer/pdf_lines.hpp"
#include "indexer/several_documents.hpp"
#include "indexer/text_layer.hpp"

using namespace tracuu;

TEST_CASE("OCR's slips on a closed vocabulary are corrected, and said to be", "[ocr]") {
    const ClosedVocabulary types({"Quyết định", "Nghị quyết", "Chỉ thị", "Thông báo", "Tờ trình",
                                  "Báo cáo", "Công văn", "Kế hoạch", "Thông tư", "Nghị định"});
    struct Case {
        const char* read;
        const char* entry;  // nullptr: must not match
        bool corrected;
    };
    for (const Case& c : {
             Case{"QUYẾT ĐỊNH", "Quyết định", false},  // as printed: nothing to correct
             Case{"quyết định", "Quyết định", false},
             Case{"QUYÉT ĐỊNH", "Quyết định", true},  // É for Ế
             Case{"QUYÊT ĐINH", "Quyết định", true},  // marks lost
             Case{"THÔNG BẢO", "Thông báo", true},
             Case{"CHÍ THỊ", "Chỉ thị", true},
             Case{"TỜ TRINH", "Tờ trình", true},
             Case{"QUYET DINH.", "Quyết định", true},
             Case{"QUYẾT ĐlNH", "Quyết định", true},  // l for I: one letter, long enough
             Case{"NGHỊ QUYÉT", "Nghị quyết", true},
             // Must NOT be corrected: another word, or too short to tell a slip from a word.
             Case{"QUY ĐỊNH", nullptr, false},  // `quy dinh` vs `quyet dinh`: 2 edits
             Case{"THÔNG TIN", nullptr, false},
             Case{"KẾT LUẬN", nullptr, false},
             Case{"BIÊN BẢN", nullptr, false},
             Case{"CÔNG VIỆC", nullptr, false},
             Case{"", nullptr, false},
             Case{"12/2024", nullptr, false},
         }) {
        INFO(c.read);
        const auto m = types.match(c.read);
        if (c.entry == nullptr) {
            CHECK_FALSE(m.has_value());
            continue;
        }
        REQUIRE(m.has_value());
        CHECK(types.entry(m->entry) == c.entry);
        CHECK(m->corrected == c.corrected);
    }
    // Two entries equally near: no guess.
    const ClosedVocabulary close({"Thông tư", "Thông tin"});
    CHECK_FALSE(close.match("THÔNG TI").has_value());
}

TEST_CASE("the accent-free form and the edit distance OCR matching uses", "[ocr]") {
    CHECK(ocr_match_form("QUYÉT ĐỊNH") == "quyet dinh");
    CHECK(ocr_match_form("Sô :") == "so");
    CHECK(ocr_match_form("  Phu  Thọ, ") == "phu tho");
    CHECK(edit_distance_within(U"giang", U"glang", 1) == 1);
    CHECK(edit_distance_within(U"giang", U"gl", 1) == 2);  // beyond the limit: limit + 1
    CHECK(edit_distance_within(U"", U"", 0) == 0);
    CHECK(ocr_edit_allowance(3) == 0);
    CHECK(ocr_edit_allowance(7) == 1);
    CHECK(ocr_edit_allowance(15) == 2);
    CHECK(differs_as_written("Quyết định", "QUYẾT ĐỊNH") == false);
    CHECK(differs_as_written("hoà", "hòa") == false);  // tone placement is no slip
    CHECK(differs_as_written("Sô", "Số") == true);
}

TEST_CASE("a look-alike letter is corrected only when one syllable fits", "[ocr]") {
    CHECK(corrected_syllable("Glang") == "Giang");
    CHECK(corrected_syllable("Giang") == std::nullopt);  // already a syllable
    CHECK(corrected_syllable("Nguyễn") == std::nullopt);
    CHECK(corrected_syllable("Tuần") == std::nullopt);  // a wrong mark is a word: left alone
    CHECK(corrected_syllable("Xyz") == std::nullopt);   // nothing fits
    CHECK(corrected_syllable("") == std::nullopt);
}

namespace {

/// A hand-made scan-like page: each entry is one run of words at (x, y), 10 units high.
std::vector<PageWord> page(std::initializer_list<std::tuple<double, double, const char*>> runs) {
    std::vector<PageWord> words;
    for (const auto& [x, y, text] : runs) {
        double at = x;
        std::string_view t = text;
        while (!t.empty()) {
            const auto space = t.find(' ');
            const std::string w(t.substr(0, space));
            const double width = 6.0 * static_cast<double>(w.size());
            words.push_back({w, at, y, at + width, y + 10, true});
            at += width + 4;
            t = space == std::string_view::npos ? std::string_view{} : t.substr(space + 1);
        }
    }
    return words;
}

}  // namespace

TEST_CASE("the header and the foot are read as blocks, not row by row", "[ocr][layout]") {
    // Words come row by row as a scan gives them: both header columns on each row.
    const auto words = page(
        {{40, 20, "ỦY BAN NHÂN DÂN"},
         {300, 20, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
         {40, 34, "TỈNH QUẢNG NGÃI"},
         {320, 34, "Độc lập - Tự do - Hạnh phúc"},
         {40, 60, "Số: 01 /TTr-UBND"},
         {310, 60, "Quảng Ngãi, ngày 06 tháng 01 năm 2025"},
         {260, 90, "TỜ TRÌNH"},
         {40, 120, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015 và các"},
         {40, 134, "văn bản hướng dẫn thi hành của Chính phủ, Ủy ban nhân dân tỉnh kính trình."},
         {40, 170, "Nơi nhận:"},
         {380, 170, "KT. CHỦ TỊCH"},
         {40, 184, "- Như trên;"},
         {370, 184, "PHÓ CHỦ TỊCH"},
         {40, 198, "- Lưu: VT."},
         {365, 230, "Trần Hoàng Tuấn"}});
    const std::string text = assemble_ocr_page_text(words, [&] {
        // One Tesseract line per run of words on one row and column, as OCR reports them.
        std::vector<std::size_t> starts;
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (i == 0 || words[i].y0 != words[i - 1].y0 || words[i].x0 < words[i - 1].x0 ||
                words[i].x0 - words[i - 1].x1 > 30)
                starts.push_back(i);
        }
        return starts;
    }());
    INFO(text);
    const auto at = [&](const char* s) { return text.find(s); };
    // Each block whole and in reading order: the left header block, the right one, the title and
    // body, the signature block, the recipients.
    const std::vector<const char*> order = {"ỦY BAN NHÂN DÂN",
                                            "TỈNH QUẢNG NGÃI",
                                            "Số: 01 /TTr-UBND",
                                            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA",
                                            "Độc lập - Tự do - Hạnh phúc",
                                            "Quảng Ngãi, ngày 06 tháng 01 năm 2025",
                                            "TỜ TRÌNH",
                                            "Căn cứ Luật",
                                            "kính trình.",
                                            "KT. CHỦ TỊCH",
                                            "PHÓ CHỦ TỊCH",
                                            "Trần Hoàng Tuấn",
                                            "Nơi nhận:",
                                            "- Như trên;",
                                            "- Lưu: VT."};
    for (std::size_t k = 0; k < order.size(); ++k) {
        INFO(order[k]);
        REQUIRE(at(order[k]) != std::string::npos);
        if (k > 0) CHECK(at(order[k - 1]) < at(order[k]));
    }
    // A block's lines are never glued to the other column's.
    CHECK(at("ỦY BAN NHÂN DÂN\n") != std::string::npos);
    CHECK(at("Nơi nhận:\n") != std::string::npos);

    // Parsed, the fields come from their blocks.
    const Analysis analysis = analyze(text);
    const Directive d = parse_directive(text, analysis);
    REQUIRE(d.number);
    CHECK(d.number->value == "01/TTr-UBND");
    REQUIRE(d.date);
    CHECK(d.date->value == "2025-01-06");
    REQUIRE(d.signer);
    CHECK(d.signer->value == "Trần Hoàng Tuấn");
    REQUIRE(d.type);
    CHECK(d.type->value == "Tờ trình");
}

TEST_CASE("a page without a motto keeps its rows in order", "[ocr][layout]") {
    const auto words = page({{40, 20, "Điều 1. Phạm vi điều chỉnh của văn bản này"},
                             {40, 34, "Điều 2. Đối tượng áp dụng"},
                             {40, 48, "Điều 3. Hiệu lực thi hành"}});
    const std::string text = assemble_page_text(words);
    CHECK(text.find("Điều 1") < text.find("Điều 2"));
    CHECK(text.find("Điều 2") < text.find("Điều 3"));
}

TEST_CASE("a text layer that is only a signature box, or not Vietnamese, is not the text",
          "[ocr][layout]") {
    // The signing tool's box, in small type, and nothing else: a scan.
    const auto box = page({{420, 10, "Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi"},
                           {420, 16, "Cơ quan: Tỉnh Quảng Ngãi"},
                           {420, 22, "Thời gian ký: 07/01/2025 10:09:57"}});
    const TextLayer scan = read_text_layer(box);
    CHECK_FALSE(scan.is_text);
    CHECK(scan.text.empty());
    CHECK(scan.signature_lines.size() == 3);
    CHECK(scan.signature_box.size() == box.size());

    // The publisher's stamp beside a real page: the page is text, the stamp set apart.
    auto words = page({{250, 5, "TRUNG TÂM CÔNG"},
                       {250, 11, "BÁO VÀ TIN HỌC"},
                       {250, 17, "ttcbth@quangngai.gov.vn"},
                       {250, 23, "24.01.2025 20:01:14"}});
    for (auto& w : words) {  // small type: 5 units high
        w.y1 = w.y0 + 5;
    }
    const auto body =
        page({{40, 60, "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"},
              {40, 80, "Theo đề nghị của Bộ Thông tin và Truyền thông tại Công văn số"},
              {40, 94, "202/BTTTT-KHTC ngày 21/01/2025 về việc góp ý dự thảo Quyết định"}});
    words.insert(words.end(), body.begin(), body.end());
    const TextLayer layer = read_text_layer(words);
    CHECK(layer.is_text);
    CHECK(layer.text.size() == body.size());
    CHECK(layer.signature_lines.size() == 4);

    // An old OCR layer that lost the marks.
    const TextLayer garbage = read_text_layer(
        page({{40, 20, "TRlfONG D~I HQC TAY DO CONG HOA XA HOI CHU NGHiA VIET NAM"},
              {40, 34, "Doc lap - Tl,I do - Hanh phuc SO: 12/QD-DHTD ve viec ban hanh quy che"}}));
    CHECK_FALSE(garbage.is_text);
    CHECK(garbage.why_not.find("marks") != std::string::npos);
}

TEST_CASE("hand-written numbers and days are left out, what is printed is kept", "[ocr]") {
    // The `Số:` label as OCR misreads it; `Sở Tài chính` is no label.
    CHECK(ocr_number_label_rest("Sô : 12/UBND-VP") == "12/UBND-VP");
    CHECK(ocr_number_label_rest("SỐ: /TB-UBND") == "/TB-UBND");
    CHECK(ocr_number_label_rest("Số:b3  /TB-UBND") == "b3  /TB-UBND");
    CHECK_FALSE(ocr_number_label_rest("Sở Tài chính").has_value());
    CHECK_FALSE(ocr_number_label_rest("Sở: Văn hóa, Thể thao và Du lịch").has_value());
    // An unreadable numeral before the printed codes.
    CHECK(ocr_number_label_rest("ST /CT-UBND") == "ST /CT-UBND");  // `Số: 11` unreadable
    CHECK_FALSE(ocr_number_label_rest("Về việc /ABC-XY").has_value());
    CHECK(skip_unreadable_numeral("ST /CT-UBND") == "/CT-UBND");
    CHECK(skip_unreadable_numeral("O{_ /TTr-UBND") == "/TTr-UBND");
    CHECK(skip_unreadable_numeral("__ /BC-UBND") == "/BC-UBND");
    CHECK(skip_unreadable_numeral("#39 /TIr-UBND") == "/TIr-UBND");
    CHECK(skip_unreadable_numeral("2265 /SGDDĐT-VP") == "2265 /SGDDĐT-VP");
    CHECK(skip_unreadable_numeral("60-NQ/TW") == "60-NQ/TW");
    // Hand-written digits read in pieces; `6§0_` is four code points, not five bytes.
    CHECK(skip_unreadable_numeral("__ Ỉ __ /BNV-KHTC") == "/BNV-KHTC");
    CHECK(skip_unreadable_numeral("6§0_/TB-UBND") == "/TB-UBND");
    CHECK(skip_unreadable_numeral("Quyết định số 12/QĐ-UB") == "Quyết định số 12/QĐ-UB");
    // The printed codes across OCR's spaces, and its slips on a type code.
    CHECK(joined_codes("/TTr -UBND ngày 5") == "/TTr-UBND");
    CHECK(joined_codes("/2025/ NQ-HĐND") == "/2025/NQ-HĐND");
    CHECK(corrected_type_code("TIr") == "TTr");
    CHECK_FALSE(corrected_type_code("TTr").has_value());   // known already
    CHECK_FALSE(corrected_type_code("UBND").has_value());  // an issuer's code, known
    CHECK_FALSE(corrected_type_code("XYZ").has_value());
    CHECK(split_glued_codes("TBVPCP") == std::pair<std::string, std::string>("TB", "VPCP"));
    CHECK(split_glued_codes("TTBXD") == std::pair<std::string, std::string>("TT", "BXD"));
    CHECK_FALSE(split_glued_codes("UBND").has_value());
    CHECK_FALSE(split_glued_codes("CTCS").has_value());  // CS is no known code: left as read
    {
        const std::string t =
            "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: #39 /TIr -UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA "
            "VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nQuảng Ngãi, ngày __ tháng 12 năm 2024\n\nTỜ "
            "TRÌNH\n\nVề việc bãi bỏ\n";
        const Directive d = parse_directive(t, analyze(t));
        CHECK_FALSE(d.number.has_value());
        REQUIRE(d.number_codes);
        CHECK(d.number_codes->value == "TTr-UBND");
        CHECK(d.number_codes->ocr_corrected);
        REQUIRE(d.month);
        CHECK(d.month->value == "2024-12");
    }

    struct Case {
        const char* line;
        const char* year;
        const char* month;
        const char* day;
        const char* hint;
    };
    for (const Case& c : {Case{"Quảng Ngãi, ngày 24 tháng 01 năm 2025", "2025", "1", "24", ""},
                          Case{"Quảng Ngãi, ngày04tháng 02 năm 2025", "2025", "2", "04", ""},
                          Case{"Quảng Ngãi, ngày @3 tháng 0I năm 2025", "2025", "01", "", "3"},
                          Case{"Quảng Ngãi, ngày tháng 01 năm 2025", "2025", "01", "", ""},
                          Case{"Quảng Ngãi, ngày 0† tháng 02 năm 2025", "2025", "02", "", "0"},
                          Case{"Phú Thọ, ngày __ tháng 11 năm 2017", "2017", "11", "", ""},
                          Case{"Hà Nội, ngày tháng năm 2024", "2024", "", "", ""}}) {
        INFO(c.line);
        const auto d = read_header_date(c.line);
        REQUIRE(d.has_value());
        CHECK(d->year == c.year);
        CHECK((d->month.empty() ? "" : std::to_string(std::stoi(d->month))) ==
              (std::string(c.month).empty() ? "" : std::to_string(std::stoi(c.month))));
        CHECK(d->day == c.day);
        CHECK(d->day_hint == c.hint);
    }
    CHECK_FALSE(read_header_date("Căn cứ Luật ngày 19 tháng 6 năm 2015").has_value());

    // The digital signature's date stands for an unreadable day only when they agree.
    const std::string box =
        "\n\nKý bởi: Ủy ban nhân dân tỉnh Quảng Ngãi\nThời gian ký: 07/02/2025 17:12:11\n";
    CHECK(signing_date(box) == "2025-02-07");
    CHECK(date_from_signature(*read_header_date("Quảng Ngãi, ngày 0† tháng 02 năm 2025"), box) ==
          "2025-02-07");
    CHECK_FALSE(
        date_from_signature(*read_header_date("Quảng Ngãi, ngày @3 tháng 02 năm 2025"), box));
    CHECK_FALSE(
        date_from_signature(*read_header_date("Quảng Ngãi, ngày 0† tháng 03 năm 2025"), box));
    CHECK(date_from_signature(*read_header_date("Quảng Ngãi, ngày tháng 02 năm 2025"), box) ==
          "2025-02-07");  // nothing read of the day: the signing date stands
    CHECK(date_from_signature(*read_header_date("Quảng Ngãi, ngàW† tháng 02 năm 2025"), box) ==
          "2025-02-07");
    CHECK_FALSE(date_from_signature(*read_header_date("Quảng Ngãi, ngày 05 tháng 02 năm 2025"),
                                    box));  // a day printed: never replaced

    // Through the parser: codes kept, the numeral missing; the month's date from the signature.
    const std::string text =
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: O{_ /TB-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT "
        "NAM\nĐộc lập - Tự do - Hạnh phúc\nQuảng Ngãi, ngày 0† tháng 02 năm 2025\n\nTHÔNG "
        "BẢO\n\nVề việc thụ lý" +
        box;
    const Directive d = parse_directive(text, analyze(text));
    CHECK_FALSE(d.number.has_value());
    REQUIRE(d.number_codes);
    CHECK(d.number_codes->value == "TB-UBND");
    REQUIRE(d.date);
    CHECK(d.date->value == "2025-02-07");
    CHECK(d.date->source == FieldSource::Signature);
    REQUIRE(d.type);
    CHECK(d.type->value == "Thông báo");
    const auto json = to_json(d);
    CHECK(json["date"]["source"] == "signature");
}

TEST_CASE("a file holding a công văn and the quyết định it sends says more documents follow",
          "[ocr]") {
    const std::string cong_van =
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 12/UBND-KT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n\nKính gửi: Sở Tài chính\n\nGửi kèm Quyết định số "
        "5/QĐ-UBND.\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A\n";
    const std::string quyet_dinh =
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 5/QĐ-UBND\n\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nQUYẾT ĐỊNH\nVề việc phê duyệt\nNơi nhận:\n- Lưu: VT.\n";
    CHECK(following_documents(cong_van).empty());
    const auto more = following_documents(cong_van + "\n" + quyet_dinh);
    REQUIRE(more.size() == 1);
    CHECK(more.front() == "ỦY BAN NHÂN DÂN");
    // The motto quoted in the body, or a second page of the same document, is no new document.
    CHECK(following_documents(cong_van + "\nTheo mẫu của Cộng hòa xã hội chủ nghĩa Việt Nam.\n")
              .empty());
    const Directive d =
        parse_directive(cong_van + "\n" + quyet_dinh, analyze(cong_van + "\n" + quyet_dinh));
    REQUIRE(d.number);
    CHECK(d.number->value == "12/UBND-KT");
    REQUIRE(d.signer);
    CHECK(d.signer->value == "Nguyễn Văn A");
}

TEST_CASE("province names and signers' syllables are set right, nothing else", "[ocr]") {
    struct Case {
        const char* read;
        const char* corrected;  // nullptr: left as read
    };
    for (const Case& c :
         {Case{"Ủy ban nhân dân Tĩnh Quang Ngaài", "Ủy ban nhân dân tỉnh Quảng Ngãi"},
          Case{"Ủy ban nhân dân tỉnh Phu Thọ", "Ủy ban nhân dân tỉnh Phú Thọ"},
          Case{"Sở Y tế tỉnh Glá Lai", "Sở Y tế tỉnh Gia Lai"},
          Case{"Ủy ban nhân dân tỉnh Quảng Ngãi", nullptr},
          Case{"Ủy ban nhân dân tỉnh Hà Tĩnh", nullptr},
          Case{"Ủy ban nhân dân tỉnh Xyz", nullptr},  // no province near
          Case{"Bộ Tài chính", nullptr}}) {
        INFO(c.read);
        std::string name = c.read;
        CHECK(correct_province_in_name(name) == (c.corrected != nullptr));
        CHECK(name == (c.corrected ? c.corrected : c.read));
    }
    Directive d;
    d.signer = Sourced<std::string>{"Nguyễn Hoàng Glang", FieldSource::Signature};
    correct_ocr_names(d);
    CHECK(d.signer->value == "Nguyễn Hoàng Giang");
    CHECK(d.signer->ocr_corrected);
    d.signer = Sourced<std::string>{"Trần Hoàng Tuần", FieldSource::Signature};
    correct_ocr_names(d);
    CHECK(d.signer->value == "Trần Hoàng Tuần");  // a wrong mark on a real word: not free text
    CHECK_FALSE(d.signer->ocr_corrected);
}

TEST_CASE("a seal that hid the titles and the family name's first letters leaves the name",
          "[ocr]") {
    // r11 of the real files: a black seal over `TM. ỦY BAN NHÂN DÂN` / `CHỦ TỊCH` and the `Ph`
    // of Phạm; OCR keeps `ạm Trường Thọ` just above the `Nơi nhận` list.
    const auto signer_of = [](const std::string& name_line) {
        const std::string text =
            "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: /CT-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nCHỈ THỊ\nVề việc thi hành án\n\nCác sở thực hiện "
            "nghiêm túc Chỉ thị này./.\n\n" +
            name_line + "\n\nNơi nhận:\n- Văn phòng Chính phủ;\n- Lưu: VT.\n";
        return parse_directive(text, analyze(text)).signer;
    };
    const auto clipped = signer_of("ạm Trường Thọ");
    REQUIRE(clipped);
    CHECK(clipped->value == "Phạm Trường Thọ");
    CHECK(clipped->ocr_corrected);
    const auto whole = signer_of("Phạm Trường Thọ");
    REQUIRE(whole);
    CHECK(whole->value == "Phạm Trường Thọ");
    CHECK_FALSE(whole->ocr_corrected);
    // `ương` ends Dương, Trương, Lương, Vương: no family name is chosen, none invented.
    CHECK_FALSE(signer_of("ương Văn Hùng"));
    // `an` is a family name itself, and a line of the body is no name.
    CHECK_FALSE(signer_of("an Văn Hùng"));
    CHECK_FALSE(signer_of("ạm vi trách nhiệm"));
}
