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

    /// `OCOP_ADMIN_DATABASE_URL`: the administrator's login for migrations, backups, restores
    /// and user management on a configured server (the officials' own logins cannot do these).
    public static func administratorTarget(environment: [String: String]) -> ConnectionTarget? {
        guard let value = environment["OCOP_ADMIN_DATABASE_URL"]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return ConnectionTarget(conninfo: value)
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
    /// A configured server's administrator login, when given (`OCOP_ADMIN_DATABASE_URL`).
    public let administrator: ConnectionTarget?

    public init(location: DatabaseLocation, migrationsDirectory: URL, administrator: ConnectionTarget? = nil) {
        self.location = location
        self.migrationsDirectory = migrationsDirectory
        self.administrator = administrator
    }

    /// The application's connection, no schema check: the embedded cluster's `ocop_local`
    /// role, or the configured login.
    public func connectWithoutSchemaCheck() throws -> Connection {
        do {
            switch location {
            case let .configured(target): return try Connection(target)
            case let .embedded(cluster): return try cluster.connectApplication()
            }
        } catch let error as PostgresError {
            throw StoreError(error)
        }
    }

    /// The administrator's connection (migrations, resets, backups, users): the embedded
    /// cluster's superuser, or `OCOP_ADMIN_DATABASE_URL` (else the configured login itself).
    public func connectAdministrator() throws -> Connection {
        do {
            switch location {
            case let .configured(target): return try Connection(administrator ?? target)
            case let .embedded(cluster): return try cluster.connect()
            }
        } catch let error as PostgresError {
            throw StoreError(error)
        }
    }


    /// A connection to a current schema. `clock`, when given, is the time every default
    /// timestamp of this connection takes (`ocop_now()`), so a fixed clock gives a fixed world.
    public func connect(actor: PersonCode, clock: Date? = nil) throws -> Connection {
        try open(actor: actor, clock: clock).connection
    }

    /// A connection to a current schema, with the person its login is mapped to (an official's
    /// own login, docs/roles.md), if any.
    public func open(actor: PersonCode, clock: Date? = nil) throws -> (connection: Connection, login: PersonCode?) {
        let connection = try connectWithoutSchemaCheck()
        let runner = try migrationRunner()
        if case let .embedded(cluster) = location {
            // The embedded database migrates itself, as its administrator (the owner's work),
            // only when something is pending.
            let pending: Bool
            do {
                pending = try !runner.plan(on: connection).pending.isEmpty
            } catch let error as PostgresError where error.serverError?.sqlState == "42501" {
                pending = true  // a database from before the roles: the application may not even read the ledger
            }
            if pending {
                let admin = try connectAdministrator()
                defer { admin.close() }
                try runner.migrate(on: admin, actor: actor.rawValue)
                try RoleRepository(admin).grantOffices(to: cluster.applicationRole)
            }
        } else {
            do {
                try runner.requireCurrent(on: connection)
            } catch let error as PostgresError where error.serverError?.sqlState == "42501" {
                // The login may not even read the ledger: no office role yet, or a database
                // from before the access rules.
                throw StoreError.loginWithoutAccess
            }
        }
        // One round trip: the session's settings (JIT off: short statements only, its compile
        // cost more than it saved; the clock), who the login is, and whether it is privileged.
        let row = try mapped {
            try connection.one("""
                SELECT set_config('jit', 'off', false), set_config('ocop.clock', coalesce($1::text, ''), false),
                       session_user AS login, ocop_person_code() AS person,
                       coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false)
                           OR pg_has_role(session_user, 'ocop_owner', 'MEMBER') AS privileged
                """, clock)
        }
        // The application never works as a superuser or as the owner: the rules would not hold.
        if !location.isEmbedded, try row.decode(Bool.self, "privileged") {
            throw StoreError.privilegedLogin(try row.decode(String.self, "login"))
        }
        let person = try row.decode(String?.self, "person").flatMap(PersonCode.init(normalizing:))
        return (connection, person)
    }

    public func migrationRunner() throws -> MigrationRunner {
        MigrationRunner(migrations: try Migration.load(from: migrationsDirectory))
    }
}

extension String {
    /// The form every text is stored in.
    public var nfc: String { precomposedStringWithCanonicalMapping }
}
