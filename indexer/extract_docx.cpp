// DOCX through libzip (the package) and pugixml (its XML). Reading order is the body's order:
// paragraphs, tables row by row and cell by cell, text boxes where they are anchored; footnotes
// and endnotes follow the body, each after its reference mark. A run's font says whether its
// text is really TCVN3 (.VnTime, .VnTimeH...) or VNI (VNI-Times...) stored as Windows-1252.
#include <zip.h>

#include <cstring>
#include <deque>
#include <map>
#include <memory>
#include <pugixml.hpp>
#include <set>
#include <vector>

#include "analyzers/legacy_encoding.hpp"
#include "extractors.hpp"

namespace tracuu {
namespace {

struct ZipClose {
    void operator()(zip_t* z) const { zip_discard(z); }
};

// Parts larger than this when unpacked are refused (a ZIP bomb, not a directive): parsing one
// takes several times its size in memory.
constexpr zip_uint64_t kMaxPartBytes = 64ull << 20;

/// The unpacked part, or nullopt when the package has no such part.
std::optional<std::string> read_part(zip_t* zip, const char* name) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(zip, name, 0, &st) != 0) return std::nullopt;
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
        throw SourceError("password-protected DOCX (encrypted ZIP entry " + std::string(name) +
                          ")");
    }
    if ((st.valid & ZIP_STAT_SIZE) && st.size > kMaxPartBytes) {
        throw SourceError("DOCX part " + std::string(name) + " unpacks to more than 64 MiB");
    }
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen(zip, name, 0), zip_fclose);
    if (!file) {
        throw SourceError("damaged DOCX: cannot open " + std::string(name) + " (" +
                          zip_strerror(zip) + ")");
    }
    std::string data(static_cast<std::size_t>(st.size), '\0');
    const zip_int64_t n = zip_fread(file.get(), data.data(), data.size());
    if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) {
        throw SourceError("damaged or truncated DOCX: cannot unpack " + std::string(name));
    }
    return data;
}

pugi::xml_document parse_part(const std::string& xml, const char* name) {
    pugi::xml_document doc;
    const auto result =
        doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata);
    if (!result) {
        throw SourceError("damaged DOCX: " + std::string(name) + " is not XML (" +
                          result.description() + ")");
    }
    return doc;
}

enum class LegacyFont { None, Tcvn3, Tcvn3Capitals, Vni };

LegacyFont legacy_font(std::string_view font) {
    if (font.starts_with(".Vn") || font.starts_with(".VN")) {
        return font.ends_with("H") ? LegacyFont::Tcvn3Capitals : LegacyFont::Tcvn3;
    }
    if (font.starts_with("VNI-") || font.starts_with("VNI ") || font.starts_with("VNI_"))
        return LegacyFont::Vni;
    return LegacyFont::None;
}

std::string font_of(pugi::xml_node rpr) {
    const pugi::xml_node fonts = rpr.child("w:rFonts");
    for (const char* attr : {"w:ascii", "w:hAnsi", "w:cs"}) {
        const char* v = fonts.attribute(attr).value();
        if (*v != '\0') return v;
    }
    return {};
}

/// Fonts of styles.xml: each style's own font or, through basedOn, its parent's.
class StyleFonts {
  public:
    explicit StyleFonts(const pugi::xml_document* styles) {
        if (styles == nullptr) return;
        const pugi::xml_node root = styles->child("w:styles");
        default_font_ = font_of(root.child("w:docDefaults").child("w:rPrDefault").child("w:rPr"));
        for (pugi::xml_node s : root.children("w:style")) {
            const std::string id = s.attribute("w:styleId").value();
            own_[id] = font_of(s.child("w:rPr"));
            based_on_[id] = s.child("w:basedOn").attribute("w:val").value();
        }
    }

    /// The style's font, or empty when neither it nor its ancestors set one.
    std::string font(const std::string& style) const {
        std::string id = style;
        for (int depth = 0; depth < 16 && !id.empty(); ++depth) {
            const auto own = own_.find(id);
            if (own == own_.end()) break;
            if (!own->second.empty()) return own->second;
            id = based_on_.at(id);
        }
        return {};
    }

    const std::string& default_font() const { return default_font_; }

