import OCOPDomain
import OCOPModels

/// The fixed wording of the documents, in the document's language. Data (names, numbers,
/// addresses, citations) is printed as given; everything else is said here. The English
/// wording is a courtesy translation with the same layout.
struct Words {
    let language: Language
    var vi: Bool { language == .vi }

    init(_ language: Language) { self.language = language }

    // MARK: Numbers and dates

    /// Counts below 10 with a leading zero, as QĐ 26 writes them ("06 nhóm", "02 đợt").
    static func count(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static func roman(_ n: Int) -> String {
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = n, out = ""
        for (value, letters) in table { while rest >= value { out += letters; rest -= value } }
        return out
    }

    private static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                                 "September", "October", "November", "December"]

    /// "ngày 05 tháng 8 năm 2026" / "5 August 2026".
    func longDate(_ date: CalendarDate) -> String {
        vi ? date.vietnameseLong : "\(date.day) \(Self.months[date.month - 1]) \(date.year)"
    }

    /// "05/08/2026" / "5 August 2026".
    func shortDate(_ date: CalendarDate) -> String {
        vi ? date.vietnameseNumeric : longDate(date)
    }

    /// "Bắc Ninh, ngày 05 tháng 8 năm 2026" / "Bắc Ninh, 5 August 2026".
    func placeDate(_ place: String, _ date: CalendarDate) -> String { "\(place), \(longDate(date))" }

    func points(_ mean: ExactMean) -> String { mean.display(language) }

    func stars(_ n: Int) -> String { vi ? "\(n) sao" : (n == 1 ? "1 star" : "\(n) stars") }

    func time(_ t: ClockTime) -> String {
        let minute = t.minute < 10 ? "0\(t.minute)" : "\(t.minute)"
        let hour = t.hour < 10 ? "0\(t.hour)" : "\(t.hour)"
        return vi ? "\(hour) giờ \(minute) phút" : "\(hour):\(minute)"
    }

    /// "Quyết định số 125/QĐ-UBND ngày 05 tháng 8 năm 2026 của … về việc …".
    func reference(_ r: DocumentReference) -> String {
        var text = vi ? "\(r.kind) số \(r.number) \(longDate(r.date))" : "\(r.kind) No. \(r.number) of \(longDate(r.date))"
        if let issuer = r.issuer { text += vi ? " của \(issuer)" : " by \(issuer)" }
        if let subject = r.subject { text += " \(subject)" }
        return text
    }

    /// "a, b và c" / "a, b and c".
    /// `text` opening a sentence ("the Department …" → "The Department …").
    func sentence(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + (vi ? " và " : " and ") + items.last!
    }

    // MARK: Administrative frame (NĐ 30)

    var nation: String { vi ? "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" : "SOCIALIST REPUBLIC OF VIET NAM" }
    var motto: String { vi ? "Độc lập - Tự do - Hạnh phúc" : "Independence - Freedom - Happiness" }
    func number(_ n: String) -> String { vi ? "Số: \(n)" : "No.: \(n)" }
    var decision: String { vi ? "QUYẾT ĐỊNH" : "DECISION" }
    var decides: String { vi ? "QUYẾT ĐỊNH:" : "DECIDES:" }
    func article(_ k: Int) -> String { vi ? "Điều \(k)." : "Article \(k)." }
    func basis(_ text: String, last: Bool) -> String { (vi ? "Căn cứ " : "Pursuant to ") + text + (last ? "." : ";") }
    func proposal(_ p: Proposal) -> String {
        var text = (vi ? "Theo đề nghị của " : "At the proposal of ") + p.proposer
        if let submission = p.submission { text += (vi ? " tại " : " in ") + reference(submission) }
        return text + "."
    }
    var recipients: String { vi ? "Nơi nhận:" : "Recipients:" }
    func asArticle(_ k: Int) -> String { vi ? "Như Điều \(k)" : "As in Article \(k)" }
    func archive(_ units: String) -> String { (vi ? "Lưu: " : "Archived: ") + units + "." }
    /// "Phụ lục" when alone, "Phụ lục II" when numbered.
    func annex(_ numeral: String?) -> String {
        let word = vi ? "Phụ lục" : "Annex"
        return numeral.map { "\(word) \($0)" } ?? word
    }
    /// "(Kèm theo Quyết định số … ngày … của …)".
    func annexReference(kind: String, number: String, date: CalendarDate, issuer: String) -> String {
        vi ? "(Kèm theo \(kind) số \(number) \(longDate(date)) của \(issuer))"
            : "(Attached to \(kind) No. \(number) of \(longDate(date)) by \(issuer))"
    }
    /// "(chi tiết tại Phụ lục I kèm theo)".
    func seeAnnex(_ numeral: String?) -> String {
        vi ? "(chi tiết tại \(annex(numeral)) kèm theo)" : "(details in the attached \(annex(numeral)))"
    }
    /// NĐ 30 closes the text with "./.".
    var endMark: String { "./." }

