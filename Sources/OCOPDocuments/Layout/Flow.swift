import CCairoPango
import OCOPModels

/// A page size and its margins, in points.
struct PageSetup {
    var width: Double
    var height: Double
    var top: Double
    var bottom: Double
    var left: Double
    var right: Double

    static let a4Width = 595.276
    static let a4Height = 841.890

    init(landscape: Bool, margins: PageMargins) {
        width = landscape ? Self.a4Height : Self.a4Width
        height = landscape ? Self.a4Width : Self.a4Height
        top = mm(margins.top)
        bottom = mm(margins.bottom)
        left = mm(margins.left)
        right = mm(margins.right)
    }

    var textWidth: Double { width - left - right }
    var bodyHeight: Double { height - top - bottom }
}

/// NĐ 30: numbers from 1, not shown on the first page; each annex is numbered on its own.
enum PageNumbering {
    case none
    case fromSecondPage
}

/// A block measured at a width.
private indirect enum Prepared {
    case paragraph(PreparedParagraph)
    case space(Double)
    case table(PreparedTable)
    case group([Prepared])
    case columns([(offset: Double, items: [Prepared])])
    case drawing(Drawing, width: Double)
    case pageBreak
}

private struct PreparedParagraph {
    let paragraph: Paragraph
    let box: TextBox
    /// Offset of a balanced (narrowed) box inside the paragraph's width.
    var inset: Double = 0
    var ruleHeight: Double { paragraph.rule?.height ?? 0 }
    var bodyHeight: Double { box.height + ruleHeight }
}

private struct PreparedRow {
    let row: TableRow
    /// Per cell: x offset from the table's left, width, text box.
    let cells: [(x: Double, width: Double, box: TextBox, alignment: VerticalAlignment)]
    let height: Double
}

private struct PreparedTable {
    let table: Table
    let header: [PreparedRow]
    let rows: [PreparedRow]
    var headerHeight: Double { header.reduce(0) { $0 + $1.height } }
}

/// Lays blocks out on pages: paragraphs break between lines (no single orphan or widow line),
/// tables break between rows, repeat their header rows, and split a row only when it is taller
/// than a page; kept-together blocks move to the next page whole.
final class Flow {
    let canvas: Canvas
    private let pdf: PDFSurface
    private(set) var setup: PageSetup
    private var numbering: PageNumbering = .none
    private(set) var pageInSection = 0
    private var pageOpen = false
    private(set) var y: Double = 0
    private let epsilon = 0.01

    init(canvas: Canvas, pdf: PDFSurface, setup: PageSetup) {
        self.canvas = canvas
        self.pdf = pdf
        self.setup = setup
    }

    private var bottom: Double { setup.height - setup.bottom }
    private var atTop: Bool { y <= setup.top + epsilon }

    /// Starts a section on a new page; its pages are numbered from 1.
    func beginSection(_ setup: PageSetup, numbering: PageNumbering) throws {
        self.setup = setup
        self.numbering = numbering
        pageInSection = 0
        try newPage()
    }

    func newPage() throws {
        if pageOpen { cairo_show_page(canvas.cr) }
        pdf.setPageSize(width: setup.width, height: setup.height)
        pageOpen = true
        pageInSection += 1
        y = setup.top
        if numbering == .fromSecondPage, pageInSection > 1 {
            // 13 pt, upright, centred over the text in the top margin.
            let style = TextStyle(size: 13, alignment: .center)
            let box = try canvas.type.box(String(pageInSection), style, width: setup.textWidth)
            box.draw(canvas.cr, x: setup.left, y: (setup.top - box.height) / 2)
        }
    }

    /// Ends the last page; `footer` is printed small in its bottom margin.
    func finish(footer: String?) throws {
        guard pageOpen else { return }
        if let footer, !footer.isEmpty {
            let box = try canvas.type.box(footer, TextStyle(size: 8, color: RGBColor(red: 64, green: 64, blue: 64)), width: setup.textWidth)
            box.draw(canvas.cr, x: setup.left, y: setup.height - setup.bottom + (setup.bottom - box.height) / 2)
        }
        cairo_show_page(canvas.cr)
        pageOpen = false
        try canvas.checkStatus()
    }

    func add(_ blocks: [Block]) throws {
        for (index, block) in blocks.enumerated() {
            if case .paragraph(let p) = block, p.keepWithNext {
                // Room for this paragraph and the start of what follows, or a new page.
                let needed = try leadHeight(Array(blocks[index...]), width: setup.textWidth)
                if !atTop, y + needed > bottom + epsilon, needed <= setup.bodyHeight { try newPage() }
            }
            try add(block)
        }
    }

