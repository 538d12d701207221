import CCairoPango
import Foundation
import OCOPModels

enum TextAlignment {
    case left
    case center
    case right
    case justify
}

/// How a run of text or a whole paragraph is set. Sizes in points.
struct TextStyle {
    var size: Double
    var bold = false
    var italic = false
    var color: RGBColor = .black
    var alignment: TextAlignment = .left
    var firstLineIndent: Double = 0
    /// Multiple of single line spacing.
    var lineSpacing: Double = 1.0

    init(size: Double, bold: Bool = false, italic: Bool = false, color: RGBColor = .black,
         alignment: TextAlignment = .left, firstLineIndent: Double = 0, lineSpacing: Double = 1.0) {
        self.size = size
        self.bold = bold
        self.italic = italic
        self.color = color
        self.alignment = alignment
        self.firstLineIndent = firstLineIndent
        self.lineSpacing = lineSpacing
    }

    func with(_ change: (inout TextStyle) -> Void) -> TextStyle {
        var copy = self
        change(&copy)
        return copy
    }
}

/// A stretch of text whose weight, slant, size or colour differs from its paragraph.
struct Run {
    var text: String
    var bold: Bool?
    var italic: Bool?
    var size: Double?
    var color: RGBColor?

    init(_ text: String, bold: Bool? = nil, italic: Bool? = nil, size: Double? = nil, color: RGBColor? = nil) {
        self.text = text
        self.bold = bold
        self.italic = italic
        self.size = size
        self.color = color
    }
}

/// One laid-out line: positions relative to the layout's top left, in points.
struct LineBox {
    let line: UnsafeMutablePointer<PangoLayoutLine>
    let x: Double
    let top: Double
    let height: Double
    let baseline: Double
    let width: Double
    var bottom: Double { top + height }
}

/// A paragraph shaped by pango at a fixed width. Lines can be drawn separately, so a paragraph
/// can break across pages.
final class TextBox {
    private let layout: OpaquePointer
    let lines: [LineBox]
    let color: RGBColor
    let width: Double

    var height: Double { lines.last.map(\.bottom) ?? 0 }
    var widestLine: Double { lines.map(\.width).max() ?? 0 }

    init(layout: OpaquePointer, color: RGBColor, width: Double) {
        self.layout = layout
        self.color = color
        self.width = width
        var lines: [LineBox] = []
        let iterator = pango_layout_get_iter(layout)
        repeat {
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iterator, nil, &logical)
            let baseline = pango_layout_iter_get_baseline(iterator)
            if let line = pango_layout_iter_get_line_readonly(iterator) {
                lines.append(LineBox(
                    line: line, x: Self.points(logical.x), top: Self.points(logical.y),
                    height: Self.points(logical.height), baseline: Self.points(baseline), width: Self.points(logical.width)))
            }
        } while pango_layout_iter_next_line(iterator) != 0
        pango_layout_iter_free(iterator)
        self.lines = lines
    }

    deinit { ocop_object_unref(UnsafeMutableRawPointer(layout)) }

    static func points(_ units: Int32) -> Double { Double(units) / Double(PANGO_SCALE) }

    /// Draws lines `range`, the first line's top at `y`.
    func draw(_ cr: OpaquePointer, x: Double, y: Double, lines range: Range<Int>? = nil) {
        let range = range ?? lines.indices
        guard let first = range.first else { return }
        let origin = y - lines[first].top
        cairo_set_source_rgb(cr, Double(color.red) / 255, Double(color.green) / 255, Double(color.blue) / 255)
        for index in range {
            let line = lines[index]
            cairo_move_to(cr, x + line.x, origin + line.baseline)
            pango_cairo_show_layout_line(cr, line.line)
        }
    }
}

/// Creates text boxes for one render: a pango context over the renderer's font map, at 72 dpi
/// (1 unit = 1 pt), with hinting off so that layout never depends on the output device.
final class Typesetter {
    let fonts: FontSystem
    private let context: OpaquePointer

    init(fonts: FontSystem) {
        self.fonts = fonts
        context = pango_font_map_create_context(fonts.fontMap)
        pango_cairo_context_set_resolution(context, 72)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_context_set_round_glyph_positions(context, 0)
        pango_context_set_language(context, pango_language_from_string("vi"))
    }

    deinit { ocop_object_unref(UnsafeMutableRawPointer(context)) }

    func box(_ text: String, _ style: TextStyle, width: Double) throws -> TextBox {
        try box([Run(text)], style, width: width)
    }

