// Words typed without an input method (analyzers/input_method.hpp): Telex and VNI keys read back,
// run-together syllables split, and real words left alone.
#include <catch2/catch.hpp>

#include <map>

#include "analyzers/input_method.hpp"
#include "analyzers/utf8.hpp"
#include "analyzers/vietnamese_syllables.hpp"

using namespace tracuu;

namespace {

struct Keys {
    const char* typed;
    const char* spelled;
};

/// An index that has some words and some pairs, for choosing between splits.
class FakeIndex : public WordEvidence {
  public:
    std::map<std::string, std::size_t> words;
    std::map<std::pair<std::string, std::string>, std::size_t> pairs;
    std::size_t word_frequency(const std::string& folded) const override {
        const auto found = words.find(folded);
        return found == words.end() ? 0 : found->second;
    }
    std::size_t pair_frequency(const std::string& a, const std::string& b) const override {
        const auto found = pairs.find({a, b});
        return found == pairs.end() ? 0 : found->second;
    }
};

}  // namespace

TEST_CASE("Telex keys spell the syllable", "[input_method]") {
    const Keys table[] = {
        {"chuyeenr", "chuyển"}, {"ddooir", "đổi"},    {"soos", "số"},        {"vieetj", "việt"},
        {"Vieetj", "Việt"},     {"nam", "nam"},       {"dduowngf", "đường"}, {"duwowngf", "dường"},
        {"hoawcj", "hoặc"},     {"nhwngx", "những"},  {"tw", "tư"},          {"hoaf", "hòa"},
        {"quyeets", "quyết"},   {"ddinhj", "định"},   {"giaos", "giáo"},     {"mootj", "một"},
        {"nguwowif", "người"},  {"tieengs", "tiếng"}, {"tieesng", "tiếng"},  {"khuyr", "khủy"},
        {"ddaauf", "đầu"},      {"tuw", "tư"},        {"cos", "có"},         {"xaax", "xẫ"},
    };
    for (const auto& [typed, spelled] : table) {
        INFO(typed);
        const auto read = read_typed_keys(typed);
        if (std::string(typed) == spelled) {
            CHECK_FALSE(read);  // no key acts as a modifier
        } else {
            REQUIRE(read);
            CHECK(*read == spelled);
        }
    }
}

TEST_CASE("VNI keys spell the syllable", "[input_method]") {
    const Keys table[] = {
        {"chuye6n3", "chuyển"}, {"chuyen63", "chuyển"}, {"d9o6i3", "đổi"},     {"so61", "số"},
        {"vie65t", "việt"},     {"Vie6t5", "Việt"},     {"d9uo7ng2", "đường"}, {"hoa8c5", "hoặc"},
        {"nguo7i2", "người"},   {"qua3n", "quản"},      {"ly1", "lý"},
    };
    for (const auto& [typed, spelled] : table) {
        INFO(typed);
        const auto read = read_typed_keys(typed);
        REQUIRE(read);
        CHECK(*read == spelled);
    }
}

TEST_CASE("key sequences that spell no syllable are not read", "[input_method]") {
    for (const char* typed :
         {"chuyeenrr", "visa", "taxi", "covid19", "nd81", "ubtvqh15", "2024", "b2", "www", "168",
          "f0", "email", "zalo", "57nq", "hello", "ss", "aaa", "d9"}) {
        INFO(typed);
        CHECK_FALSE(read_typed_keys(typed));
    }
}

TEST_CASE("real words, numbers and names are kept as typed", "[input_method]") {
    for (const char* typed :
         {"hoa",   "viet",     "nam",   "xoong",    "nguoi", "duoc",   "cuu",   "truong",   "chuy",
          "ddos",  "DDoS",     "DDOS",  "TW",       "NQ",    "UBND",   "VNeID", "online",   "test",
          "a1",    "as",       "of",    "168/2024", "2024",  "57",     "nd81",  "UBTVQH15", "hello",
          "email", "internet", "covid", "chuyển",   "Hà",    "congan", "xã",    "Sở"}) {
        INFO(typed);
        CHECK_FALSE(reinterpret_word(typed));
    }
}

