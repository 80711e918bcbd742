import CPangoCairo
import WelltreeReports

/// A flowing A4 document drawn with cairo, its text laid out by Pango (wrapping, shaping, font
/// fallback for non-Latin scripts). Each page is drawn onto a cairo recording surface; `finish`
/// replays them into a PDF and adds "Page N of M" footers, which needs the page count first.
///
/// Navigation is recorded while the flow is laid out and written by `finish`: named
/// destinations (`anchor`), links to them or to web addresses (`link`, `paragraph(link:)`), and
/// bookmarks, the PDF outline (`bookmark`). Pages can be reserved and drawn on later
/// (`reservePages`, `drawing(onPage:)`), which is how a table of contents gets the page numbers
/// of sections laid out after it.
///
/// Owns cairo and GObject handles, so it is a class that frees them in `deinit`. The libraries
/// are loaded by the first canvas (`PangoCairo.loaded`); their functions are called through `lib`.
final class PDFCanvas {
    /// RGB in 0...1.
    struct Colour {
        var red: Double, green: Double, blue: Double
        static let ink = Colour(red: 0.09, green: 0.10, blue: 0.12)
        static let muted = Colour(red: 0.37, green: 0.42, blue: 0.48)
        static let rule = Colour(red: 0.84, green: 0.86, blue: 0.86)
        static let high = Colour(red: 0.82, green: 0.20, blue: 0.07)
        static let medium = Colour(red: 0.97, green: 0.57, blue: 0.34)
        static let none = Colour(red: 0.11, green: 0.51, blue: 0.01)
        static let notApplicable = Colour(red: 0.53, green: 0.58, blue: 0.59)
        static let unanswered = Colour(red: 0.84, green: 0.86, blue: 0.86)
        static let accent = Colour(red: 0.04, green: 0.45, blue: 0.83)
    }

    /// How a block of text looks.
    struct Style {
        var size: Double = 10
        var bold = false
        var italic = false
        var colour = Colour.ink
        var monospace = false
    }

    /// Where a link goes: a destination of this document (`anchor`), or a web address.
    enum LinkTarget: Equatable {
        case destination(String)
        case web(String)
    }

    /// A named place in the document: a page (0-based) and a point on it.
    struct Destination: Equatable {
        var name: String
        var page: Int
        var x: Double
        var y: Double
    }

    /// A clickable rectangle on a page.
    struct Link: Equatable {
        var page: Int
        var x: Double, y: Double, width: Double, height: Double
        var target: LinkTarget
    }

    /// An entry of the PDF outline: `level` 0 is the top; it opens on `destination`.
    struct Bookmark: Equatable {
        var title: String
        var level: Int
        var destination: String
        /// Whether the viewer shows its children at first.
        var open: Bool
    }

    let pageWidth = 595.0
    let pageHeight = 842.0
    let margin = 50.0
    /// DejaVu covers Latin, Greek and Cyrillic; Noto CJK takes Chinese, Japanese and Korean.
    let fontFamily = "DejaVu Sans, Noto Sans CJK JP, Noto Sans CJK SC, sans-serif"

    private let lib: CPangoCairoFunctions
    private let context: OpaquePointer
    private var pages: [OpaquePointer] = []
    private var cr: OpaquePointer?
    /// The page drawn on (0-based): the last one, unless `drawing(onPage:)` is drawing elsewhere.
    private(set) var page = -1
    /// The vertical position of the next block on the current page.
    private(set) var y = 0.0
    private(set) var destinations: [Destination] = []
    private(set) var links: [Link] = []
    private(set) var bookmarks: [Bookmark] = []

    /// How many pages the document has so far.
    var pageCount: Int { pages.count }

    var contentWidth: Double { pageWidth - 2 * margin }
    var bottom: Double { pageHeight - margin - 20 }

    /// A canvas with one empty page; fails when cairo or Pango cannot be loaded.
    init() throws(PDFError) {
        lib = try PangoCairo.loaded.get().functions
        let fontMap = lib.pango_cairo_font_map_get_default()
        context = lib.pango_font_map_create_context(fontMap)
        lib.pango_cairo_context_set_resolution(context, 72)
        newPage()
    }

