import Foundation
import OCOPCredentials
import OCOPDomain
import OCOPTestSupport
import Testing

/// The demo world with fixed issuer keys (so a printed page is the same bytes on every run), for
/// printing and verifying through the real binary and the real tools (pdftotext, pdffonts,
/// pdfinfo, pdftoppm, zbarimg).
struct PrintWorld: Sendable {
    let environment: [String: String]
    let home: URL
    /// Issuer code → kid of its fixed key.
    let kids: [String: String]

    static let shared: Result<PrintWorld, any Error> = Result {
        let target = try TestDatabase.migratedTarget(prefix: "print")
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ocop-print-\(UUID().uuidString)", isDirectory: true)
        let keys = home.appendingPathComponent("keys", isDirectory: true)
        try FileManager.default.createDirectory(at: keys, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let env = cleanEnvironment(["OCOP_DATABASE_URL": target.conninfo, "OCOP_USER": "thu-ky", "OCOP_CLOCK": GoldenTests.clock, "OCOP_HOME": home.path])
        let demo = try runOCOP(["demo"], environment: env)
        guard demo.status == 0 else { throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: demo.err]) }
        var kids: [String: String] = [:]
        // Fixed seeds: deterministic Ed25519 makes the QR codes, the pages and their pictures stable.
        for (offset, issuer) in ["24", "BNNMT"].enumerated() {
            let key = try IssuerKey(issuer: try IssuerCode(issuer), seed: (0..<32).map { UInt8($0 + 32 * offset) },
                                    created: CalendarDate(year: 2026, month: 1, day: 1)!)
            let file = keys.appendingPathComponent("\(key.kid).json").path
            try IssuerKeyFile.write(key, to: file)
            let added = try runOCOP(["issuer", "key", "add", "--key-file", file], environment: env)
            guard added.status == 0 else { throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: added.err]) }
            kids[issuer] = key.kid
        }
        // The first print gives status-list indexes: print everything once, in a fixed order, so
        // every later page (and its QR code) is the same whichever test runs first.
        for arguments in [["--decision", "1523/QĐ-UBND"], ["--decision", "2150/QĐ-BNNMT"]] {
            let printed = try runOCOP(["certificate", "print"] + arguments + ["--output", home.appendingPathComponent("first.pdf").path], environment: env)
            guard printed.status == 0 else { throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: printed.err]) }
        }
        return PrintWorld(environment: env, home: home, kids: kids)
    }

    /// Runs `ocop` (in `directory`, where PDFs land by default).
    func run(_ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, out: String, err: String) {
        try tool(ocopBinary, arguments, environment: environment, in: directory)
    }

    /// `ocop … --output <dir>/<name>` and the PDF's bytes.
    func pdf(_ arguments: [String], name: String, in directory: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> Data {
        let path = directory.appendingPathComponent(name).path
        let result = try run(arguments + ["--output", path])
        #expect(result.status == 0, "ocop \(arguments.joined(separator: " ")): \(result.err)", sourceLocation: sourceLocation)
        #expect(result.out.hasPrefix("Đã ghi \(path) (") || result.out.hasPrefix("Wrote \(path) ("), "\(result.out)", sourceLocation: sourceLocation)
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }
}

func withScratch<T>(_ body: (URL) throws -> T) throws -> T {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ocop-scratch-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory)
}

/// What poppler reads from a PDF: pages, `pdftotext -layout` (pages split by form feeds), fonts.
struct Poppler {
    var pages: Int
    var text: String
    var fonts: [String]
    /// Every font an embedded subset of one of the four Liberation Serif faces.
    var onlyLiberationSerif: Bool

    init(_ pdf: Data) throws {
        (pages, text, fonts, onlyLiberationSerif) = try withScratch { dir in
            let file = dir.appendingPathComponent("doc.pdf")
            try pdf.write(to: file)
            let info = try tool("pdfinfo", [file.path])
            let pages = info.out.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) } ?? 0
            let text = try tool("pdftotext", ["-layout", "-enc", "UTF-8", file.path, "-"]).out
            let rows = try tool("pdffonts", [file.path]).out.split(separator: "\n").dropFirst(2)
            let faces: Set<String> = ["LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic", "LiberationSerif-BoldItalic"]
            var only = !rows.isEmpty
            var names: [String] = []
            for row in rows {
                let fields = row.split(separator: " ")
                let name = String(fields[0])
                names.append(name)
                let n = fields.count
                only = only && faces.contains(name.split(separator: "+").last.map(String.init) ?? name) && fields[n - 5] == "yes" && fields[n - 4] == "yes"
            }
            return (pages, text, names, only)
        }
    }

    /// The text with trailing blanks cut (they carry no meaning).
    var goldenText: String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(separator: "\n")
    }
}

