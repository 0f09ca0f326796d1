// Token checkpoints: (position, byte offset) pairs stored with each document so the query side
// can re-analyse a short window around a match instead of the whole text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/analyzer.hpp"

namespace tracuu {

struct Checkpoint {
    uint32_t position = 0;  ///< token position (1-based) of a token that starts a unit
    uint32_t offset = 0;    ///< its byte offset in the stored text
};

/// Roughly one checkpoint per this many tokens.
inline constexpr uint32_t kCheckpointInterval = 64;

/// Picks checkpoints at token starts where analysis can restart with the same positions
/// (never inside a document number) and encodes them compactly.
std::string encode_checkpoints(const Analysis& analysis);

std::vector<Checkpoint> decode_checkpoints(std::string_view encoded);

}  // namespace tracuu