    // MARK: Annex tables

    func column(_ c: AnnexColumn) -> String { c.label(language) }

    func kind(_ k: EvaluationKind) -> String { k.label(language) }

    func setLabel(_ s: ProductSetLabel) -> String { "\(s.number). \(s.title)" }

    // MARK: Recognition decision

    func recognitionSubject(province: String, round: Int, year: Int) -> String {
        vi ? "Về việc công nhận kết quả đánh giá, phân hạng và cấp giấy chứng nhận sản phẩm OCOP \(province) đợt \(round) năm \(year)"
            : "On recognising the evaluation and rating results and issuing certificates to OCOP products of \(province), round \(round) of \(year)"
    }

    func annexTitle(_ subject: AnnexSubject) -> String {
        switch subject {
        case .recognised(let stars):
            vi ? "DANH SÁCH SẢN PHẨM OCOP ĐẠT HẠNG \(stars) SAO" : "OCOP PRODUCTS RATED \(stars) STARS"
        case .proposedFiveStars:
            vi ? "DANH SÁCH SẢN PHẨM ĐẠT TỪ 90 ĐIỂM TRỞ LÊN ĐỀ XUẤT ĐÁNH GIÁ, CÔNG NHẬN SẢN PHẨM OCOP 5 SAO"
                : "PRODUCTS OF 90 POINTS OR MORE PROPOSED FOR 5-STAR EVALUATION AND RECOGNITION"
        }
    }

    func recogniseHead(total: Int, province: String, round: Int, year: Int) -> String {
        vi ? "Công nhận kết quả đánh giá, phân hạng và cấp giấy chứng nhận cho \(Self.count(total)) sản phẩm OCOP \(province) đợt \(round) năm \(year)"
            : "To recognise the evaluation and rating results of, and issue certificates to, \(total) OCOP products of \(province), round \(round) of \(year)"
    }

    func recognisedItem(count: Int, stars: Int, annex: String?) -> String {
        vi ? "\(Self.count(count)) sản phẩm đạt hạng \(stars) sao \(seeAnnex(annex))"
            : "\(englishCount(count, "product")) rated \(stars) stars \(seeAnnex(annex))"
    }

    func fiveStarArticle(count: Int, annex: String?, agency: String, province: String) -> String {
        vi ? "Phê duyệt kết quả đánh giá đối với \(Self.count(count)) sản phẩm đạt từ 90 điểm trở lên \(seeAnnex(annex)). Giao \(agency) hoàn thiện hồ sơ, trình Ủy ban nhân dân \(province) đề nghị Bộ Nông nghiệp và Môi trường đánh giá, công nhận sản phẩm OCOP 5 sao."
            : "To approve the evaluation results of \(englishCount(count, "product")) scoring 90 points or more \(seeAnnex(annex)). \(sentence(agency)) shall complete the dossiers and submit them to the People's Committee of \(province) to propose them to the Ministry of Agriculture and Environment for 5-star evaluation and recognition."
    }

