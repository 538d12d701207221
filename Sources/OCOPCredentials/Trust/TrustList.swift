import Foundation
import OCOPDomain

/// The kind of issuing authority: a province (3★ and 4★) or the Ministry (5★), QĐ 26/2026 Art. 4.1.
public enum IssuerKind: String, Sendable, Hashable, Codable, CaseIterable {
    case province
    case ministry
}

/// One signing key of an issuer as verifiers know it. The key may sign certificates issued from
/// `validFrom` to `validUntil` (both inclusive) and, once `retired` is set, only those issued
/// before that day.
public struct TrustedKey: Sendable, Hashable, Codable {
    public var kid: String
    /// Always "Ed25519".
    public var alg: String
    /// The 32-byte raw public key, base64url without padding.
    public var publicKey: String
    public var validFrom: CalendarDate
    public var validUntil: CalendarDate?
    public var retired: CalendarDate?

    public init(kid: String, alg: String = "Ed25519", publicKey: String, validFrom: CalendarDate, validUntil: CalendarDate? = nil, retired: CalendarDate? = nil) {
        self.kid = kid
        self.alg = alg
        self.publicKey = publicKey
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.retired = retired
    }

    /// The entry for `key`, in service from `validFrom`.
    public init(_ key: IssuerPublicKey, validFrom: CalendarDate, validUntil: CalendarDate? = nil) {
        self.init(kid: key.kid, publicKey: key.base64url, validFrom: validFrom, validUntil: validUntil)
    }

    /// `true` when the key may sign a document dated `date`.
    public func isInService(on date: CalendarDate) -> Bool {
        if date < validFrom { return false }
        if let validUntil, date > validUntil { return false }
        if let retired, date >= retired { return false }
        return true
    }
}

/// An issuing authority and its keys.
public struct TrustedIssuer: Sendable, Hashable, Codable {
    public var code: IssuerCode
    public var name: String
    public var kind: IssuerKind
    /// Where the issuer publishes its signed revocation list (a `vc+jwt`), if it does.
    public var statusList: String?
    public var keys: [TrustedKey]

    public init(code: IssuerCode, name: String, kind: IssuerKind, statusList: String? = nil, keys: [TrustedKey]) {
        self.code = code
        self.name = name
        self.kind = kind
        self.statusList = statusList
        self.keys = keys
    }
}

/// The list of issuers and public keys a verifier trusts, as JSON:
///
/// ```json
/// { "format": "ocop-trust-list/1", "issued": "2026-08-01",
///   "issuers": [ { "code": "24", "name": "Ủy ban nhân dân tỉnh Bắc Ninh", "kind": "province",
///                  "statusList": "https://ocop.example.vn/status/24.jwt",
///                  "keys": [ { "kid": "24-MFRGGZDF", "alg": "Ed25519", "publicKey": "…",
///                              "validFrom": "2026-01-01" } ] } ] }
/// ```
/// Decoding checks every key (32-byte Ed25519, kid derived from the issuer code and the key) and
/// that issuer codes and kids are unique, so a lookup by kid has one answer.
public struct TrustList: Sendable, Hashable, Codable {
    public static let format = "ocop-trust-list/1"

    public var format: String
    public var issued: CalendarDate?
    public var issuers: [TrustedIssuer]

    public init(issued: CalendarDate? = nil, issuers: [TrustedIssuer]) {
        self.format = Self.format
        self.issued = issued
        self.issuers = issuers
    }

    /// The issuer and key with this kid.
    public func key(kid: String) -> (issuer: TrustedIssuer, key: TrustedKey)? {
        for issuer in issuers {
            if let key = issuer.keys.first(where: { $0.kid == kid }) { return (issuer, key) }
        }
        return nil
    }

    public func issuer(_ code: IssuerCode) -> TrustedIssuer? {
        issuers.first { $0.code == code }
    }

    /// The key with this fingerprint (the part of a kid after the issuer code), whoever holds it.
    func key(fingerprint: String) -> (issuer: TrustedIssuer, key: TrustedKey)? {
        for issuer in issuers {
            if let key = issuer.keys.first(where: { $0.kid.hasSuffix("-" + fingerprint) }) { return (issuer, key) }
        }
        return nil
    }

    /// The public key of an entry (already checked when the list was decoded or validated).
    public func publicKey(of key: TrustedKey, issuer: TrustedIssuer) throws(CredentialError) -> IssuerPublicKey {
        try IssuerPublicKey(issuer: issuer.code, rawRepresentation: Base64URL.decode(key.publicKey))
    }

