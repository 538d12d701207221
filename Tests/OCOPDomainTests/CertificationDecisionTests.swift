import Foundation
import OCOPDomain
import Testing

@Suite struct CertificationDecisionTests {
    let today = day("2026-12-15")

    func candidate(_ dossier: String, _ stars: Int, _ score: CandidateScore, _ level: CouncilLevel = .provincial, result: String = "2026-11-20") -> DecisionCandidate {
        DecisionCandidate(dossier: dossier, stars: stars, score: score, councilLevel: level, resultOn: day(result))
    }

    @Test func provincialDecisionTakesThreeAndFourStarsOnly() throws {
        let list = [
            candidate("HS-2026-0001", 4, .hundredths(7425)),
            candidate("HS-2026-0002", 3, .exact(ExactMean(sum: 165, count: 3))),  // 55
            candidate("HS-2026-0003", 5, .hundredths(9210)),  // goes to the Ministry
            candidate("HS-2026-0004", 2, .hundredths(4500)),  // notice
            candidate("HS-2026-0005", 4, .hundredths(8500), .central, result: "2026-10-30"),  // back from the centre (7.4.g)
            candidate("HS-2026-0006", 4, .hundredths(6500)),  // stars above the band
            candidate("HS-2026-0007", 3, .hundredths(6000), result: "2026-12-02"),  // result after the decision
            candidate("HS-2026-0001", 4, .hundredths(7425)),  // twice
        ]
        let plan = try DecisionPlan.make(authority: .province(code: "24"), decidedOn: day("2026-12-01"), today: today, candidates: list)
        #expect(plan.annex.map(\.candidate.dossier) == ["HS-2026-0001", "HS-2026-0002", "HS-2026-0005"])
        #expect(plan.annex(stars: 4).map(\.candidate.dossier) == ["HS-2026-0001", "HS-2026-0005"])
        #expect(plan.annex.allSatisfy { $0.issuedOn == day("2026-12-01") && $0.validUntil == day("2029-12-01") })
        #expect(plan.notices.map(\.candidate.dossier) == ["HS-2026-0004"])
        #expect(plan.notices[0].recipients.vi == "UBND cấp xã và chủ thể OCOP (Điều 7.3.g)")
        #expect(plan.refused.map(\.candidate.dossier) == ["HS-2026-0003", "HS-2026-0006", "HS-2026-0007", "HS-2026-0001"])
        #expect(plan.refused[0].problems == [.provinceCannotRecogniseFiveStars(dossier: "HS-2026-0003", councilLevel: .provincial)])
        #expect(plan.refused[1].problems == [.starsAboveScoreBand(dossier: "HS-2026-0006", stars: 4, score: .hundredths(6500), band: 3)])
        #expect(plan.refused[2].problems == [.decisionBeforeResult(dossier: "HS-2026-0007", resultOn: day("2026-12-02"), decidedOn: day("2026-12-01"))])
        #expect(plan.refused[3].problems == [.duplicateCandidate(dossier: "HS-2026-0001")])

        let five = messages(plan.refused[0].problems[0])
        #expect(five.vi == "Hồ sơ HS-2026-0003: quyết định cấp tỉnh không công nhận 5★; Chủ tịch UBND cấp tỉnh phê duyệt kết quả đánh giá và gửi hồ sơ đề nghị Bộ Nông nghiệp và Môi trường đánh giá, công nhận 5★ (điểm e khoản 3 Điều 7).")
        #expect(five.en.contains("Art. 7.3.e"))
        #expect(messages(plan.refused[1].problems[0]).vi == "Hồ sơ HS-2026-0006: 4★ nhưng điểm 65,00 chỉ đạt mức 3★ (khoản 3 Điều 3).")
        #expect(messages(plan.refused[2].problems[0]).en == "Dossier HS-2026-0007: the decision date 2026-12-01 is before the council's result (2026-12-02).")

        // A 5★ central result is the Minister's, never the province's.
        let central5 = try DecisionPlan.make(authority: .province(code: "24"), decidedOn: day("2026-12-01"), today: today,
                                             candidates: [candidate("HS-2026-0009", 5, .hundredths(9300), .central)])
        #expect(messages(central5.refused[0].problems[0]).en.contains("Art. 7.4.e"))
    }

