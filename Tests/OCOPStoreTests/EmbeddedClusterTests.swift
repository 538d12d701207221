import Foundation
import OCOPStore
import Postgres
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The embedded cluster manager's life cycle in a fresh home of its own (slow: initdb, start, stop).
@Suite(.serialized) struct EmbeddedClusterTests {
    /// Short on purpose: the socket path must stay under the ~107-byte limit of sun_path.
    static func freshHome() -> URL {
        let letters = "abcdefghijklmnopqrstuvwxyz0123456789"
        let suffix = String((0..<8).map { _ in letters.randomElement()! })
        return URL(fileURLWithPath: "/tmp/ocop-ec-\(suffix)", isDirectory: true)
    }

    func isRunning(_ cluster: LocalCluster) throws -> Bool {
        if case .running = try cluster.status() { return true }
        return false
    }

    @Test func lifeCycleRecoveryAndDestroy() throws {
        let home = Self.freshHome()
        var cluster = LocalCluster(home: home)
        cluster.fastAndUnsafe = true
        defer {
            try? cluster.destroy()
            try? FileManager.default.removeItem(at: home)
        }
        #expect((cluster.socketDirectory.path + "/.s.PGSQL.\(cluster.port)").utf8.count < 100)
        #expect(try cluster.status() == .notInitialized)

        // start → running → connect; the server must not inherit our descriptors (a caller's
        // pipe held open by the daemon makes the caller wait forever).
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let marker = home.appendingPathComponent("inherited-marker").path
        _ = FileManager.default.createFile(atPath: marker, contents: nil)
        let leaky = open(marker, O_RDONLY)  // deliberately without O_CLOEXEC
        defer { close(leaky) }
        try cluster.start()
        guard case let .running(pid) = try cluster.status() else { Issue.record("not running after start"); return }
        #expect(pid > 0 && kill(pid_t(pid), 0) == 0)
        let inherited = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")) ?? []).compactMap {
            try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\($0)")
        }
        #expect(!inherited.isEmpty, "the server's descriptors are readable")
        #expect(!inherited.contains(marker), "\(inherited)")
        #expect(!inherited.contains(cluster.root.appendingPathComponent("lock").path), "\(inherited)")
        let connection = try cluster.connect()
        #expect(try connection.one("SELECT current_database() AS db").decode(String.self, "db") == "ocop")
        #expect(try connection.one("SELECT current_setting('listen_addresses') AS l").decode(String.self, "l") == "", "Unix socket only")
        #expect(try connection.one("SELECT pg_encoding_to_char(encoding) AS e FROM pg_database WHERE datname = 'ocop'").decode(String.self, "e") == "UTF8")
        try connection.execute("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('Bắc Ninh')")
        connection.close()
        if getuid() == 0 {
            // initdb refuses root: the server runs as the postgres user.
            let owner = try FileManager.default.attributesOfItem(atPath: cluster.dataDirectory.path)[.ownerAccountName] as? String
            #expect(owner == "postgres")
        }

        // start again: a no-op, same server
        try cluster.start()
        #expect(try cluster.status() == .running(pid: pid))

        // stop → stopped → start again, data kept
        try cluster.stop()
        #expect(try cluster.status() == .stopped)
        #expect(throws: PostgresError.self) { _ = try Connection(cluster.target) }
        try cluster.stop()  // stopping a stopped cluster is a no-op
        try cluster.start()
        #expect(try isRunning(cluster))
        let again = try cluster.connect()
        #expect(try again.one("SELECT v FROM kept").decode(String.self, "v") == "Bắc Ninh")
        again.close()

        // A crash leaves postmaster.pid behind with a PID that no longer runs.
        try cluster.stop()
        let pidFile = cluster.dataDirectory.appendingPathComponent("postmaster.pid")
        #expect(!FileManager.default.fileExists(atPath: pidFile.path))
        let dead = try deadPID()
        let bogus = "\(dead)\n\(cluster.dataDirectory.path)\n1700000000\n\(cluster.port)\n\(cluster.socketDirectory.path)\n\n  5432001         0\nready   \n"
        try bogus.write(to: pidFile, atomically: false, encoding: .utf8)
        if getuid() == 0, let user = getpwnam("postgres") { chown(pidFile.path, user.pointee.pw_uid, user.pointee.pw_gid) }
        #expect(try cluster.status() == .stopped, "a pid file naming a dead process is not a running server")
        try cluster.start()
        #expect(try isRunning(cluster))
        #expect(try cluster.connect().one("SELECT count(*) AS n FROM kept").decode(Int.self, "n") == 1)

        // connect() starts a stopped cluster by itself.
        try cluster.stop()
        let started = try cluster.connect()
        #expect(try isRunning(cluster))
        started.close()

        // destroy: stopped and gone
        try cluster.destroy()
        #expect(!FileManager.default.fileExists(atPath: cluster.root.path))
        #expect(try cluster.status() == .notInitialized)
        // pg_ctl stop waits for the pid file to go; the process itself may take a moment to be reaped.
        var gone = false
        for _ in 0..<50 where !gone {
            gone = kill(pid_t(pid), 0) != 0
            if !gone { usleep(100_000) }
        }
        #expect(gone, "the first server process is gone: \((try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? "-")")
    }

    @Test func homeResolution() {
        #expect(LocalCluster.defaultHome(environment: ["OCOP_HOME": "/srv/ocop", "XDG_DATA_HOME": "/x"]).path == "/srv/ocop")
        #expect(LocalCluster.defaultHome(environment: ["XDG_DATA_HOME": "/x", "HOME": "/home/a"]).path == "/x/ocop")
        #expect(LocalCluster.defaultHome(environment: ["HOME": "/home/a"]).path == "/home/a/.local/share/ocop")
        let cluster = LocalCluster(home: URL(fileURLWithPath: "/tmp/ocop-ec-home", isDirectory: true))
        #expect(cluster.target.conninfo.contains("host=\(cluster.socketDirectory.path)"))
        #expect(cluster.url.hasPrefix("postgresql://ocop@/ocop?host=%2F"))
    }

    /// A PID that certainly names no process: a child that has exited and been reaped.
    func deadPID() throws -> Int32 {
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
        defer { argv.forEach { free($0) } }
        guard posix_spawn(&pid, "/bin/true", nil, nil, argv, environ) == 0 else { throw POSIXError(.ECHILD) }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return pid
    }
}
