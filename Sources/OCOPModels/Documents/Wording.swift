import Foundation
import OCOPDomain

/// The fixed wording of the documents, in the document's language. Data (names, numbers,
/// addresses, citations) is printed as given; everything else is said here, once, for every
/// renderer: the PDF (OCOPDocuments) and the CLI's Markdown and text say the same sentences.
/// The English wording is a courtesy translation with the same layout.
public struct Wording: Sendable {
    public let language: Language
    public var vi: Bool { language == .vi }

    public init(_ language: Language) { self.language = language }

    // MARK: Numbers and dates

    /// Counts below 10 with a leading zero, as QĐ 26 writes them ("06 nhóm", "02 đợt").
    public static func count(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    public static func roman(_ n: Int) -> String {
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = n, out = ""
        for (value, letters) in table { while rest >= value { out += letters; rest -= value } }
        return out
    }

    private static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                                 "September", "October", "November", "December"]

    /// "ngày 05 tháng 8 năm 2026" / "5 August 2026".
    public func longDate(_ date: CalendarDate) -> String {
        vi ? date.vietnameseLong : "\(date.day) \(Self.months[date.month - 1]) \(date.year)"
    }

    /// "05/08/2026" / "5 August 2026".
    public func shortDate(_ date: CalendarDate) -> String {
        vi ? date.vietnameseNumeric : longDate(date)
    }

    /// "Bắc Ninh, ngày 05 tháng 8 năm 2026" / "Bắc Ninh, 5 August 2026".
    public func placeDate(_ place: String, _ date: CalendarDate) -> String { "\(place), \(longDate(date))" }

    public func points(_ mean: ExactMean) -> String { mean.display(language) }

    public func stars(_ n: Int) -> String { vi ? "\(n) sao" : (n == 1 ? "1 star" : "\(n) stars") }

    public func time(_ t: ClockTime) -> String {
        let minute = t.minute < 10 ? "0\(t.minute)" : "\(t.minute)"
        let hour = t.hour < 10 ? "0\(t.hour)" : "\(t.hour)"
        return vi ? "\(hour) giờ \(minute) phút" : "\(hour):\(minute)"
    }

    /// "Quyết định số 125/QĐ-UBND ngày 05 tháng 8 năm 2026 của … về việc …".
    public func reference(_ r: DocumentReference) -> String {
        var text = vi ? "\(r.kind) số \(r.number) \(longDate(r.date))" : "\(r.kind) No. \(r.number) of \(longDate(r.date))"
        if let issuer = r.issuer { text += vi ? " của \(issuer)" : " by \(issuer)" }
        if let subject = r.subject { text += " \(subject)" }
        return text
    }

    /// `text` opening a sentence ("the Department …" → "The Department …").
    public func sentence(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// "a, b và c" / "a, b and c".
    public func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + (vi ? " và " : " and ") + items.last!
    }

    // MARK: Administrative frame (NĐ 30)

    public var nation: String { vi ? "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" : "SOCIALIST REPUBLIC OF VIET NAM" }
    public var motto: String { vi ? "Độc lập - Tự do - Hạnh phúc" : "Independence - Freedom - Happiness" }
    public func number(_ n: String) -> String { vi ? "Số: \(n)" : "No.: \(n)" }
    public var decision: String { vi ? "QUYẾT ĐỊNH" : "DECISION" }
    public var decides: String { vi ? "QUYẾT ĐỊNH:" : "DECIDES:" }
    public func article(_ k: Int) -> String { vi ? "Điều \(k)." : "Article \(k)." }
    public func basis(_ text: String, last: Bool) -> String { (vi ? "Căn cứ " : "Pursuant to ") + text + (last ? "." : ";") }
    public func proposal(_ p: Proposal) -> String {
        var text = (vi ? "Theo đề nghị của " : "At the proposal of ") + p.proposer
        if let submission = p.submission { text += (vi ? " tại " : " in ") + reference(submission) }
        return text + "."
    }
    public var recipients: String { vi ? "Nơi nhận:" : "Recipients:" }
    public func asArticle(_ k: Int) -> String { vi ? "Như Điều \(k)" : "As in Article \(k)" }
    public func archive(_ units: String) -> String { (vi ? "Lưu: " : "Archived: ") + units + "." }
    /// "Phụ lục" when alone, "Phụ lục II" when numbered.
    public func annex(_ numeral: String?) -> String {
        let word = vi ? "Phụ lục" : "Annex"
        return numeral.map { "\(word) \($0)" } ?? word
    }
    /// "(Kèm theo Quyết định số … ngày … của …)".
    public func annexReference(kind: String, number: String, date: CalendarDate, issuer: String) -> String {
        vi ? "(Kèm theo \(kind) số \(number) \(longDate(date)) của \(issuer))"
            : "(Attached to \(kind) No. \(number) of \(longDate(date)) by \(issuer))"
    }
    /// "(chi tiết tại Phụ lục I kèm theo)".
    public func seeAnnex(_ numeral: String?) -> String {
        vi ? "(chi tiết tại \(annex(numeral)) kèm theo)" : "(details in the attached \(annex(numeral)))"
    }
    /// NĐ 30 closes the text with "./.".
    public var endMark: String { "./." }

