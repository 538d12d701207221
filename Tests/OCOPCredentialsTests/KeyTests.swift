import Foundation
import OCOPCredentials
import OCOPDomain
import Testing

@Suite struct IssuerKeyTests {
    // RFC 8032 §7.1, TEST 1 (empty message).
    let rfcSeed: [UInt8] = hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
    let rfcPublic: [UInt8] = hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
    let rfcSignature: [UInt8] = hex(
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")

    @Test func signsAsRFC8032Says() throws {
        let key = try IssuerKey(issuer: code("24"), seed: rfcSeed, created: date("2026-01-05"))
        #expect(key.publicKey.rawRepresentation == rfcPublic)
        // Deterministic: the same key and message always give the RFC's signature.
        #expect(key.sign([]) == rfcSignature)
        #expect(key.publicKey.isValidSignature(rfcSignature, for: []))
        #expect(!key.publicKey.isValidSignature(rfcSignature, for: [0]))
    }

    @Test func kidIsIssuerAndFingerprint() throws {
        let key = try IssuerKey(issuer: code("24"), seed: rfcSeed, created: date("2026-01-05"))
        // Base32 of the first 5 bytes of SHA-256(public key), computed independently with Python's hashlib.
        #expect(key.publicKey.fingerprint == "EH7DDX5B")
        #expect(key.kid == "24-EH7DDX5B")
        #expect(key.publicKey.base64url == "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo")
        let ministry = try IssuerKey(issuer: code("BNNMT"), seed: rfcSeed, created: date("2026-01-05"))
        #expect(ministry.kid == "BNNMT-EH7DDX5B")
    }

    @Test func generatedKeysDiffer() {
        let a = IssuerKey.generate(issuer: code("24"), created: date("2026-01-05"))
        let b = IssuerKey.generate(issuer: code("24"), created: date("2026-01-05"))
        #expect(a.kid != b.kid)
        #expect(a.kid.hasPrefix("24-") && a.kid.count == 11)
    }

    @Test(arguments: ["", "bnnmt", "24-1", "ABCDEFGHI", "Đ1", "24 "])
    func issuerCodesAreUpperCaseAlphanumeric(text: String) {
        #expect(throws: CredentialError.invalidIssuerCode(text)) { try IssuerCode(text) }
    }

    @Test func badKeyMaterialIsRefused() {
        #expect(throws: CredentialError.invalidPrivateKey) { try IssuerKey(issuer: code("24"), seed: [1, 2, 3], created: date("2026-01-05")) }
        #expect(throws: CredentialError.self) { try IssuerPublicKey(issuer: code("24"), rawRepresentation: [UInt8](repeating: 1, count: 31)) }
    }

    /// OpenSSL reads the exported PEM and accepts our signature: what a third-party verifier needs.
    @Test func openSSLVerifiesWithTheExportedKey() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ocop-openssl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let message = Array("OC1 Hợp tác xã".utf8)
        try provinceKey.publicKey.pem.write(to: folder.appendingPathComponent("key.pem"), atomically: true, encoding: .utf8)
        try Data(message).write(to: folder.appendingPathComponent("message"))
        try Data(provinceKey.sign(message)).write(to: folder.appendingPathComponent("signature"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "key.pem", "-rawin",
                             "-in", "message", "-sigfile", "signature"]
        process.currentDirectoryURL = folder
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}

func hex(_ text: String) -> [UInt8] {
    var bytes: [UInt8] = []
    var index = text.startIndex
    while index < text.endIndex {
        let next = text.index(index, offsetBy: 2)
        bytes.append(UInt8(text[index..<next], radix: 16)!)
        index = next
    }
    return bytes
}
