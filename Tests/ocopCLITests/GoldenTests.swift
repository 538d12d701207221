import Foundation
import OCOPTestSupport
import Postgres
import Testing

/// What people read, pinned: `--help` of every command in both languages, `rate` on fixed sheets,
/// and a fixed demo world on a fixed clock — the demo's narration, session status (table and
/// JSON), the minutes, and what producers see. Regenerate after a deliberate change with
/// `scripts/update-goldens.sh` and review the diff.
@Suite struct GoldenTests {
    static let directory = packageRoot.appendingPathComponent("Tests/ocopCLITests/Golden", isDirectory: true)
    static let fixtures = packageRoot.appendingPathComponent("Tests/ocopCLITests/Fixtures", isDirectory: true)
    static let updating = ProcessInfo.processInfo.environment["OCOP_UPDATE_GOLDEN"] == "1"
    /// The demo world's clock: Friday 4 December 2026, 09:00 in Vietnam.
    static let clock = "2026-12-04T09:00:00+07:00"

    /// Compares `actual` with the golden file `name` (or writes it when updating).
    static func check(_ name: String, _ actual: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if updating {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(name): run scripts/update-goldens.sh", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false), a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = Array(zip(e, a)).firstIndex { $0 != $1 } ?? min(e.count, a.count)
            Issue.record("""
                \(name) differs from its golden file at line \(first + 1):
                  expected: \(first < e.count ? String(e[first]) : "<end>")
                  actual:   \(first < a.count ? String(a[first]) : "<end>")
                (scripts/update-goldens.sh regenerates the files; review the diff)
                """, sourceLocation: sourceLocation)
        }
    }