    // MARK: Annex tables

    public func column(_ c: AnnexColumn) -> String { c.label(language) }

    public func kind(_ k: EvaluationKind) -> String { k.label(language) }

    public func setLabel(_ s: ProductSetLabel) -> String { "\(s.number). \(s.title)" }

    // MARK: Recognition decision

    /// The decision's subject line; the Minister's names the year's 5★ products (the rounds are
    /// the provinces').
    public func recognitionSubject(of d: DecisionDocument) -> String {
        guard d.ministry else { return recognitionSubject(province: d.provinceName, round: d.round, year: d.year) }
        return vi ? "Về việc công nhận kết quả đánh giá, phân hạng và cấp giấy chứng nhận sản phẩm OCOP 5 sao năm \(d.year)"
            : "On recognising the evaluation and rating results and issuing certificates to 5-star OCOP products, \(d.year)"
    }

    public func recognitionSubject(province: String, round: Int, year: Int) -> String {
        vi ? "Về việc công nhận kết quả đánh giá, phân hạng và cấp giấy chứng nhận sản phẩm OCOP \(province) đợt \(round) năm \(year)"
            : "On recognising the evaluation and rating results and issuing certificates to OCOP products of \(province), round \(round) of \(year)"
    }

    public func annexTitle(_ subject: AnnexSubject) -> String {
        switch subject {
        case .recognised(let stars):
            vi ? "DANH SÁCH SẢN PHẨM OCOP ĐẠT HẠNG \(stars) SAO" : "OCOP PRODUCTS RATED \(stars) STARS"
        case .proposedFiveStars:
            vi ? "DANH SÁCH SẢN PHẨM ĐẠT TỪ 90 ĐIỂM TRỞ LÊN ĐỀ XUẤT ĐÁNH GIÁ, CÔNG NHẬN SẢN PHẨM OCOP 5 SAO"
                : "PRODUCTS OF 90 POINTS OR MORE PROPOSED FOR 5-STAR EVALUATION AND RECOGNITION"
        }
    }

    public func recogniseHead(total: Int, province: String, round: Int, year: Int) -> String {
        vi ? "Công nhận kết quả đánh giá, phân hạng và cấp giấy chứng nhận cho \(Self.count(total)) sản phẩm OCOP \(province) đợt \(round) năm \(year)"
            : "To recognise the evaluation and rating results of, and issue certificates to, \(englishCount(total, "OCOP product")) of \(province), round \(round) of \(year)"
    }

    public func recognisedItem(count: Int, stars: Int, annex: String?) -> String {
        vi ? "\(Self.count(count)) sản phẩm đạt hạng \(stars) sao \(seeAnnex(annex))"
            : "\(englishCount(count, "product")) rated \(stars) stars \(seeAnnex(annex))"
    }

    public func fiveStarArticle(count: Int, annex: String?, agency: String, province: String) -> String {
        vi ? "Phê duyệt kết quả đánh giá đối với \(Self.count(count)) sản phẩm đạt từ 90 điểm trở lên \(seeAnnex(annex)). Giao \(agency) hoàn thiện hồ sơ, trình Ủy ban nhân dân \(province) đề nghị Bộ Nông nghiệp và Môi trường đánh giá, công nhận sản phẩm OCOP 5 sao."
            : "To approve the evaluation results of \(englishCount(count, "product")) scoring 90 points or more \(seeAnnex(annex)). \(sentence(agency)) shall complete the dossiers and submit them to the People's Committee of \(province) to propose them to the Ministry of Agriculture and Environment for 5-star evaluation and recognition."
    }

