import OCOPDomain
import PropertyBased
import Testing

@Suite struct CertificationRevocationTests {
    let three = certificate("GCN-24-2026-0001", stars: 3, issued: "2026-08-05")
    let five = certificate("GCN-BNNMT-2026-0003", stars: 5, issuer: .ministry, issued: "2026-09-30")
    let province = IssuingAuthority.province(code: "24")

    func revoke(_ c: CertificateRecord, by authority: IssuingAuthority, _ ground: RevocationGround = .c, found: String, on date: String) throws -> RevocationTiming {
        try RevocationRules.check(certificate: c, authority: authority, ground: ground, findingOn: day(found), revokedOn: day(date))
    }

    @Test func fifteenDaysFromTheFindingDayFifteenOnTimeDaySixteenLate() throws {
        #expect(RevocationRules.deadline(findingOn: day("2027-03-01")) == day("2027-03-16"))
        let onTime = try revoke(three, by: province, found: "2027-03-01", on: "2027-03-16")
        #expect(!onTime.isLate && onTime.daysAfterFinding == 15 && onTime.lateFlag(.vi) == nil)
        #expect(!(try revoke(three, by: province, found: "2027-03-01", on: "2027-03-01")).isLate)
        let late = try revoke(three, by: province, .dd, found: "2027-03-01", on: "2027-03-17")
        #expect(late.isLate && late.daysLate == 1)
        #expect(late.lateFlag(.vi) == "Quyết định thu hồi ngày 17/03/2027 chậm 1 ngày so với thời hạn 15 ngày kể từ xác nhận của UBND cấp xã về việc chủ thể không còn sản xuất sản phẩm ngày 01/03/2027 (hạn chót ngày 16/03/2027, khoản 4 Điều 8).")
        #expect(late.lateFlag(.en) == "The revocation of 2027-03-17 is 1 day past the 15 days from the commune's confirmation that production stopped of 2027-03-01 (deadline 2027-03-16, Art. 8.4).")
    }

    @Test func provinceRevokesThreeAndFourStarsMinistryFive() throws {
        #expect(!(try revoke(five, by: .ministry, found: "2027-01-10", on: "2027-01-20")).isLate)
        let provinceOnFive = refusal { try revoke(five, by: province, found: "2027-01-10", on: "2027-01-20") }
        #expect(provinceOnFive == .revocationWrongAuthority(certificate: five, authority: province))
        #expect(messages(provinceOnFive!).vi == "Chủ tịch Ủy ban nhân dân cấp tỉnh (mã tỉnh 24) không có thẩm quyền thu hồi giấy chứng nhận GCN-BNNMT-2026-0003 (5★): thẩm quyền thuộc Bộ trưởng Bộ Nông nghiệp và Môi trường (khoản 2 Điều 8).")
        let ministryOnThree = refusal { try revoke(three, by: .ministry, found: "2027-01-10", on: "2027-01-20") }
        #expect(messages(ministryOnThree!).en == "The Minister of Agriculture and Environment may not revoke certificate GCN-24-2026-0001 (3★): that is for the chair of the provincial people's committee (Art. 8.2).")
    }

    @Test func onlyWhileTheCertificateIsInForce() throws {
        #expect(refusal { try revoke(three, by: province, found: "2026-08-01", on: "2026-08-04") } == .revocationBeforeIssue(certificate: three, revokedOn: day("2026-08-04")))
        #expect(!(try revoke(three, by: province, found: "2026-08-01", on: "2026-08-05")).isLate)  // the issue day
        #expect(try revoke(three, by: province, found: "2029-08-01", on: "2029-08-05").revokedOn == day("2029-08-05"))  // the last valid day
        let after = refusal { try revoke(three, by: province, found: "2029-08-01", on: "2029-08-06") }
        #expect(after == .revocationAfterEnd(certificate: three, status: .expired, revokedOn: day("2029-08-06")))
        #expect(messages(after!).vi == "Giấy chứng nhận GCN-24-2026-0001 không còn hiệu lực vào ngày 06/08/2029 (đã hết hiệu lực sau ngày 05/08/2029): không thể thu hồi.")
        var superseded = three
        superseded.facts.supersededOn = day("2027-10-10")
        #expect(refusal { try revoke(superseded, by: province, found: "2027-10-01", on: "2027-10-10") } == .revocationAfterEnd(certificate: superseded, status: .superseded, revokedOn: day("2027-10-10")))
        var revoked = three
        revoked.facts.revokedOn = day("2027-01-01")
        #expect(messages(refusal { try revoke(revoked, by: province, found: "2027-01-01", on: "2027-02-01") }!).en.contains("revoked on 2027-01-01"))
        let early = refusal { try revoke(three, by: province, found: "2027-03-10", on: "2027-03-09") }
        #expect(early == .revocationBeforeFinding(certificate: three, findingOn: day("2027-03-10"), revokedOn: day("2027-03-09")))
        // An Art. 12.3 extension keeps it in force, so it can be revoked then.
        let old = certificate("GCN-24-2024-0007", stars: 4, issued: "2024-01-10", extended: "2027-05-01")
        #expect(try revoke(old, by: province, .b, found: "2027-02-01", on: "2027-02-10").revokedOn == day("2027-02-10"))
    }

