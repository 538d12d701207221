import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels
import OCOPRubrics
import OCOPStore
import OCOPTestSupport
import Postgres
import Testing

/// All-or-nothing CSV imports against a real PostgreSQL.
@Suite struct ImportTests {
    func problems(_ body: () throws -> Void) -> [ImportProblem] {
        let error = thrown(StoreError.self, body)
        guard case let .importFailed(_, problems)? = error else {
            Issue.record("expected importFailed, got \(String(describing: error))")
            return []
        }
        return problems
    }

    func record(_ line: Int, _ fields: [String: String]) -> ImportRecord { ImportRecord(line: line, fields: fields) }

    func producer(_ line: Int, _ number: String, _ name: String, kind: String = "htx", commune: String = "07534", female: String = "false") -> ImportRecord {
        record(line, ["registration_no": number, "name": name, "kind": kind, "commune_code": commune, "representative_female": female])
    }

    // MARK: Headers

    @Test func headerMustHaveTheRequiredColumns() {
        let found = problems { try RegistryImport.checkHeader(["registration_no", "name", "address"], kind: .producers, file: "p.csv") }
        #expect(found.count == 1)
        #expect(found.first?.line == 1)
        #expect(found.first?.reason.en.contains("missing required column(s): kind, commune_code") == true)
        #expect(found.first?.reason.vi.contains("thiếu cột bắt buộc: kind, commune_code") == true)
    }

    @Test func headerMustNotHaveUnknownOrRepeatedColumns() {
        let found = problems {
            try RegistryImport.checkHeader(["registration_no", "name", "kind", "commune_code", "fax", "name"], kind: .producers, file: "p.csv")
        }
        #expect(found.count == 2)
        #expect(found.contains { $0.reason.en.contains("unknown column(s): fax") })
        #expect(found.contains { $0.reason.en.contains("column name appears twice") && $0.reason.vi.contains("cột name lặp lại") })
        let error = StoreError.importFailed(file: "p.csv", problems: found)
        #expect(error.message(.vi).hasPrefix("Không nhập được p.csv: 2 lỗi, không có dòng nào được ghi."))
        #expect(error.message(.en).contains("  line 1: unknown column(s): fax"))
        #expect(error.kind == .invalidInput)
    }

    @Test func seedHeadersAreAccepted() throws {
        for kind in ImportKind.allCases {
            try RegistryImport.checkHeader(try SeedCSV.header("\(kind.rawValue).csv"), kind: kind, file: kind.rawValue)
        }
    }

    // MARK: Lines

    @Test func everyBadLineIsReportedAndNothingIsWritten() throws {
        let connection = try Fixture.registry("imp_bad")
        let importer = RegistryImport(connection, actor: person("import"))
        let provincesBefore = try connection.count("province"), communesBefore = try connection.count("commune")
        let records = [
            producer(2, "0101", "HTX Một"),
            producer(3, "0102", "HTX Hai", kind: "cong_ty"),
            producer(4, "0103", "HTX Ba", commune: "99999"),
            producer(5, "0104", "HTX Bốn"),
            record(6, ["registration_no": "0105", "name": "", "kind": "ho", "commune_code": "07534"]),
            producer(7, "0106", "HTX Sáu", female: "maybe"),
            // A database-level refusal on a later line: the number of line 2, in the same file.
            producer(9, "0101", "HTX Trùng số"),
            producer(10, "0107", "HTX Bảy"),
        ]
        let found = problems { try importer.run(.producers, records: records, file: "producers.csv", defaultYear: 2026) }
        #expect(found.map(\.line) == [3, 4, 6, 7, 9])
        let byLine = Dictionary(uniqueKeysWithValues: found.map { ($0.line, $0) })
        #expect(byLine[3]?.reason.en.contains("unknown kind \"cong_ty\"") == true)
        #expect(byLine[4]?.reason.vi == "Không tìm thấy xã/phường 99999.")
        #expect(byLine[6]?.reason.en == "column name is empty")
        #expect(byLine[7]?.reason.en.contains("representative_female = \"maybe\" is not true/false") == true)
        #expect(byLine[9]?.reason.vi == "Mã số thuế/đăng ký 0101 đã được đăng ký cho HTX Một.")
        #expect(byLine[9]?.message(.en) == "line 9: Registration/tax number 0101 is already registered to HTX Một.")

        #expect(try connection.count("producer") == 0)
        #expect(try connection.count("province") == provincesBefore && connection.count("commune") == communesBefore)
        #expect(!connection.isInTransaction)
        // The connection is fine afterwards: the good lines alone go in.
        let good = records.filter { [2, 5, 10].contains($0.line) }
        #expect(try importer.run(.producers, records: good, file: "producers.csv", defaultYear: 2026) == 3)
        #expect(try connection.count("producer") == 3)
    }

