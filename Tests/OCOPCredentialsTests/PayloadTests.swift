import Foundation
import OCOPCredentials
import OCOPDomain
import Testing

@Suite struct CertificatePayloadTests {
    @Test func recordIsTheDocumentedText() throws {
        let signed = try SignedCertificate.issue(realisticPayload, with: provinceKey)
        let expected = [
            provinceKey.publicKey.fingerprint, "79-2026-000153", "79", "Ủy ban nhân dân thành phố Hồ Chí Minh",
            "Trà mãng cầu xiêm sấy lạnh Tân Phước", "79-26734-015-2026", "11",
            "Hợp tác xã Nông nghiệp Dịch vụ Mãng cầu Bình Lợi", "Ấp Tân Phước, xã Bình Lợi, Thành phố Hồ Chí Minh",
            "2026", "2", "4", "78.33", "TP. Hồ Chí Minh", "20260805", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
            "Nguyễn Thị Phương Thảo", "12345/QĐ-UBND", "20260805", "20290805", "131071",
        ].joined(separator: "|")
        #expect(String(decoding: signed.record, as: UTF8.self) == expected)
        #expect(signed.kid == provinceKey.kid)
        #expect(signed.bytes.first == 1)
        #expect(signed.bytes.count == 1 + (signed.bytes.count - 65) + 64)
        #expect(signed.compactText.hasPrefix("OC1:"))
        #expect(signed.urlText == nil)
        #expect(signed.qrText == signed.compactText)
    }

    /// The QR texts of the realistic certificate, pinned: Ed25519 signing is deterministic and
    /// zlib's output is fixed for a given zlib version, so any change to the format shows here.
    @Test func qrTextsArePinned() throws {
        let signed = try SignedCertificate.issue(realisticPayload, with: provinceKey, address: address)
        try expectGolden(signed.compactText + "\n" + signed.urlText! + "\n", named: "certificate-qr.txt")
    }

    @Test func separatorsAndBackslashesAreEscaped() throws {
        var payload = realisticPayload
        payload.producerName = #"HTX A|B \ C\|"#
        payload.score = nil
        payload.signerPrefix = ""
        let signed = try SignedCertificate.issue(payload, with: provinceKey, address: address)
        let record = String(decoding: signed.record, as: UTF8.self)
        #expect(record.contains(#"|HTX A\|B \\ C\\\||"#))
        #expect(record.contains("|4||TP. Hồ Chí Minh|"))  // no score
        #expect(record.contains("|20260805||CHỦ TỊCH|"))  // no signing-authority line
        let verified = try CertificateVerifier.verify(text: signed.qrText, trustList: trustList)
        #expect(verified.payload == payload)
        #expect(verified.payload.producerName == #"HTX A|B \ C\|"#)
        #expect(verified.payload.score == nil)
    }

    @Test func textIsSignedInNFC() throws {
        var payload = realisticPayload
        payload.productName = realisticPayload.productName.decomposedStringWithCanonicalMapping
        #expect(payload.productName.unicodeScalars.count > realisticPayload.productName.unicodeScalars.count)
        let signed = try SignedCertificate.issue(payload, with: provinceKey)
        #expect(signed.record == (try SignedCertificate.issue(realisticPayload, with: provinceKey)).record)
        let verified = try CertificateVerifier.verify(text: signed.compactText, trustList: trustList)
        #expect(verified.payload == realisticPayload)
        #expect(Array(verified.payload.productName.utf8) == Array(realisticPayload.productName.precomposedStringWithCanonicalMapping.utf8))
        #expect(CertificateLimits.length(of: payload.productName) == CertificateLimits.length(of: realisticPayload.productName))
    }

