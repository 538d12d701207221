import OCOPDomain
import OCOPModels

/// Quyết định thu hồi giấy chứng nhận (QĐ 26 Art. 8; documents.md §5): one certificate in Điều 1,
/// several in an annex.
struct RevocationRenderer {
    let document: RevocationDecisionDocument
    private var words: Words { Words(document.language) }
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

        let single = d.certificates.count == 1
        if single, let c = d.certificates.first {
            blocks += parts.article(1, words.revokeOne(c))
            blocks.append(parts.paragraph(words.revocationReason(c, programme: d.programmeDecision)))
        } else {
            blocks += parts.article(1, words.revokeMany(d.certificates.count, annex: nil))
        }
        let producers = single ? d.certificates[0].producerName : words.producersOfArticleOne
        blocks += parts.article(2, words.revocationConsequences(producers: producers, agency: d.implementingAgency, days: d.returnWithinDays))
        blocks += parts.article(3, words.revocationAssignment(agency: d.implementingAgency))
        blocks += parts.article(4, words.effectArticle(executors: d.executors), keepWithNext: true)
        blocks.append(parts.signature(d.signer, artwork: d.artwork, recipients: d.recipients, firstRecipient: words.asArticle(4)))
        try flow.add(blocks)

        guard !single else { return }
        try flow.beginSection(parts.landscape(), numbering: .fromSecondPage)
        var annex = parts.annexHeading(
            numeral: nil, title: words.revokedAnnexTitle,
            reference: words.annexReference(kind: words.vi ? "Quyết định" : "Decision", number: d.header.number,
                                            date: d.header.date, issuer: d.issuerName))
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
            let recognition = (c.recognitionPosition.map { "\($0), " } ?? "") + words.reference(
                DocumentReference(kind: c.recognition.kind, number: c.recognition.number, date: c.recognition.date))
            return TableRow([
                TableCell("\(i + 1)", center), TableCell(c.certificateNumber, center),
                TableCell("\(c.productName)\n\(c.productCode)", left), TableCell("\(c.producerName)\n\(c.producerAddress)", left),
                TableCell("\(c.stars)", center), TableCell(recognition, left),
                TableCell(words.groundShort(c.ground, programme: d.programmeDecision), left), TableCell(c.finding, left),
            ])
        }
        return Table(columns: [4, 11, 15, 17, 5, 14, 12, 22], header: [header], rows: rows)
    }
}
