#include "source_files.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>

#include "analyzers/text_normalizer.hpp"
#include "analyzers/utf8.hpp"
#include "index/source_format.hpp"

namespace tracuu {
namespace fs = std::filesystem;

bool is_supported_source(const fs::path& path) {
    return format_from_extension(path).has_value();
}

namespace {

bool is_hidden(const fs::path& p) {
    const std::string name = p.filename().string();
    return !name.empty() && name.front() == '.';
}

}  // namespace

std::string source_id(const fs::path& file, const fs::path& root) {
    const fs::path relative = fs::absolute(file).lexically_normal().lexically_relative(root);
    if (relative.empty()) return {};
    const std::string first = relative.begin()->string();
    if (first == ".." || first == ".") return {};
    std::string id = relative.generic_string();
    return normalize_text(id);  // NFD file names (macOS) give the same id as NFC ones
}

int64_t source_mtime_ns(const fs::path& path) {
    std::error_code ec;
    const auto time = fs::last_write_time(path, ec);
    if (ec) return 0;
    return std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch()).count();
}

namespace {

/// `name` with each byte that is not part of UTF-8 written `\xF4`: printable, and two such
/// names stay apart.
std::string escaped_name(std::string_view name) {
    std::string out;
    for (std::size_t pos = 0; pos < name.size();) {
        const std::size_t start = pos;
        const char32_t c = utf8::next(name, pos);
        if (c == utf8::kReplacement && name.substr(start, pos - start) != "\xEF\xBF\xBD") {
            for (std::size_t i = start; i < pos; ++i) {
                char hex[5];
                std::snprintf(hex, sizeof hex, "\\x%02X", static_cast<unsigned char>(name[i]));
                out += hex;
            }
        } else {
            out.append(name, start, pos - start);
        }
    }
    return out;
}

void add_file(Discovery& d, const fs::path& file, const fs::path& root) {
    if (!utf8::is_valid(file.string())) {
        // Its id could not name it again (the server's link to the original, --prune).
        d.failed.push_back(
            {escaped_name(file.string()), "the file name is not UTF-8 text; rename the file"});
        return;
    }
    std::string id = source_id(file, root);
    if (id.empty()) {
        d.failed.push_back({file.string(), "outside the index root " + root.string() +
                                               " (ids are paths relative to it; see --root)"});
        return;
    }
    std::error_code ec;
    const uint64_t size = fs::file_size(file, ec);
    d.files.push_back({file, std::move(id), ec ? 0 : size, source_mtime_ns(file)});
}

}  // namespace

Discovery discover_sources(const std::vector<fs::path>& inputs, const fs::path& root) {
    Discovery d;
    for (const fs::path& input : inputs) {
        std::error_code ec;
        const fs::file_status status = fs::status(input, ec);
        if (ec || !fs::exists(status)) {
            d.failed.push_back({input.string(), "no such file or directory"});
            continue;
        }
        if (fs::is_regular_file(status)) {
            if (is_supported_source(input) || !input.has_extension()) {
                add_file(d, input, root);
            } else {
                d.failed.push_back(
                    {input.string(),
                     "unsupported file type '" + input.extension().string() +
                         "' (reads .txt, .html, .docx, .doc, .pdf, .png, .jpg, .tif)"});
            }
            continue;
        }
        if (!fs::is_directory(status)) {
            d.failed.push_back({input.string(), "not a regular file or directory"});
            continue;
        }
        fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied,
                                            ec);
        if (ec) {
            d.failed.push_back({input.string(), "cannot read directory: " + ec.message()});
            continue;
        }
        for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (ec) {
                d.failed.push_back({it->path().string(), "cannot read: " + ec.message()});
                break;
            }
            const fs::path& p = it->path();
            if (is_hidden(p)) {
                if (it->is_directory()) it.disable_recursion_pending();
                continue;
            }
            if (!it->is_regular_file()) continue;
            if (is_supported_source(p)) {
                add_file(d, p, root);
            } else {
                d.skipped.push_back({p.string(), "unsupported file type"});
            }
        }
    }
    std::sort(d.files.begin(), d.files.end(), [](const SourceFile& a, const SourceFile& b) {
        return a.id != b.id ? a.id < b.id : a.path < b.path;
    });
    // The same file named twice among the inputs is one; two files with one id (names that
    // differ only in Unicode normalization) are one document: the second is refused, said so.
    std::vector<SourceFile> unique;
    for (SourceFile& f : d.files) {
        if (!unique.empty() && unique.back().id == f.id) {
            std::error_code ec;
            if (!fs::equivalent(unique.back().path, f.path, ec)) {
                d.failed.push_back({f.path.string(), "another file has the same id '" + f.id +
                                                         "' (" + unique.back().path.string() +
                                                         "): their names differ only in Unicode "
                                                         "normalization; rename one"});
            }
            continue;
        }
        unique.push_back(std::move(f));
    }
    d.files = std::move(unique);
    return d;
}

namespace {

std::string describe_bytes(uint64_t bytes) {
    char text[32];
    if (bytes >= (1u << 20)) {
        std::snprintf(text, sizeof text, "%.1f MiB", bytes / 1048576.0);
    } else if (bytes >= 1024) {
        std::snprintf(text, sizeof text, "%.1f KiB", bytes / 1024.0);
    } else {
        std::snprintf(text, sizeof text, "%llu bytes", static_cast<unsigned long long>(bytes));
    }
    return text;
}

}  // namespace

void check_source_size(uint64_t size, uint64_t max_bytes) {
    if (size == 0) throw SourceError("empty file (0 bytes)");
    if (size > max_bytes) {
        throw SourceError("file too large (" + describe_bytes(size) + ", limit " +
                          describe_bytes(max_bytes) + "; see --max-size)");
    }
}

std::string read_source_bytes(const fs::path& path, uint64_t max_bytes) {
    std::error_code ec;
    const uint64_t size = fs::file_size(path, ec);
    if (ec) throw SourceError("cannot read: " + ec.message());
    check_source_size(size, max_bytes);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw SourceError("cannot open for reading");
    std::string bytes(size, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    if (in.bad()) throw SourceError("read error");
    return bytes;
}

}  // namespace tracuu
