/// Which certificates a register listing shows on a day (`ocop certificate list|expiring`).
/// Everything is judged on that day by `CertificateFacts.status(on:)`.
public struct CertificateFilter: Sendable, Hashable {
    /// Statuses to keep; empty keeps any.
    public var statuses: Set<CertificateStatus>
    /// Keep only certificates in force ("current": valid, in the renewal window, or extended).
    public var currentOnly: Bool
    public var stars: Int?
    /// Keep only certificates in force whose last valid day is at most this many days ahead.
    public var expiringWithin: Int?

    public init(statuses: Set<CertificateStatus> = [], currentOnly: Bool = false, stars: Int? = nil, expiringWithin: Int? = nil) {
        self.statuses = statuses
        self.currentOnly = currentOnly
        self.stars = stars
        self.expiringWithin = expiringWithin
    }

    /// Days from `date` to the certificate's last valid day when it is in force and expires
    /// within `days` (0 = expires that day); `nil` otherwise. An Art. 12.3 extension is already
    /// past the last valid day, so it is not "expiring".
    public static func daysToExpiry(_ facts: CertificateFacts, on date: CalendarDate, within days: Int) -> Int? {
        guard facts.status(on: date).isCurrent else { return nil }
        let left = date.days(until: facts.validUntil)
        return (0...max(days, 0)).contains(left) ? left : nil
    }

    public func matches(_ certificate: CertificateRecord, on date: CalendarDate) -> Bool {
        let status = certificate.status(on: date)
        if !statuses.isEmpty && !statuses.contains(status) { return false }
        if currentOnly && !status.isCurrent { return false }
        if let stars, certificate.stars != stars { return false }
        if let days = expiringWithin, Self.daysToExpiry(certificate.facts, on: date, within: days) == nil { return false }
        return true
    }
}