    @Test func badLinesOfEveryKind() throws {
        let connection = try Fixture.registry("imp_kinds")
        try RubricRepository(connection).sync(try bundledCatalog.get().snapshots)
        let importer = RegistryImport(connection, actor: person("import"))
        #expect(try importer.run(.producers, records: [producer(2, "0101", "HTX Một")], file: "p", defaultYear: 2026) == 1)
        let before = try ["province", "commune", "producer", "product", "star_recognition", "commune_product_serial"].map { try connection.count($0) }

        let provinceProblems = problems { try importer.run(.provinces, records: [
            record(2, ["code": "30", "name": "Hải Dương", "kind": "tinh", "valid_to": "2025-06-31"]),
            record(3, ["code": "31", "name": "Hải Phòng", "kind": "huyen"]),
            record(4, ["code": "32", "name": "Ở đâu", "successor_code": "77"]),
        ], file: "provinces.csv", defaultYear: 2026) }
        #expect(provinceProblems.map(\.line) == [2, 3, 4])
        #expect(provinceProblems[0].reason.en.contains("is not a YYYY-MM-DD date"))
        #expect(provinceProblems[2].reason.en.hasPrefix("successor_code: "))

        let communeProblems = problems { try importer.run(.communes, records: [
            record(2, ["code": "07999", "name": "Mới", "province_code": "24", "kind": "xa"]),
            record(3, ["code": "07998", "name": "Không tỉnh", "province_code": "88"]),
            record(4, ["code": "07997", "name": "Sai loại", "province_code": "24", "kind": "huyen"]),
        ], file: "communes.csv", defaultYear: 2026) }
        #expect(communeProblems.map(\.line) == [3, 4])
        #expect(communeProblems[0].reason.vi == "Không tìm thấy tỉnh/thành phố 88.")

        let productProblems = problems { try importer.run(.products, records: [
            record(2, ["name": "Trà", "producer_registration_no": "0101", "product_set": "12"]),
            record(3, ["name": "Trà", "producer_registration_no": "0101", "product_set": "12"]),
            record(4, ["name": "Mật", "producer_registration_no": "0101", "product_set": "bốn"]),
            record(5, ["name": "Rượu", "producer_registration_no": "0101", "product_set": "27"]),
            record(6, ["name": "Gạo", "producer_registration_no": "0999", "product_set": "3"]),
        ], file: "products.csv", defaultYear: 2026) }
        #expect(productProblems.map(\.line) == [3, 4, 5, 6])
        #expect(productProblems[0].reason.vi.contains("đã có sản phẩm tên \"Trà\""))
        #expect(productProblems[1].reason.en.contains("is not a whole number"))

        let recognitionProblems = problems { try importer.run(.recognitions, records: [
            record(2, ["product_name": "Không có", "producer_registration_no": "0101", "stars": "3", "year": "2020", "rubric": "qd1048-2019", "province_code": "24"]),
        ], file: "recognitions.csv", defaultYear: 2026) }
        #expect(recognitionProblems.map(\.line) == [2])
        #expect(recognitionProblems.first?.reason.en == "no product \"Không có\" of producer 0101")

        let after = try ["province", "commune", "producer", "product", "star_recognition", "commune_product_serial"].map { try connection.count($0) }
        #expect(after == before)
    }

