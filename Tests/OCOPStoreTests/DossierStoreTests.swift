import Foundation
import OCOPDomain
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
        try RubricStore(connection).sync(try bundledCatalog.get())
        let registry = RegistryStore(connection)
        try registry.addProducer(Fixture.producer("0101"), actor: "t")
        let tea = try registry.addProduct(ProductDraft(name: "Trà giảo cổ lam Sa Lý", producerRef: "0101", productSet: 12, year: 2026), actor: "t")
        let lychee = try registry.addProduct(ProductDraft(name: "Vải thiều", producerRef: "0101", productSet: 1, year: 2026), actor: "t")
        return (connection, tea, lychee)
    }

    func events(_ connection: Connection) throws -> [String] {
        try connection.query("SELECT dossier_id, action, from_status, to_status FROM dossier_event ORDER BY id").map {
            "\($0.text(0) ?? "")|\($0.text(1) ?? "")|\($0.text(2) ?? "")|\($0.text(3) ?? "")"
        }
    }

    @Test func openFreezesRubricVersionAndSetHash() throws {
        let (connection, tea, _) = try world("dos_open")
        let store = DossierStore(connection)
        let dossier = try store.open(.init(productRef: tea.code, kind: .firstEvaluation, year: 2026, round: 2, targetStars: 3, note: "Sản phẩm mới"), actor: "Cán bộ xã")
        #expect(dossier.code == "HS-2026-0001")
        #expect(dossier.status == .submitted && dossier.returnedFrom == nil && dossier.missing.isEmpty)
        #expect(dossier.rubricVersion == "qd26-2026" && dossier.productSet == 12 && dossier.targetStars == 3)
        let expectedHash = try bundledCatalog.get().version(.qd26_2026).setHashes[12]
        #expect(dossier.rubricHash == expectedHash && expectedHash != nil)
        let frozen = try RubricStore(connection).frozenSet(of: dossier)
        #expect(frozen == (try bundledCatalog.get().productSet(12)))
        #expect(RubricHash.hash(frozen) == expectedHash)
        #expect(try store.dossier("hs-2026-0001") == dossier, "codes are case-insensitive")

        let second = try store.open(.init(productRef: String(tea.id), kind: .upgrade, year: 2026, round: 1), actor: "t")
        #expect(second.code == "HS-2026-0002")
        #expect(try store.open(.init(productRef: tea.code, kind: .firstEvaluation, year: 2027, round: 1), actor: "t").code == "HS-2027-0001")
        #expect(try store.dossiers(year: 2026).map(\.code) == ["HS-2026-0001", "HS-2026-0002"])
        #expect(try store.dossiers(status: .submitted, product: tea.code).count == 3)
    }

    @Test func openChecksItsInput() throws {
        let (connection, tea, _) = try world("dos_input")
        let store = DossierStore(connection)
        for (round, stars) in [(0, 3), (10, 3), (1, 2), (1, 6)] {
            let error = thrown(StoreError.self) { try store.open(.init(productRef: tea.code, kind: .firstEvaluation, year: 2026, round: round, targetStars: stars), actor: "t") }
            if case .invalid? = error {} else { Issue.record("round \(round), stars \(stars): expected invalid") }
        }
        if case .unknownProduct("24-00000-001-2026")? = thrown(StoreError.self, { try store.open(.init(productRef: "24-00000-001-2026", kind: .firstEvaluation, year: 2026, round: 1), actor: "t") }) {} else {
            Issue.record("expected unknownProduct")
        }
        if case .unknownRubricVersion("qd99-2099")? = thrown(StoreError.self, { try store.open(.init(productRef: tea.code, kind: .firstEvaluation, year: 2026, round: 1, rubricVersion: "qd99-2099"), actor: "t") }) {} else {
            Issue.record("expected unknownRubricVersion")
        }
        #expect(try connection.count("dossier") == 0)
        #expect(try connection.count("dossier_serial") == 0, "refused opens use no serial")
    }

    @Test func transitionRubricHasNoHashAndCannotBeScored() throws {
        let (connection, _, lychee) = try world("dos_qd148")
        let dossier = try DossierStore(connection).open(.init(productRef: lychee.code, kind: .upgrade, year: 2026, round: 1, rubricVersion: "qd148-2023"), actor: "t")
        #expect(dossier.rubricVersion == "qd148-2023" && dossier.rubricHash == nil)
        let error = thrown(StoreError.self) { _ = try RubricStore(connection).frozenSet(of: dossier) }
        guard case .rubricWithoutTables("qd148-2023")? = error else { Issue.record("expected rubricWithoutTables, got \(String(describing: error))"); return }
        #expect(error?.message(.en).contains("cannot be scored") == true)
    }

    @Test func oneOpenDossierPerProductYearAndRound() throws {
        let (connection, tea, lychee) = try world("dos_once")
        let store = DossierStore(connection)
        let first = try store.open(.init(productRef: tea.code, kind: .firstEvaluation, year: 2026, round: 2), actor: "t")
        let error = thrown(StoreError.self) { try store.open(.init(productRef: tea.code, kind: .upgrade, year: 2026, round: 2), actor: "t") }
        guard case let .openDossierExists(product, existing)? = error else { Issue.record("expected openDossierExists, got \(String(describing: error))"); return }
        #expect(product == tea.code && existing == first.code)
        #expect(error?.message(.vi).contains(first.code) == true)
        #expect(try connection.count("dossier") == 1 && connection.count("dossier_event") == 1)
        // Another product, or another round, is fine; and a withdrawn dossier no longer blocks.
        #expect(try store.open(.init(productRef: lychee.code, kind: .firstEvaluation, year: 2026, round: 2), actor: "t").code == "HS-2026-0002")
        #expect(try store.open(.init(productRef: tea.code, kind: .firstEvaluation, year: 2026, round: 1), actor: "t").code == "HS-2026-0003")
        try store.apply(.withdraw, to: first.code, actor: "Chủ thể", note: "Rút để bổ sung kiểm nghiệm")
        #expect(try store.open(.init(productRef: tea.code, kind: .firstEvaluation, year: 2026, round: 2), actor: "t").code == "HS-2026-0004")
    }

    @Test func aFullWalkIsRecorded() throws {
        let (connection, tea, _) = try world("dos_walk")
        let store = DossierStore(connection)
        let code = try store.open(.init(productRef: tea.code, kind: .firstEvaluation, year: 2026, round: 2, note: "Nộp tại xã"), actor: "Chủ thể").code
        #expect(try store.apply(.advance(to: nil), to: code, actor: "Cán bộ xã", note: "Tiếp nhận").status == .communeReview)
        #expect(try store.apply(.advance(to: nil), to: code.lowercased(), actor: "Cán bộ xã", note: "Đã lập Mẫu 03").status == .provincialReview)

        let returned = try store.apply(.returnForCompletion(missing: ["Phiếu kết quả kiểm nghiệm", "  ", "Ảnh sản phẩm".decomposedStringWithCanonicalMapping]), to: code, actor: "Sở NN&MT", note: "Thiếu hồ sơ")
        #expect(returned.status == .returned && returned.returnedFrom == .provincialReview)
        #expect(returned.missing == ["Phiếu kết quả kiểm nghiệm", "Ảnh sản phẩm"])
        let view = try store.statusView(code)
        #expect(view.status == .returned && view.missing == ["Phiếu kết quả kiểm nghiệm", "Ảnh sản phẩm"])
        #expect(view.lastChangeNote == "Thiếu hồ sơ" && view.productCode == tea.code && view.producerName == "HTX Thân Trường")
        #expect(view.lastChangeAt >= view.openedAt)

        let resubmitted = try store.apply(.advance(to: nil), to: code, actor: "Chủ thể", note: "Đã bổ sung")
        #expect(resubmitted.status == .provincialReview && resubmitted.returnedFrom == nil && resubmitted.missing.isEmpty)
        try store.apply(.advance(to: nil), to: code, actor: "Sở NN&MT")
        try store.apply(.advance(to: nil), to: code, actor: "Tổ tư vấn")
        #expect(try store.apply(.advance(to: .councilScheduled), to: code, actor: "Thư ký").status == .councilScheduled)
        _ = thrown(IllegalTransition.self) { try store.apply(.advance(to: nil), to: code, actor: "Thư ký") }
        #expect(try store.apply(.councilResult(.awaitingDecision), to: code, actor: "Hội đồng").status == .awaitingDecision)
        #expect(try store.apply(.advance(to: nil), to: code, actor: "Chủ tịch UBND tỉnh", note: "QĐ công nhận").status == .recognised)
        _ = thrown(IllegalTransition.self) { try store.apply(.withdraw, to: code, actor: "Chủ thể") }

        let history = try store.history(code)
        let expected: [(String, String, DossierStatus?, DossierStatus, String?)] = [
            ("Chủ thể", "open", nil, .submitted, "Nộp tại xã"),
            ("Cán bộ xã", "advance", .submitted, .communeReview, "Tiếp nhận"),
            ("Cán bộ xã", "advance", .communeReview, .provincialReview, "Đã lập Mẫu 03"),
            ("Sở NN&MT", "return", .provincialReview, .returned, "Thiếu hồ sơ"),
            ("Chủ thể", "resubmit", .returned, .provincialReview, "Đã bổ sung"),
            ("Sở NN&MT", "advance", .provincialReview, .advisoryReview, nil),
            ("Tổ tư vấn", "advance", .advisoryReview, .readyForCouncil, nil),
            ("Thư ký", "advance", .readyForCouncil, .councilScheduled, nil),
            ("Hội đồng", "council_result", .councilScheduled, .awaitingDecision, nil),
            ("Chủ tịch UBND tỉnh", "advance", .awaitingDecision, .recognised, "QĐ công nhận"),
        ]
        #expect(history.count == expected.count)
        for (event, want) in zip(history, expected) {
            #expect(event.actor == want.0 && event.action == want.1 && event.from == want.2 && event.to == want.3 && event.note == want.4, "\(event)")
        }
        #expect(history[3].missing == ["Phiếu kết quả kiểm nghiệm", "Ảnh sản phẩm"])
        #expect(history.filter { $0.action != "return" }.allSatisfy { $0.missing.isEmpty })
        #expect(zip(history, history.dropFirst()).allSatisfy { $0.at <= $1.at })
        #expect(try store.dossier(code).status == .recognised)
    }

    @Test func illegalTransitionChangesNothing() throws {
        let (connection, tea, _) = try world("dos_illegal")
        let store = DossierStore(connection)
        let code = try store.open(.init(productRef: tea.code, kind: .firstEvaluation, year: 2026, round: 2), actor: "t").code
        let before = try store.dossier(code)
        let eventsBefore = try events(connection)

        let error = thrown(IllegalTransition.self) { try store.apply(.returnForCompletion(missing: ["x"]), to: code, actor: "t") }
        #expect(error?.dossier == code && error?.from == .submitted)
        #expect(error?.message(.vi).contains("Không thể return hồ sơ \(code)") == true)
        _ = thrown(IllegalTransition.self) { try store.apply(.advance(to: .recognised), to: code, actor: "t") }
        _ = thrown(IllegalTransition.self) { try store.apply(.councilResult(.awaitingDecision), to: code, actor: "t") }
        try store.apply(.advance(to: nil), to: code, actor: "t")
        _ = thrown(IllegalTransition.self) { try store.apply(.returnForCompletion(missing: ["  "]), to: code, actor: "t") }

        let after = try store.dossier(code)
        #expect(after.status == .communeReview && after.missing.isEmpty)
        #expect(try events(connection).count == eventsBefore.count + 1)
        #expect(try events(connection).prefix(eventsBefore.count) == eventsBefore[...])
        #expect(before.status == .submitted)
    }

    @Test func unknownDossier() throws {
        let (connection, _, _) = try world("dos_unknown")
        let store = DossierStore(connection)
        for attempt in [
            { _ = try store.dossier("HS-2099-9999") },
            { _ = try store.statusView("HS-2099-9999") },
            { _ = try store.history("HS-2099-9999") },
            { _ = try store.apply(.advance(to: nil), to: "HS-2099-9999", actor: "t") },
            { _ = try store.apply(.withdraw, to: "HS-2099-9999", actor: "t") },
        ] as [() throws -> Void] {
            let error = thrown(StoreError.self, attempt)
            guard case .unknownDossier("HS-2099-9999")? = error else { Issue.record("expected unknownDossier, got \(String(describing: error))"); continue }
            #expect(error?.exitCode == 66)
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

        let store = DossierStore(connection)
        let rubrics = RubricStore(connection)
        let before = try store.open(.init(productRef: lychee.code, kind: .firstEvaluation, year: 2026, round: 1), actor: "t")
        #expect(before.rubricHash == oldHash)

        #expect(try rubrics.sync(editedCatalog) == [.qd26_2026], "only the changed version is written again")
        #expect(try rubrics.sync(editedCatalog) == [], "and only once")
        let after = try store.open(.init(productRef: lychee.code, kind: .firstEvaluation, year: 2026, round: 2), actor: "t")
        #expect(after.rubricHash == newHash)

        #expect(try store.dossier(before.code).rubricHash == oldHash)
        let frozenBefore = try rubrics.frozenSet(of: try store.dossier(before.code))
        #expect(RubricHash.hash(frozenBefore) == oldHash)
        #expect(optionTexts(frozenBefore).contains(original) && !optionTexts(frozenBefore).contains(edited))
        let frozenAfter = try rubrics.frozenSet(of: after)
        #expect(RubricHash.hash(frozenAfter) == newHash)
        #expect(optionTexts(frozenAfter).contains(edited) && !optionTexts(frozenAfter).contains(original))
        #expect(try connection.count("rubric_set_snapshot", where: "set_number = 1") == 2)

        // Reverting the edit: new dossiers freeze the restored content again, not the edit.
        #expect(try rubrics.sync(bundled) == [.qd26_2026])
        let reverted = try store.open(.init(productRef: lychee.code, kind: .firstEvaluation, year: 2027, round: 1), actor: "t")
        #expect(reverted.rubricHash == oldHash)
        #expect(try store.dossier(after.code).rubricHash == newHash)
        #expect(try connection.count("rubric_set_snapshot", where: "set_number = 1") == 2)
    }
}
