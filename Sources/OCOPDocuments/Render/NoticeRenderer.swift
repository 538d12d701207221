import OCOPDomain
import OCOPModels

/// Thông báo kết quả to a producer whose product is not recognised (QĐ 26 Art. 7.3.g).
struct NoticeRenderer {
    let document: NoticeDocument
    private var words: Wording { Wording(document.language) }
    private var parts: Administrative { Administrative(document.language, document.layout) }

    var metadata: PDFMetadata {
        PDFMetadata(title: words.noticeTitle.capitalizedFirst + " " + document.header.number,
                    author: document.header.agency.replacingOccurrences(of: "\n", with: " "),
                    subject: words.noticeSubject(province: document.provinceName, round: document.round, year: document.year),
                    date: document.header.date)
    }

    func validate() throws {
        try parts.validate()
        guard document.evaluation.proposal == .notRecognised else {
            throw DocumentError.invalidDocument(LocalizedText(
                vi: "Thông báo \(document.header.number) chỉ dành cho sản phẩm không được công nhận; sản phẩm \(document.evaluation.productName) được đề xuất công nhận.",
                en: "Notice \(document.header.number) is for products that are not recognised; \(document.evaluation.productName) is proposed for recognition."))
        }
    }

    func render(_ flow: Flow) throws {
        let d = document, e = d.evaluation, words = self.words, parts = self.parts
        try flow.beginSection(parts.portrait(), numbering: .fromSecondPage)
        var blocks = try parts.header(d.header, type: flow.canvas.type)
        blocks += parts.title(words.noticeTitle, subject: words.noticeSubject(province: d.provinceName, round: d.round, year: d.year), authority: nil)
        blocks += parts.bases(d.legalBases + [words.reference(d.minutes)], proposal: nil)
        blocks.append(parts.paragraph(words.noticeOpening(issuer: d.issuerName, producer: e.producerName, address: e.producerAddress, commune: d.commune)))
        blocks += words.noticeParagraphs(e, commune: d.commune).map(parts.paragraph)
        blocks.append(.paragraph(Paragraph(words.noticeClosing(issuer: d.issuerName, producer: e.producerName, commune: d.commune), parts.body,
                                           spaceAfter: d.layout.paragraphSpacing, keepWithNext: true)))
        blocks.append(parts.signature(d.signer, artwork: d.artwork, recipients: d.recipients))
        try flow.add(blocks)
    }
}
