import Foundation
import OCOPApp
import OCOPCredentials
import OCOPDomain
import OCOPModels
import OCOPStore
import OCOPTestSupport
import Postgres
import Testing

/// Signed certificates on real PostgreSQL: issuer keys (files 0600, public half recorded),
/// status-list indexes given once, verification against the register, a trust list and a
/// published status list, the printing configuration, and the documents the CLI prints.
@Suite struct PrintingStoreTests {
    func d(_ iso: String) -> CalendarDate { Lifecycle.date(iso) }

    /// A world with one decision of province 24 (16/11/2026) issuing two certificates, on
    /// 01/12/2026, and a private `OCOP_HOME` for keys and the printing configuration.
    struct World {
        let lifecycle: Lifecycle
        let home: URL
        let decision: DecisionView
        let numbers: [CertificateNumber]

        static func make(_ prefix: String) throws -> World {
            let lifecycle = try Lifecycle.make(prefix, today: "2026-12-01")
            let honey = try lifecycle.product("Mật ong rừng", set: 4)
            let rice = try lifecycle.product("Gạo nếp cái", set: 3)
            let dossiers = [try lifecycle.dossier(honey, filedOn: "2026-07-01"), try lifecycle.dossier(rice, filedOn: "2026-07-02")]
            try lifecycle.evaluate(dossiers, on: "2026-11-10", totals: [75, 60], stars: [4, 3])
            let decision = try lifecycle.issue(number: "100/QĐ-UBND", on: "2026-11-16")
            let home = FileManager.default.temporaryDirectory.appendingPathComponent("ocop-print-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
            return World(lifecycle: lifecycle, home: home, decision: decision, numbers: decision.recognised.compactMap(\.certificate))
        }

        func with<T>(today: String = "2026-12-01", _ body: (Workbench) throws -> T) throws -> T {
            let configuration = WorkbenchConfiguration(environment: ["OCOP_HOME": home.path], share: TestDatabase.share,
                                                       database: .configured(lifecycle.target), clock: Lifecycle.clock(Lifecycle.date(today)))
            let bench = Workbench(configuration: configuration, principal: Principal(person: PersonCode(normalizing: "sec")!, roles: [.secretariat]))
            defer { bench.close() }
            return try body(bench)
        }

        func cleanUp() { try? FileManager.default.removeItem(at: home) }
    }

    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
    }

