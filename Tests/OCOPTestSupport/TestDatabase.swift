import Foundation
import OCOPApp
import OCOPDomain
import OCOPStore
import Postgres

/// One PostgreSQL cluster per test run, one fresh database per test or suite, so tests run in
/// parallel without seeing each other's rows. Uses `OCOP_TEST_DATABASE_URL` (a server where we
/// may create databases) when set; otherwise starts the embedded cluster manager in /tmp.
public enum TestDatabase {
    /// The package root (tests never depend on the working directory).
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let share = ShareDirectory(root: packageRoot)

    /// The cluster used when no external server is given.
    public static let cluster: LocalCluster = {
        var cluster = LocalCluster(home: URL(fileURLWithPath: "/tmp/ocop-test-\(getuid())", isDirectory: true))
        cluster.fastAndUnsafe = true
        // The tests log in as many roles (docs/roles.md); the cluster is private to them.
        cluster.authentication = .trust
        return cluster
    }()

    private static let adminTarget: Result<ConnectionTarget, Error> = {
        if let url = ProcessInfo.processInfo.environment["OCOP_TEST_DATABASE_URL"], !url.isEmpty {
            return .success(ConnectionTarget(conninfo: url))
        }
        return Result {
            try cluster.start()
            let target = ConnectionTarget(conninfo: "host=\(cluster.socketDirectory.path) port=\(cluster.port) dbname=postgres user=\(cluster.superuser)")
            try dropLeftDatabases(target)
            return target
        }
    }()

    /// Drops the databases that earlier test runs left in the private cluster (named
    /// `ocop_<prefix>_<pid>_<n>` by `create`) once their process is gone: each run makes a few
    /// hundred, and the cluster in /tmp would otherwise grow run after run until the disk is full.
    /// Only the private cluster: on a shared server (`OCOP_TEST_DATABASE_URL`) another machine's
    /// run may be using its databases.
    private static func dropLeftDatabases(_ admin: ConnectionTarget) throws {
        let connection = try Connection(admin)
        defer { connection.close() }
        let names = try connection.query(#"SELECT datname FROM pg_database WHERE datname ~ '^ocop_[a-z0-9_]*_[0-9]+_[0-9]+$'"#)
            .map { try $0.decode(String.self, "datname") }
        for name in names {
            let parts = name.split(separator: "_")
            guard let pid = Int32(parts[parts.count - 2]), pid != getpid() else { continue }
            if kill(pid, 0) == 0 || errno == EPERM { continue }  // that run is still going
            try connection.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        }
    }

    private static let counter = Counter()

    /// Creates an empty database and returns a target for it.
    public static func create(prefix: String = "t") throws -> ConnectionTarget {
        let admin = try Connection(try adminTarget.get())
        defer { admin.close() }
        let safePrefix = String(prefix.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "_" }.prefix(30))
        let name = "ocop_\(safePrefix)_\(getpid())_\(counter.next())"
        try admin.execute("DROP DATABASE IF EXISTS \(name)")
        try admin.execute("CREATE DATABASE \(name) TEMPLATE template0 ENCODING 'UTF8'")
        let base = try adminTarget.get().conninfo
        if base.hasPrefix("postgres://") || base.hasPrefix("postgresql://") {
            // Replace the path of the URL with the new database.
            var components = URLComponents(string: base)!
            components.path = "/" + name
            return ConnectionTarget(conninfo: components.string!)
        }
        return ConnectionTarget(conninfo: base.replacingOccurrences(of: "dbname=postgres", with: "dbname=\(name)"))
    }

    /// A connection to a fresh database with every migration applied.
    public static func migrated(prefix: String = "t") throws -> Connection {
        try Connection(try migratedTarget(prefix: prefix))
    }

    /// The target of a fresh database with every migration applied (e.g. for `OCOP_DATABASE_URL`
    /// of a CLI test).
    public static func migratedTarget(prefix: String = "t") throws -> ConnectionTarget {
        let target = try create(prefix: prefix)
        let connection = try Connection(target)
        defer { connection.close() }
        try MigrationRunner(migrations: try Migration.load(from: share.migrations)).migrate(on: connection, actor: "test")
        try ensureOfficeLogin(connection)
        return login(office, on: target)
    }

    /// Makes the tests' application login (once per cluster) with its office roles; `admin` is a
    /// superuser connection to a migrated database (the office roles exist).
    public static func ensureOfficeLogin(_ admin: Connection) throws {
        try admin.execute("""
            DO $$ BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '\(office)') THEN
                    CREATE ROLE \(office) LOGIN;
                END IF;
            EXCEPTION WHEN duplicate_object THEN NULL;
            END $$;
            GRANT ocop_secretariat, ocop_ministry TO \(office);
            """)
    }

    /// The login the tests use as the application: the provincial office and the Ministry (as
    /// the embedded workbench's own role); never a superuser, so the database's rules apply.
    public static let office = "ocop_test_office"

    /// `target` logged in as `role` instead.
    public static func login(_ role: String, on target: ConnectionTarget) -> ConnectionTarget {
        let conninfo = target.conninfo
        if conninfo.hasPrefix("postgres://") || conninfo.hasPrefix("postgresql://") {
            var components = URLComponents(string: conninfo)!
            components.user = role
            components.password = nil
            return ConnectionTarget(conninfo: components.string!)
        }
        let parts = conninfo.split(separator: " ").filter { !$0.hasPrefix("user=") }
        return ConnectionTarget(conninfo: (parts + ["user=\(role)"]).joined(separator: " "))
    }

    /// `target` as the cluster's administrator (a superuser: what a person with full control
    /// of the server could do, for tests that play such a person).
    public static func administrator(of target: ConnectionTarget) throws -> ConnectionTarget {
        let admin = try adminTarget.get()
        let database = try Connection(target).one("SELECT current_database() AS d").decode(String.self, "d")
        let conninfo = admin.conninfo
        if conninfo.hasPrefix("postgres://") || conninfo.hasPrefix("postgresql://") {
            var components = URLComponents(string: conninfo)!
            components.path = "/" + database
            return ConnectionTarget(conninfo: components.string!)
        }
        return ConnectionTarget(conninfo: conninfo.replacingOccurrences(of: "dbname=postgres", with: "dbname=\(database)"))
    }

    /// A fixed clock for tests: 20/11/2026, 09:00 in Vietnam.
    public static let clock = WorkbenchClock.fixed(Date(timeIntervalSince1970: 1_795_140_000))

    /// A workbench on a fresh migrated database, built the way the CLI builds one.
    public static func workbench(prefix: String = "t", actingAs person: String = "test", clock: WorkbenchClock = clock) throws -> Workbench {
        let target = try migratedTarget(prefix: prefix)
        return workbench(on: target, actingAs: person, clock: clock)
    }

    /// A workbench on an existing database.
    public static func workbench(on target: ConnectionTarget, actingAs person: String = "test", clock: WorkbenchClock = clock) -> Workbench {
        let configuration = WorkbenchConfiguration(environment: [:], share: share, database: .configured(target), clock: clock)
        return Workbench(configuration: configuration, principal: Principal(person: PersonCode(normalizing: person)!, roles: [.secretariat]))
    }
}

final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}

extension Connection {
    /// The number of rows of `table` (test SQL, never user input) matching `condition`.
    public func count(_ table: String, where condition: String = "true") throws -> Int {
        try one("SELECT count(*) AS n FROM \(table) WHERE \(condition)").decode(Int.self, "n")
    }
}
