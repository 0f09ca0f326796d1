// tracuu-synth: writes any number of realistic synthetic directives, for the scale curve.
// Usage: tracuu-synth --count N [--seed S] --out DIR SOURCE_DIR...
//
// Everything a generated directive holds is drawn from real documents (SOURCE_DIR: the seeds and
// ../shared/corpus): issuing bodies with their parents and places, subjects with their types,
// body paragraphs, citations (number, type, date, issuer) and signers, as our own parser reads
// them. Numbers, dates and the citation graph (later documents cite earlier ones) are generated.
// The same sources and seed always give the same files. Files go to DIR/NNNN/NNNNNNN.txt.
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "analyzers/utf8.hpp"
#include "indexer/document_preparation.hpp"
#include "indexer/source_extraction.hpp"
#include "indexer/source_files.hpp"
#include "indexer/text_lines.hpp"

namespace fs = std::filesystem;
using namespace tracuu;

namespace {

struct Body {
    std::string parent, issuer, place, code;
};
struct Subject {
    std::string type, text;
};
struct Cited {
    std::string type, number, date, issuer;
};
struct Signer {
    std::string authority, title, name;
};

struct Pools {
    std::vector<Body> bodies;
    std::vector<Subject> subjects;
    std::vector<std::string> paragraphs;
    std::vector<Cited> citations;
    std::vector<Signer> signers;
    std::vector<std::string> recipients;
};

std::string upper(std::string_view s) {
    std::string out;
    std::size_t pos = 0;
    while (pos < s.size()) {
        utf8::append(out,
                     static_cast<char32_t>(u_toupper(static_cast<UChar32>(utf8::next(s, pos)))));
    }
    return out;
}

std::string field(const nlohmann::json& f, const char* name) {
    return f.contains(name) ? f[name]["value"].get<std::string>() : std::string();
}

bool is_boilerplate(std::string_view p) {
    for (std::string_view marker :
         {"THƯ VIỆN PHÁP LUẬT", "Đang tải", "Văn bản liên quan", "Tình trạng", "Số hiệu",
          "Loại văn bản", "Đã biết", "Đang cập nhật", "Cập nhật:", "Tiếng Anh", "đăng nhập",
          "Đăng nhập", "Nơi nhận", "Kính gửi"}) {
        if (p.find(marker) != std::string_view::npos) return true;
    }
    return false;
}

/// Paragraphs: blocks between blank lines, hard line breaks joined.
void add_paragraphs(Pools& pools, std::string_view text) {
    std::string block;
    auto flush = [&] {
        const std::string p = collapse_spaces(block);
        block.clear();
        if (p.size() < 120 || p.size() > 900 || is_boilerplate(p)) return;
        if (static_cast<double>(letter_count(p)) < 0.6 * static_cast<double>(p.size()) / 1.4)
            return;
        pools.paragraphs.push_back(p);
    };
    for (const Line& line : split_lines(text)) {
        if (line.blank()) {
            flush();
        } else {
            block += " ";
            block += line.text;
        }
    }
    flush();
}

Pools read_sources(const std::vector<fs::path>& dirs) {
    Pools pools;
    const Discovery found = discover_sources(dirs, "/");
    std::set<std::string> seen_bodies, seen_citations, seen_signers;
    for (const SourceFile& file : found.files) {
        PreparedDocument doc;
        try {
            doc = prepare_document(file.id, extract_file(file.path, {}).text);
        } catch (const std::exception&) {
            continue;
        }
        const auto& f = doc.record.fields;
        const std::string issuer = field(f, "issuer");
        if (!issuer.empty() && f["issuer"]["source"] == "header") {
            std::string code;
            if (doc.directive.number_parts && !doc.directive.number_parts->codes.empty()) {
                code = doc.directive.number_parts->codes.back();
            }
            Body b{field(f, "parent_issuer"), issuer, field(f, "place"),
                   code.empty() ? "UBND" : code};
            if (seen_bodies.insert(b.parent + "|" + b.issuer + "|" + b.place).second)
                pools.bodies.push_back(b);
        }
        const std::string subject = field(f, "subject");
        const std::string type = field(f, "type");
        if (!subject.empty() && !type.empty() && subject.size() < 400)
            pools.subjects.push_back({type, subject});
        for (const auto& c : f["citations"]) {
            if (c.value("partial", false) || !c.contains("type") || !c.contains("date")) continue;
            Cited cited{c["type"], c["number"], c["date"], c.value("issuer", "")};
            if (seen_citations.insert(cited.number).second) pools.citations.push_back(cited);
        }
        if (f.contains("signer") && f.contains("signer_title")) {
            Signer s{field(f, "signer_authority"), field(f, "signer_title"), field(f, "signer")};
            if (seen_signers.insert(s.name).second) pools.signers.push_back(s);
        }
        if (f.contains("recipients")) {
            for (const auto& r : f["recipients"]["value"]) {
                const std::string text = r.get<std::string>();
                if (text.size() < 120) pools.recipients.push_back(text);
            }
        }
        add_paragraphs(pools, doc.record.text);
    }
    return pools;
}

const char* type_code(const std::string& type) {
    if (type == "Quyết định") return "QĐ";
    if (type == "Kế hoạch") return "KH";
    if (type == "Thông báo") return "TB";
    if (type == "Nghị quyết") return "NQ";
    if (type == "Chỉ thị") return "CT";
    if (type == "Báo cáo") return "BC";
    if (type == "Tờ trình") return "TTr";
    if (type == "Hướng dẫn") return "HD";
    return "";
}

class Generator {
  public:
    Generator(const Pools& pools, uint64_t seed) : p_(pools), rng_(seed) {}

