import Foundation
import OCOPDomain
import OCOPModels
import OCOPStore
import OCOPTestSupport
import Postgres
import Testing

/// The record nobody can rewrite unnoticed (migration 0009, docs/audit.md).
@Suite struct AuditTests {
    /// A world with a finalized session: events, sheets, answers and results on record.
    func world(_ prefix: String) throws -> CouncilWorld {
        let world = try CouncilWorld.make(prefix, sets: [1, 4])
        let session = try world.open()
        for index in 0..<2 { for member in CouncilWorld.scorers { try world.score(index, member, total: 72 + index) } }
        _ = try world.finalize(session)
        return world
    }

    /// Runs `sql` as someone who turned the triggers off (a superuser with a SQL prompt).
    func tamper(_ world: CouncilWorld, _ sql: String) throws {
        let connection = try Connection(try TestDatabase.administrator(of: world.target))
        defer { connection.close() }
        try connection.transaction { connection in
            try connection.execute("SET LOCAL session_replication_role = replica")
            try connection.execute(sql)
        }
    }

    @Test func anUntouchedRecordVerifiesAndItsHeadIsStable() throws {
        let world = try world("audit_ok")
        let audit = AuditRepository(world.connection)
        let report = try audit.verify()
        #expect(report.intact, "\(report.breaks)")
        #expect(report.chains.first { $0.table == "score_answer" }!.rows > 100)
        #expect(report.chains.first { $0.table == "council_result" }!.rows == 2)
        #expect(try audit.head() == report.head)
        // The printed head of this moment still verifies after more is recorded.
        let printed = try #require(PrintedAuditHead(report.head.printed))
        try DossierRepository(world.connection).apply(.withdraw, to: world.dossiers[1], actor: person("producer"), note: "Chủ thể rút hồ sơ")
        let later = try audit.verify(printed: printed)
        #expect(later.intact && later.printedMatches == true)
        #expect(later.head.hash != report.head.hash)
    }

    @Test func theDatabaseRefusesToChangeOrDeleteRecordedFacts() throws {
        let world = try world("audit_guard")
        // The application's login has no such grant; the owner (or a superuser) meets the triggers.
        let admin = try Connection(try TestDatabase.administrator(of: world.target))
        for sql in ["UPDATE council_result SET stars = 5", "DELETE FROM dossier_event", "TRUNCATE score_answer CASCADE",
                    "UPDATE dossier_event SET note = 'x'", "UPDATE score_sheet SET chain_hash = '\\x00'"] {
            let denied = thrown(PostgresError.self) { try world.connection.execute(sql) }
            #expect(denied?.serverError?.sqlState == "42501", "\(sql): \(String(describing: denied))")
            let error = thrown(PostgresError.self) { try admin.execute(sql) }
            #expect(error?.serverError?.message.contains("append-only") == true, "\(sql): \(String(describing: error))")
        }
        #expect(try AuditRepository(world.connection).verify().intact)
    }

    @Test func anEditAnywhereIsNamed() throws {
        let world = try world("audit_edit")
        // The minutes would print 5★ for a result the council gave fewer stars.
        try tamper(world, "UPDATE council_result SET stars = 5 WHERE dossier_id = (SELECT min(dossier_id) FROM council_result)")
        let report = try AuditRepository(world.connection).verify()
        #expect(!report.intact)
        #expect(report.breaks.map(\.table) == ["council_result"])
        #expect(report.breaks.first?.kind == .altered && report.breaks.first?.position == 1)
        #expect(report.breaks.first?.message(.en).contains("was changed after it was recorded") == true)
        #expect(StoreError.auditBroken(report.breaks).message(.vi).contains("council_result: dòng thứ 1"))
    }

    @Test func aDeletedRowAndATruncatedTailAreNamed() throws {
        let world = try world("audit_delete")
        try tamper(world, "DELETE FROM dossier_event WHERE chain_seq = 3")
        var report = try AuditRepository(world.connection).verify()
        #expect(report.breaks.first { $0.table == "dossier_event" }?.kind == .missing)
        #expect(report.breaks.first { $0.table == "dossier_event" }?.position == 3)
        let world2 = try self.world("audit_tail")
        try tamper(world2, "DELETE FROM score_sheet WHERE chain_seq = (SELECT max(chain_seq) FROM score_sheet)")
        report = try AuditRepository(world2.connection).verify()
        #expect(report.breaks.first { $0.table == "score_sheet" }?.kind == .missing)
    }

    @Test func aWholeChainRewrittenIsCaughtAgainstThePaper() throws {
        let world = try world("audit_rewrite")
        let audit = AuditRepository(world.connection)
        let paper = try #require(PrintedAuditHead(try audit.head().printed))
        // A superuser edits a result and recomputes the whole chain and its head, consistently.
        try tamper(world, """
            UPDATE council_result SET stars = 5 WHERE dossier_id = (SELECT min(dossier_id) FROM council_result);
            DO $$
            DECLARE item record; previous bytea := ''::bytea;
            BEGIN
                FOR item IN SELECT ctid AS row_id, to_jsonb(t) AS data FROM council_result t ORDER BY chain_seq LOOP
                    previous := sha256(previous || convert_to(ocop_chain_payload('council_result', item.data), 'UTF8'));
                    UPDATE council_result SET chain_hash = previous WHERE ctid = item.row_id;
                END LOOP;
                UPDATE audit_chain SET head = previous WHERE name = 'council_result';
            END $$;
            """)
        let report = try audit.verify(printed: paper)
        #expect(report.breaks.isEmpty, "the rewritten chain is consistent in itself")
        #expect(report.printedMatches == false, "but not with the head printed on the minutes")
        #expect(!report.intact)
    }

    /// Migration 0013 computes the payload inline and in one pass; every stored hash must still be
    /// what 0009's rule gives, recomputed here as 0009 wrote it (so chains recorded before and
    /// after the change verify alike).
    @Test func theTriggerHashesExactlyAsTheFirstDefinitionSaid() throws {
        let world = try world("audit_rule")
        for table in ["score_answer", "score_sheet", "council_result", "dossier_event"] {
            let differing = try world.connection.transaction { connection in
                try connection.execute("SET LOCAL timezone = 'UTC'")  // the payload's timestamps are in UTC
                return try connection.one("""
                    SELECT count(*)::int AS n, (SELECT count(*)::int FROM \(table)) AS rows FROM (
                        SELECT t.chain_hash, sha256(coalesce(lag(t.chain_hash) OVER (ORDER BY t.chain_seq), ''::bytea)
                            || convert_to((to_jsonb(t) - 'chain_seq' - 'chain_hash'
                                           - (SELECT excluded FROM audit_chain WHERE name = '\(table)'))::text, 'UTF8')) AS first_rule
                        FROM \(table) t) x
                    WHERE chain_hash <> first_rule
                    """)
            }
            #expect(try differing.decode(Int.self, "rows") > 0, "\(table)")
            #expect(try differing.decode(Int.self, "n") == 0, "\(table)")
        }
    }
}
