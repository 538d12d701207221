import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels
import OCOPStore
import OCOPTestSupport
import Postgres
import Testing

/// Units, producers, products and star history against a real PostgreSQL; every test has its own database.
@Suite struct RegistryStoreTests {
    // MARK: Administrative units

    @Test func provincesSharingACodeInDifferentPeriods() throws {
        let connection = try Fixture.registry("reg_prov")
        let store = Registry(connection)
        #expect(try connection.count("province") == 3)
        #expect(try connection.count("province", where: "code = '24'") == 2)

        // Adding the same (code, valid_from) again is a conflict, not an overwrite.
        let again = thrown(StoreError.self) { try store.add(Province(code: "24", name: "Bắc Ninh khác", kind: "tinh", validFrom: "2025-07-01")) }
        #expect(again?.kind == .conflict)
        #expect(again?.message(.en) == "A province with this code and start date already exists (24, 2025-07-01).")
        #expect(again?.fields == ["code"])
        #expect(try connection.count("province") == 3)

        let old = try store.provinceID("24", at: "2020-12-25")
        let new = try store.provinceID("24", at: "2026-05-22")
        #expect(old != new)
        #expect(try store.provinceID("24", at: "2025-06-30") == old)
        #expect(try store.provinceID("24", at: "2025-07-01") == new)
        #expect(try store.provinceID("24") == new, "without a date: the current unit")
        #expect(try store.provinceID("27") == store.provinceID("27", at: "2019-01-01"), "a closed unit is still found")
        #expect(try connection.one("SELECT name FROM province WHERE id = $1", old).decode(String.self, "name") == "Bắc Giang")

        // Successors: both old provinces point at the new Bắc Ninh, which has none.
        let successors = try connection.query("SELECT code, name, successor_id FROM province ORDER BY id")
        for row in successors {
            let successor: Int? = try row["successor_id"]
            if try row.decode(Int?.self, "successor_id") == nil {
                #expect(try row.decode(String.self, "name") == "Bắc Ninh" && row.decode(String.self, "code") == "24")
            } else {
                #expect(successor == new)
            }
        }
        #expect(try connection.count("province", where: "successor_id IS NOT NULL") == 2)

        if case .notFound(.province, "99")? = thrown(StoreError.self, { _ = try store.provinceID("99") }) {} else { Issue.record("expected unknownProvince") }
        if case .notFound(.province, _)? = thrown(StoreError.self, { try store.linkSuccessor(code: "27", validFrom: nil, successorCode: "98") }) {} else {
            Issue.record("expected unknownProvince for a missing successor")
        }
    }

    @Test func communeResolutionByDate() throws {
        let connection = try Fixture.registry("reg_comm")
        let store = Registry(connection)
        #expect(try connection.count("commune", where: "code = '07246'") == 2)
        let canhNau = try store.communeID("07246", at: "2020-01-01")
        let xuanLuong = try store.communeID("07246", at: "2026-01-01")
        #expect(canhNau != xuanLuong)
        #expect(try store.communeID("07246") == xuanLuong)
        #expect(try store.communeID("07246", at: "2025-06-30") == canhNau)
        #expect(try store.communeID("07246", at: "2025-07-01") == xuanLuong)
        #expect(try store.communeID("07249") == store.communeID("07249", at: "2019-06-01"))

        // Each commune hangs off the province valid in its own period.
        let provinceOf = { (id: Int) throws -> String in
            try connection.one("SELECT p.name, p.valid_to::text FROM commune c JOIN province p ON p.id = c.province_id WHERE c.id = $1", id)
                .decode(String.self, "name")
        }
        #expect(try provinceOf(canhNau) == "Bắc Giang")
        #expect(try provinceOf(xuanLuong) == "Bắc Ninh")

        #expect(try store.communes(province: "24").count == 5)
        if case .notFound(.commune, "00000")? = thrown(StoreError.self, { _ = try store.communeID("00000") }) {} else { Issue.record("expected unknownCommune") }
    }

    // MARK: Producers

