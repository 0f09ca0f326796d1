// Layouts the parser met on a legal-document website's pages (../shared/corpus/legal-2025) and
// once got wrong, one row each: the page's lines as the site writes them, and the fields a
// careful reader takes from them (empty: the text does not give it, so the parser must not).
#include <catch2/catch.hpp>

#include "indexer/document_builder.hpp"
#include "indexer/document_preparation.hpp"
#include "indexer/issuer_label.hpp"

using namespace tracuu;

namespace {

struct Layout {
    const char* name;
    const char* text;
    const char* number;
    const char* type;
    const char* issuer;
    const char* date;
    const char* signer;
    const char* number_source = "";  ///< checked when given
};

std::string value(const nlohmann::json& fields, const char* name) {
    return fields.contains(name) ? fields[name].value("value", "") : "";
}

const Layout kLayouts[] = {
    {"the enacting body's name right under the subject, no blank line between",
     "ỦY BAN THƯỜNG VỤ QUỐC HỘI\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "Độc lập - Tự do - Hạnh phúc\nSố: 1654/NQ-UBTVQH15\nHà Nội, ngày 16 tháng 6 năm 2025\n"
     "NGHỊ QUYẾT\nVỀ VIỆC SẮP XẾP CÁC ĐƠN VỊ HÀNH CHÍNH CẤP XÃ\nỦY BAN THƯỜNG VỤ QUỐC HỘI\n"
     "Căn cứ Hiến pháp;\nQUYẾT NGHỊ:\nĐiều 1. Sắp xếp.\nTM. ỦY BAN THƯỜNG VỤ QUỐC HỘI\n"
     "CHỦ TỊCH\nTrần Thanh Mẫn\n",
     "1654/NQ-UBTVQH15", "Nghị quyết", "Ủy ban Thường vụ Quốc hội", "2025-06-16", "Trần Thanh Mẫn"},
    {"a rule drawn beside the issuer's name, and markdown around it",
     "# **ỦY BAN NHÂN DÂN**\nTỈNH HÀ TĨNH --------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "Độc lập - Tự do - Hạnh phúc\nSố: 3004/QĐ-UBND\nHà Tĩnh, ngày 01 tháng 12 năm 2025\n"
     "QUYẾT ĐỊNH\nVỀ VIỆC PHÊ DUYỆT KẾ HOẠCH\nCăn cứ Luật;\nNơi nhận:\n- Như trên;\n"
     "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Hồng Lĩnh\n",
     "3004/QĐ-UBND", "Quyết định", "Ủy ban nhân dân tỉnh Hà Tĩnh", "2025-12-01",
     "Nguyễn Hồng Lĩnh"},
    {"a date line without the comma after the place",
     "CHÍNH PHỦ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
     "Số: 386/NQ-CP\nHà Nội ngày 01\ntháng 12 năm 2025\nNGHỊ QUYẾT\nVỀ VIỆC TIẾP THU DỰ ÁN LUẬT\n"
     "CHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ;\nQUYẾT NGHỊ:\nĐiều 1. Thông qua.\n"
     "Nơi nhận:\n- Như trên;\nTM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\nHồ Đức Phớc\n",
     "386/NQ-CP", "Nghị quyết", "Chính phủ", "2025-12-01", "Hồ Đức Phớc"},
    {"a month glued to its number",
     "ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG THÁP\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "Độc lập - Tự do - Hạnh phúc\nSố: 617/KH-UBND\nĐồng Tháp, ngày 01 tháng12 năm 2025\n"
     "KẾ HOẠCH\nCHUYỂN ĐỔI SỐ CHO DOANH NGHIỆP\nThực hiện Kế hoạch của tỉnh.\nNơi nhận:\n"
     "- Như trên;\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nHuỳnh Minh Tuấn\n",
     "617/KH-UBND", "Kế hoạch", "Ủy ban nhân dân tỉnh Đồng Tháp", "2025-12-01", "Huỳnh Minh Tuấn"},
    {"a unit's dotted code ends the number",
     "VĂN PHÒNG CHÍNH PHỦ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "Độc lập - Tự do - Hạnh phúc\nSố: 11554/VPCP-V.I\nV/v triển khai kết luận\n"
     "Hà Nội, ngày 26 tháng 11 năm 2025\nKính gửi: Bộ Xây dựng.\nVăn phòng Chính phủ thông "
     "báo.\nNơi nhận:\n- Như trên;\nKT. BỘ TRƯỞNG, CHỦ NHIỆM\nPHÓ CHỦ NHIỆM\nPhạm Mạnh Cường\n",
     "11554/VPCP-V.I", "Công văn", "Văn phòng Chính phủ", "2025-11-26", "Phạm Mạnh Cường"},
    {"the council's name broken after its first word",
     "HỘI\nĐỒNG NHÂN DÂN THÀNH PHỐ HUẾ\n-------\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\n"
     "Độc lập - Tự do - Hạnh phúc\nSố: 36/2025/NQ-HĐND\nThành phố Huế, ngày 18 tháng 11 năm 2025\n"
     "NGHỊ QUYẾT\nQUY ĐỊNH VỀ HỌC PHÍ\nCăn cứ Luật;\nNơi nhận:\n- Như trên;\nCHỦ\nTỊCH\n"
     "Lê Trường Lưu\n",
     "36/2025/NQ-HĐND", "Nghị quyết", "Hội đồng nhân dân thành phố Huế", "2025-11-18",
     "Lê Trường Lưu"},
    {"the chair's authority line broken inside ỦY BAN",
     "CHỦ TỊCH ỦY\nBAN NHÂN DÂN TỈNH ĐỒNG THÁP\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "Độc lập - Tự do - Hạnh phúc\nSố: 44/2025/QĐ-CTUBND\nĐồng Tháp, ngày 20 tháng 11 năm 2025\n"
     "QUYẾT ĐỊNH\nPHÂN CẤP THẨM QUYỀN\nCăn cứ Luật;\nNơi nhận:\n- Như trên;\nKT. CHỦ TỊCH\n"
     "PHÓ CHỦ TỊCH\nNguyễn Tuấn\nThanh\n",
     "44/2025/QĐ-CTUBND", "Quyết định", "Chủ tịch Ủy ban nhân dân tỉnh Đồng Tháp", "2025-11-20",
     "Nguyễn Tuấn Thanh"},
    {"a body's name holding words that are also abbreviations",
     "BAN CHỈ ĐẠO NHÀ NƯỚC VỀ DU LỊCH\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "Độc lập - Tự do - Hạnh phúc\nSố: 12/TB-BCĐ\nHà Nội, ngày 03 tháng 12 năm 2025\nTHÔNG BÁO\n"
     "KẾT LUẬN PHIÊN HỌP\nNơi nhận:\n- Như trên;\nKT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\n"
     "Nguyễn Văn Hùng\n",
     "12/TB-BCĐ", "Thông báo", "Ban Chỉ đạo Nhà Nước Về Du Lịch", "2025-12-03", "Nguyễn Văn Hùng"},
    {"a consolidated text headed by the act it consolidates",
     "BỘ QUỐC PHÒNG\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
     "Số: 89/VBHN-BQP\nHà Nội, ngày 24 tháng 11 năm 2025\nQUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH QUY CHẾ\n"
     "Nơi nhận:\n- Như trên;\nXÁC THỰC VĂN BẢN HỢP NHẤT\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n"
     "Đại\ntướng Nguyễn Tân Cương\n",
     "89/VBHN-BQP", "Văn bản hợp nhất", "Bộ Quốc phòng", "2025-11-24", "Nguyễn Tân Cương"},
    {"a Party regulation numbered with QĐ",
     "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nĐẢNG CỘNG SẢN VIỆT NAM\n---------------\nSố 383-QĐ/TW\n"
     "Hà Nội, ngày 19\ntháng 11 năm 2025\nQUY ĐỊNH\nVỀ PHÔNG LƯU TRỮ ĐẢNG CỘNG SẢN VIỆT NAM\n"
     "-----\n- Căn cứ Điều lệ Đảng;\nNơi nhận:\n- Như trên;\nT/M BAN BÍ THƯ\nTrần Cẩm Tú\n",
     "383-QĐ/TW", "Quy định", "Ban Chấp hành Trung ương", "2025-11-19", "Trần Cẩm Tú"},
    {"a letter without its header: a sentence fragment is no issuer",
     "Kính gửi: Các Bộ, cơ quan ngang Bộ\nThực hiện Kết luận, Ban Chỉ đạo đã giao các Bộ khẩn "
     "trương rà soát.\nĐề nghị các Bộ báo cáo.\nNơi nhận:\n- Như trên;\nKT. TRƯỞNG BAN\n"
     "PHÓ TRƯỞNG BAN\nPhạm Thị Thanh Trà\n",
     "", "", "", "", "Phạm Thị Thanh Trà"},
    {"a letter without its header: a body the tables know is read from the body",
     "Kính gửi: Thuế tỉnh An Giang.\nCục Thuế nhận được công văn số 100/AGI-QLDN1 ngày "
     "17/7/2025 của Thuế tỉnh An Giang.\nNơi nhận:\n- Như trên;\nTL. CỤC TRƯỞNG\nPHÓ TRƯỞNG BAN\n"
     "Mạnh Thị Tuyết Mai\n",
     "", "", "Cục Thuế", "", "Mạnh Thị Tuyết Mai"},
    {"no header: the act named under its title",
     "QUYẾT ĐỊNH\nPHÊ DUYỆT NHIỆM VỤ LẬP QUY HOẠCH\nTHỦ TƯỚNG CHÍNH PHỦ\nCăn cứ Luật Tổ chức "
     "Chính phủ;\nQUYẾT ĐỊNH:\nĐiều 1. Phê duyệt.\nNơi nhận:\n- Như trên;\nKT. THỦ TƯỚNG\n"
     "PHÓ THỦ TƯỚNG\nMai Văn Chính\n",
     "", "Quyết định", "Thủ tướng Chính phủ", "", "Mai Văn Chính"},
    {"no Số line: the number in the site's title",
     "Kính gửi: Thuế tỉnh Tây Ninh.\nCục Thuế nhận được công văn của Thuế tỉnh Tây Ninh.\n"
     "Nơi nhận:\n- Như trên;\nTL. CỤC TRƯỞNG\nTRƯỞNG BAN\nNguyễn Thị Thanh Hằng\n"
     "Công văn 5402/CT-CS năm 2025 trả lời kiến nghị do Cục Thuế ban hành\n",
     "5402/CT-CS", "Công văn", "Cục Thuế", "", "Nguyễn Thị Thanh Hằng", "title"},
    {"no Số line: the number and day in the site's title at the top",
     "Quyết định 3608/QĐ-BYT ngày 21/11/2025 về các quy trình giải quyết thủ tục hành chính do Bộ "
     "trưởng Bộ Y tế ban hành\nVăn bản này đang cập nhật.\n",
     "3608/QĐ-BYT", "Quyết định", "Bộ Y tế", "2025-11-21", "", "title"},
    {"no Số line: the number in an annex's note",
     "NGHỊ ĐỊNH\nQUY ĐỊNH THỰC HIỆN LIÊN THÔNG ĐIỆN TỬ\nCăn cứ Luật Tổ chức Chính phủ;\n"
     "Điều 1. Phạm vi.\nNơi nhận:\n- Như trên;\nTM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n"
     "Phạm Thị Thanh Trà\nPHỤ LỤC\n(Kèm theo Nghị định số 297/2025/NĐ-CP ngày 17 tháng 11 năm "
     "2025 của\nChính phủ)\nMẫu số 01\n",
     "297/2025/NĐ-CP", "Nghị định", "Chính phủ", "2025-11-17", "Phạm Thị Thanh Trà", "title"},
    {"no Số line: a number cited at the start of a line is not the page's",
     "Quyết định số 2496/QĐ-BVHTTDL ngày 26 tháng 8 năm 2024 của Bộ trưởng hết hiệu lực.\n"
     "Quyết định 2416/QĐ-UBND ngày 12/3/2025 của Chủ tịch Ủy ban nhân dân tỉnh.\nSTT\n1.004610\n",
     "", "", "", "", ""},
};

}  // namespace

