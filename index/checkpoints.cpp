#include "checkpoints.hpp"

namespace tracuu {
namespace {

void put_varint(std::string& out, uint32_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7F) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

bool get_varint(std::string_view in, std::size_t& pos, uint32_t& v) {
    v = 0;
    for (int shift = 0; shift < 35 && pos < in.size(); shift += 7) {
        const auto byte = static_cast<unsigned char>(in[pos++]);
        v |= static_cast<uint32_t>(byte & 0x7F) << shift;
        if ((byte & 0x80) == 0) return true;
    }
    return false;
}

}  // namespace

std::string encode_checkpoints(const Analysis& analysis) {
    std::string out;
    Checkpoint last;
    uint32_t due = kCheckpointInterval;
    const auto& tokens = analysis.tokens;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        if (t.position < due) continue;
        // Restart only on a plain word: a number part or a digit group depends on what precedes.
        if (t.number >= 0 || t.folded.empty() || (t.folded[0] >= '0' && t.folded[0] <= '9')) {
            continue;
        }
        put_varint(out, t.position - last.position);
        put_varint(out, t.begin - last.offset);
        last = {t.position, t.begin};
        due = t.position + kCheckpointInterval;
    }
    return out;
}

std::vector<Checkpoint> decode_checkpoints(std::string_view encoded) {
    std::vector<Checkpoint> points;
    Checkpoint current;
    std::size_t pos = 0;
    while (pos < encoded.size()) {
        uint32_t dp = 0;
        uint32_t doff = 0;
        if (!get_varint(encoded, pos, dp) || !get_varint(encoded, pos, doff)) break;
        current.position += dp;
        current.offset += doff;
        points.push_back(current);
    }
    return points;
}

}  // namespace tracuu
