import OCOPDomain
import OCOPModels

extension Words {
    var noticeTitle: String { vi ? "THÔNG BÁO" : "NOTICE" }
    func noticeSubject(province: String, round: Int, year: Int) -> String {
        vi ? "Về kết quả đánh giá, phân hạng sản phẩm OCOP \(province) đợt \(round) năm \(year)"
            : "On the OCOP evaluation and rating results of \(province), round \(round) of \(year)"
    }
    func noticeOpening(issuer: String, producer: String, address: String?, commune: String) -> String {
        let at = address.map { vi ? " (địa chỉ: \($0))" : " (address: \($0))" } ?? ""
        return vi ? "\(issuer) thông báo đến \(producer)\(at) và \(commune) kết quả đánh giá, phân hạng sản phẩm như sau:"
            : "\(sentence(issuer)) notifies \(producer)\(at) and \(commune) of the evaluation and rating result as follows:"
    }
    func noticeProduct(_ e: ProductEvaluation) -> String {
        vi ? "1. Sản phẩm: \(e.productName); mã số: \(e.productCode); bộ sản phẩm: \(setLabel(e.productSet))."
            : "1. Product: \(e.productName); code: \(e.productCode); product set: \(setLabel(e.productSet))."
    }
    func noticeScore(_ e: ProductEvaluation) -> String {
        let rated = e.stars.map { $0 == e.band ? "" : (vi ? "; xếp hạng: \($0) sao" : "; rated: \(stars($0))") } ?? ""
        return vi ? "2. Điểm trung bình của Hội đồng: \(points(e.mean)) điểm; hạng theo điểm: \(e.band) sao\(rated)."
            : "2. Council mean: \(points(e.mean)) points; stars by points: \(e.band)\(rated)."
    }
    func noticeResult(_ e: ProductEvaluation) -> String {
        if e.stars == nil {
            return vi ? "3. Kết quả: sản phẩm bị loại nên không được công nhận và không được cấp giấy chứng nhận sản phẩm OCOP."
                : "3. Result: the product is disqualified, so it is not recognised and receives no OCOP certificate."
        }
        return vi ? "3. Kết quả: sản phẩm không đạt hạng từ 3 sao trở lên nên không được công nhận và không được cấp giấy chứng nhận sản phẩm OCOP."
            : "3. Result: the product does not reach 3 stars, so it is not recognised and receives no OCOP certificate."
    }
    func noticeReasons(_ e: ProductEvaluation) -> [String] {
        var reasons = e.knockOuts.map { vi ? "bị loại: «\($0)»" : "knock-out: «\($0)»" }
        reasons += e.unmetMinimums.map(unmet)
        if reasons.isEmpty || (e.stars ?? 0) < 3 && e.knockOuts.isEmpty { reasons.append(reason(e)) }
        return reasons
    }
    func noticeAdvice(commune: String) -> String {
        vi ? "5. Chủ thể tiếp tục hoàn thiện sản phẩm và hồ sơ theo Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP và có thể đăng ký tham gia đánh giá, phân hạng ở các đợt tiếp theo; \(commune) hướng dẫn, hỗ trợ chủ thể hoàn thiện tiêu chí, nâng cao chất lượng sản phẩm."
            : "5. The producer may improve the product and its dossier against the OCOP criteria and register for a later round; \(commune) will guide and support the producer in meeting the criteria and improving product quality."
    }
    func noticeClosing(issuer: String, producer: String, commune: String) -> String {
        vi ? "\(issuer) thông báo để \(producer) và \(commune) biết, thực hiện\(endMark)"
            : "\(sentence(issuer)) issues this notice for \(producer) and \(commune) to know and act upon\(endMark)"
    }
}

/// Thông báo kết quả to a producer whose product is not recognised (QĐ 26 Art. 7.3.g).
struct NoticeRenderer {
    let document: NoticeDocument
    private var words: Words { Words(document.language) }
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
        blocks.append(parts.paragraph(words.noticeProduct(e)))
        blocks.append(parts.paragraph(words.noticeScore(e)))
        blocks.append(parts.paragraph(words.noticeResult(e)))
        let reasons = words.noticeReasons(e)
        blocks.append(parts.paragraph((words.vi ? "4. Lý do: " : "4. Reasons: ") + reasons.joined(separator: "; ") + "."))
        blocks.append(parts.paragraph(words.noticeAdvice(commune: d.commune)))
        blocks.append(.paragraph(Paragraph(words.noticeClosing(issuer: d.issuerName, producer: e.producerName, commune: d.commune), parts.body,
                                           spaceAfter: d.layout.paragraphSpacing, keepWithNext: true)))
        blocks.append(parts.signature(d.signer, artwork: d.artwork, recipients: d.recipients))
        try flow.add(blocks)
    }
}