    @Test func keysSignAndTheRegisterVerifies() throws {
        let world = try World.make("print_keys")
        defer { world.cleanUp() }
        let number = world.numbers[0]
        // Nothing signs before a key exists; an unknown province gets no key.
        let none = thrown(PrintingError.self) { _ = try world.with { try $0.signedCertificateTexts(number) } }
        #expect(none == .noSigningKey(issuer: "24", date: d("2026-11-16"), recorded: []))
        #expect(none?.message(.vi).contains("Không có khóa ký nào của cơ quan 24") == true)
        let unknown = thrown(StoreError.self) { _ = try world.with { try $0.createIssuerKey(issuer: .province(code: "99")) } }
        #expect(unknown == .notFound(.province, "99"))
        let backwards = thrown(DomainError.self) {
            _ = try world.with { try $0.createIssuerKey(issuer: .province(code: "24"), validFrom: d("2026-06-01"), validUntil: d("2026-05-31")) }
        }
        #expect(backwards?.fields == ["key_valid_until"])
        #expect(try world.lifecycle.connection.count("issuer_key") == 0)

        // A key made today cannot sign a certificate issued before it; one backdated can.
        let today = try world.with { try $0.createIssuerKey(issuer: .province(code: "24")) }
        let late = thrown(PrintingError.self) { _ = try world.with { try $0.signedCertificateTexts(number) } }
        guard case .noSigningKey(_, _, let recorded)? = late else { Issue.record("\(String(describing: late))"); return }
        #expect(recorded.count == 1 && recorded[0].hasPrefix(today.record.kid))
        let key = try world.with { try $0.createIssuerKey(issuer: .province(code: "24"), validFrom: d("2026-01-01")) }
        #expect(try mode(key.file) == 0o600)
        #expect(try mode(world.home.appendingPathComponent("keys").path) == 0o700)
        #expect(key.file == world.home.appendingPathComponent("keys/\(key.record.kid).json").path)
        #expect(key.record.kid.hasPrefix("24-") && key.record.validFrom == d("2026-01-01") && key.record.createdOn == d("2026-12-01"))

        // Signing gives the certificate its index once; a reprint is the same text.
        let first = try world.with { try $0.signedCertificateTexts(number) }
        let again = try world.with { try $0.signedCertificateTexts(number) }
        #expect(first.compact.hasPrefix("OC1:") && first.url == nil && first == again)
        let second = try world.with { try $0.signedCertificateTexts(world.numbers[1]) }
        #expect(try world.lifecycle.connection.count("certificate_status_entry") == 2)
        let indexes = try world.lifecycle.connection.query("SELECT status_index FROM certificate_status_entry ORDER BY status_index").map { try $0.decode(Int.self, "status_index") }
        #expect(indexes == [0, 1])

        // The register verifies: fields, key, status on a day.
        let verified = try world.with { try $0.verifyCertificate(VerificationRequest(text: first.compact)) }
        #expect(verified.isAccepted && verified.kid == key.record.kid && verified.issuerName == "Ủy ban nhân dân tỉnh Bắc Ninh")
        #expect(verified.status == .register && verified.registerStatus == .valid && verified.certificateNumber == number.description)
        let fields = Dictionary(uniqueKeysWithValues: verified.fields.map { ($0.name, $0.value(.vi)) })
        #expect(fields["productName"] == "Mật ong rừng" && fields["stars"] == "4★" && fields["statusListIndex"] == "0")
        #expect(fields["validUntil"] == "16/11/2029" && fields["decisionNumber"] == "100/QĐ-UBND" && fields["signerName"] == "Nguyễn Văn Ký")
        let expired = try world.with { try $0.verifyCertificate(VerificationRequest(text: first.compact, on: d("2029-11-17"))) }
        #expect(expired.failures == [.certificateExpired(number: number.description, validUntil: d("2029-11-16"), on: d("2029-11-17"))])
        let early = try world.with { try $0.verifyCertificate(VerificationRequest(text: first.compact, on: d("2026-11-15"))) }
        #expect(early.failures == [.certificateNotYetValid(number: number.description, issuedOn: d("2026-11-16"), on: d("2026-11-15"))])

        // Altered text and a foreign key are refused with their reasons.
        var altered = Array(second.compact)
        altered[40] = altered[40] == "A" ? "B" : "A"
        let tampered = thrown(CredentialError.self) { _ = try world.with { try $0.verifyCertificate(VerificationRequest(text: String(altered))) } }
        #expect(tampered != nil)
        let stranger = IssuerKey.generate(issuer: try IssuerCode("24"), created: d("2026-01-01"))
        let foreign = TrustList(issued: d("2026-12-01"), issuers: [TrustedIssuer(
            code: try IssuerCode("24"), name: "Ủy ban nhân dân tỉnh Bắc Ninh", kind: .province, keys: [TrustedKey(stranger.publicKey, validFrom: d("2026-01-01"))])])
        let unknownKey = thrown(CredentialError.self) {
            _ = try world.with { try $0.verifyCertificate(VerificationRequest(text: first.compact, trustList: foreign.encoded())) }
        }
        #expect(unknownKey == .unknownKey(kid: key.record.kid))

        // The exported trust list verifies offline; revocation is then not checked.
        let exported = try world.with { try $0.exportTrustList() }
        #expect(exported.issuers == 1 && exported.keys == 2)
        let decoded = try TrustList.decode(json: Array(exported.json.utf8))
        #expect(decoded.issuers[0].keys.map(\.kid).sorted() == [key.record.kid, today.record.kid].sorted())
        let offline = try world.with { try $0.verifyCertificate(VerificationRequest(text: first.compact, trustList: Array(exported.json.utf8))) }
        #expect(offline.isAccepted && offline.status == .notChecked)
        let pem = try world.with { try $0.publicKeyPEM(kid: key.record.kid.lowercased()) }
        #expect(pem.hasPrefix("-----BEGIN PUBLIC KEY-----\n"))
    }

