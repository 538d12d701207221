import OCOPDomain
import OCOPModels

/// Quyết định thu hồi giấy chứng nhận (QĐ 26 Art. 8; documents.md §5): one certificate in Điều 1,
/// several in an annex.
struct RevocationRenderer {
    let document: RevocationDecisionDocument
    private var words: Wording { Wording(document.language) }
    private var parts: Administrative { Administrative(document.language, document.layout) }

    var metadata: PDFMetadata {
        PDFMetadata(title: words.decision.capitalizedFirst + " " + document.header.number,
                    author: document.header.agency.replacingOccurrences(of: "\n", with: " "),
                    subject: words.revocationSubject, date: document.header.date)
    }

    func validate() throws {
        try parts.validate()
        guard !document.certificates.isEmpty else {
            throw DocumentError.invalidDocument(LocalizedText(
                vi: "Quyết định thu hồi \(document.header.number) không có giấy chứng nhận nào.",
                en: "Revocation decision \(document.header.number) lists no certificate."))
        }
    }

    func render(_ flow: Flow) throws {
        let d = document, words = self.words, parts = self.parts
        try flow.beginSection(parts.portrait(), numbering: .fromSecondPage)
        var blocks = try parts.header(d.header, type: flow.canvas.type)
        blocks += parts.title(words.decision, subject: words.revocationSubject, authority: d.authority)
        let cited = d.legalBases + d.recognitionDecisions.map(words.reference) + d.findings.map(words.reference)
        blocks += parts.bases(cited, proposal: d.proposal)
        blocks.append(parts.decides())

        let articles = words.articles(of: d)
        for article in articles {
            blocks += parts.article(article.number, article.text, items: article.paragraphs, keepWithNext: article == articles.last)
        }
        blocks.append(parts.signature(d.signer, artwork: d.artwork, recipients: d.recipients, firstRecipient: words.asArticle(articles.count)))
        try flow.add(blocks)

        guard d.certificates.count > 1 else { return }
        try flow.beginSection(parts.landscape(), numbering: .fromSecondPage)
        var annex = parts.annexHeading(
            numeral: nil, title: words.revokedAnnexTitle,
            reference: words.annexReference(of: d.header, issuer: d.issuerName))
        annex.append(.table(table()))
        try flow.add(annex)
    }

    private func table() -> Table {
        let words = self.words, d = document
        let size = 12.0
        let head = TextStyle(size: size, bold: true, alignment: .center)
        let left = TextStyle(size: size), center = TextStyle(size: size, alignment: .center)
        let header = TableRow(words.revokedColumns.map { TableCell($0, head) })
        let rows = d.certificates.enumerated().map { i, c in
            let cells = words.revokedRow(c, number: i + 1, programme: d.programmeDecision)
            return TableRow(cells.enumerated().map { j, text in TableCell(text, j == 0 || j == 1 || j == 4 ? center : left) })
        }
        return Table(columns: [4, 11, 15, 17, 5, 14, 12, 22], header: [header], rows: rows)
    }
}
