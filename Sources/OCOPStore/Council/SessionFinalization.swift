import Foundation
import OCOPDomain
import OCOPModels
import Postgres

extension SessionRepository {
    /// Finalizes the session (or only `only` of its dossiers): checks quorum, spread and ★-splits
    /// per dossier, rates the stored sheets, stores each result and moves each dossier on. All or
    /// nothing; safe to run twice or from two terminals at once (the session row is locked, and a
    /// decided dossier is never decided again). Dossiers withdrawn while on the agenda are left
    /// out, like deferred ones. The writes are set-based: a fixed number of statements whatever
    /// the number of dossiers.
    public func finalize(_ code: SessionCode, only: [DossierCode] = [], actor: PersonCode) throws -> FinalizationReport {
        try connection.transaction { connection in
            let session = try reader.sessionRow(code, lock: "UPDATE")
            let snapshot = try reader.snapshot(code)
            // A result is dated on the session's day: a session not yet held concludes nothing.
            let today = try Stored.today(connection)
            guard snapshot.heldOn <= today else {
                throw StoreError.sessionNotYetHeld(session: code.rawValue, heldOn: snapshot.heldOn, today: today)
            }
            let wanted = Set(only)
            for w in wanted where snapshot.dossier(w) == nil {
                throw StoreError.dossierNotOnSession(dossier: w.rawValue, session: code.rawValue)
            }
            var targets: [SessionDossier] = []
            var already: [DossierCode] = [], deferred: [DossierCode] = [], withdrawn: [DossierCode] = []
            for d in snapshot.dossiers where wanted.isEmpty || wanted.contains(d.code) {
                if d.result != nil { already.append(d.code) }
                else if d.deferral != nil { deferred.append(d.code) }
                else if d.status.isTerminal { withdrawn.append(d.code) }
                else { targets.append(d) }
            }
            var assessed = snapshot
            assessed.dossiers = targets
            let report = try assess(assessed, engines: EngineCache(RubricRepository(connection)))
            var blocked: [StoreError.Blocked] = []
            for (d, a) in zip(targets, report.assessments) where !a.canFinalize {
                var problems = a.blocking.map { flag in LocalizedText(vi: flag.text(.vi), en: flag.text(.en)) }
                if a.result == nil, problems.isEmpty { problems.append(LocalizedText(vi: "chưa có phiếu nào", en: "no sheets yet")) }
                blocked.append(.init(dossier: d.code.rawValue, problems: problems))
            }
            if !blocked.isEmpty { throw StoreError.finalizationBlocked(blocked) }

            let provincial = snapshot.council.level == .provincial
            var decided: [FinalizationReport.Decided] = []
            decided.reserveCapacity(targets.count)
            var steps: [(id: Int, step: DossierWorkflow.Step, detail: DossierEventDetail)] = []
            var rows: [(dossier: SessionDossier, result: RatingResult, outcome: DossierStatus, counted: [StoredSheet], overrides: [String])] = []
            for (d, a) in zip(targets, report.assessments) {
                let result = a.result!
                let outcome = provincial ? CouncilRules.provincialOutcome(result) : CouncilRules.centralOutcome(result)
                let step = provincial
                    ? try DossierWorkflow.councilResult(dossier: d.code.rawValue, from: d.status, to: outcome)
                    : try DossierWorkflow.centralResult(dossier: d.code.rawValue, from: d.status, to: outcome)
                let counted = d.sheets.filter { a.scored.contains($0.person.rawValue) }
                let overrides = Array(a.overridden).sorted()
                rows.append((d, result, outcome, counted, overrides))
                steps.append((d.id, step, .councilResult(session: snapshot.code.rawValue, councilName: snapshot.council.name,
                                                         heldOn: snapshot.heldOn, reasons: CouncilRules.producerReasons(result),
                                                         level: snapshot.council.level)))
                decided.append(.init(dossier: d.code, productName: d.productName, result: StoredResult(
                    rating: result, outcome: outcome, sheetCount: counted.count, overrides: overrides,
                    finalizedAt: snapshot.finalizedAt ?? Date(), finalizedBy: actor.rawValue)))
            }
            let details = try Self.json(rows.map(\.result))
            // The results go in through COPY; each row holds the typed RatingResult as JSON.
            _ = try connection.copyRows(into: "council_result", columns: [
                "session_id", "dossier_id", "sheet_ids", "sheet_count", "total_sum", "average", "band", "stars", "recognised",
                "proposed_central", "disqualified", "spread", "outcome", "overrides", "detail", "finalized_by", "knock_outs",
            ], writer: { w in
                for (row, detail) in zip(rows, details) {
                    let (d, result) = (row.dossier, row.result)
                    w.field(snapshot.id); w.field(d.id)
                    w.field("{" + row.counted.map { String($0.meta.id) }.joined(separator: ",") + "}")
                    w.field(row.counted.count); w.field(result.average.sum); w.field(result.average.plain); w.field(result.band)
                    w.field(result.stars); w.field(result.recognised ? "t" : "f"); w.field(result.proposedToCentral ? "t" : "f")
                    w.field(result.disqualified ? "t" : "f"); w.field(result.spread); w.field(row.outcome.rawValue)
                    w.field(row.overrides.postgresText); w.field(detail)
                    w.field(actor.rawValue); w.field(d.standingKnockOuts.map(\.declaration.description).postgresText)
                    try w.endRow()
                }
            })
            if !steps.isEmpty {
                // Each dossier moves only from the state the snapshot saw; anything else means a
                // concurrent change, and the whole finalization is undone.
                let moved = try connection.query("""
                    UPDATE dossier d SET status = v.to_status, updated_at = ocop_now()
                    FROM unnest($1::bigint[], $2::text[], $3::text[]) AS v (id, from_status, to_status)
                    WHERE d.id = v.id AND d.status = v.from_status
                    """, PostgresIntArray(steps.map(\.id)), steps.map(\.step.from.rawValue), steps.map(\.step.to.rawValue))
                guard moved.affectedRows == steps.count else {
                    throw StoreError.database(sqlState: "40001", message: "a dossier of the session changed during finalization; run it again", constraint: nil)
                }
                try connection.query("""
                    INSERT INTO dossier_event (dossier_id, actor, action, from_status, to_status, detail)
                    SELECT v.id, $5, 'council_result', v.from_status, v.to_status, v.detail::jsonb
                    FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) AS v (id, from_status, to_status, detail)
                    """, PostgresIntArray(steps.map(\.id)), steps.map(\.step.from.rawValue), steps.map(\.step.to.rawValue),
                    try steps.map(\.detail).concurrentMap { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }, actor.rawValue)
            }
            let remaining = try connection.one("""
                SELECT count(*)::int AS n FROM session_dossier sd JOIN dossier d ON d.id = sd.dossier_id
                WHERE sd.session_id = $1 AND d.status NOT IN ('withdrawn')
                  AND NOT EXISTS (SELECT 1 FROM council_result r WHERE r.session_id = sd.session_id AND r.dossier_id = sd.dossier_id)
                  AND NOT EXISTS (SELECT 1 FROM session_deferral f WHERE f.session_id = sd.session_id AND f.dossier_id = sd.dossier_id)
                """, session.id).decode(Int.self, "n")
            if remaining == 0, session.status == .open {
                try connection.query("UPDATE council_session SET status = 'finalized', finalized_at = ocop_now(), finalized_by = $2 WHERE id = $1",
                                     session.id, actor.rawValue)
            }
            // The stored times (ocop_now) are the transaction's; report them as stored.
            let stamp = try connection.one("SELECT ocop_now() AS t").decode(Date.self, "t")
            for i in decided.indices { decided[i].result.finalizedAt = stamp }
            return FinalizationReport(session: snapshot.code, level: snapshot.council.level, decided: decided, alreadyDecided: already, deferred: deferred,
                                      withdrawn: withdrawn, sessionFinalized: remaining == 0)
        }
    }

    /// The results as JSON text (the `detail` column keeps the typed RatingResult), encoded on
    /// every core.
    static func json(_ results: [RatingResult]) throws -> [String] {
        try results.concurrentMap { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
    }
}
