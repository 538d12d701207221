import OCOPDomain
import Testing

@Suite struct CertificationEligibilityTests {
    let product = "24-07210-003-2026"
    /// 3★ issued 05/8/2026: valid through 05/8/2029, window 06/02/2029 – 07/04/2029.
    let three = certificate("GCN-24-2026-0001", stars: 3, issued: "2026-08-05")

    func filing(_ kind: DossierKind, _ certificates: [CertificateRecord], on date: String, target: Int? = nil) throws -> DossierEligibility.Filing {
        try DossierEligibility.checkFiling(kind: kind, product: product, certificates: certificates, filedOn: day(date), targetStars: target)
    }

    @Test func firstEvaluationOnlyWithoutACertificateInForce() throws {
        #expect(try filing(.firstEvaluation, [], on: "2026-03-01").basis == nil)
        #expect(try filing(.firstEvaluation, [three], on: "2026-08-04").basis == nil)  // not yet issued
        #expect(try filing(.firstEvaluation, [three], on: "2029-08-06").basis == nil)  // the day after expiry
        let revoked = certificate(stars: 3, issued: "2026-08-05", revoked: "2027-01-15")
        #expect(try filing(.firstEvaluation, [revoked], on: "2027-01-15").basis == nil)

        let refused = refusal { try filing(.firstEvaluation, [three], on: "2029-08-05") }
        #expect(refused == .firstEvaluationWithCurrentCertificate(product: product, current: three, filedOn: day("2029-08-05")))
        let (vi, en) = messages(refused!)
        #expect(vi.contains("GCN-24-2026-0001") && vi.contains("nâng hạng lên 4★ hoặc 5★"))
        #expect(vi.contains("Thời hạn nộp hồ sơ đánh giá lại đã kết thúc ngày 07/04/2029") && vi.contains("từ ngày 06/08/2029"))
        #expect(en.contains("An upgrade to 4★ or 5★ may be filed.") && en.contains("file a first evaluation from 2029-08-06"))

        let early = messages(refusal { try filing(.firstEvaluation, [three], on: "2027-01-01") }!)
        #expect(early.vi.hasSuffix("Hồ sơ đánh giá lại nộp từ ngày 06/02/2029 đến ngày 07/04/2029."))
        #expect(early.en.hasSuffix("A re-evaluation may be filed from 2029-02-06 to 2029-04-07."))
    }

    @Test func upgradeOnlyToStrictlyMoreStars() throws {
        #expect(try filing(.upgrade, [three], on: "2027-05-01", target: 4).basis == three)
        #expect(try filing(.upgrade, [three], on: "2027-05-01", target: 5).basis == three)
        let four = certificate("GCN-24-2026-0002", stars: 4, issued: "2026-08-05")
        #expect(try filing(.upgrade, [four], on: "2029-03-01", target: 5).basis == four)  // also inside the window

        #expect(refusal { try filing(.upgrade, [three], on: "2027-05-01", target: 3) } == .upgradeTargetNotHigher(product: product, current: three, target: 3))
        #expect(refusal { try filing(.upgrade, [four], on: "2027-05-01", target: 3) } == .upgradeTargetNotHigher(product: product, current: four, target: 3))
        #expect(refusal { try filing(.upgrade, [three], on: "2027-05-01", target: 6) } == .upgradeTargetNotHigher(product: product, current: three, target: 6))
        let missing = refusal { try filing(.upgrade, [four], on: "2027-05-01") }
        #expect(missing == .upgradeTargetMissing(product: product, current: four))
        #expect(messages(missing!).vi.hasSuffix("đang 4★, nâng lên 5★."))

        let five = certificate("GCN-BNNMT-2026-0003", stars: 5, issuer: .ministry, issued: "2026-09-30")
        let top = refusal { try filing(.upgrade, [five], on: "2027-05-01", target: 5) }
        #expect(top == .upgradeBeyondFiveStars(product: product, current: five, filedOn: day("2027-05-01")))
        #expect(messages(top!).en == "Product \(product) is already 5★ (certificate GCN-BNNMT-2026-0003): there is no higher level. A re-evaluation may be filed from 2029-04-03 to 2029-06-02.")

        let none = refusal { try filing(.upgrade, [], on: "2027-05-01", target: 4) }
        #expect(none == .upgradeWithoutCurrentCertificate(product: product, last: nil, filedOn: day("2027-05-01")))
        #expect(messages(none!).vi == "Không thể đăng ký nâng hạng cho sản phẩm \(product): ngày 01/05/2027 sản phẩm không có giấy chứng nhận còn hiệu lực. Nộp hồ sơ đánh giá lần đầu.")
        let lapsed = messages(refusal { try filing(.upgrade, [three], on: "2029-09-01", target: 4) }!)
        #expect(lapsed.en == "Product \(product) cannot be filed for an upgrade: on 2029-09-01 it holds no certificate in force (latest certificate GCN-24-2026-0001, 3★, expired after 2029-08-05). File a first evaluation instead.")
    }

