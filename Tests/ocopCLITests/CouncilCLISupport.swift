#if canImport(Glibc)
import Glibc
#endif
import Foundation
import OCOPDomain
import OCOPApp
import OCOPRubrics
import OCOPStore
import OCOPTestSupport
import Postgres
import Testing

/// The built `ocop` next to the test bundle (or OCOP_BIN).
let councilBinary: String = {
    if let bin = ProcessInfo.processInfo.environment["OCOP_BIN"], !bin.isEmpty { return bin }
    let sibling = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("ocop").path
    if FileManager.default.isExecutableFile(atPath: sibling) { return sibling }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return root.appendingPathComponent(".build/debug/ocop").path
}()

let councilPackageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// C arrays for exec, built before fork so the child only calls exec.
private func cStrings(_ strings: [String]) -> [UnsafeMutablePointer<CChar>?] { strings.map { strdup($0) } + [nil] }

private func environment(_ extra: [String: String]) -> [String] {
    var env = ProcessInfo.processInfo.environment
    for key in ["OCOP_DATABASE_URL", "DATABASE_URL", "PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "OCOP_LANG"] { env[key] = nil }
    for (k, v) in extra { env[k] = v }
    return env.map { "\($0)=\($1)" }
}

/// Runs `ocop` with pipes (posix_spawn, no Foundation.Process) and returns status and output.
func runCouncilCLI(_ arguments: [String], env: [String: String], stdin: String = "") throws -> (status: Int32, out: String, err: String) {
    var inPipe: [Int32] = [0, 0], outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
    guard pipe(&inPipe) == 0, pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { throw POSIXError(.EIO) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
    for fd in inPipe + outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }
    let argv = cStrings([councilBinary] + arguments), envp = cStrings(environment(env))
    defer { for p in argv + envp { free(p) } }
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, councilBinary, &actions, nil, argv, envp)
    close(inPipe[0]); close(outPipe[1]); close(errPipe[1])
    guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO) }
    let input = Array(stdin.utf8)
    if !input.isEmpty { _ = input.withUnsafeBytes { write(inPipe[1], $0.baseAddress, $0.count) } }
    close(inPipe[1])
    func drain(_ fd: Int32) -> String {
        var data = [UInt8](), buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { break }
            data += buffer[0..<n]
        }
        close(fd)
        return String(decoding: data, as: UTF8.self)
    }
    // stderr is small; read stdout first, then stderr (both closed at exit).
    let errReader = ErrReader(fd: errPipe[0])
    let out = drain(outPipe[0])
    let err = errReader.wait()
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    return ((status >> 8) & 0xff, out, err)
}

final class ErrReader: @unchecked Sendable {
    private var text = ""
    private let done = DispatchSemaphore(value: 0)
    init(fd: Int32) {
        Thread.detachNewThread { [self] in
            var data = [UInt8](), buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(fd, &buffer, buffer.count)
                if n <= 0 { break }
                data += buffer[0..<n]
            }
            close(fd)
            text = String(decoding: data, as: UTF8.self)
            done.signal()
        }
    }
    func wait() -> String { done.wait(); return text }
}

/// `ocop` on a pseudo-terminal, driven key by key.
final class PTYProcess {
    let pid: pid_t
    let master: Int32
    private(set) var output = ""

    init(_ arguments: [String], env: [String: String]) throws {
        let argv = cStrings([councilBinary] + arguments), envp = cStrings(environment(env + ["TERM": "xterm"]))
        var fd: Int32 = -1
        var size = winsize(ws_row: 50, ws_col: 160, ws_xpixel: 0, ws_ypixel: 0)
        let pid = forkpty(&fd, nil, nil, &size)
        if pid == 0 {
            execve(argv[0]!, argv, envp)
            _exit(127)
        }
        for p in argv + envp { free(p) }
        guard pid > 0 else { throw POSIXError(.EIO) }
        self.pid = pid
        self.master = fd
    }

