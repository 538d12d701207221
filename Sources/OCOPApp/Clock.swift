import Foundation
import OCOPDomain

/// The workbench's clock. Today's date comes from it, never from `Date()` inside rules, so a
/// test, a golden file or a reproducible demo can stand on any day.
public struct WorkbenchClock: Sendable, Hashable {
    /// `nil`: the system clock.
    public let fixed: Date?

    public static let system = WorkbenchClock(fixed: nil)
    public static func fixed(_ date: Date) -> WorkbenchClock { WorkbenchClock(fixed: date) }

    public func now() -> Date { fixed ?? Date() }

    /// Today in Vietnam (UTC+7 all year).
    public func today() -> CalendarDate {
        let seconds = Int(now().timeIntervalSince1970.rounded(.down)) + 7 * 3600
        return CalendarDate(dayNumber: seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400)
    }

    /// `OCOP_CLOCK`: an ISO date (`2026-11-20`, taken as 09:00 Vietnam time) or an ISO 8601
    /// time with its offset (`2026-11-20T09:00:00+07:00`); unset means the system clock.
    public static func fromEnvironment(_ environment: [String: String]) throws(AppError) -> WorkbenchClock {
        guard let raw = environment["OCOP_CLOCK"]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return .system }
        if let date = CalendarDate(iso: raw) {
            return .fixed(Date(timeIntervalSince1970: Double(date.dayNumber * 86400 + 2 * 3600)))
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let time = formatter.date(from: raw) else { throw AppError.invalidClock(raw) }
        return .fixed(time)
    }
}
