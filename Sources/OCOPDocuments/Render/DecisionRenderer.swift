import OCOPDomain
import OCOPModels

/// Quyết định công nhận (NĐ 30 Mẫu 1.2, documents.md §2.3) and its annexes (Mẫu 2.1).
struct DecisionRenderer {
    let document: DecisionDocument
    private var words: Words { Words(document.language) }
    private var parts: Administrative { Administrative(document.language, document.layout) }

    var metadata: PDFMetadata {
        PDFMetadata(title: words.decision.capitalizedFirst + " " + document.header.number,
                    author: document.header.agency.replacingOccurrences(of: "\n", with: " "),
                    subject: subject, date: document.header.date)
    }

    private var subject: String {
        words.recognitionSubject(province: document.provinceName, round: document.round, year: document.year)
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

    private func numeral(_ index: Int) -> String? {
        document.annexes.count > 1 ? Words.roman(index + 1) : nil
    }

    func render(_ flow: Flow) throws {
        let parts = self.parts, words = self.words, d = document
        try flow.beginSection(parts.portrait(), numbering: .fromSecondPage)
        var blocks = try parts.header(d.header, type: flow.canvas.type)
        blocks += parts.title(words.decision, subject: subject, authority: d.authority)
        blocks += parts.bases(d.legalBases, proposal: d.proposal)
        blocks.append(parts.decides())

        var k = 0
        let recognised = d.annexes.enumerated().compactMap { i, annex -> (String?, Int, Int)? in
            if case .recognised(let stars) = annex.subject { return (numeral(i), annex.rows.count, stars) }
            return nil
        }
        if !recognised.isEmpty {
            k += 1
            let total = recognised.reduce(0) { $0 + $1.1 }
            let head = words.recogniseHead(total: total, province: d.provinceName, round: d.round, year: d.year)
            if recognised.count == 1, let only = recognised.first {
                let tail = words.vi ? ", đạt hạng \(only.2) sao \(words.seeAnnex(only.0))." : ", rated \(only.2) stars \(words.seeAnnex(only.0))."
                blocks += parts.article(k, head + tail)
            } else {
                let items = recognised.enumerated().map { j, entry in
                    "\(j + 1). " + words.recognisedItem(count: entry.1, stars: entry.2, annex: entry.0) + (j == recognised.count - 1 ? "." : ";")
                }
                blocks += parts.article(k, head + (words.vi ? ", gồm:" : ", comprising:"), items: items)
            }
        }
        for (i, annex) in d.annexes.enumerated() where annex.subject == .proposedFiveStars {
            k += 1
            blocks += parts.article(k, words.fiveStarArticle(count: annex.rows.count, annex: numeral(i),
                                                             agency: d.implementingAgency, province: d.provinceName))
        }
        if !recognised.isEmpty {
            k += 1
            blocks += parts.article(k, words.validityArticle(months: d.validityMonths))
        }
        k += 1
        blocks += parts.article(k, words.assignmentArticle(agency: d.implementingAgency))
        k += 1
        blocks += parts.article(k, words.effectArticle(executors: d.executors), keepWithNext: true)
        blocks.append(parts.signature(d.signer, artwork: d.artwork, recipients: d.recipients, firstRecipient: words.asArticle(k)))
        try flow.add(blocks)

        for (i, annex) in d.annexes.enumerated() {
            let landscape = annex.orientation == .landscape || (annex.orientation == .automatic && annex.columns.count > 6)
            try flow.beginSection(landscape ? parts.landscape() : parts.portrait(), numbering: .fromSecondPage)
            var annexBlocks = parts.annexHeading(
                numeral: numeral(i), title: words.annexTitle(annex.subject),
                reference: words.annexReference(kind: words.vi ? "Quyết định" : "Decision", number: d.header.number,
                                                date: d.header.date, issuer: d.issuerName))
            annexBlocks.append(.table(Self.table(annex, words: words)))
            try flow.add(annexBlocks)
        }
    }

    static func table(_ annex: DecisionAnnex, words: Words) -> Table {
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
            TableRow(annex.columns.map { column -> TableCell in
                switch column {
                case .number: TableCell("\(i + 1)", center)
                case .productName: TableCell(row.productName, left)
                case .productCode: TableCell(row.productCode, center)
                case .productSet: TableCell(words.setLabel(row.productSet), left)
                case .producer: TableCell(row.producerName, left)
                case .address: TableCell(row.producerAddress, left)
                case .score: TableCell(row.score.map(words.points) ?? "", center)
                case .stars: TableCell("\(row.stars)", center)
                case .evaluationKind: TableCell(words.kind(row.kind), center)
                case .note: TableCell(row.note ?? "", left)
                }
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