    public func validityArticle(months: Int) -> String {
        vi ? "Giấy chứng nhận có giá trị trong thời hạn \(months) tháng kể từ ngày ký ban hành Quyết định này. Các chủ thể OCOP có sản phẩm được công nhận tại Điều 1 được sử dụng nhãn hiệu OCOP và thứ hạng sao trên bao bì, nhãn sản phẩm theo quy định; có trách nhiệm duy trì, nâng cao chất lượng sản phẩm và chịu sự kiểm tra, giám sát của cơ quan có thẩm quyền."
            : "The certificates are valid for \(months) months from the date this Decision is signed. Producers whose products are recognised in Article 1 may use the OCOP mark and the star rating on packaging and labels as regulated; they shall maintain and improve product quality and are subject to inspection and monitoring by the competent authorities."
    }

    public func assignmentArticle(agency: String) -> String {
        vi ? "Giao \(agency) công bố kết quả, trao giấy chứng nhận; thông báo bằng văn bản kết quả đánh giá, phân hạng đến Ủy ban nhân dân cấp xã và chủ thể OCOP; tổ chức kiểm tra, giám sát việc duy trì chất lượng sản phẩm và sử dụng nhãn hiệu OCOP theo quy định."
            : "\(sentence(agency)) shall announce the results and hand over the certificates; notify the commune People's Committees and the producers of the results in writing; and inspect and monitor the maintenance of product quality and the use of the OCOP mark as regulated."
    }

    public func effectArticle(executors: [String]) -> String {
        vi ? "Quyết định này có hiệu lực kể từ ngày ký. \(sentence(list(executors))) chịu trách nhiệm thi hành Quyết định này\(endMark)"
            : "This Decision takes effect from the date of signing. \(sentence(list(executors))) are responsible for implementing this Decision\(endMark)"
    }

    // MARK: Revocation

    public var revocationSubject: String {
        vi ? "Về việc thu hồi giấy chứng nhận sản phẩm OCOP" : "On revoking OCOP product certificates"
    }

