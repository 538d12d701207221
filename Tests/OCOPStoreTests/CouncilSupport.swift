import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels
import OCOPRubrics
import OCOPStore
import OCOPTestSupport
import Postgres
import Testing

/// A council world: N dossiers ready for the council, a provincial council of 7 scoring members
/// (chair, 2 vice-chairs, 4 members), a secretary and an advisor.
struct CouncilWorld {
    let connection: Connection
    let target: ConnectionTarget
    let dossiers: [DossierCode]
    let sets: [Int]
    static let scorers = ["chair", "vice1", "vice2", "m1", "m2", "m3", "m4"]
    static let council = CouncilCode(normalizing: "BN-2026")!

    static func make(_ prefix: String, sets: [Int], policy: CouncilPolicy = .default) throws -> CouncilWorld {
        let target = try TestDatabase.migratedTarget(prefix: prefix)
        let connection = try Connection(target)
        let units = UnitRepository(connection)
        for province in Fixture.provinces { try units.add(province) }
        try units.linkSuccessor(code: "24", validFrom: nil, successorCode: "24")
        try units.linkSuccessor(code: "27", validFrom: nil, successorCode: "24")
        for commune in Fixture.communes { try units.add(commune) }
        let bench = TestDatabase.workbench(on: target)
        defer { bench.close() }
        let producer = try bench.addProducer(Fixture.producer())
        var codes: [DossierCode] = []
        for (i, set) in sets.enumerated() {
            let product = try bench.addProduct(ProductDraft(name: "Sản phẩm \(i + 1)", producerRef: producer.registrationNo, productSet: set, year: 2026))
            let dossier = try bench.openDossier(DossierOpening(productRef: product.code, kind: .firstEvaluation, year: 2026, round: 2,
                                                                  filedOn: CalendarDate(year: 2026, month: 6, day: 1)!))
            for _ in 0..<4 { try bench.advanceDossier(dossier.code) }
            codes.append(dossier.code)
        }
        _ = try bench.createCouncil(code: council, name: "Hội đồng OCOP tỉnh Bắc Ninh", level: .provincial, provinceCode: "24",
                                    decisionRef: "123/QĐ-UBND", policy: policy)
        let roles: [(String, String, CouncilRole)] = [
            ("chair", "Nguyễn Văn Chủ", .chair), ("vice1", "Trần Thị Phó", .viceChair), ("vice2", "Lê Văn Phó", .viceChair),
            ("m1", "Phạm Thị Một", .member), ("m2", "Hoàng Văn Hai", .member), ("m3", "Vũ Thị Ba", .member),
            ("m4", "Đặng Văn Bốn", .member), ("sec", "Bùi Thị Thư", .secretary), ("adv", "Ngô Văn Tư Vấn", .advisor),
        ]
        for (code, name, role) in roles {
            _ = try bench.addCouncilMember(council: council, person: person(code), name: name, organisation: "Sở NN&MT", role: role)
        }
        return CouncilWorld(connection: connection, target: target, dossiers: codes, sets: sets)
    }

    /// A workbench on the world's database acting as `person`.
    func bench(_ person: String = "sec") -> Workbench { TestDatabase.workbench(on: target, actingAs: person) }

    var sessions: SessionRepository { SessionRepository(connection) }

    func productSet(_ index: Int) throws -> ProductSet { try bundledCatalog.get().productSet(sets[index]) }

    func open(absent: [String] = [], heldOn: CalendarDate = CalendarDate(year: 2026, month: 11, day: 10)!) throws -> SessionCode {
        try sessions.open(council: Self.council, heldOn: heldOn, place: "UBND tỉnh",
                          dossiers: dossiers, absent: absent.map(person), actor: person("sec")).code
    }

    /// Member `member` scores dossier `index` with exactly `total` points, every ★ minimum up to `stars` met.
    @discardableResult
    func score(_ index: Int, _ member: String, total: Int, stars: Int = 5, reason: String? = nil, source: SheetSource = .file) throws -> StoredSheet {
        let set = try productSet(index)
        let sheet = try #require(set.councilSheet(total: total, floors: set.markerFloors(upTo: stars)), "no sheet of \(total) for set \(set.number)")
        return try submit(index, member, sheet: sheet, reason: reason, source: source)
    }

    /// Submits `sheet` as `member` for dossier `index` through the repository.
    @discardableResult
    func submit(_ index: Int, _ member: String, sheet: ScoreSheet, reason: String? = nil, source: SheetSource = .file,
                enteredBy: String? = nil, paperRef: String? = nil, actor: String? = nil) throws -> StoredSheet {
        let scores = ScoreRepository(connection)
        let context = try scores.context(dossier: dossiers[index], person: person(member))
        return try scores.submit(context, sheet: sheet, source: source, enteredBy: enteredBy.map(person), paperRef: paperRef, reason: reason,
                                 actor: person(actor ?? member))
    }

    func snapshot(_ session: SessionCode) throws -> SessionSnapshot { try sessions.snapshot(session) }
    func report(_ session: SessionCode) throws -> SessionReport { try sessions.report(session) }
    func finalize(_ session: SessionCode, only: [DossierCode] = [], actor: String = "sec") throws -> FinalizationReport {
        try sessions.finalize(session, only: only, actor: person(actor))
    }
}

func person(_ code: String) -> PersonCode { PersonCode(normalizing: code)! }
func dossierCode(_ code: String) -> DossierCode { DossierCode(normalizing: code)! }

extension ProductSet {
    func markerFloors(upTo stars: Int) -> [String: Int] { starMinimumFloors(upTo: stars) }

    /// A sheet with exactly `total` points whose answers stay at or above `floors` (nil if impossible).
    func councilSheet(total: Int, floors: [String: Int]) -> ScoreSheet? { sheet(totalling: total, floors: floors) }
}