    /// Checks what `decode` checks; use it before publishing a list built in code.
    public func validate() throws(CredentialError) {
        func invalid(_ vi: String, _ en: String) -> CredentialError {
            .trustListInvalid(reason: LocalizedText(vi: vi, en: en))
        }
        guard format == Self.format else {
            throw invalid("định dạng \"\(format)\" không được hỗ trợ (cần \(Self.format))", "format \"\(format)\" is not supported (expected \(Self.format))")
        }
        var codes: Set<IssuerCode> = []
        var kids: Set<String> = []
        for issuer in issuers {
            guard codes.insert(issuer.code).inserted else {
                throw invalid("cơ quan \(issuer.code) xuất hiện hai lần", "issuer \(issuer.code) appears twice")
            }
            guard !issuer.name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw invalid("cơ quan \(issuer.code) không có tên", "issuer \(issuer.code) has no name")
            }
            for key in issuer.keys {
                guard kids.insert(key.kid).inserted else {
                    throw invalid("mã khóa \(key.kid) xuất hiện hai lần", "kid \(key.kid) appears twice")
                }
                guard key.alg == "Ed25519" else {
                    throw invalid("khóa \(key.kid): thuật toán \"\(key.alg)\" không được hỗ trợ (cần Ed25519)", "key \(key.kid): algorithm \"\(key.alg)\" is not supported (expected Ed25519)")
                }
                let publicKey: IssuerPublicKey
                do {
                    publicKey = try self.publicKey(of: key, issuer: issuer)
                } catch {
                    throw invalid("khóa \(key.kid): \(error.message(.vi))", "key \(key.kid): \(error.message(.en))")
                }
                guard publicKey.kid == key.kid else {
                    throw invalid("mã khóa \(key.kid) không khớp với khóa và cơ quan \(issuer.code) (đúng là \(publicKey.kid))",
                                  "kid \(key.kid) does not match the key and issuer \(issuer.code) (it is \(publicKey.kid))")
                }
                if let validUntil = key.validUntil, validUntil < key.validFrom {
                    throw invalid("khóa \(key.kid) hết hiệu lực trước khi bắt đầu", "key \(key.kid) ends before it starts")
                }
            }
        }
    }

    /// Reads and checks a trust list.
    public static func decode(json: [UInt8]) throws(CredentialError) -> TrustList {
        let list: TrustList
        do {
            list = try JSONDecoder().decode(TrustList.self, from: Data(json))
        } catch {
            throw .trustListInvalid(reason: LocalizedText(
                vi: "không đọc được JSON (\(Self.describe(error)))", en: "unreadable JSON (\(Self.describe(error)))"))
        }
        try list.validate()
        return list
    }

    /// The list as JSON (pretty, keys sorted: the same list always gives the same bytes).
    public func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try! encoder.encode(self)) + [0x0A]
    }

    /// The list signed as a compact JWS (`typ` "ocop-trust-list+json"), for distribution over an
    /// untrusted channel. The verifier pins the signer's public key (the Ministry's) out of band.
    public func signed(with key: IssuerKey) throws(CredentialError) -> String {
        try validate()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return CompactJWS.sign(payload: Array(try! encoder.encode(self)), type: Self.jwsType, with: key)
    }

    public static let jwsType = "ocop-trust-list+json"

    /// Reads a signed trust list, accepting only a signature by one of `anchors`.
    public static func verifySigned(_ jws: String, anchors: [IssuerPublicKey]) throws(CredentialError) -> TrustList {
        let parsed = try CompactJWS.parse(jws)
        guard parsed.header.typ == jwsType else {
            throw .signedDocumentInvalid(reason: LocalizedText(
                vi: "loại \"\(parsed.header.typ ?? "")\" không phải danh sách tin cậy", en: "type \"\(parsed.header.typ ?? "")\" is not a trust list"))
        }
        guard let anchor = anchors.first(where: { $0.kid == parsed.header.kid }) else { throw .unknownKey(kid: parsed.header.kid) }
        guard anchor.isValidSignature(parsed.signature, for: parsed.signingInput) else { throw .badSignature(kid: anchor.kid) }
        return try decode(json: parsed.payload)
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case let DecodingError.keyNotFound(key, context):
            (context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: ".")
        case let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
             let DecodingError.dataCorrupted(context):
            context.codingPath.map(\.stringValue).joined(separator: ".") + ": " + context.debugDescription
        default:
            String(describing: error)
        }
    }
}
