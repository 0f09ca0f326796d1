// Bearer tokens (--token-file): who may read the API and /metrics. The file holds one token per
// line; it is read again on SIGHUP, so tokens are added and withdrawn without a restart. Tokens
// are never logged or echoed.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace tracuu {

class AccessTokens {
  public:
    /// Reads `file` (see reload()). Throws std::runtime_error naming the file and the reason.
    explicit AccessTokens(std::filesystem::path file);

    /// Reads the file again: one token per line, spaces around it ignored, blank lines and lines
    /// starting with `#` skipped; a token is 1 to 512 characters of [A-Za-z0-9-._~+/=] (what
    /// `Authorization: Bearer` can carry). Returns how many it holds. Throws
    /// std::runtime_error (keeping the tokens it had) when the file cannot be read, holds no
    /// token or a line is not a token.
    std::size_t reload();

    const std::filesystem::path& file() const { return file_; }

    /// True when `authorization` (the header's value) is `Bearer TOKEN` for a token of the file.
    /// Every token is compared, each in time that depends on its length only, never on where
    /// it differs from what was sent.
    bool accepts(std::string_view authorization) const;

  private:
    std::filesystem::path file_;
    mutable std::mutex mutex_;
    std::shared_ptr<const std::vector<std::string>> tokens_;
};

}  // namespace tracuu
