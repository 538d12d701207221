import Foundation

/// Where the data that ships with the program lives (`scoring/`, `db/migrations`, `db/seed`),
/// so `ocop` works from any working directory and after `make install`.
///
/// Order: `$OCOP_SHARE_DIR`; `<executable>/../share/ocop` (installed layout); the source
/// checkout this binary was built from.
public struct ShareDirectory: Sendable, Hashable {
    public let root: URL

    public init(root: URL) { self.root = root }

    public static func locate(environment: [String: String]) -> ShareDirectory {
        let fileManager = FileManager.default
        func holdsData(_ url: URL) -> Bool {
            fileManager.fileExists(atPath: url.appendingPathComponent("scoring").path)
                && fileManager.fileExists(atPath: url.appendingPathComponent("db/migrations").path)
        }
        if let explicit = environment["OCOP_SHARE_DIR"], !explicit.isEmpty {
            return ShareDirectory(root: URL(fileURLWithPath: explicit, isDirectory: true))
        }
        // argv[0] is just "ocop" when found through PATH; the kernel knows the real file.
        let selfExe = (try? fileManager.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        let installed = URL(fileURLWithPath: selfExe).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/ocop", isDirectory: true)
        if holdsData(installed) { return ShareDirectory(root: installed) }
        // Sources/OCOPApp/ShareDirectory.swift → the package root.
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return ShareDirectory(root: checkout)
    }

    public var scoring: URL { root.appendingPathComponent("scoring", isDirectory: true) }
    public var migrations: URL { root.appendingPathComponent("db/migrations", isDirectory: true) }
    public var seed: URL { root.appendingPathComponent("db/seed", isDirectory: true) }
}