  private:
    std::map<std::string, std::string> own_;
    std::map<std::string, std::string> based_on_;
    std::string default_font_;
};

std::string superscript_number(int n) {
    static const char* digits[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
    std::string s;
    for (char c : std::to_string(n)) s += digits[c - '0'];
    return s;
}

/// Footnotes and endnotes by key (`f3`, `e1`): their XML, shown after the paragraph citing them.
using Notes = std::map<std::string, pugi::xml_node>;

// Deeper nesting is refused: a directive's tables in tables are a few dozen levels at most, and
// walking a crafted package's thousands would overflow the stack and end the whole run.
constexpr int kMaxNesting = 256;

class DocxText {
  public:
    DocxText(const StyleFonts& styles, const Notes& notes, std::map<std::string, int>& note_numbers,
             int depth = 0)
        : styles_(styles), notes_(notes), note_numbers_(note_numbers), depth_(depth) {}

    void walk(pugi::xml_node node, const std::string& paragraph_font) {
        if (++depth_ > kMaxNesting) {
            throw SourceError("damaged DOCX: elements nested more than " +
                              std::to_string(kMaxNesting) + " deep");
        }
        for (pugi::xml_node n : node.children()) {
            const std::string_view name = n.name();
            if (name == "w:p") {
                const std::string style =
                    n.child("w:pPr").child("w:pStyle").attribute("w:val").value();
                std::string font = styles_.font(style);
                if (font.empty()) font = styles_.default_font();
                walk(n, font);
                out_ += '\n';
                write_pending_notes();
            } else if (name == "w:r") {
                run(n, paragraph_font);
            } else if (name == "w:del" || name == "mc:Fallback" || name == "w:pPr" ||
                       name == "w:rPr" || name == "w:sectPr") {
                // deleted text, duplicate fallback drawings, properties: no text of the document
            } else {
                walk(n, paragraph_font);
            }
        }
        --depth_;
    }

    std::string take() { return std::move(out_); }
    const std::set<std::string>& legacy_fonts() const { return legacy_fonts_; }

  private:
    void run(pugi::xml_node r, const std::string& paragraph_font) {
        const pugi::xml_node rpr = r.child("w:rPr");
        std::string font = font_of(rpr);
        if (font.empty()) font = styles_.font(rpr.child("w:rStyle").attribute("w:val").value());
        if (font.empty()) font = paragraph_font;
        const bool capitals =
            rpr.child("w:caps") &&
            std::string_view(rpr.child("w:caps").attribute("w:val").value()) != "0" &&
            std::string_view(rpr.child("w:caps").attribute("w:val").value()) != "false";
        std::string text;
        for (pugi::xml_node c : r.children()) {
            const std::string_view name = c.name();
            if (name == "w:t") {
                text += c.text().get();
            } else if (name == "w:tab" || name == "w:ptab") {
                text += '\t';
            } else if (name == "w:br" || name == "w:cr") {
                text += '\n';
            } else if (name == "w:noBreakHyphen") {
                text += '-';
            } else if (name == "w:footnoteReference" || name == "w:endnoteReference") {
                text += note_mark(std::string(name == "w:footnoteReference" ? "f" : "e") +
                                  c.attribute("w:id").value());
            } else if (name == "mc:AlternateContent" || name == "w:drawing" || name == "w:pict") {
                flush(text, font, capitals);
                text.clear();
                DocxText inner(styles_, notes_, note_numbers_, depth_);
                inner.walk(c, paragraph_font);
                out_ += '\n';
                out_ += inner.take();
                legacy_fonts_.insert(inner.legacy_fonts().begin(), inner.legacy_fonts().end());
            }
        }
        flush(text, font, capitals);
    }

    std::string note_mark(const std::string& key) {
        auto [it, added] = note_numbers_.emplace(key, static_cast<int>(note_numbers_.size()) + 1);
        if (added) pending_notes_.push_back(key);
        return superscript_number(it->second);
    }

    /// The notes marked in the paragraph just ended, as a printed page shows them: the mark,
    /// then the note's text, one note a line.
    void write_pending_notes() {
        const std::vector<std::string> keys = std::move(pending_notes_);
        pending_notes_.clear();
        for (const std::string& key : keys) {
            const auto note = notes_.find(key);
            if (note == notes_.end()) continue;
            std::map<std::string, int> nested;  // a note's own marks are not numbered again
            const Notes no_notes;
            DocxText text(styles_, no_notes, nested);
            text.walk(note->second, styles_.default_font());
            legacy_fonts_.insert(text.legacy_fonts().begin(), text.legacy_fonts().end());
            std::string body = text.take();
            body.erase(0, body.find_first_not_of(" \n"));
            while (!body.empty() && (body.back() == '\n' || body.back() == ' ')) body.pop_back();
            out_ += superscript_number(note_numbers_.at(key)) + " " + body + "\n";
        }
    }

    void flush(const std::string& text, const std::string& font, bool capitals) {
        if (text.empty()) return;
        const LegacyFont legacy = legacy_font(font);
        std::optional<std::string> bytes;
        if (legacy != LegacyFont::None) bytes = windows1252_bytes(text);
        if (!bytes) {
            out_ += text;  // Unicode text, whatever the font claims
            return;
        }
        legacy_fonts_.insert(font);
        if (legacy == LegacyFont::Vni) {
            out_ += decode_vni(*bytes);
        } else {
            out_ += decode_tcvn3(*bytes, legacy == LegacyFont::Tcvn3Capitals || capitals
                                             ? Tcvn3Capitals::All
                                             : Tcvn3Capitals::AsIs);
        }
    }

    const StyleFonts& styles_;
    const Notes& notes_;
    std::map<std::string, int>& note_numbers_;
    std::vector<std::string> pending_notes_;
    std::set<std::string> legacy_fonts_;
    std::string out_;
    int depth_;  ///< elements walked into, counted across drawings' text
};

}  // namespace

