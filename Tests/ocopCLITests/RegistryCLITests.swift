import Foundation
import OCOPTestSupport
import Postgres
import Testing

/// `ocop` run as a user runs it: imports, producers, products and dossiers against a configured
/// database (a fresh migrated one per test) and once against the embedded cluster.
@Suite struct RegistryCLITests {
    static let seed = packageRoot.appendingPathComponent("db/seed", isDirectory: true)

    /// A fresh migrated database as `OCOP_DATABASE_URL`; the acting person is set too.
    func configured(_ prefix: String, _ extra: [String: String] = [:]) throws -> [String: String] {
        let target = try TestDatabase.migratedTarget(prefix: prefix)
        return cleanEnvironment(["OCOP_DATABASE_URL": target.conninfo, "OCOP_USER": "thu-ky-hoi-dong"].merging(extra) { $1 })
    }

    @discardableResult
    func ok(_ arguments: [String], _ environment: [String: String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try runOCOP(arguments, environment: environment)
        #expect(result.status == 0, "ocop \(arguments.joined(separator: " ")) exited \(result.status): \(result.err)", sourceLocation: sourceLocation)
        return result.out
    }

    func importSeed(_ environment: [String: String], _ kinds: [String] = ["provinces", "communes", "producers"]) throws {
        let expected = ["provinces": 3, "communes": 64, "producers": 61, "products": 100, "recognitions": 106]
        for kind in kinds {
            let path = Self.seed.appendingPathComponent("\(kind).csv").path
            let out = try ok(["import", kind, path] + (kind == "products" ? ["--year", "2026"] : []), environment)
            #expect(out == "Đã nhập \(path) (\(kind)): thêm mới \(expected[kind]!), đã có (không đổi) 0, cập nhật 0.\n")
        }
    }

    func producers(_ environment: [String: String]) throws -> [[String: Any]] {
        let out = try ok(["producer", "list", "--format", "json"], environment)
        return try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
    }

    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ocop-\(UUID().uuidString)-\(name)")
        try Data(bytes).write(to: url)
        return url.path
    }

    func file(_ name: String, _ text: String) throws -> String { try file(name, Array(text.utf8)) }

    // MARK: Producers

    @Test func importAndListProducers() throws {
        let env = try configured("cli_producers")
        try importSeed(env)

        let duplicate = try runOCOP(["producer", "add", "--registration", "2400910001", "--name", "Công ty TNHH Khác", "--kind", "dn", "--commune", "07534"], environment: env)
        #expect(duplicate.status == 73, "a conflict with what is recorded")
        #expect(duplicate.err == "Mã số thuế/đăng ký 2400910001 đã được đăng ký cho HTX Dược liệu Sa Lý.\n")
        #expect(duplicate.out.isEmpty)
        let english = try runOCOP(["producer", "add", "--lang", "en", "--registration", "2400910001", "--name", "X", "--kind", "dn", "--commune", "07534"], environment: env)
        #expect(english.status == 73 && english.err == "Registration/tax number 2400910001 is already registered to HTX Dược liệu Sa Lý.\n")
        let unknownCommune = try runOCOP(["producer", "add", "--registration", "0109999999", "--name", "Hộ Mới", "--kind", "ho", "--commune", "99999"], environment: env)
        #expect(unknownCommune.status == 66 && unknownCommune.err.contains("Không tìm thấy xã/phường 99999."), "\(unknownCommune)")

        let json = try producers(env)
        #expect(json.count == 61)
        let saLy = try #require(json.first { $0["registrationNo"] as? String == "2400910001" })
        #expect(saLy["name"] as? String == "HTX Dược liệu Sa Lý" && saLy["kind"] as? String == "htx" && saLy["communeCode"] as? String == "07534")

        let csv = try ok(["producer", "list", "--format", "csv"], env).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(csv.first == "id,mã số,tên,loại hình,xã,số SP")
        #expect(csv.filter { !$0.isEmpty }.count == 62)
        #expect(csv.contains { $0.hasSuffix(",2400910001,HTX Dược liệu Sa Lý,htx,Sa Lý (07534),0") })

        let table = try ok(["producer", "list", "--format", "table", "--search", "Sa Lý"], env).split(separator: "\n").map(String.init)
        #expect(table.count == 3)
        #expect(table[0].hasPrefix("id") && table[0].contains("mã số") && table[0].contains("tên"))
        #expect(table[1].hasPrefix("─"))
        #expect(table[2].contains("2400910001") && table[2].contains("HTX Dược liệu Sa Lý"))

        let englishCSV = try ok(["producer", "list", "--format", "csv", "--lang", "en", "--kind", "hoi"], env)
        #expect(englishCSV.hasPrefix("id,number,name,kind,commune,products\n"))
        #expect(englishCSV.contains(",2400910004,Hội Du lịch cộng đồng xã Xuân Lương,hoi,"))

        let added = try ok(["producer", "add", "--registration", "0109999999", "--name", "Hộ kinh doanh Mới", "--kind", "hộ gia đình", "--commune", "07534", "--female"], env)
        #expect(added.hasPrefix("Đã đăng ký chủ thể Hộ kinh doanh Mới (mã số 0109999999, id "))
        #expect(try producers(env).count == 62)
    }