    /// The ground as the law words it (`RevocationGround.text`), inside a sentence: "sản phẩm OCOP
    /// không còn đáp ứng …".
    public func ground(_ g: RevocationGround) -> String {
        let text = g.text(language).trimmingCharacters(in: CharacterSet(charactersIn: "."))
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    /// "điểm b khoản 1 Điều 8 Quyết định số 26/2026/QĐ-TTg".
    public func groundCitation(_ g: RevocationGround, programme: String) -> String {
        vi ? "điểm \(g.point) khoản 1 Điều 8 \(programme)" : "point \(g.point), clause 1, Article 8 of \(programme)"
    }

    public func revokeOne(_ c: RevokedCertificate) -> String {
        let position = c.recognitionPosition.map { vi ? "\($0) " : "\($0) of " } ?? ""
        return vi
            ? "Thu hồi giấy chứng nhận sản phẩm OCOP số \(c.certificateNumber) của sản phẩm \(c.productName) (mã số \(c.productCode)), hạng \(c.stars) sao, của \(c.producerName), địa chỉ: \(c.producerAddress); sản phẩm đã được công nhận tại \(position)\(reference(c.recognition))."
            : "To revoke OCOP certificate No. \(c.certificateNumber) of the product \(c.productName) (code \(c.productCode)), rated \(c.stars) stars, of \(c.producerName), address: \(c.producerAddress); the product was recognised in \(position)\(reference(c.recognition))."
    }

    /// The ground, its citation, then the finding as the office typed it, closed with a full stop.
    public func revocationReason(_ c: RevokedCertificate, programme: String) -> String {
        let finding = c.finding.trimmingCharacters(in: .whitespacesAndNewlines)
        let closed = finding.isEmpty || ".!?…;:".contains(finding.last!) ? finding : finding + "."
        return (vi ? "Lý do thu hồi: " : "Ground: ") + "\(ground(c.ground)) (\(groundCitation(c.ground, programme: programme))). \(closed)"
    }

    public func revokeMany(_ n: Int, annex: String?) -> String {
        vi ? "Thu hồi giấy chứng nhận sản phẩm OCOP đối với \(Self.count(n)) sản phẩm \(seeAnnex(annex))."
            : "To revoke the OCOP certificates of \(englishCount(n, "product")) \(seeAnnex(annex))."
    }

    public func revocationConsequences(producers: String, agency: String, days: Int?) -> String {
        let term = days.map { vi ? " trong thời hạn \($0) ngày kể từ ngày nhận được Quyết định này" : " within \(englishCount($0, "day")) of receiving this Decision" } ?? ""
        return vi
            ? "Kể từ ngày Quyết định này có hiệu lực, \(producers) không được sử dụng nhãn hiệu OCOP và thứ hạng sao đối với sản phẩm bị thu hồi giấy chứng nhận trên bao bì, nhãn sản phẩm và các hình thức quảng bá; có trách nhiệm nộp lại bản gốc giấy chứng nhận cho \(agency)\(term)."
            : "From the date this Decision takes effect, \(producers) may no longer use the OCOP mark or the star rating of the revoked product on packaging, labels or promotion, and shall return the original certificate to \(agency)\(term)."
    }

    public var producersOfArticleOne: String { vi ? "các chủ thể OCOP có tên tại Điều 1" : "the producers named in Article 1" }

    public func revocationAssignment(agency: String) -> String {
        vi ? "Giao \(agency) thu hồi giấy chứng nhận; thông báo cho chủ thể OCOP và Ủy ban nhân dân cấp xã nơi chủ thể sản xuất; cập nhật danh sách sản phẩm OCOP; theo dõi, kiểm tra việc thực hiện Quyết định này."
            : "\(sentence(agency)) shall retrieve the certificates; notify the producers and the commune People's Committees where they produce; update the list of OCOP products; and monitor the implementation of this Decision."
    }

    public var revokedAnnexTitle: String {
        vi ? "DANH SÁCH SẢN PHẨM OCOP BỊ THU HỒI GIẤY CHỨNG NHẬN" : "OCOP PRODUCTS WHOSE CERTIFICATES ARE REVOKED"
    }

    public var revokedColumns: [String] {
        vi ? ["STT", "Số giấy chứng nhận", "Tên sản phẩm, mã số", "Chủ thể, địa chỉ", "Hạng sao", "Quyết định công nhận", "Căn cứ thu hồi", "Kết luận, lý do"]
            : ["No.", "Certificate", "Product, code", "Producer, address", "Stars", "Recognition decision", "Ground", "Finding"]
    }

    public func groundShort(_ g: RevocationGround, programme: String) -> String {
        vi ? "Điểm \(g.point) khoản 1 Điều 8 \(programme)" : "Point \(g.point), cl. 1, Art. 8 of \(programme)"
    }
}

// MARK: Notice of a result (QĐ 26 Art. 7.3.g)

extension Wording {
    public var noticeTitle: String { vi ? "THÔNG BÁO" : "NOTICE" }
    public func noticeSubject(province: String, round: Int, year: Int) -> String {
        vi ? "Về kết quả đánh giá, phân hạng sản phẩm OCOP \(province) đợt \(round) năm \(year)"
            : "On the OCOP evaluation and rating results of \(province), round \(round) of \(year)"
    }
    public func noticeOpening(issuer: String, producer: String, address: String?, commune: String) -> String {
        let at = address.map { vi ? " (địa chỉ: \($0))" : " (address: \($0))" } ?? ""
        return vi ? "\(issuer) thông báo đến \(producer)\(at) và \(commune) kết quả đánh giá, phân hạng sản phẩm như sau:"
            : "\(sentence(issuer)) notifies \(producer)\(at) and \(commune) of the evaluation and rating result as follows:"
    }
    public func noticeProduct(_ e: ProductEvaluation) -> String {
        vi ? "1. Sản phẩm: \(e.productName); mã số: \(e.productCode); bộ sản phẩm: \(setLabel(e.productSet))."
            : "1. Product: \(e.productName); code: \(e.productCode); product set: \(setLabel(e.productSet))."
    }
    public func noticeScore(_ e: ProductEvaluation) -> String {
        let rated = e.stars.map { $0 == e.band ? "" : (vi ? "; xếp hạng: \($0) sao" : "; rated: \(stars($0))") } ?? ""
        return vi ? "2. Điểm trung bình của Hội đồng: \(points(e.mean)) điểm; hạng theo điểm: \(e.band) sao\(rated)."
            : "2. Council mean: \(points(e.mean)) points; stars by points: \(e.band)\(rated)."
    }
    public func noticeResult(_ e: ProductEvaluation) -> String {
        if e.stars == nil {
            return vi ? "3. Kết quả: sản phẩm bị loại nên không được công nhận và không được cấp giấy chứng nhận sản phẩm OCOP."
                : "3. Result: the product is disqualified, so it is not recognised and receives no OCOP certificate."
        }
        return vi ? "3. Kết quả: sản phẩm không đạt hạng từ 3 sao trở lên nên không được công nhận và không được cấp giấy chứng nhận sản phẩm OCOP."
            : "3. Result: the product does not reach 3 stars, so it is not recognised and receives no OCOP certificate."
    }
    public func noticeReasons(_ e: ProductEvaluation) -> [String] {
        var reasons = e.knockOuts.map { vi ? "bị loại: «\($0)»" : "knock-out: «\($0)»" }
        reasons += e.unmetMinimums.map(unmet)
        if reasons.isEmpty || (e.stars ?? 0) < 3 && e.knockOuts.isEmpty { reasons.append(reason(e)) }
        return reasons
    }
    public func noticeAdvice(commune: String) -> String {
        vi ? "5. Chủ thể tiếp tục hoàn thiện sản phẩm và hồ sơ theo Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP và có thể đăng ký tham gia đánh giá, phân hạng ở các đợt tiếp theo; \(commune) hướng dẫn, hỗ trợ chủ thể hoàn thiện tiêu chí, nâng cao chất lượng sản phẩm."
            : "5. The producer may improve the product and its dossier against the OCOP criteria and register for a later round; \(commune) will guide and support the producer in meeting the criteria and improving product quality."
    }
    public func noticeClosing(issuer: String, producer: String, commune: String) -> String {
        vi ? "\(issuer) thông báo để \(producer) và \(commune) biết, thực hiện\(endMark)"
            : "\(sentence(issuer)) issues this notice for \(producer) and \(commune) to know and act upon\(endMark)"
    }
}

// MARK: Certificate

extension Wording {
    public var certificate: String { vi ? "GIẤY CHỨNG NHẬN" : "CERTIFICATE" }
    public var ocopProduct: String { vi ? "SẢN PHẨM OCOP" : "OCOP PRODUCT" }
    public var productLabel: String { vi ? "SẢN PHẨM: " : "PRODUCT: " }
    public var productCodeLabel: String { vi ? "Mã số sản phẩm: " : "Product code: " }
    public var productSetLabel: String { vi ? "Bộ sản phẩm: " : "Product set: " }
    public var producerLabel: String { vi ? "Chủ thể OCOP: " : "Producer: " }
    public var addressLabel: String { vi ? "Địa chỉ: " : "Address: " }
    public func participation(year: Int, round: Int) -> String {
        vi ? "Đã tham gia đánh giá, phân hạng sản phẩm\nChương trình Mỗi xã một sản phẩm (OCOP) năm \(year), đợt \(round)"
            : "Has taken part in the evaluation and rating of products of the One Commune One Product (OCOP) Programme in \(year), round \(round)"
    }
    public var ratedLabel: String { vi ? "Đạt hạng sản phẩm: " : "Rated: " }
    public func score(_ mean: ExactMean) -> String { vi ? "Điểm đánh giá: \(points(mean))/100" : "Score: \(points(mean))/100" }
    public func decisionLine(_ number: String) -> String { vi ? "Quyết định số: \(number)" : "Decision No.: \(number)" }
    /// "Ngày 05 tháng 8 năm 2026".
    public func dateLine(_ date: CalendarDate) -> String { vi ? "N" + date.vietnameseLong.dropFirst() : longDate(date) }
    public func validUntil(_ date: CalendarDate) -> String { vi ? "Có giá trị đến ngày \(date.vietnameseNumeric)" : "Valid until \(longDate(date))" }
    public func certificateNumber(_ n: String) -> String { vi ? "Số giấy chứng nhận: \(n)" : "Certificate No.: \(n)" }
    public var scanToVerify: String { vi ? "Quét mã QR để xác thực giấy chứng nhận" : "Scan the QR code to verify this certificate" }
}

// MARK: Results, as minutes and notices state them

extension Wording {
    public func unmet(_ u: UnmetMinimum) -> String {
        vi ? "tiêu chí \(u.criterion) (\(u.title)): trung bình \(points(u.mean)) điểm, thấp hơn mức tối thiểu \(u.required) điểm của hạng \(u.stars) sao"
            : "criterion \(u.criterion) (\(u.title)): mean \(points(u.mean)) points, below the \(u.stars)-star minimum of \(englishCount(u.required, "point"))"
    }
    /// Why the product stands where it does, from the facts.
    public func reason(_ e: ProductEvaluation) -> String {
        if e.stars == nil {
            return vi ? "sản phẩm thuộc trường hợp bị loại nêu trên" : "the product falls under the knock-out above"
        }
        let stars = e.stars!
        if stars < e.band {
            return vi ? "tổng điểm trung bình đạt mức \(e.band) sao nhưng chưa đạt yêu cầu tối thiểu của hạng \(e.band) sao nêu trên nên xếp hạng \(stars) sao"
                : "the mean reaches \(self.stars(e.band)) but the minimums above are not met, so the product is rated \(self.stars(stars))"
        }
        if stars < 3 {
            return vi ? "tổng điểm trung bình \(points(e.mean)) điểm, dưới 50 điểm (dưới hạng 3 sao)"
                : "the mean of \(points(e.mean)) points is below 50 (below 3 stars)"
        }
        return vi ? "tổng điểm trung bình và các yêu cầu tối thiểu đạt hạng \(stars) sao"
            : "the mean and all minimums meet \(self.stars(stars))"
    }
}

// MARK: What each document says, in order

/// One article of a decision: "Điều k." and its text, then the paragraphs that belong to it (the
/// numbered items of a list, the ground of a revocation).
public struct DocumentArticle: Sendable, Hashable {
    public let number: Int
    public let text: String
    public let paragraphs: [String]