    deinit {
        if let cr { lib.cairo_destroy(cr) }
        for page in pages { lib.cairo_surface_destroy(page) }
        lib.g_object_unref(UnsafeMutableRawPointer(context))
    }

    /// The cairo context of the current page.
    private var graphics: OpaquePointer { cr! }

    /// Starts a new page; the next block goes at its top.
    func newPage() {
        if let cr { lib.cairo_destroy(cr) }
        var extents = cairo_rectangle_t(x: 0, y: 0, width: pageWidth, height: pageHeight)
        let surface = lib.cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents)
        pages.append(surface)
        page = pages.count - 1
        cr = lib.cairo_create(surface)
        y = margin
    }

    /// Adds `count` empty pages after the current one, to be drawn on later with
    /// `drawing(onPage:)`, and continues the flow on a new page after them. Returns their indices.
    func reservePages(_ count: Int) -> [Int] {
        let reserved = (0..<count).map { _ in
            newPage()
            return page
        }
        newPage()
        return reserved
    }

    /// Runs `body` drawing on an earlier page (the flow starting at `top`), then returns to
    /// where the flow was.
    func drawing(onPage index: Int, top: Double, _ body: () -> Void) {
        let saved = (cr: cr, page: page, y: y)
        let context = lib.cairo_create(pages[index])
        cr = context
        page = index
        y = top
        body()
        lib.cairo_destroy(context)
        (cr, page, y) = saved
    }

    /// A named destination at the current position, for links and bookmarks.
    func anchor(_ name: String) {
        destinations.append(Destination(name: name, page: page, x: margin, y: max(y - 4, 0)))
    }

    /// Makes a rectangle of the current page a link.
    func link(x: Double, y top: Double, width: Double, height: Double, to target: LinkTarget) {
        links.append(Link(page: page, x: x, y: top, width: width, height: height, target: target))
    }

    /// Adds an entry to the PDF outline (bookmarks), in document order.
    func bookmark(_ title: String, level: Int, destination: String, open: Bool = false) {
        bookmarks.append(Bookmark(title: title, level: level, destination: destination, open: open))
    }

    /// Moves to a new page unless `height` more points fit on this one.
    func ensureSpace(_ height: Double) {
        if y + height > bottom, y > margin { newPage() }
    }

    /// Adds vertical space (never carried over to the top of a new page).
    func space(_ points: Double) {
        y = min(y + points, bottom)
    }

    /// A Pango layout of `text`, wrapped to `width` points. Control characters and bidirectional
    /// overrides from the repository are drawn as `\u{XXXX}`, as every other output shows them
    /// (`TerminalText.block`), rather than reordering or hiding the text around them.
    func layout(_ text: String, style: Style, width: Double?) -> OpaquePointer {
        let layout = lib.pango_layout_new(context)
        let description = lib.pango_font_description_from_string(style.monospace ? "DejaVu Sans Mono, Noto Sans Mono CJK JP" : fontFamily)
        lib.pango_font_description_set_size(description, Int32(style.size * Double(PANGO_SCALE)))
        if style.bold { lib.pango_font_description_set_weight(description, PANGO_WEIGHT_BOLD) }
        if style.italic { lib.pango_font_description_set_style(description, PANGO_STYLE_ITALIC) }
        lib.pango_layout_set_font_description(layout, description)
        lib.pango_font_description_free(description)
        if let width {
            lib.pango_layout_set_width(layout, Int32(width * Double(PANGO_SCALE)))
            lib.pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        }
        lib.pango_layout_set_text(layout, TerminalText.block(text), -1)
        return layout
    }

    /// The size of a laid-out text in points.
    func size(of layout: OpaquePointer) -> (width: Double, height: Double) {
        var width: Int32 = 0, height: Int32 = 0
        lib.pango_layout_get_size(layout, &width, &height)
        return (Double(width) / Double(PANGO_SCALE), Double(height) / Double(PANGO_SCALE))
    }

    /// Wrapped text flowing down the page from the current position, breaking between lines
    /// onto new pages as needed (long notes continue on the next one). With `link`, every line
    /// drawn is a link to it.
    func paragraph(_ text: String, style: Style = Style(), indent: Double = 0, after: Double = 4, link target: LinkTarget? = nil) {
        let layout = layout(text, style: style, width: contentWidth - indent)
        defer { lib.g_object_unref(UnsafeMutableRawPointer(layout)) }
        let scale = Double(PANGO_SCALE)
        let iter = lib.pango_layout_get_iter(layout)
        defer { lib.pango_layout_iter_free(iter) }
        var top = y
        repeat {
            var logical = PangoRectangle()
            lib.pango_layout_iter_get_line_extents(iter, nil, &logical)
            let lineTop = top + Double(logical.y) / scale
            let lineBottom = lineTop + Double(logical.height) / scale
            if lineBottom > bottom, lineTop > margin {
                newPage()
                top = margin - Double(logical.y) / scale
            }
            let baseline = top + Double(lib.pango_layout_iter_get_baseline(iter)) / scale
            if let target {
                link(
                    x: margin + indent + Double(logical.x) / scale, y: top + Double(logical.y) / scale,
                    width: Double(logical.width) / scale, height: Double(logical.height) / scale, to: target)
            }
            setColour(style.colour)
            lib.cairo_move_to(graphics, margin + indent + Double(logical.x) / scale, baseline)
            lib.pango_cairo_show_layout_line(graphics, lib.pango_layout_iter_get_line_readonly(iter))
            y = top + Double(logical.y + logical.height) / scale
        } while lib.pango_layout_iter_next_line(iter) != 0
        space(after)
    }

    /// One line of text at a fixed place (chart labels, table cells), not moving the flow.
    /// `align` is 0 for left, 0.5 for centred, 1 for right at `x`. Returns the text's size.
    @discardableResult
    func label(_ text: String, x: Double, y top: Double, style: Style = Style(), align: Double = 0, width: Double? = nil) -> (width: Double, height: Double) {
        let layout = layout(text, style: style, width: width)
        defer { lib.g_object_unref(UnsafeMutableRawPointer(layout)) }
        if width != nil { lib.pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END) }
        let measured = size(of: layout)
        setColour(style.colour)
        lib.cairo_move_to(graphics, x - measured.width * align, top)
        lib.pango_cairo_show_layout(graphics, layout)
        return measured
    }

    /// A filled rectangle.
    func fill(x: Double, y top: Double, width: Double, height: Double, colour: Colour) {
        setColour(colour)
        lib.cairo_new_path(graphics)
        lib.cairo_rectangle(graphics, x, top, width, height)
        lib.cairo_fill(graphics)
    }

    /// A straight line.
    func line(from start: (Double, Double), to end: (Double, Double), colour: Colour, width: Double = 0.6) {
        setColour(colour)
        lib.cairo_set_line_width(graphics, width)
        lib.cairo_move_to(graphics, start.0, start.1)
        lib.cairo_line_to(graphics, end.0, end.1)
        lib.cairo_stroke(graphics)
    }

    /// Connected straight lines through `points`.
    func polyline(_ points: [(Double, Double)], colour: Colour, width: Double) {
        guard let first = points.first else { return }
        setColour(colour)
        lib.cairo_set_line_width(graphics, width)
        lib.cairo_move_to(graphics, first.0, first.1)
        for point in points.dropFirst() { lib.cairo_line_to(graphics, point.0, point.1) }
        lib.cairo_stroke(graphics)
    }

    /// A filled circle, and nothing else: text leaves cairo's current point where it started,
    /// and an arc begins with a line from the current point, so the path is cleared first.
    func dot(at centre: (Double, Double), radius: Double, colour: Colour) {
        setColour(colour)
        lib.cairo_new_path(graphics)
        lib.cairo_arc(graphics, centre.0, centre.1, radius, 0, 2 * Double.pi)
        lib.cairo_fill(graphics)
    }

    /// A horizontal rule across the text column at the current position.
    func rule(colour: Colour = .rule) {
        line(from: (margin, y), to: (pageWidth - margin, y), colour: colour)
        space(6)
    }

    /// Moves the flow to `newY` on the current page (after drawing a fixed-size figure).
    func moveTo(_ newY: Double) {
        y = newY
    }

    private func setColour(_ colour: Colour) {
        lib.cairo_set_source_rgb(graphics, colour.red, colour.green, colour.blue)
    }

    /// The finished PDF: every page replayed as vector content, with `footer(page, count)` drawn
    /// at its foot, the destinations and links recorded for it, and the outline.
    func finish(title: String, footer: (Int, Int) -> String) -> [UInt8] {
        if let cr { lib.cairo_destroy(cr) }
        cr = nil
        let sink = ByteSink()
        let box = Unmanaged.passRetained(sink)
        defer { box.release() }
        let surface = lib.cairo_pdf_surface_create_for_stream({ closure, data, length in
            let sink = Unmanaged<ByteSink>.fromOpaque(closure!).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }, box.toOpaque(), pageWidth, pageHeight)
        lib.cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, TerminalText.line(title))
        lib.cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Welltree")
        let pdf = lib.cairo_create(surface)
        let destinationsByPage = Dictionary(grouping: destinations, by: \.page)
        let linksByPage = Dictionary(grouping: links, by: \.page)
        for (index, page) in pages.enumerated() {
            lib.cairo_set_source_surface(pdf, page, 0, 0)
            lib.cairo_paint(pdf)
            cr = pdf
            label(footer(index + 1, pages.count), x: pageWidth / 2, y: pageHeight - margin + 6, style: Style(size: 8, colour: .muted), align: 0.5)
            cr = nil
            // Tags after drawing: cairo 1.16 drops those of a page with nothing drawn yet.
            for destination in destinationsByPage[index] ?? [] {
                let attributes = "name='\(destination.name)' x=\(Self.number(destination.x)) y=\(Self.number(destination.y))"
                lib.cairo_tag_begin(pdf, CAIRO_TAG_DEST, attributes)
                lib.cairo_tag_end(pdf, CAIRO_TAG_DEST)
            }
            for link in linksByPage[index] ?? [] {
                let rect = "rect=[\(Self.number(link.x)) \(Self.number(link.y)) \(Self.number(link.width)) \(Self.number(link.height))]"
                let target: String
                switch link.target {
                case .destination(let name): target = "dest='\(name)'"
                case .web(let address):
                    guard let uri = Self.linkAddress(address) else { continue }
                    target = "uri='\(uri)'"
                }
                lib.cairo_tag_begin(pdf, CAIRO_TAG_LINK, rect + " " + target)
                lib.cairo_tag_end(pdf, CAIRO_TAG_LINK)
            }
            lib.cairo_show_page(pdf)
        }
        var parents: [Int32] = []
        for bookmark in bookmarks {
            parents.removeSubrange(min(bookmark.level, parents.count)...)
            let id = lib.cairo_pdf_surface_add_outline(
                surface, parents.last ?? Int32(CAIRO_PDF_OUTLINE_ROOT), TerminalText.line(bookmark.title),
                "dest='\(bookmark.destination)'", bookmark.open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(0))
            parents.append(id)
        }
        lib.cairo_destroy(pdf)
        lib.cairo_surface_finish(surface)
        lib.cairo_surface_destroy(surface)
        return sink.bytes
    }
}