    /// `--dry-run` reports what the import would do, and every error, and writes nothing.
    @Test func aDryRunChecksAndWritesNothing() throws {
        let env = try configured("cli_dryrun")
        try importSeed(env, ["provinces", "communes"])
        let path = Self.seed.appendingPathComponent("producers.csv").path
        let checked = try ok(["import", "producers", path, "--dry-run"], env)
        #expect(checked == "Đã kiểm tra \(path) (producers), không ghi gì: nếu nhập sẽ thêm mới 61, đã có (không đổi) 0, cập nhật 0.\n")
        #expect(try producers(env).isEmpty)
        try importSeed(env, ["producers"])

        let text = try String(contentsOfFile: path, encoding: .utf8)
        let edited = try file("producers.csv", text.replacingOccurrences(of: "HTX Dược liệu Sa Lý", with: "HTX Dược liệu Sa Lý Mới"))
        let update = try ok(["import", "producers", edited, "--update", "--dry-run", "--lang", "en"], env)
        #expect(update.hasPrefix("Checked \(edited) (producers), nothing written: an import would add 0, find 60 already there (unchanged), update 1."), "\(update)")
        #expect(update.contains("«HTX Dược liệu Sa Lý» → «HTX Dược liệu Sa Lý Mới»"), "\(update)")
        #expect(try producers(env).contains { $0["name"] as? String == "HTX Dược liệu Sa Lý" })
        let refused = try runOCOP(["import", "producers", edited, "--dry-run"], environment: env)
        #expect(refused.status == 65 && refused.err.contains("HTX Dược liệu Sa Lý Mới"), "without --update the change is refused, as by an import")
    }

    // MARK: Products and dossiers

