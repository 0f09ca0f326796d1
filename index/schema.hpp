// The layout of a tracuu Xapian database: term prefixes, value slots and metadata keys.
// The writer (indexer/) and the query side (server/) both read it from here and only here.
// Prefixes follow Omega's convention: one capital letter for standard ones, `X` + capitals for
// ours; every term after a prefix is lower case, so no ':' separator is needed. No prefix is the
// start of another, so the terms under one prefix (allterms_begin) are that prefix's alone.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

namespace tracuu::schema {

// --- free text ---------------------------------------------------------------------------------
// Accent-free syllables carry the positions (phrases, proximity) and are unprefixed.
/// Syllables with their canonical tones, no positions: ranks `hòa` above `hóa` for `hòa`.
inline constexpr std::string_view kExact = "XT";
/// Every document number the text mentions, under its exact keys (DocumentNumber::exact_keys).
inline constexpr std::string_view kNumberMention = "XNUM";
/// Two consecutive accent-free syllables, joined by '_' (`hanh_chinh`), no positions: a phrase of
/// two as one posting list. Vietnamese words are mostly two syllables, and the syllables of a
/// query are often each in most documents while the pair is in few; searching on pairs reads
/// the few.
inline constexpr std::string_view kPair = "XP";
/// The pairs of the title (subject line) again, alone: documents whose subject has the query's
/// words in order are about them, and rank first among those with the words in order.
inline constexpr std::string_view kTitlePair = "XH";

// --- identity ----------------------------------------------------------------------------------
/// Unique id term: "Q" + document id (the path relative to the index root).
inline constexpr std::string_view kId = "Q";

// --- directive structure (boolean terms) -------------------------------------------------------
/// The document's own number, under its exact keys (DocumentNumber::exact_keys): a number given
/// in full (`06/QĐ-TTg`) names only that number, not `06/2025/QĐ-TTg`.
inline constexpr std::string_view kOwnNumber = "XSO";
/// Numbers the document cites, under each of their exact keys.
inline constexpr std::string_view kCites = "XCITE";
/// The pieces of the document's own number (DocumentNumber::query_keys, with the document's
/// type): a number typed in part (`168/2024`, `cv 2265`) finds every document whose number has
/// all of its pieces.
inline constexpr std::string_view kOwnNumberPiece = "XSP";
/// The pieces of the numbers the document cites.
inline constexpr std::string_view kCitedPiece = "XCP";
/// How the document relates to what it cites (citation_relations.hpp), on the citing side so a
/// document's status changes when one replacing it is indexed: relation_term(relation, key)
/// for each exact key of each cited number, and relation_term(relation) once.
inline constexpr std::string_view kRelation = "XREL";
/// Issuing body: accent-free canonical name words and codes (see issuer_terms in
/// index/directive_terms.hpp).
inline constexpr std::string_view kIssuer = "XCQ";
/// Document type code, accent-free (`nq`, `kh`, `cv`).
inline constexpr std::string_view kType = "XLOAI";
/// Signer's name, accent-free, words joined by '_'.
inline constexpr std::string_view kSigner = "XKY";
/// Year of issue (`2025`).
inline constexpr std::string_view kYear = "XNAM";
/// Draft documents carry this term (value "1").
inline constexpr std::string_view kDraft = "XDUTHAO";

// --- the source file (extraction) --------------------------------------------------------------
/// Format the text was read from (`pdf`, `docx`, ...; see index/source_format.hpp).
inline constexpr std::string_view kSourceFormat = "XFMT";
/// Documents whose extracted text looks like mojibake carry this term.
inline constexpr std::string_view kMojibake = "XMOJIBAKE";
/// Documents with pages read by OCR carry this term.
inline constexpr std::string_view kOcr = "XOCR";

// --- values ------------------------------------------------------------------------------------
/// Issue date as a sortable string YYYYMMDD (YYYYMM00 when only the month is known, YYYY0000
/// when only the year is): a partial date sorts as its earliest day.
inline constexpr Xapian::valueno kSlotDate = 0;
/// Issuer's display name, for facets.
inline constexpr Xapian::valueno kSlotIssuer = 1;
/// Type display name (`Công văn`), for facets.
inline constexpr Xapian::valueno kSlotType = 2;
/// Year as text, for facets.
inline constexpr Xapian::valueno kSlotYear = 3;
/// The document id: how the searcher names its best candidates when it re-ranks them (a value is
/// cheap to read; the id is otherwise only inside the stored data).
inline constexpr Xapian::valueno kSlotId = 4;
/// Byte offsets of some token starts, so a snippet re-analyses only the window it shows.
inline constexpr Xapian::valueno kSlotCheckpoints = 9;
/// Source file facts for incremental indexing: size in bytes and modification time in
/// nanoseconds (decimal), then the xxh3-64 of its bytes (16 hex digits). A file whose size and
/// time match is not read again; one whose hash matches is not extracted again.
inline constexpr Xapian::valueno kSlotSourceSize = 10;
inline constexpr Xapian::valueno kSlotSourceMtime = 11;
inline constexpr Xapian::valueno kSlotSourceHash = 12;
/// Dates of force the text states (YYYY-MM-DD; absent when it states none): the status filter
/// selects a document's own status by ranges on them, without reading its data.
inline constexpr Xapian::valueno kSlotEffectiveFrom = 13;
inline constexpr Xapian::valueno kSlotEffectiveUntil = 14;
/// Both, as `FROM|UNTIL` (either may be empty; absent when both are): one value per pair that the
/// status facet counts (a Xapian spy, so remote shards count it too) and classifies by today.
inline constexpr Xapian::valueno kSlotForce = 15;

// --- metadata ----------------------------------------------------------------------------------
/// Absolute path ids are relative to; fixed when the database is created.
inline constexpr std::string_view kMetaRoot = "tracuu.root";
/// Version of this schema, checked when opening.
inline constexpr std::string_view kMetaSchemaVersion = "tracuu.schema";
/// 2: pair terms (kPair) and the result line of the stored data (stored_document.hpp).
/// 3: number pieces (kOwnNumberPiece, kCitedPiece); own, cited and mentioned numbers under their
///    exact keys only (a number given in full names that number, not one with a year added).
/// 4: citations carry their relation (kRelation terms, `relation` in the stored citations);
///    fields effective_from / effective_until.
/// 5: number mentions under XNUM (XN was the start of kYear's XNAM).
/// 6: dates of force in values (kSlotEffectiveFrom, kSlotEffectiveUntil, kSlotForce).
inline constexpr std::string_view kSchemaVersion = "6";

// Xapian refuses terms longer than this many bytes.
inline constexpr std::size_t kMaxTermBytes = 240;

/// Builds `prefix + value`, shortening an over-long value to a hash so the term stays legal.
std::string term(std::string_view prefix, std::string_view value);

/// `XRELamends` alone, or `XRELamends/` + the cited number's exact key.
std::string relation_term(std::string_view relation, std::string_view key = {});

/// Whether two consecutive tokens have a kPair term: not when either starts with a digit. Dates,
/// numbers and list items make a third of a legal text's distinct pairs (`ngay_15`, `15_thang`),
/// most of them in one or two documents, and a query naming a number finds it by its number
/// terms (XNUM, XSO), not by its parts.
bool has_pair_term(std::string_view first, std::string_view second);

/// The kPair term of two consecutive accent-free syllables (see has_pair_term), or with `prefix`
/// kTitlePair its title term.
std::string pair_term(std::string_view first, std::string_view second,
                      std::string_view prefix = kPair);

}  // namespace tracuu::schema