    @Test func anAcceptedRevocationTakesTheCertificateOutOfForce() async {
        await propertyCheck(count: 500, input: Gen.int(in: 0...1200), Gen.int(in: 0...30)) { offset, delay in
            let c = certificate(stars: 4, issued: "2026-08-05")
            let revokedOn = day("2026-08-05").adding(days: offset)
            let findingOn = revokedOn.adding(days: -delay)
            guard let timing = try? RevocationRules.check(certificate: c, authority: .province(code: "24"), ground: .a, findingOn: findingOn, revokedOn: revokedOn) else {
                #expect(revokedOn > c.facts.validUntil)
                return
            }
            #expect(timing.isLate == (delay > 15))
            var after = c
            after.facts.revokedOn = revokedOn
            #expect(after.status(on: revokedOn) == .revoked && !after.status(on: revokedOn.adding(days: 400)).isCurrent)
        }
    }

    @Test func groundsAsTheLawWritesThem() {
        #expect(RevocationGround.allCases.map(\.point) == ["a", "b", "c", "d", "đ", "e"])
        #expect(RevocationGround.allCases.map(\.rawValue) == ["a", "b", "c", "d", "dd", "e"])
        for raw in ["đ", "Đ", "dd", "8.1.đ", " DD "] { #expect(RevocationGround(flexible: raw) == .dd, "\(raw)") }
        #expect(RevocationGround(flexible: "8.1.b") == .b && RevocationGround(flexible: "g") == nil)
        #expect(RevocationGround.d.text.vi == "Chủ thể OCOP sử dụng nhãn hiệu OCOP không đúng quy định, gây nhầm lẫn về sản phẩm được công nhận.")
        #expect(RevocationGround.dd.citation.vi == "điểm đ khoản 1 Điều 8" && RevocationGround.dd.citation.en == "Art. 8.1.đ")
        #expect(Set(RevocationGround.allCases.map(\.text.en)).count == 6)
        #expect(RevocationGround.b.finding.en == "the competent authority's conclusion")
    }
}

@Suite struct PostAuditTests {
    func inspection(_ findings: [CriterionFinding], misuse: String? = nil) -> PostAuditInspection {
        PostAuditInspection(kind: .periodic, certificate: gcn("GCN-24-2026-0001"), concludedOn: day("2027-09-01"), findings: findings, markMisuse: misuse)
    }