    @Test func ministryDecisionTakesCentralFiveStarsOnly() throws {
        let list = [
            candidate("HS-2026-0011", 5, .exact(ExactMean(sum: 270, count: 3)), .central),  // exactly 90
            candidate("HS-2026-0012", 4, .hundredths(8800), .central),  // returns to the province
            candidate("HS-2026-0013", 5, .hundredths(9400), .provincial),  // no central result
            candidate("HS-2026-0014", 2, .hundredths(4000), .central),  // notice to the province
            candidate("HS-2026-0015", 5, .exact(ExactMean(sum: 539, count: 6)), .central),  // 89,83: below 90
            candidate("HS-2026-0016", 0, .hundredths(0), .central),
        ]
        let plan = try DecisionPlan.make(authority: .ministry, decidedOn: day("2026-12-10"), today: today, candidates: list)
        #expect(plan.annex.map(\.candidate.dossier) == ["HS-2026-0011"] && plan.annex(stars: 5).count == 1)
        #expect(plan.notices.map(\.candidate.dossier) == ["HS-2026-0014"] && plan.notices[0].recipients.en.contains("Art. 7.4.g"))
        #expect(plan.refused.map(\.problems) == [
            [.ministryRecognisesOnlyFiveStars(dossier: "HS-2026-0012", stars: 4, score: .hundredths(8800))],
            [.ministryNeedsCentralResult(dossier: "HS-2026-0013")],
            [.starsAboveScoreBand(dossier: "HS-2026-0015", stars: 5, score: .exact(ExactMean(sum: 539, count: 6)), band: 4)],
            [.starsOutOfRange(dossier: "HS-2026-0016", stars: 0)],
        ])
        #expect(messages(plan.refused[0].problems[0]).vi == "Hồ sơ HS-2026-0012: Hội đồng cấp trung ương chấm 88,00 điểm, xếp 4★ (không đạt 5★): hồ sơ trả về UBND cấp tỉnh; Chủ tịch UBND cấp tỉnh có thể công nhận 4★ trên kết quả này (điểm g khoản 4 Điều 7).")
        #expect(messages(plan.refused[1].problems[0]).en == "Dossier HS-2026-0013: the Ministry recognises only on the central council's result (Art. 7.4).")
        #expect(messages(plan.refused[2].problems[0]).en == "Dossier HS-2026-0015: 5★ but a score of 89.83 only reaches 4★ (Art. 3.3).")
    }

    @Test func decisionDatedInTheFutureIsRefused() throws {
        #expect(try DecisionPlan.make(authority: .ministry, decidedOn: today, today: today, candidates: []).annex.isEmpty)
        let future = refusal { try DecisionPlan.make(authority: .ministry, decidedOn: today.adding(days: 1), today: today, candidates: []) }
        #expect(future == .decisionDateInFuture(decidedOn: day("2026-12-16"), today: today))
        #expect(messages(future!).vi == "Ngày quyết định 16/12/2026 sau ngày hôm nay (15/12/2026): không lập quyết định ghi ngày trong tương lai.")
    }

    @Test func scoresExactOrRounded() {
        #expect(CandidateScore.exact(ExactMean(sum: 269, count: 3)).band() == 4)  // 89,67
        #expect(CandidateScore.exact(ExactMean(sum: 270, count: 3)).band() == 5)
        #expect(CandidateScore.hundredths(9000).band() == 5 && CandidateScore.hundredths(8999).band() == 4)
        #expect(CandidateScore.hundredths(4999).band() == 2 && CandidateScore.hundredths(2999).band() == 1)
        #expect(CandidateScore.hundredths(7425).display(.vi) == "74,25" && CandidateScore.hundredths(7425).display(.en) == "74.25")
        // 89,996 prints as 90,00 but stays below 90.
        let close = CandidateScore.exact(ExactMean(sum: 22499, count: 250))
        #expect(close.display(.vi) == "90,00" && close.band() == 4)
    }

    @Test func authorities() {
        #expect(IssuingAuthority(code: "24") == .province(code: "24"))
        #expect(IssuingAuthority(code: "bnnmt") == .ministry)
        #expect(IssuingAuthority(code: "2") == nil && IssuingAuthority(code: "２４") == nil)
        #expect(IssuingAuthority.province(code: "24").recognisableStars == 3...4 && IssuingAuthority.ministry.recognisableStars == 5...5)
        #expect(IssuingAuthority.ministry.councilLevel == .central)
        #expect(IssuingAuthority.ministry.label.vi == "Bộ trưởng Bộ Nông nghiệp và Môi trường")
    }
}

