import OCOPModels

/// A solid rule under a paragraph, centred: NĐ 30 draws one under the Tiêu ngữ (full length), the
/// agency name and the trích yếu (1/3–1/2 of the text).
struct Rule {
    enum Length {
        /// A fraction of the paragraph's widest line.
        case fractionOfText(Double)
        case fixed(Double)
    }

    var length: Length
    var lineWidth: Double = 0.6
    /// Space between the text and the rule.
    var gap: Double = 1.5
    /// Space under the rule.
    var after: Double = 0

    var height: Double { gap + lineWidth + after }
}

/// A paragraph of the flow.
struct Paragraph {
    var runs: [Run]
    var style: TextStyle
    var leftIndent: Double = 0
    var rightIndent: Double = 0
    var spaceBefore: Double = 0
    var spaceAfter: Double = 0
    var rule: Rule?
    /// Do not end a page between this block and the next.
    var keepWithNext = false
    /// Wrapped lines of even length (titles): the narrowest width that keeps the number of lines.
    var balanced = false

    init(_ runs: [Run], _ style: TextStyle, leftIndent: Double = 0, rightIndent: Double = 0, spaceBefore: Double = 0,
         spaceAfter: Double = 0, rule: Rule? = nil, keepWithNext: Bool = false, balanced: Bool = false) {
        self.runs = runs
        self.style = style
        self.leftIndent = leftIndent
        self.rightIndent = rightIndent
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
        self.rule = rule
        self.keepWithNext = keepWithNext
        self.balanced = balanced
    }

    init(_ text: String, _ style: TextStyle, leftIndent: Double = 0, rightIndent: Double = 0, spaceBefore: Double = 0,
         spaceAfter: Double = 0, rule: Rule? = nil, keepWithNext: Bool = false, balanced: Bool = false) {
        self.init([Run(text)], style, leftIndent: leftIndent, rightIndent: rightIndent, spaceBefore: spaceBefore,
                  spaceAfter: spaceAfter, rule: rule, keepWithNext: keepWithNext, balanced: balanced)
    }
}

enum VerticalAlignment {
    case top
    case middle
}

struct TableCell {
    var paragraph: Paragraph
    /// Columns this cell covers.
    var span: Int = 1
    var verticalAlignment: VerticalAlignment = .middle

    init(_ paragraph: Paragraph, span: Int = 1, verticalAlignment: VerticalAlignment = .middle) {
        self.paragraph = paragraph
        self.span = span
        self.verticalAlignment = verticalAlignment
    }

    init(_ text: String, _ style: TextStyle, span: Int = 1, verticalAlignment: VerticalAlignment = .middle) {
        self.init(Paragraph(text, style), span: span, verticalAlignment: verticalAlignment)
    }
}

struct TableRow {
    var cells: [TableCell]
    /// Do not end a page between this row and the next (a criterion and its first option).
    var keepWithNext = false

    init(_ cells: [TableCell], keepWithNext: Bool = false) {
        self.cells = cells
        self.keepWithNext = keepWithNext
    }
}

/// A bordered table; `header` rows repeat at the top of every page the table reaches.
struct Table {
    /// Relative column widths.
    var columns: [Double]
    var header: [TableRow]
    var rows: [TableRow]
    var lineWidth: Double = 0.5
    var paddingX: Double = 3
    var paddingY: Double = 2.5
}

/// Something drawn by code (stars, a QR code, an image) with a known height.
struct Drawing {
    var height: Double
    var draw: (Canvas, _ x: Double, _ y: Double, _ width: Double) throws -> Void
}

/// Side-by-side blocks; `width` is a fraction of the available width. Never split.
struct Column {
    var width: Double
    var blocks: [Block]
}

/// The content of a flowed document.
indirect enum Block {
    case paragraph(Paragraph)
    case space(Double)
    case table(Table)
    /// Moved to the next page as a whole when it does not fit (flowed normally if taller than a page).
    case keepTogether([Block])
    case columns([Column])
    case drawing(Drawing)
    case pageBreak
}