    /// Shapes `runs` at `width` points (lines wrap at word boundaries).
    func box(_ runs: [Run], _ style: TextStyle, width: Double) throws -> TextBox {
        // NFC: Vietnamese letters reach the font as the precomposed glyphs Liberation Serif has.
        let pieces = runs.map { $0.text.precomposedStringWithCanonicalMapping }
        let text = pieces.joined()
        let missing = fonts.unsupportedCharacters(in: text)
        guard missing.isEmpty else { throw DocumentError.unsupportedCharacters(missing, in: text) }

        guard let layout = pango_layout_new(context) else { throw DocumentError.renderingFailed("pango_layout_new") }
        let description = Self.fontDescription(style.size, bold: style.bold, italic: style.italic)
        pango_layout_set_font_description(layout, description)
        pango_font_description_free(description)
        pango_layout_set_width(layout, Int32((max(width, 1) * Double(PANGO_SCALE)).rounded(.down)))
        // Words wider than the line (a product code in a narrow cell) break between characters.
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        switch style.alignment {
        case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        case .justify:
            pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
            pango_layout_set_justify(layout, 1)
        }
        if style.firstLineIndent != 0 {
            pango_layout_set_indent(layout, Int32((style.firstLineIndent * Double(PANGO_SCALE)).rounded()))
        }
        if style.lineSpacing != 1.0 { pango_layout_set_line_spacing(layout, Float(style.lineSpacing)) }

        let attributes = pango_attr_list_new()
        // No fallback: a glyph missing from Liberation Serif must never pull in another font.
        pango_attr_list_insert(attributes, pango_attr_fallback_new(0))
        var offset = 0
        for (run, piece) in zip(runs, pieces) {
            let start = UInt32(offset)
            offset += piece.utf8.count
            let end = UInt32(offset)
            func insert(_ attribute: UnsafeMutablePointer<PangoAttribute>?) {
                guard let attribute else { return }
                attribute.pointee.start_index = start
                attribute.pointee.end_index = end
                pango_attr_list_insert(attributes, attribute)
            }
            if let bold = run.bold, bold != style.bold { insert(pango_attr_weight_new(bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)) }
            if let italic = run.italic, italic != style.italic { insert(pango_attr_style_new(italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)) }
            if let size = run.size { insert(pango_attr_size_new_absolute(Int32((size * Double(PANGO_SCALE)).rounded()))) }
            if let color = run.color {
                insert(pango_attr_foreground_new(UInt16(color.red * 257), UInt16(color.green * 257), UInt16(color.blue * 257)))
            }
        }
        for range in Self.unbreakableRanges(text) {
            let attribute = pango_attr_allow_breaks_new(0)!
            attribute.pointee.start_index = UInt32(range.lowerBound)
            attribute.pointee.end_index = UInt32(range.upperBound)
            pango_attr_list_insert(attributes, attribute)
        }
        pango_layout_set_attributes(layout, attributes)
        pango_attr_list_unref(attributes)
        pango_layout_set_text(layout, text, Int32(text.utf8.count))

        guard pango_layout_get_unknown_glyphs_count(layout) == 0 else {
            ocop_object_unref(UnsafeMutableRawPointer(layout))
            throw DocumentError.unsupportedCharacters("?", in: text)
        }
        return TextBox(layout: layout, color: style.color, width: width)
    }

    /// UTF-8 byte ranges of numbers and codes that must not break at their "-" or "/": document
    /// numbers ("125/QĐ-UBND"), product codes ("24-07291-001-2026"), dates ("05/08/2029").
    static func unbreakableRanges(_ text: String) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        let bytes = Array(text.utf8)
        var start = 0
        func close(_ end: Int) {
            guard end > start else { return }
            let token = String(decoding: bytes[start..<end], as: UTF8.self)
            let scalars = Array(token.unicodeScalars)
            let joined = scalars.indices.contains { i in
                (scalars[i] == "-" || scalars[i] == "/") && i > 0 && i < scalars.count - 1
                    && CharacterSet.alphanumerics.contains(scalars[i - 1]) && CharacterSet.alphanumerics.contains(scalars[i + 1])
            }
            if joined { ranges.append(start..<end) }
        }
        for (i, byte) in bytes.enumerated() where byte == 0x20 || byte == 0x0A || byte == 0x09 {
            close(i)
            start = i + 1
        }
        close(bytes.count)
        return ranges
    }

    /// Width of `text` on one line.
    func width(_ text: String, _ style: TextStyle) throws -> Double {
        try box(text, style.with { $0.alignment = .left; $0.firstLineIndent = 0 }, width: 100_000).widestLine
    }

    static func fontDescription(_ size: Double, bold: Bool, italic: Bool) -> OpaquePointer {
        let description = pango_font_description_new()!
        pango_font_description_set_family(description, "Liberation Serif")
        pango_font_description_set_weight(description, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(description, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        pango_font_description_set_absolute_size(description, size * Double(PANGO_SCALE))
        return description
    }
}