    /// Reads until `text` appears in the output after `from` (returns false on timeout or exit).
    @discardableResult
    func waitFor(_ text: String, after from: String.Index? = nil, timeout: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let start = from.map { min($0, output.endIndex) } ?? output.startIndex
            if output[start...].contains(text) { return true }
            var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&pfd, 1, 100) > 0 {
                var buffer = [UInt8](repeating: 0, count: 65536)
                let n = read(master, &buffer, buffer.count)
                if n <= 0 { return output[start...].contains(text) }
                output += String(decoding: buffer[0..<n], as: UTF8.self)
            }
        }
        return false
    }

    var mark: String.Index { output.endIndex }

    func send(_ keys: String) {
        let bytes = Array(keys.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    func kill() {
        Glibc.kill(pid, SIGKILL)
        _ = wait()
    }

    /// Waits for the exit and returns the status.
    func wait() -> Int32 {
        // Keep draining so the child never blocks on a full pty.
        while true {
            var status: Int32 = 0
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { close(master); return (status >> 8) & 0xff }
            _ = waitFor("\u{0}", timeout: 0.1)
        }
    }
}

private func + (l: [String: String], r: [String: String]) -> [String: String] { l.merging(r) { $1 } }

/// A fresh database with one provincial council (7 scoring members, a secretary) and
/// `sets.count` dossiers on an open session, built through the application layer.
struct CLICouncilWorld {
    let target: ConnectionTarget
    let dossiers: [String]
    let session: String
    static let scorers = ["chair", "vice1", "vice2", "m1", "m2", "m3", "m4"]

    var env: [String: String] { ["OCOP_DATABASE_URL": target.conninfo, "OCOP_USER": "sec"] }

    static func make(_ prefix: String, sets: [Int]) throws -> CLICouncilWorld {
        let target = try TestDatabase.migratedTarget(prefix: prefix)
        let bench = TestDatabase.workbench(on: target)
        defer { bench.close() }
        _ = try bench.importRegistry(.provinces, file: try CLIFixture.csv("code,name,valid_from\n24,Bắc Ninh,2025-07-01\n"))
        _ = try bench.importRegistry(.communes, file: try CLIFixture.csv("code,name,province_code,valid_from\n07534,Sa Lý,24,2025-07-01\n"))
        let producer = try bench.addProducer(ProducerDraft(registrationNo: "2400910001", name: "HTX Dược liệu Sa Lý", kind: .cooperative, communeCode: "07534"))
        var codes: [String] = []
        for (i, set) in sets.enumerated() {
            let product = try bench.addProduct(ProductDraft(name: "Sản phẩm \(i + 1)", producerRef: producer.registrationNo, productSet: set, year: 2026))
            let d = try bench.openDossier(DossierOpening(productRef: product.code, kind: .firstEvaluation, year: 2026, round: 2,
                                                           filedOn: CalendarDate(year: 2026, month: 6, day: 1)!))
            for _ in 0..<4 { try bench.advanceDossier(d.code) }
            codes.append(d.code.rawValue)
        }
        let council = CouncilCode(normalizing: "BN-2026")!
        _ = try bench.createCouncil(code: council, name: "Hội đồng OCOP tỉnh Bắc Ninh", level: .provincial, provinceCode: "24", decisionRef: nil, policy: .default)
        let roles: [(String, CouncilRole)] = [("chair", .chair), ("vice1", .viceChair), ("vice2", .viceChair), ("m1", .member), ("m2", .member), ("m3", .member), ("m4", .member), ("sec", .secretary)]
        for (code, role) in roles {
            _ = try bench.addCouncilMember(council: council, person: PersonCode(normalizing: code)!, name: "Thành viên \(code)", organisation: nil, role: role)
        }
        let session = try bench.acting(as: PersonCode(normalizing: "sec")!).openSession(
            council: council, heldOn: CalendarDate(year: 2026, month: 11, day: 10)!, place: nil,
            dossiers: codes.map { DossierCode(normalizing: $0)! }, absent: []).code
        return CLICouncilWorld(target: target, dossiers: codes, session: session.rawValue)
    }

    func connection() throws -> Connection { try Connection(target) }

    func workbench(as person: String = "sec") -> Workbench { TestDatabase.workbench(on: target, actingAs: person) }

    /// Submits `member`'s sheet for `dossier` through the application layer (the file path).
    func submit(_ dossier: String, member: String, answers: [String: SheetAnswer]) throws {
        let bench = workbench(as: member)
        defer { bench.close() }
        let context = try bench.scoringContext(dossier: DossierCode(normalizing: dossier)!, member: PersonCode(normalizing: member)!, correcting: false)
        _ = try bench.submitSheet(context, sheet: ScoreSheet(label: member, answers: answers), source: .file)
    }
}

/// Small files for tests.
enum CLIFixture {
    static func csv(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ocop-fixture-\(UUID().uuidString).csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
