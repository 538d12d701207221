import OCOPCredentials
import OCOPDomain
import PropertyBased
import Testing

/// The QR code of every certificate within the documented limits fits version 20 at level Q in
/// the alphanumeric mode, in both text forms.
@Suite struct CertificateSizeTests {
    /// The longest address `CertificateLimits.verificationAddress` allows (32 characters).
    let longestAddress = try! VerificationAddress("https://ocop.bacninh.gov.vn/xac/")
    let widestKey = try! IssuerKey(issuer: code("ABCDEFGH"), seed: seed(8), created: date("2026-01-01"))

    @Test func capacityTable() {
        #expect(QRCapacity.alphanumericLevelQ.count == 40)
        #expect(QRCapacity.certificateCapacity == 702)
        #expect(QRCapacity.smallestVersion(alphanumericCharacters: 0) == 1)
        #expect(QRCapacity.smallestVersion(alphanumericCharacters: 702) == 20)
        #expect(QRCapacity.smallestVersion(alphanumericCharacters: 703) == 21)
        #expect(QRCapacity.smallestVersion(alphanumericCharacters: 2420) == 40)
        #expect(QRCapacity.smallestVersion(alphanumericCharacters: 2421) == nil)
        #expect(zip(QRCapacity.alphanumericLevelQ, QRCapacity.alphanumericLevelQ.dropFirst()).allSatisfy { $0 < $1 })
        #expect(longestAddress.prefix.count == CertificateLimits.verificationAddress)
    }

    @Test func realisticWorstCaseFits() throws {
        #expect(realisticPayload.fieldsOverLimits().isEmpty)
        for candidate in [address, longestAddress] {
            let size = try SignedCertificate.measure(realisticPayload, signer: provinceKey.publicKey, address: candidate)
            let signed = try SignedCertificate.issue(realisticPayload, with: provinceKey, address: candidate)
            #expect(size.compactCharacters == signed.compactText.count)
            #expect(size.urlCharacters == signed.urlText!.count)
            #expect(size.payloadBytes == signed.bytes.count)
            #expect(size.recordBytes == signed.record.count)
            #expect(size.compactVersion! <= 20 && size.urlVersion! <= 20)
            print("realistic (\(candidate.prefix.count)-char address): record \(size.recordBytes) B, zlib \(size.compressedBytes) B, payload \(size.payloadBytes) B; OC1 \(size.compactCharacters) chars V\(size.compactVersion!)-Q; URL \(size.urlCharacters!) chars V\(size.urlVersion!)-Q")
        }
    }

    @Test func longerRealNamesStillFit() throws {
        #expect(!longPayload.fieldsOverLimits().isEmpty)
        let size = try SignedCertificate.measure(longPayload, signer: secondProvinceKey.publicKey, address: longestAddress)
        #expect(size.compactVersion! <= 20 && size.urlVersion! <= 20)
        print("long names: record \(size.recordBytes) B, payload \(size.payloadBytes) B; OC1 \(size.compactCharacters) chars V\(size.compactVersion!)-Q; URL \(size.urlCharacters!) chars V\(size.urlVersion!)-Q")
    }

    @Test func everyPayloadAtTheLimitsFits() async throws {
        let list = TrustList(issuers: [TrustedIssuer(code: widestKey.issuer, name: "Kiểm thử", kind: .province,
                                                     keys: [TrustedKey(widestKey.publicKey, validFrom: date("2026-01-01"))])])
        await propertyCheck(count: 300, input: Gen.uint64()) { (seed) throws in
            var generator = SplitMix(seed: seed)
            let payload = randomPayloadAtLimits(issuer: widestKey.issuer, using: &generator)
            #expect(payload.fieldsOverLimits().isEmpty)
            let signed = try SignedCertificate.issue(payload, with: widestKey, address: longestAddress)
            #expect(signed.compactText.count <= 702 && signed.urlText!.count <= 702)
            #expect(try CertificateVerifier.verify(text: signed.urlText!, trustList: list).payload == payload)
            #expect(try CertificateVerifier.verify(text: signed.compactText, trustList: list).payload == payload)
        }
    }

    /// Any text at all (other scripts, emoji, combining marks, the separator and the escape
    /// character) either round-trips exactly or is refused as too large: never a larger code,
    /// never a different certificate.
    @Test func anyTextRoundTripsOrIsRefusedAsTooLarge() async {
        let pools: [ClosedRange<UInt32>] = [0x20...0x7E, 0xC0...0x1B0, 0x1EA0...0x1EF9, 0x300...0x36F, 0x4E00...0x4FFF, 0x1F600...0x1F64F]
        await propertyCheck(count: 200, input: Gen.uint64()) { (seed) throws in
            var generator = SplitMix(seed: seed)
            func text(_ field: CertificateField) -> String {
                let length = Int.random(in: 1...field.maximumLength!, using: &generator)
                var scalars = String.UnicodeScalarView()
                for _ in 0..<length {
                    let pool = pools.randomElement(using: &generator)!
                    scalars.append(Unicode.Scalar(UInt32.random(in: pool, using: &generator)) ?? "|")
                }
                var result = String(scalars)
                if Int.random(in: 0..<4, using: &generator) == 0 { result = "\\|" + result }
                // Leading and trailing white space is a format error, not what this test is about.
                while let first = result.unicodeScalars.first, first.properties.isWhitespace { result.unicodeScalars.removeFirst() }
                while let last = result.unicodeScalars.last, last.properties.isWhitespace { result.unicodeScalars.removeLast() }
                return result.isEmpty ? "X" : result
            }
            var payload = realisticPayload
            payload.productName = text(.productName)
            payload.producerName = text(.producerName)
            payload.producerAddress = text(.producerAddress)
            payload.signerName = text(.signerName)
            payload.certificateNumber = text(.certificateNumber)
            do {
                let signed = try SignedCertificate.issue(payload, with: provinceKey, address: address)
                #expect(signed.compactText.count <= 702 && signed.urlText!.count <= 702)
                let verified = try CertificateVerifier.verify(text: signed.qrText, trustList: trustList)
                #expect(verified.payload == payload)
            } catch let error as CredentialError {
                guard case .payloadTooLarge = error else {
                    Issue.record("unexpected: \(error.message(.en))")
                    return
                }
            }
        }
    }
}
