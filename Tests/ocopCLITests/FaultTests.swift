#if canImport(Glibc)
import Glibc
#endif
import Foundation
import OCOPDomain
import OCOPRubrics
import OCOPStore
import OCOPTestSupport
import Postgres
import Testing

/// kill -9 at random moments: of the CLI during a registry import, a sheet import and a
/// finalization, and of the database server during an import. Afterwards the database holds
/// all of the work or none of it, and running the command again finishes cleanly.
@Suite(.serialized) struct FaultTests {
    /// Runs `ocop`, kills it with SIGKILL after `delay` unless it finished first; returns the
    /// exit status (nil when killed).
    static func run(_ arguments: [String], environment: [String: String], killAfter delay: Duration?) throws -> Int32? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ocopBinary)
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        if let delay {
            let deadline = ContinuousClock.now + delay
            while process.isRunning && ContinuousClock.now < deadline { usleep(2_000) }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                return nil
            }
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Delays spread over `total`, in a random order (seeded, so a failure can be replayed).
    static func delays(_ count: Int, over total: Duration, seed: UInt64) -> [Duration] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { i in total * (Double(i) + Double.random(in: 0..<1, using: &generator)) / Double(count) }.shuffled(using: &generator)
    }

    /// Waits until the server has rolled back what a killed client left (its backend gone).
    static func settle(_ connection: Connection) throws {
        for _ in 0..<200 {
            let busy = try connection.one("""
                SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
                """).decode(Int.self, "n")
            if busy == 0 { return }
            usleep(20_000)
        }
    }

    static func timed(_ body: () throws -> Void) rethrows -> Duration {
        let start = ContinuousClock.now
        try body()
        return ContinuousClock.now - start
    }

    @Test func killingARegistryImportLeavesAllOrNothing() throws {
        let target = try TestDatabase.migratedTarget(prefix: "fault_reg")
        let bench = TestDatabase.workbench(on: target)
        _ = try bench.importRegistry(.provinces, file: try CLIFixture.csv("code,name,valid_from\n24,Bắc Ninh,2025-07-01\n"))
        _ = try bench.importRegistry(.communes, file: try CLIFixture.csv("code,name,province_code,valid_from\n07534,Sa Lý,24,2025-07-01\n"))
        bench.close()
        let rows = (0..<3000).map { "24009\(String(format: "%05d", $0)),HTX số \($0),htx,07534" }
        let file = try CLIFixture.csv("registration_no,name,kind,commune_code\n" + rows.joined(separator: "\n") + "\n")
        let env = cleanEnvironment(["OCOP_DATABASE_URL": target.conninfo, "OCOP_USER": "can-bo"])
        let connection = try Connection(target)
        // How long a whole import takes here, on a scratch database.
        let scratch = try TestDatabase.migratedTarget(prefix: "fault_reg_t")
        let scratchBench = TestDatabase.workbench(on: scratch)
        _ = try scratchBench.importRegistry(.provinces, file: try CLIFixture.csv("code,name,valid_from\n24,Bắc Ninh,2025-07-01\n"))
        _ = try scratchBench.importRegistry(.communes, file: try CLIFixture.csv("code,name,province_code,valid_from\n07534,Sa Lý,24,2025-07-01\n"))
        scratchBench.close()
        let whole = try Self.timed { _ = try Self.run(["import", "producers", file], environment: cleanEnvironment(["OCOP_DATABASE_URL": scratch.conninfo, "OCOP_USER": "can-bo"]), killAfter: nil) }
        var killed = 0
        for delay in Self.delays(8, over: whole, seed: 8) {
            if try Self.run(["import", "producers", file], environment: env, killAfter: delay) == nil { killed += 1 }
            try Self.settle(connection)
            let count = try connection.count("producer")
            #expect(count == 0 || count == 3000, "after a kill at \(delay): \(count) producers")
            if count == 3000 { break }
        }
        #expect(killed > 0, "no run was interrupted (a whole import took \(whole))")
        // A clean run afterwards: everything in (or, if a run had finished, everything already there).
        #expect(try Self.run(["import", "producers", file], environment: env, killAfter: nil) == 0)
        #expect(try connection.count("producer") == 3000)
        #expect(try connection.count("producer", where: "name = 'HTX số 2999'") == 1)
    }

    @Test func killingASheetImportAndAFinalizationLeavesAllOrNothing() throws {
        let world = try CLICouncilWorld.make("fault_council", sets: Array(repeating: 4, count: 40))
        let env = cleanEnvironment(world.env)
        let connection = try world.connection()
        let set = try RubricCatalog.load(from: packageRoot.appendingPathComponent("scoring")).productSet(4)
        var lines = ["dossier,member,criterion,points"]
        for dossier in world.dossiers {
            for member in CLICouncilWorld.scorers {
                for criterion in set.scorableCriteria { lines.append("\(dossier),\(member),\(criterion.code),\(criterion.bestPoints())") }
            }
        }
        let file = try CLIFixture.csv(lines.joined(separator: "\n") + "\n")
        let expectedSheets = world.dossiers.count * CLICouncilWorld.scorers.count

        // How long the whole import takes, measured on a scratch copy of the world.
        let scratch = try CLICouncilWorld.make("fault_council_t", sets: Array(repeating: 4, count: 40))
        var status: Int32?
        let whole = try Self.timed { status = try Self.run(["score", "import", file], environment: cleanEnvironment(scratch.env), killAfter: nil) }
        #expect(status == 0, "a whole sheet import failed")
        let finalizing = try Self.timed { status = try Self.run(["council", "session", "finalize", scratch.session], environment: cleanEnvironment(scratch.env), killAfter: nil) }
        #expect(status == 0, "a whole finalization failed")

        // Sheets: kill during the import, then the whole import again.
        var killed = 0
        for delay in Self.delays(6, over: whole, seed: 11) {
            if try Self.run(["score", "import", file], environment: env, killAfter: delay) == nil { killed += 1 }
            try Self.settle(connection)
            let sheets = try connection.count("score_sheet")
            #expect(sheets == 0 || sheets == expectedSheets, "after a kill at \(delay): \(sheets) sheets")
            #expect(try connection.count("score_answer") == sheets * set.scorableCriteria.count)
            if sheets == expectedSheets { break }
        }
        #expect(killed > 0, "no import was interrupted (a whole one took \(whole))")
        if try connection.count("score_sheet") == 0 {
            #expect(try Self.run(["score", "import", file], environment: env, killAfter: nil) == 0)
        }
        #expect(try connection.count("score_sheet") == expectedSheets)

        // Finalization: kill while it runs; results, states and events all or nothing.
        killed = 0
        for delay in Self.delays(6, over: finalizing, seed: 12) {
            if try Self.run(["council", "session", "finalize", world.session], environment: env, killAfter: delay) == nil { killed += 1 }
            try Self.settle(connection)
            let results = try connection.count("council_result")
            let decided = try connection.count("dossier", where: "status <> 'council_scheduled'")
            let events = try connection.count("dossier_event", where: "action = 'council_result'")
            let finalized = try connection.count("council_session", where: "status = 'finalized'")
            #expect(results == 0 || results == world.dossiers.count, "after a kill at \(delay): \(results) results")
            #expect(decided == results && events == results, "states \(decided), events \(events), results \(results)")
            #expect(finalized == (results == world.dossiers.count ? 1 : 0))
            if results == world.dossiers.count { break }
        }
        #expect(killed > 0, "no finalization was interrupted (a whole one took \(finalizing))")
        #expect(try Self.run(["council", "session", "finalize", world.session], environment: env, killAfter: nil) == 0)
        #expect(try connection.count("council_result") == world.dossiers.count)
    }

    @Test func killingTheServerDuringAnImportLosesNothingAndTheNextRunRecovers() throws {
        let home = URL(fileURLWithPath: "/tmp/ocop-fault-\(UUID().uuidString.prefix(8))", isDirectory: true)
        let cluster = LocalCluster(home: home)
        defer {
            try? cluster.destroy()
            try? FileManager.default.removeItem(at: home)
        }
        let env = cleanEnvironment(["OCOP_HOME": home.path, "OCOP_USER": "can-bo"])
        #expect(try Self.run(["import", "provinces", try CLIFixture.csv("code,name,valid_from\n24,Bắc Ninh,2025-07-01\n")], environment: env, killAfter: nil) == 0)
        #expect(try Self.run(["import", "communes", try CLIFixture.csv("code,name,province_code,valid_from\n07534,Sa Lý,24,2025-07-01\n")], environment: env, killAfter: nil) == 0)
        let rows = (0..<4000).map { "24009\(String(format: "%05d", $0)),HTX số \($0),htx,07534" }
        let file = try CLIFixture.csv("registration_no,name,kind,commune_code\n" + rows.joined(separator: "\n") + "\n")
        // Start the import, kill the server while it writes.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ocopBinary)
        process.arguments = ["import", "producers", file]
        process.environment = env
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("ocop-fault-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errURL) }
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        usleep(400_000)
        guard case let .running(pid) = try cluster.status() else { Issue.record("the server is not running"); return }
        kill(pid_t(pid), SIGKILL)
        process.waitUntilExit()
        let message = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        if process.terminationStatus != 0 {
            #expect(process.terminationStatus == 69, "\(message)")
            #expect(!message.contains("SQLSTATE"), "\(message)")
        }
        // The next command restarts the server at once; the import is all there or not at all.
        let connection = try cluster.connect()
        let count = try connection.count("producer")
        #expect(count == 0 || count == 4000, "\(count) producers after the server was killed")
        connection.close()
        #expect(try Self.run(["import", "producers", file], environment: env, killAfter: nil) == 0)
        let after = try cluster.connect()
        #expect(try after.count("producer") == 4000)
        after.close()
    }
}

/// A small deterministic generator (SplitMix64) for replayable kill times.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