Extraction extract_docx(std::string_view bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source == nullptr)
        throw SourceError("cannot read DOCX: " + std::string(zip_error_strerror(&error)));
    std::unique_ptr<zip_t, ZipClose> zip(zip_open_from_source(source, ZIP_RDONLY, &error));
    if (!zip) {
        const std::string reason = zip_error_strerror(&error);
        zip_source_free(source);
        zip_error_fini(&error);
        throw SourceError("damaged or truncated DOCX (" + reason + ")");
    }
    const auto document_xml = read_part(zip.get(), "word/document.xml");
    if (!document_xml) throw SourceError("damaged DOCX: no word/document.xml");
    const pugi::xml_document document = parse_part(*document_xml, "word/document.xml");

    std::optional<pugi::xml_document> styles;
    if (const auto xml = read_part(zip.get(), "word/styles.xml")) {
        styles.emplace(parse_part(*xml, "word/styles.xml"));
    }
    const StyleFonts fonts(styles ? &*styles : nullptr);

    // Notes are read first so each can follow the paragraph that marks it.
    std::deque<pugi::xml_document> note_parts;  // stable addresses: notes point into them
    Notes notes;
    for (const auto& [part, element, prefix] :
         {std::tuple{"word/footnotes.xml", "w:footnotes", "f"},
          std::tuple{"word/endnotes.xml", "w:endnotes", "e"}}) {
        const auto xml = read_part(zip.get(), part);
        if (!xml) continue;
        const pugi::xml_document& doc = note_parts.emplace_back(parse_part(*xml, part));
        const std::string child(std::string_view(element).substr(0, std::strlen(element) - 1));
        for (pugi::xml_node note : doc.child(element).children(child.c_str())) {
            notes[prefix + std::string(note.attribute("w:id").value())] = note;
        }
    }
    std::map<std::string, int> note_numbers;  // "f3" -> 1: marks numbered in reading order
    DocxText body(fonts, notes, note_numbers);
    body.walk(document.child("w:document").child("w:body"), fonts.default_font());
    Extraction e;
    e.format = SourceFormat::Docx;
    e.extractor = "libzip+pugixml";
    e.text = body.take();
    const std::set<std::string>& legacy = body.legacy_fonts();
    if (!legacy.empty()) {
        std::string names;
        bool vni = false;
        for (const auto& f : legacy) {
            names += (names.empty() ? "" : ", ") + f;
            vni = vni || legacy_font(f) == LegacyFont::Vni;
        }
        e.encoding = std::string(vni ? "VNI" : "TCVN3") + " (fonts " + names + ")";
    }
    return e;
}

}  // namespace tracuu
