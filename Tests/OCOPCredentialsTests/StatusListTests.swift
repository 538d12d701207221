import Foundation
import OCOPCredentials
import OCOPDomain
import Testing

@Suite struct StatusListTests {
    @Test func indexZeroIsTheLeftMostBitOfTheFirstByte() throws {
        var list = try StatusList()
        #expect(list.size == 131_072 && list.bytes.count == 16_384)
        try list.set(0)
        try list.set(9)
        try list.set(131_071)
        #expect(list.bytes[0] == 0x80 && list.bytes[1] == 0x40 && list.bytes[16_383] == 0x01)
        #expect(try list.isSet(0) && list.isSet(9) && !list.isSet(1) && list.isSet(131_071))
        #expect(list.setIndexes == [0, 9, 131_071])
        try list.set(9, to: false)
        #expect(list.setIndexes == [0, 131_071])
    }

    @Test func sizesAndIndexesAreChecked() throws {
        #expect(throws: CredentialError.statusListSizeInvalid(131_064)) { try StatusList(size: 131_064) }
        #expect(throws: CredentialError.statusListSizeInvalid(131_076)) { try StatusList(size: 131_076) }
        #expect(throws: CredentialError.statusListSizeInvalid(16_777_224)) { try StatusList(size: 16_777_224) }
        #expect(try StatusList(size: 262_144).size == 262_144)
        var list = try StatusList()
        #expect(throws: CredentialError.statusIndexOutOfRange(index: 131_072, size: 131_072)) { try list.set(131_072) }
        #expect(throws: CredentialError.statusIndexOutOfRange(index: -1, size: 131_072)) { try list.isSet(-1) }
        #expect(throws: CredentialError.statusListSizeInvalid(8)) { try StatusList(bytes: [0]) }
    }

    @Test func encodedListIsMultibaseGzip() throws {
        var list = try StatusList()
        for index in stride(from: 5, to: 131_072, by: 977) { try list.set(index) }
        let encoded = try list.encodedList()
        #expect(encoded.hasPrefix("uH4sI"))  // "u" + base64url of the GZIP magic 1F 8B 08
        #expect(try StatusList(encodedList: encoded) == list)
        // The system's gzip reads the GZIP bytes inside encodedList.
        let gzipBytes = try Multibase.decode(encoded)
        #expect(try runGunzip(gzipBytes) == list.bytes)
        #expect(try list.encodedList() == encoded)
    }

    @Test func aListThatInflatesTooFarIsRefused() throws {
        let bomb = Multibase.encode(try Zlib.compress([UInt8](repeating: 0, count: StatusList.maximumSize / 8 + 1), format: .gzip))
        #expect(throws: CredentialError.inflatedSizeExceeded(limit: StatusList.maximumSize / 8)) { try StatusList(encodedList: bomb) }
    }
}

@Suite struct StatusListCredentialTests {
    let credential: StatusListCredential = {
        var list = try! StatusList()
        try! list.set(131_071)
        try! list.set(42)
        return StatusListCredential(id: "https://ocop.tphcm.gov.vn/status/79", issuer: "https://ocop.tphcm.gov.vn",
                                    validFrom: date("2026-08-05"), list: list)
    }()

    @Test func jsonIsTheW3CShape() throws {
        let json = String(decoding: try credential.json(), as: UTF8.self)
        try expectGolden(json + "\n", named: "status-list-credential.json")
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        #expect(object["@context"] as? [String] == ["https://www.w3.org/ns/credentials/v2"])
        #expect(object["type"] as? [String] == ["VerifiableCredential", "BitstringStatusListCredential"])
        #expect(object["validFrom"] as? String == "2026-08-05T00:00:00+07:00")
        let subject = object["credentialSubject"] as! [String: String]
        #expect(subject["type"] == "BitstringStatusList")
        #expect(subject["statusPurpose"] == "revocation")
        #expect(subject["id"] == "https://ocop.tphcm.gov.vn/status/79#list")
    }

    @Test func publishingIsDeterministic() throws {
        let jws = try credential.signed(with: provinceKey)
        #expect(try credential.signed(with: provinceKey) == jws)
        let header = try JSONSerialization.jsonObject(with: Data(Base64URL.decode(String(jws.split(separator: ".")[0])))) as! [String: String]
        #expect(header == ["alg": "EdDSA", "kid": provinceKey.kid, "typ": "vc+jwt"])
        try expectGolden(jws + "\n", named: "status-list-credential.jwt")
    }

    @Test func loadAndVerify() throws {
        let verified = try StatusListCredential.verify(jws: try credential.signed(with: provinceKey), trustList: trustList)
        #expect(verified.credential == credential)
        #expect(verified.issuer.code == code("79"))
        #expect(verified.kid == provinceKey.kid)
        #expect(try verified.credential.list.isSet(42))
    }

