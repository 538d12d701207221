import Foundation
import OCOPDomain
import OCOPModels
import OCOPStore
import OCOPTestSupport
import Postgres
import Testing

/// Knock-outs decided by the council and deferral of a dossier to a later session.
@Suite struct CouncilKnockoutTests {
    @Test func councilKnockOutIsCheckedRecordedAndFinalizedAsDisqualified() throws {
        let world = try CouncilWorld.make("cko", sets: [1, 2])
        let session = try world.open()
        let councils = world.sessions
        let d = world.dossiers[0]
        // Refusals name what is wrong and write nothing.
        #expect(thrown(StoreError.self) {
            try councils.declareKnockOut(session: session, dossier: d, clause: "1.1", reason: "x", by: nil, actor: person("sec"))
        } == .notAKnockOutClause(dossier: d.rawValue, productSet: 1, clause: "1.1", allowed: ["hồ sơ", "2.1", "6.1"]))
        #expect(StoreError.notAKnockOutClause(dossier: d.rawValue, productSet: 1, clause: "1.1", allowed: ["hồ sơ", "2.1", "6.1"]).message(.vi)
            .contains("Các điều khoản loại: hồ sơ, 2.1, 6.1."))
        #expect(thrown(StoreError.self) {
            try councils.declareKnockOut(session: session, dossier: d, clause: "hồ-sơ", reason: "x", by: person("m1"), actor: person("sec"))
        } == .notChair(person: "m1"))
        #expect(thrown(DomainError.self) {
            try councils.declareKnockOut(session: session, dossier: d, clause: "hồ-sơ", reason: "  ", by: nil, actor: person("sec"))
        } == .missingValue(field: "reason", what: LocalizedText(vi: "không được để trống.", en: "must not be blank.")))
        #expect(try world.connection.count("council_knockout") == 0)

        let record = try councils.declareKnockOut(session: session, dossier: d, clause: "hồ-sơ",
                                                  reason: "Giấy chứng nhận ATTP đã hết hạn và bị tẩy xóa", by: nil, actor: person("sec"))
        #expect(record.declaration == .dossier && record.decidedBy == person("chair") && record.recordedBy == "sec")
        #expect(record.clauseText.hasPrefix("Hồ sơ bị loại khi: Giả mạo hồ sơ"))
        #expect(thrown(StoreError.self) {
            try councils.declareKnockOut(session: session, dossier: d, clause: "dossier", reason: "x", by: nil, actor: person("sec"))
        } == .knockOutAlreadyDecided(dossier: d.rawValue, clause: "hồ sơ"))
        // A second one, taken back before finalization: on record, no longer standing.
        try councils.declareKnockOut(session: session, dossier: d, clause: "6.1", reason: "Có tạp chất", by: person("chair"), actor: person("sec"))
        try councils.withdrawKnockOut(session: session, dossier: d, clause: "6.1", reason: "Mẫu lưu không có tạp chất", actor: person("chair"))
        #expect(thrown(StoreError.self) {
            try councils.withdrawKnockOut(session: session, dossier: d, clause: "2.1", reason: "x", actor: person("sec"))
        } == .noSuchKnockOut(dossier: d.rawValue, clause: "2.1", standing: ["hồ sơ"]))
        #expect(thrown(StoreError.self) {
            try councils.override(session: session, dossier: d, flag: "knockout:hồ sơ", chair: person("chair"), reason: "x", actor: person("sec"))
        } == .knockOutNotOverridable("knockout:hồ sơ"))

        // A spread that would block: moot once the council has disqualified the dossier.
        for member in CouncilWorld.scorers {
            try world.score(0, member, total: member == "chair" ? 80 : 66)
            try world.score(1, member, total: 72)
        }
        let status = try world.report(session)
        let a = status.assessments[0]
        #expect(a.flags.map(\.id) == ["knockout:hồ sơ"] && a.canFinalize && a.knockedOut)
        #expect(status.snapshot.dossiers[0].knockOuts.count == 2 && status.snapshot.dossiers[0].standingKnockOuts.count == 1)
        #expect(status.snapshot.dossiers[0].knockOuts[1].withdrawnBy == "chair")

        let report = try world.finalize(session)
        #expect(report.decided.map(\.dossier) == world.dossiers && report.sessionFinalized)
        let result = try #require(try world.snapshot(session).dossiers[0].result)
        #expect(result.rating.disqualified && result.rating.stars == nil && result.outcome == .notRecognised && !result.rating.recognised)
        #expect(result.rating.explanation(.vi).contains { $0.hasPrefix("Bị loại (hồ sơ): «Hồ sơ bị loại khi: Giả mạo hồ sơ") })
        #expect(try world.connection.one("SELECT knock_outs FROM council_result r JOIN dossier d ON d.id = r.dossier_id WHERE d.code = $1", d.rawValue)
            .decode([String].self, "knock_outs") == ["hồ sơ"])
        let store = DossierRepository(world.connection)
        #expect(try store.dossier(d).status == .notRecognised)
        #expect(try store.dossier(world.dossiers[1]).status == .awaitingDecision)
        // The producer is told the clause, not points, not the council's internal reason.
        let view = try store.statusView(d)
        let note = try #require(view.lastEvent?.text(.vi))
        #expect(note.contains("«Hồ sơ bị loại khi: Giả mạo hồ sơ") && !note.contains("điểm") && !note.contains("tẩy xóa"), "\(note)")
        // Decided: nothing more to declare or withdraw.
        #expect(thrown(StoreError.self) {
            try councils.declareKnockOut(session: session, dossier: d, clause: "2.1", reason: "x", by: nil, actor: person("sec"))
        } == .alreadyDecided(dossier: d.rawValue))
        #expect(thrown(StoreError.self) {
            try councils.withdrawKnockOut(session: session, dossier: d, clause: "hồ sơ", reason: "x", actor: person("sec"))
        } == .alreadyDecided(dossier: d.rawValue))
    }

    @Test func presidingViceChairMustBeNamedWhenTheChairIsRecused() throws {
        let world = try CouncilWorld.make("ckovice", sets: [1])
        let session = try world.open()
        let councils = world.sessions
        let d = world.dossiers[0]
        try councils.recuse(session: session, dossier: d, person: person("chair"), kind: .kin, reason: "Em ruột chủ nhiệm HTX", actor: person("sec"))
        #expect(thrown(StoreError.self) {
            try councils.declareKnockOut(session: session, dossier: d, clause: "2.1", reason: "Sản phẩm phổ biến", by: nil, actor: person("sec"))
        } == .presidingChairNeeded(dossier: d.rawValue))
        #expect(thrown(StoreError.self) {
            try councils.declareKnockOut(session: session, dossier: d, clause: "2.1", reason: "Sản phẩm phổ biến", by: person("chair"), actor: person("sec"))
        } == .notChair(person: "chair"))
        let record = try councils.declareKnockOut(session: session, dossier: d, clause: "2.1", reason: "Sản phẩm phổ biến", by: person("vice1"), actor: person("sec"))
        #expect(record.decidedBy == person("vice1") && record.clauseText.hasPrefix("2.1 Nguồn gốc ý tưởng sản phẩm: Ghi chú: Không đánh giá"))
    }

    @Test func deferredDossierLeavesTheSessionAndGoesOnALaterOne() throws {
        let world = try CouncilWorld.make("cdefer", sets: [1, 2, 3])
        let session = try world.open()
        let councils = world.sessions
        let store = DossierRepository(world.connection)
        let d = world.dossiers[1]
        for member in CouncilWorld.scorers {
            try world.score(0, member, total: 72)
            try world.score(2, member, total: 75)
        }
        try world.score(1, "chair", total: 70)
        #expect(thrown(DomainError.self) { try councils.deferDossier(session: session, dossier: d, reason: " ", actor: person("sec")) } == .missingValue(field: "reason", what: LocalizedText(vi: "không được để trống.", en: "must not be blank.")))

        let reason = "Cần khảo sát thực tế cơ sở sản xuất"
        let record = try councils.deferDossier(session: session, dossier: d, reason: reason, actor: person("sec"))
        #expect(record.reason == reason && record.deferredBy == "sec")
        #expect(try store.dossier(d).status == .readyForCouncil)
        let event = try #require(try store.history(d).last)
        #expect(event.action == .defer && event.actor == "sec" && event.from == .councilScheduled && event.to == .readyForCouncil)
        #expect(event.text(.vi) == "Hoãn xét tại phiên họp hội đồng ngày 10/11/2026 (phiên \(session)) — \(reason)")
        #expect(event.text(.en) == "Deferred at the council session of 2026-11-10 (session \(session)) — \(reason)")

        // Nothing more is recorded for it on this session.
        #expect(thrown(StoreError.self) { try councils.deferDossier(session: session, dossier: d, reason: "x", actor: person("sec")) }
            == .dossierDeferred(dossier: d.rawValue, session: session.rawValue))
        #expect(thrown(StoreError.self) {
            try councils.declareKnockOut(session: session, dossier: d, clause: "hồ sơ", reason: "x", by: nil, actor: person("sec"))
        } == .dossierDeferred(dossier: d.rawValue, session: session.rawValue))
        #expect(thrown(StoreError.self) {
            try councils.recuse(session: session, dossier: d, person: person("m1"), kind: .other, reason: "x", actor: person("sec"))
        } == .dossierDeferred(dossier: d.rawValue, session: session.rawValue))
        #expect(thrown(StoreError.self) { try world.score(1, "vice1", total: 70) } == .dossierNotInOpenSession(d.rawValue))
        // The database refuses a sheet for it there too (e.g. a CSV import naming the session).
        #expect(thrown(PostgresError.self) {
            try world.connection.execute("""
                INSERT INTO score_sheet (session_id, dossier_id, person_id, version, rubric_version, rubric_hash, total, source, submitted_by)
                SELECT sd.session_id, sd.dossier_id, (SELECT id FROM person WHERE code = 'm1'), 1, sd.rubric_version, sd.rubric_hash, 70, 'import', 'x'
                FROM session_deferral f JOIN session_dossier sd USING (session_id, dossier_id)
                """)
        }?.serverError?.message.contains("deferred") == true)

        // Finalization ignores it, and the session still closes.
        let report = try world.finalize(session)
        #expect(report.decided.map(\.dossier) == [world.dossiers[0], world.dossiers[2]] && report.deferred == [d] && report.sessionFinalized)
        let snapshot = try world.snapshot(session)
        #expect(snapshot.status == .finalized && snapshot.dossiers[1].result == nil && snapshot.dossiers[1].deferral?.reason == reason)
        #expect(try SessionSnapshotReader(world.connection).sessions().first?.deferred == 1)
        // A decided dossier cannot be deferred.
        #expect(thrown(StoreError.self) { try councils.deferDossier(session: session, dossier: world.dossiers[0], reason: "x", actor: person("sec")) }
            == .alreadyDecided(dossier: world.dossiers[0].rawValue))

        // A later session takes it and decides it.
        let later = try councils.open(council: CouncilWorld.council, heldOn: CalendarDate(year: 2026, month: 11, day: 24)!, place: nil,
                                      dossiers: [d], absent: [], actor: person("sec")).code
        #expect(try store.dossier(d).status == .councilScheduled)
        for member in CouncilWorld.scorers { try world.score(1, member, total: 74) }
        _ = try world.finalize(later)
        #expect(try store.dossier(d).status == .awaitingDecision)
        #expect(try store.statusView(d).councilDate == CalendarDate(iso: "2026-11-24"))
    }

    @Test func deferIsAllOrNothing() throws {
        let world = try CouncilWorld.make("cdeferatomic", sets: [1])
        let session = try world.open()
        let d = world.dossiers[0]
        // Withdrawn by the producer meanwhile: the workflow refuses, and the deferral row is rolled back.
        try DossierRepository(world.connection).apply(.withdraw, to: d, actor: person("producer"))
        let error = thrown(DomainError.self) {
            try world.sessions.deferDossier(session: session, dossier: d, reason: "Vắng 3 thành viên", actor: person("sec"))
        }
        #expect(error == .mayNotScore(.dossierClosed(dossier: d.rawValue, status: .withdrawn)))
        #expect(try world.connection.count("session_deferral") == 0)
        #expect(try world.connection.count("dossier_event", where: "action = 'defer'") == 0)
    }
}
