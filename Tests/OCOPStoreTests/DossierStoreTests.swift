import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels
import OCOPRubrics
import OCOPStore
import OCOPTestSupport
import Postgres
import Testing

/// Dossiers, their workflow events and the rubric freeze, against a real PostgreSQL.
@Suite struct DossierStoreTests {
    /// A migrated database with the units, the bundled rubric, one producer and two products (sets 1 and 12).
    func world(_ prefix: String) throws -> (Connection, tea: Product, lychee: Product) {
        let connection = try Fixture.registry(prefix)
        try RubricRepository(connection).sync(try bundledCatalog.get().snapshots)
        try ProducerRepository(connection).add(Fixture.producer("0101000000"), actor: t)
        let products = ProductRepository(connection)
        let tea = try products.add(ProductDraft(name: "Trà giảo cổ lam Sa Lý", producerRef: "0101000000", productSet: 12, year: 2026), today: Fixture.today, actor: t)
        let lychee = try products.add(ProductDraft(name: "Vải thiều", producerRef: "0101000000", productSet: 1, year: 2026), today: Fixture.today, actor: t)
        return (connection, tea, lychee)
    }

    let t = person("t")

    func events(_ connection: Connection) throws -> [String] {
        try connection.query("SELECT dossier_id, action, from_status, to_status FROM dossier_event ORDER BY id").map {
            "\($0.text(0) ?? "")|\($0.text(1) ?? "")|\($0.text(2) ?? "")|\($0.text(3) ?? "")"
        }
    }

