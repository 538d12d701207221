import Foundation
import Testing

/// The package root, found from this file (tests never depend on the working directory).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The built `ocop` binary: `OCOP_BIN`, else `.build/debug/ocop` next to the package.
var ocopBinary: String {
    ProcessInfo.processInfo.environment["OCOP_BIN"] ?? packageRoot.appendingPathComponent(".build/debug/ocop").path
}

/// Runs the built `ocop` binary and returns its exit status, stdout and stderr.
///
/// With `environment` nil the test's own environment is inherited; otherwise exactly `environment`.
func runOCOP(_ arguments: [String], environment: [String: String]? = nil) throws -> (status: Int32, out: String, err: String) {
    try tool(URL(fileURLWithPath: ocopBinary).path, arguments, environment: environment)
}

/// Runs a program (a path, or a tool from PATH) and returns its exit status, stdout and stderr.
/// Output goes to temporary files, not pipes: a server that `ocop` starts must not hold them open,
/// and a full stderr pipe cannot block the child while stdout is read.
func tool(_ name: String, _ arguments: [String], environment: [String: String]? = nil, in directory: URL? = nil) throws -> (status: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: name.hasPrefix("/") ? name : "/usr/bin/env")
    process.arguments = name.hasPrefix("/") ? arguments : [name] + arguments
    if let environment { process.environment = environment }
    if let directory { process.currentDirectoryURL = directory }
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("ocop-tool-\(UUID().uuidString)")
    let outURL = base.appendingPathExtension("out"), errURL = base.appendingPathExtension("err")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    defer {
        try? FileManager.default.removeItem(at: outURL)
        try? FileManager.default.removeItem(at: errURL)
    }
    let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    return (process.terminationStatus, String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
}

/// The test's environment without anything that chooses a database or a language, plus `extra`.
func cleanEnvironment(_ extra: [String: String]) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment.filter { key, _ in
        !key.hasPrefix("PG") && !["OCOP_DATABASE_URL", "DATABASE_URL", "OCOP_LANG", "OCOP_HOME", "OCOP_USER", "XDG_DATA_HOME"].contains(key)
    }
    environment.merge(extra) { $1 }
    return environment
}
