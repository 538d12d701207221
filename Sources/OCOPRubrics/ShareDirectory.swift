import Foundation

/// Finds the data that ships with the program (`scoring/`, `db/migrations`, `db/seed`), so
/// `ocop` works from any working directory and after `make install`.
///
/// Order: `$OCOP_SHARE_DIR`; `<executable>/../share/ocop` (installed layout); the source
/// checkout this binary was built from.
public enum ShareDirectory {
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let fileManager = FileManager.default
        func holdsData(_ url: URL) -> Bool {
            fileManager.fileExists(atPath: url.appendingPathComponent("scoring").path)
                && fileManager.fileExists(atPath: url.appendingPathComponent("db/migrations").path)
        }
        if let explicit = environment["OCOP_SHARE_DIR"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit, isDirectory: true)
        }
        // argv[0] is just "ocop" when found through PATH; the kernel knows the real file.
        let selfExe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        let executable = URL(fileURLWithPath: selfExe).resolvingSymlinksInPath()
        let installed = executable.deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("share/ocop", isDirectory: true)
        if holdsData(installed) { return installed }
        // Sources/OCOPRubrics/ShareDirectory.swift → the package root.
        let checkout = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
        return checkout
    }

    public static var scoring: URL { locate().appendingPathComponent("scoring", isDirectory: true) }
    public static var migrations: URL { locate().appendingPathComponent("db/migrations", isDirectory: true) }
    public static var seed: URL { locate().appendingPathComponent("db/seed", isDirectory: true) }
}
