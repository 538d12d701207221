import Foundation
import Postgres

#if canImport(Glibc)
import Glibc
#endif

/// The private PostgreSQL cluster `ocop` runs when no database is configured: under
/// `$OCOP_HOME` (default `$XDG_DATA_HOME/ocop` or `~/.local/share/ocop`), Unix socket only,
/// UTF-8, ICU `vi` collation when the server has ICU.
///
/// initdb and postgres refuse to run as root, so as root the server runs as the `postgres`
/// user (via `runuser`), in a folder that user can reach.
public struct LocalCluster: Sendable {
    public let home: URL
    /// Holds `data/`, `run/` (the socket) and `server.log`.
    public let root: URL
    public let databaseName = "ocop"
    /// The cluster's administrator: migrations, resets, backups, user management.
    public let superuser = "ocop"
    /// The application's own login (docs/roles.md): neither a superuser nor the owner; in the
    /// single-user embedded workbench it holds the provincial office's and the Ministry's roles.
    public let applicationRole = "ocop_local"
    /// Set for tests: fsync off and a smaller footprint.
    public var fastAndUnsafe = false
    /// How logins are checked on the socket. `peer` (the default) lets only the operating-system
    /// user who owns the workbench reach its two roles; the test harness, which logs in as many
    /// roles, uses `trust` on its own private cluster.
    public var authentication: Authentication = .peer

    public enum Authentication: Sendable {
        case peer
        case trust
    }

    public var dataDirectory: URL { root.appendingPathComponent("data", isDirectory: true) }
    public var socketDirectory: URL { root.appendingPathComponent("run", isDirectory: true) }
    public var logFile: URL { root.appendingPathComponent("server.log") }
    public var port: Int { 5432 }

    public init(home: URL) {
        self.home = home
        self.root = Self.clusterRoot(home: home)
    }

