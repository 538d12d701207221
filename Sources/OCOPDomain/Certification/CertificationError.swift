/// A refusal by the certification rules: what is wrong, and what would be allowed instead (the
/// date a window opens, the kind of dossier to file). Always bad input: exit code 65.
public enum CertificationError: LocalizedFailure, Hashable {
    // Term (Art. 4.3, 12.1)
    case termOverrideUnderQD26(issuedOn: CalendarDate)
    case invalidTermMonths(Int)
    case validUntilBeforeIssue(issuedOn: CalendarDate, validUntil: CalendarDate)

    // Eligibility when a dossier is filed (Art. 6.1, 7.5, 7.6.a, 12.3)
    case firstEvaluationWithCurrentCertificate(product: String, current: CertificateRecord, filedOn: CalendarDate)
    case upgradeWithoutCurrentCertificate(product: String, last: CertificateRecord?, filedOn: CalendarDate)
    case upgradeTargetMissing(product: String, current: CertificateRecord)
    case upgradeTargetNotHigher(product: String, current: CertificateRecord, target: Int)
    case upgradeBeyondFiveStars(product: String, current: CertificateRecord, filedOn: CalendarDate)
    case reEvaluationWithoutCurrentCertificate(product: String, last: CertificateRecord?, filedOn: CalendarDate)
    case reEvaluationTooEarly(product: String, current: CertificateRecord, filedOn: CalendarDate)
    case reEvaluationTooLate(product: String, current: CertificateRecord, filedOn: CalendarDate)

    // Eligibility again at the decision
    case otherCertificateInForce(product: String, kind: DossierKind, current: CertificateRecord, decidedOn: CalendarDate)
    case upgradeResultNotHigher(product: String, current: CertificateRecord, result: Int)
    case basisRevoked(product: String, certificate: CertificateRecord, decidedOn: CalendarDate)
    case notRecognisable(product: String, stars: Int)

    // Evaluation calendar (Art. 5)
    case unknownRound(RoundID, known: [Int])
    case invalidExtraRound(RoundID, reason: LocalizedText)

    // Decisions (Art. 4.1, 7.3, 7.4)
    case decisionDateInFuture(decidedOn: CalendarDate, today: CalendarDate)
    case decisionBeforeResult(dossier: String, resultOn: CalendarDate, decidedOn: CalendarDate)
    /// The written notice of a result below 3★ cites the council's minutes: it cannot precede them.
    case noticeBeforeResult(dossier: String, resultOn: CalendarDate, notedOn: CalendarDate)
    case duplicateCandidate(dossier: String)
    case starsOutOfRange(dossier: String, stars: Int)
    case starsAboveScoreBand(dossier: String, stars: Int, score: CandidateScore, band: Int)
    case provinceCannotRecogniseFiveStars(dossier: String, councilLevel: CouncilLevel)
    case ministryNeedsCentralResult(dossier: String)
    case ministryRecognisesOnlyFiveStars(dossier: String, stars: Int, score: CandidateScore)

    // Numbers
    case invalidDecisionNumber(text: String, reason: LocalizedText)
    case invalidCertificateNumber(text: String, reason: LocalizedText)

    // Revocation (Art. 8)
    case revocationWrongAuthority(certificate: CertificateRecord, authority: IssuingAuthority)
    case revocationBeforeIssue(certificate: CertificateRecord, revokedOn: CalendarDate)
    case revocationAfterEnd(certificate: CertificateRecord, status: CertificateStatus, revokedOn: CalendarDate)
    case revocationBeforeFinding(certificate: CertificateRecord, findingOn: CalendarDate, revokedOn: CalendarDate)

    public var kind: ErrorKind { .invalidInput }