    @Test func certificatesReadTheirBit() throws {
        let certificate = try CertificateVerifier.verify(
            text: try SignedCertificate.issue(realisticPayload, with: provinceKey).compactText, trustList: trustList)
        let revoked = try StatusListCredential.verify(jws: try credential.signed(with: provinceKey), trustList: trustList)
        #expect(try certificate.status(in: revoked) == .revoked)  // index 131071
        var clean = credential
        try clean.list.set(131_071, to: false)
        let active = try StatusListCredential.verify(jws: try clean.signed(with: provinceKey), trustList: trustList)
        #expect(try certificate.status(in: active) == .active)
        #expect(try certificate.status(in: clean.list) == .active)
        let foreign = try StatusListCredential.verify(jws: try credential.signed(with: secondProvinceKey), trustList: trustList)
        #expect(throws: CredentialError.statusListIssuerMismatch(listIssuer: "68", certificateIssuer: "79")) {
            try certificate.status(in: foreign)
        }
        var beyond = realisticPayload
        beyond.statusListIndex = 131_072
        let outside = try CertificateVerifier.verify(text: try SignedCertificate.issue(beyond, with: provinceKey).compactText, trustList: trustList)
        #expect(throws: CredentialError.statusIndexOutOfRange(index: 131_072, size: 131_072)) { try outside.status(in: active) }
    }

    @Test func forgedOrForeignListsAreRefused() throws {
        let jws = try credential.signed(with: provinceKey)
        var parts = jws.split(separator: ".").map(String.init)

        var cleared = credential
        try cleared.list.set(131_071, to: false)
        let swapped = [parts[0], Base64URL.encode(try cleared.json()), parts[2]].joined(separator: ".")
        #expect(throws: CredentialError.badSignature(kid: provinceKey.kid)) { try StatusListCredential.verify(jws: swapped, trustList: trustList) }

        let stranger = try IssuerKey(issuer: code("79"), seed: seed(201), created: date("2026-01-01"))
        #expect(throws: CredentialError.unknownKey(kid: stranger.kid)) {
            try StatusListCredential.verify(jws: try credential.signed(with: stranger), trustList: trustList)
        }

        var late = trustList
        late.issuers[0].keys[0].validFrom = date("2026-09-01")
        #expect(throws: CredentialError.keyNotValidOnDate(kid: provinceKey.kid, date: date("2026-08-05"))) {
            try StatusListCredential.verify(jws: jws, trustList: late)
        }

        func refusedAsInvalid(_ text: String) -> Bool {
            do {
                _ = try StatusListCredential.verify(jws: text, trustList: trustList)
                return false
            } catch {
                if case .signedDocumentInvalid = error { return true }
                return false
            }
        }
        #expect(refusedAsInvalid(parts[0] + "." + parts[1]))
        #expect(refusedAsInvalid(jws + "."))
        for header in [#"{"alg":"none","kid":"\#(provinceKey.kid)","typ":"vc+jwt"}"#,
                       #"{"alg":"ES256","kid":"\#(provinceKey.kid)","typ":"vc+jwt"}"#,
                       #"{"alg":"EdDSA","crit":["b64"],"kid":"\#(provinceKey.kid)","typ":"vc+jwt"}"#,
                       #"{"alg":"EdDSA","kid":"\#(provinceKey.kid)","typ":"JWT"}"#,
                       #"{"kid":"\#(provinceKey.kid)"}"#] {
            parts[0] = Base64URL.encode(Array(header.utf8))
            #expect(refusedAsInvalid(parts.joined(separator: ".")), "\(header)")
        }
    }

    @Test func theCredentialItselfIsChecked() throws {
        func invalid(_ edit: (inout [String: Any]) -> Void) throws -> Bool {
            var object = try JSONSerialization.jsonObject(with: Data(try credential.json())) as! [String: Any]
            edit(&object)
            do {
                _ = try StatusListCredential(json: Array(try JSONSerialization.data(withJSONObject: object)))
                return false
            } catch let error as CredentialError {
                if case .statusListInvalid = error { return true }
                return false
            }
        }
        #expect(try invalid { $0["@context"] = ["https://www.w3.org/2018/credentials/v1"] })
        #expect(try invalid { $0["type"] = ["VerifiableCredential"] })
        #expect(try invalid { $0["validFrom"] = "05/08/2026" })
        #expect(try invalid { object in
            var subject = object["credentialSubject"] as! [String: Any]
            subject["statusPurpose"] = "suspension"
            object["credentialSubject"] = subject
        })
        #expect(try invalid { object in
            var subject = object["credentialSubject"] as! [String: Any]
            subject["encodedList"] = "zabc"
            object["credentialSubject"] = subject
        })
        #expect(try invalid { $0["credentialSubject"] = nil })
    }
}

/// Compares `text` with `Golden/<name>`; with OCOP_UPDATE_GOLDEN=1 writes it instead.
func expectGolden(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let file = repositoryRoot.appendingPathComponent("Tests/OCOPCredentialsTests/Golden/\(name)")
    if ProcessInfo.processInfo.environment["OCOP_UPDATE_GOLDEN"] == "1" {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return
    }
    let expected = try String(contentsOf: file, encoding: .utf8)
    #expect(text == expected, "differs from \(name)", sourceLocation: sourceLocation)
}
