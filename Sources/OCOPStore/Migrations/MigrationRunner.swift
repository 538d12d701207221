import Crypto
import Foundation
import OCOPDomain
import Postgres

/// One numbered `.sql` file of `db/migrations/` (e.g. `0003_council.sql`).
public struct Migration: Sendable, Hashable {
    public let version: Int
    public let name: String
    public let sql: String
    /// SHA-256 of the file's bytes, hex.
    public let checksum: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
        self.checksum = SHA256.hash(data: Data(sql.utf8)).hexString
    }

    /// `0003_council`.
    public var fileStem: String {
        let digits = String(version)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "_" + name
    }

    /// Reads every `NNNN_name.sql` in `directory`, ordered by number; duplicate numbers are an error.
    public static func load(from directory: URL) throws -> [Migration] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw StoreError.migrationsMissing(directory.path)
        }
        var migrations: [Migration] = []
        for file in names where file.hasSuffix(".sql") {
            let stem = file.dropLast(4)
            guard let underscore = stem.firstIndex(of: "_"), let version = Int(stem[..<underscore]) else {
                throw StoreError.badMigrationFile(file)
            }
            let sql = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            migrations.append(Migration(version: version, name: String(stem[stem.index(after: underscore)...]), sql: sql))
        }
        migrations.sort { $0.version < $1.version }
        for (a, b) in zip(migrations, migrations.dropFirst()) where a.version == b.version {
            throw StoreError.duplicateMigration(a.version)
        }
        return migrations
    }
}

/// Applies migrations in order, each in its own transaction, recorded with its checksum.
/// A session-level advisory lock makes concurrent runs wait for each other.
public struct MigrationRunner: Sendable {
    public let migrations: [Migration]
    /// Arbitrary constant: the advisory lock key of "ocop migrations".
    static let lockKey: Int64 = 0x0C0B_0001

    public init(migrations: [Migration]) {
        self.migrations = migrations
    }

    public struct Plan: Sendable {
        public var applied: [Migration]
        public var pending: [Migration]
    }

    /// Compares the files with what the database recorded; throws on an edited or unknown migration.
    public func plan(on connection: Connection) throws -> Plan {
        // Read-only: a database never migrated has no ledger yet, and everything is pending.
        guard try ledgerExists(connection) else { return Plan(applied: [], pending: migrations) }
        let rows = try connection.query("SELECT version, name, checksum FROM schema_migration ORDER BY version")
        var recorded: [Int: (name: String, checksum: String)] = [:]
        for row in rows {
            recorded[try row.decode(Int.self, "version")] = (try row.decode(String.self, "name"), try row.decode(String.self, "checksum"))
        }
        let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
        for (version, entry) in recorded.sorted(by: { $0.key < $1.key }) {
            guard let migration = known[version] else { throw StoreError.unknownMigration(version: version, name: entry.name) }
            if migration.checksum != entry.checksum {
                throw StoreError.migrationChanged(version: version, name: migration.name, applied: entry.checksum, file: migration.checksum)
            }
        }
        return Plan(
            applied: migrations.filter { recorded[$0.version] != nil },
            pending: migrations.filter { recorded[$0.version] == nil }
        )
    }

    /// Applies what is pending and returns it. With `dryRun`, only returns what would run.
    /// The migration that makes the roles (0010_roles.sql).
    static let rolesVersion = 10

    @discardableResult
    public func migrate(on connection: Connection, actor: String, dryRun: Bool = false) throws -> [Migration] {
        // A dry run writes nothing, not even the ledger.
        if dryRun { return try plan(on: connection).pending }
        try ensureLedger(connection)
        try connection.query("SELECT pg_advisory_lock($1)", Self.lockKey)
        defer { _ = try? connection.query("SELECT pg_advisory_unlock($1)", Self.lockKey) }
        // Planned under the lock: a concurrent run that finished first leaves nothing pending.
        let pending = try plan(on: connection).pending
        if dryRun { return pending }
        for migration in pending {
            try connection.transaction { connection in
                // From the roles migration on, later migrations run as the owner, so whatever they
                // make belongs to it (docs/roles.md).
                if migration.version > Self.rolesVersion,
                   try connection.one("""
                       SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ocop_owner')
                                   THEN pg_has_role(current_user, 'ocop_owner', 'MEMBER') ELSE false END AS owner
                       """).decode(Bool.self, "owner") {
                    try connection.execute("SET LOCAL ROLE ocop_owner")
                }
                try connection.execute(migration.sql)
                try connection.query(
                    "INSERT INTO schema_migration (version, name, checksum, applied_by) VALUES ($1, $2, $3, $4)",
                    migration.version, migration.name, migration.checksum, actor
                )
            }
        }
        return pending
    }

    /// Throws `StoreError.schemaOutOfDate` when something is pending (for configured databases,
    /// which are migrated by an operator, never behind their back).
    public func requireCurrent(on connection: Connection) throws {
        let pending = try plan(on: connection).pending
        if !pending.isEmpty {
            throw StoreError.schemaOutOfDate(pending: pending.map { $0.fileStem })
        }
    }

    private func ledgerExists(_ connection: Connection) throws -> Bool {
        try connection.one("SELECT to_regclass('schema_migration') IS NOT NULL AS present").decode(Bool.self, "present")
    }

    private func ensureLedger(_ connection: Connection) throws {
        // Fast path: one catalog lookup when the ledger exists.
        if try ledgerExists(connection) { return }
        try connection.query("SELECT pg_advisory_lock($1)", Self.lockKey)
        defer { _ = try? connection.query("SELECT pg_advisory_unlock($1)", Self.lockKey) }
        try connection.execute("""
            CREATE TABLE IF NOT EXISTS schema_migration (
                version     integer PRIMARY KEY,
                name        text NOT NULL,
                checksum    text NOT NULL,
                applied_at  timestamptz NOT NULL DEFAULT now(),
                applied_by  text NOT NULL
            )
            """)
    }
}
