// HTML through libxml2's forgiving HTML parser: text nodes only, scripts and styles dropped,
// white space collapsed as a browser does, block elements and table cells on their own lines.
#include <libxml/HTMLparser.h>

#include <cstring>
#include <memory>
#include <set>

#include "analyzers/legacy_encoding.hpp"
#include "analyzers/utf8.hpp"
#include "extractors.hpp"

namespace tracuu {
namespace {

const std::set<std::string_view>& skipped_elements() {
    static const std::set<std::string_view> names = {"script", "style",  "noscript", "template",
                                                     "head",   "svg",    "math",     "iframe",
                                                     "object", "select", "button"};
    return names;
}

const std::set<std::string_view>& block_elements() {
    static const std::set<std::string_view> names = {
        "address", "article", "aside", "blockquote", "body",       "br",     "caption", "dd",
        "div",     "dl",      "dt",    "fieldset",   "figcaption", "figure", "footer",  "form",
        "h1",      "h2",      "h3",    "h4",         "h5",         "h6",     "header",  "hr",
        "li",      "main",    "nav",   "ol",         "p",          "pre",    "section", "table",
        "tbody",   "td",      "tfoot", "th",         "thead",      "title",  "tr",      "ul"};
    return names;
}

class TextCollector {
  public:
    void walk(xmlNode* node, bool preformatted) {
        for (xmlNode* n = node; n != nullptr; n = n->next) {
            if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
                add_text(reinterpret_cast<const char*>(n->content), preformatted);
                continue;
            }
            if (n->type != XML_ELEMENT_NODE) continue;
            const std::string_view name = reinterpret_cast<const char*>(n->name);
            if (skipped_elements().count(name)) continue;
            const bool block = block_elements().count(name) > 0;
            if (block) line_break();
            walk(n->children, preformatted || name == "pre");
            if (block) line_break();
        }
    }

    std::string take() { return std::move(out_); }

  private:
    void add_text(const char* text, bool preformatted) {
        if (text == nullptr) return;
        for (const char* p = text; *p != '\0'; ++p) {
            const char c = *p;
            const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
            if (preformatted && c == '\n') {
                line_break();
            } else if (space) {
                pending_space_ = !out_.empty() && out_.back() != '\n';
            } else {
                if (pending_space_) out_.push_back(' ');
                pending_space_ = false;
                out_.push_back(c);
            }
        }
    }

    void line_break() {
        pending_space_ = false;
        if (!out_.empty() && out_.back() != '\n') out_.push_back('\n');
    }

    std::string out_;
    bool pending_space_ = false;
};

struct DocFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

}  // namespace

Extraction extract_html(std::string_view bytes) {
    Extraction e;
    e.format = SourceFormat::Html;
    e.extractor = "libxml2";
    // Valid UTF-8 is read as UTF-8 whatever the page declares (a common lie); otherwise the
    // page's own <meta charset> decides, and without one the legacy detector does.
    std::string utf8_bytes;
    const char* encoding = nullptr;
    if (utf8::is_valid(bytes)) {
        encoding = "UTF-8";
    } else {
        const std::string head(bytes.substr(0, 2048));
        if (head.find("charset") == std::string::npos) {
            try {
                DecodedText decoded = decode_text(bytes);
                utf8_bytes = std::move(decoded.text);
                e.encoding = std::string(encoding_name(decoded.encoding));
                bytes = utf8_bytes;
                encoding = "UTF-8";
            } catch (const EncodingError& error) {
                throw SourceError(error.what());
            }
        } else {
            e.encoding = "declared in the page";
        }
    }
    const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET | HTML_PARSE_COMPACT;
    std::unique_ptr<xmlDoc, DocFree> doc(
        htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, encoding, options));
    if (!doc) throw SourceError("HTML that libxml2 cannot parse");
    TextCollector collector;
    collector.walk(xmlDocGetRootElement(doc.get()), false);
    e.text = collector.take();
    return e;
}

}  // namespace tracuu
