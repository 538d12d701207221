import Foundation
import OCOPDomain
import OCOPRubrics
import OCOPTestSupport
import Postgres
import Testing

/// The bad-input corpus: hundreds of wrong inputs over every write path, each run through the
/// real binary against the demo world. Every case must exit with its expected non-zero status,
/// say what is wrong, and leave every table exactly as it was (a checksum of all rows).
@Suite(.serialized) struct BadInputCorpusTests {
    @Test func everyBadInputIsRefusedAndChangesNothing() throws {
        let world = try CorpusWorld.make()
        defer { try? FileManager.default.removeItem(at: world.directory) }
        let cases = Corpus.cases(world)
        #expect(cases.count >= 300, "the corpus has \(cases.count) cases")
        var baseline = try world.checksum()
        var counts: [String: Int] = [:]
        for item in cases {
            counts[item.group, default: 0] += 1
            let arguments = item.arguments.map { $0.hasPrefix("@") ? world.file(String($0.dropFirst()), item.files) : $0 }
            let result = try runOCOP(arguments, environment: world.environment.merging(item.environment) { $1 })
            let label = "[\(item.group)] \(item.name): ocop \(item.arguments.joined(separator: " "))"
            #expect(result.status == item.status, "\(label) → exit \(result.status)\n\(result.err)\(result.out)")
            for fragment in item.fragments {
                #expect(result.err.contains(fragment), "\(label): the message does not say «\(fragment)»:\n\(result.err)")
            }
            #expect(!result.err.contains("SQLSTATE") && !result.err.contains("ERROR:"), "\(label): \(result.err)")
            let now = try world.checksum()
            #expect(now == baseline, "\(label): the database changed")
            baseline = now
        }
        let summary = counts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
        print("Bad-input corpus: \(cases.count) cases (\(summary))")
    }
}

/// One bad input: the arguments (`@name` is a file of `files` written for the case), the exit
/// status it must end with, and fragments the message must contain.
struct CorpusCase {
    var group: String
    var name: String
    var arguments: [String]
    var files: [String: Data] = [:]
    var status: Int32
    var fragments: [String]
    /// Variables that differ from the world's for this case (another day on the clock).
    var environment: [String: String] = [:]
}

/// The demo world, plus one new product whose dossier sits on an open council session.
struct CorpusWorld {
    let target: ConnectionTarget
    let environment: [String: String]
    let directory: URL
    let connection: Connection
    /// The dossier on the open session, its session, and its product.
    var dossier = "", session = "", product = ""
    /// A valid sheet for the dossier's set (Bộ 4), criterion → points.
    var sheet: [(String, Int)] = []
    /// The one issuer key (province 24, in service from 01/12/2026).
    var kid = ""
    /// An upgrade dossier before its council (with one claim on 2.3); listings of the demo: one
    /// open with the OCOP mark of an expired certificate, one ended, one without the mark.
    var upgrade = "", openListing = "", endedListing = "", plainListing = ""

    static let clock = "2026-12-05T09:00:00+07:00"

