#include "access_tokens.hpp"

#include <algorithm>
#include <fstream>
#include <stdexcept>

namespace tracuu {
namespace {

constexpr std::size_t kMaxTokenBytes = 512;

bool is_token_char(unsigned char c) {
    return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' ||
           c == '/' || c == '=';
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

/// Equal, in time that depends on `token`'s length only.
bool same(std::string_view given, std::string_view token) {
    unsigned difference = given.size() == token.size() ? 0 : 1;
    for (std::size_t i = 0; i < token.size(); ++i) {
        const unsigned char g = i < given.size() ? static_cast<unsigned char>(given[i]) : 0;
        difference |= g ^ static_cast<unsigned char>(token[i]);
    }
    return difference == 0;
}

}  // namespace

AccessTokens::AccessTokens(std::filesystem::path file) : file_(std::move(file)) {
    reload();
}

std::size_t AccessTokens::reload() {
    std::ifstream in(file_);
    if (!in) throw std::runtime_error("cannot read the token file " + file_.string());
    auto tokens = std::make_shared<std::vector<std::string>>();
    std::size_t line_number = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_number;
        const std::string_view token = trimmed(line);
        if (token.empty() || token.front() == '#') continue;
        const bool valid =
            token.size() <= kMaxTokenBytes && std::all_of(token.begin(), token.end(), [](char c) {
                return is_token_char(static_cast<unsigned char>(c));
            });
        if (!valid) {
            // The line itself is never shown: it may be a token with a typo.
            throw std::runtime_error(
                "the token file " + file_.string() + ", line " + std::to_string(line_number) +
                ", is not a token (1 to 512 characters of A-Z a-z 0-9 - . _ ~ + / =)");
        }
        tokens->emplace_back(token);
    }
    if (in.bad()) throw std::runtime_error("cannot read the token file " + file_.string());
    if (tokens->empty())
        throw std::runtime_error("the token file " + file_.string() + " holds no token");
    const std::size_t count = tokens->size();
    std::lock_guard lock(mutex_);
    tokens_ = std::move(tokens);
    return count;
}

bool AccessTokens::accepts(std::string_view authorization) const {
    authorization = trimmed(authorization);
    constexpr std::string_view kScheme = "bearer ";
    if (authorization.size() <= kScheme.size()) return false;
    for (std::size_t i = 0; i < kScheme.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(authorization[i])) != kScheme[i]) return false;
    }
    const std::string_view given = trimmed(authorization.substr(kScheme.size()));
    std::shared_ptr<const std::vector<std::string>> tokens;
    {
        std::lock_guard lock(mutex_);
        tokens = tokens_;
    }
    bool accepted = false;
    for (const auto& token : *tokens) accepted |= same(given, token);
    return accepted;
}

}  // namespace tracuu
