import Foundation
import OCOPCredentials
import OCOPDomain
import Testing

@Suite final class IssuerKeyFileTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ocop-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber).intValue
    }

    @Test func writesOwnerOnlyAndLoadsBack() throws {
        let file = path("79.key")
        try IssuerKeyFile.write(provinceKey, to: file)
        #expect(try mode(file) == 0o600)
        let loaded = try IssuerKeyFile.load(from: file)
        #expect(loaded.kid == provinceKey.kid)
        #expect(loaded.created == provinceKey.created)
        #expect(loaded.sign([1, 2, 3]) == provinceKey.sign([1, 2, 3]))
        // Nothing but the key file is left in the folder (no temporary file).
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["79.key"])
    }

    @Test func theFileIsDocumentedJSON() throws {
        let text = String(decoding: IssuerKeyFile.encode(provinceKey), as: UTF8.self)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: String]
        #expect(object["format"] == "ocop-issuer-key/1")
        #expect(object["issuer"] == "79")
        #expect(object["kid"] == provinceKey.kid)
        #expect(object["algorithm"] == "Ed25519")
        #expect(object["created"] == "2026-01-05")
        #expect(object["publicKey"] == provinceKey.publicKey.base64url)
        #expect(object["privateKey"] == Base64URL.encode(seed(79)))
        #expect(Set(object.keys).count == 7)
    }

    @Test func neverOverwritesAKey() throws {
        let file = path("79.key")
        try IssuerKeyFile.write(provinceKey, to: file)
        #expect(throws: CredentialError.keyFileExists(path: file)) { try IssuerKeyFile.write(secondProvinceKey, to: file) }
        #expect(try IssuerKeyFile.load(from: file).kid == provinceKey.kid)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["79.key"])
    }

    @Test(arguments: [0o644, 0o640, 0o604, 0o660, 0o606, 0o700 | 0o004])
    func refusesAKeyOthersCanRead(permissions: Int) throws {
        let file = path("open.key")
        try IssuerKeyFile.write(provinceKey, to: file)
        chmod(file, mode_t(permissions))
        #expect(throws: CredentialError.keyFilePermissions(path: file, mode: permissions)) { try IssuerKeyFile.load(from: file) }
        let error = CredentialError.keyFilePermissions(path: file, mode: permissions)
        let octal = "0" + String(permissions, radix: 8)
        #expect(error.message(.vi).contains("Quyền \(octal)") && error.message(.vi).contains("chmod 600"))
        #expect(error.message(.en).contains("Permissions \(octal)") && error.message(.en).contains("too open"))
    }

    @Test func acceptsOwnerReadOnly() throws {
        let file = path("ro.key")
        try IssuerKeyFile.write(provinceKey, to: file)
        chmod(file, 0o400)
        #expect(try IssuerKeyFile.load(from: file).kid == provinceKey.kid)
    }

    @Test func missingAndNonRegularFiles() throws {
        #expect(throws: CredentialError.keyFileNotFound(path: path("none.key"))) { try IssuerKeyFile.load(from: path("none.key")) }
        let directory = path("dir.key")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        #expect(throws: CredentialError.keyFileNotRegular(path: directory)) { try IssuerKeyFile.load(from: directory) }
        let missingFolder = path("no/such/folder/24.key")
        #expect(throws: CredentialError.keyFileIO(path: missingFolder, operation: .write, errno: ENOENT)) {
            try IssuerKeyFile.write(provinceKey, to: missingFolder)
        }
    }

    @Test func refusesAFileThatDoesNotHoldTogether() throws {
        let original = try JSONSerialization.jsonObject(with: Data(IssuerKeyFile.encode(provinceKey))) as! [String: String]
        var cases: [[String: String]] = []
        var wrongKid = original; wrongKid["kid"] = "24-AAAAAAAA"; cases.append(wrongKid)
        var wrongIssuer = original; wrongIssuer["issuer"] = "68"; cases.append(wrongIssuer)
        var wrongPublic = original; wrongPublic["publicKey"] = secondProvinceKey.publicKey.base64url; cases.append(wrongPublic)
        var wrongFormat = original; wrongFormat["format"] = "ocop-issuer-key/2"; cases.append(wrongFormat)
        var wrongAlgorithm = original; wrongAlgorithm["algorithm"] = "ES256"; cases.append(wrongAlgorithm)
        var shortKey = original; shortKey["privateKey"] = "AAAA"; cases.append(shortKey)
        var missing = original; missing["created"] = nil; cases.append(missing)
        for (number, contents) in cases.enumerated() {
            let bytes = Array(try JSONSerialization.data(withJSONObject: contents))
            do {
                _ = try IssuerKeyFile.decode(bytes, path: "case\(number)")
                Issue.record("case \(number) was accepted")
            } catch {
                guard case .keyFileInvalid(path: "case\(number)", _) = error else {
                    Issue.record("case \(number): \(error)")
                    continue
                }
            }
        }
        #expect(throws: CredentialError.self) { try IssuerKeyFile.decode(Array("not json".utf8), path: "x") }
    }
}
