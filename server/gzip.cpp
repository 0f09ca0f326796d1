#include "gzip.hpp"

#include <zlib.h>

#include <stdexcept>

namespace tracuu {
namespace {

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    }
    return true;
}

/// The weight of one `coding;q=...` element: 1 without q, 0 for q=0 (any spelling of zero).
bool refused(std::string_view parameters) {
    const auto q = parameters.find("q=");
    if (q == std::string_view::npos) return false;
    std::string_view value = trimmed(parameters.substr(q + 2));
    value = value.substr(0, value.find(';'));
    for (char c : value) {
        if (c != '0' && c != '.') return false;
    }
    return true;
}

}  // namespace

bool accepts_gzip(std::string_view header) {
    bool gzip = false, gzip_listed = false, any = false;
    while (!header.empty()) {
        const auto comma = header.find(',');
        std::string_view element = trimmed(header.substr(0, comma));
        header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
        const auto semicolon = element.find(';');
        const std::string_view coding = trimmed(element.substr(0, semicolon));
        const bool ok = semicolon == std::string_view::npos || !refused(element.substr(semicolon));
        if (iequals(coding, "gzip") || iequals(coding, "x-gzip")) {
            gzip_listed = true;
            gzip = gzip || ok;
        } else if (coding == "*") {
            any = ok;
        }
    }
    return gzip_listed ? gzip : any;
}

std::string gzip_compress(std::string_view bytes) {
    z_stream stream{};
    // 15 window bits + 16: a gzip header and trailer rather than zlib's. zlib's default level:
    // a page of 10 results (18 kB) becomes 3.4 kB, at level 1 4.0 kB, in about the same time.
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
        Z_OK) {
        throw std::runtime_error("zlib: deflateInit2 failed");
    }
    std::string out(deflateBound(&stream, static_cast<uLong>(bytes.size())), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    stream.avail_in = static_cast<uInt>(bytes.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int result = deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    if (result != Z_STREAM_END) throw std::runtime_error("zlib: deflate did not finish");
    return out;
}

}  // namespace tracuu