@Suite struct CertificationNumberTests {
    @Test func decisionNumbersFollowNghiDinh30() throws {
        let n = try DecisionNumber(parsing: "123/QĐ-UBND")
        #expect(n.number == 123 && n.symbol == "QĐ-UBND" && n.description == "123/QĐ-UBND")
        #expect(try DecisionNumber(parsing: "5/QĐ-UBND").description == "05/QĐ-UBND")
        #expect(try DecisionNumber(parsing: "5/QĐ-UBND") == DecisionNumber(parsing: "05/QĐ-UBND"))
        #expect(try DecisionNumber(parsing: " 3981/QĐ-UBND\n") == DecisionNumber(number: 3981, symbol: "QĐ-UBND"))
        #expect(try DecisionNumber(parsing: "2361/QĐ-BNNMT").description == "2361/QĐ-BNNMT")
        #expect(try DecisionNumber(parsing: "10/QĐ-HĐOCOP").description == "10/QĐ-HĐOCOP")
        #expect(try DecisionNumber(parsing: "12/QĐ-UBND") != DecisionNumber(parsing: "12/QĐ-CTUBND"))
        for bad in ["0/QĐ-UBND", "12 /QĐ-UBND", "12/QĐ UBND", "12/qđ-ubnd", "12/QĐ--UBND", "12/-QĐ", "26/2026/QĐ-TTg", "12/", "/QĐ-UBND", "１２/QĐ-UBND", "12/QĐ-ỦBND", "QĐ-UBND"] {
            #expect(refusal { try DecisionNumber(parsing: bad) } != nil, "\(bad)")
        }
        let spaced = refusal { try DecisionNumber(parsing: "12/QĐ UBND") }
        #expect(messages(spaced!).vi == "Số quyết định «12/QĐ UBND» không hợp lệ: ký hiệu chỉ gồm chữ in hoa (kể cả Đ), chữ số và dấu -, không có dấu cách: « »." )
        #expect(messages(refusal { try DecisionNumber(parsing: "26/2026/QĐ-TTg") }!).en == "Decision number «26/2026/QĐ-TTg» is not valid: expected number/symbol, e.g. 123/QĐ-UBND.")
        let json = try JSONEncoder().encode([try DecisionNumber(parsing: "5/QĐ-UBND")])
        #expect(String(decoding: json, as: UTF8.self) == #"["05\/QĐ-UBND"]"#)
        #expect(try JSONDecoder().decode([DecisionNumber].self, from: json) == [try DecisionNumber(parsing: "05/QĐ-UBND")])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([DecisionNumber].self, from: Data(#"["x"]"#.utf8)) }
    }

    @Test func certificateNumbers() throws {
        let n = try CertificateNumber(issuer: .province(code: "24"), year: 2026, serial: 1)
        #expect(n.description == "GCN-24-2026-0001")
        #expect(try CertificateNumber(parsing: "gcn-24-2026-1") == n)
        #expect(try CertificateNumber(parsing: "GCN-BNNMT-2026-0012").issuer == .ministry)
        #expect(try CertificateNumber(issuer: .ministry, year: 2026, serial: 12345).description == "GCN-BNNMT-2026-12345")
        #expect(try CertificateNumber(parsing: "GCN-24-2026-0002") > n)
        for bad in ["GCN-2-2026-1", "GCN-24-26-1", "GCN-24-2026-0", "GCN-24-2026-x", "GCX-24-2026-1", "GCN-24-2026", "GCN-24-2026-1-2", "GCN-24-2026-"] {
            #expect(refusal { try CertificateNumber(parsing: bad) } != nil, "\(bad)")
        }
        #expect(refusal { try CertificateNumber(issuer: .province(code: "ab"), year: 2026, serial: 1) } != nil)
        #expect(messages(refusal { try CertificateNumber(parsing: "GCN-24-2026-0") }!).en == "Certificate number «GCN-24-2026-0» is not valid: the serial must be 1 or more.")
        #expect(messages(refusal { try CertificateNumber(parsing: "24-2026-1") }!).vi.contains("GCN-<mã tỉnh hoặc BNNMT>-<năm>-<số thứ tự>"))
        let json = try JSONEncoder().encode(n)
        #expect(try JSONDecoder().decode(CertificateNumber.self, from: json) == n)
    }
}
