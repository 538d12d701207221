/// The one status vocabulary of a certificate, used by every command, report and document.
/// Stored nowhere: it is computed from `CertificateFacts` on a given day.
public enum CertificateStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// The day asked about is before the issue date.
    case notYetValid = "not_yet_valid"
    /// In force, outside the re-evaluation filing window.
    case valid
    /// In force, and inside the re-evaluation filing window (Art. 7.6.a).
    case inRenewalWindow = "renewal_window"
    /// Past its last valid day but kept in force under Art. 12.3, until the re-evaluation result
    /// (at most 180 days past expiry).
    case extendedByTransition = "transition_extension"
    /// Past its last valid day (and any Art. 12.3 extension).
    case expired
    /// Replaced by a newer certificate of the same product (upgrade or re-evaluation), from the
    /// new certificate's issue date.
    case superseded
    /// Revoked under Art. 8, from the revocation decision's date.
    case revoked

    /// "Current": the certificate is in force on that day.
    public var isCurrent: Bool {
        switch self {
        case .valid, .inRenewalWindow, .extendedByTransition: true
        case .notYetValid, .expired, .superseded, .revoked: false
        }
    }

    public var label: LocalizedText {
        switch self {
        case .notYetValid: LocalizedText(vi: "Chưa có hiệu lực (trước ngày ban hành)", en: "Not yet in force (before its issue date)")
        case .valid: LocalizedText(vi: "Còn hiệu lực", en: "Valid")
        case .inRenewalWindow: LocalizedText(vi: "Trong thời hạn nộp hồ sơ đánh giá lại", en: "Valid; inside the re-evaluation filing window")
        case .extendedByTransition:
            LocalizedText(vi: "Còn hiệu lực theo quy định chuyển tiếp (Điều 12.3), chờ kết quả đánh giá lại",
                          en: "Kept in force under the transition rule (Art. 12.3), pending the re-evaluation result")
        case .expired: LocalizedText(vi: "Hết hiệu lực", en: "Expired")
        case .superseded: LocalizedText(vi: "Đã được thay thế (nâng hạng hoặc đánh giá lại)", en: "Superseded (upgrade or re-evaluation)")
        case .revoked: LocalizedText(vi: "Đã bị thu hồi", en: "Revoked")
        }
    }
}

/// The dated facts of one certificate, from which its status on any day follows.
public struct CertificateFacts: Sendable, Hashable, Codable {
    /// The recognition decision's date; the certificate is in force from this day.
    public var issuedOn: CalendarDate
    /// The last valid day of its term (`CertificateTerm`).
    public var validUntil: CalendarDate
    /// The revocation decision's date: revoked from that day on.
    public var revokedOn: CalendarDate?
    /// The issue date of the certificate that replaced it: superseded from that day on.
    public var supersededOn: CalendarDate?
    /// Art. 12.3: kept in force past `validUntil` through this day (the authority's result, or
    /// the cap while pending). Never counted beyond `validUntil + 180` days.
    public var extendedUntil: CalendarDate?

    public init(issuedOn: CalendarDate, validUntil: CalendarDate, revokedOn: CalendarDate? = nil,
                supersededOn: CalendarDate? = nil, extendedUntil: CalendarDate? = nil) {
        self.issuedOn = issuedOn
        self.validUntil = validUntil
        self.revokedOn = revokedOn
        self.supersededOn = supersededOn
        self.extendedUntil = extendedUntil
    }

    /// A QĐ 26 certificate: valid 36 months from `issuedOn`.
    public init(issuedOn: CalendarDate) {
        self.init(issuedOn: issuedOn, validUntil: CertificateTerm.validUntil(issuedOn: issuedOn))
    }

    /// The re-evaluation filing window of this certificate's term.
    public var renewalWindow: RenewalWindow { RenewalWindow(expiresOn: validUntil) }

    /// The Art. 12.3 extension actually counted: after `validUntil`, capped at 180 days past it.
    public var effectiveExtension: CalendarDate? {
        guard let extendedUntil, extendedUntil > validUntil else { return nil }
        return min(extendedUntil, TransitionRule.latestExtension(validUntil: validUntil))
    }

    /// The last day the certificate is in force, every event considered (the day before a
    /// revocation or supersession, else the extension or `validUntil`). Before `issuedOn` when it
    /// never was in force.
    public var lastDayInForce: CalendarDate {
        var last = effectiveExtension ?? validUntil
        if let revokedOn { last = min(last, revokedOn.adding(days: -1)) }
        if let supersededOn { last = min(last, supersededOn.adding(days: -1)) }
        return last
    }

    /// The status on `date`. Precedence, each from its own day: before issue → not yet valid;
    /// revoked (beats everything from the revocation date); superseded (from the new certificate's
    /// issue date); through `validUntil` → in the renewal window or valid; through the Art. 12.3
    /// extension → extended; after that → expired.
    public func status(on date: CalendarDate) -> CertificateStatus {
        if date < issuedOn { return .notYetValid }
        if let revokedOn, date >= revokedOn { return .revoked }
        if let supersededOn, date >= supersededOn { return .superseded }
        if date <= validUntil { return renewalWindow.contains(date) ? .inRenewalWindow : .valid }
        if let extended = effectiveExtension, date <= extended { return .extendedByTransition }
        return .expired
    }
}

