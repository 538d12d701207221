import Foundation
import OCOPStore
import OCOPTestSupport
import Postgres
import Testing

/// The migration runner against real, empty databases.
@Suite struct MigrationTests {
    let migrations: [Migration]

    init() throws {
        migrations = try Migration.load(from: migrationsDirectory)
    }

    func emptyDatabase(_ prefix: String) throws -> Connection {
        try Connection(try TestDatabase.create(prefix: prefix))
    }

    /// A temporary migrations folder holding copies of the real files (optionally only some) plus `extra`.
    func folder(keeping keep: (Migration) -> Bool = { _ in true }, extra: [String: String] = [:]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ocop-migrations-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for migration in migrations where keep(migration) {
            try FileManager.default.copyItem(at: migrationsDirectory.appendingPathComponent(migration.fileStem + ".sql"),
                                             to: url.appendingPathComponent(migration.fileStem + ".sql"))
        }
        for (name, sql) in extra { try sql.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return url
    }

    func ledger(_ connection: Connection) throws -> [(version: Int, name: String, checksum: String, by: String)] {
        guard try connection.tableExists("schema_migration") else { return [] }
        return try connection.query("SELECT version, name, checksum, applied_by FROM schema_migration ORDER BY version").map {
            (try $0.decode(Int.self, "version"), try $0.decode(String.self, "name"), try $0.decode(String.self, "checksum"), try $0.decode(String.self, "applied_by"))
        }
    }

    @Test func theFilesAreNumberedAndOrdered() throws {
        #expect(migrations.count >= 2)
        #expect(migrations.map(\.version) == migrations.map(\.version).sorted())
        #expect(Set(migrations.map(\.version)).count == migrations.count)
        #expect(migrations.first?.fileStem == "0001_registry")
        #expect(migrations.allSatisfy { $0.checksum.count == 64 })
    }

    @Test func appliesEverythingInOrderWithChecksumsThenNothing() throws {
        let connection = try emptyDatabase("mig_all")
        let runner = MigrationRunner(migrations: migrations)
        let applied = try runner.migrate(on: connection, actor: "Thư ký")
        #expect(applied == migrations)
        let rows = try ledger(connection)
        #expect(rows.map(\.version) == migrations.map(\.version))
        #expect(rows.map(\.name) == migrations.map(\.name))
        #expect(rows.map(\.checksum) == migrations.map(\.checksum))
        #expect(rows.allSatisfy { $0.by == "Thư ký" })
        #expect(try connection.tableExists("producer") && connection.tableExists("rubric_set_snapshot"))
        // applied_at follows the order of application.
        #expect(try connection.one("SELECT bool_and(ok) AS ok FROM (SELECT applied_at >= lag(applied_at, 1, '-infinity') OVER (ORDER BY version) AS ok FROM schema_migration) t").decode(Bool.self, "ok"))

        #expect(try runner.migrate(on: connection, actor: "again").isEmpty)
        #expect(try runner.migrate(on: connection, actor: "again", dryRun: true).isEmpty)
        #expect(try ledger(connection).count == migrations.count)
        try runner.requireCurrent(on: connection)
        let plan = try runner.plan(on: connection)
        #expect(plan.applied == migrations && plan.pending.isEmpty)
    }

    @Test func dryRunListsPendingWithoutApplying() throws {
        let connection = try emptyDatabase("mig_dry")
        let runner = MigrationRunner(migrations: migrations)
        #expect(try runner.migrate(on: connection, actor: "t", dryRun: true) == migrations)
        #expect(try ledger(connection).isEmpty)
        #expect(try !connection.tableExists("producer"))

        // Half-migrated: the dry run lists only what is left.
        let first = MigrationRunner(migrations: Array(migrations.prefix(1)))
        try first.migrate(on: connection, actor: "t")
        #expect(try runner.migrate(on: connection, actor: "t", dryRun: true) == Array(migrations.dropFirst()))
        #expect(try ledger(connection).map(\.version) == [1])
    }

    @Test func aChangedAppliedMigrationIsRefused() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let connection = try emptyDatabase("mig_changed")
        try MigrationRunner(migrations: try Migration.load(from: directory)).migrate(on: connection, actor: "t")

        let file = directory.appendingPathComponent("0001_registry.sql")
        try (try String(contentsOf: file, encoding: .utf8) + "\n-- a later edit\n").write(to: file, atomically: true, encoding: .utf8)
        let edited = MigrationRunner(migrations: try Migration.load(from: directory))
        for attempt in [{ _ = try edited.plan(on: connection) }, { _ = try edited.migrate(on: connection, actor: "t") }, { try edited.requireCurrent(on: connection) }] as [() throws -> Void] {
            let error = thrown(StoreError.self, attempt)
            guard case let .migrationChanged(version, name, applied, now)? = error else { Issue.record("expected migrationChanged, got \(String(describing: error))"); continue }
            #expect(version == 1 && name == "registry")
            #expect(applied == migrations[0].checksum && now != applied)
            #expect(error?.message(.en).contains("new numbered migration") == true)
            #expect(error?.kind == .configuration)
        }
        #expect(try ledger(connection).map(\.checksum) == migrations.map(\.checksum))
    }