    @Test func revocationShowsInTheRegisterAndTheStatusList() throws {
        let world = try World.make("print_revoke")
        defer { world.cleanUp() }
        let key = try world.with { try $0.createIssuerKey(issuer: .province(code: "24"), validFrom: d("2026-01-01")) }
        let texts = try world.numbers.map { number in try world.with { try $0.signedCertificateTexts(number).compact } }
        let before = try world.with { try $0.publishStatusList(issuer: .province(code: "24")) }
        #expect(before.size == StatusList.minimumSize && before.indexes == 2 && before.ended.isEmpty && before.kid == key.record.kid)
        #expect(before.id == "urn:ocop:status-list:24")

        _ = try world.lifecycle.with { bench in
            try bench.revokeCertificate(RevocationRequest(
                certificate: world.numbers[1], authority: .province(code: "24"), number: try DecisionNumber(parsing: "120/QĐ-UBND"),
                decidedOn: d("2026-11-30"), ground: .dd, finding: "Chủ thể ngừng sản xuất", findingOn: d("2026-11-25"),
                findingReference: nil, auditID: nil, signer: world.lifecycle.signer()))
        }
        let viaRegister = try world.with { try $0.verifyCertificate(VerificationRequest(text: texts[1])) }
        #expect(viaRegister.failures == [.certificateRevoked(number: world.numbers[1].description, revokedOn: d("2026-11-30"), decision: "120/QĐ-UBND")])
        // On a day before the revocation the register says it was in force.
        #expect(try world.with { try $0.verifyCertificate(VerificationRequest(text: texts[1], on: d("2026-11-29"))) }.isAccepted)

        let list = try world.with { try $0.publishStatusList(issuer: .province(code: "24")) }
        #expect(list.ended == [world.numbers[1]])
        let trust = try world.with { try $0.exportTrustList() }.json
        let verifiedList = try StatusListCredential.verify(jws: list.jws, trustList: try TrustList.decode(json: Array(trust.utf8)))
        #expect(verifiedList.credential.list.setIndexes == [1] && verifiedList.credential.validFrom == d("2026-12-01"))
        let offline = try world.with { try $0.verifyCertificate(VerificationRequest(text: texts[1], trustList: Array(trust.utf8), statusLists: [list.jws])) }
        #expect(offline.failures == [.certificateEnded(number: world.numbers[1].description, listDate: d("2026-12-01"))])
        #expect(offline.status == .statusList(d("2026-12-01")))
        let fine = try world.with { try $0.verifyCertificate(VerificationRequest(text: texts[0], trustList: Array(trust.utf8), statusLists: [list.jws])) }
        #expect(fine.isAccepted)
        // A list published before the revocation does not show it.
        let old = try world.with { try $0.publishStatusList(issuer: .province(code: "24"), on: d("2026-11-29")) }
        #expect(old.ended.isEmpty)
        // Another issuer's list says nothing about this certificate.
        _ = try world.with { try $0.createIssuerKey(issuer: .ministry, validFrom: d("2026-01-01")) }
        let ministryList = try world.with { try $0.publishStatusList(issuer: .ministry) }
        let everyone = try world.with { try $0.exportTrustList() }.json
        let mismatch = thrown(PrintingError.self) {
            _ = try world.with { try $0.verifyCertificate(VerificationRequest(text: texts[0], trustList: Array(everyone.utf8), statusLists: [ministryList.jws])) }
        }
        #expect(mismatch == .noStatusListForIssuer(issuer: "24"))
    }

