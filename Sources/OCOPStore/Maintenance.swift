import Foundation
import Postgres

/// Whole-database chores for `ocop demo --reset`.
public enum Maintenance {
    /// Empties every table of the workbench except the migration ledger and the imported
    /// rubric versions (which are reference data), restarting identities and the audit chains.
    /// The append-only tables refuse TRUNCATE: emptying the whole database is the
    /// administrator's act, done with the triggers off for this transaction (a superuser only).
    /// Runs inside the caller's transaction.
    public static func emptyData(_ connection: Connection) throws {
        do {
            try connection.execute("SET LOCAL session_replication_role = replica")
        } catch let error as PostgresError where error.serverError?.sqlState == "42501" {
            throw StoreError.resetNeedsAdministrator
        }
        try connection.execute("""
            DO $$
            DECLARE tables text;
            BEGIN
                SELECT string_agg(format('%I.%I', schemaname, tablename), ', ') INTO tables
                FROM pg_tables
                WHERE schemaname = current_schema()
                  AND tablename NOT IN ('schema_migration', 'rubric_version', 'rubric_set_snapshot', 'audit_chain');
                IF tables IS NOT NULL THEN
                    EXECUTE 'TRUNCATE ' || tables || ' RESTART IDENTITY CASCADE';
                END IF;
            END $$;
            UPDATE audit_chain SET seq = 0, head = ''::bytea;
            SET LOCAL session_replication_role = origin
            """)
    }

    /// Whether any producer is registered (the demo refuses to load twice without --reset).
    public static func hasRegistryData(_ connection: Connection) throws -> Bool {
        try connection.one("SELECT EXISTS (SELECT 1 FROM producer) AS present").decode(Bool.self, "present")
    }
}

extension Maintenance {
    /// Sets the time this connection's defaults record (`ocop_now()`); `nil` returns to the real
    /// clock. The demo stamps each step of its story on the day the story puts it.
    public static func setClock(_ connection: Connection, to time: Date?) throws {
        _ = try mapped { try connection.query("SELECT set_config('ocop.clock', $1, false)", time?.postgresText ?? "") }
    }
}