    /// Every command path, from the command definitions themselves.
    static func commandPaths() throws -> [[String]] {
        let dump = try runOCOP(["--experimental-dump-help"], environment: cleanEnvironment([:]))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(dump.out.utf8)) as? [String: Any])
        var paths: [[String]] = []
        func walk(_ command: [String: Any], _ path: [String]) {
            paths.append(path)
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                guard let name = sub["commandName"] as? String, name != "help" else { continue }
                walk(sub, path + [name])
            }
        }
        walk(try #require(root["command"] as? [String: Any]), [])
        return paths
    }

    /// The man pages come from `--experimental-dump-help`: its value names are the ones `--help`
    /// shows, in the language asked for.
    @Test func theDumpNamesValuesAsHelpDoes() throws {
        for (language, expected) in [("vi", "ngày"), ("en", "date")] {
            let dump = try runOCOP(["--experimental-dump-help"], environment: cleanEnvironment(["OCOP_LANG": language]))
            #expect(dump.status == 0)
            let open = try #require(dump.out.range(of: #""filed-on""#), "\(language)")
            let window = dump.out[open.lowerBound...].prefix(1500)
            #expect(window.contains(#""valueName" : "\#(expected)""#), "\(language): \(window)")
            #expect(!dump.out.contains(#""valueName" : "filed-on""#))
        }
    }

    @Test func helpOfEveryCommandInBothLanguages() throws {
        let paths = try Self.commandPaths()
        #expect(paths.count > 50)
        for path in paths {
            let name = (["ocop"] + path).joined(separator: "-")
            let vi = try runOCOP(path + ["--help"], environment: cleanEnvironment([:]))
            #expect(vi.status == 0 && vi.err.isEmpty, "\(name)")
            try Self.check("help/vi/\(name).txt", vi.out)
            let en = try runOCOP(path + ["--help", "--lang", "en"], environment: cleanEnvironment([:]))
            #expect(en.status == 0 && en.err.isEmpty, "\(name)")
            try Self.check("help/en/\(name).txt", en.out)
            // English help shows no Vietnamese program text (option values such as hồ-sơ aside).
            #expect(!["Mã ", "Phiên ", "Tệp ", " của ", "Danh sách"].contains { en.out.contains($0) }, "\(name): \(en.out)")
        }
    }

    @Test func planOnAFixedSelfAssessment() throws {
        let sheet = Self.fixtures.appendingPathComponent("rate/set01-le-van-c.yaml").path
        for (name, target) in [("set01-to-4", "4"), ("set01-to-5", "5")] {
            for language in ["vi", "en"] {
                let result = try runOCOP(["plan", "--sheet", sheet, "--set", "1", "--target", target, "--lang", language], environment: cleanEnvironment([:]))
                #expect(result.status == 0, "\(name): \(result.err)")
                // Paths differ between checkouts; the file names are what matters.
                let text = result.out.replacingOccurrences(of: packageRoot.path + "/", with: "")
                try Self.check("plan/\(name).\(language).txt", text)
            }
        }
    }

    @Test func rubricAsACouncilMemberReadsIt() throws {
        for set in ["4", "26"] {
            for language in ["vi", "en"] {
                let result = try runOCOP(["rubric", "show", set, "--lang", language], environment: cleanEnvironment([:]))
                #expect(result.status == 0, "rubric show \(set): \(result.err)")
                try Self.check("rubric/show-\(set).\(language).txt", result.out)
                let sheet = try runOCOP(["rubric", "sheet", set, "--lang", language], environment: cleanEnvironment([:]))
                #expect(sheet.status == 0, "rubric sheet \(set): \(sheet.err)")
                try Self.check("rubric/sheet-\(set).\(language).txt", sheet.out)
            }
        }
    }

    /// The machine-readable forms a secretary builds sheet files and score imports from.
    @Test func rubricAsData() throws {
        let cases: [(String, [String])] = [
            ("list.csv", ["rubric", "list", "--format", "csv"]),
            ("list.json", ["rubric", "list", "--format", "json"]),
            ("show-26.csv", ["rubric", "show", "26", "--format", "csv"]),
            ("show-4.json", ["rubric", "show", "4", "--format", "json"]),
        ]
        for (name, arguments) in cases {
            let result = try runOCOP(arguments, environment: cleanEnvironment([:]))
            #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result.err)")
            try Self.check("rubric/\(name)", result.out)
        }
        // The JSON of one set is the export's entry for it, plus the version it belongs to.
        let export = try runOCOP(["rubric", "export"], environment: cleanEnvironment([:]))
        let show = try runOCOP(["rubric", "show", "4", "--format", "json"], environment: cleanEnvironment([:]))
        let sets = try #require((try JSONSerialization.jsonObject(with: Data(export.out.utf8)) as? [String: Any])?["sets"] as? [[String: Any]])
        var one = try #require(try JSONSerialization.jsonObject(with: Data(show.out.utf8)) as? [String: Any])
        #expect(one.removeValue(forKey: "rubric") as? String == "qd26-2026")
        #expect(NSDictionary(dictionary: one).isEqual(to: sets[3]))
    }

    @Test func rateOnFixedSheets() throws {
        let rate = Self.fixtures.appendingPathComponent("rate")
        let council = ["set01-nguyen-van-a", "set01-tran-thi-b", "set01-le-van-c"].flatMap { ["--sheet", rate.appendingPathComponent("\($0).yaml").path] }
        let cases: [(String, [String])] = [
            ("set01-council", ["--set", "1"] + council),
            ("set01-knockout", ["--set", "1", "--sheet", rate.appendingPathComponent("set01-knockout.yaml").path]),
            ("set26-tourism", ["--set", "26", "--sheet", rate.appendingPathComponent("set26-tourism.yaml").path]),
        ]
        for (name, arguments) in cases {
            for language in ["vi", "en"] {
                for format in ["text", "json"] {
                    let result = try runOCOP(["rate"] + arguments + ["--lang", language, "--format", format], environment: cleanEnvironment([:]))
                    #expect(result.status == 0, "\(name): \(result.err)")
                    // Paths differ between checkouts; the file names are what matters.
                    try Self.check("rate/\(name).\(language).\(format == "json" ? "json" : "txt")", result.out)
                }
            }
        }
    }

    /// The demo world, loaded once for the suite: its environment and the demo's narration.
    static let demoWorld: Result<(environment: [String: String], narration: String), any Error> = Result {
        let target = try TestDatabase.migratedTarget(prefix: "golden")
        let env = cleanEnvironment(["OCOP_DATABASE_URL": target.conninfo, "OCOP_USER": "thu-ky", "OCOP_CLOCK": clock])
        let demo = try runOCOP(["demo", "--lang", "vi"], environment: env)
        guard demo.status == 0 else { throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: demo.err]) }
        // The database's name changes from run to run; the demo names where it loads.
        return (env, demo.out.replacingOccurrences(of: target.redacted, with: "<database>"))
    }

    @Test func theDemoWorldOnAFixedClock() throws {
        let (env, demo) = try Self.demoWorld.get()
        func run(_ arguments: [String], _ language: String = "vi") throws -> String {
            let result = try runOCOP(arguments + ["--lang", language], environment: env)
            #expect(result.status == 0, "ocop \(arguments.joined(separator: " ")): \(result.err)")
            return result.out
        }
        try Self.check("demo/demo.vi.txt", demo)
        for language in ["vi", "en"] {
            try Self.check("demo/session-status.\(language).txt", try run(["council", "session", "status", "PH-2026-001"], language))
            try Self.check("demo/session-status.\(language).json", try run(["council", "session", "status", "PH-2026-001", "--format", "json"], language))
            try Self.check("demo/minutes.\(language).md", try run(["council", "session", "minutes", "PH-2026-001"], language))
            try Self.check("demo/minutes.\(language).txt", try run(["council", "session", "minutes", "PH-2026-001", "--format", "text"], language))
            try Self.check("demo/minutes-central.\(language).md", try run(["council", "session", "minutes", "PH-2026-002"], language))
            for dossier in ["HS-2026-0001", "HS-2026-0006", "HS-2026-0008", "HS-2026-0009", "HS-2026-0011"] {
                try Self.check("demo/dossier-status-\(dossier).\(language).txt", try run(["dossier", "status", dossier], language))
            }
            for dossier in ["HS-2026-0001", "HS-2026-0006"] {
                try Self.check("demo/dossier-status-\(dossier).\(language).json", try run(["dossier", "status", dossier, "--format", "json"], language))
            }
            try Self.check("demo/dossier-history-HS-2026-0001.\(language).txt", try run(["dossier", "history", "HS-2026-0001"], language))
            try Self.check("demo/dossier-list.\(language).txt", try run(["dossier", "list", "--year", "2026"], language))
            // The star lifecycle: decisions, certificates on the clock's day, who must re-evaluate.
            try Self.check("demo/decision-list.\(language).txt", try run(["decision", "list"], language))
            try Self.check("demo/decision-draft-empty.\(language).txt", try run(["decision", "draft", "--authority", "24"], language))
            try Self.check("demo/decision-show-1523.\(language).md", try run(["decision", "show", "1523/QĐ-UBND", "--format", "markdown"], language))
            try Self.check("demo/decision-show-2150.\(language).md", try run(["decision", "show", "2150/QĐ-BNNMT", "--format", "markdown"], language))
            try Self.check("demo/decision-show-1650.\(language).md", try run(["decision", "show", "1650/QĐ-UBND", "--format", "markdown"], language))
            try Self.check("demo/certificate-list.\(language).txt", try run(["certificate", "list"], language))
            try Self.check("demo/certificate-list-current.\(language).csv", try run(["certificate", "list", "--status", "current", "--format", "csv"], language))
            try Self.check("demo/certificate-show-GCN-24-2024-0004.\(language).txt", try run(["certificate", "show", "GCN-24-2024-0004"], language))
            try Self.check("demo/certificate-show-GCN-BNNMT-2026-0001.\(language).md", try run(["certificate", "show", "GCN-BNNMT-2026-0001", "--format", "markdown"], language))
            try Self.check("demo/decision-notice-HS-2026-0013.\(language).md", try run(["decision", "notice", "HS-2026-0013", "--number", "15/TB-SNNMT",
                                                                         "--date", "2026-11-20", "--signer-title", "GIÁM ĐỐC", "--signer-name", "Trần Văn B"], language))
            try Self.check("demo/certificate-expiring.\(language).csv", try run(["certificate", "expiring", "--within", "180"], language))
            try Self.check("demo/product-list.\(language).txt", try run(["product", "list"], language))
            try Self.check("demo/product-show-24-07804-001-2020.\(language).txt", try run(["product", "show", "24-07804-001-2020"], language))
            try Self.check("demo/calendar-2026.\(language).txt", try run(["calendar", "list", "--year", "2026"], language))
        }
    }
}
