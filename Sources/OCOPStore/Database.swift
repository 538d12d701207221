import Foundation
import OCOPRubrics
import Postgres

/// Which database `ocop` talks to: a configured one always wins over the embedded cluster.
public enum DatabaseLocation: Sendable {
    case configured(ConnectionTarget)
    case embedded(LocalCluster)

    /// `OCOP_DATABASE_URL`, `DATABASE_URL` or any `PG*` variable → configured; else embedded.
    public static func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) -> DatabaseLocation {
        if let target = ConnectionTarget.configured(in: environment) { return .configured(target) }
        if ConnectionTarget.isConfigured(in: environment) { return .configured(.libpqDefaults) }
        return .embedded(LocalCluster(home: LocalCluster.defaultHome(environment: environment)))
    }

    public var isEmbedded: Bool {
        if case .embedded = self { return true }
        return false
    }

    public var redacted: String {
        switch self {
        case let .configured(target): target.redacted
        case let .embedded(cluster): "embedded cluster at \(cluster.root.path)"
        }
    }
}

/// Opens connections with the schema policy of the brief: the embedded database migrates
/// itself; a configured one must already be current (an operator runs `ocop db migrate`).
public struct Database: Sendable {
    public let location: DatabaseLocation
    public let migrationsDirectory: URL

    public init(location: DatabaseLocation = .resolve(), migrationsDirectory: URL = ShareDirectory.migrations) {
        self.location = location
        self.migrationsDirectory = migrationsDirectory
    }

    /// A raw connection, no schema check (for `ocop db …`).
    public func connectWithoutSchemaCheck() throws -> Connection {
        switch location {
        case let .configured(target): try Connection(target)
        case let .embedded(cluster): try cluster.connect()
        }
    }

    /// A connection to a current schema.
    public func connect(actor: String) throws -> Connection {
        let connection = try connectWithoutSchemaCheck()
        let runner = MigrationRunner(migrations: try Migration.load(from: migrationsDirectory))
        if location.isEmbedded {
            try runner.migrate(on: connection, actor: actor)
        } else {
            try runner.requireCurrent(on: connection)
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
