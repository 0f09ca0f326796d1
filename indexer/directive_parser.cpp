// Reading a directive's layout (Nghị định 30/2020/NĐ-CP): header, title, subject, recipients,
// signature. Each reader looks where the layout puts a field and reports nothing when the field
// is not there.
#include "directive_readers.hpp"
#include "header_fields.hpp"

namespace tracuu {
namespace directive_reading {
namespace {

class DirectiveReader : HeaderReader, TitleReader, BodyReader, SignatureReader, PageMetadataReader {
  public:
    DirectiveReader(std::string_view text, const Analysis& analysis) : ParseState(text, analysis) {}

    Directive read() {
        locate_header();
        read_page_metadata();
        read_issuer();
        read_number();
        if (number_line_ == npos) read_number_from_title();
        read_type_and_subject();
        read_place_and_date();
        read_recipients();
        read_draft();
        read_signature();
        fill_from_number_code();
        fill_from_title();
        fill_from_page_metadata();
        if (!d_.issuer) read_issuer_from_authority_line();
        if (!d_.issuer) read_issuer_from_body();
        if (!d_.place) read_place_from_text();
        correct_ocr_names(d_);
        d_.citations = parse_citations(text_, *analysis_, own_number_match_);
        read_dates_of_force();
        if (d_.subject) {
            d_.title = d_.subject->source == FieldSource::Header ? "V/v " + d_.subject->value
                                                                 : d_.subject->value;
        }
        return std::move(d_);
    }
};

}  // namespace
}  // namespace directive_reading

Directive parse_directive(std::string_view text, const Analysis& analysis) {
    return directive_reading::DirectiveReader(text, analysis).read();
}

}  // namespace tracuu