    @Test func groundBWhenACriterionIsNoLongerMaintained() {
        let fine = PostAudit.conclude(inspection([CriterionFinding(criterion: "10", finding: "Còn chứng nhận ATTP", maintained: true)]))
        #expect(!fine.supportsGroundB && fine.grounds.isEmpty)
        #expect(fine.text(.vi) == "Sản phẩm duy trì các tiêu chí đã được đánh giá; không có căn cứ thu hồi.")

        let lapsed = PostAudit.conclude(inspection([
            CriterionFinding(criterion: "10", finding: "Giấy chứng nhận ATTP hết hạn", maintained: false),
            CriterionFinding(criterion: "4.1", finding: "Còn 6 đại lý", maintained: true),
        ]))
        #expect(lapsed.supportsGroundB && lapsed.grounds == [.b] && lapsed.unmaintained.map(\.criterion) == ["10"])
        #expect(lapsed.revocationDeadline == day("2027-09-16"))
        #expect(lapsed.text(.en) == "Criteria no longer maintained: 10 (Giấy chứng nhận ATTP hết hạn) → supports revocation under Art. 8.1.b. A revocation must be issued by 2027-09-16.")

        let misuse = PostAudit.conclude(inspection([], misuse: "Dán tem 4★ trên sản phẩm 3★"))
        #expect(misuse.grounds == [.d] && misuse.text(.vi).contains("điểm d khoản 1 Điều 8"))
        #expect(PostAudit.conclude(inspection([], misuse: "  ")).grounds.isEmpty)
        #expect(InspectionKind.adHoc.label.vi == "Kiểm tra đột xuất")
    }
}

@Suite struct WrittenOpinionTests {
    @Test func aMeetingOnlyWhenOpinionsDivergeOrTheMatterIsComplex() {
        #expect(WrittenOpinionRules.meetingReasons(flags: []).isEmpty)
        #expect(WrittenOpinionRules.meetingReasons(flags: [.quorum(scored: 2, required: 3, eligible: 4, presidingMissing: false)]).isEmpty)
        let spread = CouncilFlag.spread(points: 12, maximum: 10)
        let split = CouncilFlag.minimumSplit(criterion: "5.1", stars: 4, required: 5, membersBelow: ["m2"])
        let reasons = WrittenOpinionRules.meetingReasons(flags: [spread, split], complexMatter: "Quy mô sản xuất tăng gấp ba")
        #expect(reasons == [.divergence(spread), .divergence(split), .complexMatter("Quy mô sản xuất tăng gấp ba")])
        #expect(reasons[0].text(.vi) == "Ý kiến đánh giá khác nhau: chênh lệch tổng điểm 12 > 10 điểm: Hội đồng thảo luận và chấm lại")
        #expect(reasons[2].text(.en) == "A complex matter needs discussion: Quy mô sản xuất tăng gấp ba")
        #expect(WrittenOpinionRules.meetingReasons(flags: [], complexMatter: "   ").isEmpty)
        #expect(SessionMode.default(for: .reEvaluation) == .writtenOpinions && SessionMode.default(for: .upgrade) == .meeting)
        #expect(SessionMode.writtenOpinions.label.vi == "Lấy ý kiến bằng văn bản")
    }

    @Test func fromARealAssessment() throws {
        let roster = ["chair", "m1", "m2", "m3"].map { RosterEntry(person: $0, name: $0, role: $0 == "chair" ? .chair : .member) }
        func sheet(_ label: String, _ total: Int) -> ScoreSheet {
            var s = allSets[0].sheet(total: total, floors: allSets[0].floors(upTo: 3))!
            s.label = label
            return s
        }
        let close = try CouncilRules.assess(policy: .default, roster: roster, recused: [], sheets: [sheet("chair", 62), sheet("m1", 60), sheet("m2", 64), sheet("m3", 61)], engine: engine(1))
        let apart = try CouncilRules.assess(policy: .default, roster: roster, recused: [], sheets: [sheet("chair", 62), sheet("m1", 50), sheet("m2", 64), sheet("m3", 61)], engine: engine(1))
        #expect(!WrittenOpinionRules.needsMeeting(close))
        #expect(WrittenOpinionRules.needsMeeting(apart))
        #expect(WrittenOpinionRules.meetingReasons(for: apart) == [.divergence(.spread(points: 14, maximum: 10))])
        #expect(WrittenOpinionRules.needsMeeting(close, complexMatter: "Hồ sơ minh chứng không rõ ràng"))
    }

    @Test func fortyFiveDaysFromTheCompleteFile() {
        let limit = ReEvaluationDeadline(completeFileOn: day("2026-08-05"))
        #expect(limit.deadline == day("2026-09-19"))
        #expect(!limit.isOverdue(on: day("2026-09-19")) && limit.daysLeft(on: day("2026-09-19")) == 0)
        #expect(limit.isOverdue(on: day("2026-09-20")) && limit.daysLeft(on: day("2026-09-20")) == -1)
        #expect(limit.overdueFlag(on: day("2026-09-19"), .vi) == nil)
        #expect(limit.overdueFlag(on: day("2026-09-20"), .vi) == "Đánh giá lại quá thời hạn 45 ngày kể từ ngày nhận đủ hồ sơ (05/08/2026): hạn chót ngày 19/09/2026, đến ngày 20/09/2026 đã quá 1 ngày (điểm g khoản 6 Điều 7).")
        #expect(limit.overdueFlag(on: day("2026-09-25"), .en) == "The re-evaluation is past the 45 days from the complete file (2026-08-05): deadline 2026-09-19, 6 days over on 2026-09-25 (Art. 7.6.g).")
    }
}
