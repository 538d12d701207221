import Foundation
import CCairoPango
import OCOPDomain
import OCOPModels

/// A report as one A4 PDF: title, paragraphs, tables that break between rows and repeat their
/// header, and charts drawn by `ChartRenderer` at the text's width.
struct ReportRenderer {
    let document: ReportDocument

    var metadata: PDFMetadata {
        PDFMetadata(title: document.title, author: "OCOP", subject: document.subtitle, date: document.date)
    }

    func validate() throws {
        guard !document.title.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DocumentError.invalidDocument(LocalizedText(vi: "Báo cáo cần tiêu đề.", en: "A report needs a title."))
        }
        for block in document.blocks {
            switch block {
            case .table(let table):
                let columns = table.headers.count
                guard columns > 0, table.rows.allSatisfy({ $0.count == columns }), table.widths.isEmpty || table.widths.count == columns else {
                    throw DocumentError.invalidDocument(LocalizedText(
                        vi: "Báo cáo «\(document.title)»: một bảng có số cột không khớp với tiêu đề.",
                        en: "Report «\(document.title)»: a table's rows do not match its header."))
                }
            case .chart(let chart):
                try ChartRenderer(chart: chart).validate()
            case .heading, .paragraph:
                continue
            }
        }
    }

    func render(_ flow: Flow) throws {
        let margins = PageMargins(top: 20, bottom: 18, left: 20, right: 20)
        try flow.beginSection(PageSetup(landscape: false, margins: margins), numbering: .fromSecondPage)
        let width = flow.setup.textWidth
        var blocks: [Block] = [
            .paragraph(Paragraph(document.title, TextStyle(size: 15, bold: true, alignment: .center), spaceAfter: 4, balanced: true)),
        ]
        if let subtitle = document.subtitle {
            blocks.append(.paragraph(Paragraph(subtitle, TextStyle(size: 11, italic: true, alignment: .center), spaceAfter: 10)))
        }
        let body = TextStyle(size: 11, alignment: .justify, lineSpacing: 1.1)
        for block in document.blocks {
            switch block {
            case .heading(let text):
                blocks.append(.paragraph(Paragraph(text, TextStyle(size: 12.5, bold: true), spaceBefore: 10, spaceAfter: 4, keepWithNext: true)))
            case .paragraph(let text):
                blocks.append(.paragraph(Paragraph(text, body, spaceAfter: 4)))
            case .table(let table):
                blocks.append(.table(Self.table(table)))
                blocks.append(.space(6))
            case .chart(let chart):
                let renderer = ChartRenderer(chart: chart)
                let scale = min(1, width / renderer.width)
                let height = renderer.height * scale
                blocks.append(.drawing(Drawing(height: height + 6) { canvas, x, y, available in
                    let left = x + (available - renderer.width * scale) / 2
                    cairo_save(canvas.cr)
                    cairo_translate(canvas.cr, left, y + 3)
                    canvas.scale(scale)
                    defer { cairo_restore(canvas.cr) }
                    try renderer.draw(canvas)
                }))
            }
        }
        try flow.add(blocks)
    }

    static func table(_ t: ReportTable) -> Table {
        let head = TextStyle(size: 9.5, bold: true, alignment: .center)
        func style(_ column: Int) -> TextStyle { TextStyle(size: 9.5, alignment: t.numericColumns.contains(column) ? .right : .left) }
        let widths = t.widths.isEmpty ? t.headers.map { _ in 1.0 } : t.widths
        return Table(columns: widths,
                     header: [TableRow(t.headers.map { TableCell($0, head) })],
                     rows: t.rows.map { row in TableRow(row.enumerated().map { TableCell($1, style($0)) }) },
                     lineWidth: 0.4, paddingX: 3, paddingY: 2)
    }
}

extension DocumentRenderer {
    /// A report (`ocop report … --pdf`): text, tables and charts on A4 pages.
    public func pdf(_ report: ReportDocument) throws -> Data {
        let renderer = ReportRenderer(document: report)
        try renderer.validate()
        return try flowed(renderer.metadata, footer: report.footer, render: renderer.render)
    }
}
