// The readers of a directive's layout, one for each part of the page, over one shared
// ParseState (parse_state.hpp). They share no state but that: parse_directive
// (directive_parser.cpp) runs their steps in order, so that what one finds (the header's
// bounds, the number, the title line) guides the next.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/utf8.hpp"
#include "parse_state.hpp"

namespace tracuu::directive_reading {

/// Issuer, number, place and date, recipients, the draft mark (header_reader.cpp).
class HeaderReader : protected virtual ParseState {
  protected:
    void locate_header();
    void read_issuer();
    void read_number();
    void read_place_and_date();
    void read_recipients();
    void read_draft();
    void fill_from_number_code();

  private:
    bool starts_split_name(std::size_t i, std::size_t limit) const;
};

/// Type and subject; the number, day and issuer a title gives (title_reader.cpp).
class TitleReader : protected virtual ParseState {
  protected:
    void read_number_from_title();
    void fill_from_title();
    void read_type_and_subject();
    void read_issuer_from_authority_line();
};

/// The issuer and place the body names, the dates of force (body_reader.cpp).
class BodyReader : protected virtual ParseState {
  protected:
    void read_place_from_text();
    void read_dates_of_force();
    void read_issuer_from_body();
};

/// The signer, the signing title and authority (signature_reader.cpp).
class SignatureReader : protected virtual ParseState {
  protected:
    void read_signature();

  private:
    std::optional<std::string> name_at(std::size_t j, bool after_title, std::size_t& last) const;
    bool read_signature_in(std::size_t from, std::size_t to);
    bool read_name_lost_titles(std::size_t recipients);
    void read_signing_titles(std::size_t i, std::size_t name);
};

/// A publishing site's `Số hiệu:` table (page_metadata_reader.cpp).
class PageMetadataReader : protected virtual ParseState {
  protected:
    void read_page_metadata();
    void fill_from_page_metadata();
};

// Line tests more than one reader needs, each defined beside the reader it belongs to.
// header_reader.cpp:
bool is_motto(std::string_view line);
bool is_salutation(std::string_view line);
std::optional<std::string_view> number_label_rest(std::string_view line);
// title_reader.cpp:
const CodeEntry* title_type(std::string_view line);
std::string capitalized_type(std::string_view name);
// signature_reader.cpp:
std::optional<std::string> person_name(std::string_view line, bool after_title);
const std::vector<std::string>& signing_titles();

/// `chars` may hold characters of several bytes (`–`, `·`): stripped whole, never byte by byte.
inline std::string strip_edges(std::string_view s, std::string_view chars) {
    return std::string(trim(utf8::strip(s, chars)));
}

}  // namespace tracuu::directive_reading