    @Test func theFormatRulesAreEnforcedWhenIssuing() {
        func refused(_ field: CertificateField, _ change: (inout CertificatePayload) -> Void) -> Bool {
            var payload = realisticPayload
            change(&payload)
            do {
                _ = try SignedCertificate.issue(payload, with: provinceKey)
                return false
            } catch {
                if case .fieldInvalid(field, _, _) = error { return true }
                return false
            }
        }
        #expect(refused(.producerName) { $0.producerName = "" })
        #expect(refused(.producerAddress) { $0.producerAddress = "Ấp 1\nxã 2" })
        #expect(refused(.productName) { $0.productName = "Trà\u{0}" })
        #expect(refused(.productName) { $0.productName = "Trà\u{2028}sen" })
        #expect(refused(.signerName) { $0.signerName = " Nguyễn Văn A" })
        #expect(refused(.signerName) { $0.signerName = "Nguyễn Văn A\u{A0}" })
        #expect(refused(.stars) { $0.stars = 2 })
        #expect(refused(.stars) { $0.stars = 6 })
        #expect(refused(.evaluationRound) { $0.evaluationRound = 0 })
        #expect(refused(.evaluationYear) { $0.evaluationYear = 999 })
        #expect(refused(.statusListIndex) { $0.statusListIndex = -1 })
        #expect(refused(.statusListIndex) { $0.statusListIndex = CertificateLimits.statusListIndexBound })
        #expect(refused(.productCode) { $0.productCode = ProductCode(provinceCode: "", communeCode: "26734", serial: 1, year: 2026) })
        #expect(!refused(.signerPrefix) { $0.signerPrefix = "" })
    }

    @Test func aKeySignsOnlyForItsIssuer() {
        #expect(throws: CredentialError.keyIssuerMismatch(kid: secondProvinceKey.kid, keyIssuer: "68", claimedIssuer: "79")) {
            try SignedCertificate.issue(realisticPayload, with: secondProvinceKey)
        }
    }

    @Test func lengthLimits() throws {
        #expect(realisticPayload.fieldsOverLimits().isEmpty)
        let over = longPayload.fieldsOverLimits().map(\.field)
        #expect(over == [.productName, .producerName, .producerAddress])
        #expect(throws: CredentialError.fieldTooLong(.producerName, length: 49, limit: 48)) {
            try CertificateLimits.check(String(repeating: "ệ", count: 49), for: .producerName)
        }
        try CertificateLimits.check(String(repeating: "ệ", count: 48).decomposedStringWithCanonicalMapping, for: .producerName)
        try CertificateLimits.check(String(repeating: "9", count: 400), for: .stars)  // no limit: not a text field
        #expect(CertificateField.textFields.allSatisfy { $0.maximumLength != nil })
    }

    @Test func verificationAddresses() throws {
        #expect(try VerificationAddress("https://ocop.tphcm.gov.vn/c/").prefix == "HTTPS://OCOP.TPHCM.GOV.VN/C/")
        #expect(try VerificationAddress("https://ocop.gov.vn").prefix == "HTTPS://OCOP.GOV.VN/")
        #expect(try VerificationAddress("HTTPS://OCOP.GOV.VN:8443/XAC/").prefix == "HTTPS://OCOP.GOV.VN:8443/XAC/")
        for bad in ["", "https://", "https:/", "http://ocop.gov.vn/c/", "https:///c/", "https://x/\u{301}", "https:/\u{301}/x/", "https://ocop.gov.vn/c?x=1", "https://ocop gov.vn/",
                    "https://ocop.gov.vn//c/", "https://ocop.gov.vn:port/", "https://.gov.vn/", "https://ocop.tỉnh.vn/",
                    "https://ocop.hochiminhcity.gov.vn/xac-thuc/"] {
            #expect(throws: CredentialError.self, "\(bad)") { try VerificationAddress(bad) }
        }
    }

    @Test func scores() {
        #expect(CertificateScore(hundredths: 7833)?.plain == "78.33")
        #expect(CertificateScore(hundredths: 7005)?.display(.vi) == "70,05")
        #expect(CertificateScore(hundredths: 10_000)?.plain == "100.00")
        #expect(CertificateScore(hundredths: 10_001) == nil)
        #expect(CertificateScore(ExactMean(sum: 421, count: 6))?.plain == "70.17")
    }
}