    public init(_ number: Int, _ text: String, paragraphs: [String] = []) {
        self.number = number
        self.text = text
        self.paragraphs = paragraphs
    }
}

extension Wording {
    /// The annexes' numerals: none when the decision has one annex, I, II, … when it has several.
    public static func annexNumeral(_ index: Int, of count: Int) -> String? { count > 1 ? roman(index + 1) : nil }

    /// The articles of a recognition decision: the products recognised by star, those proposed
    /// for 5★, the certificates' validity, the assignment and the entry into force.
    public func articles(of d: DecisionDocument) -> [DocumentArticle] {
        var out: [DocumentArticle] = []
        let recognised = d.annexes.enumerated().compactMap { i, annex -> (numeral: String?, count: Int, stars: Int)? in
            if case .recognised(let stars) = annex.subject { return (Self.annexNumeral(i, of: d.annexes.count), annex.rows.count, stars) }
            return nil
        }
        if !recognised.isEmpty {
            let total = recognised.reduce(0) { $0 + $1.count }
            let head = recogniseHead(total: total, province: d.provinceName, round: d.round, year: d.year)
            if d.ministry {
                let fiveStars = vi ? "Công nhận kết quả đánh giá, phân hạng và cấp giấy chứng nhận sản phẩm OCOP 5 sao cho \(Self.count(total)) sản phẩm"
                    : "To recognise the evaluation and rating results of, and issue 5-star OCOP certificates to, \(englishCount(total, "product"))"
                out.append(DocumentArticle(out.count + 1, fiveStars + " " + seeAnnex(recognised.count == 1 ? recognised[0].numeral : nil) + "."))
            } else if recognised.count == 1, let only = recognised.first {
                let tail = vi ? ", đạt hạng \(only.stars) sao \(seeAnnex(only.numeral))." : ", rated \(only.stars) stars \(seeAnnex(only.numeral))."
                out.append(DocumentArticle(out.count + 1, head + tail))
            } else {
                let items = recognised.enumerated().map { j, entry in
                    "\(j + 1). " + recognisedItem(count: entry.count, stars: entry.stars, annex: entry.numeral) + (j == recognised.count - 1 ? "." : ";")
                }
                out.append(DocumentArticle(out.count + 1, head + (vi ? ", gồm:" : ", comprising:"), paragraphs: items))
            }
        }
        for (i, annex) in d.annexes.enumerated() where annex.subject == .proposedFiveStars {
            out.append(DocumentArticle(out.count + 1, fiveStarArticle(
                count: annex.rows.count, annex: Self.annexNumeral(i, of: d.annexes.count), agency: d.implementingAgency, province: d.provinceName)))
        }
        if !recognised.isEmpty { out.append(DocumentArticle(out.count + 1, validityArticle(months: d.validityMonths))) }
        out.append(DocumentArticle(out.count + 1, assignmentArticle(agency: d.implementingAgency)))
        out.append(DocumentArticle(out.count + 1, effectArticle(executors: d.executors)))
        return out
    }