    @Test func aGoodFileImportsEverything() throws {
        let connection = try Fixture.registry("imp_good")
        let importer = RegistryImport(connection, actor: person("can-bo"))
        var progress: [Int] = []
        let records = [producer(2, "0101", "HTX Một", female: "true"), producer(3, "0102", "Hộ Hai", kind: "hộ gia đình", commune: "07339"),
                       producer(4, "0103", "Trang trại Ba", kind: "trang trại", female: "có")]
        var totals: Set<Int> = []
        let written = try importer.run(.producers, records: records, file: "p.csv", defaultYear: 2026) { done, total in
            progress.append(done)
            totals.insert(total)
        }
        #expect(written == 3 && totals == [3])
        #expect(progress == [1, 2, 3])
        let registry = ProducerRepository(connection)
        #expect(try registry.producer("0102").kind == .household)
        #expect(try registry.producer("0103").representative.female)
        #expect(try registry.producer("0101").representative.female)

        #expect(try importer.run(.products, records: [
            record(2, ["name": "Trà", "producer_registration_no": "0101", "product_set": "12"]),
            record(3, ["name": "Tương", "producer_registration_no": "0102", "product_set": "9", "year": "2025"]),
            record(4, ["name": "Gạo", "producer_registration_no": "0103", "product_set": "3", "code": "24-07534-099-2021"]),
        ], file: "products.csv", defaultYear: 2026) == 3)
        #expect(try ProductRepository(connection).products().map(\.code).sorted() == ["24-07339-001-2025", "24-07534-001-2026", "24-07534-099-2021"])
    }

    // MARK: The demo seed

    @Test func theWholeDemoSeedImports() throws {
        let connection = try TestDatabase.migrated(prefix: "imp_seed")
        try RubricRepository(connection).sync(try bundledCatalog.get().snapshots)
        let importer = RegistryImport(connection, actor: person("seed"))
        var counts: [ImportKind: Int] = [:]
        for kind in [ImportKind.provinces, .communes, .producers, .products, .recognitions] {
            let file = "\(kind.rawValue).csv"
            try RegistryImport.checkHeader(try SeedCSV.header(file), kind: kind, file: file)
            counts[kind] = try importer.run(kind, records: try SeedCSV.records(file), file: file, defaultYear: 2026)
        }
        #expect(counts == [.provinces: 3, .communes: 64, .producers: 61, .products: 100, .recognitions: 106])
        #expect(try connection.count("province") == 3 && connection.count("commune") == 64 && connection.count("producer") == 61)
        #expect(try connection.count("province", where: "successor_id IS NOT NULL") == 2)

        #expect(try connection.count("star_recognition", where: "year IN (2019, 2020)") == 95)
        #expect(try connection.count("star_recognition", where: "year = 2019") == 46)
        #expect(try connection.count("star_recognition", where: "year = 2020") == 49)
        #expect(try connection.count("star_recognition", where: "year IN (2019, 2020) AND stars = 4") == 24)
        #expect(try connection.count("star_recognition", where: "year IN (2019, 2020) AND stars = 3") == 71)
        #expect(try connection.count("star_recognition", where: "year = 2023") == 7)
        #expect(try connection.count("star_recognition", where: "year = 2024") == 4)
        #expect(try connection.count("star_recognition", where: "issuer = 'district'") == 8)
        // The 2023 re-evaluations came once the 2020 certificates' windows were open: each supersedes its predecessor.
        #expect(try connection.count("star_recognition", where: "superseded_on = '2023-11-24'") == 7)
        #expect(try connection.count("star_recognition", where: "certificate_no !~ '^GCN-24-20(19|2[0-4])-[0-9]{4}$'") == 0)
        // 95 distinct products, 57 producers with the report's shares (50 htx, 4 dn, 3 ho).
        #expect(try connection.one("SELECT count(DISTINCT product_id) AS n FROM star_recognition WHERE year IN (2019, 2020)").decode(Int.self, "n") == 95)
        let kinds = try connection.query("""
            SELECT p.kind, count(*) AS n FROM producer p
            WHERE EXISTS (SELECT 1 FROM product pr JOIN star_recognition s ON s.product_id = pr.id WHERE pr.producer_id = p.id AND s.year IN (2019, 2020))
            GROUP BY p.kind
            """).reduce(into: [String: Int]()) { $0[try $1.decode(String.self, "kind")] = try $1.decode(Int.self, "n") }
        #expect(kinds == ["htx": 50, "dn": 4, "ho": 3])
        // Old certificates resolve province 24 to old Bắc Giang; every product got a code.
        #expect(try connection.count("star_recognition s JOIN province p ON p.id = s.province_id", where: "p.name <> 'Bắc Giang'") == 0)
        #expect(try connection.count("product", where: "code !~ '^[0-9]+-[0-9]{5}-[0-9]{3}-[0-9]{4}$'") == 0)
        #expect(try connection.count("star_recognition", where: "valid_until <> (decision_date + interval '36 months')::date") == 0)
    }
}