    func add(_ block: Block) throws {
        switch block {
        case .pageBreak:
            try newPage()
        case .space(let height):
            if !atTop { y += height }
            if y > bottom { try newPage() }
        case .paragraph(let paragraph):
            try flow(prepare(paragraph, width: setup.textWidth))
        case .table(let table):
            try flow(prepare(table, width: setup.textWidth))
        case .keepTogether(let blocks):
            let items = try blocks.map { try prepare($0, width: setup.textWidth) }
            let height = self.height(.group(items), atTop: atTop)
            if !atTop, y + height > bottom + epsilon, self.height(.group(items), atTop: true) <= setup.bodyHeight { try newPage() }
            if y + self.height(.group(items), atTop: atTop) <= bottom + epsilon {
                y += try draw(.group(items), x: setup.left, y: y, atTop: atTop)
            } else {
                try add(blocks)
            }
        case .columns, .drawing:
            let item = try prepare(block, width: setup.textWidth)
            let height = self.height(item, atTop: atTop)
            if !atTop, y + height > bottom + epsilon { try newPage() }
            y += try draw(item, x: setup.left, y: y, atTop: atTop)
        }
    }

    // MARK: Measuring

    private func prepare(_ paragraph: Paragraph, width: Double) throws -> PreparedParagraph {
        let full = width - paragraph.leftIndent - paragraph.rightIndent
        var box = try canvas.type.box(paragraph.runs, paragraph.style, width: full)
        guard paragraph.balanced, box.lines.count > 1 else { return PreparedParagraph(paragraph: paragraph, box: box) }
        // Binary search for the narrowest width with as many lines.
        var low = full / 2, high = full
        for _ in 0..<10 {
            let mid = (low + high) / 2
            if try canvas.type.box(paragraph.runs, paragraph.style, width: mid).lines.count > box.lines.count { low = mid } else { high = mid }
        }
        box = try canvas.type.box(paragraph.runs, paragraph.style, width: high)
        return PreparedParagraph(paragraph: paragraph, box: box, inset: (full - high) / 2)
    }

    private func prepare(_ row: TableRow, table: Table, edges: [Double]) throws -> PreparedRow {
        var cells: [(x: Double, width: Double, box: TextBox, alignment: VerticalAlignment)] = []
        var column = 0
        var height = 0.0
        for cell in row.cells {
            let end = min(column + cell.span, table.columns.count)
            let cellWidth = edges[end] - edges[column]
            let p = cell.paragraph
            let box = try canvas.type.box(p.runs, p.style, width: cellWidth - 2 * table.paddingX - p.leftIndent - p.rightIndent)
            cells.append((edges[column] + table.paddingX + p.leftIndent, cellWidth, box, cell.verticalAlignment))
            height = max(height, box.height + 2 * table.paddingY)
            column = end
        }
        return PreparedRow(row: row, cells: cells, height: height)
    }

    /// Column edges: widths in proportion to the table's weights, widened where a header word or
    /// an unbreakable code would not fit, at the expense of the columns with room to spare.
    private func edges(_ table: Table, width: Double) throws -> [Double] {
        let total = table.columns.reduce(0, +)
        var widths = table.columns.map { width * $0 / total }
        var minimum = widths.map { _ in 0.0 }
        for (index, row) in (table.header + table.rows).enumerated() {
            var column = 0
            for cell in row.cells {
                defer { column += cell.span }
                guard cell.span == 1, column < widths.count else { continue }
                let p = cell.paragraph
                let text = p.runs.map(\.text).joined()
                // Every word of a header; only the codes and numbers of a body row.
                let words = index < table.header.count
                    ? text.split(whereSeparator: \.isWhitespace).map(String.init)
                    : Typesetter.unbreakableRanges(text).map { String(decoding: Array(text.utf8)[$0], as: UTF8.self) }
                for word in words {
                    let needed = try canvas.type.width(word, p.style) + 2 * table.paddingX + p.leftIndent + p.rightIndent + 0.5
                    minimum[column] = max(minimum[column], needed)
                }
            }
        }
        let deficit = zip(widths, minimum).reduce(0) { $0 + max(0, $1.1 - $1.0) }
        let slack = zip(widths, minimum).reduce(0) { $0 + max(0, $1.0 - $1.1) }
        if deficit > 0, slack >= deficit {
            for i in widths.indices {
                if widths[i] < minimum[i] {
                    widths[i] = minimum[i]
                } else {
                    widths[i] -= (widths[i] - minimum[i]) * deficit / slack
                }
            }
        }
        var edges: [Double] = [0]
        for w in widths { edges.append(edges.last! + w) }
        return edges
    }

