import OCOPDomain
import Testing

@Suite struct CalendarDateTests {
    @Test func parsesOnlyDaysThatExist() {
        #expect(CalendarDate(iso: "2026-05-22") == CalendarDate(year: 2026, month: 5, day: 22))
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        #expect(CalendarDate(iso: "2025-02-29") == nil)
        #expect(CalendarDate(iso: "2026-04-31") == nil)
        #expect(CalendarDate(iso: "2026-4-30") == nil)
        #expect(CalendarDate(iso: "２０２６-05-22") == nil)
        #expect(CalendarDate(iso: "99999-01-01") == nil)
        #expect(CalendarDate(vietnamese: "5/8/2026") == CalendarDate(year: 2026, month: 8, day: 5))
        #expect(CalendarDate(vietnamese: "31/6/2026") == nil)
    }

    @Test func dayNumbersRoundTrip() {
        #expect(CalendarDate(iso: "1970-01-01")!.dayNumber == 0)
        #expect(CalendarDate(iso: "2000-03-01")!.dayNumber == 11017)
        for n in stride(from: -719_000, through: 2_900_000, by: 997) {
            let date = CalendarDate(dayNumber: n)
            #expect(date.dayNumber == n)
            #expect(CalendarDate(iso: date.iso) == date)
        }
    }

    @Test func monthsEndOnTheCorrespondingOrLastDay() {
        #expect(CalendarDate(iso: "2026-08-05")!.adding(months: 36).iso == "2029-08-05")
        #expect(CalendarDate(iso: "2024-02-29")!.adding(months: 36).iso == "2027-02-28")
        #expect(CalendarDate(iso: "2024-02-29")!.adding(months: 48).iso == "2028-02-29")
        #expect(CalendarDate(iso: "2026-01-31")!.adding(months: 1).iso == "2026-02-28")
        #expect(CalendarDate(iso: "2026-10-31")!.adding(months: -1).iso == "2026-09-30")
        #expect(CalendarDate(iso: "2026-12-15")!.adding(months: 1).iso == "2027-01-15")
    }

    @Test func weekdaysAndDisplay() {
        #expect(CalendarDate(iso: "2026-05-22")!.isoWeekday == 5)  // a Friday
        #expect(CalendarDate(iso: "2026-12-06")!.isoWeekday == 7)
        #expect(CalendarDate(iso: "2026-08-05")!.vietnameseLong == "ngày 05 tháng 8 năm 2026")
        #expect(CalendarDate(iso: "2026-01-15")!.vietnameseLong == "ngày 15 tháng 01 năm 2026")
        #expect(CalendarDate(iso: "2026-01-05")!.display(.vi) == "05/01/2026")
        #expect(CalendarDate(iso: "2026-01-05")!.display(.en) == "2026-01-05")
        #expect(CalendarDate(iso: "2026-01-05")!.days(until: CalendarDate(iso: "2026-03-01")!) == 55)
    }
}

/// A date that cannot be read says why: its form, or the month or day the calendar lacks.
@Suite struct CalendarDateProblemTests {
    @Test(arguments: [
        ("2027-02-30", "tháng 2 năm 2027 có 28 ngày, không có ngày 30.", "February 2027 has 28 days; there is no day 30."),
        ("2028-02-30", "tháng 2 năm 2028 có 29 ngày, không có ngày 30.", "February 2028 has 29 days; there is no day 30."),
        ("2026-04-31", "tháng 4 năm 2026 có 30 ngày, không có ngày 31.", "April 2026 has 30 days; there is no day 31."),
        ("2026-13-01", "không có tháng 13.", "there is no month 13."),
        ("2026-00-10", "không có tháng 0.", "there is no month 0."),
        ("01/07/2026", "ngày viết dạng YYYY-MM-DD.", "dates are written YYYY-MM-DD."),
        ("2026-7-1", "ngày viết dạng YYYY-MM-DD.", "dates are written YYYY-MM-DD."),
    ])
    func problem(_ text: String, _ vi: String, _ en: String) {
        #expect(CalendarDate(iso: text) == nil)
        #expect(CalendarDate.problem(parsing: text) == LocalizedText(vi: vi, en: en))
    }
}
