import Foundation
import OCOPDomain
import OCOPModels
import OCOPStore
import OCOPTestSupport
import Postgres
import Testing

@Suite struct CouncilStoreTests {
    static let tenSets = [1, 2, 3, 4, 6, 7, 9, 11, 12, 26]

    @Test func fullSessionOfSevenMembersAndTenDossiers() throws {
        let world = try CouncilWorld.make("cfull", sets: Self.tenSets)
        let session = try world.open()
        // Dossier 0 → ≥ 90 (central), 1…7 → 4★/3★, 8 → 40 (not recognised), 9 (tourism) → 72.
        let targets = [93, 75, 72, 60, 55, 80, 71, 52, 40, 72]
        for (i, target) in targets.enumerated() {
            for (k, person) in CouncilWorld.scorers.enumerated() {
                try world.score(i, person, total: target + (k % 3) - 1, stars: target >= 50 ? 5 : 0)
            }
        }
        let status = try world.report(session)
        #expect(status.assessments.allSatisfy { $0.scored.count == 7 && $0.missing.isEmpty && $0.blocking.isEmpty })
        let report = try world.finalize(session)
        #expect(report.decided.count == 10 && report.sessionFinalized)
        let store = DossierRepository(world.connection)
        #expect(try store.dossier(world.dossiers[0]).status == .proposedCentral)
        #expect(try store.dossier(world.dossiers[1]).status == .awaitingDecision)
        #expect(try store.dossier(world.dossiers[8]).status == .notRecognised)
        let snapshot = try world.snapshot(session)
        #expect(snapshot.status == .finalized)
        let result = try #require(snapshot.dossiers[1].result)
        #expect(result.rating.stars == 4 && result.rating.average.plain == "74.86" && result.sheetCount == 7)
        #expect(result.rating.reasons.first?.text(.vi).contains("74,86 điểm → 4★") == true)
        #expect(result.rating.reasons.first?.text(.en).contains("74.86 points → 4★") == true)
        // The stored result is the typed rating the council saw before finalizing.
        #expect(status.assessments[1].result == result.rating)
        // The producer's note carries the council's reasons, never a member's total, in either language.
        let history = try store.history(world.dossiers[8])
        let last = try #require(history.last)
        #expect(last.action == .councilResult && last.text(.vi)?.contains("không ban hành quyết định công nhận") == true)
        #expect(last.text(.en)?.contains("no recognition decision and no certificate") == true)
        #expect(last.text(.vi)?.contains("Chênh lệch") == false)
        let view = try store.statusView(world.dossiers[1])
        #expect(view.councilDate == CalendarDate(iso: "2026-11-10"))
        // Finalizing again changes nothing.
        let again = try world.finalize(session)
        #expect(again.decided.isEmpty && again.alreadyDecided.count == 10)
        #expect(try world.connection.count("council_result") == 10)
    }

    @Test func onlyReadyDossiersAndMembersWhoMayScore() throws {
        let world = try CouncilWorld.make("cready", sets: [1, 2])
        let store = DossierRepository(world.connection)
        try store.apply(.returnForCompletion(missing: ["Phiếu kiểm nghiệm"]), to: world.dossiers[1], actor: person("test"))
        let error = thrown(StoreError.self) { _ = try world.open() }
        #expect(error == .dossierNotReady(dossier: world.dossiers[1].rawValue, status: .returned, needed: .readyForCouncil))
        #expect(try store.dossier(world.dossiers[0]).status == .readyForCouncil, "nothing changed")
        #expect(try world.connection.count("council_session") == 0)

        let session = try world.sessions.open(council: CouncilWorld.council, heldOn: CalendarDate(year: 2026, month: 11, day: 10)!, place: nil,
                                              dossiers: [world.dossiers[0]], absent: [person("m4")], actor: person("sec")).code
        #expect(try store.dossier(world.dossiers[0]).status == .councilScheduled)
        let d = world.dossiers[0].rawValue
        #expect(refusal { try world.score(0, "sec", total: 70) } == .doesNotScore(person: "sec", role: .secretary))
        #expect(refusal { try world.score(0, "adv", total: 70) } == .doesNotScore(person: "adv", role: .advisor))
        #expect(refusal { try world.score(0, "m4", total: 70) } == .absent(person: "m4", session: session.rawValue))
        #expect(refusal { try world.score(0, "stranger", total: 70) } == nil)
        try world.sessions.recordAttendance(session: session, present: [person("m4")], absent: [], actor: person("sec"))
        try world.score(0, "m4", total: 70)
        _ = d
    }

