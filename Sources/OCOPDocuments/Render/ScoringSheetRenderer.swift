import OCOPDomain
import OCOPModels

extension Wording {
    func setHeading(_ set: ProductSet) -> String {
        vi ? "\(set.number). Bộ sản phẩm: \(set.title)" : "\(set.number). Product set: \(set.title)"
    }
    func setCategory(_ set: ProductSet) -> String {
        if let group = set.group { return vi ? "(Sản phẩm: \(set.category). Nhóm: \(group))" : "(Product: \(set.category). Group: \(group))" }
        return vi ? "(Sản phẩm: \(set.category))" : "(Product: \(set.category))"
    }
    var sheetProductName: String { vi ? "Tên sản phẩm: " : "Product name: " }
    var sheetCodeBlank: String { vi ? "Mã số sản phẩm.(T).-.(X).-.(STT).-20" : "Product code (T)-(X)-(No.)-20" }
    var sheetCode: String { vi ? "Mã số sản phẩm: " : "Product code: " }
    var sheetCodeNote: String {
        vi ? "T: Mã tỉnh- X: Mã xã- STT: Số Thứ tự sản phẩm do xã lập thống kê - Năm đánh giá. Mã đơn vị hành chính theo Quyết định số 19/2025/QĐ-TTg ngày 30/6/2025"
            : "T: province code - X: commune code - No.: the commune's serial number of the product - year of evaluation. Administrative unit codes per Decision No. 19/2025/QĐ-TTg of 30/6/2025"
    }
    var sheetProducer: String { vi ? "Tên chủ thể sản xuất: " : "Producer: " }
    var sheetPhone: String { vi ? "Số điện thoại: " : "Telephone: " }
    var sheetAddress: String { vi ? "Địa chỉ: " : "Address: " }
    var sheetCriteria: String { vi ? "Các tiêu chí" : "Criteria" }
    var sheetScale: String { vi ? "Thang điểm" : "Points" }
    var sheetScore: String { vi ? "Điểm chấm" : "Score" }
    func part(_ code: PartCode) -> String { vi ? "Phần \(code.rawValue):" : "Part \(code.rawValue):" }
    func variant(_ v: TourismVariant) -> String { vi ? "Trường hợp \(v.number): \(v.label)" : "Case \(v.number): \(v.label)" }
    var sheetTotal: String { vi ? "TỔNG CỘNG" : "TOTAL" }
    var starNote: String {
        vi ? "Ghi chú: Dấu sao là yêu cầu tối thiểu phải đạt theo các cấp độ sao (*** - 3 sao; **** - 4 sao; ***** - 5 sao)"
            : "Note: asterisks mark the minimum that must be met for each star level (*** - 3 stars; **** - 4 stars; ***** - 5 stars)"
    }
    var evaluatorComments: String { vi ? "Ý kiến của người đánh giá:" : "Evaluator's comments:" }
    var blankPlaceDate: String { vi ? "…………, ngày …… tháng …… năm ……" : "…………, date …………" }
    var evaluator: String { vi ? "Người đánh giá" : "Evaluator" }
    var signHint: String { vi ? "(Ký và ghi rõ họ tên)" : "(Signature and full name)" }
}

/// Phiếu đánh giá, printed as QĐ 26 Phụ lục II prints it (documents.md §4.1); a filled sheet
/// marks the chosen options ■, the others □, and adds the member's points in a third column.
struct ScoringSheetRenderer {
    let document: ScoringSheetDocument
    private var words: Wording { Wording(document.language) }
    private var parts: Administrative { Administrative(document.language, document.layout) }
    static let unchecked = "\u{25A1}"
    static let checked = "\u{25A0}"

    var metadata: PDFMetadata {
        let set = document.productSet
        let who = document.filled.map { " - \($0.memberName)" } ?? ""
        return PDFMetadata(title: (words.vi ? "Phiếu đánh giá - Bộ \(set.number)" : "Scoring sheet - set \(set.number)") + who,
                           author: document.heading ?? "OCOP", subject: set.title,
                           date: document.date ?? Self.versionYearStart(set.version))
    }

    func validate() throws { try parts.validate() }

