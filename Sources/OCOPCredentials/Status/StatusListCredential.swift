import Foundation
import OCOPDomain

/// An issuer's revocation list as a W3C `BitstringStatusListCredential`, published as a compact
/// JWS (`typ` "vc+jwt", `alg` "EdDSA") signed with one of the issuer's keys:
///
/// ```json
/// {"@context":["https://www.w3.org/ns/credentials/v2"],
///  "credentialSubject":{"encodedList":"uH4sI…","id":"https://…/status/24#list",
///                       "statusPurpose":"revocation","type":"BitstringStatusList"},
///  "id":"https://…/status/24","issuer":"https://…","type":["VerifiableCredential",
///  "BitstringStatusListCredential"],"validFrom":"2026-08-05T00:00:00+07:00"}
/// ```
/// Keys are sorted and GZIP's header is fixed, so the same list, issuer and day always give the
/// same bytes (and, with deterministic Ed25519, the same JWS).
public struct StatusListCredential: Sendable, Hashable {
    public static let context = "https://www.w3.org/ns/credentials/v2"
    public static let jwsType = "vc+jwt"
    public static let statusPurpose = "revocation"

    /// The URL the credential is published at.
    public var id: String
    /// The issuer's URL (the VC `issuer`); the signing key ties it to the trust list.
    public var issuer: String
    /// The day of publication, written as midnight in Vietnam (UTC+7).
    public var validFrom: CalendarDate
    public var list: StatusList

    public init(id: String, issuer: String, validFrom: CalendarDate, list: StatusList) {
        self.id = id
        self.issuer = issuer
        self.validFrom = validFrom
        self.list = list
    }

    struct Document: Codable {
        struct Subject: Codable {
            var id: String
            var type: String
            var statusPurpose: String
            var encodedList: String
        }

        var context: [String]
        var id: String
        var type: [String]
        var issuer: String
        var validFrom: String
        var credentialSubject: Subject

        enum CodingKeys: String, CodingKey {
            case context = "@context"
            case id, type, issuer, validFrom, credentialSubject
        }
    }

    /// The credential JSON (compact, keys sorted), the JWS payload.
    public func json() throws(CredentialError) -> [UInt8] {
        let document = Document(
            context: [Self.context], id: id,
            type: ["VerifiableCredential", "BitstringStatusListCredential"],
            issuer: issuer, validFrom: validFrom.iso + "T00:00:00+07:00",
            credentialSubject: .init(id: id + "#list", type: "BitstringStatusList", statusPurpose: Self.statusPurpose, encodedList: try list.encodedList()))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try! encoder.encode(document))
    }

    /// The credential signed with `key`, as a compact JWS.
    public func signed(with key: IssuerKey) throws(CredentialError) -> String {
        CompactJWS.sign(payload: try json(), type: Self.jwsType, with: key)
    }

    /// Reads a credential JSON (without checking any signature).
    public init(json: [UInt8]) throws(CredentialError) {
        func invalid(_ vi: String, _ en: String) -> CredentialError {
            .statusListInvalid(reason: LocalizedText(vi: vi, en: en))
        }
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: Data(json))
        } catch {
            throw invalid("không đọc được JSON (\(TrustList.describe(error)))", "unreadable JSON (\(TrustList.describe(error)))")
        }
        guard document.context.first == Self.context else {
            throw invalid("@context phải bắt đầu bằng \(Self.context)", "@context must begin with \(Self.context)")
        }
        guard document.type.contains("VerifiableCredential"), document.type.contains("BitstringStatusListCredential") else {
            throw invalid("type phải gồm VerifiableCredential và BitstringStatusListCredential", "type must include VerifiableCredential and BitstringStatusListCredential")
        }
        guard document.credentialSubject.type == "BitstringStatusList" else {
            throw invalid("credentialSubject.type phải là BitstringStatusList", "credentialSubject.type must be BitstringStatusList")
        }
        guard document.credentialSubject.statusPurpose == Self.statusPurpose else {
            throw invalid("statusPurpose \"\(document.credentialSubject.statusPurpose)\" không phải revocation", "statusPurpose \"\(document.credentialSubject.statusPurpose)\" is not revocation")
        }
        let stamp = document.validFrom
        guard stamp.count >= 11, stamp[stamp.index(stamp.startIndex, offsetBy: 10)] == "T",
              let day = CalendarDate(iso: stamp.prefix(10))
        else {
            throw invalid("validFrom \"\(stamp)\" không phải ngày giờ ISO 8601", "validFrom \"\(stamp)\" is not an ISO 8601 date-time")
        }
        let list: StatusList
        do {
            list = try StatusList(encodedList: document.credentialSubject.encodedList)
        } catch {
            throw invalid("encodedList: \(error.message(.vi))", "encodedList: \(error.message(.en))")
        }
        self.init(id: document.id, issuer: document.issuer, validFrom: day, list: list)
    }

    /// Checks a published list: a well-formed EdDSA JWS of type `vc+jwt`, a kid in the trust
    /// list, a valid signature, a key in service on `validFrom`, then the credential itself.
    public static func verify(jws: String, trustList: TrustList) throws(CredentialError) -> VerifiedStatusList {
        let parsed = try CompactJWS.parse(jws)
        guard parsed.header.typ == jwsType else {
            throw .signedDocumentInvalid(reason: LocalizedText(
                vi: "typ \"\(parsed.header.typ ?? "")\" không phải \(jwsType)", en: "typ \"\(parsed.header.typ ?? "")\" is not \(jwsType)"))
        }
        let kid = parsed.header.kid
        guard let (issuer, key) = trustList.key(kid: kid) else { throw .unknownKey(kid: kid) }
        let publicKey = try trustList.publicKey(of: key, issuer: issuer)
        guard publicKey.isValidSignature(parsed.signature, for: parsed.signingInput) else { throw .badSignature(kid: kid) }
        let credential = try StatusListCredential(json: parsed.payload)
        guard key.isInService(on: credential.validFrom) else { throw .keyNotValidOnDate(kid: kid, date: credential.validFrom) }
        return VerifiedStatusList(credential: credential, kid: kid, issuer: issuer, key: key)
    }
}

/// A status list whose signature checked out: it speaks for `issuer`.
public struct VerifiedStatusList: Sendable, Hashable {
    public let credential: StatusListCredential
    public let kid: String
    public let issuer: TrustedIssuer
    public let key: TrustedKey
}
