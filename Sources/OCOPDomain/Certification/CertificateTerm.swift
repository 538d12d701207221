/// How long a certificate is valid (QĐ 26/2026 Art. 4.3; Art. 12.1 for older certificates).
///
/// Counting follows Bộ luật Dân sự 2015 Art. 147–148: a period in months starts the day after the
/// issue date and ends at the end of the corresponding day of its last month, or on that month's
/// last day when it has no corresponding day. So the certificate is valid through
/// `issuedOn.adding(months: 36)`, inclusive. The Civil Code's "a period ending on a weekend or
/// public holiday ends on the next working day" (Art. 148.5) is deliberately not applied: it is not
/// confirmed for an administrative certificate, and a printed expiry date must not depend on a
/// holiday calendar (docs/certification.md).
public enum CertificateTerm: Sendable, Hashable, Codable {
    /// 36 months from the issue date: every certificate issued from 22/5/2026 (Art. 4.3).
    case qd26
    /// A historical decision's own term in months, counted from the issue date (Art. 12.1).
    case historicalMonths(Int)
    /// A historical decision's own last valid day, as written in it (Art. 12.1), e.g. a decision
    /// saying "36 tháng kể từ ngày 28/12/2023".
    case historicalValidUntil(CalendarDate)

    /// Art. 4.3: "có giá trị trong thời hạn 36 tháng kể từ ngày cơ quan có thẩm quyền ban hành".
    public static let months = 36

    /// QĐ 26/2026 is in force from this day (Art. 11.1); certificates issued before it keep the
    /// term of their own decision (Art. 12.1).
    public static let qd26EffectiveDate = CalendarDate(year: 2026, month: 5, day: 22)!

    /// The last valid day of a QĐ 26 certificate issued on `issuedOn` (05/8/2026 → 05/8/2029;
    /// 29/02/2024 → 28/02/2027).
    public static func validUntil(issuedOn: CalendarDate) -> CalendarDate {
        issuedOn.adding(months: months)
    }

    /// The last valid day under this term. An override (`historical…`) is refused for a
    /// certificate issued on or after 22/5/2026, and a last day before the issue date is refused.
    public func validUntil(issuedOn: CalendarDate) throws(CertificationError) -> CalendarDate {
        switch self {
        case .qd26:
            return CertificateTerm.validUntil(issuedOn: issuedOn)
        case .historicalMonths(let months):
            guard issuedOn < CertificateTerm.qd26EffectiveDate else { throw .termOverrideUnderQD26(issuedOn: issuedOn) }
            guard (1...120).contains(months) else { throw .invalidTermMonths(months) }
            return issuedOn.adding(months: months)
        case .historicalValidUntil(let last):
            guard issuedOn < CertificateTerm.qd26EffectiveDate else { throw .termOverrideUnderQD26(issuedOn: issuedOn) }
            guard last >= issuedOn else { throw .validUntilBeforeIssue(issuedOn: issuedOn, validUntil: last) }
            return last
        }
    }
}