    public func message(_ language: Language) -> String {
        let vi = language == .vi
        func d(_ date: CalendarDate) -> String { date.display(language) }
        switch self {
        case .termOverrideUnderQD26(let issuedOn):
            return vi ? "Giấy chứng nhận cấp ngày \(d(issuedOn)) (từ ngày 22/05/2026) có thời hạn 36 tháng (khoản 3 Điều 4); chỉ giấy chứng nhận cấp trước ngày đó giữ thời hạn theo quyết định công nhận của nó (khoản 1 Điều 12)."
                : "A certificate issued on \(d(issuedOn)) (on or after 2026-05-22) is valid 36 months (Art. 4.3); only certificates issued before that day keep the term of their own decision (Art. 12.1)."
        case .invalidTermMonths(let months):
            return vi ? "Thời hạn \(months) tháng không hợp lệ (từ 1 đến 120 tháng)." : "A term of \(months) months is not valid (1 to 120 months)."
        case let .validUntilBeforeIssue(issuedOn, validUntil):
            return vi ? "Ngày hết hạn \(d(validUntil)) trước ngày cấp \(d(issuedOn))." : "The last valid day \(d(validUntil)) is before the issue date \(d(issuedOn))."

        case let .firstEvaluationWithCurrentCertificate(product, current, filedOn):
            let head = vi ? "Không thể đăng ký đánh giá lần đầu cho sản phẩm \(product): sản phẩm đang có giấy chứng nhận \(current.number) (\(current.stars)★, \(current.describeState(on: filedOn, .vi)))."
                : "Product \(product) cannot be filed for a first evaluation: it holds certificate \(current.number) (\(current.stars)★, \(current.describeState(on: filedOn, .en)))."
            return head + Self.upgradeAdvice(current, language) + Self.reEvaluationAdvice(current, filedOn: filedOn, language)
        case let .upgradeWithoutCurrentCertificate(product, last, filedOn):
            return (vi ? "Không thể đăng ký nâng hạng cho sản phẩm \(product): ngày \(d(filedOn)) sản phẩm không có giấy chứng nhận còn hiệu lực"
                : "Product \(product) cannot be filed for an upgrade: on \(d(filedOn)) it holds no certificate in force")
                + Self.lastCertificate(last, on: filedOn, language)
                + (vi ? ". Nộp hồ sơ đánh giá lần đầu." : ". File a first evaluation instead.")
        case let .upgradeTargetMissing(product, current):
            return vi ? "Hồ sơ nâng hạng sản phẩm \(product) phải ghi hạng sao đề nghị: giấy chứng nhận \(current.number) đang \(current.stars)★, nâng lên \(Self.higherStars(current.stars, .vi))."
                : "The upgrade dossier of product \(product) must state its target: certificate \(current.number) is \(current.stars)★, so \(Self.higherStars(current.stars, .en))."
        case let .upgradeTargetNotHigher(product, current, target):
            return vi ? "Hạng đề nghị \(target)★ của sản phẩm \(product) không hợp lệ: giấy chứng nhận \(current.number) đang \(current.stars)★, chỉ nâng hạng lên \(Self.higherStars(current.stars, .vi))."
                : "The target \(target)★ for product \(product) is not valid: certificate \(current.number) is \(current.stars)★, so an upgrade goes to \(Self.higherStars(current.stars, .en))."
        case let .upgradeBeyondFiveStars(product, current, filedOn):
            return (vi ? "Sản phẩm \(product) đã đạt 5★ (giấy chứng nhận \(current.number)): không có hạng cao hơn để nâng."
                : "Product \(product) is already 5★ (certificate \(current.number)): there is no higher level.")
                + Self.reEvaluationAdvice(current, filedOn: filedOn, language)
        case let .reEvaluationWithoutCurrentCertificate(product, last, filedOn):
            return (vi ? "Không thể đăng ký đánh giá lại cho sản phẩm \(product): ngày \(d(filedOn)) sản phẩm không có giấy chứng nhận còn hiệu lực"
                : "Product \(product) cannot be filed for a re-evaluation: on \(d(filedOn)) it holds no certificate in force")
                + Self.lastCertificate(last, on: filedOn, language)
                + (vi ? ". Nộp hồ sơ đánh giá lần đầu." : ". File a first evaluation instead.")
        case let .reEvaluationTooEarly(product, current, filedOn):
            let w = current.facts.renewalWindow
            let early = w.opensOn.days(until: filedOn) * -1
            return vi ? "Chưa đến thời hạn nộp hồ sơ đánh giá lại giấy chứng nhận \(current.number) của sản phẩm \(product): thời hạn nộp từ ngày \(d(w.opensOn)) đến ngày \(d(w.closesOn)) (không sớm hơn 180 ngày và không muộn hơn 120 ngày trước ngày hết hạn \(d(w.expiresOn)), điểm a khoản 6 Điều 7); hồ sơ nộp ngày \(d(filedOn)), sớm \(early) ngày."
                : "The re-evaluation window for certificate \(current.number) of product \(product) opens on \(d(w.opensOn)) and closes on \(d(w.closesOn)) (180 to 120 days before it expires on \(d(w.expiresOn)), Art. 7.6.a); filed on \(d(filedOn)), \(englishCount(early, "day")) early."
        case let .reEvaluationTooLate(product, current, filedOn):
            let w = current.facts.renewalWindow
            let after = w.expiresOn.adding(days: 1)
            return (vi ? "Đã hết thời hạn nộp hồ sơ đánh giá lại giấy chứng nhận \(current.number) của sản phẩm \(product): thời hạn nộp từ ngày \(d(w.opensOn)) đến ngày \(d(w.closesOn)) (điểm a khoản 6 Điều 7); hồ sơ nộp ngày \(d(filedOn)). Quy định chuyển tiếp (khoản 3 Điều 12) chỉ áp dụng cho giấy chứng nhận cấp trước ngày 22/05/2026. Giấy chứng nhận hết hạn ngày \(d(w.expiresOn)); từ ngày \(d(after)) nộp hồ sơ đánh giá lần đầu."
                : "The re-evaluation window for certificate \(current.number) of product \(product) closed on \(d(w.closesOn)) (it ran from \(d(w.opensOn)), Art. 7.6.a); filed on \(d(filedOn)). The transition rule (Art. 12.3) covers only certificates issued before 2026-05-22. The certificate expires on \(d(w.expiresOn)); from \(d(after)) file a first evaluation.")
                + Self.upgradeAdvice(current, language)

        case let .otherCertificateInForce(product, kind, current, decidedOn):
            return vi ? "Không thể công nhận hồ sơ \(kind.label(.vi).lowercased()) của sản phẩm \(product) ngày \(d(decidedOn)): sản phẩm đang có giấy chứng nhận \(current.number) (\(current.stars)★, \(current.describeState(on: decidedOn, .vi))); mỗi sản phẩm chỉ có một giấy chứng nhận còn hiệu lực."
                : "The \(kind.label(.en).lowercased()) of product \(product) cannot be recognised on \(d(decidedOn)): it holds certificate \(current.number) (\(current.stars)★, \(current.describeState(on: decidedOn, .en))); a product has one certificate in force at a time."
        case let .upgradeResultNotHigher(product, current, result):
            return vi ? "Kết quả \(result)★ của hồ sơ nâng hạng sản phẩm \(product) không cao hơn hạng \(current.stars)★ của giấy chứng nhận \(current.number): không công nhận nâng hạng; giấy chứng nhận hiện có giữ nguyên."
                : "The upgrade result \(result)★ for product \(product) is not above the \(current.stars)★ of certificate \(current.number): no upgrade is recognised; the existing certificate stands."
        case let .basisRevoked(product, certificate, decidedOn):
            let on = certificate.facts.revokedOn ?? decidedOn
            return vi ? "Giấy chứng nhận \(certificate.number) của sản phẩm \(product) đã bị thu hồi ngày \(d(on)): không công nhận hồ sơ nâng hạng hoặc đánh giá lại dựa trên giấy chứng nhận này. Nộp hồ sơ đánh giá lần đầu."
                : "Certificate \(certificate.number) of product \(product) was revoked on \(d(on)): no upgrade or re-evaluation can be recognised on it. File a first evaluation."
        case let .notRecognisable(product, stars):
            return vi ? "Kết quả \(stars)★ của sản phẩm \(product): không ban hành quyết định công nhận, không cấp giấy chứng nhận (điểm a khoản 1 Điều 4)."
                : "Product \(product) scored \(stars)★: no recognition decision and no certificate (Art. 4.1.a)."

        case let .unknownRound(id, known):
            let level = id.level == .central ? (vi ? "cấp trung ương" : "central") : (vi ? "cấp tỉnh" : "provincial")
            let list = known.map(String.init).joined(separator: ", ")
            return vi ? "Không có đợt đánh giá \(level) số \(id.number) năm \(id.year). Các đợt có trong năm: \(list.isEmpty ? "không có" : list)."
                : "There is no \(level) round \(id.number) in \(id.year). Rounds of that year: \(list.isEmpty ? "none" : list)."
        case let .invalidExtraRound(id, reason):
            let level = id.level == .central ? (vi ? "cấp trung ương" : "central") : (vi ? "cấp tỉnh" : "provincial")
            return vi ? "Đợt bổ sung số \(id.number) năm \(id.year) (\(level)) không hợp lệ: \(reason(.vi))."
                : "Extra round \(id.number) of \(id.year) (\(level)) is not valid: \(reason(.en))."

        case let .decisionDateInFuture(decidedOn, today):
            return vi ? "Ngày quyết định \(d(decidedOn)) sau ngày hôm nay (\(d(today))): không lập quyết định ghi ngày trong tương lai."
                : "The decision date \(d(decidedOn)) is after today (\(d(today))): a decision cannot be dated in the future."
        case let .decisionBeforeResult(dossier, resultOn, decidedOn):
            return vi ? "Hồ sơ \(dossier): ngày quyết định \(d(decidedOn)) trước ngày có kết quả của Hội đồng (\(d(resultOn)))."
                : "Dossier \(dossier): the decision date \(d(decidedOn)) is before the council's result (\(d(resultOn)))."
        case let .noticeBeforeResult(dossier, resultOn, notedOn):
            return vi ? "Hồ sơ \(dossier): ngày thông báo \(d(notedOn)) trước ngày có kết quả của Hội đồng (\(d(resultOn)))."
                : "Dossier \(dossier): the notice date \(d(notedOn)) is before the council's result (\(d(resultOn)))."
        case .duplicateCandidate(let dossier):
            return vi ? "Hồ sơ \(dossier) có mặt hai lần trong danh sách." : "Dossier \(dossier) is listed twice."
        case let .starsOutOfRange(dossier, stars):
            return vi ? "Hồ sơ \(dossier): hạng \(stars)★ không hợp lệ (từ 1★ đến 5★)." : "Dossier \(dossier): \(stars)★ is not a rating (1★ to 5★)."
        case let .starsAboveScoreBand(dossier, stars, score, band):
            return vi ? "Hồ sơ \(dossier): \(stars)★ nhưng điểm \(score.display(.vi)) chỉ đạt mức \(band)★ (khoản 3 Điều 3)."
                : "Dossier \(dossier): \(stars)★ but a score of \(score.display(.en)) only reaches \(band)★ (Art. 3.3)."
        case let .provinceCannotRecogniseFiveStars(dossier, councilLevel):
            if councilLevel == .provincial {
                return vi ? "Hồ sơ \(dossier): quyết định cấp tỉnh không công nhận 5★; Chủ tịch UBND cấp tỉnh phê duyệt kết quả đánh giá và gửi hồ sơ đề nghị Bộ Nông nghiệp và Môi trường đánh giá, công nhận 5★ (điểm e khoản 3 Điều 7)."
                    : "Dossier \(dossier): a provincial decision never recognises 5★; the provincial chair approves the result and sends the dossier to the Ministry of Agriculture and Environment for 5★ (Art. 7.3.e)."
            }
            return vi ? "Hồ sơ \(dossier): kết quả 5★ của Hội đồng cấp trung ương do Bộ trưởng Bộ Nông nghiệp và Môi trường công nhận (điểm e khoản 4 Điều 7), không phải UBND cấp tỉnh."
                : "Dossier \(dossier): a 5★ central result is recognised by the Minister of Agriculture and Environment (Art. 7.4.e), not by the province."
        case .ministryNeedsCentralResult(let dossier):
            return vi ? "Hồ sơ \(dossier): Bộ Nông nghiệp và Môi trường chỉ công nhận trên kết quả của Hội đồng cấp trung ương (khoản 4 Điều 7)."
                : "Dossier \(dossier): the Ministry recognises only on the central council's result (Art. 7.4)."
        case let .ministryRecognisesOnlyFiveStars(dossier, stars, score):
            return vi ? "Hồ sơ \(dossier): Hội đồng cấp trung ương chấm \(score.display(.vi)) điểm, xếp \(stars)★ (không đạt 5★): hồ sơ trả về UBND cấp tỉnh; Chủ tịch UBND cấp tỉnh có thể công nhận \(stars)★ trên kết quả này (điểm g khoản 4 Điều 7)."
                : "Dossier \(dossier): the central council scored \(score.display(.en)), \(stars)★ (not 5★): it returns to the province, whose chair may recognise \(stars)★ on this result (Art. 7.4.g)."

        case let .invalidDecisionNumber(text, reason):
            return vi ? "Số quyết định «\(text)» không hợp lệ: \(reason(.vi))." : "Decision number «\(text)» is not valid: \(reason(.en))."
        case let .invalidCertificateNumber(text, reason):
            return vi ? "Số giấy chứng nhận «\(text)» không hợp lệ: \(reason(.vi))." : "Certificate number «\(text)» is not valid: \(reason(.en))."

        case let .revocationWrongAuthority(certificate, authority):
            let competent = IssuingAuthority.competentLabel(forStars: certificate.stars)
            return vi ? "\(authority.label(.vi)) không có thẩm quyền thu hồi giấy chứng nhận \(certificate.number) (\(certificate.stars)★): thẩm quyền thuộc \(competent(.vi)) (khoản 2 Điều 8)."
                : "The \(authority.label(.en)) may not revoke certificate \(certificate.number) (\(certificate.stars)★): that is for \(competent(.en)) (Art. 8.2)."
        case let .revocationBeforeIssue(certificate, revokedOn):
            return vi ? "Ngày thu hồi \(d(revokedOn)) trước ngày cấp giấy chứng nhận \(certificate.number) (\(d(certificate.facts.issuedOn)))."
                : "The revocation date \(d(revokedOn)) is before certificate \(certificate.number) was issued (\(d(certificate.facts.issuedOn)))."
        case let .revocationAfterEnd(certificate, _, revokedOn):
            return vi ? "Giấy chứng nhận \(certificate.number) không còn hiệu lực vào ngày \(d(revokedOn)) (\(certificate.describeState(on: revokedOn, .vi))): không thể thu hồi."
                : "Certificate \(certificate.number) is no longer in force on \(d(revokedOn)) (\(certificate.describeState(on: revokedOn, .en))): it cannot be revoked."
        case let .revocationBeforeFinding(certificate, findingOn, revokedOn):
            return vi ? "Quyết định thu hồi giấy chứng nhận \(certificate.number) ngày \(d(revokedOn)) trước ngày có kết luận hoặc xác nhận (\(d(findingOn))): việc thu hồi phải căn cứ kết luận đã có (khoản 3, 4 Điều 8)."
                : "The revocation of certificate \(certificate.number) on \(d(revokedOn)) is dated before the finding it rests on (\(d(findingOn))) (Art. 8.3–8.4)."
        }
    }