    @Test func recusedMemberCannotScoreAndDoesNotCount() throws {
        let world = try CouncilWorld.make("crecuse", sets: [1])
        let session = try world.open()
        try world.sessions.recuse(session: session, dossier: world.dossiers[0], person: person("m1"), kind: .kin, reason: "Anh ruột của người đại diện", actor: person("sec"))
        #expect(refusal { try world.score(0, "m1", total: 70) } == .recused(person: "m1", dossier: world.dossiers[0].rawValue))
        // 6 eligible → quorum ⌈6 × 3/4⌉ = 5.
        for member in ["chair", "vice1", "vice2", "m2"] { try world.score(0, member, total: 72) }
        var a = try world.report(session).assessments[0]
        #expect(a.eligible.count == 6 && a.recused == ["m1"])
        #expect(a.flags == [.quorum(scored: 4, required: 5, eligible: 6, presidingMissing: false)])
        try world.score(0, "m3", total: 72)
        a = try world.report(session).assessments[0]
        #expect(a.canFinalize && a.missing == ["m4"])
        _ = try world.finalize(session)
        let snapshot = try world.snapshot(session)
        #expect(snapshot.dossiers[0].recusals.first?.reason == "Anh ruột của người đại diện")
        #expect(snapshot.dossiers[0].result?.sheetCount == 5)
    }

    /// A result is dated on the session's day, so a session set for a later day concludes nothing
    /// before it (the decision would otherwise cite a council that has not met).
    @Test func aSessionNotYetHeldIsNotFinalized() throws {
        let world = try CouncilWorld.make("cfuture", sets: [1])
        let heldOn = CalendarDate(year: 2099, month: 3, day: 10)!
        let session = try world.open(heldOn: heldOn)
        // A meeting takes no sheet (nor draft) before its day either: members score at it.
        let early = thrown(DomainError.self) { _ = try world.score(0, "chair", total: 75) }
        guard case .mayNotScore(.beforeMeeting(let refusedFor, let day, _))? = early else { Issue.record("\(String(describing: early))"); return }
        #expect(refusedFor == session.rawValue && day == heldOn)
        #expect(early?.message(.vi).contains("chưa nhận phiếu trước ngày đó") == true)
        #expect(try world.connection.count("score_sheet") == 0)
        let error = thrown(StoreError.self) { _ = try world.finalize(session) }
        guard case .sessionNotYetHeld(let code, let on, _)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(code == session.rawValue && on == heldOn)
        #expect(error?.kind == .invalidInput)
        #expect(error?.message(.vi).contains("10/03/2099") == true)
        #expect(try world.connection.count("council_result") == 0)
        #expect(try DossierRepository(world.connection).dossier(world.dossiers[0]).status == .councilScheduled)
    }

    /// A council meets on filed dossiers: a session dated before a dossier's filing is refused,
    /// and nothing of it (not even its serial) is kept.
    @Test func aSessionCannotPrecedeTheFiling() throws {
        let world = try CouncilWorld.make("cbeforefiling", sets: [1])
        let error = thrown(StoreError.self) { _ = try world.open(heldOn: CalendarDate(year: 2026, month: 5, day: 31)!) }
        #expect(error?.fields == ["date"])
        #expect(error?.message(.en).contains("the session cannot precede 2026-06-01, when dossier \(world.dossiers[0].rawValue) was filed") == true)
        #expect(try world.connection.count("council_session") == 0)
        #expect(try DossierRepository(world.connection).dossier(world.dossiers[0]).status == .readyForCouncil)
        let session = try world.open(heldOn: CalendarDate(year: 2026, month: 6, day: 1)!)
        #expect(session.rawValue == "PH-2026-001")
    }

