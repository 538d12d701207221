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
    public func databaseURL() throws -> String {
        switch configuration.database {
        case let .embedded(cluster): return cluster.url
        case let .configured(target):
            guard !target.hasUnencodedURLUserInfo else { throw StoreError.unencodedDatabaseURL(target: target.redacted) }
            return target.redacted
        }
    }

    /// psql (and pg_dump, pg_restore) as the administrator: the embedded cluster's superuser, or
    /// `OCOP_ADMIN_DATABASE_URL` (else the configured login) on a server.
    public func psqlInvocation(extraArguments: [String]) throws -> PsqlInvocation {
        var environment = configuration.environment
        let location: DatabaseLocation = database.administrator.map { .configured($0) } ?? configuration.database
        switch location {
        case let .embedded(cluster):
            try cluster.start()
            environment["PGHOST"] = cluster.socketDirectory.path
            environment["PGPORT"] = String(cluster.port)
            environment["PGUSER"] = cluster.superuser
            environment["PGDATABASE"] = cluster.databaseName
        case let .configured(target):
            guard !target.hasUnencodedURLUserInfo else { throw StoreError.unencodedDatabaseURL(target: target.redacted) }
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

    /// Writes the whole database to `path` (pg_dump custom format) and returns the audit head
    /// it holds, to note with the file.
    public func backupDatabase(to path: String) throws -> BackupSummary {
        let head = try auditHead()
        let invocation = try psqlInvocation(extraArguments: [])
        try runTool("pg_dump", ["--format=custom", "--file", path], environment: invocation.environment)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return BackupSummary(file: path, bytes: size, head: head)
    }

    /// Restores a backup into an empty database — the embedded one is emptied first, which needs
    /// `confirmed` when it holds data; a configured one must be empty — then verifies the audit
    /// chains of what was restored.
    public func restoreDatabase(from path: String, confirmed: Bool) throws -> AuditReport {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw AppError.fileNotFound(path) }
        guard !isDirectory.boolValue else { throw AppError.notAFile(path) }
        let invocation = try psqlInvocation(extraArguments: [])
        switch configuration.database {
        case let .embedded(cluster):
            if try Maintenance.hasRegistryData(try connection()), !confirmed {
                throw AppError.confirmationNeeded(LocalizedText(
                    vi: "Khôi phục sẽ thay toàn bộ dữ liệu hiện có trong \(cluster.root.path) bằng bản sao lưu. Cần xác nhận để tiếp tục.",
                    en: "A restore replaces all the data in \(cluster.root.path) with the backup. It needs a confirmation."))
            }
            close()
            try cluster.recreateDatabase()
        case let .configured(target):
            let connection = try database.connectAdministrator()
            defer { connection.close() }
            let tables = try connection.one("SELECT count(*) AS n FROM pg_tables WHERE schemaname = current_schema()").decode(Int.self, "n")
            guard tables == 0 else { throw AppError.restoreNeedsEmptyDatabase(target.redacted) }
        }
        // Owners and grants come back with the objects; the roles they name are cluster-wide,
        // so they are made first (logins are not in a backup: recreate them with ocop user add).
        let admin = try database.connectAdministrator()
        try RoleRepository(admin).ensureGroupRoles()
        admin.close()
        try runTool("pg_restore", ["--exit-on-error", "--dbname", invocation.environment["PGDATABASE"] ?? "", path],
                    environment: invocation.environment)
        if case let .embedded(cluster) = configuration.database {
            let admin = try database.connectAdministrator()
            defer { admin.close() }
            try RoleRepository(admin).grantOffices(to: cluster.applicationRole)
        }
        return try verifyAudit()
    }

    /// Runs a PostgreSQL client program (found on PATH, else next to the server's programs).
    private func runTool(_ name: String, _ arguments: [String], environment: [String: String]) throws {
        let paths = (environment["PATH"] ?? "/usr/bin").split(separator: ":").map { "\($0)/\(name)" }
            + [(try? PostgresBinaries.locate())?.directory.appendingPathComponent(name).path].compactMap { $0 }
        guard let executable = paths.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { throw AppError.psqlMissing }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw AppError.toolFailed(tool: name, message: message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// Empties the workbench's data as the administrator: the embedded database is recreated
    /// (migrated again on the next connection); a configured server's data is emptied in one
    /// transaction by `OCOP_ADMIN_DATABASE_URL` (a superuser: the append-only tables refuse
    /// anyone else).
    func emptyDatabaseAsAdministrator() throws {
        close()
        switch configuration.database {
        case let .embedded(cluster):
            try cluster.recreateDatabase()
        case .configured:
            let admin = try database.connectAdministrator()
            defer { admin.close() }
            try admin.transaction { connection in try Maintenance.emptyData(connection) }
        }
        _ = try connection()
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

    /// Stops the embedded server and deletes its cluster, all data included, wherever it lives
    /// (inside `$OCOP_HOME`, or under /var/lib/ocop/clusters for root). The home folder stays: it
    /// holds the issuers' private signing keys and the printing settings. The next command that
    /// needs a database creates a new, empty one.
    public func destroyEmbedded(confirmed: Bool) throws -> EmbeddedRemoval {
        let cluster = try embeddedCluster("db destroy")
        let existed = FileManager.default.fileExists(atPath: cluster.root.path)
        guard confirmed || !existed else {
            throw AppError.confirmationNeeded(LocalizedText(
                vi: "Lệnh này dừng cơ sở dữ liệu nội bộ và xóa hẳn \(cluster.root.path) cùng toàn bộ dữ liệu. Cần xác nhận để tiếp tục.",
                en: "This stops the embedded database and deletes \(cluster.root.path) with all its data. It needs a confirmation."))
        }
        close()
        if existed { try cluster.destroy() }
        return EmbeddedRemoval(folder: cluster.root.path, home: cluster.home.path, existed: existed)
    }

    /// Applies pending migrations (or lists them with `dryRun`); returns their names.
    public func migrate(dryRun: Bool) throws -> [String] {
        let connection = try database.connectAdministrator()
        defer { connection.close() }
        return try database.migrationRunner().migrate(on: connection, actor: actor.rawValue, dryRun: dryRun).map(\.fileStem)
    }
}

/// What `destroyEmbedded` removed.
public struct EmbeddedRemoval: Sendable, Equatable {
    /// The cluster's folder, now gone (or never made).
    public var folder: String
    /// `$OCOP_HOME`, kept.
    public var home: String
    /// Whether there was a cluster to delete.
    public var existed: Bool
}
