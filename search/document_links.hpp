// What the search reads of a document beyond its own stored data: the indexed documents its
// citations name, those citing it, and its status of force. Plain values (citations_lookup.hpp
// finds them); server/search_json writes them into the API's answers.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

namespace tracuu {

/// An indexed document as a list of links shows it: its id, title and, when its text states
/// them, the values of its parsed number, type, issuer and date.
struct DocumentSummary {
    std::string id;
    std::string title;
    std::optional<std::string> number, type, issuer, date;
};

/// An indexed document citing another, with the citing sentence and how it cites it.
struct CitingDocument {
    DocumentSummary document;
    std::string context;                        ///< the citing sentence
    std::string cited_as;                       ///< the number as the citation writes it
    std::optional<std::string> cited_issuer;    ///< the issuer the citation names
    std::string relation;                       ///< one of citation_relation_names()
    std::optional<std::string> relation_part;   ///< the part acted on (`khoản 2 Điều 5`)
    std::optional<std::string> relation_words;  ///< the words saying the relation
};

/// A document acting on the one whose status it is (replacing, repealing, amending it).
struct StatusEvidence {
    CitingDocument citing;
    /// Not in force yet on the day of the status: it changes nothing yet.
    bool pending = false;
    std::string effective_from;  ///< with `pending`: the day it comes into force
};

/// A document's status of force on a day (citations_lookup.hpp document_status).
struct ForceStatus {
    std::string value;  ///< one of status_names() (status_table.hpp)
    /// The documents acting on it: at most so many of each relation, newest first.
    std::vector<StatusEvidence> evidence;
    /// How many documents act on it, when more than were read (for "and N others").
    std::optional<Xapian::doccount> evidence_total;
    /// Its own dates of force (ISO), "" when its text states none.
    std::string effective_from, effective_until;
    std::string as_of;  ///< the day, YYYY-MM-DD
};

/// The document page's links: what the index says of one document.
struct DocumentLinks {
    /// For each of its stored citations (`fields.citations`, in their order), the indexed
    /// document it names, when exactly one does.
    std::vector<std::optional<DocumentSummary>> cites;
    /// The indexed documents citing it, newest first, each with the citing sentence.
    std::vector<CitingDocument> cited_by;
    ForceStatus status;
};

}  // namespace tracuu