/// Renders pages with pdftoppm; when updating goldens, stores the chosen ones as
/// `docs/printing/<name>-<page>.png` for a reviewer to look at.
@discardableResult
func pictures(_ name: String, _ pdf: Data, pages: [Int], dpi: Int = 100) throws -> [Data] {
    try withScratch { dir in
        let file = dir.appendingPathComponent("doc.pdf")
        try pdf.write(to: file)
        let result = try tool("pdftoppm", ["-png", "-r", "\(dpi)", file.path, dir.appendingPathComponent("page").path])
        #expect(result.status == 0, "pdftoppm: \(result.err)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".png") }
            .sorted { $0.count != $1.count ? $0.count < $1.count : $0 < $1 }
        let images = try files.map { try Data(contentsOf: dir.appendingPathComponent($0)) }
        if GoldenTests.updating {
            let target = packageRoot.appendingPathComponent("docs/printing", isDirectory: true)
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for page in pages where page <= images.count {
                try images[page - 1].write(to: target.appendingPathComponent("\(name)-\(page).png"))
            }
        }
        return images
    }
}

/// The QR text zbarimg reads from the first page rendered at 300 dpi.
func scanQR(_ pdf: Data) throws -> String {
    try withScratch { dir in
        let file = dir.appendingPathComponent("doc.pdf")
        try pdf.write(to: file)
        #expect(try tool("pdftoppm", ["-png", "-r", "300", "-f", "1", "-l", "1", file.path, dir.appendingPathComponent("page").path]).status == 0)
        let image = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasSuffix(".png") })
        let scan = try tool("zbarimg", ["--raw", "-q", dir.appendingPathComponent(image).path])
        #expect(scan.status == 0, "zbarimg: \(scan.err)")
        return scan.out.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Every printed document of the demo round, pinned by the text poppler extracts (golden files
/// in Golden/printing) and pictured in docs/printing; the certificate's QR code read back from
/// the page verifies through `ocop certificate verify`.
@Suite struct PrintingGoldenTests {
    static let documents: [(name: String, arguments: [String], pictures: [Int])] = [
        ("certificate-GCN-24-2026-0001", ["certificate", "print", "GCN-24-2026-0001"], [1]),
        ("certificate-GCN-BNNMT-2026-0001.en", ["certificate", "print", "GCN-BNNMT-2026-0001", "--lang", "en"], [1]),
        ("decision-1523", ["decision", "print", "1523/QĐ-UBND"], [1, 2, 3, 4, 5]),
        ("decision-2150", ["decision", "print", "2150/QĐ-BNNMT"], []),
        ("revocation-1650", ["decision", "print", "1650/QĐ-UBND"], [1, 2]),
        ("minutes-PH-2026-001", ["council", "session", "minutes", "PH-2026-001", "--pdf", "--number", "03/BB-HĐOCOP", "--start", "08:00",
                                 "--end", "11:30", "--established-on", "2026-03-10"], [1, 6]),
        ("notice-HS-2026-0013", ["decision", "notice", "HS-2026-0013", "--number", "45/TB-SNNMT", "--date", "2026-11-20", "--signer-prefix",
                                 "KT. GIÁM ĐỐC", "--signer-title", "PHÓ GIÁM ĐỐC", "--signer-name", "Trần Thị Mai", "--pdf"], [1]),
        ("sheet-blank-10", ["rubric", "sheet", "10", "--pdf"], [1]),
        ("sheet-HS-2026-0001-uv-vu-thi-lan", ["score", "print", "HS-2026-0001", "--member", "uv-vu-thi-lan"], [1]),
    ]

    @Test(arguments: documents.map(\.name))
    func everyDocumentOfTheRound(name: String) throws {
        let world = try PrintWorld.shared.get()
        let document = try #require(Self.documents.first { $0.name == name })
        try withScratch { dir in
            let pdf = try world.pdf(document.arguments, name: "\(name).pdf", in: dir)
            let poppler = try Poppler(pdf)
            #expect(poppler.onlyLiberationSerif, "\(name): \(poppler.fonts)")
            #expect(poppler.text.unicodeScalars.elementsEqual(poppler.text.precomposedStringWithCanonicalMapping.unicodeScalars), "\(name) is not NFC")
            try GoldenTests.check("printing/\(name).txt", poppler.goldenText)
            let images = try pictures(name, pdf, pages: document.pictures)
            #expect(images.count == poppler.pages && poppler.pages >= 1)
            // Printing again gives the same bytes.
            #expect(try world.pdf(document.arguments, name: "again.pdf", in: dir) == pdf, "\(name) is not deterministic")
        }
    }

    @Test func theCertificatesQRCodeVerifiesFromThePage() throws {
        let world = try PrintWorld.shared.get()
        try withScratch { dir in
            let pdf = try world.pdf(["certificate", "print", "GCN-24-2026-0001"], name: "gcn.pdf", in: dir)
            let text = try scanQR(pdf)
            #expect(text.hasPrefix("OC1:") && text.count <= 702)
            let qr = dir.appendingPathComponent("qr.txt")
            try Data(("QR-Code:" + text + "\n").utf8).write(to: qr)
            for language in ["vi", "en"] {
                let verified = try world.run(["certificate", "verify", qr.path, "--lang", language])
                #expect(verified.status == 0, "\(verified.err)")
                try GoldenTests.check("printing/verify-GCN-24-2026-0001.\(language).txt", verified.out)
            }
            let json = try world.run(["certificate", "verify", text, "--format", "json"])
            #expect(json.status == 0 && json.out.contains("\"accepted\" : true") && json.out.contains("\"kid\" : \"\(world.kids["24"]!)\""))

            // Offline, against the exported trust list.
            let trust = dir.appendingPathComponent("trust.json")
            #expect(try world.run(["issuer", "key", "export", "--output", trust.path]).status == 0)
            let offline = try world.run(["certificate", "verify", text, "--trust", trust.path, "--lang", "en"])
            #expect(offline.status == 0 && offline.out.contains("revocation not checked (no status list)"), "\(offline.err)")

            // Expired on a later day; not yet valid before its issue date.
            let expired = try world.run(["certificate", "verify", text, "--on", "2029-11-17"])
            #expect(expired.status == 65 && expired.err.contains("Giấy chứng nhận GCN-24-2026-0001 đã hết hiệu lực: có giá trị đến hết ngày 16/11/2029"))
            #expect(expired.out.contains("Kết luận: KHÔNG HỢP LỆ."))
            let early = try world.run(["certificate", "verify", text, "--on", "2026-11-15", "--trust", trust.path])
            #expect(early.status == 65 && early.err.contains("chưa có hiệu lực vào ngày 15/11/2026"))

            // Every altered character is refused (a damaged print or a forgery), and nothing is printed as valid.
            var refusedAll = true
            for position in [5, 60, 150, text.count - 2] {
                var characters = Array(text)
                characters[position] = characters[position] == "A" ? "B" : "A"
                let altered = try world.run(["certificate", "verify", String(characters)])
                refusedAll = refusedAll && altered.status == 65 && altered.out.isEmpty
            }
            #expect(refusedAll)
            // A signature check alone: the same record signed by a stranger's key under issuer 24.
            let stranger = dir.appendingPathComponent("stranger.json")
            let strangerKey = try IssuerKey(issuer: try IssuerCode("24"), seed: Array(repeating: 7, count: 32), created: CalendarDate(year: 2026, month: 1, day: 1)!)
            let list = TrustList(issuers: [TrustedIssuer(code: try IssuerCode("24"), name: "Ủy ban nhân dân tỉnh Bắc Ninh", kind: .province,
                                                          keys: [TrustedKey(strangerKey.publicKey, validFrom: CalendarDate(year: 2026, month: 1, day: 1)!)])])
            try Data(list.encoded()).write(to: stranger)
            let foreign = try world.run(["certificate", "verify", text, "--trust", stranger.path, "--lang", "en"])
            #expect(foreign.status == 65 && foreign.err.contains(world.kids["24"]!), "\(foreign.err)")
            let garbage = try world.run(["certificate", "verify", "https://example.com/x"])
            #expect(garbage.status == 65 && !garbage.err.isEmpty)
        }
    }
}

/// Printing through the CLI: batches with a progress bar, one file each, status lists and
/// revocation, and the refusals.
@Suite(.serialized) struct PrintingCLITests {
    @Test func aWholeDecisionInOneFileOrOneFileEach() throws {
        let world = try PrintWorld.shared.get()
        try withScratch { dir in
            let batch = try world.pdf(["certificate", "print", "--decision", "1523/QĐ-UBND"], name: "all.pdf", in: dir)
            let poppler = try Poppler(batch)
            #expect(poppler.pages == 8 && poppler.onlyLiberationSerif)
            let numbers = (1...8).map { "GCN-24-2026-000\($0)" }
            let pages = poppler.text.components(separatedBy: "\u{0C}")
            #expect(zip(numbers, pages).allSatisfy { $1.contains("Số giấy chứng nhận: \($0)") })
            // Default name in the current folder, said on standard output.
            let named = try world.run(["certificate", "print", "--decision", "1523/QĐ-UBND"], in: dir)
            #expect(named.status == 0 && named.out == "Đã ghi GCN-1523-QD-UBND-2026.pdf (8 trang, \(max(1, (batch.count + 512) / 1024)) KB).\n", "\(named.out)")
            #expect(try Data(contentsOf: dir.appendingPathComponent("GCN-1523-QD-UBND-2026.pdf")) == batch)
            let split = try world.run(["certificate", "print", "--decision", "1523/QĐ-UBND", "--split", "each"], in: dir)
            #expect(split.status == 0 && split.out.split(separator: "\n").count == 8, "\(split.err)")
            let files = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("each").path).sorted()
            #expect(files == numbers.map { "\($0).pdf" })
            // The PDF streams to a pipe, never to a terminal.
            let piped = try world.run(["certificate", "print", "GCN-24-2026-0001", "--output", "-"])
            #expect(piped.status == 0 && piped.out.hasPrefix("%PDF-"))
            let terminal = try PTYProcess(["certificate", "print", "GCN-24-2026-0001", "--output", "-"], env: world.environment)
            #expect(terminal.wait() == 65)
            #expect(terminal.waitFor("Không ghi tệp PDF ra màn hình"), "\(terminal.output)")
            // Numbers and a decision together are refused.
            #expect(try world.run(["certificate", "print", "GCN-24-2026-0001", "--decision", "1523/QĐ-UBND"]).status == 64)
        }
    }

    /// `ocop` links no printing library; it runs `ocop-print` from next to itself or from
    /// `../libexec/ocop/`, and says so when neither is there.
    @Test func printingGoesThroughTheHelper() throws {
        let world = try PrintWorld.shared.get()
        let libraries = try tool("ldd", [ocopBinary])
        #expect(libraries.status == 0 && !libraries.out.contains("cairo") && !libraries.out.contains("pango"), "\(libraries.out)")
        let helper = URL(fileURLWithPath: ocopBinary).deletingLastPathComponent().appendingPathComponent("ocop-print")
        try withScratch { dir in
            let alone = dir.appendingPathComponent("alone", isDirectory: true), installed = dir.appendingPathComponent("prefix", isDirectory: true)
            for folder in [alone, installed.appendingPathComponent("bin"), installed.appendingPathComponent("libexec/ocop")] {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            }
            try FileManager.default.copyItem(atPath: ocopBinary, toPath: alone.appendingPathComponent("ocop").path)
            try FileManager.default.copyItem(atPath: ocopBinary, toPath: installed.appendingPathComponent("bin/ocop").path)
            try FileManager.default.copyItem(at: helper, to: installed.appendingPathComponent("libexec/ocop/ocop-print"))
            let sheet = ["rubric", "sheet", "1", "--pdf", "--output", dir.appendingPathComponent("sheet.pdf").path]
            let missing = try tool(alone.appendingPathComponent("ocop").path, sheet, environment: world.environment)
            #expect(missing.status == 78, "\(missing.err)")
            #expect(missing.err.contains("Không tìm thấy chương trình in ocop-print") && missing.err.contains(alone.appendingPathComponent("ocop-print").path), "\(missing.err)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("sheet.pdf").path))
            let found = try tool(installed.appendingPathComponent("bin/ocop").path, sheet, environment: world.environment)
            #expect(found.status == 0, "\(found.err)")
            #expect(try Poppler(try Data(contentsOf: dir.appendingPathComponent("sheet.pdf"))).pages == 7)
            // Run by hand, the helper says what it is.
            let byHand = try tool(helper.path, [])
            #expect(byHand.status == 64 && byHand.err.contains("use ocop"), "\(byHand.err)")
        }
    }

    @Test func aRevokedCertificateFailsFromTheRegisterAndTheStatusList() throws {
        let world = try PrintWorld.shared.get()
        try withScratch { dir in
            let pdf = try world.pdf(["certificate", "print", "GCN-24-2026-0008"], name: "gcn8.pdf", in: dir)
            let text = try scanQR(pdf)
            let trust = dir.appendingPathComponent("trust.json").path
            #expect(try world.run(["issuer", "key", "export", "--output", trust]).status == 0)
            #expect(try world.run(["certificate", "verify", text]).status == 0)
            let revoke = try world.run(["certificate", "revoke", "GCN-24-2026-0008", "--ground", "đ", "--finding", "Chủ thể ngừng sản xuất",
                                        "--finding-date", "2026-12-02", "--authority", "24", "--number", "1701/QĐ-UBND", "--date", "2026-12-03",
                                        "--signer-name", "Lê Minh Khoa", "--signer-title", "PHÓ CHỦ TỊCH"])
            #expect(revoke.status == 0, "\(revoke.err)")
            let register = try world.run(["certificate", "verify", text])
            #expect(register.status == 65 && register.err.contains("Giấy chứng nhận GCN-24-2026-0008 đã bị thu hồi theo Quyết định số 1701/QĐ-UBND từ ngày 03/12/2026."))
            let list = dir.appendingPathComponent("status-list-24.jwt")
            let published = try world.run(["certificate", "status-list", "--issuer", "24"], in: dir)
            #expect(published.status == 0 && published.out.contains("131072") && published.out.contains("GCN-24-2026-0008"), "\(published.err)")
            let offline = try world.run(["certificate", "verify", text, "--trust", trust, "--status-list", list.path])
            #expect(offline.status == 65 && offline.err.contains("đã bị thu hồi hoặc đã được thay thế"), "\(offline.err)")
            // The list is a compact JWS over a W3C Bitstring Status List with that bit set.
            let jws = try String(contentsOf: list, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            let verified = try StatusListCredential.verify(jws: jws, trustList: try TrustList.decode(json: Array(try Data(contentsOf: URL(fileURLWithPath: trust)))))
            let line = register.out.split(separator: "\n").first { $0.hasPrefix("Chỉ số danh sách trạng thái:") }
            let index = try #require(line.flatMap { $0.split(separator: " ").last }.flatMap { Int($0) })
            #expect(try verified.credential.list.isSet(index) && verified.issuer.code.value == "24")
            // The other certificates stay valid against the same list.
            let first = try scanQR(try world.pdf(["certificate", "print", "GCN-24-2026-0001"], name: "gcn1.pdf", in: dir))
            #expect(try world.run(["certificate", "verify", first, "--trust", trust, "--status-list", list.path]).status == 0)
        }
    }

    @Test func keysAreOwnerOnlyFilesAndTheRegisterListsThem() throws {
        let world = try PrintWorld.shared.get()
        let shown = try world.run(["issuer", "key", "show"])
        #expect(shown.status == 0 && shown.out.contains(world.kids["24"]!) && shown.out.contains(world.kids["BNNMT"]!))
        let json = try world.run(["issuer", "key", "show", "--format", "json", "--issuer", "BNNMT"])
        #expect(json.status == 0 && json.out.contains("\"kid\" : \"\(world.kids["BNNMT"]!)\"") && !json.out.contains(world.kids["24"]!))
        let pem = try world.run(["issuer", "key", "export", "--pem", world.kids["24"]!])
        #expect(pem.status == 0 && pem.out.hasPrefix("-----BEGIN PUBLIC KEY-----"))
        let issuer = try world.run(["issuer", "show", "24"])
        #expect(issuer.status == 0 && issuer.out.contains("Ủy ban nhân dân tỉnh Bắc Ninh (mặc định)"), "\(issuer.out)")
        // A new key: a 0600 file in the 0700 key folder, never written over.
        try withScratch { dir in
            let file = dir.appendingPathComponent("spare.json").path
            let created = try world.run(["issuer", "key", "create", "--issuer", "BNNMT", "--valid-from", "2027-01-01", "--key-file", file])
            #expect(created.status == 0 && created.out.contains("ký giấy chứng nhận cấp từ ngày 01/01/2027"), "\(created.err)")
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            #expect(attributes[.posixPermissions] as? Int == 0o600)
            let again = try world.run(["issuer", "key", "add", "--key-file", file])
            #expect(again.status == 73, "\(again.err)")
            let retired = try world.run(["issuer", "key", "retire", String(created.out.split(separator: " ")[3]), "--date", "2027-06-01"])
            #expect(retired.status == 0 && retired.out.contains("ngừng dùng từ ngày 01/06/2027"), "\(retired.out)\(retired.err)")
        }
        let folder = try FileManager.default.attributesOfItem(atPath: world.home.appendingPathComponent("keys").path)
        #expect(folder[.posixPermissions] as? Int == 0o700)
    }
}