TEST_CASE("Telex and VNI words are reinterpreted", "[input_method]") {
    const Keys table[] = {
        {"chuyeenr", "chuyển"}, {"ddooir", "đổi"}, {"soos", "số"},     {"chuye6n3", "chuyển"},
        {"d9o6i3", "đổi"},      {"so61", "số"},    {"Vieetj", "Việt"}, {"owr", "ở"},
        {"o73", "ở"},           {"o6", "ô"},
    };
    for (const auto& [typed, spelled] : table) {
        INFO(typed);
        CHECK(reinterpret_word(typed) == std::optional<std::string>(spelled));
    }
}

TEST_CASE("run-together syllables are split", "[input_method][split]") {
    const Keys table[] = {
        {"chuyendoiso", "chuyen doi so"},
        {"chuyểnđổisố", "chuyển đổi số"},
        {"quyetdinh", "quyet dinh"},
        {"caicachhanhchinh", "cai cach hanh chinh"},
        {"chuyeenrddooirsoos", "chuyển đổi số"},
        {"chuye6n3d9o6i3so61", "chuyển đổi số"},
        {"nguoidan", "nguoi dan"},
    };
    for (const auto& [typed, spelled] : table) {
        INFO(typed);
        CHECK(reinterpret_word(typed) == std::optional<std::string>(spelled));
    }
}

TEST_CASE("a split prefers fewer, longer syllables", "[input_method][split]") {
    // chuyen|doi|so, not chu|yen|doi|so; every piece at least two letters.
    const auto splits = syllable_splits("chuyendoiso");
    REQUIRE(splits.size() == 1);
    CHECK(splits.front() == std::vector<std::string>{"chuyen", "doi", "so"});
    CHECK(syllable_splits("radio").empty());   // ra|di|o: a piece of one letter
    CHECK(syllable_splits("chuyen").empty());  // too short to be several
}

TEST_CASE("an ambiguous split is chosen by the index, or not made", "[input_method][split]") {
    // công an, con gan or cô ngân: two pieces each.
    CHECK(syllable_splits("congan").size() == 3);
    CHECK_FALSE(reinterpret_word("congan"));
    FakeIndex index;
    CHECK_FALSE(reinterpret_word("congan", &index));  // the index cannot tell either
    index.pairs[{"cong", "an"}] = 40;
    index.pairs[{"con", "gan"}] = 1;
    CHECK(reinterpret_word("congan", &index) == std::optional<std::string>("cong an"));
}

TEST_CASE("a word the index holds as typed is kept", "[input_method]") {
    FakeIndex index;
    index.words["chuyendoiso"] = 1;  // a web address: chuyendoiso.gov.vn
    index.words["soos"] = 1;
    index.words["ddos"] = 2;
    index.pairs[{"chuyen", "doi"}] = 3;
    index.pairs[{"doi", "so"}] = 30;
    // Split only when its rarest pair is kTypedOdds times as common as the word.
    CHECK_FALSE(reinterpret_word("chuyendoiso", &index));
    index.pairs[{"chuyen", "doi"}] = 10;
    CHECK(reinterpret_word("chuyendoiso", &index) == std::optional<std::string>("chuyen doi so"));
    CHECK_FALSE(reinterpret_word("soos", &index));
    CHECK(reinterpret_word("ddooir", &index) == std::optional<std::string>("đổi"));
    // A unique split the index has no pair of is kept too (`on li ne` is no Vietnamese).
    CHECK_FALSE(reinterpret_word("quyetdinh", &index));
    index.pairs[{"quyet", "dinh"}] = 7;
    CHECK(reinterpret_word("quyetdinh", &index) == std::optional<std::string>("quyet dinh"));
    // `ddos` is listed as typed, however common `đó` is.
    index.words["do"] = 500;
    CHECK_FALSE(reinterpret_word("ddos", &index));
    // A word held once (a word and its footnote mark) beside a common reading is read.
    index.words["chi1"] = 1;
    index.words["chi"] = 9;
    CHECK_FALSE(reinterpret_word("chi1", &index));
    index.words["chi"] = 10;
    CHECK(reinterpret_word("chi1", &index) == std::optional<std::string>("chí"));
}