    /// A postponed meeting: the session moves, its dossiers' histories say so with the reason,
    /// and the result is dated on the new day. Once any dossier is decided the day is fixed.
    @Test func aSessionIsRescheduledUntilItConcludes() throws {
        let world = try CouncilWorld.make("creschedule", sets: [1, 2])
        let session = try world.open()
        let store = DossierRepository(world.connection)
        func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
        let moved = try world.sessions.reschedule(session, to: day("2026-11-12"), reason: "Chủ tịch đi công tác", actor: person("sec"))
        #expect(moved.heldOn == day("2026-11-12") && moved.code == session)
        for code in world.dossiers {
            let last = try #require(try store.history(code).last)
            #expect(last.action == .reschedule && last.from == .councilScheduled && last.to == .councilScheduled)
            #expect(last.note == "Chủ tịch đi công tác" && last.detail == .rescheduled(session: session.rawValue, from: day("2026-11-10"), to: day("2026-11-12")))
            #expect(try store.statusView(code).councilDate == day("2026-11-12"))
        }
        #expect(try store.history(world.dossiers[0]).last?.detail?.text(.vi) == "Phiên họp hội đồng \(session.rawValue) đổi từ ngày 10/11/2026 sang ngày 12/11/2026")
        // Refusals leave everything as it was.
        let events = try world.connection.count("dossier_event")
        #expect(thrown(StoreError.self) { try world.sessions.reschedule(session, to: day("2026-11-12"), reason: "x", actor: person("sec")) }?.fields == ["date"])
        #expect(thrown(StoreError.self) { try world.sessions.reschedule(session, to: day("2026-05-31"), reason: "x", actor: person("sec")) }?.fields == ["date"])
        #expect(thrown(DomainError.self) { try world.sessions.reschedule(session, to: day("2026-11-13"), reason: " ", actor: person("sec")) }?.fields == ["reason"])
        #expect(try world.connection.count("dossier_event") == events)
        #expect(try world.snapshot(session).heldOn == day("2026-11-12"))
        // One dossier decided: the session's day is now part of a result.
        for member in CouncilWorld.scorers { try world.score(0, member, total: 75) }
        let report = try world.finalize(session, only: [world.dossiers[0]])
        #expect(report.decided.map(\.dossier) == [world.dossiers[0]])
        #expect(try store.statusView(world.dossiers[0]).councilDate == day("2026-11-12"))
        #expect(thrown(StoreError.self) { try world.sessions.reschedule(session, to: day("2026-11-14"), reason: "x", actor: person("sec")) }
            == .alreadyDecided(dossier: world.dossiers[0].rawValue))
    }

    /// A dossier deferred to a later session and decided there no longer bounds the first
    /// session's day.
    @Test func aDeferredDossierDecidedElsewhereDoesNotHoldTheSessionsDay() throws {
        let world = try CouncilWorld.make("crescheduledefer", sets: [1, 2])
        let first = try world.open()
        try world.sessions.deferDossier(session: first, dossier: world.dossiers[1], reason: "Cần khảo sát thực tế", actor: person("sec"))
        let later = try world.sessions.open(council: CouncilWorld.council, heldOn: CalendarDate(iso: "2026-11-20")!, place: nil,
                                            dossiers: [world.dossiers[1]], absent: [], actor: person("sec")).code
        for member in CouncilWorld.scorers { try world.score(1, member, total: 74) }
        _ = try world.finalize(later)
        let moved = try world.sessions.reschedule(first, to: CalendarDate(iso: "2026-11-12")!, reason: "Hoãn họp", actor: person("sec"))
        #expect(moved.heldOn == CalendarDate(iso: "2026-11-12"))
        #expect(try DossierRepository(world.connection).history(world.dossiers[1]).last?.action == .councilResult, "no event for a dossier that left")
    }

    @Test func quorumFailureBlocksAndWritesNothing() throws {
        let world = try CouncilWorld.make("cquorum", sets: [1, 2])
        let session = try world.open()
        for member in ["chair", "vice1", "m1", "m2", "m3", "m4", "vice2"] { try world.score(0, member, total: 75) }
        for member in ["vice1", "m1", "m2", "m3", "m4", "vice2"] { try world.score(1, member, total: 75) }  // no chair
        let error = thrown(StoreError.self) { _ = try world.finalize(session) }
        guard case .finalizationBlocked(let blocked)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(blocked.map(\.dossier) == [world.dossiers[1].rawValue])
        #expect(blocked[0].problems[0].vi.contains("thiếu phiếu của Chủ tịch"))
        #expect(try world.connection.count("council_result") == 0)
        #expect(try DossierRepository(world.connection).dossier(world.dossiers[0]).status == .councilScheduled)
        // Quorum cannot be overridden; the other dossier can be finalized alone.
        #expect(thrown(StoreError.self) {
            try world.sessions.override(session: session, dossier: world.dossiers[1], flag: "quorum", chair: person("chair"), reason: "x", actor: person("sec"))
        } == .flagNotOverridable("quorum"))
        let report = try world.finalize(session, only: [world.dossiers[0]])
        #expect(report.decided.map(\.dossier) == [world.dossiers[0]] && !report.sessionFinalized)
    }

    @Test func spreadIsFlaggedThenRescoredOrOverridden() throws {
        let world = try CouncilWorld.make("cspread", sets: [1, 2])
        let session = try world.open()
        for member in CouncilWorld.scorers {
            try world.score(0, member, total: member == "m4" ? 60 : 75)
            try world.score(1, member, total: member == "m4" ? 58 : 74)
        }
        var status = try world.report(session)
        #expect(status.assessments[0].flags.contains(.spread(points: 15, maximum: 10)))
        #expect(status.assessments[0].needsDiscussion)
        #expect(thrown(StoreError.self) { _ = try world.finalize(session) } != nil)
        // Dossier 0: m4 re-scores after discussion (a new version with a reason).
        #expect(refusal { try world.score(0, "m4", total: 70) } == .alreadySubmitted(person: "m4", dossier: world.dossiers[0].rawValue, version: 1))
        let v2 = try world.score(0, "m4", total: 70, reason: "Chấm lại sau thảo luận của Hội đồng")
        #expect(v2.meta.version == 2)
        // Dossier 1: the chair overrides.
        #expect(thrown(StoreError.self) {
            try world.sessions.override(session: session, dossier: world.dossiers[1], flag: "spread", chair: person("m1"), reason: "x", actor: person("sec"))
        } == .notChair(person: "m1"))
        try world.sessions.override(session: session, dossier: world.dossiers[1], flag: "spread", chair: person("chair"),
                                    reason: "Ủy viên m4 giữ ý kiến về bao bì; Hội đồng thống nhất giữ nguyên", actor: person("sec"))
        status = try world.report(session)
        #expect(status.assessments[0].flags.isEmpty)
        #expect(status.assessments[1].flags.count == 1 && status.assessments[1].blocking.isEmpty)
        _ = try world.finalize(session)
        let snapshot = try world.snapshot(session)
        #expect(snapshot.dossiers[0].result?.rating.spread == 5)
        #expect(snapshot.dossiers[1].result?.overrides == ["spread"])
    }

    @Test func correctionIsANewVersionAndSheetsAreImmutable() throws {
        let world = try CouncilWorld.make("ccorrect", sets: [1])
        _ = try world.open()
        try world.score(0, "m1", total: 70)
        #expect(refusal { try world.score(0, "m2", total: 70, reason: "x") } == .nothingToCorrect(person: "m2", dossier: world.dossiers[0].rawValue))
        try world.score(0, "m1", total: 72, reason: "Ghi nhầm tiêu chí 2.1")
        let history = try ScoreRepository(world.connection).history(dossier: world.dossiers[0], person: person("m1"))
        #expect(history.map(\.version) == [1, 2] && history.map(\.total) == [70, 72])
        #expect(history[1].reason == "Ghi nhầm tiêu chí 2.1" && history[0].rubricHash == history[1].rubricHash)
        let update = thrown(PostgresError.self) { try world.connection.execute("UPDATE score_sheet SET total = 99") }
        #expect(update?.serverError?.sqlState == "42501", "no grant to change a sheet")
        #expect(thrown(PostgresError.self) { try world.connection.execute("DELETE FROM score_answer") } != nil)
    }

    @Test func invalidSheetIsRefusedWithEveryProblem() throws {
        let world = try CouncilWorld.make("cinvalid", sets: [1])
        _ = try world.open()
        let sheet = ScoreSheet(label: "x", points: ["1.1": 7, "99": 1])
        let error = thrown(DomainError.self) { try world.submit(0, "m1", sheet: sheet) }
        guard case .invalidSheet(let invalid)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(invalid.problems.contains { $0.message(.vi).contains("1.1: 7 điểm không phải một phương án") })
        #expect(invalid.problems.contains { $0.message(.vi).contains("thiếu tiêu chí") })
        #expect(try world.connection.count("score_sheet") == 0)
    }

    @Test func minimumSplitMustBeResolved() throws {
        let world = try CouncilWorld.make("csplit", sets: [1])
        let session = try world.open()
        let set = try world.productSet(0)
        let base = try #require(set.councilSheet(total: 75, floors: set.markerFloors(upTo: 5)))
        // Three members put 5.1 (a 4★ marker ≥ 5) one option lower, two put 1.5 (≥ 2) lower.
        let marker = try #require(set.starMarkers.first { $0.stars == 4 && $0.criterion == "5.1" })
        let lower = try #require(set.criterion("5.1")?.allowedPoints().filter { $0 < marker.points }.max())
        let second = try #require(set.starMarkers.first { $0.stars == 4 && $0.criterion == "1.5" })
        let secondLower = try #require(set.criterion("1.5")?.allowedPoints().filter { $0 < second.points }.max())
        for (k, member) in CouncilWorld.scorers.enumerated() {
            var sheet = base
            if k < 3 { sheet.answers["5.1"] = SheetAnswer(points: lower) }
            if k == 3 || k == 4 { sheet.answers["1.5"] = SheetAnswer(points: secondLower) }
            try world.submit(0, member, sheet: sheet)
        }
        let a = try world.report(session).assessments[0]
        #expect(a.flags.contains { $0.id == "minimum:5.1:4" } && a.flags.contains { $0.id == "minimum:1.5:4" }, "\(a.flags.map(\.id))")
        // Several flags with one reason: all or none.
        let unknown = thrown(StoreError.self) {
            try world.sessions.override(session: session, dossier: world.dossiers[0], flags: ["minimum:5.1:4", "minimum:9.9:4"], chair: person("chair"),
                                        reason: "x", actor: person("sec"))
        }
        #expect(unknown == .unknownFlag(dossier: world.dossiers[0].rawValue, flag: "minimum:9.9:4", raised: a.flags.map(\.id)))
        #expect(try world.connection.count("council_override") == 0)
        #expect(thrown(StoreError.self) { try world.finalize(session) } != nil)
        try world.sessions.override(session: session, dossier: world.dossiers[0], flags: ["minimum:5.1:4", "minimum:1.5:4"], chair: person("chair"),
                                    reason: "Đa số thành viên đánh giá đạt yêu cầu", actor: person("sec"))
        #expect(try world.connection.count("council_override") == 2)
        _ = try world.finalize(session)
    }

    @Test func twoConcurrentFinalizersYieldOneResult() throws {
        let world = try CouncilWorld.make("cconc", sets: [1, 2, 3])
        let session = try world.open()
        for i in 0..<3 { for member in CouncilWorld.scorers { try world.score(i, member, total: 72) } }
        let target = world.target
        let reports = Reports()
        let group = DispatchGroup()
        for who in ["sec-a", "sec-b"] {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                do {
                    let connection = try Connection(target)
                    reports.add(try SessionRepository(connection).finalize(session, actor: person(who)))
                } catch { reports.fail("\(error)") }
            }
        }
        group.wait()
        #expect(reports.failures.isEmpty, "\(reports.failures)")
        #expect(reports.all.count == 2)
        #expect(reports.all.map(\.decided.count).sorted() == [0, 3])
        #expect(try world.connection.count("council_result") == 3)
        #expect(try world.connection.count("dossier_event", where: "action = 'council_result'") == 3)
    }
}

/// The scoring rule's refusal thrown by `body`, or nil when something else (or nothing) was thrown.
func refusal(_ body: () throws -> Void) -> ScoringRefusal? {
    do {
        try body()
    } catch let DomainError.mayNotScore(refusal) {
        return refusal
    } catch {
        return nil
    }
    return nil
}

final class Reports: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var all: [FinalizationReport] = []
    private(set) var failures: [String] = []
    func add(_ r: FinalizationReport) { lock.lock(); all.append(r); lock.unlock() }
    func fail(_ s: String) { lock.lock(); failures.append(s); lock.unlock() }
}