    @Test func addProducerRoundTripStoresNFC() throws {
        let connection = try Fixture.registry("reg_nfc")
        let store = Registry(connection)
        let nfc = "HTX Dược liệu Sa Lý"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        #expect(Array(nfd.unicodeScalars) != Array(nfc.unicodeScalars))
        var draft = Fixture.producer(name: "  " + nfd + " ")
        draft.address = "xã Sa Lý, tỉnh Bắc Ninh".decomposedStringWithCanonicalMapping
        draft.email = "n01@ocop-demo.example"
        draft.phone = "02040000101"
        draft.representative = Representative(name: "Triệu Thị Lan".decomposedStringWithCanonicalMapping, female: true, ethnicMinority: true)
        let added = try store.addProducer(draft, actor: "can-bo-xa")

        let stored = try connection.one("SELECT name, address, representative FROM producer WHERE id = $1", added.id)
        #expect(Array(try stored.decode(String.self, "name").unicodeScalars) == Array(nfc.unicodeScalars))
        #expect(Array(try stored.decode(String.self, "address").unicodeScalars) == Array("xã Sa Lý, tỉnh Bắc Ninh".precomposedStringWithCanonicalMapping.unicodeScalars))
        #expect(Array(try stored.decode(String.self, "representative").unicodeScalars) == Array("Triệu Thị Lan".precomposedStringWithCanonicalMapping.unicodeScalars))

        let read = try store.producer("0101234567")
        #expect(read == added)
        #expect(read.registrationNo == "0101234567" && read.kind == .cooperative && read.communeCode == "07534")
        #expect(read.communeName == "Sa Lý" && read.provinceCode == "24" && read.productCount == 0)
        #expect(read.representative == Representative(name: "Triệu Thị Lan", female: true, ethnicMinority: true, disabled: false))
        #expect(read.representative.qualifiesForCriterion32)
        #expect(try store.producer(String(added.id)) == added, "by id as well")
        #expect(try store.producers(search: "sa lý").map(\.id) == [added.id])
        #expect(try store.producers(search: nfd).map(\.id) == [added.id], "an NFD search finds the NFC row")
    }

    /// A search typed without diacritics finds names with them, in either case; a search with
    /// diacritics matches them as typed; LIKE's wildcards in a term are plain characters.
    @Test func searchWithoutDiacritics() throws {
        let connection = try Fixture.registry("reg_fold")
        let store = Registry(connection)
        let names = ["HTX Dược liệu Sa Lý", "HTX Thử nghiệm", "Tổ hợp tác ĐẬU PHỤ Thu Hà", "HTX 100% hữu cơ", "HTX A_B"]
        for (i, name) in names.enumerated() {
            try store.addProducer(Fixture.producer("010123450\(i)", name: name), actor: "test")
        }
        func found(_ term: String) throws -> Set<String> {
            Set(try store.producers(search: term).map(\.name))
        }
        #expect(try found("duoc lieu") == ["HTX Dược liệu Sa Lý"])
        #expect(try found("DAU PHU") == ["Tổ hợp tác ĐẬU PHỤ Thu Hà"])
        #expect(try found("thu") == ["HTX Thử nghiệm", "Tổ hợp tác ĐẬU PHỤ Thu Hà"])
        #expect(try found("thử") == ["HTX Thử nghiệm"], "diacritics typed are matched as typed")
        #expect(try found("đậu phụ") == ["Tổ hợp tác ĐẬU PHỤ Thu Hà"])
        #expect(try found("100%") == ["HTX 100% hữu cơ"])
        #expect(try found("0%") == ["HTX 100% hữu cơ"])
        #expect(try found("%") == ["HTX 100% hữu cơ"], "a % is a percent sign, not a wildcard")
        #expect(try found("a_b") == ["HTX A_B"] && found("a_") == ["HTX A_B"])
        #expect(try found("  sa ly ") == ["HTX Dược liệu Sa Lý"])
        #expect(try found("0101234502") == ["Tổ hợp tác ĐẬU PHỤ Thu Hà"], "a registration number exactly")
        let products = ProductRepository(connection)
        _ = try products.add(ProductDraft(name: "Mật ong hoa nhãn", producerRef: "0101234501", productSet: 4, year: 2026), today: Fixture.today, actor: person("test"))
        #expect(try products.products(search: "mat ong").map(\.name) == ["Mật ong hoa nhãn"])
        #expect(try products.products(search: "MẬT ONG").map(\.name) == ["Mật ong hoa nhãn"])
        #expect(try products.products(search: "mật ông").isEmpty)
    }

