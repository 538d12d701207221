import Foundation
import Postgres
import Testing

/// `timestamptz` text is read and written with calendar arithmetic of our own (no Calendar per
/// value): the proleptic Gregorian calendar, as PostgreSQL counts. It agrees with Foundation's
/// Gregorian calendar from the reform of 15 October 1582 on (Foundation counts Julian days
/// before it), and with the server everywhere.
@Suite("Timestamp text agrees with the Gregorian calendar")
struct TimestampTextTests {
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// Every 7,919,000th second from 1583 to 9999 (about 33,000 instants, all days of the week,
    /// month ends and leap days among them), and the edges.
    static let instants: [Date] = {
        let first = -12_212_553_600.0, last = 253_402_300_799.0
        var dates = stride(from: first, through: last, by: 7_919 * 1_000).map { Date(timeIntervalSince1970: $0 + 0.25) }
        dates += [first, last, 0, -1, 951_782_400, 951_868_799.999999, 4_107_542_400].map { Date(timeIntervalSince1970: $0) }
        return dates
    }()

    @Test func writesWhatTheCalendarSays() {
        for date in Self.instants {
            let c = Self.utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let expected = String(format: "%04d-%02d-%02d %02d:%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
            #expect(date.postgresText!.hasPrefix(expected), "\(date.timeIntervalSince1970)")
        }
    }

    @Test func readsBackWhatItWrites() {
        for date in Self.instants {
            let read = Date.decode(postgresText: date.postgresText!)
            #expect(read.map { abs($0.timeIntervalSince1970 - date.timeIntervalSince1970) < 1e-4 } == true, "\(date.timeIntervalSince1970)")
        }
    }

    @Test func countsDaysAsTheServerDoes() throws {
        try PG.with { db throws in
            for text in ["0001-01-01 00:00:00+00", "1000-03-01 12:00:00+00", "1582-10-04 23:59:59+00", "1582-10-15 00:00:00+00",
                         "1900-03-01 00:00:00+00", "1970-01-01 00:00:00+00", "2000-02-29 06:30:00.123456+00", "9999-12-31 23:59:59+00"] {
                let row = try db.one("SELECT $1::timestamptz AS t, extract(epoch FROM $1::timestamptz)::float8 AS epoch", text)
                let read = try row.decode(Date.self, "t"), epoch = try row.decode(Double.self, "epoch")
                #expect(abs(read.timeIntervalSince1970 - epoch) < 1e-4, "\(text)")
                #expect(read.postgresText == text.replacingOccurrences(of: ":00+00", with: ":00.000000+00").replacingOccurrences(of: ":59+00", with: ":59.000000+00"), "\(text)")
            }
        }
    }

    @Test func readsOffsetsAndRefusesNonsense() {
        #expect(Date.decode(postgresText: "2026-12-05 07:00:00+07")?.timeIntervalSince1970 == Date.decode(postgresText: "2026-12-05 00:00:00+00")?.timeIntervalSince1970)
        #expect(Date.decode(postgresText: "2024-02-29 12:00:00.5-05:30")?.timeIntervalSince1970 == 1_709_227_800.5)
        #expect(Date.decode(postgresText: "2026-13-01 00:00:00+00") == nil)
        #expect(Date.decode(postgresText: "2026-12-05") == nil)
        #expect(Date.decode(postgresText: "infinity") == nil)
    }
}