TEST_CASE("layouts of a legal-document website's pages, row by row", "[parser][layouts]") {
    for (const Layout& l : kLayouts) {
        SECTION(l.name) {
            const PreparedDocument d = prepare_document("layout", l.text);
            const auto& f = d.record.fields;
            INFO(f.dump(1));
            CHECK(value(f, "number") == l.number);
            CHECK(value(f, "type") == l.type);
            CHECK(value(f, "issuer") == l.issuer);
            CHECK(value(f, "date") == l.date);
            CHECK(value(f, "signer") == l.signer);
            if (*l.number_source) CHECK(f["number"].value("source", "") == l.number_source);
        }
    }
}

TEST_CASE("an issuer read from the body is searchable but never a facet value",
          "[parser][layouts]") {
    const PreparedDocument d = prepare_document(
        "body", "Kính gửi: Thuế tỉnh An Giang.\nCục Thuế nhận được công văn của Thuế tỉnh.\n");
    REQUIRE(d.directive.issuer.has_value());
    CHECK(d.directive.issuer->source == FieldSource::Body);
    CHECK(issuer_label(d.directive).empty());
}

TEST_CASE("a subject ends at the enacting body's name on the line under it", "[parser][layouts]") {
    const PreparedDocument d = prepare_document(
        "layout",
        "ỦY BAN THƯỜNG VỤ QUỐC HỘI\nSố: 1654/NQ-UBTVQH15\nHà Nội, ngày 16 tháng 6 năm 2025\n"
        "NGHỊ QUYẾT\nVỀ VIỆC SẮP XẾP CÁC ĐƠN VỊ HÀNH CHÍNH CẤP XÃ CỦA TỈNH AN GIANG NĂM 2025\n"
        "ỦY BAN THƯỜNG VỤ QUỐC HỘI\nCăn cứ Hiến pháp;\nQUYẾT NGHỊ:\nĐiều 1. Sắp xếp\n");
    CHECK(value(d.record.fields, "subject") ==
          "VỀ VIỆC SẮP XẾP CÁC ĐƠN VỊ HÀNH CHÍNH CẤP XÃ CỦA TỈNH AN GIANG NĂM 2025");
}

