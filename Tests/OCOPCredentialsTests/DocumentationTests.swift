import Foundation
import OCOPCredentials
import Testing

/// docs/credentials.md is the specification third parties implement: what it states must be
/// what the code does.
@Suite struct DocumentationTests {
    let document = try! String(contentsOf: repositoryRoot.appendingPathComponent("docs/credentials.md"), encoding: .utf8)

    @Test func theDictionaryInTheDocumentIsTheFormatsDictionary() throws {
        let begin = try #require(document.range(of: "<!-- payload-dictionary:begin -->\n```json\n"))
        let end = try #require(document.range(of: "```\n<!-- payload-dictionary:end -->"))
        let json = document[begin.upperBound..<end.lowerBound]
        let phrases = try JSONDecoder().decode([String].self, from: Data(json.utf8))
        #expect(phrases == PayloadDictionary.phrases)
        #expect(phrases.map { Array($0.utf8) } == PayloadDictionary.phrases.map { Array($0.precomposedStringWithCanonicalMapping.utf8) })
        #expect(PayloadDictionary.bytes.count == 2555)
        #expect(adler32(PayloadDictionary.bytes) == 0x382E_FE6D)
        #expect(document.contains("DICTID 0x382EFE6D") && document.contains("2555 bytes"))
    }

    @Test func theExampleRecordIsTheRealOne() throws {
        let signed = try SignedCertificate.issue(realisticPayload, with: provinceKey)
        #expect(document.contains("\n" + String(decoding: signed.record, as: UTF8.self) + "\n"))
        #expect(document.contains(provinceKey.kid))
        #expect(document.contains(provinceKey.publicKey.base64url))
        #expect(document.contains("24-EH7DDX5B"))
    }

    @Test func theCapacityTableIsTheCodes() {
        for (index, capacity) in QRCapacity.alphanumericLevelQ.enumerated() {
            let text = index == 19 ? "**\(capacity)**" : String(capacity)
            #expect(document.contains("| \(text) |") || document.contains("| \(text)\n"), "version \(index + 1)")
        }
    }

    @Test func theLimitsTableIsTheCodes() {
        for field in CertificateField.textFields + [.productCode] {
            #expect(document.contains("| \(field.rawValue) | \(field.maximumLength!) |"), "\(field)")
        }
        #expect(document.contains("| verification address | \(CertificateLimits.verificationAddress) |"))
    }
}

func adler32(_ bytes: [UInt8]) -> UInt32 {
    var a: UInt32 = 1, b: UInt32 = 0
    for byte in bytes {
        a = (a + UInt32(byte)) % 65_521
        b = (b + a) % 65_521
    }
    return b << 16 | a
}