    @Test func productsAndADossierWalk() throws {
        let env = try configured("cli_dossier")
        try importSeed(env)

        let tea = try ok(["product", "add", "--name", "Trà giảo cổ lam Sa Lý", "--producer", "2400910001", "--set", "12", "--year", "2026"], env)
        #expect(tea == "Đã thêm sản phẩm Trà giảo cổ lam Sa Lý, mã 24-07534-001-2026 (bộ 12).\n")
        let second = try ok(["product", "add", "--lang", "en", "--name", "Cao giảo cổ lam", "--producer", "2400910001", "--set", "20", "--year", "2026"], env)
        #expect(second == "Added product Cao giảo cổ lam, code 24-07534-002-2026 (set 20).\n")
        let association = try runOCOP(["product", "add", "--name", "Mật ong", "--producer", "2400910004", "--set", "4", "--year", "2026"], environment: env)
        #expect(association.status == 65 && association.err.contains("bộ 26"))

        let opened = try ok(["dossier", "open", "--product", "24-07534-001-2026", "--filed-on", "2026-07-01", "--target-stars", "3", "--as", "can-bo-xa-sa-ly", "--note", "Nộp tại xã"], env)
        #expect(opened.hasPrefix("Đã mở hồ sơ HS-2026-0001 cho Trà giảo cổ lam Sa Lý (Đánh giá lần đầu, nộp ngày 01/07/2026, kỳ 2/2026, bộ tiêu chí qd26-2026)."),
                "the round comes from the filing date")
        let again = try runOCOP(["dossier", "open", "--product", "24-07534-001-2026", "--year", "2026", "--round", "2"], environment: env)
        #expect(again.status == 73 && again.err.contains("HS-2026-0001"))

        #expect(try ok(["dossier", "advance", "HS-2026-0001", "--note", "Tiếp nhận"], env) == "HS-2026-0001: UBND cấp xã đang đánh giá sơ bộ\n")
        #expect(try ok(["dossier", "advance", "hs-2026-0001", "--lang", "en"], env) == "HS-2026-0001: Provincial OCOP body checking the file\n")
        let noMissing = try runOCOP(["dossier", "return", "HS-2026-0001"], environment: env)
        #expect(noMissing.status == 65 && noMissing.err.contains("--missing"))
        let returned = try ok(["dossier", "return", "HS-2026-0001", "--missing", "Phiếu kết quả kiểm nghiệm", "--missing", "Ảnh nhãn sản phẩm", "--note", "Thiếu hồ sơ", "--as", "so-nnmt"], env)
        #expect(returned == "HS-2026-0001: Hồ sơ được trả lại để bổ sung: Phiếu kết quả kiểm nghiệm; Ảnh nhãn sản phẩm\n")

        let status = try ok(["dossier", "status", "HS-2026-0001"], env)
        #expect(status.contains("HS-2026-0001 — Trà giảo cổ lam Sa Lý (24-07534-001-2026)"))
        #expect(status.contains("Hồ sơ được trả lại để bổ sung"))
        #expect(status.contains("Chủ thể OCOP (cần bổ sung hồ sơ)"))
        #expect(status.contains("Ghi chú") && status.contains("Thiếu hồ sơ"))
        #expect(status.hasSuffix("Cần bổ sung:\n  - Phiếu kết quả kiểm nghiệm\n  - Ảnh nhãn sản phẩm\n"))
        let statusJSON = try #require(try JSONSerialization.jsonObject(with: Data(ok(["dossier", "status", "HS-2026-0001", "--format", "json"], env).utf8)) as? [String: Any])
        #expect(statusJSON["status"] as? String == "returned")
        #expect(statusJSON["missing"] as? [String] == ["Phiếu kết quả kiểm nghiệm", "Ảnh nhãn sản phẩm"])

        let illegal = try runOCOP(["dossier", "return", "HS-2026-0001", "--missing", "x"], environment: env)
        #expect(illegal.status == 65)
        #expect(illegal.err.contains("Không thể trả lại để bổ sung hồ sơ HS-2026-0001: hồ sơ đang ở trạng thái «Hồ sơ được trả lại để bổ sung»"), "\(illegal.err)")
        #expect(illegal.err.contains("«Cơ quan tham mưu cấp tỉnh đang kiểm tra hồ sơ»") && illegal.err.contains("«Chủ thể đã rút hồ sơ»"))
        #expect(!illegal.err.contains("provincial_review") && !illegal.err.contains("withdrawn"), "no English ids in Vietnamese")