    func validityArticle(months: Int) -> String {
        vi ? "Giấy chứng nhận có giá trị trong thời hạn \(months) tháng kể từ ngày ký ban hành Quyết định này. Các chủ thể OCOP có sản phẩm được công nhận tại Điều 1 được sử dụng nhãn hiệu OCOP và thứ hạng sao trên bao bì, nhãn sản phẩm theo quy định; có trách nhiệm duy trì, nâng cao chất lượng sản phẩm và chịu sự kiểm tra, giám sát của cơ quan có thẩm quyền."
            : "The certificates are valid for \(months) months from the date this Decision is signed. Producers whose products are recognised in Article 1 may use the OCOP mark and the star rating on packaging and labels as regulated; they shall maintain and improve product quality and are subject to inspection and monitoring by the competent authorities."
    }

    func assignmentArticle(agency: String) -> String {
        vi ? "Giao \(agency) công bố kết quả, trao giấy chứng nhận; thông báo bằng văn bản kết quả đánh giá, phân hạng đến Ủy ban nhân dân cấp xã và chủ thể OCOP; tổ chức kiểm tra, giám sát việc duy trì chất lượng sản phẩm và sử dụng nhãn hiệu OCOP theo quy định."
            : "\(sentence(agency)) shall announce the results and hand over the certificates; notify the commune People's Committees and the producers of the results in writing; and inspect and monitor the maintenance of product quality and the use of the OCOP mark as regulated."
    }

    func effectArticle(executors: [String]) -> String {
        vi ? "Quyết định này có hiệu lực kể từ ngày ký. \(list(executors)) chịu trách nhiệm thi hành Quyết định này\(endMark)"
            : "This Decision takes effect from the date of signing. \(sentence(list(executors))) are responsible for implementing this Decision\(endMark)"
    }

    // MARK: Revocation

    var revocationSubject: String {
        vi ? "Về việc thu hồi giấy chứng nhận sản phẩm OCOP" : "On revoking OCOP product certificates"
    }

    func ground(_ g: RevocationGround) -> String {
        switch g {
        case .a: vi ? "chủ thể OCOP cung cấp thông tin, tài liệu không trung thực hoặc giả mạo hồ sơ trong quá trình đăng ký đánh giá, phân hạng sản phẩm OCOP"
            : "the producer provided untruthful information or documents or forged the dossier when registering for evaluation and rating"
        case .b: vi ? "sản phẩm OCOP không còn đáp ứng các tiêu chí theo Bộ tiêu chí OCOP theo kết luận kiểm tra, giám sát của cơ quan có thẩm quyền"
            : "the product no longer meets the OCOP criteria, according to the inspection or monitoring conclusions of the competent authority"
        case .c: vi ? "sản phẩm OCOP vi phạm quy định pháp luật về chất lượng sản phẩm, an toàn thực phẩm, bảo vệ môi trường, sở hữu trí tuệ, ghi nhãn hàng hóa hoặc các quy định pháp luật khác có liên quan theo kết luận của cơ quan có thẩm quyền"
            : "the product violates the law on product quality, food safety, environmental protection, intellectual property, labelling or other relevant law, according to the conclusions of the competent authority"
        case .d: vi ? "chủ thể OCOP sử dụng nhãn hiệu OCOP không đúng quy định, gây nhầm lẫn về sản phẩm được công nhận"
            : "the producer used the OCOP mark contrary to the regulations, causing confusion about the recognised product"
        case .dd: vi ? "chủ thể OCOP không còn hoạt động sản xuất sản phẩm OCOP" : "the producer no longer produces the OCOP product"
        case .e: vi ? "trường hợp khác theo kết luận và đề nghị của cơ quan nhà nước có thẩm quyền về việc sản phẩm OCOP không đủ điều kiện tiếp tục được công nhận"
            : "another case in which a competent state authority concluded and proposed that the product no longer qualifies for recognition"
        }
    }

    /// "điểm b khoản 1 Điều 8 Quyết định số 26/2026/QĐ-TTg".
    func groundCitation(_ g: RevocationGround, programme: String) -> String {
        vi ? "điểm \(g.point) khoản 1 Điều 8 \(programme)" : "point \(g.point), clause 1, Article 8 of \(programme)"
    }