/// The transition rule of Art. 12.3: a re-evaluation dossier filed outside the window of
/// Art. 7.6.a keeps the certificate in force "đến ngày có kết quả xử lý của cơ quan có thẩm quyền,
/// nhưng không quá 180 ngày tính từ ngày hết thời hạn".
///
/// Interpretation (docs/certification.md): it is a transition clause, so it covers certificates
/// issued before QĐ 26 took effect (22/5/2026), whose holders could not plan for the new window;
/// the late dossier must be filed while the certificate is still in force. 180 days "tính từ ngày
/// hết thời hạn" count from the day after the last valid day, so the cap is `validUntil + 180`.
public enum TransitionRule {
    public static let maximumExtensionDays = 180

    /// Whether a certificate issued on `issuedOn` can use Art. 12.3.
    public static func applies(toCertificateIssuedOn issuedOn: CalendarDate) -> Bool {
        issuedOn < CertificateTerm.qd26EffectiveDate
    }

    /// The furthest an extension can reach.
    public static func latestExtension(validUntil: CalendarDate) -> CalendarDate {
        validUntil.adding(days: maximumExtensionDays)
    }

    /// `CertificateFacts.extendedUntil` for a transition filing: the result's date once known,
    /// the cap while pending, never past the cap.
    public static func extendedUntil(validUntil: CalendarDate, resultOn: CalendarDate?) -> CalendarDate {
        let cap = latestExtension(validUntil: validUntil)
        guard let resultOn else { return cap }
        return min(resultOn, cap)
    }
}

/// A product's certificate as the rules need it: number, stars, issuer and dated facts.
public struct CertificateRecord: Sendable, Hashable, Codable {
    public var number: CertificateNumber
    public var stars: Int
    public var issuer: IssuingAuthority
    public var facts: CertificateFacts

    public init(number: CertificateNumber, stars: Int, issuer: IssuingAuthority, facts: CertificateFacts) {
        self.number = number
        self.stars = stars
        self.issuer = issuer
        self.facts = facts
    }

    public func status(on date: CalendarDate) -> CertificateStatus { facts.status(on: date) }

    /// The certificate in force on `date` among a product's certificates: the most recently issued
    /// current one (there should be at most one).
    public static func current(among certificates: [CertificateRecord], on date: CalendarDate) -> CertificateRecord? {
        certificates.filter { $0.status(on: date).isCurrent }.max { $0.facts.issuedOn < $1.facts.issuedOn }
    }

    /// The most recently issued certificate already issued on `date`, current or not.
    public static func latest(among certificates: [CertificateRecord], on date: CalendarDate) -> CertificateRecord? {
        certificates.filter { $0.facts.issuedOn <= date }.max { $0.facts.issuedOn < $1.facts.issuedOn }
    }

    /// "GCN-24-2026-0001 (4★, còn hiệu lực đến ngày 05/08/2029)".
    public func describe(_ language: Language) -> String {
        switch language {
        case .vi: "\(number) (\(stars)★, hiệu lực đến ngày \(facts.validUntil.display(.vi)))"
        case .en: "\(number) (\(stars)★, valid through \(facts.validUntil.display(.en)))"
        }
    }

    /// How it stood on `date`, for messages: "hết hiệu lực từ ngày …", "bị thu hồi ngày …".
    public func describeState(on date: CalendarDate, _ language: Language) -> String {
        let vi = language == .vi
        switch status(on: date) {
        case .notYetValid:
            return vi ? "chưa có hiệu lực (ban hành ngày \(facts.issuedOn.display(.vi)))" : "not yet in force (issued on \(facts.issuedOn.display(.en)))"
        case .valid, .inRenewalWindow:
            return vi ? "còn hiệu lực đến hết ngày \(facts.validUntil.display(.vi))" : "valid through \(facts.validUntil.display(.en))"
        case .extendedByTransition:
            let last = facts.effectiveExtension ?? facts.validUntil
            return vi ? "hết hạn ngày \(facts.validUntil.display(.vi)) nhưng còn hiệu lực theo Điều 12.3 đến chậm nhất ngày \(last.display(.vi))"
                : "expired on \(facts.validUntil.display(.en)) but kept in force under Art. 12.3 until \(last.display(.en)) at the latest"
        case .expired:
            let last = facts.lastDayInForce
            return vi ? "đã hết hiệu lực sau ngày \(last.display(.vi))" : "expired after \(last.display(.en))"
        case .superseded:
            let on = facts.supersededOn ?? date
            return vi ? "đã được thay thế từ ngày \(on.display(.vi))" : "superseded on \(on.display(.en))"
        case .revoked:
            let on = facts.revokedOn ?? date
            return vi ? "đã bị thu hồi ngày \(on.display(.vi))" : "revoked on \(on.display(.en))"
        }
    }
}