    /// `$OCOP_HOME`, else `$XDG_DATA_HOME/ocop`, else `~/.local/share/ocop`.
    public static func defaultHome(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let home = environment["OCOP_HOME"], !home.isEmpty { return URL(fileURLWithPath: home, isDirectory: true) }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("ocop", isDirectory: true)
        }
        let userHome = environment["HOME"].map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return userHome.appendingPathComponent(".local/share/ocop", isDirectory: true)
    }

    static var runningAsRoot: Bool { geteuid() == 0 }

    /// As root, the cluster must sit where the `postgres` user can reach it; `/root` is not such
    /// a place, so the cluster then lives under `/var/lib/ocop/clusters/<hash of home>`.
    static func clusterRoot(home: URL) -> URL {
        let preferred = home.appendingPathComponent("pg", isDirectory: true)
        guard runningAsRoot, !othersCanTraverse(home) else { return preferred }
        var hash: UInt64 = 1469598103934665603  // FNV-1a: stable across runs, no dependency
        for byte in home.standardizedFileURL.path.utf8 {
            hash = (hash ^ UInt64(byte)) &* 1099511628211
        }
        return URL(fileURLWithPath: "/var/lib/ocop/clusters/\(String(hash, radix: 16))", isDirectory: true)
    }

    /// Whether every existing ancestor of `url` lets others search it (mode o+x).
    static func othersCanTraverse(_ url: URL) -> Bool {
        var current = url.standardizedFileURL
        while current.path != "/" {
            var info = stat()
            if stat(current.path, &info) == 0, info.st_mode & S_IXOTH == 0 { return false }
            current = current.deletingLastPathComponent()
        }
        return true
    }

    /// The connection target of the running cluster.
    public var target: ConnectionTarget {
        ConnectionTarget(conninfo: "host=\(socketDirectory.path) port=\(port) dbname=\(databaseName) user=\(superuser) connect_timeout=5")
    }

    /// The application's connection target (the `ocop_local` role).
    public var applicationTarget: ConnectionTarget {
        ConnectionTarget(conninfo: "host=\(socketDirectory.path) port=\(port) dbname=\(databaseName) user=\(applicationRole) connect_timeout=5")
    }

    /// The same as a URL, for `ocop db url` and psql.
    public var url: String {
        let socket = socketDirectory.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? socketDirectory.path
        return "postgresql://\(superuser)@/\(databaseName)?host=\(socket)&port=\(port)"
    }

    // MARK: Lifecycle

    public enum Status: Equatable, Sendable {
        case notInitialized
        case stopped
        case running(pid: Int)
    }

    public func status() throws -> Status {
        guard FileManager.default.fileExists(atPath: dataDirectory.appendingPathComponent("PG_VERSION").path) else {
            return .notInitialized
        }
        if let pid = livePostmasterPID() { return .running(pid: pid) }
        return .stopped
    }

    /// Connects as the administrator, starting (and first creating) the cluster when needed.
    public func connect() throws -> Connection {
        if let connection = try? Connection(target) { return connection }
        try start()
        return try Connection(target)
    }

    /// Connects as the application. A running server costs one connection attempt, nothing more.
    public func connectApplication() throws -> Connection {
        if let connection = try? Connection(applicationTarget) { return connection }
        try start()
        return try Connection(applicationTarget)
    }

    /// Creates the cluster when missing and starts it; idempotent and safe to call concurrently.
    /// Recovers at once from a server that died (kill -9: its orphaned children are ended, its
    /// pid and socket files removed) and from a server that lost its socket file.
    public func start() throws {
        let binaries = try PostgresBinaries.locate()
        try prepareDirectories()
        try withLock {
            if try status() == .notInitialized {
                try initialize(binaries)
            }
            try configureAccess()
            if case let .running(pid) = try status() {
                if FileManager.default.fileExists(atPath: socketFile.path) {
                    do {
                        try ensureDatabase()
                        return
                    } catch let error as PostgresError {
                        // A server being killed still shows as a process for a moment: give it
                        // that moment; a server that stays alive and deaf is a real failure.
                        guard case .connectionFailed = error, waitForExit(pid_t(pid)) else { throw error }
                    }
                } else {
                    // Alive but unreachable (its socket file was removed): restart it.
                    try runServerTool(binaries.pgCtl, ["-D", dataDirectory.path, "-w", "-t", "60", "-s", "-m", "fast", "stop"], failure: "pg_ctl stop")
                }
            }
            try clearRemainsOfDeadServer()
            try runServerTool(binaries.pgCtl, [
                "-D", dataDirectory.path, "-l", logFile.path, "-w", "-t", "60", "-s", "start",
            ], failure: "pg_ctl start")
            try ensureDatabase()
        }
    }

    public func stop() throws {
        guard case .running = try status() else { return }
        let binaries = try PostgresBinaries.locate()
        try withLock {
            try runServerTool(binaries.pgCtl, ["-D", dataDirectory.path, "-w", "-t", "60", "-s", "-m", "fast", "stop"], failure: "pg_ctl stop")
        }
    }

    /// Stops the server and deletes the cluster (all data).
    public func destroy() throws {
        try? stop()
        if FileManager.default.fileExists(atPath: root.path) {
            try FileManager.default.removeItem(at: root)
        }
    }

    // MARK: Steps

    private func prepareDirectories() throws {
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: home, withIntermediateDirectories: true)
        try fileManager.createDirectory(at: root, withIntermediateDirectories: true)
        try fileManager.createDirectory(at: socketDirectory, withIntermediateDirectories: true)
        if Self.runningAsRoot {
            // The server user needs to own its folders; root can still read the socket.
            for url in [root, socketDirectory] { try chownToServerUser(url) }
            if fileManager.fileExists(atPath: logFile.path) { try chownToServerUser(logFile) }
            else {
                _ = fileManager.createFile(atPath: logFile.path, contents: nil)
                try chownToServerUser(logFile)
            }
        }
    }

    private func initialize(_ binaries: PostgresBinaries) throws {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: dataDirectory.path) {
            // A half-made cluster from an interrupted init: start over.
            try fileManager.removeItem(at: dataDirectory)
        }
        // initdb's own access file is replaced before the server first starts (configureAccess).
        let common = ["-D", dataDirectory.path, "-U", superuser, "--auth=trust", "--encoding=UTF8", "--no-instructions"]
        let withICU = common + ["--locale=C.UTF-8", "--locale-provider=icu", "--icu-locale=vi"]
        do {
            try runServerTool(binaries.initdb, withICU, failure: "initdb")
        } catch {
            // No ICU build or no C.UTF-8 locale: a plain UTF-8 cluster still works.
            try? fileManager.removeItem(at: dataDirectory)
            try runServerTool(binaries.initdb, common + ["--locale=C"], failure: "initdb")
        }
        var settings = """

        # ocop: private cluster, Unix socket only
        listen_addresses = ''
        unix_socket_directories = '\(socketDirectory.path)'
        unix_socket_permissions = 0700
        port = \(port)
        max_connections = 50
        shared_buffers = 128MB
        logging_collector = off
        timezone = 'UTC'

        """
        if fastAndUnsafe {
            settings += "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
        }
        let conf = dataDirectory.appendingPathComponent("postgresql.conf")
        let handle = try FileHandle(forWritingTo: conf)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(settings.utf8))
        try handle.close()
    }

    /// The `ocop` database, created on first start.
    private func ensureDatabase() throws {
        let admin = try Connection(ConnectionTarget(conninfo: "host=\(socketDirectory.path) port=\(port) dbname=postgres user=\(superuser) connect_timeout=10"))
        defer { admin.close() }
        let exists = try admin.query("SELECT 1 FROM pg_database WHERE datname = $1", databaseName).count > 0
        if !exists {
            do {
                try admin.execute("CREATE DATABASE \(databaseName) TEMPLATE template0 ENCODING 'UTF8'")
            } catch let error as PostgresError where error.serverError?.sqlState == "42P04" {
                // Another process created it first.
            }
        }
        // The application's login: not a superuser, owns nothing; its roles come with migration 0010.
        try admin.execute("""
            DO $$ BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '\(applicationRole)') THEN
                    CREATE ROLE \(applicationRole) LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
                END IF;
            EXCEPTION WHEN duplicate_object THEN NULL;
            END $$
            """)
    }

    /// Who may log in, and how (pg_hba.conf, pg_ident.conf): the workbench's operating-system
    /// user reaches its two roles by peer authentication on the socket; nobody else, and no
    /// password ever travels. Rewritten at every start (a cluster made by an older version used
    /// `trust`), and the server reloads it when it changed. The server log, which can hold
    /// values from refused statements, is readable by its owner only.
    private func configureAccess() throws {
        guard FileManager.default.fileExists(atPath: dataDirectory.appendingPathComponent("PG_VERSION").path) else { return }
        let user = getpwuid(geteuid()).map { String(cString: $0.pointee.pw_name) } ?? "root"
        let hba: String
        let ident: String
        switch authentication {
        case .peer:
            hba = """
                # ocop: Unix socket only; the operating-system user reaches its own roles (peer, map "ocop").
                local   all   all   peer map=ocop

                """
            ident = """
                # ocop: the workbench's operating-system user → its administrator and its application role.
                ocop   \(user)   \(superuser)
                ocop   \(user)   \(applicationRole)

                """
        case .trust:
            hba = """
                # ocop test harness: a private cluster whose tests log in as many roles.
                local   all   all   trust

                """
            ident = "# ocop test harness: no maps.\n"
        }
        var changed = false
        for (name, text) in [("pg_hba.conf", hba), ("pg_ident.conf", ident)] {
            let url = dataDirectory.appendingPathComponent(name)
            if (try? String(contentsOf: url, encoding: .utf8)) != text {
                try Data(text.utf8).write(to: url)
                if Self.runningAsRoot { try chownToServerUser(url) }
                chmod(url.path, 0o600)
                changed = true
            }
        }
        chmod(logFile.path, 0o600)
        if changed, case .running = try status() {
            let binaries = try PostgresBinaries.locate()
            try runServerTool(binaries.pgCtl, ["-D", dataDirectory.path, "-s", "reload"], failure: "pg_ctl reload")
        }
    }

    /// Drops the workbench database and creates it empty (for a restore); the server stays up.
    public func recreateDatabase() throws {
        try start()
        let admin = try Connection(ConnectionTarget(conninfo: "host=\(socketDirectory.path) port=\(port) dbname=postgres user=\(superuser) connect_timeout=10"))
        defer { admin.close() }
        try admin.execute("DROP DATABASE IF EXISTS \(databaseName) WITH (FORCE)")
        try admin.execute("CREATE DATABASE \(databaseName) TEMPLATE template0 ENCODING 'UTF8'")
    }

    public var socketFile: URL { socketDirectory.appendingPathComponent(".s.PGSQL.\(port)") }

    /// The postmaster's PID when its pid file names a live server of this data directory (a
    /// PID reused by another process after a crash does not count).
    private func livePostmasterPID() -> Int? {
        let pidFile = dataDirectory.appendingPathComponent("postmaster.pid")
        guard let contents = try? String(contentsOf: pidFile, encoding: .utf8),
              let first = contents.split(separator: "\n").first, let pid = Int32(first.trimmingCharacters(in: .whitespaces)),
              pid > 0, kill(pid, 0) == 0 || errno == EPERM, !Self.isZombie(pid)
        else { return nil }
        if let directory = Self.workingDirectory(of: pid), directory != dataDirectory.resolvingSymlinksInPath().path { return nil }
        return Int(pid)
    }

    /// A process's working directory (every PostgreSQL server process works in its data
    /// directory); `nil` when the system does not say.
    static func workingDirectory(of pid: pid_t) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/\(pid)/cwd", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Waits up to two seconds for the server process `pid` to end; whether it did.
    private func waitForExit(_ pid: pid_t) -> Bool {
        for _ in 0..<100 {
            if livePostmasterPID() != Int(pid) { return true }
            usleep(20_000)
        }
        return false
    }

    /// Whether `pid` has exited and waits to be reaped (it still answers `kill(pid, 0)`).
    static func isZombie(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }

    /// After a crash (the postmaster killed): ends the server processes it left behind (they
    /// hold its shared memory, and a new server refuses to start until they are gone) and
    /// removes the stale pid and socket files.
    private func clearRemainsOfDeadServer() throws {
        let directory = dataDirectory.resolvingSymlinksInPath().path
        let pids = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap(Int32.init)
            .filter { $0 != getpid() && Self.workingDirectory(of: $0) == directory }
        for pid in pids { kill(pid, SIGKILL) }
        for _ in 0..<250 where pids.contains(where: { Self.workingDirectory(of: $0) == directory }) { usleep(20_000) }
        let pidFile = dataDirectory.appendingPathComponent("postmaster.pid")
        if FileManager.default.fileExists(atPath: pidFile.path), livePostmasterPID() == nil {
            try? FileManager.default.removeItem(at: pidFile)
        }
        // A stale socket or lock file would make the new server fail to bind.
        for url in [socketFile, socketDirectory.appendingPathComponent(".s.PGSQL.\(port).lock")] where FileManager.default.fileExists(atPath: url.path) {
            try? FileManager.default.removeItem(at: url)
        }
    }

    /// Serialises init/start/stop between processes (flock on `root/lock`).
    private func withLock<T>(_ body: () throws -> T) throws -> T {
        let path = root.appendingPathComponent("lock").path
        let fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError.clusterIO("cannot open lock file \(path)") }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else { throw StoreError.clusterIO("cannot lock \(path)") }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    private func chownToServerUser(_ url: URL) throws {
        guard let user = getpwnam(PostgresBinaries.serverUser) else {
            throw StoreError.noServerUser
        }
        if chown(url.path, user.pointee.pw_uid, user.pointee.pw_gid) != 0 {
            throw StoreError.clusterIO("cannot give \(url.path) to the \(PostgresBinaries.serverUser) user")
        }
    }

    /// Runs initdb / pg_ctl, as the `postgres` user when we are root.
    private func runServerTool(_ tool: URL, _ arguments: [String], failure: String) throws {
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C.UTF-8"
        environment.removeValue(forKey: "PGDATA")
        let result: Spawn.Result
        if Self.runningAsRoot {
            guard getpwnam(PostgresBinaries.serverUser) != nil else { throw StoreError.noServerUser }
            result = try Spawn.run(PostgresBinaries.runuser, ["-u", PostgresBinaries.serverUser, "--", tool.path] + arguments,
                                   environment: environment, workingDirectory: root.path)
        } else {
            result = try Spawn.run(tool.path, arguments, environment: environment, workingDirectory: root.path)
        }
        guard result.status == 0 else {
            var message = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
            if failure.hasPrefix("pg_ctl start"), let log = try? String(contentsOf: logFile, encoding: .utf8) {
                message += "\n" + log.split(separator: "\n").suffix(10).joined(separator: "\n")
            }
            throw StoreError.serverToolFailed(tool: failure, status: result.status, output: message)
        }
    }
}