    @Test func anAppliedMigrationUnknownToTheFilesIsRefused() throws {
        let connection = try emptyDatabase("mig_unknown")
        try MigrationRunner(migrations: migrations).migrate(on: connection, actor: "t")
        let directory = try folder(keeping: { $0.version == 1 })
        defer { try? FileManager.default.removeItem(at: directory) }
        let older = MigrationRunner(migrations: try Migration.load(from: directory))
        let error = thrown(StoreError.self) { _ = try older.migrate(on: connection, actor: "t") }
        guard case let .unknownMigration(version, name)? = error else { Issue.record("expected unknownMigration, got \(String(describing: error))"); return }
        #expect(version == migrations[1].version && name == migrations[1].name)
        #expect(error?.message(.en).contains("Upgrade ocop") == true)
        if case .unknownMigration? = thrown(StoreError.self, { try older.requireCurrent(on: connection) }) {} else { Issue.record("requireCurrent: expected unknownApplied") }
    }

    @Test func aFailingMigrationLeavesNothingOfItself() throws {
        let broken = """
            CREATE TABLE half_done (id integer);
            INSERT INTO half_done VALUES (1);
            ALTER TABLE producer ADD COLUMN half_done_column text;
            SELECT 1 / 0;
            """
        let directory = try folder(extra: ["9999_broken.sql": broken])
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = try TestDatabase.create(prefix: "mig_fail")
        let connection = try Connection(target)
        let runner = MigrationRunner(migrations: try Migration.load(from: directory))
        let error = thrown(PostgresError.self) { _ = try runner.migrate(on: connection, actor: "t") }
        #expect(error?.serverError?.sqlState == "22012")
        #expect(try !connection.tableExists("half_done"))
        #expect(try connection.count("information_schema.columns", where: "table_name = 'producer' AND column_name = 'half_done_column'") == 0)
        #expect(try ledger(connection).map(\.version) == migrations.map(\.version), "the good ones before it stay applied")
        #expect(try runner.plan(on: connection).pending.map(\.version) == [9999])
        #expect(!connection.isInTransaction)
        // The connection is still usable and the advisory lock was released.
        #expect(try connection.count("pg_locks", where: "locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())") == 0)
        let other = try Connection(target)
        #expect(try other.one("SELECT pg_try_advisory_lock($1) AS ok", Int64(0x0C0B_0001)).decode(Bool.self, "ok"))
    }

    @Test func concurrentRunsApplyEachMigrationOnce() throws {
        let target = try TestDatabase.create(prefix: "mig_race")
        let results = Box()
        DispatchQueue.concurrentPerform(iterations: 3) { index in
            do {
                let connection = try Connection(target)
                defer { connection.close() }
                let applied = try MigrationRunner(migrations: migrations).migrate(on: connection, actor: "runner-\(index)")
                results.append(.success(applied.map(\.version)))
            } catch {
                results.append(.failure(error))
            }
        }
        let outcomes = results.values
        #expect(outcomes.count == 3)
        var appliedVersions: [Int] = []
        for outcome in outcomes {
            switch outcome {
            case let .success(versions): appliedVersions += versions
            case let .failure(error): Issue.record("a concurrent run failed: \(error)")
            }
        }
        #expect(appliedVersions.sorted() == migrations.map(\.version), "every migration applied by exactly one run")
        let connection = try Connection(target)
        #expect(try ledger(connection).map(\.version) == migrations.map(\.version))
        #expect(Set(try ledger(connection).map(\.by)).count == 1, "one run applied them all, in order")
    }

    @Test func requireCurrentRefusesAStaleSchema() throws {
        let connection = try emptyDatabase("mig_stale")
        let runner = MigrationRunner(migrations: migrations)
        let error = thrown(StoreError.self) { try runner.requireCurrent(on: connection) }
        guard case let .schemaOutOfDate(pending)? = error else { Issue.record("expected schemaOutOfDate, got \(String(describing: error))"); return }
        #expect(pending == migrations.map(\.fileStem))
        #expect(error?.message(.en).contains("ocop db migrate") == true)

        try MigrationRunner(migrations: Array(migrations.prefix(1))).migrate(on: connection, actor: "t")
        if case let .schemaOutOfDate(pending)? = thrown(StoreError.self, { try runner.requireCurrent(on: connection) }) {
            #expect(pending == migrations.dropFirst().map(\.fileStem))
        } else {
            Issue.record("expected stale after a partial migration")
        }
        try runner.migrate(on: connection, actor: "t")
        try runner.requireCurrent(on: connection)
    }

    @Test func badFolders() throws {
        let directory = try folder(extra: ["0001_again.sql": "SELECT 1;"])
        defer { try? FileManager.default.removeItem(at: directory) }
        if case .duplicateMigration(1)? = thrown(StoreError.self, { _ = try Migration.load(from: directory) }) {} else { Issue.record("expected duplicateVersion") }
        let badName = try folder(extra: ["later.sql": "SELECT 1;"])
        defer { try? FileManager.default.removeItem(at: badName) }
        if case .badMigrationFile("later.sql")? = thrown(StoreError.self, { _ = try Migration.load(from: badName) }) {} else { Issue.record("expected badFileName") }
        if case .migrationsMissing? = thrown(StoreError.self, { _ = try Migration.load(from: URL(fileURLWithPath: "/nonexistent/ocop")) }) {} else { Issue.record("expected directoryMissing") }
    }
}

final class Box: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Result<[Int], any Error>] = []
    func append(_ value: Result<[Int], any Error>) { lock.withLock { stored.append(value) } }
    var values: [Result<[Int], any Error>] { lock.withLock { stored } }
}
