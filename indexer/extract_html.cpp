// HTML through libxml2's forgiving HTML parser: text only, scripts and styles dropped, white
// space collapsed as a browser does, block elements and table cells on their own lines.
#include <libxml/HTMLparser.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <set>
#include <vector>

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

/// Text as libxml2's HTML parser reports it, element by element (SAX: no tree is built, so
/// neither nesting deeper than libxml2's tree limit of 256 nor a 30 MB page costs text or
/// memory; the parser itself keeps its open elements in a list, not on the stack).
class TextCollector {
  public:
    void start(std::string_view name) {
        const bool skipped = skip_depth_ > 0 || skipped_elements().count(name) > 0;
        const bool block = !skipped && block_elements().count(name) > 0;
        const bool pre = name == "pre";
        open_.push_back(static_cast<uint8_t>((skipped ? kSkipped : 0) | (block ? kBlock : 0) |
                                             (pre ? kPre : 0)));
        if (skipped) ++skip_depth_;
        if (pre) ++pre_depth_;
        if (block) line_break();
    }

    void end() {
        if (open_.empty()) return;  // an end tag the parser did not open
        const uint8_t flags = open_.back();
        open_.pop_back();
        if (flags & kSkipped) --skip_depth_;
        if (flags & kPre) --pre_depth_;
        if (flags & kBlock) line_break();
    }

    void text(std::string_view text) {
        if (skip_depth_ > 0) return;
        for (const char c : text) {
            const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
            if (pre_depth_ > 0 && c == '\n') {
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

    std::string take() { return std::move(out_); }

  private:
    static constexpr uint8_t kSkipped = 1, kBlock = 2, kPre = 4;

    void line_break() {
        pending_space_ = false;
        if (!out_.empty() && out_.back() != '\n') out_.push_back('\n');
    }

    std::string out_;
    bool pending_space_ = false;
    std::vector<uint8_t> open_;  ///< flags of each open element
    std::size_t skip_depth_ = 0;
    std::size_t pre_depth_ = 0;
};

TextCollector& collector_of(void* ctx) {
    return *static_cast<TextCollector*>(static_cast<htmlParserCtxtPtr>(ctx)->_private);
}

void on_start(void* ctx, const xmlChar* name, const xmlChar**) {
    collector_of(ctx).start(reinterpret_cast<const char*>(name));
}

void on_end(void* ctx, const xmlChar*) {
    collector_of(ctx).end();
}

void on_text(void* ctx, const xmlChar* text, int length) {
    collector_of(ctx).text({reinterpret_cast<const char*>(text), static_cast<std::size_t>(length)});
}

void on_error(void*, const char*, ...) {}
void on_structured_error(void*, xmlErrorPtr) {}

struct ContextFree {
    void operator()(htmlParserCtxtPtr c) const { htmlFreeParserCtxt(c); }
};

}  // namespace

Extraction extract_html(std::string_view bytes) {
    Extraction e;
    e.format = SourceFormat::Html;
    e.extractor = "libxml2";
    // Valid UTF-8 is read as UTF-8 whatever the page declares (a common lie), and so is damaged
    // UTF-8 (libxml2 would read all of it as Latin-1); otherwise the page's own <meta charset>
    // decides, and without one the legacy detector does.
    std::string utf8_bytes;
    const char* encoding = nullptr;
    if (utf8::is_valid(bytes)) {
        encoding = "UTF-8";
    } else if (is_damaged_utf8(bytes)) {
        utf8_bytes = std::string(bytes);
        const std::size_t replaced = utf8::repair(utf8_bytes);
        e.warnings.push_back("damaged UTF-8: " + std::to_string(replaced) +
                             " invalid byte sequences read as U+FFFD");
        bytes = utf8_bytes;
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
    if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
        throw SourceError("HTML too large for libxml2");
    std::unique_ptr<htmlParserCtxt, ContextFree> context(htmlNewParserCtxt());
    if (!context || !context->sax) throw SourceError("HTML that libxml2 cannot parse");
    // Text events only (no tree); errors and warnings go nowhere.
    htmlSAXHandler& sax = *context->sax;
    sax = htmlSAXHandler{};
    sax.startElement = on_start;
    sax.endElement = on_end;
    sax.characters = on_text;
    sax.cdataBlock = on_text;
    sax.warning = on_error;
    sax.error = on_error;
    sax.fatalError = on_error;
    sax.serror = on_structured_error;
    sax.initialized = XML_SAX2_MAGIC;  // so errors take `serror`
    TextCollector collector;
    context->_private = &collector;
    const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET | HTML_PARSE_COMPACT;
    htmlDocPtr doc = htmlCtxtReadMemory(context.get(), bytes.data(), static_cast<int>(bytes.size()),
                                        nullptr, encoding, options);
    if (doc) xmlFreeDoc(doc);  // none without a startDocument handler
    e.text = collector.take();
    return e;
}

}  // namespace tracuu
