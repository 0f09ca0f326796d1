#include "source_files.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "analyzers/text_normalizer.hpp"
#include "analyzers/utf8.hpp"

namespace tracuu {
namespace fs = std::filesystem;

bool is_supported_source(const fs::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    return ext == ".txt";
}

namespace {

bool is_hidden(const fs::path& p) {
    const std::string name = p.filename().string();
    return !name.empty() && name.front() == '.';
}

/// The id of `file` under `root`, or empty when it lies outside.
std::string id_under(const fs::path& file, const fs::path& root) {
    const fs::path relative = fs::absolute(file).lexically_normal().lexically_relative(root);
    if (relative.empty()) return {};
    const std::string first = relative.begin()->string();
    if (first == ".." || first == ".") return {};
    std::string id = relative.generic_string();
    return normalize_text(id);  // NFD file names (macOS) give the same id as NFC ones
}

void add_file(Discovery& d, const fs::path& file, const fs::path& root) {
    std::string id = id_under(file, root);
    if (id.empty()) {
        d.failed.push_back({file.string(), "outside the index root " + root.string() +
                                               " (ids are paths relative to it; see --root)"});
        return;
    }
    std::error_code ec;
    const uint64_t size = fs::file_size(file, ec);
    d.files.push_back({file, std::move(id), ec ? 0 : size});
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
                     "unsupported file type '" + input.extension().string() + "' (reads .txt)"});
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
    std::sort(d.files.begin(), d.files.end(),
              [](const SourceFile& a, const SourceFile& b) { return a.id < b.id; });
    d.files.erase(
        std::unique(d.files.begin(), d.files.end(),
                    [](const SourceFile& a, const SourceFile& b) { return a.id == b.id; }),
        d.files.end());
    return d;
}

void check_text_bytes(const std::string& bytes) {
    if (bytes.empty()) throw SourceError("empty file");
    if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                              (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
        throw SourceError("UTF-16 text; save it as UTF-8");
    }
    const auto nul = bytes.find('\0');
    if (nul != std::string::npos) {
        throw SourceError("binary file (NUL byte at offset " + std::to_string(nul) + ")");
    }
    const auto bad = utf8::first_invalid(bytes);
    if (bad != std::string::npos) {
        throw SourceError("not valid UTF-8 (first bad byte at offset " + std::to_string(bad) +
                          "); convert it to UTF-8");
    }
    const bool blank = std::all_of(bytes.begin(), bytes.end(), [](char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    });
    if (blank) throw SourceError("empty file (whitespace only)");
}

std::string read_text_source(const fs::path& path) {
    std::error_code ec;
    const uint64_t size = fs::file_size(path, ec);
    if (ec) throw SourceError("cannot read: " + ec.message());
    if (size > kMaxSourceBytes) {
        throw SourceError("file too large (" + std::to_string(size >> 20) + " MiB, limit " +
                          std::to_string(kMaxSourceBytes >> 20) + " MiB)");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw SourceError("cannot open for reading");
    std::string bytes(size, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    if (in.bad()) throw SourceError("read error");
    check_text_bytes(bytes);
    return bytes;
}

}  // namespace tracuu