        // English, by flag and by environment.
        let en = try ok(["dossier", "status", "HS-2026-0001", "--lang", "en"], env)
        #expect(en.contains("Returned for completion") && en.hasSuffix("Missing:\n  - Phiếu kết quả kiểm nghiệm\n  - Ảnh nhãn sản phẩm\n"))
        #expect(try ok(["dossier", "status", "HS-2026-0001"], env.merging(["OCOP_LANG": "en"]) { $1 }) == en)

        #expect(try ok(["dossier", "advance", "HS-2026-0001", "--note", "Đã bổ sung"], env) == "HS-2026-0001: Cơ quan tham mưu cấp tỉnh đang kiểm tra hồ sơ\n")
        let history = try ok(["dossier", "history", "HS-2026-0001", "--format", "csv"], env).split(separator: "\n").map(String.init)
        #expect(history.first == "thời điểm,người thực hiện,thao tác,từ,sang,ghi chú")
        let rows = history.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).dropFirst().map(String.init) }
        #expect(rows.map { $0.prefix(4).joined(separator: ",") } == [
            "can-bo-xa-sa-ly,mở hồ sơ,,đã nộp",
            "thu-ky-hoi-dong,chuyển bước,đã nộp,xã đánh giá sơ bộ",
            "thu-ky-hoi-dong,chuyển bước,xã đánh giá sơ bộ,tỉnh kiểm tra hồ sơ",
            "so-nnmt,trả lại bổ sung,tỉnh kiểm tra hồ sơ,trả lại để bổ sung",
            "thu-ky-hoi-dong,nộp lại,trả lại để bổ sung,tỉnh kiểm tra hồ sơ",
        ])
        #expect(rows[3].last == "Thiếu hồ sơ — thiếu: Phiếu kết quả kiểm nghiệm; Ảnh nhãn sản phẩm")
        let historyTable = try ok(["dossier", "history", "HS-2026-0001", "--lang", "en"], env)
        #expect(historyTable.hasPrefix("at") && historyTable.contains("missing: Phiếu kết quả kiểm nghiệm"))

        let listed = try ok(["dossier", "list", "--year", "2026", "--format", "csv"], env)
        #expect(listed == "hồ sơ,sản phẩm,bộ,loại,kỳ,trạng thái\nHS-2026-0001,Trà giảo cổ lam Sa Lý,12,Đánh giá lần đầu,2/2026,tỉnh kiểm tra hồ sơ\n")
        let listedEnglish = try ok(["dossier", "list", "--year", "2026", "--format", "csv", "--lang", "en"], env)
        #expect(listedEnglish == "dossier,product,set,kind,round,status\nHS-2026-0001,Trà giảo cổ lam Sa Lý,12,First evaluation,2/2026,provincial_review\n")
    }

    @Test func anUnknownDossierExits66() throws {
        let env = try configured("cli_unknown")
        let vi = try runOCOP(["dossier", "status", "HS-2099-9999"], environment: env)
        #expect(vi.status == 66)
        #expect(vi.err == "Không tìm thấy hồ sơ HS-2099-9999.\n")
        let en = try runOCOP(["dossier", "status", "HS-2099-9999", "--lang", "en"], environment: env)
        #expect(en.status == 66 && en.err == "No dossier HS-2099-9999.\n")
        let byEnvironment = try runOCOP(["dossier", "status", "HS-2099-9999"], environment: env.merging(["OCOP_LANG": "en"]) { $1 })
        #expect(byEnvironment.status == 66 && byEnvironment.err == "No dossier HS-2099-9999.\n")
        let advance = try runOCOP(["dossier", "advance", "HS-2099-9999"], environment: env)
        #expect(advance.status == 66 && advance.err.contains("HS-2099-9999"))
    }

    // MARK: Schema policy

    @Test func aConfiguredDatabaseWithPendingMigrationsIsRefused() throws {
        let admin = try TestDatabase.create(prefix: "cli_stale")
        // The officials' login reads and writes; the administrator's migrates (docs/roles.md).
        var env = cleenv(TestDatabase.login(TestDatabase.office, on: admin).conninfo)
        env["OCOP_ADMIN_DATABASE_URL"] = admin.conninfo
        let refused = try runOCOP(["producer", "list"], environment: env)
        #expect(refused.status == 78)
        #expect(refused.err.contains("ocop db migrate"))
        #expect(refused.err.contains("0001_registry") && refused.err.contains("0002_rubrics"))

        let dryRun = try ok(["db", "migrate", "--dry-run"], env)
        #expect(dryRun.hasPrefix("Sẽ áp dụng:\n  0001_registry\n  0002_rubrics\n"))
        #expect(try runOCOP(["producer", "list"], environment: env).status == 78, "a dry run applies nothing")

        let applied = try ok(["db", "migrate"], env)
        #expect(applied.hasPrefix("Đã áp dụng:\n  0001_registry\n  0002_rubrics\n"))
        let connection = try Connection(admin)
        try TestDatabase.ensureOfficeLogin(connection)
        #expect(try producers(env).isEmpty)
        // The application refuses to work as the administrator: the access rules would not hold.
        let privileged = try runOCOP(["producer", "list"], environment: cleenv(admin.conninfo))
        #expect(privileged.status == 78 && privileged.err.contains("tài khoản quản trị"), "\(privileged.err)")
        #expect(try ok(["db", "migrate", "--dry-run"], env) == "Lược đồ đã là mới nhất.\n")
        #expect(try ok(["db", "migrate", "--lang", "en"], env) == "The schema is up to date.\n")
    }

    func cleenv(_ conninfo: String) -> [String: String] {
        cleanEnvironment(["OCOP_DATABASE_URL": conninfo, "OCOP_USER": "operator"])
    }

    // MARK: Malformed files

    /// Excel on Vietnamese Windows saves "CSV" with semicolons (the decimal mark is a comma); a
    /// copy from a spreadsheet has tabs. The header line tells which; quoting works the same.
    @Test func semicolonAndTabSeparatedFilesImport() throws {
        let env = try configured("cli_semicolon")
        try importSeed(env, ["provinces", "communes"])
        let semicolon = try file("excel-vi.csv", "\u{FEFF}registration_no;name;kind;commune_code;address\r\n"
            + "0101000001;HTX Một;htx;07534;\"thôn 1; xã Sa Lý, tỉnh Bắc Ninh\"\r\n0101000002;\"HTX \"\"Hai\"\"\";htx;07534;\r\n")
        let tab = try file("copied.tsv", "registration_no\tname\tkind\tcommune_code\n0101000003\tHTX Ba, Bốn\tdn\t07534\n")
        defer { for path in [semicolon, tab] { try? FileManager.default.removeItem(atPath: path) } }
        #expect(try ok(["import", "producers", semicolon], env).contains("thêm mới 2"))
        #expect(try ok(["import", "producers", tab], env).contains("thêm mới 1"))
        let stored = Dictionary(uniqueKeysWithValues: try producers(env).map { ($0["registrationNo"] as? String ?? "", $0) })
        #expect(stored["0101000001"]?["address"] as? String == "thôn 1; xã Sa Lý, tỉnh Bắc Ninh")
        #expect(stored["0101000002"]?["name"] as? String == "HTX \"Hai\"")
        #expect(stored["0101000003"]?["name"] as? String == "HTX Ba, Bốn" && stored["0101000003"]?["kind"] as? String == "dn")
        // A quoting mistake is found with the file's own separator.
        let broken = try file("broken.csv", "registration_no;name;kind;commune_code\r\n0101000004;\"HTX Năm\" x;htx;07534\r\n")
        defer { try? FileManager.default.removeItem(atPath: broken) }
        let result = try runOCOP(["import", "producers", broken, "--lang", "en"], environment: env)
        #expect(result.status == 65 && result.err.contains("line 2: character \"x\" right after a closing quote"), "\(result.err)")
    }

    /// Logins, roles and their scope through the CLI (the rules themselves: RoleTests).
    @Test func usersAndRoles() throws {
        let target = try TestDatabase.migratedTarget(prefix: "cli_users")
        var env = cleanEnvironment(["OCOP_DATABASE_URL": target.conninfo, "OCOP_USER": "thu-ky-hoi-dong"])
        try importSeed(env, ["provinces", "communes"])
        // Logins are cluster-wide: named after this test's database.
        let database = try Connection(target).one("SELECT current_database() AS d").decode(String.self, "d")
        let login = "u" + String(database.filter(\.isNumber).suffix(12)) + "_thu"
        // Making logins is administration: without OCOP_ADMIN_DATABASE_URL the login in use may not.
        let refused = try runOCOP(["user", "add", login, "--person", "bui-thi-thu", "--name", "Bùi Thị Thu"], environment: env)
        #expect(refused.status == 78 && refused.err.contains("không có quyền") && refused.err.contains("OCOP_ADMIN_DATABASE_URL"), "\(refused)")
        env["OCOP_ADMIN_DATABASE_URL"] = try TestDatabase.administrator(of: target).conninfo
        let add = try runOCOP(["user", "add", login, "--person", "bui-thi-thu", "--name", "Bùi Thị Thu"], environment: env)
        #expect(add.status == 0 && add.out.contains("\(login) → bui-thi-thu (Bùi Thị Thu)"), "\(add)")
        let council = try runOCOP(["user", "grant", login, "council"], environment: env)
        #expect(council.status == 0 && council.out.contains("council (Thành viên Hội đồng)"), "\(council)")
        let commune = try runOCOP(["user", "grant", login, "commune"], environment: env)
        #expect(commune.status == 65 && commune.err.hasPrefix("Thiếu mã xã: "), "\(commune)")
        let short = try runOCOP(["user", "add", login + "2", "--person", "bui-thi-thu", "--password-stdin"], environment: env)
        #expect(short.status == 65 && short.err.contains("mật khẩu cần ít nhất 12 ký tự"), "an empty password is refused: \(short)")
        // The table names roles in the reader's words; JSON keeps the ids.
        let vi = try ok(["user", "list"], env).split(separator: "\n").first { $0.hasPrefix(login + " ") } ?? ""
        #expect(vi.contains("Thành viên Hội đồng") && !vi.contains("council"), "\(vi)")
        let en = try ok(["user", "list", "--lang", "en"], env).split(separator: "\n").first { $0.hasPrefix(login + " ") } ?? ""
        #expect(en.hasSuffix("council"), "\(en)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try ok(["user", "list", "--format", "json"], env).utf8)) as? [[String: Any]])
        #expect(json.first { $0["login"] as? String == login }?["roles"] as? [String] == ["council"])
    }

    @Test func malformedCSVIsRefusedWithItsLineAndNothingIsWritten() throws {
        let env = try configured("cli_badcsv")
        try importSeed(env, ["provinces", "communes"])
        let header = "registration_no,name,kind,commune_code\r\n"
        let good = "0101000001,HTX Một,htx,07534\r\n"
        let cases: [(String, String, [String])] = [
            ("unclosed.csv", try file("unclosed.csv", header + good + "0101000002,\"HTX Hai,htx,07534\r\n0101000003,HTX Ba,htx,07534\r\n"),
             ["dòng 3", "dấu ngoặc kép", "không bao giờ được đóng"]),
            ("fields.csv", try file("fields.csv", header + good + "0101000002,HTX Hai,htx\r\n0101000003,HTX Ba,htx,07534\r\n"),
             ["dòng 3: có 3 cột, tiêu đề có 4"]),
            ("extra.csv", try file("extra.csv", header + good + good + "0101000004,HTX Bốn,htx,07534,thừa\r\n"),
             ["dòng 4: có 5 cột, tiêu đề có 4"]),
            ("latin1.csv", try file("latin1.csv", Array((header + good).utf8) + [0x30, 0x31, 0x2C, 0x48, 0xE0, 0x2C, 0x68, 0x74, 0x78, 0x2C, 0x30, 0x37, 0x35, 0x33, 0x34, 0x0D, 0x0A]),
             ["không phải UTF-8", "dòng 3"]),
            ("duplicate.csv", try file("duplicate.csv", header + good + "0101000002,HTX Hai,htx,07534\r\n0101000001,HTX Trùng,dn,07534\r\n"),
             ["dòng 4: chủ thể 0101000001 trùng với dòng 2 (cùng khoá)"]),
        ]
        for (name, path, fragments) in cases {
            defer { try? FileManager.default.removeItem(atPath: path) }
            let result = try runOCOP(["import", "producers", path], environment: env)
            #expect(result.status == 65, "\(name): exit \(result.status) \(result.err)")
            for fragment in fragments { #expect(result.err.contains(fragment), "\(name): \(result.err)") }
            #expect(result.out.isEmpty, "\(name)")
            #expect(try producers(env).isEmpty, "\(name): nothing written")
        }
        let english = try file("unclosed-en.csv", header + "0101000002,\"HTX Hai,htx,07534\r\n")
        defer { try? FileManager.default.removeItem(atPath: english) }
        let result = try runOCOP(["import", "producers", english, "--lang", "en"], environment: env)
        #expect(result.status == 65 && result.err.contains("line 2: a quoted field opened on this line is never closed"))

        let missingColumn = try file("header.csv", "registration_no,name,commune_code\r\n0101,HTX,07534\r\n")
        defer { try? FileManager.default.removeItem(atPath: missingColumn) }
        let header2 = try runOCOP(["import", "producers", missingColumn], environment: env)
        #expect(header2.status == 65 && header2.err.contains("dòng 1: thiếu cột bắt buộc: kind"))
        let absent = try runOCOP(["import", "producers", "/nonexistent/producers.csv"], environment: env)
        #expect(absent.status == 66)
        #expect(try producers(env).isEmpty)
    }
}