    /// "4★ hoặc 5★" / "4★ or 5★".
    static func higherStars(_ stars: Int, _ language: Language) -> String {
        let options = ((stars + 1)...5).map { "\($0)★" }
        return options.joined(separator: language == .vi ? " hoặc " : " or ")
    }

    static func upgradeAdvice(_ current: CertificateRecord, _ language: Language) -> String {
        guard current.stars < 5 else { return "" }
        return language == .vi ? " Có thể nộp hồ sơ nâng hạng lên \(higherStars(current.stars, .vi))."
            : " An upgrade to \(higherStars(current.stars, .en)) may be filed."
    }

    /// When the holder may file a re-evaluation, seen from `filedOn`.
    static func reEvaluationAdvice(_ current: CertificateRecord, filedOn: CalendarDate, _ language: Language) -> String {
        let vi = language == .vi
        let w = current.facts.renewalWindow
        func d(_ date: CalendarDate) -> String { date.display(language) }
        if filedOn <= w.closesOn {
            return vi ? " Hồ sơ đánh giá lại nộp từ ngày \(d(w.opensOn)) đến ngày \(d(w.closesOn))."
                : " A re-evaluation may be filed from \(d(w.opensOn)) to \(d(w.closesOn))."
        }
        if TransitionRule.applies(toCertificateIssuedOn: current.facts.issuedOn), filedOn <= w.expiresOn {
            return vi ? " Hồ sơ đánh giá lại nộp muộn vẫn được nhận theo khoản 3 Điều 12 đến hết ngày \(d(w.expiresOn))."
                : " A late re-evaluation is still accepted under Art. 12.3 through \(d(w.expiresOn))."
        }
        let end = current.facts.lastDayInForce
        return vi ? " Thời hạn nộp hồ sơ đánh giá lại đã kết thúc ngày \(d(w.closesOn)); sau khi giấy chứng nhận hết hiệu lực (\(d(end))), nộp hồ sơ đánh giá lần đầu từ ngày \(d(end.adding(days: 1)))."
            : " The re-evaluation window closed on \(d(w.closesOn)); once the certificate ends (\(d(end))), file a first evaluation from \(d(end.adding(days: 1)))."
    }

    static func lastCertificate(_ last: CertificateRecord?, on date: CalendarDate, _ language: Language) -> String {
        guard let last else { return "" }
        return language == .vi ? " (giấy chứng nhận gần nhất \(last.number), \(last.stars)★, \(last.describeState(on: date, .vi)))"
            : " (latest certificate \(last.number), \(last.stars)★, \(last.describeState(on: date, .en)))"
    }
}