    @Test func duplicateRegistrationIsRefusedAndChangesNothing() throws {
        let connection = try Fixture.registry("reg_dup")
        let store = Registry(connection)
        try store.addProducer(Fixture.producer(), actor: "test")
        let before = try connection.query("SELECT id, registration_no, name, kind, commune_id, updated_at FROM producer ORDER BY id").map { $0.text(2) }

        let error = thrown(StoreError.self) {
            try store.addProducer(Fixture.producer(" 0101234567 ", name: "Công ty khác", kind: .enterprise, commune: "07339"), actor: "test")
        }
        guard case let .duplicateRegistration(number, name)? = error else { Issue.record("expected duplicateRegistration, got \(String(describing: error))"); return }
        #expect(number == "0101234567" && name == "HTX Thân Trường")
        #expect(error?.message(.vi) == "Mã số thuế/đăng ký 0101234567 đã được đăng ký cho HTX Thân Trường.")
        #expect(error?.message(.en) == "Registration/tax number 0101234567 is already registered to HTX Thân Trường.")
        #expect(error?.kind == .conflict)
        #expect(try connection.query("SELECT id, registration_no, name, kind, commune_id, updated_at FROM producer ORDER BY id").map { $0.text(2) } == before)
        #expect(try connection.count("producer") == 1)
    }

    @Test func producerInputIsChecked() throws {
        let connection = try Fixture.registry("reg_bad")
        let store = Registry(connection)
        if case .notFound(.commune, "99999")? = thrown(StoreError.self, { try store.addProducer(Fixture.producer(commune: "99999"), actor: "t") }) {} else {
            Issue.record("expected unknownCommune")
        }
        if case .missingValue(field: "registration_no", _)? = thrown(DomainError.self, { try store.addProducer(Fixture.producer("  "), actor: "t") }) {} else {
            Issue.record("expected invalid registration_no")
        }
        var draft = Fixture.producer()
        draft.email = "not-an-address"
        if case .invalidValue(field: "email", _, _)? = thrown(DomainError.self, { try store.addProducer(draft, actor: "t") }) {} else {
            Issue.record("expected invalid email")
        }
        draft = Fixture.producer()
        draft.name = " "
        if case .missingValue(field: "name", _)? = thrown(DomainError.self, { try store.addProducer(draft, actor: "t") }) {} else {
            Issue.record("expected a blank name refused")
        }
        draft.name = String(repeating: "x", count: 8 << 20)
        #expect(thrown(DomainError.self, { try store.addProducer(draft, actor: "t") })?.message(.en).contains("at most 200") == true)
        #expect(try connection.count("producer") == 0)
        if case .notFound(.producer, "0999000000")? = thrown(StoreError.self, { _ = try store.producer("0999000000") }) {} else { Issue.record("expected unknownProducer") }
        #expect(StoreError.notFound(.producer, "x").kind == .notFound)
    }