/// The PostgreSQL server programs, found via `pg_config --bindir` or Debian's layout.
public struct PostgresBinaries: Sendable {
    public let directory: URL
    public var initdb: URL { directory.appendingPathComponent("initdb") }
    public var pgCtl: URL { directory.appendingPathComponent("pg_ctl") }
    public var postgres: URL { directory.appendingPathComponent("postgres") }
    public var pgDump: URL { directory.appendingPathComponent("pg_dump") }
    public var pgRestore: URL { directory.appendingPathComponent("pg_restore") }

    static let serverUser = "postgres"
    static let runuser = "/usr/sbin/runuser"

    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PostgresBinaries {
        let fileManager = FileManager.default
        func usable(_ directory: URL) -> Bool {
            fileManager.isExecutableFile(atPath: directory.appendingPathComponent("initdb").path)
                && fileManager.isExecutableFile(atPath: directory.appendingPathComponent("pg_ctl").path)
        }
        var candidates: [URL] = []
        if let explicit = environment["OCOP_PG_BINDIR"], !explicit.isEmpty {
            candidates.append(URL(fileURLWithPath: explicit, isDirectory: true))
        }
        if let bindir = pgConfigBindir(environment: environment) { candidates.append(bindir) }
        // Debian: /usr/lib/postgresql/<major>/bin, newest first.
        let debian = URL(fileURLWithPath: "/usr/lib/postgresql", isDirectory: true)
        if let versions = try? fileManager.contentsOfDirectory(atPath: debian.path) {
            for version in versions.sorted(by: { (Int($0) ?? 0) > (Int($1) ?? 0) }) {
                candidates.append(debian.appendingPathComponent("\(version)/bin", isDirectory: true))
            }
        }
        for directory in (environment["PATH"] ?? "").split(separator: ":") {
            candidates.append(URL(fileURLWithPath: String(directory), isDirectory: true))
        }
        guard let found = candidates.first(where: usable) else { throw StoreError.postgresProgramsMissing }
        return PostgresBinaries(directory: found)
    }

    private static func pgConfigBindir(environment: [String: String]) -> URL? {
        let paths = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        guard let pgConfig = paths.map({ $0 + "/pg_config" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }),
              let result = try? Spawn.run(pgConfig, ["--bindir"], environment: environment), result.status == 0
        else { return nil }
        let path = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return path.isEmpty ? nil : URL(fileURLWithPath: path, isDirectory: true)
    }
}

