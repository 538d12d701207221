import OCOPDomain

/// A day from `YYYY-MM-DD` (tests only; a typo fails loudly).
func day(_ iso: String) -> CalendarDate {
    guard let date = CalendarDate(iso: iso) else { fatalError("not a day: \(iso)") }
    return date
}

func gcn(_ text: String) -> CertificateNumber { try! CertificateNumber(parsing: text) }

/// A certificate of the product under test; QĐ 26 term unless `validUntil` is given.
func certificate(
    _ number: String = "GCN-24-2026-0001", stars: Int = 3, issuer: IssuingAuthority = .province(code: "24"),
    issued: String, validUntil: String? = nil, revoked: String? = nil, superseded: String? = nil, extended: String? = nil
) -> CertificateRecord {
    let issuedOn = day(issued)
    return CertificateRecord(
        number: gcn(number), stars: stars, issuer: issuer,
        facts: CertificateFacts(
            issuedOn: issuedOn, validUntil: validUntil.map(day) ?? CertificateTerm.validUntil(issuedOn: issuedOn),
            revokedOn: revoked.map(day), supersededOn: superseded.map(day), extendedUntil: extended.map(day)))
}

/// Both languages of a failure, for assertions on what people read.
func messages(_ error: some LocalizedFailure) -> (vi: String, en: String) {
    (error.message(.vi), error.message(.en))
}

/// Runs `body`, expecting a `CertificationError`, and returns it.
func refusal<T>(_ body: () throws -> T) -> CertificationError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error as? CertificationError
    }
}