    @Test func editProducerChangesOnlyTheGivenFields() throws {
        let connection = try Fixture.registry("reg_edit")
        let store = Registry(connection)
        var draft = Fixture.producer()
        draft.address = "bản Ven"
        draft.phone = "0204000001"
        draft.email = "a@b.example"
        let original = try store.addProducer(draft, actor: "creator")

        let edited = try store.editProducer("0101234567", .init(phone: "0912345678", ethnicMinority: true), actor: "editor")
        var expected = original
        expected.phone = "0912345678"
        expected.representative.ethnicMinority = true
        #expect(edited == expected)

        let moved = try store.editProducer(String(original.id), .init(name: "HTX Thân Trường mới".decomposedStringWithCanonicalMapping, communeCode: "07339", female: false), actor: "editor")
        #expect(moved.name == "HTX Thân Trường mới" && moved.communeCode == "07339" && moved.communeName == "Tân Yên")
        #expect(moved.representative == Representative(name: "Triệu Thị Lan", female: false, ethnicMinority: true))
        #expect(moved.address == "bản Ven" && moved.email == "a@b.example" && moved.phone == "0912345678" && moved.kind == .cooperative)
        let audit = try connection.one("SELECT created_by, updated_by, name FROM producer WHERE id = $1", original.id)
        #expect(try audit.decode(String.self, "created_by") == "creator" && audit.decode(String.self, "updated_by") == "editor")
        #expect(Array(try audit.decode(String.self, "name").unicodeScalars) == Array("HTX Thân Trường mới".unicodeScalars))

        if case .notFound(.commune, "00001")? = thrown(StoreError.self, { _ = try store.editProducer("0101234567", .init(communeCode: "00001"), actor: "e") }) {} else {
            Issue.record("expected unknownCommune")
        }
        if case .notFound(.producer, _)? = thrown(StoreError.self, { _ = try store.editProducer("nobody", .init(phone: "0912345678"), actor: "e") }) {} else {
            Issue.record("expected unknownProducer")
        }
        #expect(try store.producer("0101234567") == moved)
    }

    // MARK: Products

    @Test func productCodesComeFromAPerCommuneSerial() throws {
        let connection = try Fixture.registry("reg_serial")
        let store = Registry(connection)
        try store.addProducer(Fixture.producer("0101000000", commune: "07534"), actor: "t")
        try store.addProducer(Fixture.producer("0202000000", name: "Tổ hợp tác Tương nếp", kind: .cooperativeGroup, commune: "07339"), actor: "t")

        let first = try store.addProduct(ProductDraft(name: "Trà giảo cổ lam", producerRef: "0101000000", productSet: 12, year: 2026), actor: "t")
        let second = try store.addProduct(ProductDraft(name: "Cao dược liệu", producerRef: "0101000000", productSet: 20, year: 2026), actor: "t")
        let elsewhere = try store.addProduct(ProductDraft(name: "Tương nếp", producerRef: "0202000000", productSet: 9, year: 2026), actor: "t")
        // Made in another commune than the producer's: that commune's serial.
        let madeInTanYen = try store.addProduct(ProductDraft(name: "Tương ớt", producerRef: "0101000000", productSet: 9, communeCode: "07339", year: 2027), actor: "t")
        #expect(first.code == "24-07534-001-2026")
        #expect(second.code == "24-07534-002-2026")
        #expect(elsewhere.code == "24-07339-001-2026")
        #expect(madeInTanYen.code == "24-07339-002-2027" && madeInTanYen.communeCode == "07339")
        #expect(ProductCode(parsing: first.code) == ProductCode(provinceCode: "24", communeCode: "07534", serial: 1, year: 2026))
        // An old commune's products carry the old province's code, 24 as well.
        try store.addProducer(Fixture.producer("0303000000", name: "HTX Chè Bản Ven", commune: "07249"), actor: "t")
        #expect(try store.addProduct(ProductDraft(name: "Chè xanh Bản Ven", producerRef: "0303000000", productSet: 11, year: 2020), actor: "t").code == "24-07249-001-2020")

        #expect(try store.product(first.code) == first)
        #expect(try store.product(String(second.id)) == second)
        #expect(try store.producer("0101000000").productCount == 3)
        #expect(try store.products(producer: "0101000000").map(\.code) == ["24-07339-002-2027", "24-07534-001-2026", "24-07534-002-2026"])
        #expect(try store.products(productSet: 9).count == 2)
    }

