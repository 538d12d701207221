import Foundation
import OCOPCredentials
import OCOPDomain
import Testing

@Suite struct CertificateVerificationTests {
    let signed = try! SignedCertificate.issue(realisticPayload, with: provinceKey, address: address)

    @Test func bothFormsVerifyToTheSameFields() throws {
        let compact = try CertificateVerifier.verify(text: signed.compactText, trustList: trustList)
        let url = try CertificateVerifier.verify(text: try #require(signed.urlText), trustList: trustList)
        for verified in [compact, url] {
            #expect(verified.payload == realisticPayload)
            #expect(verified.kid == provinceKey.kid)
            #expect(verified.issuer.code == code("79"))
            #expect(verified.key.kid == provinceKey.kid)
        }
        #expect(compact.form == .compact)
        #expect(url.form == .url(prefix: "HTTPS://OCOP.TPHCM.GOV.VN/C/"))
        #expect(signed.qrText == signed.urlText)
        #expect(signed.urlText!.hasPrefix("HTTPS://OCOP.TPHCM.GOV.VN/C/"))
        // A browser lower-cases the scheme and host; the Base32 path is kept as is.
        let browser = "https://ocop.tphcm.gov.vn/C/" + Base32.encode(signed.bytes)
        #expect(try CertificateVerifier.verify(text: browser, trustList: trustList).payload == realisticPayload)
        // Whitespace around a scanned text does not matter.
        #expect(try CertificateVerifier.verify(text: signed.compactText + "\n", trustList: trustList).payload == realisticPayload)
    }

    @Test func bothTextsUseOnlyAlphanumericModeCharacters() {
        #expect(QRCapacity.isAlphanumeric(signed.compactText))
        #expect(QRCapacity.isAlphanumeric(signed.urlText!))
    }

    /// Every single-character change (two substitutes per position) and every single-character
    /// deletion of the compact text is refused.
    @Test func everyAlteredCharacterOfTheCompactTextIsRefused() {
        let text = Array(signed.compactText.unicodeScalars)
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".unicodeScalars)
        var accepted: [String] = []
        for position in text.indices {
            let current = alphabet.firstIndex(of: text[position])!
            var variants: [[Unicode.Scalar]] = []
            for step in [1, 22] {
                var altered = text
                altered[position] = alphabet[(current + step) % alphabet.count]
                variants.append(altered)
            }
            var deleted = text
            deleted.remove(at: position)
            variants.append(deleted)
            for variant in variants {
                var string = ""
                string.unicodeScalars.append(contentsOf: variant)
                if (try? CertificateVerifier.verify(text: string, trustList: trustList)) != nil { accepted.append(string) }
            }
        }
        #expect(accepted.isEmpty, "accepted: \(accepted.prefix(3))")
    }

    /// In the URL form every change to the payload part is refused; a change to the address part
    /// is either refused or yields exactly the same fields (the address is not signed).
    @Test func everyAlteredCharacterOfTheURLTextIsRefusedOrChangesNothing() {
        let url = signed.urlText!
        let text = Array(url.unicodeScalars)
        let prefixLength = address.prefix.unicodeScalars.count
        let base32 = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".unicodeScalars)
        let alphanumeric = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".unicodeScalars)
        var problems: [String] = []
        for position in text.indices {
            let alphabet = position < prefixLength ? alphanumeric : base32
            let current = alphabet.firstIndex(of: text[position])!
            for step in [1, 13] {
                var altered = text
                altered[position] = alphabet[(current + step) % alphabet.count]
                var string = ""
                string.unicodeScalars.append(contentsOf: altered)
                guard let verified = try? CertificateVerifier.verify(text: string, trustList: trustList) else { continue }
                if position >= prefixLength || verified.payload != realisticPayload { problems.append(string) }
            }
        }
        #expect(problems.isEmpty, "accepted: \(problems.prefix(3))")
    }

    @Test func otherCodesAreNotOCOPPayloads() {
        for text in ["", "HELLO", "https://example.com/", "https://example.com/about/contact", "WIFI:S:ocop;T:WPA;P:x;;",
                     "OC:ABC", "HC1:NCFOXN%TS3DH"] {
            #expect(throws: CredentialError.notAnOCOPPayload, "\(text)") { try CertificateVerifier.verify(text: text, trustList: trustList) }
        }
    }

    @Test func anotherFormatVersionIsNamed() throws {
        #expect(throws: CredentialError.unsupportedPayloadVersion(2)) {
            try CertificateVerifier.verify(text: "OC2:" + Base45.encode(signed.bytes), trustList: trustList)
        }
        var bytes = signed.bytes
        bytes[0] = 2
        #expect(throws: CredentialError.unsupportedPayloadVersion(2)) {
            try CertificateVerifier.verify(text: address.prefix + Base32.encode(bytes), trustList: trustList)
        }
    }

    @Test func damagedCodesAreMalformed() throws {
        func malformed(_ text: String) -> Bool {
            do {
                _ = try CertificateVerifier.verify(text: text, trustList: trustList)
                return false
            } catch {
                if case .malformedPayload = error { return true }
                return false
            }
        }
        var bytes = signed.bytes
        bytes[0] = 2
        #expect(malformed("OC1:" + Base45.encode(bytes)))  // the version byte contradicts the prefix
        #expect(malformed("OC1:" + "abc"))
        #expect(malformed("OC1:" + Base45.encode([1, 2, 3])))
        #expect(malformed(String(signed.compactText.dropLast(3))))
        #expect(malformed(address.prefix + Base32.encode(signed.bytes).lowercased()))
        // A well-signed text that is not a record.
        let garbage = Array("not|a|record".utf8)
        let zipped = try Zlib.compress(garbage, format: .zlib, dictionary: PayloadDictionary.bytes)
        #expect(malformed("OC1:" + Base45.encode([1] + zipped + provinceKey.sign([1] + zipped))))
    }

    @Test func aKeyOutsideTheTrustListIsUnknown() throws {
        let stranger = try IssuerKey(issuer: code("79"), seed: seed(200), created: date("2026-01-05"))
        let forged = try SignedCertificate.issue(realisticPayload, with: stranger)
        #expect(throws: CredentialError.unknownKey(kid: stranger.kid)) {
            try CertificateVerifier.verify(text: forged.compactText, trustList: trustList)
        }
    }

    @Test func anotherIssuersKeyIsRefused() throws {
        // Lâm Đồng's key material presented as a key of Hồ Chí Minh City.
        let borrowed = try IssuerKey(issuer: code("79"), seed: seed(68), created: date("2026-01-05"))
        let forged = try SignedCertificate.issue(realisticPayload, with: borrowed)
        #expect(throws: CredentialError.keyIssuerMismatch(kid: borrowed.kid, keyIssuer: "68", claimedIssuer: "79")) {
            try CertificateVerifier.verify(text: forged.qrText, trustList: trustList)
        }
    }

    @Test func aKeyOutOfServiceOnTheIssueDateIsRefused() throws {
        for change in [{ (key: inout TrustedKey) in key.validFrom = date("2026-08-06") },
                       { (key: inout TrustedKey) in key.validUntil = date("2026-08-04") },
                       { (key: inout TrustedKey) in key.retired = date("2026-08-05") }] {
            var list = trustList
            change(&list.issuers[0].keys[0])
            #expect(throws: CredentialError.keyNotValidOnDate(kid: provinceKey.kid, date: date("2026-08-05"))) {
                try CertificateVerifier.verify(text: signed.compactText, trustList: list)
            }
        }
        var list = trustList
        list.issuers[0].keys[0].retired = date("2026-08-06")
        #expect(try CertificateVerifier.verify(text: signed.compactText, trustList: list).payload == realisticPayload)
    }

    /// Re-compressing an edited record under the original signature: the signature catches it.
    @Test func anyAlteredFieldBreaksTheSignature() throws {
        let record = String(decoding: signed.record, as: UTF8.self)
        let edits = [("|4|78.33|", "|5|78.33|"), ("Mãng cầu", "Măng cụt"), ("|20290805|", "|20310805|"),
                     ("|131071", "|131072"), ("Nguyễn Thị", "Nguyễn Văn")]
        for (from, to) in edits {
            #expect(record.contains(from))
            let edited = Array(record.replacingOccurrences(of: from, with: to).utf8)
            let zipped = try Zlib.compress(edited, format: .zlib, dictionary: PayloadDictionary.bytes)
            let bytes = [1] + zipped + Array(signed.bytes.suffix(64))
            #expect(throws: CredentialError.badSignature(kid: provinceKey.kid)) {
                try CertificateVerifier.verify(text: "OC1:" + Base45.encode(bytes), trustList: trustList)
            }
        }
        var flipped = signed.bytes
        flipped[flipped.count - 10] ^= 0x20
        #expect(throws: CredentialError.badSignature(kid: provinceKey.kid)) {
            try CertificateVerifier.verify(text: "OC1:" + Base45.encode(flipped), trustList: trustList)
        }
    }

    @Test func expiryIsTheCallersToJudge() throws {
        let verified = try CertificateVerifier.verify(text: signed.compactText, trustList: trustList)
        #expect(!verified.isExpired(on: date("2029-08-05")))
        #expect(verified.isExpired(on: date("2029-08-06")))
    }

    @Test func payloadsTooLargeForVersion20AreRefused() throws {
        var payload = realisticPayload
        // Text that does not compress: 400 random CJK ideographs.
        var generator = SplitMix(seed: 9)
        payload.producerName = String((0..<400).map { _ in Character(Unicode.Scalar(UInt32.random(in: 0x4E00...0x9FFF, using: &generator))!) })
        #expect(throws: CredentialError.payloadTooLarge(form: .compact, characters: try SignedCertificate.measure(payload, signer: provinceKey.publicKey).compactCharacters, capacity: 702)) {
            try SignedCertificate.issue(payload, with: provinceKey)
        }
        // Just small enough for the compact form but not for the URL form.
        var size = 300
        while size > 0 {
            payload.producerName = String(payload.producerName.prefix(size))
            let measured = try SignedCertificate.measure(payload, signer: provinceKey.publicKey, address: address)
            if measured.compactCharacters <= 702 {
                #expect(measured.urlCharacters! > 702)
                #expect(throws: CredentialError.payloadTooLarge(form: .url(prefix: address.prefix), characters: measured.urlCharacters!, capacity: 702)) {
                    try SignedCertificate.issue(payload, with: provinceKey, address: address)
                }
                _ = try SignedCertificate.issue(payload, with: provinceKey)
                return
            }
            size -= 1
        }
        Issue.record("no size fits the compact form")
    }
}
