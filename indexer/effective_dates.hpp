// When a document takes effect and when it ends, as its own text says: `Quyết định này có hiệu
// lực (thi hành) kể từ ngày 01/12/2025`, `... kể từ ngày ký` (its own date), `... sau 45 ngày kể
// từ ngày ký`, `... đến hết ngày 31/12/2025`, `... hết hiệu lực kể từ ngày ...`. Another
// document's dates (`Luật ... có hiệu lực từ ngày ...`) are not this one's; a date the text does
// not give (`kể từ ngày ký` without a readable date of its own) stays absent.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "analyzers/analyzer.hpp"
#include "directive.hpp"

namespace tracuu {

struct EffectiveDates {
    std::optional<EffectiveDate> from;
    std::optional<EffectiveDate> until;
};

/// `own_date`: the document's date (ISO), for `kể từ ngày ký`; `own_type` (`Quyết định`): a
/// sentence opening with that type word alone (`Nghị quyết có hiệu lực ...`) speaks of the
/// document itself, one opening with another type (`Nghị định có hiệu lực ...` in a công văn)
/// does not.
EffectiveDates read_effective_dates(std::string_view text, const Analysis& analysis,
                                    const std::optional<std::string>& own_date,
                                    std::string_view own_type = {});

}  // namespace tracuu