    func revokeOne(_ c: RevokedCertificate) -> String {
        let position = c.recognitionPosition.map { vi ? "\($0) " : "\($0) of " } ?? ""
        return vi
            ? "Thu hồi giấy chứng nhận sản phẩm OCOP số \(c.certificateNumber) của sản phẩm \(c.productName) (mã số \(c.productCode)), hạng \(c.stars) sao, của \(c.producerName), địa chỉ: \(c.producerAddress); sản phẩm đã được công nhận tại \(position)\(reference(c.recognition))."
            : "To revoke OCOP certificate No. \(c.certificateNumber) of the product \(c.productName) (code \(c.productCode)), rated \(c.stars) stars, of \(c.producerName), address: \(c.producerAddress); the product was recognised in \(position)\(reference(c.recognition))."
    }

    func revocationReason(_ c: RevokedCertificate, programme: String) -> String {
        vi ? "Lý do thu hồi: \(ground(c.ground)) (\(groundCitation(c.ground, programme: programme))). \(c.finding)"
            : "Ground: \(ground(c.ground)) (\(groundCitation(c.ground, programme: programme))). \(c.finding)"
    }

    func revokeMany(_ n: Int, annex: String?) -> String {
        vi ? "Thu hồi giấy chứng nhận sản phẩm OCOP đối với \(Self.count(n)) sản phẩm \(seeAnnex(annex))."
            : "To revoke the OCOP certificates of \(englishCount(n, "product")) \(seeAnnex(annex))."
    }

    func revocationConsequences(producers: String, agency: String, days: Int?) -> String {
        let term = days.map { vi ? " trong thời hạn \($0) ngày kể từ ngày nhận được Quyết định này" : " within \(englishCount($0, "day")) of receiving this Decision" } ?? ""
        return vi
            ? "Kể từ ngày Quyết định này có hiệu lực, \(producers) không được sử dụng nhãn hiệu OCOP và thứ hạng sao đối với sản phẩm bị thu hồi giấy chứng nhận trên bao bì, nhãn sản phẩm và các hình thức quảng bá; có trách nhiệm nộp lại bản gốc giấy chứng nhận cho \(agency)\(term)."
            : "From the date this Decision takes effect, \(producers) may no longer use the OCOP mark or the star rating of the revoked product on packaging, labels or promotion, and shall return the original certificate to \(agency)\(term)."
    }

    var producersOfArticleOne: String { vi ? "các chủ thể OCOP có tên tại Điều 1" : "the producers named in Article 1" }

    func revocationAssignment(agency: String) -> String {
        vi ? "Giao \(agency) thu hồi giấy chứng nhận; thông báo cho chủ thể OCOP và Ủy ban nhân dân cấp xã nơi chủ thể sản xuất; cập nhật danh sách sản phẩm OCOP; theo dõi, kiểm tra việc thực hiện Quyết định này."
            : "\(sentence(agency)) shall retrieve the certificates; notify the producers and the commune People's Committees where they produce; update the list of OCOP products; and monitor the implementation of this Decision."
    }

    var revokedAnnexTitle: String {
        vi ? "DANH SÁCH SẢN PHẨM OCOP BỊ THU HỒI GIẤY CHỨNG NHẬN" : "OCOP PRODUCTS WHOSE CERTIFICATES ARE REVOKED"
    }

    var revokedColumns: [String] {
        vi ? ["STT", "Số giấy chứng nhận", "Tên sản phẩm, mã số", "Chủ thể, địa chỉ", "Hạng sao", "Quyết định công nhận", "Căn cứ thu hồi", "Kết luận, lý do"]
            : ["No.", "Certificate", "Product, code", "Producer, address", "Stars", "Recognition decision", "Ground", "Finding"]
    }

    func groundShort(_ g: RevocationGround, programme: String) -> String {
        vi ? "Điểm \(g.point) khoản 1 Điều 8 \(programme)" : "Point \(g.point), cl. 1, Art. 8 of \(programme)"
    }
}