    private func prepare(_ table: Table, width: Double) throws -> PreparedTable {
        let edges = try self.edges(table, width: width)
        return PreparedTable(
            table: table,
            header: try table.header.map { try prepare($0, table: table, edges: edges) },
            rows: try table.rows.map { try prepare($0, table: table, edges: edges) })
    }

    private func prepare(_ block: Block, width: Double) throws -> Prepared {
        switch block {
        case .paragraph(let p): return .paragraph(try prepare(p, width: width))
        case .space(let h): return .space(h)
        case .table(let t): return .table(try prepare(t, width: width))
        case .keepTogether(let blocks): return .group(try blocks.map { try prepare($0, width: width) })
        case .columns(let columns):
            var offset = 0.0
            var prepared: [(offset: Double, items: [Prepared])] = []
            for column in columns {
                let w = width * column.width
                prepared.append((offset, try column.blocks.map { try prepare($0, width: w) }))
                offset += w
            }
            return .columns(prepared)
        case .drawing(let d): return .drawing(d, width: width)
        case .pageBreak: return .pageBreak
        }
    }

    private func height(_ item: Prepared, atTop: Bool) -> Double {
        switch item {
        case .paragraph(let p):
            return (atTop ? 0 : p.paragraph.spaceBefore) + p.bodyHeight + p.paragraph.spaceAfter
        case .space(let h): return atTop ? 0 : h
        case .table(let t): return t.headerHeight + t.rows.reduce(0) { $0 + $1.height }
        case .group(let items):
            var total = 0.0
            for (i, item) in items.enumerated() { total += height(item, atTop: atTop && i == 0) }
            return total
        case .columns(let columns):
            return columns.map { height(.group($0.items), atTop: true) }.max() ?? 0
        case .drawing(let d, _): return d.height
        case .pageBreak: return 0
        }
    }

    /// Height of `blocks[0]` plus the part of what follows it must stay with: chains of
    /// keep-with-next paragraphs, then two lines of a paragraph or the header and first row of a table.
    private func leadHeight(_ blocks: [Block], width: Double) throws -> Double {
        var total = 0.0
        for (i, block) in blocks.enumerated() {
            // A table only needs its header and first row measured here.
            var lead = block
            if case .table(var table) = block {
                table.rows = Array(table.rows.prefix(1))
                lead = .table(table)
            }
            let item = try prepare(lead, width: width)
            switch item {
            case .paragraph(let p):
                if p.paragraph.keepWithNext && i + 1 < blocks.count {
                    total += height(item, atTop: i == 0 && atTop)
                    continue
                }
                let lines = p.box.lines
                let shown = lines.count <= 3 ? p.bodyHeight : lines[1].bottom
                return total + (i == 0 && atTop ? 0 : p.paragraph.spaceBefore) + shown
            case .table(let t):
                return total + t.headerHeight + (t.rows.first?.height ?? 0)
            default:
                return total + height(item, atTop: false)
            }
        }
        return total
    }

    // MARK: Drawing

    /// Draws an item whole at (x, y); returns the height used.
    private func draw(_ item: Prepared, x: Double, y top: Double, atTop: Bool) throws -> Double {
        switch item {
        case .paragraph(let p):
            var y = top + (atTop ? 0 : p.paragraph.spaceBefore)
            draw(p, lines: p.box.lines.indices, x: x, y: y)
            y += p.bodyHeight + p.paragraph.spaceAfter
            return y - top
        case .space(let h): return atTop ? 0 : h
        case .table(let t):
            var y = top
            for row in t.header + t.rows {
                draw(row, table: t.table, x: x, y: y, height: row.height)
                y += row.height
            }
            return y - top
        case .group(let items):
            var y = top
            for (i, item) in items.enumerated() { y += try draw(item, x: x, y: y, atTop: atTop && i == 0) }
            return y - top
        case .columns(let columns):
            var height = 0.0
            for column in columns {
                height = max(height, try draw(.group(column.items), x: x + column.offset, y: top, atTop: true))
            }
            return height
        case .drawing(let d, let width):
            try d.draw(canvas, x, top, width)
            return d.height
        case .pageBreak: return 0
        }
    }

    private func draw(_ p: PreparedParagraph, lines: Range<Int>, x: Double, y: Double) {
        let left = x + p.paragraph.leftIndent + p.inset
        p.box.draw(canvas.cr, x: left, y: y, lines: lines)
        guard lines.upperBound == p.box.lines.count, let rule = p.paragraph.rule, let first = lines.first else { return }
        let length: Double
        switch rule.length {
        case .fractionOfText(let f): length = p.box.widestLine * f
        case .fixed(let l): length = l
        }
        let ruleY = y + p.box.lines[lines.upperBound - 1].bottom - p.box.lines[first].top + rule.gap + rule.lineWidth / 2
        let start = left + (p.box.width - length) / 2
        canvas.line(from: (start, ruleY), to: (start + length, ruleY), width: rule.lineWidth)
    }

