import OCOPDomain
import Testing

@Suite struct CertificationHistoryTests {
    let today = day("2026-12-15")

    func row(_ stars: Int, _ date: String?, score: Int? = nil, year: Int? = nil, issuer: HistoricalIssuer = .province,
             until: String? = nil, rubric: RubricVersionID = .qd148_2023, revoked: String? = nil, number: String? = nil) -> RecognitionRow {
        RecognitionRow(stars: stars, scoreHundredths: score, year: year ?? date.map { day($0).year } ?? 2020,
                       decisionNumber: number.map { try! DecisionNumber(parsing: $0) }, decisionDate: date.map(day), issuer: issuer,
                       validUntil: until.map(day), rubricVersion: rubric, revokedOn: revoked.map(day))
    }

    func kinds(_ rows: [RecognitionRow]) -> [HistoryProblem.Kind] { RecognitionHistory.validate(rows, today: today).map(\.kind) }

    @Test func aConsistentHistoryRenewalUpgradesAndFiveStars() {
        let rows = [
            row(3, "2020-12-25", score: 6400, rubric: .qd1048_2019, number: "1320/QĐ-UBND"),
            row(3, "2023-10-20", score: 6600),                       // re-evaluated once the window opened (28/6/2023)
            row(4, "2024-11-15", score: 7500),                       // upgraded mid-term
            row(5, "2026-09-30", score: 9150, issuer: .ministry, rubric: .qd26_2026),
        ]
        #expect(RecognitionHistory.validate(rows, today: today).isEmpty)
        #expect(RecognitionHistory.supersessions(rows) == [0: day("2023-10-20"), 1: day("2024-11-15"), 2: day("2026-09-30")])
        // A re-evaluation may also lower the stars (4★ → 3★) once the window is open.
        #expect(kinds([row(4, "2020-12-25"), row(3, "2023-11-01")]).isEmpty)
        // A revoked certificate ends the day before its revocation; a new first recognition may follow.
        #expect(kinds([row(3, "2020-12-25", revoked: "2021-06-01"), row(3, "2021-12-01", year: 2021)]).isEmpty)
        // Rows without a date cannot be placed; they are checked on their own.
        #expect(kinds([row(3, nil, score: 5500), row(3, "2020-12-25")]).isEmpty)
        // A register that prints "valid until" for a pre-QĐ 26 decision keeps it (Art. 12.1).
        #expect(kinds([row(4, "2023-12-28", until: "2026-12-31")]).isEmpty)
    }

    @Test func starsAgainstScoresAndIssuers() {
        #expect(kinds([row(2, "2020-12-25")]) == [.starsNotRecognisable(stars: 2)])
        #expect(kinds([row(4, "2020-12-25", score: 6850)]) == [.starsAboveScoreBand(stars: 4, hundredths: 6850, band: 3)])
        #expect(kinds([row(3, "2020-12-25", score: 7200)]).isEmpty)  // a ★-minimum cap lowers stars; that is legal
        #expect(kinds([row(3, "2020-12-25", score: 10_001)]) == [.scoreOutOfRange(hundredths: 10_001)])
        #expect(kinds([row(5, "2024-12-25", score: 9300)]) == [.fiveStarsNotFromMinistry(issuer: .province)])
        #expect(kinds([row(4, "2024-12-25", issuer: .district)]) == [.districtAboveThreeStars(stars: 4)])
        #expect(kinds([row(3, "2025-06-30", issuer: .district)]).isEmpty)
        #expect(kinds([row(3, "2025-07-01", issuer: .district)]) == [.districtAfterAbolition(decisionDate: day("2025-07-01"))])
    }

