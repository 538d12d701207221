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
        #expect(found.first?.reason.en.contains("missing required columns: kind, commune_code") == true)
        #expect(found.first?.reason.vi.contains("thiếu cột bắt buộc: kind, commune_code") == true)
    }

    @Test func headerMustNotHaveUnknownOrRepeatedColumns() {
        let found = problems {
            try RegistryImport.checkHeader(["registration_no", "name", "kind", "commune_code", "fax", "name"], kind: .producers, file: "p.csv")
        }
        #expect(found.count == 2)
        #expect(found.contains { $0.reason.en.contains("unknown column: fax") })
        #expect(found.contains { $0.reason.en.contains("column name appears twice") && $0.reason.vi.contains("cột name lặp lại") })
        let error = StoreError.importFailed(file: "p.csv", problems: found)
        #expect(error.message(.vi).hasPrefix("Không nhập được p.csv: 2 lỗi, không có dòng nào được ghi."))
        #expect(error.message(.en).contains("  line 1: unknown column: fax"))
        #expect(error.kind == .invalidInput)
    }

    @Test func seedHeadersAreAccepted() throws {
        for kind in ImportKind.allCases {
            try RegistryImport.checkHeader(try SeedCSV.header("\(kind.rawValue).csv"), kind: kind, file: kind.rawValue)
        }
    }

    // MARK: Lines

    /// Runs an import the way the application does: the columns are those the records use.
    @discardableResult
    func run(_ importer: RegistryImport, _ kind: ImportKind, _ records: [ImportRecord], mode: ImportMode = .add,
             progress: (Int, Int) -> Void = { _, _ in }) throws -> ImportOutcome {
        let columns = Array(Set(records.flatMap(\.fields.keys))).sorted()
        return try importer.run(kind, records: records, columns: columns, file: "\(kind.rawValue).csv", defaultYear: 2026, mode: mode, progress: progress)
    }

    func importer(_ connection: Connection, _ actor: String = "import") -> RegistryImport {
        RegistryImport(connection, actor: person(actor), today: Fixture.today)
    }

    @Test func everyBadLineIsReportedAndNothingIsWritten() throws {
        let connection = try Fixture.registry("imp_bad")
        let importer = importer(connection)
        let provincesBefore = try connection.count("province"), communesBefore = try connection.count("commune")
        let records = [
            producer(2, "0101000001", "HTX Một"),
            producer(3, "0102000001", "HTX Hai", kind: "cong_ty"),
            producer(4, "0103000001", "HTX Ba", commune: "99999"),
            producer(5, "0104000001", "HTX Bốn"),
            record(6, ["registration_no": "0105000001", "name": "", "kind": "ho", "commune_code": "07534"]),
            producer(7, "0106000001", "HTX Sáu", female: "maybe"),
            // The same key as line 2, in the same file: named with both lines.
            producer(9, "0101000001", "HTX Trùng số"),
            producer(10, "0107000001", "HTX Bảy"),
            producer(11, "AB", "HTX Mã sai"),
            producer(12, "0108000001", "HTX\u{0} cắt"),
            producer(13, "0109000001", String(repeating: "Dài ", count: 60)),
        ]
        let found = problems { try run(importer, .producers, records) }
        #expect(found.map(\.line) == [3, 4, 6, 7, 9, 11, 12, 13])
        let byLine = Dictionary(uniqueKeysWithValues: found.map { ($0.line, $0) })
        #expect(byLine[3]?.reason.en.contains("column kind: Invalid kind \"cong_ty\"") == true)
        #expect(byLine[4]?.reason.vi == "Không tìm thấy xã/phường 99999.")
        #expect(byLine[6]?.reason.en == "column name: Missing name: column name is empty.")
        #expect(byLine[7]?.reason.en.contains("representative_female") == true && byLine[7]?.reason.en.contains("is not true/false") == true)
        #expect(byLine[9]?.reason.vi == "chủ thể 0101000001 trùng với dòng 2 (cùng khoá)")
        #expect(byLine[9]?.message(.en) == "line 9: producer 0101000001 is the same record as line 2 (same key)")
        #expect(byLine[11]?.reason.en.contains("a tax/registration number has 6–20 digits") == true)
        #expect(byLine[12]?.reason.en.contains("control character U+0000 at position 4") == true)
        #expect(byLine[13]?.reason.en.contains("characters long, at most 200") == true)

        #expect(try connection.count("producer") == 0)
        #expect(try connection.count("province") == provincesBefore && connection.count("commune") == communesBefore)
        #expect(!connection.isInTransaction)
        // The connection is fine afterwards: the good lines alone go in.
        let good = records.filter { [2, 5, 10].contains($0.line) }
        #expect(try run(importer, .producers, good).added == 3)
        #expect(try connection.count("producer") == 3)
    }

    @Test func badLinesOfEveryKind() throws {
        let connection = try Fixture.registry("imp_kinds")
        try RubricRepository(connection).sync(try bundledCatalog.get().snapshots)
        let importer = importer(connection)
        #expect(try run(importer, .producers, [producer(2, "0101000001", "HTX Một")]).added == 1)
        let before = try ["province", "commune", "producer", "product", "star_recognition", "commune_product_serial"].map { try connection.count($0) }

        let provinceProblems = problems { try run(importer, .provinces, [
            record(2, ["code": "30", "name": "Hải Dương", "kind": "tinh", "valid_to": "2025-06-31"]),
            record(3, ["code": "31", "name": "Hải Phòng", "kind": "huyen"]),
            record(4, ["code": "32", "name": "Ở đâu", "successor_code": "77"]),
            record(5, ["code": "AB", "name": "Chữ"]),
            record(6, ["code": "２４", "name": "Toàn khổ"]),
            record(7, ["code": "33", "name": "Ngược", "valid_from": "2025-07-01", "valid_to": "2025-06-30"]),
        ]) }
        #expect(provinceProblems.map(\.line) == [2, 3, 4, 5, 6, 7])
        #expect(provinceProblems[0].reason.en.contains("June 2025 has 30 days; there is no day 31"))
        #expect(provinceProblems[2].reason.en.hasPrefix("successor_code: "))
        #expect(provinceProblems[3].reason.en.contains("a province code is 2 digits"))
        #expect(provinceProblems[4].reason.en.contains("a province code is 2 digits"))
        #expect(provinceProblems[5].reason.en.contains("ends before it starts"))

        let communeProblems = problems { try run(importer, .communes, [
            record(2, ["code": "07999", "name": "Mới", "province_code": "24", "kind": "xa"]),
            record(3, ["code": "07998", "name": "Không tỉnh", "province_code": "88"]),
            record(4, ["code": "07997", "name": "Sai loại", "province_code": "24", "kind": "huyen"]),
            record(5, ["code": "7996", "name": "Bốn số", "province_code": "24"]),
        ]) }
        #expect(communeProblems.map(\.line) == [3, 4, 5])
        #expect(communeProblems[0].reason.vi == "Không tìm thấy tỉnh/thành phố 88.")

        let productProblems = problems { try run(importer, .products, [
            record(2, ["name": "Trà", "producer_registration_no": "0101000001", "product_set": "12"]),
            record(3, ["name": "Trà", "producer_registration_no": "0101000001", "product_set": "12"]),
            record(4, ["name": "Mật", "producer_registration_no": "0101000001", "product_set": "bốn"]),
            record(5, ["name": "Rượu", "producer_registration_no": "0101000001", "product_set": "27"]),
            record(6, ["name": "Gạo", "producer_registration_no": "0999000001", "product_set": "3"]),
            record(7, ["name": "Năm lạ", "producer_registration_no": "0101000001", "product_set": "3", "year": "99999"]),
            record(8, ["name": "Mã lạ", "producer_registration_no": "0101000001", "product_set": "3", "code": "ABC"]),
        ]) }
        #expect(productProblems.map(\.line) == [3, 4, 5, 6, 7, 8])
        #expect(productProblems[0].reason.vi.contains("trùng với dòng 2"))
        #expect(productProblems[1].reason.en.contains("is not a whole number"))
        #expect(productProblems[4].reason.en.contains("is not a whole number") || productProblems[4].reason.en.contains("the year must be"))
        #expect(productProblems[5].reason.en.contains("a product code looks like T-X-STT-YYYY"))

        let recognitionProblems = problems { try run(importer, .recognitions, [
            record(2, ["product_name": "Không có", "producer_registration_no": "0101000001", "stars": "3", "year": "2020", "rubric": "qd1048-2019", "province_code": "24"]),
        ]) }
        #expect(recognitionProblems.map(\.line) == [2])
        #expect(recognitionProblems.first?.reason.en.contains("no product \"Không có\" of producer 0101000001") == true)

        let after = try ["province", "commune", "producer", "product", "star_recognition", "commune_product_serial"].map { try connection.count($0) }
        #expect(after == before)
    }

    @Test func aGoodFileImportsEverything() throws {
        let connection = try Fixture.registry("imp_good")
        let importer = importer(connection, "can-bo")
        var progress: [Int] = []
        let records = [producer(2, "0101000001", "HTX Một", female: "true"), producer(3, "0102000001", "Hộ Hai", kind: "hộ gia đình", commune: "07339"),
                       producer(4, "0103000001", "Trang trại Ba", kind: "trang trại", female: "có")]
        var totals: Set<Int> = []
        let outcome = try run(importer, .producers, records) { done, total in
            progress.append(done)
            totals.insert(total)
        }
        #expect(outcome.added == 3 && outcome.unchanged == 0 && outcome.updated.isEmpty && totals == [3])
        #expect(progress == [1, 2, 3])
        let registry = ProducerRepository(connection)
        #expect(try registry.producer("0102000001").kind == .household)
        #expect(try registry.producer("0103000001").representative.female)
        #expect(try registry.producer("0101000001").representative.female)

        #expect(try run(importer, .products, [
            record(2, ["name": "Trà", "producer_registration_no": "0101000001", "product_set": "12"]),
            record(3, ["name": "Tương", "producer_registration_no": "0102000001", "product_set": "9", "year": "2025"]),
            record(4, ["name": "Gạo", "producer_registration_no": "0103000001", "product_set": "3", "code": "24-07534-099-2021"]),
        ]).added == 3)
        #expect(try ProductRepository(connection).products().map(\.code).sorted() == ["24-07339-001-2025", "24-07534-001-2026", "24-07534-099-2021"])
    }

    // MARK: Honest imports

    @Test func reimportingTheSameFileChangesNothing() throws {
        let connection = try Fixture.registry("imp_again")
        let importer = importer(connection)
        let records = [producer(2, "0101000001", "HTX Một"), producer(3, "0102000001", "HTX Hai")]
        #expect(try run(importer, .producers, records).added == 2)
        let again = try run(importer, .producers, records)
        #expect(again.added == 0 && again.unchanged == 2 && again.updated.isEmpty)
        // Units too: the province file of the fixture, once more.
        let units = try run(importer, .provinces, [record(2, ["code": "24", "name": "Bắc Ninh", "valid_from": "2025-07-01"])])
        #expect(units.unchanged == 1 && units.added == 0)
    }

    @Test func aLineThatDiffersIsRefusedUnlessUpdating() throws {
        let connection = try Fixture.registry("imp_update")
        let importer = importer(connection)
        try run(importer, .producers, [producer(2, "0101000001", "HTX Một"), producer(3, "0102000001", "HTX Hai")])
        let changed = [producer(2, "0101000001", "HTX Một Mới"), producer(3, "0102000001", "HTX Hai")]
        let found = problems { try run(importer, .producers, changed) }
        #expect(found.map(\.line) == [2])
        #expect(found.first?.field == "update")
        #expect(found.first?.reason.en == "producer 0101000001 already exists with other values (name: «HTX Một» → «HTX Một Mới»); an import only adds — to change stored records, import in update mode")
        #expect(StoreError.importFailed(file: "p.csv", problems: found).fields == ["update"])
        #expect(try ProducerRepository(connection).producer("0101000001").name == "HTX Một")

        let outcome = try run(importer, .producers, changed, mode: .update)
        #expect(outcome.added == 0 && outcome.unchanged == 1)
        #expect(outcome.updated == [RecordChange(line: 2, record: "0101000001", changes: [FieldChange(field: "name", old: "HTX Một", new: "HTX Một Mới")])])
        #expect(try ProducerRepository(connection).producer("0101000001").name == "HTX Một Mới")

        // A province renamed: the key is (code, valid_from).
        let province = try run(importer, .provinces, [record(2, ["code": "24", "name": "Bắc Ninh mới", "valid_from": "2025-07-01"])], mode: .update)
        #expect(province.updated.first?.record == "24 / 2025-07-01")
        #expect(province.updated.first?.changes == [FieldChange(field: "name", old: "Bắc Ninh", new: "Bắc Ninh mới")])
    }

    @Test func anUpdateStillChecksTheRules() throws {
        let connection = try Fixture.registry("imp_update_rules")
        let importer = importer(connection)
        try run(importer, .producers, [producer(2, "0101000001", "HTX Một")])
        try run(importer, .products, [record(2, ["name": "Trà", "producer_registration_no": "0101000001", "product_set": "12"])])
        // An association may own tourism products only: the edit is refused, nothing changes.
        let found = problems { try run(importer, .producers, [producer(2, "0101000001", "HTX Một", kind: "hoi")], mode: .update) }
        #expect(found.first?.reason.en.contains("associations and tourism centres may only own tourism products") == true)
        #expect(try ProducerRepository(connection).producer("0101000001").kind == .cooperative)
        // A product's code never changes.
        let code = try ProductRepository(connection).products().first!.code
        let codeProblems = problems {
            try run(importer, .products, [record(2, ["name": "Trà", "producer_registration_no": "0101000001", "product_set": "12", "code": "24-07534-050-2026"])], mode: .update)
        }
        #expect(codeProblems.first?.reason.en.contains("a product code never changes") == true)
        #expect(try ProductRepository(connection).products().first!.code == code)
    }

    // MARK: The demo seed

    @Test func theWholeDemoSeedImports() throws {
        let connection = try TestDatabase.migrated(prefix: "imp_seed")
        try RubricRepository(connection).sync(try bundledCatalog.get().snapshots)
        let importer = importer(connection, "seed")
        var counts: [ImportKind: Int] = [:]
        for kind in [ImportKind.provinces, .communes, .producers, .products, .recognitions] {
            let file = "\(kind.rawValue).csv"
            let header = try SeedCSV.header(file)
            try RegistryImport.checkHeader(header, kind: kind, file: file)
            counts[kind] = try importer.run(kind, records: try SeedCSV.records(file), columns: header, file: file, defaultYear: 2026).added
        }
        // The whole seed again: every line is already there.
        for kind in [ImportKind.provinces, .communes, .producers, .products, .recognitions] {
            let file = "\(kind.rawValue).csv"
            let outcome = try importer.run(kind, records: try SeedCSV.records(file), columns: try SeedCSV.header(file), file: file, defaultYear: 2026)
            #expect(outcome.added == 0 && outcome.updated.isEmpty && outcome.unchanged == counts[kind], "\(kind)")
        }
        #expect(counts == [.provinces: 3, .communes: 64, .producers: 61, .products: 101, .recognitions: 106])
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
