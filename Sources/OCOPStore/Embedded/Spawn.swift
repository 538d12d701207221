import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to completion with posix_spawn + waitpid. Foundation's `Process` can hang in
/// `waitUntilExit()` when called from an async context on Linux, and initdb/pg_ctl must never hang.
enum Spawn {
    struct Result {
        var status: Int32
        var output: String
    }

    /// The descriptors open in this process, from /proc/self/fd.
    static func openDescriptors() -> [Int32] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return [] }
        return entries.compactMap { Int32($0) }.filter { fcntl($0, F_GETFD) != -1 }
    }

    /// Runs `executable` with `arguments` and `environment`; stdout and stderr go to a temporary
    /// file (not a pipe, which a daemonised server could inherit and hold open), stdin is /dev/null.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String], workingDirectory: String? = nil) throws -> Result {
        let outputPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("ocop-spawn-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).log").path
        let outputFD = open(outputPath, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0o600)
        guard outputFD >= 0 else { throw StoreError.clusterIO("cannot create \(outputPath)") }
        defer { unlink(outputPath) }
        let nullFD = open("/dev/null", O_RDONLY | O_CLOEXEC)
        defer { close(nullFD) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, nullFD, 0)
        posix_spawn_file_actions_adddup2(&actions, outputFD, 1)
        posix_spawn_file_actions_adddup2(&actions, outputFD, 2)
        // Close every other inherited descriptor: pg_ctl's server lives on after us and would
        // otherwise hold our caller's pipes (a parent waiting for EOF would hang) and our locks.
        for fd in Self.openDescriptors() where fd > 2 && fd != outputFD && fd != nullFD {
            posix_spawn_file_actions_addclose(&actions, fd)
        }
        // posix_spawn_file_actions_addchdir_np is not exported to Swift; coreutils' env changes directory.
        var program = executable
        var fullArguments = [executable] + arguments
        if let workingDirectory {
            program = "/usr/bin/env"
            fullArguments = ["/usr/bin/env", "--chdir=\(workingDirectory)"] + fullArguments
        }
        let argv = fullArguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }

        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, envp)
        close(outputFD)
        guard spawned == 0 else {
            throw StoreError.clusterIO("cannot run \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw StoreError.clusterIO("waitpid failed for \(executable)") }
        }
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        // WIFEXITED / WEXITSTATUS are macros; decode the wait status by hand.
        let exitCode: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: exitCode, output: output)
    }
}