/// The embedded path: no database configured, `OCOP_HOME` in a temporary folder; the first
/// command creates, starts and migrates the cluster.
@Suite(.serialized) struct EmbeddedCLITests {
    @Test func importIntoTheEmbeddedCluster() throws {
        let letters = "abcdefghijklmnopqrstuvwxyz0123456789"
        let home = "/tmp/ocop-cli-" + String((0..<8).map { _ in letters.randomElement()! })
        let env = cleanEnvironment(["OCOP_HOME": home, "OCOP_USER": "thu-ky"])
        defer {
            _ = try? runOCOP(["db", "stop"], environment: env)
            try? FileManager.default.removeItem(atPath: home)
        }
        let seed = packageRoot.appendingPathComponent("db/seed", isDirectory: true)
        let before = try runOCOP(["db", "status", "--lang", "en"], environment: env)
        #expect(before.status == 0 && before.out.contains("not created yet"))
        for (kind, count) in [("provinces", 3), ("communes", 64), ("producers", 61)] {
            let path = seed.appendingPathComponent("\(kind).csv").path
            let result = try runOCOP(["import", kind, path], environment: env)
            #expect(result.status == 0, "\(kind): \(result.err)")
            #expect(result.out == "Đã nhập \(path) (\(kind)): thêm mới \(count), đã có (không đổi) 0, cập nhật 0.\n")
        }
        let listed = try runOCOP(["producer", "list", "--format", "json"], environment: env)
        #expect(listed.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(listed.out.utf8)) as? [[String: Any]]
        #expect(json?.count == 61)
        let status = try runOCOP(["db", "status", "--lang", "en"], environment: env)
        #expect(status.status == 0 && status.out.contains("running (pid "))
        // The server's version as people write it (15.18), not libpq's number (150018).
        let version = status.out.split(separator: "\n").first { $0.hasPrefix("PostgreSQL:") }?.split(separator: " ").last ?? ""
        #expect(version.split(separator: ".").count == 2 && version.allSatisfy { $0.isNumber || $0 == "." }, "\(status.out)")
        #expect(try runOCOP(["db", "migrate", "--dry-run"], environment: env).out == "Lược đồ đã là mới nhất.\n", "the embedded database migrated itself")
        let duplicate = try runOCOP(["producer", "add", "--registration", "2400910001", "--name", "X", "--kind", "dn", "--commune", "07534"], environment: env)
        #expect(duplicate.status == 73 && duplicate.err == "Mã số thuế/đăng ký 2400910001 đã được đăng ký cho HTX Dược liệu Sa Lý.\n")
        let stop = try runOCOP(["db", "stop"], environment: env)
        #expect(stop.status == 0)
        #expect(try runOCOP(["db", "status", "--lang", "en"], environment: env).out.contains("stopped"))
    }
    /// Whether a process runs (a zombie, left for a container's init to reap, does not).
    static func alive(_ pid: Int) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let state = stat.split(separator: ")").last?.split(separator: " ").first else { return false }
        return state != "Z" && state != "X"
    }

    /// `db destroy` deletes the cluster wherever it lives (as root, with a home others cannot
    /// enter: under /var/lib/ocop/clusters) and keeps the home with its keys.
    @Test func destroyDeletesTheClusterAndKeepsTheHome() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ocop-destroy-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: home.appendingPathComponent("keys"), withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: home.path)
        let key = home.appendingPathComponent("keys/24-test.key")
        try Data("secret".utf8).write(to: key)
        let env = cleanEnvironment(["OCOP_HOME": home.path, "OCOP_USER": "thu-ky"])
        defer {
            _ = try? runOCOP(["db", "destroy", "--yes"], environment: env)
            try? FileManager.default.removeItem(at: home)
        }
        #expect(try runOCOP(["db", "start"], environment: env).status == 0)
        let status = try runOCOP(["db", "status", "--format", "json"], environment: env)
        let view = try #require(try JSONSerialization.jsonObject(with: Data(status.out.utf8)) as? [String: Any], "\(status.out)\(status.err)")
        let folder = try #require(view["location"] as? String)
        let server = try #require(view["server"] as? [String: Any])
        let pid = try #require((server["running"] as? [String: Any])?["pid"] as? Int, "\(status.out)")
        #expect(FileManager.default.fileExists(atPath: folder + "/data/PG_VERSION"))

        // Without --yes nothing happens.
        let unconfirmed = try runOCOP(["db", "destroy", "--lang", "en"], environment: env)
        #expect(unconfirmed.status == 65 && unconfirmed.err.contains("deletes \(folder)"), "\(unconfirmed.err)")
        #expect(Self.alive(pid) && FileManager.default.fileExists(atPath: folder))

        let destroyed = try runOCOP(["db", "destroy", "--yes"], environment: env)
        #expect(destroyed.status == 0 && destroyed.out.contains("Đã dừng và xóa cơ sở dữ liệu nội bộ tại \(folder)."), "\(destroyed.out)\(destroyed.err)")
        #expect(!FileManager.default.fileExists(atPath: folder), "the cluster's folder is gone")
        #expect(!Self.alive(pid), "the server is stopped")
        #expect(try String(contentsOf: key, encoding: .utf8) == "secret", "the home and its keys stay")
        let again = try runOCOP(["db", "destroy", "--yes", "--lang", "en"], environment: env)
        #expect(again.status == 0 && again.out == "There is no embedded database at \(folder): nothing to delete.\n", "\(again.out)")
        #expect(try runOCOP(["db", "status", "--lang", "en"], environment: env).out.contains("not created yet"))
    }
}
