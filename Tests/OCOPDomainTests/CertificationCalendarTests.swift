import OCOPDomain
import PropertyBased
import Testing

@Suite struct CertificationCalendarTests {
    let calendar = EvaluationCalendar.statutory

    func round(_ date: String, _ level: CouncilLevel) -> EvaluationRound { calendar.round(forFilingOn: day(date), level: level) }

    @Test(arguments: [
        ("2026-01-01", 2026, 1, "2026-06-30"),
        ("2026-04-30", 2026, 1, "2026-06-30"),
        ("2026-05-01", 2026, 2, "2026-12-30"),
        ("2026-10-30", 2026, 2, "2026-12-30"),
        ("2026-10-31", 2027, 1, "2027-06-30"),
        ("2026-12-31", 2027, 1, "2027-06-30"),
    ])
    func provincialRounds(filed: String, year: Int, number: Int, evaluatedBy: String) {
        let r = round(filed, .provincial)
        #expect(r.id == RoundID(level: .provincial, year: year, number: number))
        #expect(r.evaluationDeadline == day(evaluatedBy) && !r.isExtra)
    }

    @Test(arguments: [
        ("2027-01-30", 2026, 2, "2027-03-30"),
        ("2027-01-31", 2027, 1, "2027-09-30"),
        ("2027-07-30", 2027, 1, "2027-09-30"),
        ("2027-07-31", 2027, 2, "2028-03-30"),
        ("2027-12-31", 2027, 2, "2028-03-30"),
    ])
    func ministryRoundsNumberedAsTheLawDoes(filed: String, year: Int, number: Int, evaluatedBy: String) {
        let r = round(filed, .central)
        #expect(r.id == RoundID(level: .central, year: year, number: number))
        #expect(r.evaluationDeadline == day(evaluatedBy))
    }

    @Test func roundsAndLabels() throws {
        let p1 = try calendar.round(RoundID(level: .provincial, year: 2026, number: 1))
        #expect(p1.filingOpensOn == day("2025-10-31") && p1.filingDeadline == day("2026-04-30"))
        #expect(p1.label(.vi) == "Đợt 1 năm 2026 (cấp tỉnh)" && p1.label(.en) == "Round 1 of 2026 (provincial)")
        #expect(p1.describe(.vi) == "Đợt 1 năm 2026 (cấp tỉnh): hồ sơ đề nghị đến hết ngày 30/04/2026, đánh giá xong chậm nhất ngày 30/06/2026")
        let c2 = try calendar.round(RoundID(level: .central, year: 2026, number: 2))
        #expect(c2.filingOpensOn == day("2026-07-31") && c2.filingDeadline == day("2027-01-30") && c2.evaluationDeadline == day("2027-03-30"))
        #expect(c2.describe(.en) == "Round 2 of 2026 (central): proposals through 2027-01-30, evaluated by 2027-03-30")

        let missing = refusal { try calendar.round(RoundID(level: .provincial, year: 2026, number: 3)) }
        #expect(missing == .unknownRound(RoundID(level: .provincial, year: 2026, number: 3), known: [1, 2]))
        #expect(messages(missing!).vi == "Không có đợt đánh giá cấp tỉnh số 3 năm 2026. Các đợt có trong năm: 1, 2.")
        #expect(messages(missing!).en == "There is no provincial round 3 in 2026. Rounds of that year: 1, 2.")
        #expect(refusal { try calendar.round(RoundID(level: .central, year: 2026, number: 0)) } != nil)
    }

    @Test func extraRoundsTakeFilesTheyCanEvaluateFirst() throws {
        let extra = ExtraRound(level: .provincial, year: 2026, number: 3, filingDeadline: day("2026-08-31"), evaluationDeadline: day("2026-09-30"),
                               label: LocalizedText(vi: "Đợt bổ sung tháng 9/2026", en: "September 2026 extra round"))
        let cal = try EvaluationCalendar(extraRounds: [extra])
        #expect(cal.round(forFilingOn: day("2026-04-10"), level: .provincial).id.number == 1)  // round 1 is evaluated earlier
        #expect(cal.round(forFilingOn: day("2026-05-10"), level: .provincial).id.number == 3)
        #expect(cal.round(forFilingOn: day("2026-08-31"), level: .provincial).id.number == 3)
        #expect(cal.round(forFilingOn: day("2026-09-01"), level: .provincial).id.number == 2)
        #expect(cal.round(forFilingOn: day("2026-05-10"), level: .central).id.level == .central)  // another level's extra round
        #expect(cal.rounds(level: .provincial, year: 2026).map(\.id.number) == [1, 3, 2])
        #expect(try cal.round(extra.id).label(.vi) == "Đợt bổ sung tháng 9/2026")
        let unnamed = try EvaluationCalendar(extraRounds: [ExtraRound(level: .central, year: 2027, number: 4, filingDeadline: day("2027-04-30"), evaluationDeadline: day("2027-05-30"))])
        #expect(try unnamed.round(RoundID(level: .central, year: 2027, number: 4)).label(.en) == "Extra round 4 of 2027 (central)")
        #expect(refusal { try unnamed.round(RoundID(level: .central, year: 2027, number: 3)) } == .unknownRound(RoundID(level: .central, year: 2027, number: 3), known: [1, 2, 4]))

        let low = refusal { try EvaluationCalendar(extraRounds: [ExtraRound(level: .provincial, year: 2026, number: 2, filingDeadline: day("2026-08-31"), evaluationDeadline: day("2026-09-30"))]) }
        #expect(messages(low!).vi.contains("đánh số từ 3"))
        #expect(refusal { try EvaluationCalendar(extraRounds: [extra, extra]) } != nil)
        let backwards = refusal { try EvaluationCalendar(extraRounds: [ExtraRound(level: .provincial, year: 2026, number: 3, filingDeadline: day("2026-08-31"), evaluationDeadline: day("2026-08-30"))]) }
        #expect(messages(backwards!).vi.hasPrefix("Đợt bổ sung số 3 năm 2026 (cấp tỉnh) không hợp lệ: "))
        #expect(messages(backwards!).en == "Extra round 3 of 2026 (provincial) is not valid: the evaluation deadline (2026-08-30) is before the filing deadline (2026-08-31).")
    }