    @Test func openFreezesRubricVersionAndSetHash() throws {
        let (connection, tea, _) = try world("dos_open")
        let store = DossierRepository(connection)
        let dossier = try store.open(DossierOpening(productRef: tea.code, kind: .firstEvaluation, year: 2026, round: 2, targetStars: 3, note: "Sản phẩm mới"), actor: person("can-bo-xa"))
        #expect(dossier.code.rawValue == "HS-2026-0001")
        #expect(dossier.status == .submitted && dossier.returnedFrom == nil && dossier.missing.isEmpty)
        #expect(dossier.rubricVersion == "qd26-2026" && dossier.productSet == 12 && dossier.targetStars == 3)
        let expectedHash = try bundledCatalog.get().version(.qd26_2026).setHashes[12]
        #expect(dossier.rubricHash == expectedHash && expectedHash != nil)
        let frozen = try RubricRepository(connection).frozenSet(hash: try #require(dossier.rubricHash))
        #expect(frozen == (try bundledCatalog.get().productSet(12)))
        #expect(RubricHash.hash(frozen) == expectedHash)
        #expect(try store.dossier(dossierCode("hs-2026-0001")) == dossier, "codes are case-insensitive")

        let second = try store.open(DossierOpening(productRef: String(tea.id), kind: .upgrade, year: 2026, round: 1), actor: t)
        #expect(second.code.rawValue == "HS-2026-0002")
        #expect(try store.open(DossierOpening(productRef: tea.code, kind: .firstEvaluation, year: 2027, round: 1), actor: t).code.rawValue == "HS-2027-0001")
        #expect(try store.dossiers(year: 2026).map(\.code.rawValue) == ["HS-2026-0001", "HS-2026-0002"])
        #expect(try store.dossiers(status: .submitted, productID: tea.id).count == 3)
    }

    @Test func openChecksItsInput() throws {
        let (connection, tea, _) = try world("dos_input")
        let store = DossierRepository(connection)
        for (round, stars) in [(0, 3), (10, 3), (1, 2), (1, 6)] {
            let error = thrown(StoreError.self) { try store.open(DossierOpening(productRef: tea.code, kind: .firstEvaluation, year: 2026, round: round, targetStars: stars), actor: t) }
            if case .invalid? = error {} else { Issue.record("round \(round), stars \(stars): expected invalid") }
        }
        if case .notFound(.product, "24-00000-001-2026")? = thrown(StoreError.self, { try store.open(DossierOpening(productRef: "24-00000-001-2026", kind: .firstEvaluation, year: 2026, round: 1), actor: t) }) {} else {
            Issue.record("expected unknownProduct")
        }
        if case .notFound(.rubricVersion, "qd99-2099")? = thrown(StoreError.self, { try store.open(DossierOpening(productRef: tea.code, kind: .firstEvaluation, year: 2026, round: 1, rubricVersion: "qd99-2099"), actor: t) }) {} else {
            Issue.record("expected unknownRubricVersion")
        }
        #expect(try connection.count("dossier") == 0)
        #expect(try connection.count("dossier_serial") == 0, "refused opens use no serial")
    }

    @Test func transitionRubricHasNoHashAndCannotBeScored() throws {
        let (connection, tea, lychee) = try world("dos_qd148")
        let dossier = try DossierRepository(connection).open(DossierOpening(productRef: lychee.code, kind: .upgrade, year: 2026, round: 1, rubricVersion: "qd148-2023"), actor: t)
        #expect(dossier.rubricVersion == "qd148-2023" && dossier.rubricHash == nil)
        // Putting it on a council session is refused: it cannot be scored here.
        #expect(StoreError.rubricWithoutTables(version: "qd148-2023", dossier: "HS-2026-0006").message(.en).contains("Dossier HS-2026-0006 is evaluated under rubric version qd148-2023"))
        // Its status says so once it waits for the council, instead of promising a session.
        var status = try DossierRepository(connection).statusView(dossier.code)
        #expect(status.rubricWithoutTables == "qd148-2023")
        #expect(!status.nextStep(.en).contains("qd148-2023"), "before the council the next step is still the office's")
        status.status = .readyForCouncil
        #expect(status.nextStep(.en).hasPrefix("The dossier is evaluated under rubric version qd148-2023 (Art. 12.2)"))
        #expect(status.json(.vi).nextStep.contains("không thể xếp hồ sơ vào phiên họp Hội đồng"))
        let current = try DossierRepository(connection).open(DossierOpening(productRef: tea.code, kind: .firstEvaluation, year: 2026, round: 2), actor: t)
        #expect(try DossierRepository(connection).statusView(current.code).rubricWithoutTables == nil)
    }

    @Test func oneOpenDossierPerProductYearAndRound() throws {
        let (connection, tea, lychee) = try world("dos_once")
        let store = DossierRepository(connection)
        let first = try store.open(DossierOpening(productRef: tea.code, kind: .firstEvaluation, year: 2026, round: 2), actor: t)
        let error = thrown(StoreError.self) { try store.open(DossierOpening(productRef: tea.code, kind: .upgrade, year: 2026, round: 2), actor: t) }
        guard case let .openDossierExists(product, existing)? = error else { Issue.record("expected openDossierExists, got \(String(describing: error))"); return }
        #expect(product == tea.code && existing == first.code.rawValue)
        #expect(error?.message(.vi).contains(first.code.rawValue) == true)
        #expect(error?.kind == .conflict)
        #expect(try connection.count("dossier") == 1 && connection.count("dossier_event") == 1)
        // Another product, or another round, is fine; and a withdrawn dossier no longer blocks.
        #expect(try store.open(DossierOpening(productRef: lychee.code, kind: .firstEvaluation, year: 2026, round: 2), actor: t).code.rawValue == "HS-2026-0002")
        #expect(try store.open(DossierOpening(productRef: tea.code, kind: .firstEvaluation, year: 2026, round: 1), actor: t).code.rawValue == "HS-2026-0003")
        try store.apply(.withdraw, to: first.code, actor: person("chu-the"), note: "Rút để bổ sung kiểm nghiệm")
        #expect(try store.open(DossierOpening(productRef: tea.code, kind: .firstEvaluation, year: 2026, round: 2), actor: t).code.rawValue == "HS-2026-0004")
    }

    @Test func aFullWalkIsRecorded() throws {
        let (connection, tea, _) = try world("dos_walk")
        let store = DossierRepository(connection)
        let code = try store.open(DossierOpening(productRef: tea.code, kind: .firstEvaluation, year: 2026, round: 2, note: "Nộp tại xã"), actor: person("chu-the")).code
        #expect(try store.apply(.advance(to: nil), to: code, actor: person("can-bo-xa"), note: "Tiếp nhận").status == .communeReview)
        #expect(try store.apply(.advance(to: nil), to: dossierCode(code.rawValue.lowercased()), actor: person("can-bo-xa"), note: "Đã lập Mẫu 03").status == .provincialReview)

        let returned = try store.apply(.returnForCompletion(missing: ["Phiếu kết quả kiểm nghiệm", "  ", "Ảnh sản phẩm".decomposedStringWithCanonicalMapping]), to: code, actor: person("so-nnmt"), note: "Thiếu hồ sơ")
        #expect(returned.status == .returned && returned.returnedFrom == .provincialReview)
        #expect(returned.missing == ["Phiếu kết quả kiểm nghiệm", "Ảnh sản phẩm"])
        let view = try store.statusView(code)
        #expect(view.status == .returned && view.missing == ["Phiếu kết quả kiểm nghiệm", "Ảnh sản phẩm"])
        #expect(view.lastEvent?.text(.vi) == "Thiếu hồ sơ" && view.productCode == tea.code && view.producerName == "HTX Thân Trường")
        #expect(view.lastChangeAt >= view.openedAt)

        let resubmitted = try store.apply(.advance(to: nil), to: code, actor: person("chu-the"), note: "Đã bổ sung")
        #expect(resubmitted.status == .provincialReview && resubmitted.returnedFrom == nil && resubmitted.missing.isEmpty)
        try store.apply(.advance(to: nil), to: code, actor: person("so-nnmt"))
        try store.apply(.advance(to: nil), to: code, actor: person("to-tu-van"))
        // Scheduling belongs to a council session: by hand it is refused.
        _ = thrown(DomainError.self) { try store.apply(.advance(to: .councilScheduled), to: code, actor: person("thu-ky")) }
        _ = thrown(DomainError.self) { try store.apply(.councilResult(.awaitingDecision), to: code, actor: person("hoi-dong")) }
        #expect(try store.apply(.withdraw, to: code, actor: person("chu-the"), note: "Chủ thể rút hồ sơ").status == .withdrawn)
        _ = thrown(DomainError.self) { try store.apply(.withdraw, to: code, actor: person("chu-the")) }

        let history = try store.history(code)
        let expected: [(String, DossierAction, DossierStatus?, DossierStatus, String?)] = [
            ("chu-the", .open, nil, .submitted, "Nộp tại xã"),
            ("can-bo-xa", .advance, .submitted, .communeReview, "Tiếp nhận"),
            ("can-bo-xa", .advance, .communeReview, .provincialReview, "Đã lập Mẫu 03"),
            ("so-nnmt", .returnForCompletion, .provincialReview, .returned, "Thiếu hồ sơ"),
            ("chu-the", .resubmit, .returned, .provincialReview, "Đã bổ sung"),
            ("so-nnmt", .advance, .provincialReview, .advisoryReview, nil),
            ("to-tu-van", .advance, .advisoryReview, .readyForCouncil, nil),
            ("chu-the", .withdraw, .readyForCouncil, .withdrawn, "Chủ thể rút hồ sơ"),
        ]
        #expect(history.count == expected.count)
        for (event, want) in zip(history, expected) {
            #expect(event.actor == want.0 && event.action == want.1 && event.from == want.2 && event.to == want.3 && event.note == want.4, "\(event)")
        }
        #expect(history[3].missing == ["Phiếu kết quả kiểm nghiệm", "Ảnh sản phẩm"])
        #expect(history.filter { $0.action != .returnForCompletion }.allSatisfy { $0.missing.isEmpty })
        #expect(zip(history, history.dropFirst()).allSatisfy { $0.at <= $1.at })
        #expect(try store.dossier(code).status == .withdrawn)
    }

    @Test func illegalTransitionChangesNothing() throws {
        let (connection, tea, _) = try world("dos_illegal")
        let store = DossierRepository(connection)
        let code = try store.open(DossierOpening(productRef: tea.code, kind: .firstEvaluation, year: 2026, round: 2), actor: t).code
        let before = try store.dossier(code)
        let eventsBefore = try events(connection)

        let error = thrown(DomainError.self) { try store.apply(.returnForCompletion(missing: ["x"]), to: code, actor: t) }
        guard case .illegalTransition(let refused)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(refused.dossier == code.rawValue && refused.from == .submitted)
        #expect(refused.message(.vi).contains("Không thể trả lại để bổ sung hồ sơ \(code)") == true)
        _ = thrown(DomainError.self) { try store.apply(.advance(to: .recognised), to: code, actor: t) }
        _ = thrown(DomainError.self) { try store.apply(.councilResult(.awaitingDecision), to: code, actor: t) }
        try store.apply(.advance(to: nil), to: code, actor: t)
        _ = thrown(DomainError.self) { try store.apply(.returnForCompletion(missing: ["  "]), to: code, actor: t) }

        let after = try store.dossier(code)
        #expect(after.status == .communeReview && after.missing.isEmpty)
        #expect(try events(connection).count == eventsBefore.count + 1)
        #expect(try events(connection).prefix(eventsBefore.count) == eventsBefore[...])
        #expect(before.status == .submitted)
    }

    @Test func unknownDossier() throws {
        let (connection, _, _) = try world("dos_unknown")
        let store = DossierRepository(connection)
        let unknown = dossierCode("HS-2099-9999")
        for attempt in [
            { _ = try store.dossier(unknown) },
            { _ = try store.statusView(unknown) },
            { _ = try store.history(unknown) },
            { _ = try store.apply(.advance(to: nil), to: unknown, actor: t) },
            { _ = try store.apply(.withdraw, to: unknown, actor: t) },
        ] as [() throws -> Void] {
            let error = thrown(StoreError.self, attempt)
            guard case .notFound(.dossier, "HS-2099-9999")? = error else { Issue.record("expected notFound, got \(String(describing: error))"); continue }
            #expect(error?.kind == .notFound)
            #expect(error?.message(.vi) == "Không tìm thấy hồ sơ HS-2099-9999.")
            #expect(error?.message(.en) == "No dossier HS-2099-9999.")
        }
        #expect(try connection.count("dossier_event") == 0)
    }

    /// A copy of `scoring/` with one option text of set 1 changed.
    func editedScoring() throws -> (URL, original: String, edited: String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ocop-rubric-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.copyItem(at: scoringDirectory, to: root)
        let file = root.appendingPathComponent("qd26-2026/set-01.yaml")
        let original = "Sản phẩm được trồng trên địa bàn cấp xã, nhưng có tỷ lệ dưới 50%"
        let edited = "Sản phẩm được trồng trên địa bàn cấp xã với tỷ lệ dưới 50% (sửa đổi thử)"
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(original))
        try text.replacingOccurrences(of: original, with: edited).write(to: file, atomically: true, encoding: .utf8)
        return (root, original, edited)
    }