    std::string document(std::size_t index) {
        const Body& body = pick(p_.bodies);
        const Subject& subject = pick(p_.subjects);
        const int year = uniform(2019, 2026);
        const int month = uniform(1, 12);
        const int day = uniform(1, 28);
        const std::string code = type_code(subject.type);
        const int numeral = uniform(1, 15000);
        std::string number;
        if (code.empty()) {
            number = std::to_string(numeral) + "/" + body.code + "-VP";
        } else if (code == "QĐ" && uniform(0, 3) == 0) {
            number =
                std::to_string(numeral % 200 + 1) + "/" + std::to_string(year) + "/QĐ-" + body.code;
        } else {
            number = std::to_string(numeral) + "/" + code + "-" + body.code;
        }
        own_numbers_.push_back({subject.type, number, iso(year, month, day), body.issuer});

        std::string d;
        if (!body.parent.empty()) d += upper(body.parent) + "\n";
        d += upper(body.issuer) +
             "\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n";
        d += "Số: " + number + "\n";
        if (code.empty()) d += "V/v " + subject.text + "\n";
        d += (body.place.empty() ? std::string("Hà Nội") : body.place) + ", ngày " +
             std::to_string(day) + " tháng " + std::to_string(month) + " năm " +
             std::to_string(year) + "\n\n";
        if (!code.empty()) d += upper(subject.type) + "\n" + subject.text + "\n\n";
        if (code.empty() && !p_.recipients.empty()) {
            d += "Kính gửi:\n";
            for (int r = uniform(1, 4); r > 0; --r) d += "- " + pick(p_.recipients) + ";\n";
            d += "\n";
        }
        for (int c = uniform(1, 3); c > 0; --c) {
            const Cited& cited = cite();
            d += "Căn cứ " + cited.type + " số " + cited.number + " ngày " + dmy(cited.date) +
                 (cited.issuer.empty() ? "" : " của " + cited.issuer) + ";\n";
        }
        d += "\n";
        for (int k = uniform(3, 12); k > 0; --k) d += pick(p_.paragraphs) + "\n\n";
        d += "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\n";
        if (!p_.signers.empty()) {
            const Signer& s = pick(p_.signers);
            if (!s.authority.empty()) d += s.authority + "\n";
            d += s.title + "\n\n" + s.name + "\n";
        }
        (void)index;
        return d;
    }

  private:
    template <class T>
    const T& pick(const std::vector<T>& v) {
        return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng_)];
    }
    int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

    static std::string iso(int y, int m, int d) {
        char buf[11];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        return buf;
    }
    static std::string dmy(const std::string& iso_date) {
        return iso_date.substr(8, 2) + "/" + iso_date.substr(5, 2) + "/" + iso_date.substr(0, 4);
    }

    /// Real citations mostly; a third of the time an earlier generated document, so the citation
    /// graph grows with the corpus.
    const Cited& cite() {
        // The last entry is the document being written: it does not cite itself.
        if (own_numbers_.size() > 1 && uniform(0, 2) == 0) {
            return own_numbers_[std::uniform_int_distribution<std::size_t>(
                0, own_numbers_.size() - 2)(rng_)];
        }
        return pick(p_.citations);
    }

    const Pools& p_;
    std::mt19937_64 rng_;
    std::vector<Cited> own_numbers_;
};

}  // namespace

int main(int argc, char** argv) try {
    std::size_t count = 0;
    uint64_t seed = 20251123;
    fs::path out;
    std::vector<fs::path> sources;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--count" && i + 1 < argc) {
            count = std::stoull(argv[++i]);
        } else if (arg == "--seed" && i + 1 < argc) {
            seed = std::stoull(argv[++i]);
        } else if (arg == "--out" && i + 1 < argc) {
            out = argv[++i];
        } else {
            sources.emplace_back(arg);
        }
    }
    if (count == 0 || out.empty() || sources.empty()) {
        std::fprintf(stderr, "usage: tracuu-synth --count N [--seed S] --out DIR SOURCE_DIR...\n");
        return 2;
    }
    const Pools pools = read_sources(sources);
    if (pools.bodies.empty() || pools.subjects.empty() || pools.paragraphs.empty() ||
        pools.citations.empty()) {
        std::fprintf(stderr,
                     "tracuu-synth: the sources gave too little to build directives from\n");
        return 1;
    }
    std::fprintf(
        stderr,
        "tracuu-synth: %zu bodies, %zu subjects, %zu paragraphs, %zu citations, %zu signers\n",
        pools.bodies.size(), pools.subjects.size(), pools.paragraphs.size(), pools.citations.size(),
        pools.signers.size());
    Generator generator(pools, seed);
    uint64_t bytes = 0;
    for (std::size_t i = 0; i < count; ++i) {
        char dir[32], name[32];
        std::snprintf(dir, sizeof dir, "%04zu", i / 1000);
        std::snprintf(name, sizeof name, "%07zu.txt", i);
        const fs::path path = out / dir / name;
        if (i % 1000 == 0) fs::create_directories(path.parent_path());
        const std::string text = generator.document(i);
        std::ofstream(path, std::ios::binary) << text;
        bytes += text.size();
    }
    std::fprintf(stderr, "tracuu-synth: %zu documents, %.1f MB in %s\n", count, bytes / 1e6,
                 out.c_str());
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "tracuu-synth: %s\n", e.what());
    return 1;
}
