#include "date_key.hpp"

#include <algorithm>

namespace tracuu {

std::string date_key(std::string_view date, bool upper) {
    auto digits = [&](std::size_t pos, std::size_t n) {
        if (pos + n > date.size()) return false;
        return std::all_of(date.begin() + static_cast<long>(pos),
                           date.begin() + static_cast<long>(pos + n),
                           [](char c) { return c >= '0' && c <= '9'; });
    };
    const std::string year(date.substr(0, 4));
    if (date.size() == 4 && digits(0, 4)) return year + (upper ? "9999" : "0000");
    if (date.size() == 7 && digits(0, 4) && date[4] == '-' && digits(5, 2)) {
        return year + std::string(date.substr(5, 2)) + (upper ? "99" : "00");
    }
    if (date.size() == 10 && digits(0, 4) && date[4] == '-' && digits(5, 2) && date[7] == '-' &&
        digits(8, 2)) {
        return year + std::string(date.substr(5, 2)) + std::string(date.substr(8, 2));
    }
    return {};
}

}  // namespace tracuu
