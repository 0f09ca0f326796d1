#include "request_target.hpp"

#include <cctype>

namespace tracuu {
namespace {

bool is_hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/// Offset of the first bad escape in `text`, or npos.
std::size_t bad_escape(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') continue;
        if (i + 2 >= text.size() || !is_hex(text[i + 1]) || !is_hex(text[i + 2])) return i;
        i += 2;
    }
    return std::string_view::npos;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return c - 'A' + 10;
}

std::string decode_component(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            out += ' ';
        } else if (text[i] == '%' && i + 2 < text.size() && is_hex(text[i + 1]) &&
                   is_hex(text[i + 2])) {
            out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::string shown(std::string_view text, std::size_t at) {
    return "'" + std::string(text.substr(at, 3)) + "'";
}

}  // namespace

std::optional<TargetProblem> find_bad_percent_encoding(std::string_view target) {
    const std::size_t question = target.find('?');
    const std::string_view path = target.substr(0, question);
    if (const std::size_t at = bad_escape(path); at != std::string_view::npos) {
        return TargetProblem{"path", "the path has a malformed percent-escape " + shown(path, at) +
                                         " (a % must be followed by two hex digits)"};
    }
    if (question == std::string_view::npos) return std::nullopt;
    std::string_view query = target.substr(question + 1);
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        const std::string_view name = pair.substr(0, pair.find('='));
        if (const std::size_t at = bad_escape(pair); at != std::string_view::npos) {
            return TargetProblem{std::string(name),
                                 "'" + std::string(name) + "' has a malformed percent-escape " +
                                     shown(pair, at) + " (a % must be followed by two hex digits)"};
        }
        if (amp == std::string_view::npos) break;
        query.remove_prefix(amp + 1);
    }
    return std::nullopt;
}

std::vector<std::pair<std::string, std::string>> query_parameters(std::string_view target) {
    std::vector<std::pair<std::string, std::string>> params;
    const std::size_t question = target.find('?');
    if (question == std::string_view::npos) return params;
    std::string_view query = target.substr(question + 1);
    while (true) {
        const std::size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        if (!pair.empty()) {
            const std::size_t equals = pair.find('=');
            params.emplace_back(decode_component(pair.substr(0, equals)),
                                equals == std::string_view::npos
                                    ? std::string()
                                    : decode_component(pair.substr(equals + 1)));
        }
        if (amp == std::string_view::npos) break;
        query.remove_prefix(amp + 1);
    }
    return params;
}

std::string percent_encoded(std::string_view text, bool keep_slash) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        const bool plain = std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' ||
                           (keep_slash && c == '/');
        if (plain) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

}  // namespace tracuu
