import Foundation
import OCOPDomain

/// Whether a certificate's bit is set in its issuer's revocation list.
public enum CertificateStatus: String, Sendable, Hashable {
    case active
    case revoked
}

/// A certificate whose signature checked out against the trust list.
public struct VerifiedCertificate: Sendable, Hashable {
    /// The decoded fields: compare them with the printed certificate.
    public let payload: CertificatePayload
    public let kid: String
    public let issuer: TrustedIssuer
    public let key: TrustedKey
    /// Which text form was read (and, for the URL form, the address it named).
    public let form: CertificateQRForm

    /// `true` after the last day of validity (the certificate is valid to the end of `validUntil`).
    public func isExpired(on date: CalendarDate) -> Bool { date > payload.validUntil }

    /// The certificate's bit in `list`; the caller makes sure `list` is this issuer's.
    public func status(in list: StatusList) throws(CredentialError) -> CertificateStatus {
        try list.isSet(payload.statusListIndex) ? .revoked : .active
    }

    /// The certificate's bit in a verified status list, which must be its issuer's.
    public func status(in list: VerifiedStatusList) throws(CredentialError) -> CertificateStatus {
        guard list.issuer.code == issuer.code else {
            throw .statusListIssuerMismatch(listIssuer: list.issuer.code.value, certificateIssuer: issuer.code.value)
        }
        return try status(in: list.credential.list)
    }
}

/// Offline verification of a certificate's QR text against a trust list.
public enum CertificateVerifier {
    /// Decodes `text` (either form) and checks it, in this order, each failure with its own error:
    /// 1. the text is an OCOP code (`OC1:` + Base45, or `http(s)://…/` + Base32) — `notAnOCOPPayload`;
    /// 2. format byte 1 — `unsupportedPayloadVersion`;
    /// 3. the text decodes, inflates and parses to a canonical record — `malformedPayload`;
    /// 4. the kid (claimed issuer + key fingerprint) is in the trust list — `unknownKey`, or
    ///    `keyIssuerMismatch` when the key is listed under another issuer;
    /// 5. the Ed25519 signature of the format byte and zlib stream matches — `badSignature`;
    /// 6. the key was in service on the issue date — `keyNotValidOnDate`.
    /// Expiry and revocation are the caller's to judge (`isExpired(on:)`, `status(in:)`).
    public static func verify(text: String, trustList: TrustList) throws(CredentialError) -> VerifiedCertificate {
        let (bytes, form) = try decodeText(text)
        guard bytes.count > 1 + 64 else {
            throw .malformedPayload(reason: LocalizedText(vi: "dữ liệu quá ngắn (\(bytes.count) byte)", en: "too short (\(bytes.count) bytes)"))
        }
        guard bytes[0] == SignedCertificate.version else {
            if form == .compact {
                throw .malformedPayload(reason: LocalizedText(vi: "byte phiên bản không khớp tiền tố OC1", en: "the version byte does not match the OC1 prefix"))
            }
            throw .unsupportedPayloadVersion(Int(bytes[0]))
        }
        let signature = Array(bytes.suffix(64))
        let record: [UInt8]
        do {
            record = try Zlib.decompress(Array(bytes[1..<(bytes.count - 64)]), format: .zlib, limit: SignedCertificate.recordLimit, dictionary: PayloadDictionary.bytes)
        } catch {
            throw .malformedPayload(reason: LocalizedText(vi: error.message(.vi), en: error.message(.en)))
        }
        let (fingerprint, payload) = try CertificateRecord.parse(record)

        let kid = "\(payload.issuerCode.value)-\(fingerprint)"
        guard let (issuer, key) = trustList.key(kid: kid) else {
            if let (holder, _) = trustList.key(fingerprint: fingerprint) {
                throw .keyIssuerMismatch(kid: kid, keyIssuer: holder.code.value, claimedIssuer: payload.issuerCode.value)
            }
            throw .unknownKey(kid: kid)
        }
        guard issuer.code == payload.issuerCode else {
            throw .keyIssuerMismatch(kid: kid, keyIssuer: issuer.code.value, claimedIssuer: payload.issuerCode.value)
        }
        let publicKey = try trustList.publicKey(of: key, issuer: issuer)
        guard publicKey.isValidSignature(signature, for: Array(bytes.dropLast(64))) else {
            throw .badSignature(kid: kid)
        }
        guard key.isInService(on: payload.issueDate) else {
            throw .keyNotValidOnDate(kid: kid, date: payload.issueDate)
        }
        return VerifiedCertificate(payload: payload, kid: kid, issuer: issuer, key: key, form: form)
    }

    /// The payload bytes of either text form.
    static func decodeText(_ raw: String) throws(CredentialError) -> ([UInt8], CertificateQRForm) {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        func malformed(_ error: CredentialError) -> CredentialError {
            .malformedPayload(reason: LocalizedText(vi: error.message(.vi), en: error.message(.en)))
        }
        if text.hasPrefix(SignedCertificate.compactPrefix) {
            do {
                return (try Base45.decode(String(text.dropFirst(SignedCertificate.compactPrefix.count))), .compact)
            } catch {
                throw malformed(error)
            }
        }
        let lower = text.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://"),
           let slash = text.lastIndex(of: "/"), text.distance(from: text.startIndex, to: slash) >= "https://".count - 1,
           text.distance(from: slash, to: text.endIndex) > minimumURLPayload {
            // A web address whose last segment is long enough to hold a signed payload; a shorter
            // one is some other site's code, not a damaged certificate.
            let data = String(text[text.index(after: slash)...])
            do {
                return (try Base32.decode(data), .url(prefix: String(text[...slash])))
            } catch {
                throw malformed(error)
            }
        }
        if let version = otherVersion(text) { throw .unsupportedPayloadVersion(version) }
        throw .notAnOCOPPayload
    }

    /// Base32 characters of the smallest possible payload (format byte, an 8-byte zlib stream,
    /// a signature: 73 bytes).
    static let minimumURLPayload = Base32.encodedLength(of: 73)

    /// The version of an `OC<n>:` prefix other than 1.
    static func otherVersion(_ text: String) -> Int? {
        guard text.hasPrefix("OC"), let colon = text.firstIndex(of: ":") else { return nil }
        let digits = text[text.index(text.startIndex, offsetBy: 2)..<colon]
        guard (1...3).contains(digits.count), digits.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        return Int(digits)
    }
}