    @Test func lateSessionsAndFilingsAreFlaggedNotRefused() throws {
        let r = try calendar.round(RoundID(level: .provincial, year: 2026, number: 1))
        #expect(calendar.flags(round: r, filedOn: day("2026-04-30"), sessionOn: day("2026-06-30")).isEmpty)
        let flags = calendar.flags(round: r, filedOn: day("2026-05-02"), sessionOn: day("2026-07-01"))
        #expect(flags == [.filedAfterDeadline(round: r, filedOn: day("2026-05-02")), .sessionAfterDeadline(round: r, sessionOn: day("2026-07-01"))])
        #expect(flags.map(\.daysLate) == [2, 1])
        #expect(flags[1].text(.vi) == "Phiên họp ngày 01/07/2026 sau hạn đánh giá của Đợt 1 năm 2026 (cấp tỉnh) (chậm nhất ngày 30/06/2026, Điều 5.1): chậm 1 ngày.")
        #expect(flags[1].text(.en) == "Session on 2026-07-01 is after the evaluation deadline of Round 1 of 2026 (provincial) (2026-06-30, Art. 5.1): 1 day late.")
        let c = try calendar.round(RoundID(level: .central, year: 2026, number: 2))
        #expect(calendar.flags(round: c, sessionOn: day("2027-03-31")).first!.text(.en).contains("Art. 5.2"))
    }

    @Test func aDossierStillWaitingPastTheEvaluationDeadlineIsFlagged() throws {
        let r = try calendar.round(RoundID(level: .provincial, year: 2026, number: 1))
        #expect(calendar.flags(round: r, filedOn: day("2026-04-20"), waitingOn: day("2026-06-30")).isEmpty, "the deadline day itself is in time")
        let flags = calendar.flags(round: r, filedOn: day("2026-04-20"), waitingOn: day("2026-12-05"))
        #expect(flags == [.notEvaluatedByDeadline(round: r, asOf: day("2026-12-05"))])
        #expect(flags[0].daysLate == 158)
        #expect(flags[0].text(.vi) == "Đã quá hạn đánh giá của Đợt 1 năm 2026 (cấp tỉnh) (chậm nhất ngày 30/06/2026, Điều 5.1) 158 ngày mà hồ sơ chưa được xếp vào phiên họp Hội đồng nào.")
        #expect(flags[0].text(.en) == "The evaluation deadline of Round 1 of 2026 (provincial) (2026-06-30, Art. 5.1) passed 158 days ago, and the dossier is on no council session.")
        // On a session, the session's own date is what counts.
        #expect(calendar.flags(round: r, sessionOn: day("2026-06-29"), waitingOn: day("2026-12-05")).isEmpty)
    }

    @Test func everyDayBelongsToExactlyOneStatutoryRoundOfEachLevel() async {
        await propertyCheck(count: 1500, input: Gen.int(in: day("2020-01-01").dayNumber...day("2100-12-31").dayNumber), Gen.bool) { n, central in
            let d = CalendarDate(dayNumber: n)
            let level: CouncilLevel = central ? .central : .provincial
            let r = EvaluationCalendar.statutory.round(forFilingOn: d, level: level)
            #expect(r.filingOpensOn! <= d && d <= r.filingDeadline, "\(d) → \(r.id)")
            #expect(r.filingDeadline < r.evaluationDeadline)
            // 30/4→30/6 and 30/10→30/12: 61 days; 30/7→30/9: 62; 30/01→30/3: 59 or 60.
            #expect((59...62).contains(r.filingDeadline.days(until: r.evaluationDeadline)))
            // The next day is either the same round or the next one.
            let next = EvaluationCalendar.statutory.round(forFilingOn: d.adding(days: 1), level: level)
            #expect(next == r || next.filingOpensOn == r.filingDeadline.adding(days: 1))
        }
    }
}