    private func draw(_ row: PreparedRow, table: Table, x: Double, y: Double, height: Double, lines: [Range<Int>]? = nil) {
        for (index, cell) in row.cells.enumerated() {
            let range = lines?[index] ?? cell.box.lines.indices
            var textY = y + table.paddingY
            if lines == nil, cell.alignment == .middle {
                textY += (height - 2 * table.paddingY - cell.box.height) / 2
            }
            if !range.isEmpty { cell.box.draw(canvas.cr, x: x + cell.x, y: textY, lines: range) }
            let left = x + cell.x - table.paddingX - row.row.cells[index].paragraph.leftIndent
            canvas.strokeRect(x: left, y: y, width: cell.width, height: height, lineWidth: table.lineWidth)
        }
    }

    // MARK: Flowing

    private func flow(_ p: PreparedParagraph) throws {
        let lines = p.box.lines
        if !atTop { y += p.paragraph.spaceBefore }
        var first = 0
        while first < lines.count {
            let available = bottom - y
            var end = first
            while end < lines.count, lines[end].bottom - lines[first].top + (end == lines.count - 1 ? p.ruleHeight : 0) <= available + epsilon {
                end += 1
            }
            if end == lines.count {
                draw(p, lines: first..<end, x: setup.left, y: y)
                y += lines[end - 1].bottom - lines[first].top + p.ruleHeight
                break
            }
            var take = end - first
            let remaining = lines.count - first
            if take == 0 || (take < 2 && remaining >= 2) {
                if atTop {
                    take = max(take, 1)
                } else {
                    try newPage()
                    continue
                }
            }
            // Leave at least two lines for the next page.
            if remaining - take == 1, take > 2 { take -= 1 }
            draw(p, lines: first..<(first + take), x: setup.left, y: y)
            first += take
            try newPage()
        }
        y += p.paragraph.spaceAfter
    }

    private func flow(_ t: PreparedTable) throws {
        let x = setup.left
        let capacity = setup.bodyHeight - t.headerHeight
        func drawHeader() {
            for row in t.header {
                draw(row, table: t.table, x: x, y: y, height: row.height)
                y += row.height
            }
        }
        func chainHeight(from index: Int) -> Double {
            var total = 0.0
            var i = index
            while i < t.rows.count {
                total += t.rows[i].height
                if !t.rows[i].row.keepWithNext { break }
                i += 1
            }
            return min(total, capacity)
        }
        let lead = t.headerHeight + min(t.rows.first?.height ?? 0, capacity)
        if !atTop, y + lead > bottom + epsilon { try newPage() }
        drawHeader()
        var rowsOnPage = 0
        for (index, row) in t.rows.enumerated() {
            if rowsOnPage > 0, y + chainHeight(from: index) > bottom + epsilon {
                try newPage()
                drawHeader()
                rowsOnPage = 0
            }
            if y + row.height <= bottom + epsilon {
                draw(row, table: t.table, x: x, y: y, height: row.height)
                y += row.height
                rowsOnPage += 1
                continue
            }
            if row.height <= capacity + epsilon {
                try newPage()
                drawHeader()
                draw(row, table: t.table, x: x, y: y, height: row.height)
                y += row.height
                rowsOnPage = 1
                continue
            }
            // Taller than a page: split between lines, continuing under the repeated header.
            var next = row.cells.map { _ in 0 }
            while true {
                let available = bottom - y - 2 * t.table.paddingY
                var ranges: [Range<Int>] = []
                var used = 0.0
                for (i, cell) in row.cells.enumerated() {
                    let lines = cell.box.lines
                    var end = next[i]
                    while end < lines.count, lines[end].bottom - lines[next[i]].top <= available + epsilon { end += 1 }
                    if end == next[i], end < lines.count, rowsOnPage == 0 { end += 1 }
                    ranges.append(next[i]..<end)
                    if end > next[i] { used = max(used, lines[end - 1].bottom - lines[next[i]].top) }
                }
                let segment = used + 2 * t.table.paddingY
                draw(row, table: t.table, x: x, y: y, height: segment, lines: ranges)
                y += segment
                for i in next.indices { next[i] = ranges[i].upperBound }
                if zip(next, row.cells).allSatisfy({ $0 == $1.box.lines.count }) { break }
                try newPage()
                drawHeader()
                rowsOnPage = 0
            }
            rowsOnPage += 1
        }
    }
}