    @Test func keyRotationFilesAndRetirement() throws {
        let world = try World.make("print_rotate")
        defer { world.cleanUp() }
        let number = world.numbers[0]
        let old = try world.with { try $0.createIssuerKey(issuer: .province(code: "24"), validFrom: d("2026-01-01")) }
        let newer = try world.with { try $0.createIssuerKey(issuer: .province(code: "24"), validFrom: d("2026-11-01")) }
        // The most recent key in service signs.
        let text = try world.with { try $0.signedCertificateTexts(number).compact }
        #expect(try world.with { try $0.verifyCertificate(VerificationRequest(text: text)) }.kid == newer.record.kid)
        // Its file gone, the next one in service signs; a retired key keeps signing older certificates.
        try FileManager.default.removeItem(atPath: newer.file)
        let viaOld = try world.with { try $0.signedCertificateTexts(number).compact }
        #expect(try world.with { try $0.verifyCertificate(VerificationRequest(text: viaOld)) }.kid == old.record.kid)
        let retired = try world.with { try $0.retireIssuerKey(kid: old.record.kid, on: d("2026-11-20")) }
        #expect(retired.retiredOn == d("2026-11-20"))
        #expect(try world.with { try $0.signedCertificateTexts(number).compact } == viaOld)
        let twice = thrown(StoreError.self) { _ = try world.with { try $0.retireIssuerKey(kid: old.record.kid) } }
        #expect(twice?.fields == ["kid"])
        // Only the missing file is left for a certificate issued after the retirement.
        try FileManager.default.removeItem(atPath: old.file)
        let missing = thrown(PrintingError.self) { _ = try world.with { try $0.signedCertificateTexts(number) } }
        #expect(missing == .signingKeyFileMissing(kid: newer.record.kid, path: newer.file))

        // A key file given explicitly must be recorded, the issuer's, and in service.
        let elsewhere = world.home.appendingPathComponent("offline.json").path
        let offline = IssuerKey.generate(issuer: try IssuerCode("24"), created: d("2026-02-01"))
        try IssuerKeyFile.write(offline, to: elsewhere)
        let unrecorded = thrown(PrintingError.self) { _ = try world.with { try $0.signedCertificateTexts(number, keyFile: elsewhere) } }
        #expect(unrecorded == .keyNotRecorded(kid: offline.kid, path: elsewhere))
        let recorded = try world.with { try $0.recordIssuerKey(file: elsewhere) }
        #expect(recorded.validFrom == d("2026-02-01") && recorded.kid == offline.kid)
        let signed = try world.with { try $0.signedCertificateTexts(number, keyFile: elsewhere).compact }
        #expect(try world.with { try $0.verifyCertificate(VerificationRequest(text: signed)) }.kid == offline.kid)
        let duplicate = thrown(StoreError.self) { _ = try world.with { try $0.recordIssuerKey(file: elsewhere) } }
        #expect(duplicate?.kind == .conflict)
        let ministryFile = world.home.appendingPathComponent("bnnmt.json").path
        try IssuerKeyFile.write(IssuerKey.generate(issuer: try IssuerCode("BNNMT"), created: d("2026-01-01")), to: ministryFile)
        let wrongIssuer = thrown(PrintingError.self) { _ = try world.with { try $0.signedCertificateTexts(number, keyFile: ministryFile) } }
        guard case .keyOfAnotherIssuer(_, "24")? = wrongIssuer else { Issue.record("\(String(describing: wrongIssuer))"); return }
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: elsewhere)
        let open = thrown(CredentialError.self) { _ = try world.with { try $0.signedCertificateTexts(number, keyFile: elsewhere) } }
        guard case .keyFilePermissions? = open else { Issue.record("\(String(describing: open))"); return }
    }

    @Test func statusIndexesAreGivenOnceAndNeverChange() throws {
        let world = try World.make("print_index")
        defer { world.cleanUp() }
        let connection = world.lifecycle.connection
        let ids = try connection.query("SELECT id FROM star_recognition WHERE decision_id IS NOT NULL ORDER BY id").map { try $0.decode(Int.self, "id") }
        // Two connections at once give one certificate one index.
        let other = try Connection(world.lifecycle.target)
        defer { other.close() }
        let results = try [connection, other].map { try CredentialRepository($0).assignStatusIndex(certificateID: ids[0], today: d("2026-12-01"), actor: PersonCode(normalizing: "sec")!) }
        #expect(results == [0, 0])
        #expect(try CredentialRepository(other).assignStatusIndex(certificateID: ids[1], today: d("2026-12-01"), actor: PersonCode(normalizing: "sec")!) == 1)
        for statement in ["UPDATE certificate_status_entry SET status_index = 7", "DELETE FROM certificate_status_entry"] {
            #expect(throws: PostgresError.self) { try connection.execute(statement) }
        }
        #expect(throws: PostgresError.self) {
            try connection.execute("INSERT INTO certificate_status_entry (certificate_id, issuer_code, status_index, assigned_on, created_by) SELECT id, 'BNNMT', 9, '2026-12-01', 't' FROM star_recognition WHERE id = \(ids[1])")
        }
        #expect(throws: PostgresError.self) {
            try connection.execute("INSERT INTO issuer_key (kid, issuer_code, public_key, valid_from, created_on, created_by) VALUES ('27-AAAAAAAA', '24', 'x', '2026-01-01', '2026-01-01', 't')")
        }
    }

    @Test func printingConfigurationIsCheckedWhenSetAndWhenRead() throws {
        let world = try World.make("print_config")
        defer { world.cleanUp() }
        let png = world.home.appendingPathComponent("seal.png")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]).write(to: png)
        let text = world.home.appendingPathComponent("seal.txt")
        try Data("not a picture".utf8).write(to: text)
        try world.with { bench in
            #expect(try bench.printingConfiguration() == PrintingConfiguration())
            func refused(_ change: IssuerProfileChange, _ field: String, sourceLocation: SourceLocation = #_sourceLocation) {
                let error = thrown(DomainError.self, sourceLocation: sourceLocation) { try bench.updateIssuerProfile(.province(code: "24"), change) }
                #expect(error?.fields == [field], sourceLocation: sourceLocation)
            }
            refused(IssuerProfileChange(verificationAddress: "http://ocop.example.vn/c/"), "verification_address")
            refused(IssuerProfileChange(verificationAddress: "https://a-very-long-host-name.example.gov.vn/verify/"), "verification_address")
            refused(IssuerProfileChange(statusList: "ftp://x"), "status_list_url")
            refused(IssuerProfileChange(frameColor: "green"), "frame_color")
            refused(IssuerProfileChange(qrSide: 25), "qr_side")
            refused(IssuerProfileChange(seal: text.path), "seal")
            refused(IssuerProfileChange(signature: world.home.appendingPathComponent("none.png").path), "signature")
            refused(IssuerProfileChange(name: "Tên\u{1B}[31m"), "name")
            refused(IssuerProfileChange(name: String(repeating: "Dài ", count: 20)), "name")
            #expect(!FileManager.default.fileExists(atPath: bench.printingConfigurationFile.path))
            let unknown = thrown(StoreError.self) { try bench.updateIssuerProfile(.province(code: "98"), IssuerProfileChange(frame: false)) }
            #expect(unknown == .notFound(.province, "98"))

            let profile = try bench.updateIssuerProfile(.province(code: "24"), IssuerProfileChange(
                verificationAddress: "https://ocop.bacninh.gov.vn/c/", statusList: "https://ocop.bacninh.gov.vn/status/24.jwt",
                frameColor: "#8b0000", qrSide: 36, seal: png.path, sealDiameter: 40))
            #expect(profile.frameColor == "#8B0000" && profile.artwork?.seal == png.path && profile.artwork?.sealDiameter == 40)
            let read = try bench.printingConfiguration()
            #expect(read.profile("24") == profile)
            #expect(try bench.issuerArtwork("24").seal == png.path)
            // The frame, colour and QR size reach the certificate; the URL form reaches its QR code.
            _ = try bench.createIssuerKey(issuer: .province(code: "24"), validFrom: d("2026-01-01"))
            let document = try bench.certificateDocument(world.numbers[0])
            #expect(document.frame.color == RGBColor(red: 139, green: 0, blue: 0) && document.qrSide == 36 && document.artwork.seal == png.path)
            #expect(document.qrPayload.hasPrefix("HTTPS://OCOP.BACNINH.GOV.VN/C/"))
            let verified = try bench.verifyCertificate(VerificationRequest(text: document.qrPayload))
            #expect(verified.isAccepted && verified.address == "HTTPS://OCOP.BACNINH.GOV.VN/C/")
            #expect(try bench.certificateDocument(world.numbers[0], qr: .unsigned).qrPayload.isEmpty)
            let list = try bench.publishStatusList(issuer: .province(code: "24"))
            #expect(list.id == "https://ocop.bacninh.gov.vn/status/24.jwt")
            #expect(try bench.exportTrustList().json.contains("\"statusList\" : \"https://ocop.bacninh.gov.vn/status/24.jwt\""))

            let cleared = try bench.updateIssuerProfile(.province(code: "24"), IssuerProfileChange(clear: [.seal, .sealDiameter, .frameColor]))
            #expect(cleared.artwork == nil && cleared.frameColor == nil && cleared.qrSide == 36)
        }
        // A file edited by hand is checked when read, naming the key.
        let file = world.home.appendingPathComponent(PrintingConfiguration.fileName)
        try "issuers:\n  \"24\":\n    frameColor: xanh\n".write(to: file, atomically: true, encoding: .utf8)
        let bad = thrown(PrintingError.self) { _ = try world.with { try $0.printingConfiguration() } }
        guard case .configurationInvalid(_, "issuers.24.frameColor", _)? = bad else { Issue.record("\(String(describing: bad))"); return }
        try "issuers: [1, 2]\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(thrown(PrintingError.self) { _ = try world.with { try $0.printingConfiguration() } } != nil)
        try "minutes:\n  start: \"8h\"\n".write(to: file, atomically: true, encoding: .utf8)
        let time = thrown(PrintingError.self) { _ = try world.with { try $0.printingConfiguration() } }
        guard case .configurationInvalid(_, "minutes.start", _)? = time else { Issue.record("\(String(describing: time))"); return }
    }

    @Test func councilDocumentsFromTheRegister() throws {
        let world = try World.make("print_minutes")
        defer { world.cleanUp() }
        let session = try world.lifecycle.connection.one("SELECT code FROM council_session ORDER BY id LIMIT 1").decode(String.self, "code")
        let code = try #require(SessionCode(normalizing: session))
        try world.with { bench in
            // What the register lacks must be given or configured.
            let missing = thrown(DomainError.self) { _ = try bench.minutesDocument(code) }
            #expect(missing?.fields == ["start"])
            let noDate = thrown(DomainError.self) {
                _ = try bench.minutesDocument(code, request: MinutesRequest(start: ClockTime(hour: 8, minute: 0), end: ClockTime(hour: 11, minute: 0)))
            }
            #expect(noDate?.fields == ["established_on"])
            let backwards = thrown(DomainError.self) {
                _ = try bench.minutesDocument(code, request: MinutesRequest(start: ClockTime(hour: 11, minute: 0), end: ClockTime(hour: 8, minute: 0)))
            }
            #expect(backwards?.fields == ["end"])
            try bench.updatePrintingConfiguration { configuration in
                configuration.minutes = MinutesTimes(start: "08:00", end: "11:30")
                configuration.councils[Lifecycle.council.rawValue] = CouncilPrintProfile(establishedOn: d("2026-03-10"))
            }
            let noVenue = thrown(DomainError.self) { _ = try bench.minutesDocument(code) }
            #expect(noVenue?.fields == ["venue"])
            let minutes = try bench.minutesDocument(code, request: MinutesRequest(number: "03/BB-HĐOCOP", venue: "Hội trường Sở"))
            #expect(minutes.start == ClockTime(hour: 8, minute: 0) && minutes.end == ClockTime(hour: 11, minute: 30))
            #expect(minutes.establishedBy.number == "123/QĐ-UBND" && minutes.establishedBy.date == d("2026-03-10"))
            #expect(minutes.header.number == "03/BB-HĐOCOP" && minutes.header.parentAgency == "ỦY BAN NHÂN DÂN TỈNH BẮC NINH")
            #expect(minutes.products.map(\.productName) == ["Mật ong rừng", "Gạo nếp cái"] && minutes.products[0].memberTotals.count == 7)
            #expect(minutes.quorum == 6 && minutes.members.count == 8 && minutes.year == 2026 && minutes.round == 2)

            let blank = try bench.blankSheetDocument(set: 4)
            #expect(blank.filled == nil && blank.productSet.number == 4)
            let filled = try bench.filledSheetDocument(dossier: try #require(DossierCode(normalizing: "HS-2026-0001")), member: PersonCode(normalizing: "chair")!)
            #expect(filled.filled?.memberName == "Thành viên chair" && filled.product.productName == "Mật ong rừng" && filled.date == d("2026-11-10"))
            let none = thrown(PrintingError.self) {
                _ = try bench.filledSheetDocument(dossier: try #require(DossierCode(normalizing: "HS-2026-0001")), member: PersonCode(normalizing: "sec")!)
            }
            #expect(none == .noSubmittedSheet(dossier: "HS-2026-0001", member: "sec", version: nil))

            _ = try bench.createIssuerKey(issuer: .province(code: "24"), validFrom: d("2026-01-01"))
            var steps: [Int] = []
            let batch = try bench.certificateBatch(world.decision) { done, _ in steps.append(done) }
            #expect(batch.documents.map(\.certificateNumber) == world.numbers.map(\.description) && steps == [1, 2])
        }
    }
}