    func optionTexts(_ set: ProductSet) -> String {
        String(decoding: RubricHash.canonicalJSON(set), as: UTF8.self)
    }

    @Test func aRubricEditNeverChangesAnOpenDossier() throws {
        let (connection, _, lychee) = try world("dos_freeze")
        let (directory, original, edited) = try editedScoring()
        defer { try? FileManager.default.removeItem(at: directory) }
        let editedCatalog = try RubricCatalog.load(from: directory)
        let bundled = try bundledCatalog.get()
        let oldHash = try #require(bundled.version(.qd26_2026).setHashes[1])
        let newHash = try #require(editedCatalog.version(.qd26_2026).setHashes[1])
        #expect(oldHash != newHash)
        #expect(try editedCatalog.version(.qd26_2026).setHashes[2] == bundled.version(.qd26_2026).setHashes[2])

        let store = DossierRepository(connection)
        let rubrics = RubricRepository(connection)
        let before = try store.open(DossierOpening(productRef: lychee.code, kind: .firstEvaluation, year: 2026, round: 1), actor: t)
        #expect(before.rubricHash == oldHash)

        #expect(try rubrics.sync(editedCatalog.snapshots) == [.qd26_2026], "only the changed version is written again")
        #expect(try rubrics.sync(editedCatalog.snapshots) == [], "and only once")
        let after = try store.open(DossierOpening(productRef: lychee.code, kind: .firstEvaluation, year: 2026, round: 2), actor: t)
        #expect(after.rubricHash == newHash)

        #expect(try store.dossier(before.code).rubricHash == oldHash)
        let frozenBefore = try rubrics.frozenSet(hash: try #require(try store.dossier(before.code).rubricHash))
        #expect(RubricHash.hash(frozenBefore) == oldHash)
        #expect(optionTexts(frozenBefore).contains(original) && !optionTexts(frozenBefore).contains(edited))
        let frozenAfter = try rubrics.frozenSet(hash: try #require(after.rubricHash))
        #expect(RubricHash.hash(frozenAfter) == newHash)
        #expect(optionTexts(frozenAfter).contains(edited) && !optionTexts(frozenAfter).contains(original))
        #expect(try connection.count("rubric_set_snapshot", where: "set_number = 1") == 2)

        // Reverting the edit: new dossiers freeze the restored content again, not the edit.
        #expect(try rubrics.sync(bundled.snapshots) == [.qd26_2026])
        let reverted = try store.open(DossierOpening(productRef: lychee.code, kind: .firstEvaluation, year: 2027, round: 1), actor: t)
        #expect(reverted.rubricHash == oldHash)
        #expect(try store.dossier(after.code).rubricHash == newHash)
        #expect(try connection.count("rubric_set_snapshot", where: "set_number = 1") == 2)
    }
}