    @Test func datesAndTerms() {
        #expect(kinds([row(3, "2026-12-16", rubric: .qd26_2026)]) == [.decisionDateInFuture(decisionDate: day("2026-12-16"), today: today)])
        #expect(kinds([row(3, "2020-01-17", year: 2019)]).isEmpty)
        #expect(kinds([row(3, "2021-01-05", year: 2019)]) == [.decisionYearMismatch(year: 2019, decisionDate: day("2021-01-05"))])
        #expect(kinds([row(3, "2020-12-25", until: "2020-12-24")]) == [.validUntilBeforeDecision(decisionDate: day("2020-12-25"), validUntil: day("2020-12-24"))])
        #expect(kinds([row(3, "2026-05-21", rubric: .qd26_2026)]) == [.rubricBeforeItsEffectiveDate(version: .qd26_2026, decisionDate: day("2026-05-21"), effective: day("2026-05-22"))])
        #expect(kinds([row(3, "2026-08-05", until: "2029-08-04", rubric: .qd26_2026)])
            == [.termNotThirtySixMonths(decisionDate: day("2026-08-05"), validUntil: day("2029-08-04"), expected: day("2029-08-05"))])
        #expect(kinds([row(3, "2020-12-25", revoked: "2020-12-24")]) == [.revocationOutsidePeriod(revokedOn: day("2020-12-24"), decisionDate: day("2020-12-25"), validUntil: day("2023-12-25"))])
        #expect(kinds([row(3, "2020-12-25", revoked: "2023-12-26")]).count == 1)
        #expect(kinds([row(3, "2026-08-05", rubric: .qd26_2026, revoked: "2026-12-20")]) == [.revocationInFuture(revokedOn: day("2026-12-20"), today: today)])
    }

    @Test func overlapsAreLegalOnlyForUpgradesAndRenewals() {
        let rows = [row(3, "2020-12-25"), row(3, "2022-03-01", year: 2022)]
        let problems = RecognitionHistory.validate(rows, today: today)
        #expect(problems.map(\.kind) == [.overlap(other: 0, stars: 3, otherStars: 3, decisionDate: day("2022-03-01"), otherValidUntil: day("2023-12-25"))])
        #expect(problems[0].row == 1)
        #expect(problems[0].text(.vi) == "Dòng 2: công nhận 3★ ngày 01/03/2022 trùng thời hạn với dòng 1 (3★, hiệu lực đến 25/12/2023): chỉ được chồng lấn khi nâng hạng (nhiều sao hơn) hoặc đánh giá lại (từ khi mở thời hạn nộp hồ sơ, 180 ngày trước khi hết hạn)")
        #expect(problems[0].text(.en).hasPrefix("Row 2: the 3★ recognition of 2022-03-01 overlaps row 1 (3★, valid through 2023-12-25)"))
        #expect(RecognitionHistory.supersessions(rows).isEmpty)
        // Day before the window opens (28/6/2023): still an overlap; the opening day: a renewal.
        #expect(kinds([row(3, "2020-12-25"), row(3, "2023-06-27")]).count == 1)
        #expect(kinds([row(3, "2020-12-25"), row(3, "2023-06-28")]).isEmpty)
        // Order of the input does not matter; the row numbers stay the caller's.
        let swapped = RecognitionHistory.validate([row(4, "2021-05-01", year: 2021), row(4, "2020-12-25")], today: today)
        #expect(swapped.map(\.row) == [0] && swapped[0].text(.en).contains("overlaps row 2"))
        #expect(kinds([row(3, "2020-12-25"), row(4, "2020-12-25")]) == [.sameDayRecognition(other: 0, decisionDate: day("2020-12-25"))])
    }

    @Test func everyProblemNamesItsRowInBothLanguages() {
        let rows = [row(5, "2026-12-20", score: 8000, issuer: .district, rubric: .qd26_2026, revoked: "2027-01-01")]
        let problems = RecognitionHistory.validate(rows, today: today)
        #expect(problems.map(\.kind) == [
            .starsAboveScoreBand(stars: 5, hundredths: 8000, band: 4), .fiveStarsNotFromMinistry(issuer: .district),
            .districtAfterAbolition(decisionDate: day("2026-12-20")), .decisionDateInFuture(decisionDate: day("2026-12-20"), today: today),
            .revocationInFuture(revokedOn: day("2027-01-01"), today: today),
        ])
        for p in problems {
            #expect(p.text(.vi).hasPrefix("Dòng 1: ") && p.text(.en).hasPrefix("Row 1: "))
            #expect(p.message(.vi) != p.message(.en))
        }
        #expect(problems[0].message(.vi) == "5★ nhưng điểm 80,00 chỉ đạt mức 4★ (ngưỡng 90/70/50/30)")
        #expect(problems[1].message(.en) == "5★ is recognised only by the Ministry, not by the district people's committee")
    }
}