extension PDFCanvas {
    /// A coordinate for a cairo tag attribute: two decimals, a point as decimal separator.
    static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let magnitude = abs(hundredths)
        let fraction = magnitude % 100
        return "\(hundredths < 0 ? "-" : "")\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// The address a PDF link may carry, or nil for anything but `http://` and `https://`.
    ///
    /// Every character outside the unreserved and reserved characters of URIs (RFC 3986) is
    /// percent-encoded, and so are `(`, `)` and `'`: cairo 1.16 writes a link's address into the
    /// PDF between parentheses without escaping it, so a lens link holding `)` could end the
    /// string and add PDF objects of its own (a JavaScript action); and `'` or `\` would end
    /// the tag attribute cairo parses. What remains needs no escaping anywhere.
    static func linkAddress(_ address: String) -> String? {
        guard isWebAddress(address) else { return nil }
        var result = ""
        for scalar in address.unicodeScalars {
            if linkCharacters.contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 {
                    let hex = String(byte, radix: 16, uppercase: true)
                    result += "%" + (hex.count == 1 ? "0" : "") + hex
                }
            }
        }
        return result
    }

    private static let linkCharacters = Set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&*+,;=%".unicodeScalars)
}

/// Collects the bytes cairo writes.
private final class ByteSink {
    var bytes: [UInt8] = []
}
