import Foundation
import OCOPDomain
import OCOPModels
import OCOPRubrics
import OCOPStore
import Postgres

/// What every workbench of a process shares: where the data and the database are, and the clock.
public struct WorkbenchConfiguration: Sendable {
    public var environment: [String: String]
    public var share: ShareDirectory
    public var database: DatabaseLocation
    public var clock: WorkbenchClock

    public init(environment: [String: String], share: ShareDirectory, database: DatabaseLocation, clock: WorkbenchClock) {
        self.environment = environment
        self.share = share
        self.database = database
        self.clock = clock
    }

    /// The live configuration from the process environment (`OCOP_DATABASE_URL`, `PG*`,
    /// `OCOP_HOME`, `OCOP_SHARE_DIR`, `OCOP_CLOCK`).
    public static func live(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> WorkbenchConfiguration {
        WorkbenchConfiguration(environment: environment, share: ShareDirectory.locate(environment: environment),
                               database: DatabaseLocation.resolve(environment: environment), clock: try WorkbenchClock.fromEnvironment(environment))
    }
}

/// The one composition root: the live system for one acting principal — the database (configured
/// or embedded, opened on first use), the rubric catalog (loaded once per process, synced once per
/// workbench), the share directory and the clock — and the use cases the CLI, the tests and a
/// server call. One workbench serves one command or request; it is not shared across threads.
public final class Workbench {
    public let configuration: WorkbenchConfiguration
    public let principal: Principal
    private let session: SessionHolder

    /// The connection and what was done on it, shared by the workbenches acting on it.
    final class SessionHolder {
        var connection: Connection?
        /// The person the database login is mapped to (an official's own login), if any.
        var loginPerson: PersonCode?
        var rubricsSynced = false
        deinit { connection?.close() }
    }

    public init(configuration: WorkbenchConfiguration, principal: Principal) {
        self.configuration = configuration
        self.principal = principal
        self.session = SessionHolder()
    }

    private init(configuration: WorkbenchConfiguration, principal: Principal, session: SessionHolder) {
        self.configuration = configuration
        self.principal = principal
        self.session = session
    }

    /// The same system and connection (and so the same transaction), acting as another person:
    /// the demo lets each council member submit their own sheet.
    public func acting(as person: PersonCode) -> Workbench {
        Workbench(configuration: configuration, principal: Principal(person: person, roles: principal.roles), session: session)
    }

    /// The live workbench, acting as `actingAs` (or `OCOP_USER`, or the login name).
    public static func live(actingAs explicit: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Workbench {
        Workbench(configuration: try .live(environment: environment), principal: try Principal.local(explicit: explicit, environment: environment))
    }

    public var clock: WorkbenchClock { configuration.clock }
    public var today: CalendarDate { clock.today() }
    /// Who acts: an official's own login decides (docs/roles.md); a login without a person (the
    /// single-user embedded workbench, an unmapped server login) acts as `--as`/`OCOP_USER`.
    var actor: PersonCode { session.loginPerson ?? principal.person }
    var database: Database {
        Database(location: configuration.database, migrationsDirectory: configuration.share.migrations,
                 administrator: DatabaseLocation.administratorTarget(environment: configuration.environment))
    }

    /// The connection, opened on first use on a current schema (the embedded database migrates itself).
    func connection() throws -> Connection {
        if let connection = session.connection { return connection }
        let (connection, login) = try database.open(actor: principal.person, clock: clock.fixed)
        if let login, principal.named, login != principal.person {
            connection.close()
            throw AppError.identityFromLogin(login: login.rawValue, named: principal.person.rawValue)
        }
        session.connection = connection
        session.loginPerson = login
        return connection
    }

    /// Closes the connection now (also done when the last workbench on it goes away).
    public func close() {
        session.connection?.close()
        session.connection = nil
        session.rubricsSynced = false
    }

    // MARK: Rubrics

    /// The rubric shipped with the program, loaded once per process.
    public func catalog() throws -> RubricCatalog { try RubricCatalogCache.shared.catalog(at: configuration.share.scoring) }

    /// Makes sure the database holds every rubric version of the catalog (once per workbench).
    func syncRubrics() throws {
        guard !session.rubricsSynced else { return }
        try RubricRepository(try connection()).sync(try catalog().snapshots)
        session.rubricsSynced = true
    }

    /// Runs `body` in one transaction on the workbench's connection.
    func transaction<T>(_ body: (Connection) throws -> T) throws -> T {
        try connection().transaction(body)
    }

    /// Runs `body` exactly as it would run — every check, against the stored data — inside a
    /// transaction that is then rolled back: a dry run (`--dry-run`) writes nothing.
    func rollingBack<T>(_ body: () throws -> T) throws -> T {
        let synced = session.rubricsSynced
        var value: T?
        do {
            try connection().transaction { _ in
                value = try body()
                throw RolledBack()
            }
        } catch is RolledBack {}
        session.rubricsSynced = synced
        return value!
    }
}

/// Thrown to roll a dry run's transaction back.
private struct RolledBack: Error {}

/// Rubric catalogs by folder, parsed once per process (26 YAML sets are not free).
final class RubricCatalogCache: @unchecked Sendable {
    static let shared = RubricCatalogCache()
    private let lock = NSLock()
    private var catalogs: [URL: RubricCatalog] = [:]

    func catalog(at directory: URL) throws -> RubricCatalog {
        lock.lock()
        defer { lock.unlock() }
        if let catalog = catalogs[directory] { return catalog }
        let catalog = try RubricCatalog.load(from: directory)
        catalogs[directory] = catalog
        return catalog
    }
}

extension RubricCatalog {
    /// The catalog as the store keeps it: each set's canonical content under its hash.
    public var snapshots: [RubricVersionSnapshot] {
        versionIDs.map { id in
            let loaded = versions[id]!
            return RubricVersionSnapshot(version: loaded.version, contentHash: loaded.contentHash, sets: loaded.sets.map { set in
                .init(number: set.number, title: set.title, contentHash: loaded.setHashes[set.number] ?? RubricHash.hash(set),
                      content: String(decoding: RubricHash.canonicalJSON(set), as: UTF8.self))
            })
        }
    }
}
