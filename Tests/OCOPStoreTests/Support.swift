import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels
import OCOPRubrics
import OCOPStore
import OCOPTestSupport
import Postgres
import Testing

/// The package root (tests never depend on the working directory).
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let migrationsDirectory = packageRoot.appendingPathComponent("db/migrations", isDirectory: true)
let seedDirectory = packageRoot.appendingPathComponent("db/seed", isDirectory: true)
let scoringDirectory = packageRoot.appendingPathComponent("scoring", isDirectory: true)

/// Loaded once: parsing 26 YAML sets is not free.
let bundledCatalog: Result<RubricCatalog, any Error> = Result { try RubricCatalog.load(from: scoringDirectory) }

extension Connection {
    func tableExists(_ table: String) throws -> Bool {
        try one("SELECT to_regclass($1) IS NOT NULL AS e", table).decode(Bool.self, "e")
    }
}

/// The error `body` threw, or a recorded issue.
func thrown<E: Error>(_ type: E.Type, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) -> E? {
    do {
        try body()
        Issue.record("expected \(E.self), nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as E {
        return error
    } catch {
        Issue.record("expected \(E.self), got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

/// A small administrative world like the seed's: code 24 names old Bắc Giang until 30/6/2025
/// and the new Bắc Ninh after; commune code 07246 was old xã Canh Nậu and is new xã Xuân Lương.
enum Fixture {
    static let provinces = [
        Province(code: "24", name: "Bắc Giang", validTo: "2025-06-30"),
        Province(code: "27", name: "Bắc Ninh", validTo: "2025-06-30"),
        Province(code: "24", name: "Bắc Ninh", validFrom: "2025-07-01"),
    ]
    static let communes = [
        Commune(code: "07249", name: "Xuân Lương", provinceCode: "24", validTo: "2025-06-30", formerDistrict: "Huyện Yên Thế"),
        Commune(code: "07246", name: "Canh Nậu", provinceCode: "24", validTo: "2025-06-30", formerDistrict: "Huyện Yên Thế"),
        Commune(code: "07246", name: "Xuân Lương", provinceCode: "24", validFrom: "2025-07-01"),
        Commune(code: "07534", name: "Sa Lý", provinceCode: "24", validFrom: "2025-07-01"),
        Commune(code: "07339", name: "Tân Yên", provinceCode: "24", validFrom: "2025-07-01"),
    ]

    /// The tests' today (the fixed test clock's date).
    static let today = CalendarDate(iso: "2026-11-20")!

    /// A fresh migrated database holding the units above.
    static func registry(_ prefix: String) throws -> Connection {
        try registryTarget(prefix).connection
    }

    /// The same, with the database's target for more connections.
    static func registryTarget(_ prefix: String) throws -> (target: ConnectionTarget, connection: Connection) {
        let target = try TestDatabase.migratedTarget(prefix: prefix)
        let connection = try Connection(target)
        let store = UnitRepository(connection)
        for province in provinces { try store.add(province) }
        try store.linkSuccessor(code: "24", validFrom: nil, successorCode: "24")
        try store.linkSuccessor(code: "27", validFrom: nil, successorCode: "24")
        for commune in communes { try store.add(commune) }
        return (target, connection)
    }

    static func producer(_ number: String = "0101234567", name: String = "HTX Thân Trường", kind: ProducerKind = .cooperative, commune: String = "07534") -> ProducerDraft {
        ProducerDraft(registrationNo: number, name: name, kind: kind, communeCode: commune, representative: Representative(name: "Triệu Thị Lan", female: true))
    }
}

/// The registry repositories side by side, for tests that work across them.
struct Registry {
    let connection: Connection
    init(_ connection: Connection) { self.connection = connection }

    var units: UnitRepository { UnitRepository(connection) }
    func add(_ province: Province) throws { try units.add(province) }
    func add(_ commune: Commune) throws { try units.add(commune) }
    func provinceID(_ code: String, at date: String? = nil) throws -> Int { try units.provinceID(code, at: date) }
    func communeID(_ code: String, at date: String? = nil) throws -> Int { try units.communeID(code, at: date) }
    func linkSuccessor(code: String, validFrom: String?, successorCode: String) throws { try units.linkSuccessor(code: code, validFrom: validFrom, successorCode: successorCode) }
    func communes(province: String? = nil) throws -> [Commune] { try units.communes(province: province) }

    @discardableResult
    func addProducer(_ draft: ProducerDraft, actor: String) throws -> Producer { try ProducerRepository(connection).add(draft, actor: person(actor)) }
    func editProducer(_ reference: String, _ changes: ProducerChanges, actor: String) throws -> Producer {
        try ProducerRepository(connection).edit(reference, changes, actor: person(actor))
    }
    func producer(_ reference: String) throws -> Producer { try ProducerRepository(connection).producer(reference) }
    func producers(search: String? = nil) throws -> [Producer] { try ProducerRepository(connection).producers(search: search) }

    @discardableResult
    func addProduct(_ draft: ProductDraft, actor: String) throws -> Product { try ProductRepository(connection).add(draft, today: Fixture.today, actor: person(actor)) }
    func product(_ reference: String) throws -> Product { try ProductRepository(connection).product(reference) }
    func product(id: Int) throws -> Product { try ProductRepository(connection).product(id: id) }
    func products(producer: String? = nil, productSet: Int? = nil) throws -> [Product] {
        try ProductRepository(connection).products(producerID: try producer.map { try self.producer($0).id }, productSet: productSet)
    }

    func recordRecognition(productID: Int, _ recognition: RecognitionRecord, illustrative: Bool, actor: String) throws {
        try RecognitionRepository(connection).record(productID: productID, recognition, illustrative: illustrative, actor: person(actor))
    }
    func recognitions(productID: Int) throws -> [RecognitionRecord] { try RecognitionRepository(connection).recognitions(productID: productID) }
}

/// A minimal RFC 4180 reader for the seed files (the application's reader is not public).
enum SeedCSV {
    static func records(_ name: String) throws -> [ImportRecord] {
        let text = try String(contentsOf: seedDirectory.appendingPathComponent(name), encoding: .utf8)
        var rows: [(line: Int, fields: [String])] = []
        var field = "", fields: [String] = [], quoted = false, line = 1, rowLine = 1
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" { field.unicodeScalars.append(n) } else { quoted = false; pending = n }
                    } else { quoted = false }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"": quoted = true
            case ",": fields.append(field); field = ""
            case "\r": continue
            case "\n":
                fields.append(field); field = ""
                rows.append((rowLine, fields)); fields = []
                line += 1; rowLine = line
            default: field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !fields.isEmpty { fields.append(field); rows.append((rowLine, fields)) }
        guard let header = rows.first?.fields else { return [] }
        return rows.dropFirst().filter { $0.fields != [""] }.map { row in
            ImportRecord(line: row.line, fields: Dictionary(uniqueKeysWithValues: zip(header, row.fields)))
        }
    }

    static func header(_ name: String) throws -> [String] {
        let text = try String(contentsOf: seedDirectory.appendingPathComponent(name), encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).first.map { $0.split(separator: ",").map(String.init) } ?? []
    }
}
