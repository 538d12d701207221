import OCOPDomain

/// An issuing authority's signing key as the register records it: the public half and the days
/// it may sign for (docs/credentials.md §5–6). The private half stays in a file outside the
/// database.
public struct IssuerKeyRecord: Sendable, Hashable, Codable {
    /// `<issuer code>-<fingerprint>`, e.g. "24-MFRGGZDF".
    public var kid: String
    /// "24" or "BNNMT".
    public var issuerCode: String
    /// The 32-byte Ed25519 public key, base64url without padding.
    public var publicKey: String
    /// The key may sign certificates issued from this day…
    public var validFrom: CalendarDate
    /// …to this day (inclusive), when set.
    public var validUntil: CalendarDate?
    /// From this day on the key signs only certificates issued before it.
    public var retiredOn: CalendarDate?
    public var createdOn: CalendarDate
    public var createdBy: String

    public init(kid: String, issuerCode: String, publicKey: String, validFrom: CalendarDate, validUntil: CalendarDate? = nil,
                retiredOn: CalendarDate? = nil, createdOn: CalendarDate, createdBy: String) {
        self.kid = kid
        self.issuerCode = issuerCode
        self.publicKey = publicKey
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.retiredOn = retiredOn
        self.createdOn = createdOn
        self.createdBy = createdBy
    }

    /// Whether the key may sign a certificate issued on `date` (the trust list's rule).
    public func signs(issuedOn date: CalendarDate) -> Bool {
        if date < validFrom { return false }
        if let validUntil, date > validUntil { return false }
        if let retiredOn, date >= retiredOn { return false }
        return true
    }
}

/// A printed certificate's bit in its issuer's status list, with what ended the certificate
/// before its term.
public struct StatusListEntry: Sendable, Hashable {
    public var certificate: CertificateNumber
    public var index: Int
    public var revokedOn: CalendarDate?
    public var supersededOn: CalendarDate?

    public init(certificate: CertificateNumber, index: Int, revokedOn: CalendarDate?, supersededOn: CalendarDate?) {
        self.certificate = certificate
        self.index = index
        self.revokedOn = revokedOn
        self.supersededOn = supersededOn
    }

    /// Whether the bit is set in a list published on `date`: revoked or superseded by then
    /// (both end a certificate for good before its printed term).
    public func isEnded(on date: CalendarDate) -> Bool {
        if let revokedOn, revokedOn <= date { return true }
        if let supersededOn, supersededOn <= date { return true }
        return false
    }
}