    /// A blank sheet has no date of its own: 1 January of its legal version's year ("qd26-2026").
    static func versionYearStart(_ version: RubricVersionID) -> CalendarDate {
        Int(version.rawValue.suffix(4)).flatMap { CalendarDate(year: $0, month: 1, day: 1) } ?? CalendarDate(dayNumber: 0)
    }

    private var answers: [String: SheetAnswer] { document.filled?.sheet.answers ?? [:] }

    private func points(of criterion: Criterion) -> Int {
        criterion.isScorable ? (answers[criterion.code]?.points ?? 0) : criterion.children.reduce(0) { $0 + points(of: $1) }
    }

    /// The option a filled answer chose: the first with its points (and tourism case).
    private func chosen(_ criterion: Criterion) -> RubricOption? {
        guard let answer = answers[criterion.code] else { return nil }
        return criterion.options.first { option in
            option.points == answer.points && !option.isSynthesized
                && (option.variant == nil || answer.variant == nil || option.variant == answer.variant)
        }
    }

    func render(_ flow: Flow) throws {
        let d = document, set = d.productSet, words = self.words, type = flow.canvas.type
        try flow.beginSection(parts.portrait(), numbering: .fromSecondPage)
        let textWidth = parts.portrait().textWidth
        var blocks: [Block] = []
        if let heading = d.heading {
            blocks.append(.paragraph(Paragraph(heading, TextStyle(size: 12, bold: true, alignment: .center), spaceAfter: 8)))
        }
        blocks.append(.paragraph(Paragraph(words.setHeading(set), TextStyle(size: 14, bold: true, alignment: .center))))
        blocks.append(.paragraph(Paragraph(words.setCategory(set), TextStyle(size: 13, alignment: .center), spaceBefore: 2,
                                           rule: Rule(length: .fixed(mm(35)), gap: 4, after: 10))))

        let field = TextStyle(size: 13)
        /// "Label: value", or "Label: ………" with dots to the margin.
        func fieldLine(_ label: String, _ value: String?) throws -> Block {
            if let value { return .paragraph(Paragraph([Run(label), Run(value, bold: true)], field, spaceAfter: 5)) }
            let box = try type.box(label, field, width: textWidth)
            let labelWidth = box.widestLine, baseline = box.lines[0].baseline
            return .drawing(Drawing(height: box.height + 5) { canvas, x, y, width in
                box.draw(canvas.cr, x: x, y: y)
                canvas.dottedLine(from: x + labelWidth + 2, to: x + width, y: y + baseline)
            })
        }
        let p = d.product
        blocks.append(try fieldLine(words.sheetProductName, p.productName))
        blocks.append(try p.productCode.map { try fieldLine(words.sheetCode, $0) } ?? fieldLine(words.sheetCodeBlank, nil))
        blocks.append(.paragraph(Paragraph(words.sheetCodeNote, TextStyle(size: 12, italic: true, alignment: .justify), spaceAfter: 5)))
        blocks.append(try fieldLine(words.sheetProducer, p.producerName))
        blocks.append(try fieldLine(words.sheetPhone, p.phone))
        blocks.append(try fieldLine(words.sheetAddress, p.address))
        if let clause = set.disqualification {
            blocks.append(.paragraph(Paragraph(clause.quoted, TextStyle(size: 13, italic: true, alignment: .justify), spaceBefore: 2, spaceAfter: 8)))
        }
        blocks.append(.table(table()))
        blocks.append(.paragraph(Paragraph(words.starNote, TextStyle(size: 12, italic: true, alignment: .justify), spaceBefore: 6, spaceAfter: 8)))

        // The comments and the signature stay on one page.
        var closing: [Block] = [.paragraph(Paragraph(words.evaluatorComments, TextStyle(size: 13, bold: true), spaceAfter: 4))]
        if let comment = d.filled?.comment {
            closing.append(.paragraph(Paragraph(comment, TextStyle(size: 13, alignment: .justify), spaceAfter: 4)))
        } else {
            for _ in 0..<2 {
                closing.append(.drawing(Drawing(height: 20) { canvas, x, y, width in canvas.dottedLine(from: x, to: x + width, y: y + 16) }))
            }
        }
        let placeDate = d.date.map { words.placeDate(d.place ?? "…………", $0) } ?? words.blankPlaceDate
        var signer: [Block] = [
            .paragraph(Paragraph(placeDate, TextStyle(size: 13, italic: true, alignment: .center))),
            .paragraph(Paragraph(words.evaluator, TextStyle(size: 13, bold: true, alignment: .center), spaceBefore: 2)),
            .paragraph(Paragraph(words.signHint, TextStyle(size: 13, italic: true, alignment: .center))),
            .space(mm(20)),
        ]
        if let member = d.filled?.memberName {
            signer.append(.paragraph(Paragraph(member, TextStyle(size: 13, bold: true, alignment: .center))))
        }
        closing += [.space(10), .columns([Column(width: 0.4722, blocks: []), Column(width: 0.5278, blocks: signer)])]
        blocks.append(.keepTogether(closing))
        try flow.add(blocks)
    }