    @Test func reEvaluationInsideTheWindowEdgesIncluded() throws {
        let tooEarly = refusal { try filing(.reEvaluation, [three], on: "2029-02-05") }  // 181 days before expiry
        #expect(tooEarly == .reEvaluationTooEarly(product: product, current: three, filedOn: day("2029-02-05")))
        #expect(messages(tooEarly!).en == "The re-evaluation window for certificate GCN-24-2026-0001 of product \(product) opens on 2029-02-06 and closes on 2029-04-07 (180 to 120 days before it expires on 2029-08-05, Art. 7.6.a); filed on 2029-02-05, 1 day early.")
        #expect(messages(tooEarly!).vi == "Chưa đến thời hạn nộp hồ sơ đánh giá lại giấy chứng nhận GCN-24-2026-0001 của sản phẩm \(product): thời hạn nộp từ ngày 06/02/2029 đến ngày 07/04/2029 (không sớm hơn 180 ngày và không muộn hơn 120 ngày trước ngày hết hạn 05/08/2029, điểm a khoản 6 Điều 7); hồ sơ nộp ngày 05/02/2029, sớm 1 ngày.")

        let opens = try filing(.reEvaluation, [three], on: "2029-02-06")  // 180 days
        #expect(opens.basis == three && !opens.underTransition && opens.extensionLimit == nil)
        #expect(try filing(.reEvaluation, [three], on: "2029-04-07").basis == three)  // 120 days

        let tooLate = refusal { try filing(.reEvaluation, [three], on: "2029-04-08") }  // 119 days
        #expect(tooLate == .reEvaluationTooLate(product: product, current: three, filedOn: day("2029-04-08")))
        let late = messages(tooLate!)
        #expect(late.vi.contains("chỉ áp dụng cho giấy chứng nhận cấp trước ngày 22/05/2026") && late.vi.contains("từ ngày 06/08/2029 nộp hồ sơ đánh giá lần đầu"))
        #expect(late.en.contains("closed on 2029-04-07") && late.en.hasSuffix("An upgrade to 4★ or 5★ may be filed."))

        let gone = refusal { try filing(.reEvaluation, [three], on: "2029-08-06") }
        #expect(gone == .reEvaluationWithoutCurrentCertificate(product: product, last: three, filedOn: day("2029-08-06")))
        let revoked = certificate(stars: 3, issued: "2026-08-05", revoked: "2028-01-01")
        #expect(messages(refusal { try filing(.reEvaluation, [revoked], on: "2029-03-01") }!).vi.contains("đã bị thu hồi ngày 01/01/2028"))
    }

    @Test func lateReEvaluationUnderTheTransitionRule() throws {
        // Issued under QĐ 148: valid through 10/01/2027, window 14/7/2026 – 12/9/2026.
        let old = certificate("GCN-24-2024-0007", stars: 4, issued: "2024-01-10")
        let late = try filing(.reEvaluation, [old], on: "2026-12-01")
        #expect(late.underTransition && late.extensionLimit == day("2027-07-09"))
        #expect(try filing(.reEvaluation, [old], on: "2027-01-10").underTransition)  // the last valid day
        #expect(!(try filing(.reEvaluation, [old], on: "2026-09-12").underTransition))
        #expect(refusal { try filing(.reEvaluation, [old], on: "2026-07-13") } == .reEvaluationTooEarly(product: product, current: old, filedOn: day("2026-07-13")))
        // After expiry nothing is left to keep in force.
        #expect(refusal { try filing(.reEvaluation, [old], on: "2027-01-11") } == .reEvaluationWithoutCurrentCertificate(product: product, last: old, filedOn: day("2027-01-11")))
        // Once extended, the certificate is in force: no first evaluation meanwhile.
        var extended = old
        extended.facts.extendedUntil = TransitionRule.extendedUntil(validUntil: old.facts.validUntil, resultOn: nil)
        #expect(extended.status(on: day("2027-03-01")) == .extendedByTransition)
        let first = refusal { try filing(.firstEvaluation, [extended], on: "2027-03-01") }
        #expect(messages(first!).en.contains("expired on 2027-01-10 but kept in force under Art. 12.3 until 2027-07-09 at the latest"))
    }