    @Test func givenCodesAreKeptAndDuplicatesRefused() throws {
        let connection = try Fixture.registry("reg_given")
        let store = Registry(connection)
        try store.addProducer(Fixture.producer("0101000000"), actor: "t")
        let historical = try store.addProduct(ProductDraft(name: "Mật ong rừng", producerRef: "0101000000", productSet: 4, code: " 24-07534-017-2019 ", year: 2026), actor: "t")
        #expect(historical.code == "24-07534-017-2019")
        // A given code does not consume the serial.
        #expect(try store.addProduct(ProductDraft(name: "Mật ong hoa vải", producerRef: "0101000000", productSet: 4, year: 2026), actor: "t").code == "24-07534-001-2026")

        let sameName = thrown(StoreError.self) {
            try store.addProduct(ProductDraft(name: "Mật ong rừng".decomposedStringWithCanonicalMapping, producerRef: "0101000000", productSet: 4, year: 2026), actor: "t")
        }
        guard case let .duplicateProduct(name, producer)? = sameName else { Issue.record("expected duplicateProduct, got \(String(describing: sameName))"); return }
        #expect(name == "Mật ong rừng" && producer == "HTX Thân Trường")
        #expect(sameName?.message(.vi) == "Chủ thể HTX Thân Trường đã có sản phẩm tên \"Mật ong rừng\".")

        let sameCode = thrown(StoreError.self) {
            try store.addProduct(ProductDraft(name: "Khác", producerRef: "0101000000", productSet: 4, code: "24-07534-017-2019", year: 2026), actor: "t")
        }
        if case .duplicateProductCode("24-07534-017-2019")? = sameCode {} else { Issue.record("expected duplicateProductCode, got \(String(describing: sameCode))") }
        #expect(try connection.count("product") == 2)
        // The refused assignment did not burn a serial number.
        #expect(try store.addProduct(ProductDraft(name: "Sáp ong", producerRef: "0101000000", productSet: 4, year: 2026), actor: "t").code == "24-07534-002-2026")
    }

    @Test func productSetRules() throws {
        let connection = try Fixture.registry("reg_sets")
        let store = Registry(connection)
        try store.addProducer(Fixture.producer("0101000000"), actor: "t")
        try store.addProducer(Fixture.producer("0404000000", name: "Hội Du lịch cộng đồng", kind: .association, commune: "07246"), actor: "t")
        for set in [0, 27, -1] {
            let error = thrown(DomainError.self) { try store.addProduct(ProductDraft(name: "P\(set)", producerRef: "0101000000", productSet: set, year: 2026), actor: "t") }
            if case .invalidValue(field: "product_set", _, _)? = error {} else { Issue.record("set \(set): expected invalid product_set") }
        }
        #expect(try store.addProduct(ProductDraft(name: "P1", producerRef: "0101000000", productSet: 1, year: 2026), actor: "t").productSet == 1)
        #expect(try store.addProduct(ProductDraft(name: "P26", producerRef: "0101000000", productSet: 26, year: 2026), actor: "t").productSet == 26)

        let error = thrown(DomainError.self) { try store.addProduct(ProductDraft(name: "Mật ong", producerRef: "0404000000", productSet: 4, year: 2026), actor: "t") }
        guard case .invalidValue(field: "product_set", value: "4", let reason)? = error else { Issue.record("expected the association refusal"); return }
        #expect(reason(.en).contains("set 26"))
        let tour = try store.addProduct(ProductDraft(name: "Điểm du lịch bản Ven", producerRef: "0404000000", productSet: 26, year: 2026), actor: "t")
        #expect(tour.code == "24-07246-001-2026")
        if case .notFound(.producer, "0505000000")? = thrown(StoreError.self, { try store.addProduct(ProductDraft(name: "X", producerRef: "0505000000", productSet: 1, year: 2026), actor: "t") }) {} else {
            Issue.record("expected unknownProducer")
        }
        #expect(try connection.count("product") == 3)
    }

    // MARK: Star history

