import OCOPDomain
import OCOPModels

/// Quyết định công nhận (NĐ 30 Mẫu 1.2, documents.md §2.3) and its annexes (Mẫu 2.1).
struct DecisionRenderer {
    let document: DecisionDocument
    private var words: Wording { Wording(document.language) }
    private var parts: Administrative { Administrative(document.language, document.layout) }

    var metadata: PDFMetadata {
        PDFMetadata(title: words.decision.capitalizedFirst + " " + document.header.number,
                    author: document.header.agency.replacingOccurrences(of: "\n", with: " "),
                    subject: subject, date: document.header.date)
    }

    private var subject: String {
        words.recognitionSubject(of: document)
    }

    func validate() throws {
        try parts.validate()
        guard !document.annexes.isEmpty else {
            throw DocumentError.invalidDocument(LocalizedText(
                vi: "Quyết định \(document.header.number) không có phụ lục danh sách sản phẩm.",
                en: "Decision \(document.header.number) has no annex listing products."))
        }
        for (i, annex) in document.annexes.enumerated() {
            guard !annex.rows.isEmpty, !annex.columns.isEmpty else {
                throw DocumentError.invalidDocument(LocalizedText(
                    vi: "Phụ lục thứ \(i + 1) của quyết định \(document.header.number) không có dòng hoặc cột nào.",
                    en: "Annex \(i + 1) of decision \(document.header.number) has no rows or no columns."))
            }
            if case .recognised(let stars) = annex.subject, !(3...5).contains(stars) {
                throw DocumentError.invalidDocument(LocalizedText(
                    vi: "Chỉ công nhận sản phẩm đạt 3, 4 hoặc 5 sao (phụ lục thứ \(i + 1) ghi \(stars) sao).",
                    en: "Only 3-, 4- or 5-star products are recognised (annex \(i + 1) says \(stars) stars)."))
            }
        }
    }

    private func numeral(_ index: Int) -> String? { Wording.annexNumeral(index, of: document.annexes.count) }

    func render(_ flow: Flow) throws {
        let parts = self.parts, words = self.words, d = document
        try flow.beginSection(parts.portrait(), numbering: .fromSecondPage)
        var blocks = try parts.header(d.header, type: flow.canvas.type)
        blocks += parts.title(words.decision, subject: subject, authority: d.authority)
        blocks += parts.bases(d.legalBases, proposal: d.proposal)
        blocks.append(parts.decides())

        let articles = words.articles(of: d)
        for article in articles {
            blocks += parts.article(article.number, article.text, items: article.paragraphs, keepWithNext: article == articles.last)
        }
        blocks.append(parts.signature(d.signer, artwork: d.artwork, recipients: d.recipients, firstRecipient: words.asArticle(articles.count)))
        try flow.add(blocks)

        for (i, annex) in d.annexes.enumerated() {
            let landscape = annex.orientation == .landscape || (annex.orientation == .automatic && annex.columns.count > 6)
            try flow.beginSection(landscape ? parts.landscape() : parts.portrait(), numbering: .fromSecondPage)
            var annexBlocks = parts.annexHeading(
                numeral: numeral(i), title: words.annexTitle(annex.subject),
                reference: words.annexReference(of: d.header, issuer: d.issuerName))
            annexBlocks.append(.table(Self.table(annex, words: words)))
            try flow.add(annexBlocks)
        }
    }

    static func table(_ annex: DecisionAnnex, words: Wording) -> Table {
        let size = 12.0
        let head = TextStyle(size: size, bold: true, alignment: .center)
        let left = TextStyle(size: size)
        let center = TextStyle(size: size, alignment: .center)
        func weight(_ c: AnnexColumn) -> Double {
            switch c {
            case .number: 4
            case .productName: 13
            case .productCode: 14
            case .productSet: 13
            case .producer: 13
            case .address: 16
            case .score: 6
            case .stars: 5
            case .evaluationKind: 8
            case .note: 8
            }
        }
        let header = TableRow(annex.columns.map { TableCell(words.column($0), head) })
        let rows = annex.rows.enumerated().map { i, row in
            TableRow(annex.columns.map { column in
                let centered: Bool = switch column {
                case .number, .productCode, .score, .stars, .evaluationKind: true
                case .productName, .productSet, .producer, .address, .note: false
                }
                return TableCell(words.cell(column, of: row, number: i + 1), centered ? center : left)
            })
        }
        return Table(columns: annex.columns.map(weight), header: [header], rows: rows)
    }
}

extension String {
    /// "QUYẾT ĐỊNH" → "Quyết định".
    var capitalizedFirst: String {
        let lower = lowercased()
        return lower.prefix(1).uppercased() + lower.dropFirst()
    }
}
