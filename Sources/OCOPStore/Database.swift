import Foundation
import OCOPDomain
import Postgres

/// Which database the workbench talks to: a configured one always wins over the embedded cluster.
public enum DatabaseLocation: Sendable {
    case configured(ConnectionTarget)
    case embedded(LocalCluster)

    /// `OCOP_DATABASE_URL`, else `DATABASE_URL`, else any standard `PG*` variable → configured;
    /// otherwise the embedded cluster under `$OCOP_HOME`.
    public static func resolve(environment: [String: String]) -> DatabaseLocation {
        for key in ["OCOP_DATABASE_URL", "DATABASE_URL"] {
            if let value = environment[key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
                return .configured(ConnectionTarget(conninfo: value))
            }
        }
        if ConnectionTarget.libpqEnvironmentNamesServer(environment) { return .configured(.libpqDefaults) }
        return .embedded(LocalCluster(home: LocalCluster.defaultHome(environment: environment)))
    }

    public var isEmbedded: Bool {
        if case .embedded = self { return true }
        return false
    }

    /// Where the data lives, safe to print (never a password).
    public var description: Description {
        switch self {
        case let .configured(target): .server(target.redacted)
        case let .embedded(cluster): .embedded(path: cluster.root.path)
        }
    }

    public enum Description: Sendable, Hashable {
        case server(String)
        case embedded(path: String)

        public func text(_ language: Language) -> String {
            switch self {
            case .server(let target): language == .vi ? "máy chủ \(target)" : "server \(target)"
            case .embedded(let path): language == .vi ? "cơ sở dữ liệu nội bộ tại \(path)" : "the embedded database at \(path)"
            }
        }
    }
}

/// Opens connections under the schema policy: the embedded database migrates itself; a
/// configured one must already be current (an operator applies migrations).
public struct Database: Sendable {
    public let location: DatabaseLocation
    public let migrationsDirectory: URL

    public init(location: DatabaseLocation, migrationsDirectory: URL) {
        self.location = location
        self.migrationsDirectory = migrationsDirectory
    }

    /// A raw connection, no schema check (for database chores).
    public func connectWithoutSchemaCheck() throws -> Connection {
        do {
            switch location {
            case let .configured(target): return try Connection(target)
            case let .embedded(cluster): return try cluster.connect()
            }
        } catch let error as PostgresError {
            throw StoreError(error)
        }
    }

    /// A connection to a current schema. `clock`, when given, is the time every default
    /// timestamp of this connection takes (`ocop_now()`), so a fixed clock gives a fixed world.
    public func connect(actor: PersonCode, clock: Date? = nil) throws -> Connection {
        let connection = try connectWithoutSchemaCheck()
        let runner = try migrationRunner()
        if location.isEmbedded {
            try runner.migrate(on: connection, actor: actor.rawValue)
        } else {
            try runner.requireCurrent(on: connection)
        }
        // Short statements only: PostgreSQL's JIT compile cost more than it saved (0.3 s on a
        // finalization's snapshot), so it is off for the workbench's sessions.
        _ = try mapped {
            try connection.query("SELECT set_config('jit', 'off', false), set_config('ocop.clock', coalesce($1::text, ''), false)", clock)
        }
        return connection
    }

    public func migrationRunner() throws -> MigrationRunner {
        MigrationRunner(migrations: try Migration.load(from: migrationsDirectory))
    }
}

extension String {
    /// The form every text is stored in.
    public var nfc: String { precomposedStringWithCanonicalMapping }
}