    /// "(Kèm theo Quyết định số … ngày … của …)" under each annex title of the decision with `header`.
    public func annexReference(of header: AdministrativeHeader, issuer: String) -> String {
        annexReference(kind: vi ? "Quyết định" : "Decision", number: header.number, date: header.date, issuer: issuer)
    }

    /// The cell of an annex table: the row's fact in `column`, the row numbered from 1.
    public func cell(_ column: AnnexColumn, of row: AnnexProductRow, number: Int) -> String {
        switch column {
        case .number: "\(number)"
        case .productName: row.productName
        case .productCode: row.productCode
        case .productSet: setLabel(row.productSet)
        case .producer: row.producerName
        case .address: row.producerAddress
        case .score: row.score.map(points) ?? ""
        case .stars: "\(row.stars)"
        case .evaluationKind: kind(row.kind)
        case .note: row.note ?? ""
        }
    }

    /// The articles of a revocation decision: one certificate named in Article 1 with its
    /// ground, or several in an annex; the consequences, the assignment, the entry into force.
    public func articles(of d: RevocationDecisionDocument) -> [DocumentArticle] {
        var out: [DocumentArticle] = []
        if d.certificates.count == 1, let c = d.certificates.first {
            out.append(DocumentArticle(1, revokeOne(c), paragraphs: [revocationReason(c, programme: d.programmeDecision)]))
        } else {
            out.append(DocumentArticle(1, revokeMany(d.certificates.count, annex: nil)))
        }
        let producers = d.certificates.count == 1 ? d.certificates[0].producerName : producersOfArticleOne
        out.append(DocumentArticle(2, revocationConsequences(producers: producers, agency: d.implementingAgency, days: d.returnWithinDays)))
        out.append(DocumentArticle(3, revocationAssignment(agency: d.implementingAgency)))
        out.append(DocumentArticle(4, effectArticle(executors: d.executors)))
        return out
    }

    /// One row of the revoked-certificates annex, in `revokedColumns` order; a line break
    /// separates a product's name from its code and a producer from its address.
    public func revokedRow(_ c: RevokedCertificate, number: Int, programme: String) -> [String] {
        let recognition = (c.recognitionPosition.map { "\($0), " } ?? "")
            + reference(DocumentReference(kind: c.recognition.kind, number: c.recognition.number, date: c.recognition.date))
        return ["\(number)", c.certificateNumber, "\(c.productName)\n\(c.productCode)", "\(c.producerName)\n\(c.producerAddress)",
                "\(c.stars)", recognition, groundShort(c.ground, programme: programme), c.finding]
    }

    /// The numbered paragraphs of a notice to a producer whose product is not recognised.
    public func noticeParagraphs(_ e: ProductEvaluation, commune: String) -> [String] {
        [noticeProduct(e), noticeScore(e), noticeResult(e),
         (vi ? "4. Lý do: " : "4. Reasons: ") + noticeReasons(e).joined(separator: "; ") + ".",
         noticeAdvice(commune: commune)]
    }
}