    private func table() -> Table {
        let words = self.words, set = document.productSet, filled = document.filled != nil
        let size = 12.0
        let text = TextStyle(size: size), bold = TextStyle(size: size, bold: true), italic = TextStyle(size: size, italic: true)
        let center = TextStyle(size: size, alignment: .center), centerBold = TextStyle(size: size, bold: true, alignment: .center)
        func row(_ left: [Run], _ style: TextStyle, scale: String, score: String = "", scoreBold: Bool = false, keep: Bool = false,
                 scaleBold: Bool = false) -> TableRow {
            var cells = [TableCell(Paragraph(left, style)), TableCell(scale, scaleBold ? centerBold : center)]
            if filled { cells.append(TableCell(score, scoreBold ? centerBold : center)) }
            return TableRow(cells, keepWithNext: keep)
        }
        var rows: [TableRow] = []

        func add(_ c: Criterion) {
            let score = filled ? "\(points(of: c))" : ""
            rows.append(row([Run("\(c.code). \(c.title)")], bold, scale: "\(c.max)", score: score, scoreBold: true, keep: true, scaleBold: true))
            for note in c.notes { rows.append(row([Run(note)], italic, scale: "", keep: true)) }
            if let condition = c.condition { rows.append(row([Run("(\(condition.text))")], italic, scale: "", keep: true)) }
            if let knockOut = c.knockOut { rows.append(row([Run(knockOut.text)], italic, scale: "", keep: true)) }
            if c.isScorable {
                let chosen = self.chosen(c)
                func option(_ o: RubricOption) -> TableRow {
                    let mark = filled && chosen == o ? Self.checked : Self.unchecked
                    var runs = [Run("\(mark) \(o.text)")]
                    if let stars = o.minStars { runs.append(Run(" " + String(repeating: "*", count: stars), bold: true)) }
                    if let note = o.note { runs.append(Run(" (\(note))", italic: true)) }
                    return row(runs, text, scale: "\(o.points)")
                }
                let options = c.options.filter { !$0.isSynthesized }
                if c.hasVariants {
                    if let note = c.variantNote { rows.append(row([Run(note)], italic, scale: "", keep: true)) }
                    for v in c.variants {
                        rows.append(row([Run(words.variant(v))], TextStyle(size: size, bold: true, italic: true), scale: "", keep: true))
                        rows += options.filter { $0.variant == v.number }.map(option)
                    }
                } else {
                    rows += options.map(option)
                }
                if let last = rows.indices.last { rows[last].keepWithNext = false }
            }
            for child in c.children { add(child) }
        }

        for part in set.parts {
            let sum = part.groups.reduce(0) { $0 + points(of: $1) }
            rows.append(row([Run(words.part(part.code) + "\n" + part.title)], centerBold, scale: "\(part.max)",
                            score: filled ? "\(sum)" : "", scoreBold: true, keep: true, scaleBold: true))
            for group in part.groups { add(group) }
        }
        let total = set.parts.reduce(0) { $0 + $1.groups.reduce(0) { $0 + points(of: $1) } }
        rows.append(row([Run(words.sheetTotal)], centerBold, scale: "\(set.maxPoints)", score: filled ? "\(total)" : "", scoreBold: true,
                        scaleBold: true))

        var header = [TableCell(words.sheetCriteria, centerBold), TableCell(words.sheetScale, centerBold)]
        if filled { header.append(TableCell(words.sheetScore, centerBold)) }
        return Table(columns: filled ? [70, 15, 15] : [83, 17], header: [TableRow(header)], rows: rows)
    }
}
