/// A day of the proleptic Gregorian calendar, without time or zone: decision dates, issue and
/// expiry dates, filing dates. Rules take dates as parameters (today comes from the application's
/// clock), so a test can stand on any edge.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// `nil` for a day that does not exist (31/4, 29/2 of a common year) or a year outside 1…9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...Self.days(inMonth: month, of: year)).contains(day) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (exactly four-digit year, ASCII digits only).
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.utf8.allSatisfy { (48...57).contains($0) } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Why `text` is not a `YYYY-MM-DD` date, for the message that refuses it: its form, or a month
    /// or a day the calendar does not have ("2027-02-30": February 2027 has 28 days).
    public static func problem(parsing text: some StringProtocol) -> LocalizedText {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let form = LocalizedText(vi: "ngày viết dạng YYYY-MM-DD.", en: "dates are written YYYY-MM-DD.")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.utf8.allSatisfy { (48...57).contains($0) } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...9999).contains(y) else { return form }
        guard (1...12).contains(m) else { return LocalizedText(vi: "không có tháng \(m).", en: "there is no month \(m).") }
        let days = days(inMonth: m, of: y)
        guard (1...days).contains(d) else {
            return LocalizedText(vi: "tháng \(m) năm \(y) có \(days) ngày, không có ngày \(d).",
                                 en: "\(englishMonths[m - 1]) \(y) has \(days) days; there is no day \(d).")
        }
        return form
    }

    private static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                        "October", "November", "December"]

    /// Parses the Vietnamese written form `d/m/yyyy` (one or two digits for day and month).
    public init?(vietnamese text: some StringProtocol) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              parts.allSatisfy({ $0.utf8.allSatisfy { (48...57).contains($0) } }),
              let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func isLeapYear(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (negative before), by the civil-from-days algorithm (H. Hinnant).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.year = y
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: CalendarDate) -> Int { other.dayNumber - dayNumber }

    /// The same day `months` later; when that month is shorter, its last day (31/1 + 1 month →
    /// 28 or 29/2). This is the "corresponding day" of Bộ luật Dân sự 2015 Art. 148.
    public func adding(months: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + months
        let y = index / 12
        let m = index % 12 + 1
        return CalendarDate(year: y, month: m, day: Swift.min(day, Self.days(inMonth: m, of: y)))!
    }

    /// 1 = Monday … 7 = Sunday (ISO 8601).
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let r = (dayNumber + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        let y = String(year)
        return String(repeating: "0", count: Swift.max(0, 4 - y.count)) + y + "-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    public var description: String { iso }

    /// `dd/mm/yyyy` (NĐ 30 writes days below 10 and months 1, 2 with a leading zero).
    public var vietnameseNumeric: String {
        "\(day < 10 ? "0" : "")\(day)/\(month < 10 ? "0" : "")\(month)/\(year)"
    }

    /// "ngày 05 tháng 8 năm 2026": NĐ 30 Phụ lục I, II.4 (leading zero for days < 10 and months 1, 2).
    public var vietnameseLong: String {
        let m = month <= 2 ? "0\(month)" : "\(month)"
        return "ngày \(day < 10 ? "0" : "")\(day) tháng \(m) năm \(year)"
    }

    /// The date in the reader's language: `05/08/2026` or `2026-08-05`.
    public func display(_ language: Language) -> String {
        language == .vi ? vietnameseNumeric : iso
    }

    public static func < (a: Self, b: Self) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    // Encoded as its ISO string.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
