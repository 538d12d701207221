import Foundation
import OCOPCredentials
import OCOPDomain
import OCOPModels
import OCOPStore

/// What `verifyCertificate` is given: the scanned text, where trust and status come from, and the day.
public struct VerificationRequest: Sendable, Hashable {
    /// The QR text (either form).
    public var text: String
    /// A trust list (JSON) to verify against, offline; `nil` takes the register's recorded keys.
    public var trustList: [UInt8]?
    /// Published status lists (compact JWS), checked against the trust list.
    public var statusLists: [String]
    /// The day the certificate must be in force (default today).
    public var on: CalendarDate?

    public init(text: String, trustList: [UInt8]? = nil, statusLists: [String] = [], on: CalendarDate? = nil) {
        self.text = text
        self.trustList = trustList
        self.statusLists = statusLists
        self.on = on
    }

    /// Without a trust list file, the register is read: keys, and the certificate's standing.
    public var usesRegister: Bool { trustList == nil }
}

/// A certificate whose signature checked out, its fields to compare with the paper, and what
/// (if anything) makes it fail on the day asked about.
public struct CertificateVerification: Sendable {
    public struct Field: Sendable, Hashable {
        /// The payload's field name (`productName`, …).
        public var name: String
        public var label: LocalizedText
        public var value: LocalizedText
    }

    /// Where revocation and supersession were looked up.
    public enum StatusSource: Sendable, Hashable {
        case register
        /// A status list published on this day.
        case statusList(CalendarDate)
        /// Neither was available: revocation was not checked.
        case notChecked
        /// The register does not hold this certificate number.
        case notInRegister
    }

    public var certificateNumber: String
    public var fields: [Field]
    public var kid: String
    public var issuerCode: String
    public var issuerName: String
    /// "province" or "ministry".
    public var issuerKind: String
    /// The address the URL form named, when the text was a URL.
    public var address: String?
    public var checkedOn: CalendarDate
    public var status: StatusSource
    /// The register's status on `checkedOn`, when the register was read.
    public var registerStatus: OCOPDomain.CertificateStatus?
    /// Empty when the certificate is accepted.
    public var failures: [PrintingError]

    public var isAccepted: Bool { failures.isEmpty }
}

extension Workbench {
    /// Checks a certificate's QR text: the signature against the trust list (a refusal throws
    /// `CredentialError` with its reason: damaged, unknown key, foreign key, bad signature), then
    /// validity on the day, the issuer's competence for the stars, and revocation or supersession
    /// from the given status lists or, without a trust list file, from the register.
    public func verifyCertificate(_ request: VerificationRequest) throws -> CertificateVerification {
        let trust: TrustList
        if let json = request.trustList {
            trust = try TrustList.decode(json: json)
        } else {
            trust = try trustList()
            guard !trust.issuers.isEmpty else { throw PrintingError.noTrustList }
        }
        let verified = try CertificateVerifier.verify(text: request.text, trustList: trust)
        let p = verified.payload
        let day = request.on ?? today
        let number = p.certificateNumber
        var failures: [PrintingError] = []
        if day < p.issueDate { failures.append(.certificateNotYetValid(number: number, issuedOn: p.issueDate, on: day)) }

        var status = CertificateVerification.StatusSource.notChecked
        var registerStatus: OCOPDomain.CertificateStatus?
        var extendedPastTerm = false
        if !request.statusLists.isEmpty {
            let lists = try request.statusLists.map { try StatusListCredential.verify(jws: $0, trustList: trust) }
            guard let list = lists.filter({ $0.issuer.code == p.issuerCode }).max(by: { $0.credential.validFrom < $1.credential.validFrom }) else {
                throw PrintingError.noStatusListForIssuer(issuer: p.issuerCode.value)
            }
            status = .statusList(list.credential.validFrom)
            if try verified.status(in: list) == .revoked { failures.append(.certificateEnded(number: number, listDate: list.credential.validFrom)) }
        } else if request.usesRegister {
            let parsed = try? CertificateNumber(parsing: number)
            if let parsed, let stored = try? CertificateRepository(try connection()).certificate(parsed, asOf: day) {
                status = .register
                let standing = stored.facts.status(on: day)
                registerStatus = standing
                extendedPastTerm = standing == .extendedByTransition
                if standing == .revoked, let revokedOn = stored.facts.revokedOn {
                    failures.append(.certificateRevoked(number: number, revokedOn: revokedOn, decision: stored.revocation?.decisionNumber))
                } else if standing == .superseded, let on = stored.facts.supersededOn {
                    failures.append(.certificateSuperseded(number: number, supersededOn: on, by: stored.supersededBy?.description))
                }
                let index = try CredentialRepository(try connection()).statusIndex(certificateID: stored.id)
                var differing: [String] = []
                if stored.stars != p.stars { differing.append(CertificateField.stars.rawValue) }
                if stored.productCode != p.productCode.description { differing.append(CertificateField.productCode.rawValue) }
                if stored.facts.issuedOn != p.issueDate { differing.append(CertificateField.issueDate.rawValue) }
                if stored.facts.validUntil != p.validUntil { differing.append(CertificateField.validUntil.rawValue) }
                if index != p.statusListIndex { differing.append(CertificateField.statusListIndex.rawValue) }
                if !differing.isEmpty { failures.append(.registerDisagrees(number: number, fields: differing)) }
            } else {
                status = .notInRegister
            }
        }
        // Art. 12.3 may keep a certificate in force past its printed date; only the register knows.
        if verified.isExpired(on: day), !extendedPastTerm {
            failures.append(.certificateExpired(number: number, validUntil: p.validUntil, on: day))
        }
        let competent = verified.issuer.kind == .ministry ? 5...5 : 3...4
        if !competent.contains(p.stars) {
            failures.append(.starsNotForIssuer(number: number, stars: p.stars, issuer: verified.issuer.code.value))
        }
        var address: String?
        if case .url(let prefix) = verified.form { address = prefix }
        return CertificateVerification(
            certificateNumber: number, fields: Self.fields(of: p), kid: verified.kid, issuerCode: verified.issuer.code.value,
            issuerName: verified.issuer.name, issuerKind: verified.issuer.kind.rawValue, address: address, checkedOn: day,
            status: status, registerStatus: registerStatus, failures: failures)
    }

    /// The signed fields in record order, as a person reads them.
    static func fields(of p: CertificatePayload) -> [CertificateVerification.Field] {
        func same(_ text: String) -> LocalizedText { LocalizedText(vi: text, en: text) }
        func date(_ d: CalendarDate) -> LocalizedText { LocalizedText(vi: d.display(.vi), en: d.display(.en)) }
        return CertificateField.allCases.map { field in
            let value: LocalizedText
            switch field {
            case .issuerCode: value = same(p.issuerCode.value)
            case .productCode: value = same(p.productCode.description)
            case .productSet: value = same(p.productSet.description)
            case .evaluationYear: value = same(String(p.evaluationYear))
            case .evaluationRound: value = same(String(p.evaluationRound))
            case .stars: value = same("\(p.stars)★")
            case .score: value = p.score.map { LocalizedText(vi: $0.display(.vi), en: $0.display(.en)) } ?? same("—")
            case .issueDate: value = date(p.issueDate)
            case .decisionDate: value = date(p.decisionDate)
            case .validUntil: value = date(p.validUntil)
            case .statusListIndex: value = same(String(p.statusListIndex))
            case .signerPrefix where p.signerPrefix.isEmpty: value = same("—")
            default: value = same(p.text(field) ?? "")
            }
            return CertificateVerification.Field(name: field.rawValue, label: field.label, value: value)
        }
    }
}
