import Crypto
import Foundation
import OCOPDomain

/// The code of an issuing authority: a province by its code ("24") or the Ministry ("BNNMT").
/// One to eight upper-case ASCII letters or digits, so it can head a key id (`24-…`) and sit in
/// a QR payload unescaped.
public struct IssuerCode: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let value: String

    public init(_ value: String) throws(CredentialError) {
        guard (1...8).contains(value.utf8.count),
              value.utf8.allSatisfy({ (48...57).contains($0) || (65...90).contains($0) })
        else { throw .invalidIssuerCode(value) }
        self.value = value
    }

    public var description: String { value }
    public static func < (a: Self, b: Self) -> Bool { a.value < b.value }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message(.en)))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

/// The public half of an issuer's Ed25519 signing key, as verifiers hold it.
public struct IssuerPublicKey: Sendable, Hashable {
    public let issuer: IssuerCode
    /// The 32-byte Ed25519 public key (RFC 8032).
    public let rawRepresentation: [UInt8]

    public init(issuer: IssuerCode, rawRepresentation: [UInt8]) throws(CredentialError) {
        guard rawRepresentation.count == 32 else {
            throw .invalidPublicKey(reason: LocalizedText(
                vi: "khóa Ed25519 phải dài đúng 32 byte (có \(rawRepresentation.count))",
                en: "an Ed25519 key is exactly 32 bytes (got \(rawRepresentation.count))"))
        }
        guard (try? Curve25519.Signing.PublicKey(rawRepresentation: rawRepresentation)) != nil else {
            throw .invalidPublicKey(reason: LocalizedText(vi: "không phải khóa Ed25519", en: "not an Ed25519 key"))
        }
        self.issuer = issuer
        self.rawRepresentation = rawRepresentation
    }

    /// The last part of the key id: Base32 of the first 5 bytes of SHA-256 of the raw key
    /// (8 characters, 40 bits: enough to tell an issuer's keys apart, not a security boundary,
    /// since the signature is always checked against the whole key).
    public var fingerprint: String { Self.fingerprint(of: rawRepresentation) }

    /// `<issuer code>-<fingerprint>`, e.g. `24-MFRGGZDF`.
    public var kid: String { "\(issuer.value)-\(fingerprint)" }

    /// base64url without padding, as the trust list writes it.
    public var base64url: String { Base64URL.encode(rawRepresentation) }

    /// SubjectPublicKeyInfo in PEM (RFC 8410), which OpenSSL and most JOSE libraries read.
    public var pem: String {
        let spki: [UInt8] = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00] + rawRepresentation
        return "-----BEGIN PUBLIC KEY-----\n" + Data(spki).base64EncodedString() + "\n-----END PUBLIC KEY-----\n"
    }

    /// `true` when `signature` is this key's Ed25519 signature of `message`.
    public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        guard signature.count == 64, let key = try? Curve25519.Signing.PublicKey(rawRepresentation: rawRepresentation) else { return false }
        return key.isValidSignature(signature, for: message)
    }

    static func fingerprint(of raw: [UInt8]) -> String {
        Base32.encode(Array(SHA256.hash(data: raw).prefix(5)))
    }
}

/// An issuer's Ed25519 signing key (private). Signing is deterministic (RFC 8032) with the
/// BoringSSL backend that swift-crypto uses on Linux.
public struct IssuerKey: Sendable {
    public let issuer: IssuerCode
    /// The day the key was made, recorded in its file.
    public let created: CalendarDate
    /// The 32-byte Ed25519 private key (the RFC 8032 seed).
    let seed: [UInt8]
    public let publicKey: IssuerPublicKey

    /// A new random key from the system's secure random source.
    public static func generate(issuer: IssuerCode, created: CalendarDate) -> IssuerKey {
        let key = Curve25519.Signing.PrivateKey()
        // A fresh key always has 32 bytes; the initializer cannot fail here.
        return try! IssuerKey(issuer: issuer, seed: Array(key.rawRepresentation), created: created)
    }

    /// The key whose RFC 8032 private seed is `seed` (32 bytes).
    public init(issuer: IssuerCode, seed: [UInt8], created: CalendarDate) throws(CredentialError) {
        guard seed.count == 32, let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed) else {
            throw .invalidPrivateKey
        }
        self.issuer = issuer
        self.created = created
        self.seed = seed
        self.publicKey = try IssuerPublicKey(issuer: issuer, rawRepresentation: Array(key.publicKey.rawRepresentation))
    }

    public var kid: String { publicKey.kid }

    /// The 64-byte Ed25519 signature of `message`.
    public func sign(_ message: [UInt8]) -> [UInt8] {
        // The seed was validated in `init`; BoringSSL's Ed25519 signing does not fail.
        let key = try! Curve25519.Signing.PrivateKey(rawRepresentation: seed)
        return Array(try! key.signature(for: message))
    }
}