    func decision(_ kind: DossierKind, _ certificates: [CertificateRecord], filed: String, target: Int? = nil, result: Int, decided: String) throws -> DossierEligibility.Decision {
        try DossierEligibility.checkDecision(kind: kind, product: product, certificates: certificates, filedOn: day(filed),
                                             targetStars: target, resultStars: result, decidedOn: day(decided))
    }

    @Test func checkedAgainAtTheDecision() throws {
        // Upgrade 3★ → 4★: the 3★ certificate is superseded on the decision date.
        let up = try decision(.upgrade, [three], filed: "2027-05-01", target: 5, result: 4, decided: "2027-10-10")
        #expect(up.supersedes == three && up.supersededOn == day("2027-10-10"))
        let same = refusal { try decision(.upgrade, [three], filed: "2027-05-01", target: 4, result: 3, decided: "2027-10-10") }
        #expect(same == .upgradeResultNotHigher(product: product, current: three, result: 3))
        #expect(messages(same!).vi.contains("không công nhận nâng hạng"))
        // Another upgrade was decided first: the result must beat the certificate now in force.
        var superseded = three
        superseded.facts.supersededOn = day("2027-09-01")
        let four = certificate("GCN-24-2027-0040", stars: 4, issued: "2027-09-01")
        #expect(refusal { try decision(.upgrade, [superseded, four], filed: "2027-05-01", target: 5, result: 4, decided: "2027-10-10") }
            == .upgradeResultNotHigher(product: product, current: four, result: 4))
        #expect(try decision(.upgrade, [superseded, four], filed: "2027-05-01", target: 5, result: 5, decided: "2027-10-10").supersedes == four)

        // Re-evaluation filed in the window, decided before expiry: the old certificate is superseded.
        let renewal = try decision(.reEvaluation, [three], filed: "2029-03-01", result: 3, decided: "2029-04-10")
        #expect(renewal.supersedes == three && renewal.supersededOn == day("2029-04-10"))
        // Decided after expiry: nothing left in force to supersede.
        #expect(try decision(.reEvaluation, [three], filed: "2029-03-01", result: 4, decided: "2029-08-10").supersedes == nil)

        // The basis was revoked meanwhile.
        var revoked = three
        revoked.facts.revokedOn = day("2029-03-20")
        let r = refusal { try decision(.reEvaluation, [revoked], filed: "2029-03-01", result: 3, decided: "2029-04-10") }
        #expect(r == .basisRevoked(product: product, certificate: revoked, decidedOn: day("2029-04-10")))
        #expect(messages(r!).en.hasPrefix("Certificate GCN-24-2026-0001 of product \(product) was revoked on 2029-03-20"))

        // A first evaluation while a certificate came into force meanwhile.
        let first = refusal { try decision(.firstEvaluation, [three], filed: "2026-07-01", result: 3, decided: "2026-12-01") }
        #expect(first == .otherCertificateInForce(product: product, kind: .firstEvaluation, current: three, decidedOn: day("2026-12-01")))
        #expect(messages(first!).vi.contains("mỗi sản phẩm chỉ có một giấy chứng nhận còn hiệu lực"))
        #expect(try decision(.firstEvaluation, [], filed: "2026-04-01", result: 4, decided: "2026-06-20").supersedes == nil)

        // The filing is re-checked on its own date.
        #expect(refusal { try decision(.reEvaluation, [three], filed: "2029-04-08", result: 3, decided: "2029-05-01") }
            == .reEvaluationTooLate(product: product, current: three, filedOn: day("2029-04-08")))
        #expect(refusal { try decision(.firstEvaluation, [], filed: "2026-04-01", result: 2, decided: "2026-06-20") } == .notRecognisable(product: product, stars: 2))
    }
}
