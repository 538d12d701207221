import Foundation
import Postgres

/// Whole-database chores for `ocop demo --reset`.
public enum Maintenance {
    /// Empties every table of the workbench except the migration ledger and the imported
    /// rubric versions (which are reference data), restarting identities.
    public static func emptyData(_ connection: Connection) throws {
        try connection.execute("""
            DO $$
            DECLARE tables text;
            BEGIN
                SELECT string_agg(format('%I.%I', schemaname, tablename), ', ') INTO tables
                FROM pg_tables
                WHERE schemaname = current_schema()
                  AND tablename NOT IN ('schema_migration', 'rubric_version', 'rubric_set_snapshot');
                IF tables IS NOT NULL THEN
                    EXECUTE 'TRUNCATE ' || tables || ' RESTART IDENTITY CASCADE';
                END IF;
            END $$
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
