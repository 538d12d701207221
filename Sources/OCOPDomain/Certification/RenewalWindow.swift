/// The re-evaluation filing window of QĐ 26/2026 Art. 7.6.a: "không sớm hơn 180 ngày và không muộn
/// hơn 120 ngày tính đến ngày hết thời hạn của giấy chứng nhận".
///
/// "Ngày hết thời hạn" is the certificate's last valid day (`validUntil`, never an Art. 12.3
/// extension). A filing date is `n` days before it when `filedOn.days(until: expiresOn) == n`; the
/// window holds every date with 120 ≤ n ≤ 180, both edges included. For a certificate valid through
/// 05/8/2029 it opens on 06/02/2029 (180 days before) and closes on 07/4/2029 (120 days before).
public struct RenewalWindow: Sendable, Hashable, Codable {
    public static let earliestDaysBeforeExpiry = 180
    public static let latestDaysBeforeExpiry = 120

    /// The certificate's last valid day.
    public let expiresOn: CalendarDate

    public init(expiresOn: CalendarDate) {
        self.expiresOn = expiresOn
    }

    /// The first day a re-evaluation dossier may be filed (180 days before expiry).
    public var opensOn: CalendarDate { expiresOn.adding(days: -Self.earliestDaysBeforeExpiry) }

    /// The last day a re-evaluation dossier may be filed (120 days before expiry).
    public var closesOn: CalendarDate { expiresOn.adding(days: -Self.latestDaysBeforeExpiry) }

    /// Days from `date` to the last valid day (negative after expiry).
    public func daysBeforeExpiry(_ date: CalendarDate) -> Int { date.days(until: expiresOn) }

    /// Where a date falls relative to the window.
    public enum Position: String, Sendable, Hashable, Codable {
        /// More than 180 days before expiry.
        case tooEarly = "too_early"
        case inside
        /// Fewer than 120 days before expiry (or after it).
        case tooLate = "too_late"
    }

    public func position(of date: CalendarDate) -> Position {
        let n = daysBeforeExpiry(date)
        if n > Self.earliestDaysBeforeExpiry { return .tooEarly }
        if n < Self.latestDaysBeforeExpiry { return .tooLate }
        return .inside
    }

    /// Whether a dossier filed on `date` is filed in time (edges included).
    public func contains(_ date: CalendarDate) -> Bool { position(of: date) == .inside }

    /// "từ ngày 06/02/2029 đến ngày 07/04/2029" / "from 2029-02-06 to 2029-04-07".
    public func describe(_ language: Language) -> String {
        switch language {
        case .vi: "từ ngày \(opensOn.display(.vi)) đến ngày \(closesOn.display(.vi))"
        case .en: "from \(opensOn.display(.en)) to \(closesOn.display(.en))"
        }
    }
}
