import OCOPDomain

/// The web address a phone camera opens: `HTTPS://HOST/PATH/`, written in upper case so the
/// whole QR text stays in the alphanumeric mode. Host names are case-insensitive; the server
/// must answer the upper-case path (e.g. `/C/`).
public struct VerificationAddress: Sendable, Hashable, CustomStringConvertible {
    /// The upper-case prefix, ending with `/`.
    public let prefix: String

    /// Accepts an address in any case (`https://ocop.lamdong.gov.vn/c/`), with or without the
    /// final `/`; letters, digits, `-`, `.`, `/` and a `:port` only, at most
    /// `CertificateLimits.verificationAddress` characters once upper-cased.
    public init(_ text: String) throws(CredentialError) {
        var upper = text.uppercased()
        if !upper.hasSuffix("/") { upper += "/" }
        func invalid(_ vi: String, _ en: String) -> CredentialError {
            .verificationAddressInvalid(text, reason: LocalizedText(vi: vi, en: en))
        }
        guard upper.hasPrefix("HTTPS://") else {
            throw invalid("phải bắt đầu bằng https://", "it must begin with https://")
        }
        let rest = upper.dropFirst("HTTPS://".count)
        guard let slash = rest.firstIndex(of: "/") else { throw invalid("thiếu tên máy chủ", "the host name is missing") }
        let authority = rest[..<slash].split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let host = authority[0]
        let path = rest[slash...]
        func allowed(_ text: Substring, _ extra: String, letters: Bool = true) -> Bool {
            text.utf8.allSatisfy { (letters && (65...90).contains($0)) || (48...57).contains($0) || extra.utf8.contains($0) }
        }
        guard !host.isEmpty, allowed(host, "-."), host.first != ".", host.last != "." else {
            throw invalid("tên máy chủ chỉ gồm chữ cái, chữ số, - và .", "the host name may hold only letters, digits, - and .")
        }
        if authority.count == 2 {
            guard (1...5).contains(authority[1].utf8.count), allowed(authority[1], "", letters: false) else {
                throw invalid("cổng phải là số", "the port must be a number")
            }
        }
        guard allowed(path, "-./"), !path.contains("//") else {
            throw invalid("đường dẫn chỉ gồm chữ cái, chữ số, - . và /", "the path may hold only letters, digits, - . and /")
        }
        guard upper.count <= CertificateLimits.verificationAddress else {
            throw invalid("dài \(upper.count) ký tự, tối đa \(CertificateLimits.verificationAddress)",
                          "it is \(upper.count) characters, at most \(CertificateLimits.verificationAddress)")
        }
        prefix = upper
    }

    public var description: String { prefix }
}

/// The sizes of a certificate's QR text in both forms.
public struct CertificateCodeSize: Sendable, Hashable {
    /// Bytes of the canonical record, of its zlib stream, and of the whole signed payload.
    public let recordBytes: Int
    public let compressedBytes: Int
    public let payloadBytes: Int
    public let compactCharacters: Int
    public let compactVersion: Int?
    public let urlCharacters: Int?
    public let urlVersion: Int?
}

/// A signed certificate payload and its QR texts (payload format 1).
///
/// Bytes: `0x01` (format) ‖ zlib stream of the record, with the preset `PayloadDictionary` ‖
/// Ed25519 signature (64 bytes) of everything before it (`0x01 ‖ zlib stream`). The compact text is `OC1:` + Base45 of the
/// bytes; the URL text is the verification address + Base32 of the same bytes.
public struct SignedCertificate: Sendable, Hashable {
    public static let version: UInt8 = 1
    public static let compactPrefix = "OC1:"
    /// A record is a few hundred bytes; inflating stops well above any real one.
    static let recordLimit = 4096

    public let payload: CertificatePayload
    public let kid: String
    /// The canonical record the signature covers (after the format byte), UTF-8.
    public let record: [UInt8]
    /// Format byte, zlib stream, signature.
    public let bytes: [UInt8]
    public let address: VerificationAddress?

    /// `OC1:` + Base45, for the verifier application.
    public var compactText: String { Self.compactPrefix + Base45.encode(bytes) }

    /// The verification address + Base32, when an address is configured.
    public var urlText: String? { address.map { $0.prefix + Base32.encode(bytes) } }

    /// What goes into the QR code: the URL form when an address is configured (any phone camera
    /// opens it), else the compact form.
    public var qrText: String { urlText ?? compactText }

    /// Signs `payload` with `key`. Refuses a payload that breaks the format
    /// (`CertificatePayload.validate`), a key of another issuer, and a payload whose QR text (in
    /// the compact form, and in the URL form when `address` is given) would exceed version 20 at
    /// level Q.
    public static func issue(_ payload: CertificatePayload, with key: IssuerKey, address: VerificationAddress? = nil) throws(CredentialError) -> SignedCertificate {
        guard key.issuer == payload.issuerCode else {
            throw .keyIssuerMismatch(kid: key.kid, keyIssuer: key.issuer.value, claimedIssuer: payload.issuerCode.value)
        }
        try payload.validate()
        let record = CertificateRecord.text(of: payload, fingerprint: key.publicKey.fingerprint)
        let compressed = try Zlib.compress(record, format: .zlib, dictionary: PayloadDictionary.bytes)
        // The signature covers the bytes as printed (format byte and zlib stream), so no bit of
        // the code can change without breaking it; the zlib stream determines the record.
        let signed = [version] + compressed
        let certificate = SignedCertificate(payload: payload, kid: key.kid, record: record, bytes: signed + key.sign(signed), address: address)
        let capacity = QRCapacity.certificateCapacity
        let compact = certificate.compactText.utf8.count
        guard compact <= capacity else { throw .payloadTooLarge(form: .compact, characters: compact, capacity: capacity) }
        if let address, let url = certificate.urlText?.utf8.count, url > capacity {
            throw .payloadTooLarge(form: .url(prefix: address.prefix), characters: url, capacity: capacity)
        }
        return certificate
    }

    /// The exact sizes `issue` would produce with a key of `signer` (a signature is always 64
    /// bytes), without signing: for checking a certificate before it is issued.
    public static func measure(_ payload: CertificatePayload, signer: IssuerPublicKey, address: VerificationAddress? = nil) throws(CredentialError) -> CertificateCodeSize {
        try payload.validate()
        let record = CertificateRecord.text(of: payload, fingerprint: signer.fingerprint)
        let compressed = try Zlib.compress(record, format: .zlib, dictionary: PayloadDictionary.bytes)
        let total = 1 + compressed.count + 64
        let compact = compactPrefix.utf8.count + Base45.encodedLength(of: total)
        let url = address.map { $0.prefix.utf8.count + Base32.encodedLength(of: total) }
        return CertificateCodeSize(
            recordBytes: record.count, compressedBytes: compressed.count, payloadBytes: total,
            compactCharacters: compact, compactVersion: QRCapacity.smallestVersion(alphanumericCharacters: compact),
            urlCharacters: url, urlVersion: url.flatMap { QRCapacity.smallestVersion(alphanumericCharacters: $0) })
    }
}