    static func make() throws -> CorpusWorld {
        let target = try TestDatabase.migratedTarget(prefix: "corpus")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ocop-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var world = CorpusWorld(target: target, environment: cleanEnvironment(["OCOP_DATABASE_URL": target.conninfo, "OCOP_USER": "tk-bui-thi-thu",
                                                                                 "OCOP_CLOCK": clock, "OCOP_HOME": directory.path]),
                                directory: directory, connection: try Connection(target))
        func ok(_ arguments: [String]) throws -> String {
            let result = try runOCOP(arguments, environment: world.environment)
            guard result.status == 0 else { throw CorpusSetupError(arguments: arguments, message: result.err) }
            return result.out
        }
        _ = try ok(["demo"])
        _ = try ok(["producer", "add", "--registration", "2400999001", "--name", "HTX Mật ong kiểm thử", "--kind", "htx", "--commune", "07534"])
        _ = try ok(["product", "add", "--producer", "2400999001", "--name", "Mật ong kiểm thử", "--set", "4"])
        world.product = try world.connection.one("SELECT code FROM product WHERE name = 'Mật ong kiểm thử'").decode(String.self, "code")
        // The round comes from the filing date (today): round 1 of 2027.
        _ = try ok(["dossier", "open", "--product", world.product, "--kind", "lan_dau", "--target-stars", "3"])
        world.dossier = try world.connection.one("SELECT code FROM dossier ORDER BY id DESC LIMIT 1").decode(String.self, "code")
        for _ in 0..<4 { _ = try ok(["dossier", "advance", world.dossier]) }
        _ = try ok(["council", "session", "open", "--council", "BN-HD-2026", "--date", "2026-12-05", "--dossier", world.dossier])
        world.session = try world.connection.one("SELECT code FROM council_session WHERE status = 'open' ORDER BY id DESC LIMIT 1").decode(String.self, "code")
        let set = try RubricCatalog.load(from: packageRoot.appendingPathComponent("scoring")).productSet(4)
        world.sheet = set.scorableCriteria.map { ($0.code, $0.allowedPoints().first ?? 0) }
        // One member has already submitted: a second submission is a duplicate.
        try world.sheetText().write(to: directory.appendingPathComponent("submitted.yaml"), atomically: true, encoding: .utf8)
        _ = try ok(["score", world.dossier, "--member", "uv-vu-thi-lan", "--sheet", directory.appendingPathComponent("submitted.yaml").path, "--submit"])
        _ = try ok(["issuer", "key", "create", "--issuer", "24", "--valid-from", "2026-12-01"])
        world.kid = try world.connection.one("SELECT kid FROM issuer_key").decode(String.self, "kid")
        _ = try ok(["dossier", "open", "--product", "24-07534-001-2026", "--kind", "nang_hang", "--target-stars", "5"])
        world.upgrade = try world.connection.one("SELECT code FROM dossier ORDER BY id DESC LIMIT 1").decode(String.self, "code")
        _ = try ok(["dossier", "claim", world.upgrade, "--criterion", "2.3", "--points", "3", "--change", "Nhãn mới"])
        func listing(_ condition: String) throws -> String {
            String(try world.connection.one("SELECT l.id FROM product_listing l JOIN product p ON p.id = l.product_id WHERE \(condition) ORDER BY l.id LIMIT 1")
                .decode(Int.self, "id"))
        }
        world.openListing = try listing("p.code = '24-07678-001-2020' AND l.ended_on IS NULL")
        world.endedListing = try listing("l.ended_on IS NOT NULL")
        world.plainListing = try listing("NOT l.ocop_mark")
        return world
    }

    /// The sheet as YAML, with `changes` applied (`nil` removes a criterion) and `extra` lines appended.
    func sheetText(_ changes: [String: Int?] = [:], extra: String = "") -> String {
        var lines: [String] = []
        for (code, points) in sheet {
            if let change = changes[code] {
                if let value = change { lines.append("\"\(code)\": \(value)") }
            } else {
                lines.append("\"\(code)\": \(points)")
            }
        }
        return lines.joined(separator: "\n") + "\n" + extra
    }

    /// Writes a case's file and returns its path.
    func file(_ name: String, _ files: [String: Data]) -> String {
        let url = directory.appendingPathComponent(name)
        if let data = files[name] { try? data.write(to: url) }
        return url.path
    }

    /// Every row of every table, hashed.
    func checksum() throws -> String {
        let tables = try connection.query("SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY relname")
            .map { try $0.decode(String.self, "relname") }
        return try tables.map { table in
            let sum = try connection.one("SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS h FROM \"\(table)\" t").decode(String.self, "h")
            return table + ":" + sum
        }.joined(separator: ";")
    }
}

struct CorpusSetupError: Error, CustomStringConvertible {
    let arguments: [String]
    let message: String
    var description: String { "setting up the corpus world: ocop \(arguments.joined(separator: " ")) failed: \(message)" }
}