TEST_CASE("header cells flattened onto one line are read as the cells they were",
          "[parser][layouts]") {
    struct Row {
        const char* name;
        const char* text;
        const char* subject;
        const char* type;
        const char* number;
        const char* date;
    };
    const Row rows[] = {
        {"the number and the subject on one line",
         "UBND TỈNH GIA LAI\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\n"
         "Số: 2265/SGDĐT-VP    V/v triển khai Thông báo số 552/TB-VPCP\n"
         "Gia Lai, ngày 29 tháng 10 năm 2025\n\nKính gửi: Các đơn vị.\n\nNội dung.\n",
         "triển khai Thông báo số 552/TB-VPCP", "Công văn", "2265/SGDĐT-VP", "2025-10-29"},
        {"a pandoc pipe table: the subject beside the place and date",
         "| **ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |\n"
         "|---|---|\n| Số: 12/UBND-KGVX | Độc lập - Tự do - Hạnh phúc |\n"
         "| V/v thực hiện chuyển đổi số | *Đồng Nai, ngày 3 tháng 10 năm 2025* |\n\n"
         "Kính gửi: Các Sở\n\nNội dung.\n",
         "thực hiện chuyển đổi số", "Công văn", "12/UBND-KGVX", "2025-10-03"},
        // Not a cell: a subject naming a day is the subject, whole.
        {"a subject that names a day",
         "UBND TỈNH GIA LAI\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 2266/SGDĐT-VP\n"
         "V/v tổ chức hội nghị ngày 15 tháng 11 năm 2025\nGia Lai, ngày 29 tháng 10 năm 2025\n\n"
         "Kính gửi: Các đơn vị.\n\nNội dung.\n",
         "tổ chức hội nghị ngày 15 tháng 11 năm 2025", "Công văn", "2266/SGDĐT-VP", "2025-10-29"},
    };
    for (const auto& row : rows) {
        INFO(row.name);
        const PreparedDocument d = prepare_document("layout", row.text);
        CHECK(value(d.record.fields, "subject") == row.subject);
        CHECK(value(d.record.fields, "type") == row.type);
        CHECK(value(d.record.fields, "number") == row.number);
        CHECK(value(d.record.fields, "date") == row.date);
    }
}
