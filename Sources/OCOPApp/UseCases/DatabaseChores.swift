import Foundation
import OCOPDomain
import OCOPModels
import OCOPStore
import Postgres

/// How to run psql on the workbench's database: the program, its arguments, and the
/// environment that carries the connection (never the command line, which any local user can
/// read in /proc).
public struct PsqlInvocation: Sendable {
    public var executable: String
    public var arguments: [String]
    public var environment: [String: String]
}

/// Database chores: `ocop db …`.
extension Workbench {
    private func embeddedCluster(_ action: String) throws -> LocalCluster {
        switch configuration.database {
        case let .embedded(cluster): return cluster
        case let .configured(target): throw AppError.embeddedOnly(action: action, target: target.redacted)
        }
    }

    /// Where the data lives and how the schema stands; the embedded server is not started.
    public func databaseStatus() throws -> DatabaseStatusView {
        var view: DatabaseStatusView
        switch configuration.database {
        case let .embedded(cluster):
            let server: DatabaseStatusView.Server = switch try cluster.status() {
            case .notInitialized: .notCreated
            case .stopped: .stopped
            case let .running(pid): .running(pid: pid)
            }
            view = DatabaseStatusView(embedded: true, location: cluster.root.path, server: server, serverVersion: nil, applied: nil, pending: nil)
            guard case .running = server else { return view }
        case let .configured(target):
            view = DatabaseStatusView(embedded: false, location: target.redacted, server: nil, serverVersion: nil, applied: nil, pending: nil)
        }
        let connection = try database.connectWithoutSchemaCheck()
        defer { connection.close() }
        view.serverVersion = connection.serverVersion
        let plan = try database.migrationRunner().plan(on: connection)
        view.applied = plan.applied.count
        view.pending = plan.pending.map(\.fileStem)
        return view
    }

    /// Creates (when needed) and starts the embedded cluster, migrated; returns its folder and socket.
    public func startEmbedded() throws -> (folder: String, socket: String) {
        let cluster = try embeddedCluster("db start")
        try cluster.start()
        _ = try connection()
        return (cluster.root.path, cluster.socketDirectory.path)
    }

    public func stopEmbedded() throws {
        close()
        try embeddedCluster("db stop").stop()
    }

    /// The connection URL, safe to print (never a password).
    public func databaseURL() -> String {
        switch configuration.database {
        case let .embedded(cluster): cluster.url
        case let .configured(target): target.redacted
        }
    }

    public func psqlInvocation(extraArguments: [String]) throws -> PsqlInvocation {
        var environment = configuration.environment
        switch configuration.database {
        case let .embedded(cluster):
            try cluster.start()
            environment["PGHOST"] = cluster.socketDirectory.path
            environment["PGPORT"] = String(cluster.port)
            environment["PGUSER"] = cluster.superuser
            environment["PGDATABASE"] = cluster.databaseName
        case let .configured(target):
            // libpq reads the same settings from PG* variables.
            let names = ["host": "PGHOST", "hostaddr": "PGHOSTADDR", "port": "PGPORT", "dbname": "PGDATABASE", "user": "PGUSER",
                         "password": "PGPASSWORD", "passfile": "PGPASSFILE", "service": "PGSERVICE", "sslmode": "PGSSLMODE",
                         "sslcert": "PGSSLCERT", "sslkey": "PGSSLKEY", "sslrootcert": "PGSSLROOTCERT", "sslcrl": "PGSSLCRL",
                         "connect_timeout": "PGCONNECT_TIMEOUT", "options": "PGOPTIONS", "application_name": "PGAPPNAME",
                         "target_session_attrs": "PGTARGETSESSIONATTRS", "gssencmode": "PGGSSENCMODE"]
            for (key, value) in target.connectionParameters where !value.isEmpty {
                if let name = names[key] { environment[name] = value }
            }
        }
        environment["OCOP_DATABASE_URL"] = nil
        environment["DATABASE_URL"] = nil
        let paths = (environment["PATH"] ?? "/usr/bin").split(separator: ":").map { "\($0)/psql" }
        guard let psql = paths.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { throw AppError.psqlMissing }
        return PsqlInvocation(executable: psql, arguments: extraArguments, environment: environment)
    }

    /// Deletes and recreates the embedded cluster (all data); refuses without confirmation.
    public func resetEmbedded(confirmed: Bool) throws {
        let cluster = try embeddedCluster("db reset")
        guard confirmed else {
            throw AppError.confirmationNeeded(LocalizedText(
                vi: "Lệnh này xóa toàn bộ dữ liệu trong \(cluster.root.path). Cần xác nhận để tiếp tục.",
                en: "This deletes all data in \(cluster.root.path). It needs a confirmation."))
        }
        close()
        try cluster.destroy()
        try cluster.start()
        _ = try connection()
    }

    /// Applies pending migrations (or lists them with `dryRun`); returns their names.
    public func migrate(dryRun: Bool) throws -> [String] {
        let connection = try database.connectWithoutSchemaCheck()
        defer { connection.close() }
        return try database.migrationRunner().migrate(on: connection, actor: actor.rawValue, dryRun: dryRun).map(\.fileStem)
    }
}