    @Test func recognitionsAndCurrentStars() throws {
        let connection = try Fixture.registry("reg_stars")
        let store = Registry(connection)
        try RubricRepository(connection).sync(try bundledCatalog.get().snapshots)
        try store.addProducer(Fixture.producer("0303000000", commune: "07249"), actor: "t")
        let product = try store.addProduct(ProductDraft(name: "Chè xanh Bản Ven", producerRef: "0303000000", productSet: 11, year: 2020), actor: "t")
        #expect(product.stars == nil && product.starsValidUntil == nil)
        let products = ProductRepository(connection)
        let stars = { (day: String) throws -> Int? in try products.product(id: product.id, asOf: CalendarDate(iso: day)).stars }

        try store.recordRecognition(productID: product.id, .init(stars: 3, score: Decimal(string: "64.5"), year: 2020, decisionNo: "1320/QĐ-UBND",
                                                                decisionDate: "2020-12-25", rubricVersion: "qd1048-2019", provinceCode: "24"),
                                    illustrative: true, actor: "t")
        var history = try store.recognitions(productID: product.id)
        #expect(history.count == 1)
        #expect(history[0].validUntil == "2023-12-25", "decision + 36 months")
        #expect(history[0].score == Decimal(string: "64.5") && history[0].decisionNo == "1320/QĐ-UBND" && history[0].provinceCode == "24")
        #expect(history[0].certificateNumber == "GCN-24-2020-0001" && history[0].issuer == .province)
        // The star counts only while the certificate is in force: never an expired one as current.
        #expect(try stars("2023-12-25") == 3 && stars("2023-12-26") == nil && stars("2020-12-24") == nil)
        #expect(try products.product(id: product.id, asOf: CalendarDate(iso: "2021-01-01")).starsValidUntil == "2023-12-25")
        // The old certificate keeps the old province (code 24 on 2020-12-25 is Bắc Giang).
        #expect(try connection.one("SELECT p.name FROM star_recognition s JOIN province p ON p.id = s.province_id").decode(String.self, "name") == "Bắc Giang")

        // An upgrade in force supersedes the 2020 certificate from its own date.
        try store.recordRecognition(productID: product.id, .init(stars: 4, year: 2023, decisionDate: "2023-11-24", validUntil: "2026-11-24",
                                                                rubricVersion: "qd148-2023", provinceCode: "24"), illustrative: true, actor: "t")
        #expect(try stars("2023-11-24") == 4 && stars("2023-11-23") == 3, "the later decision is current from its date")
        history = try store.recognitions(productID: product.id)
        #expect(history[0].supersededOn == "2023-11-24")
        #expect(try connection.one("SELECT p.name FROM star_recognition s JOIN province p ON p.id = s.province_id WHERE s.year = 2023").decode(String.self, "name") == "Bắc Giang")

        // 5★ only from the Ministry: a province's 5★ is refused and nothing is written.
        let five = thrown(StoreError.self) {
            try store.recordRecognition(productID: product.id, .init(stars: 5, year: 2026, decisionDate: "2026-02-28",
                                                                    rubricVersion: "qd148-2023", provinceCode: "24"), illustrative: false, actor: "t")
        }
        #expect(five?.message(.en).contains("5★ is recognised only by the Ministry") == true)
        try store.recordRecognition(productID: product.id, .init(stars: 5, year: 2026, decisionDate: "2026-02-28", rubricVersion: "qd148-2023",
                                                                provinceCode: "24", issuer: .ministry), illustrative: false, actor: "t")
        history = try store.recognitions(productID: product.id)
        #expect(history.map(\.stars) == [3, 4, 5] && history.map(\.certificateNumber) == ["GCN-24-2020-0001", "GCN-24-2023-0001", "GCN-BNNMT-2026-0001"])
        #expect(history[2].validUntil == "2029-02-28")
        #expect(try connection.one("SELECT p.name FROM star_recognition s JOIN province p ON p.id = s.province_id WHERE s.year = 2026").decode(String.self, "name") == "Bắc Ninh")
        #expect(try stars("2026-12-01") == 5)

        if case .notFound(.rubricVersion, _)? = thrown(StoreError.self, {
            try store.recordRecognition(productID: product.id, .init(stars: 3, year: 2020, decisionDate: "2020-01-01", rubricVersion: "qd0-1900", provinceCode: "24"), illustrative: false, actor: "t")
        }) {} else { Issue.record("expected unknownRubricVersion") }
        if case .notFound(.province, _)? = thrown(StoreError.self, {
            try store.recordRecognition(productID: product.id, .init(stars: 3, year: 2020, decisionDate: "2020-01-01", rubricVersion: "qd1048-2019", provinceCode: "77"), illustrative: false, actor: "t")
        }) {} else { Issue.record("expected unknownProvince") }
        #expect(try connection.count("star_recognition") == 3)
    }
}