TEST_CASE("a syllable the index lacks is read as Telex when the index has what it spells",
          "[input_method]") {
    FakeIndex index;
    CHECK_FALSE(reinterpret_word("Boong"));  // a ship's deck, as far as anyone can tell
    CHECK_FALSE(reinterpret_word("Boong", &index));
    index.words["bong"] = 4;  // bông
    CHECK(reinterpret_word("Boong", &index) == std::optional<std::string>("Bông"));
    index.words["boong"] = 1;
    CHECK_FALSE(reinterpret_word("Boong", &index));
    index.words["hoa"] = 9;
    CHECK_FALSE(reinterpret_word("hoa", &index));
}

TEST_CASE("syllables typed without their marks read as syllables", "[input_method]") {
    for (const char* w : {"nguoi", "duoc", "cuu", "truong", "viet", "chuyen", "ngay", "gin"})
        CHECK(reads_as_syllable(w));
    for (const char* w : {"chuyeenr", "soos", "ddos", "nd", "email", "tw", "xyz", "caic", "taom"})
        CHECK_FALSE(reads_as_syllable(w));
}

TEST_CASE("whatever is typed, a reading is whole syllables in valid UTF-8", "[input_method]") {
    // Seeded, so every run tries the same 20 000 words: keys, marked letters, digits, stray bytes.
    const std::vector<std::string> pieces = {
        "a", "e", "o", "u", "i", "y", "d", "w", "s", "f", "r", "x",    "j",   "z",
        "n", "g", "h", "c", "t", "q", "b", "k", "m", "p", "1", "3",    "6",   "7",
        "9", "0", "A", "D", "ê", "ư", "đ", "ố", "ờ", "-", "/", "\xff", "\xc3"};
    std::uint32_t state = 20251207;
    auto next = [&] {
        state = state * 1664525u + 1013904223u;
        return state >> 8;
    };
    std::size_t read = 0;
    for (int n = 0; n < 20000; ++n) {
        std::string word;
        const std::size_t length = 1 + next() % 14;
        for (std::size_t k = 0; k < length; ++k) word += pieces[next() % pieces.size()];
        const auto meant = reinterpret_word(word);
        if (!meant) continue;
        ++read;
        INFO(word << " -> " << *meant);
        REQUIRE(utf8::is_valid(*meant));
        std::size_t start = 0;
        for (std::size_t space = 0; space != std::string::npos; start = space + 1) {
            space = meant->find(' ', start);
            const std::string syllable = meant->substr(start, space - start);
            CHECK(reads_as_syllable(syllable));
        }
    }
    CHECK(read > 0);
}

TEST_CASE("a tone key before the last vowel is read only for a word the index lacks",
          "[input_method]") {
    FakeIndex index;
    CHECK_FALSE(read_typed_keys("chasy"));
    // Without an index (`visa`, `taxi` look the same) it is no Telex word (a split: `cha sy`).
    CHECK(reinterpret_word("chasy") != std::optional<std::string>("cháy"));
    CHECK_FALSE(reinterpret_word("chasy", &index));
    index.words["chay"] = 12;  // cháy, chạy, chay
    CHECK(reinterpret_word("chasy", &index) == std::optional<std::string>("cháy"));
    index.words["chasy"] = 1;
    CHECK_FALSE(reinterpret_word("chasy", &index));
    index.words["via"] = 40;
    index.words["tai"] = 400;
    CHECK_FALSE(reinterpret_word("visa", &index));  // listed as typed
    CHECK_FALSE(reinterpret_word("taxi", &index));
}
