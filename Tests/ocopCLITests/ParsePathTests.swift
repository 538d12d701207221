import Foundation
import Testing

/// `ocop` parses `GROUP … LEAF ARGS` with the leaf's parser alone when it can (start-up time,
/// OCOP.parseLeaf) and with the full command tree otherwise. The two must be indistinguishable:
/// same output, same messages, same exit status, on commands that work and commands that fail.
@Suite("The leaf parser and the full parser agree")
struct ParsePathTests {
    static let commands: [[String]] = [
        ["--version"], ["--help"], ["help", "dossier"], ["dossier"], ["dossier", "status"],
        ["dossier", "status", "HS-2026-0001"], ["dossier", "status", "HS-2026-0001", "--format", "json"],
        ["dossier", "status", "HS-2026-0001", "--lang", "en"], ["dossier", "status", "--lang", "en", "HS-2026-0001"],
        ["dossier", "status", "HS-2026-9999"], ["dossier", "status", "not a code"], ["dossier", "status", "HS-2026-0001", "--bogus"],
        ["dossier", "status", "HS-2026-0001", "--format", "yaml"], ["dossier", "status", "-h"], ["dossier", "status", "help"],
        ["dossier", "status", "HS-2026-0001", "extra"], ["dossier", "list", "--year", "2026"], ["dossier", "list", "--year", "twenty"],
        ["council", "session", "status", "PH-2026-001", "--format", "json"], ["council", "session", "status", "PH-2026-001", "--version"],
        ["council", "session", "minutes", "PH-2026-001", "--format", "text", "--lang", "en"], ["council", "bogus"],
        ["rubric", "list"], ["rubric", "show", "1", "--lang", "en"], ["rubric", "show", "27"], ["producer", "list", "--format", "csv"],
        ["rate", "--set", "1", "--format", "json"], ["db", "url"], ["dossier", "--version"], ["dossier", "status", "--experimental-dump-help"],
        ["db", "psql", "--help"], ["db", "psql", "-c", "SELECT 1"], ["db", "psql", "--", "-X", "-A", "-t", "-c", "SELECT count(*) FROM dossier"],
        ["--lang", "en", "dossier", "status", "HS-2026-0001"], ["council", "--lang", "en", "show", "BN-HD-2026"],
    ]

    @Test(arguments: commands) func sameResult(_ arguments: [String]) throws {
        let (environment, _) = try GoldenTests.demoWorld.get()
        let leaf = try runOCOP(arguments, environment: environment)
        let full = try runOCOP(arguments, environment: environment.merging(["OCOP_FULL_PARSE": "1"]) { $1 })
        #expect(leaf.status == full.status, "ocop \(arguments.joined(separator: " "))")
        #expect(leaf.out == full.out, "ocop \(arguments.joined(separator: " "))")
        #expect(leaf.err == full.err, "ocop \(arguments.joined(separator: " "))")
    }
}
