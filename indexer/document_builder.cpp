#include "document_builder.hpp"

#include <unordered_map>

#include "analyzers/code_tables.hpp"
#include "analyzers/word_forms.hpp"
#include "index/checkpoints.hpp"
#include "index/date_key.hpp"
#include "index/directive_terms.hpp"
#include "index/schema.hpp"
#include "index/stored_document.hpp"
#include "issuer_label.hpp"

namespace tracuu {
namespace {

// Longer "words" are table rules, base64 or binary residue: not worth a term.
constexpr std::size_t kMaxWordBytes = 64;
// Extra within-document frequency for the words of the title (subject line): a document whose
// subject names the query's words is about them, not one that mentions them in passing.
constexpr Xapian::termcount kTitleWdf = 8;

bool indexable(const Token& t) {
    return !t.folded.empty() && t.folded.size() <= kMaxWordBytes;
}

/// Two syllables, pointing into the analyses: pairs are counted before any term is built.
using SyllablePair = std::pair<std::string_view, std::string_view>;
struct SyllablePairHash {
    std::size_t operator()(const SyllablePair& p) const {
        const std::size_t h = std::hash<std::string_view>{}(p.first);
        return h ^ (std::hash<std::string_view>{}(p.second) + 0x9e3779b97f4a7c15ULL + (h << 6) +
                    (h >> 2));
    }
};

}  // namespace

namespace {

void add_directive_terms(Xapian::Document& doc, const Directive& d) {
    auto add_number_keys = [&](std::string_view prefix, std::string_view piece_prefix,
                               const DocumentNumber& n) {
        for (const auto& key : n.exact_keys()) doc.add_boolean_term(schema::term(prefix, key));
        for (const auto& key : n.query_keys())
            doc.add_boolean_term(schema::term(piece_prefix, key));
    };
    if (d.number && d.number_parts && !d.number_parts->numeral.empty()) {
        // The type is a piece of the number too: `công văn 2265` names 2265/SGDĐT-VP.
        DocumentNumber own = *d.number_parts;
        if (d.type) {
            if (const CodeEntry* type = find_type_by_folded_name(fold_words(d.type->value)))
                own.type = type->code;
        }
        add_number_keys(schema::kOwnNumber, schema::kOwnNumberPiece, own);
    }
    for (const Citation& c : d.citations) {
        if (c.partial) {
            doc.add_boolean_term(schema::term(schema::kCites, c.key));
        } else {
            add_number_keys(schema::kCites, schema::kCitedPiece, c.parts);
        }
        if (c.relation != "mentions") {
            doc.add_boolean_term(schema::relation_term(c.relation));
            if (c.partial) {
                doc.add_boolean_term(schema::relation_term(c.relation, c.key));
            } else {
                for (const auto& key : c.parts.exact_keys())
                    doc.add_boolean_term(schema::relation_term(c.relation, key));
            }
        }
    }
    std::string issuer_names;
    for (const auto* f : {&d.issuer, &d.parent_issuer, &d.place}) {
        if (*f) issuer_names += (*f)->value + " ";
    }
    for (const auto& t : issuer_terms(issuer_names)) doc.add_boolean_term(t);
    if (d.type) doc.add_boolean_term(type_term(d.type->value));
    if (d.signer) doc.add_boolean_term(signer_term(d.signer->value));
    if (d.year) doc.add_boolean_term(schema::term(schema::kYear, d.year->value));
    if (d.draft) doc.add_boolean_term(std::string(schema::kDraft));

    if (d.date) {
        doc.add_value(schema::kSlotDate, date_key(d.date->value));
    } else if (d.month) {
        doc.add_value(schema::kSlotDate, date_key(d.month->value));
    } else if (d.year) {
        doc.add_value(schema::kSlotDate, date_key(d.year->value));
    }
    const std::string issuer = issuer_label(d);
    if (!issuer.empty()) doc.add_value(schema::kSlotIssuer, issuer);
    if (d.type) doc.add_value(schema::kSlotType, d.type->value);
    if (d.year) doc.add_value(schema::kSlotYear, d.year->value);
    const std::string from = d.effective_from ? d.effective_from->value : std::string();
    const std::string until = d.effective_until ? d.effective_until->value : std::string();
    if (!from.empty()) doc.add_value(schema::kSlotEffectiveFrom, from);
    if (!until.empty()) doc.add_value(schema::kSlotEffectiveUntil, until);
    if (!from.empty() || !until.empty()) doc.add_value(schema::kSlotForce, from + '|' + until);
}

}  // namespace

Xapian::Document build_document(const DocumentRecord& record, const Analysis& analysis,
                                const Directive& directive) {
    return build_document(record, analysis, directive, encode_stored_document(record));
}

Xapian::Document build_document(const DocumentRecord& record, const Analysis& analysis,
                                const Directive& directive, std::string data) {
    Xapian::Document doc;
    doc.add_boolean_term(schema::term(schema::kId, record.id));
    doc.add_value(schema::kSlotId, record.id);

    // Exact forms and pairs carry no positions: count them first, one Xapian call per distinct
    // term.
    std::unordered_map<std::string_view, Xapian::termcount> exact_wdf;
    std::unordered_map<SyllablePair, Xapian::termcount, SyllablePairHash> pair_wdf;
    const Token* previous = nullptr;
    for (const Token& t : analysis.tokens) {
        if (!indexable(t)) {
            previous = nullptr;
            continue;
        }
        doc.add_posting(t.folded, t.position);
        if (t.has_marks()) ++exact_wdf[t.exact];
        if (previous && schema::has_pair_term(previous->folded, t.folded))
            ++pair_wdf[{previous->folded, t.folded}];
        previous = &t;
    }
    std::string exact_term(schema::kExact);
    for (const auto& [exact, wdf] : exact_wdf) {
        exact_term.resize(schema::kExact.size());
        exact_term += exact;
        doc.add_term(exact_term, wdf);
    }
    const Analysis title = analyze(record.title);
    previous = nullptr;
    for (const Token& t : title.tokens) {
        if (!indexable(t)) {
            previous = nullptr;
            continue;
        }
        doc.add_term(t.folded, kTitleWdf);
        if (t.has_marks()) doc.add_term(std::string(schema::kExact) + t.exact, kTitleWdf);
        if (previous && schema::has_pair_term(previous->folded, t.folded)) {
            pair_wdf[{previous->folded, t.folded}] += kTitleWdf;
            doc.add_boolean_term(schema::pair_term(previous->folded, t.folded, schema::kTitlePair));
        }
        previous = &t;
    }
    for (const auto& [pair, wdf] : pair_wdf)
        doc.add_term(schema::pair_term(pair.first, pair.second), wdf);
    for (const NumberMatch& n : analysis.numbers) {
        for (const auto& key : n.number.exact_keys()) {
            doc.add_term(schema::term(schema::kNumberMention, key));
        }
    }
    add_directive_terms(doc, directive);
    const SourceInfo& source = record.source;
    if (!source.format.empty()) {
        doc.add_boolean_term(schema::term(schema::kSourceFormat, source.format));
        doc.add_value(schema::kSlotSourceSize, std::to_string(source.bytes));
        doc.add_value(schema::kSlotSourceMtime, std::to_string(source.mtime_ns));
        doc.add_value(schema::kSlotSourceHash, source.hash);
    }
    if (source.mojibake) doc.add_boolean_term(std::string(schema::kMojibake));
    if (source.ocr_pages > 0) doc.add_boolean_term(std::string(schema::kOcr));
    doc.add_value(schema::kSlotCheckpoints, encode_checkpoints(analysis));
    doc.set_data(data);
    return doc;
}

}  // namespace tracuu
