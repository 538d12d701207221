import Foundation
import OCOPDomain
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
    let dossiers: [String]
    let sets: [Int]
    static let scorers = ["chair", "vice1", "vice2", "m1", "m2", "m3", "m4"]

    static func make(_ prefix: String, sets: [Int], policy: CouncilPolicy = .default) throws -> CouncilWorld {
        let target = try TestDatabase.migratedTarget(prefix: prefix)
        let connection = try Connection(target)
        let units = RegistryStore(connection)
        for province in Fixture.provinces { try units.upsert(province) }
        try units.linkSuccessor(code: "24", validFrom: nil, successorCode: "24")
        try units.linkSuccessor(code: "27", validFrom: nil, successorCode: "24")
        for commune in Fixture.communes { try units.upsert(commune) }
        let catalog = try bundledCatalog.get()
        try RubricStore(connection).sync(catalog)
        let registry = RegistryStore(connection)
        let producer = try registry.addProducer(Fixture.producer(), actor: "test")
        let store = DossierStore(connection)
        var codes: [String] = []
        for (i, set) in sets.enumerated() {
            let product = try registry.addProduct(ProductDraft(name: "Sản phẩm \(i + 1)", producerRef: producer.registrationNo,
                                                               productSet: set, year: 2026), actor: "test")
            let dossier = try store.open(.init(productRef: product.code, kind: .firstEvaluation, year: 2026, round: 2), actor: "test")
            for _ in 0..<4 { try store.apply(.advance(to: nil), to: dossier.code, actor: "test") }
            codes.append(dossier.code)
        }
        let councils = CouncilStore(connection)
        _ = try councils.createCouncil(code: "BN-2026", name: "Hội đồng OCOP tỉnh Bắc Ninh", level: .provincial, provinceCode: "24",
                                       decisionRef: "123/QĐ-UBND", policy: policy, actor: "test")
        let roles: [(String, String, CouncilRole)] = [
            ("chair", "Nguyễn Văn Chủ", .chair), ("vice1", "Trần Thị Phó", .viceChair), ("vice2", "Lê Văn Phó", .viceChair),
            ("m1", "Phạm Thị Một", .member), ("m2", "Hoàng Văn Hai", .member), ("m3", "Vũ Thị Ba", .member),
            ("m4", "Đặng Văn Bốn", .member), ("sec", "Bùi Thị Thư", .secretary), ("adv", "Ngô Văn Tư Vấn", .advisor),
        ]
        for (code, name, role) in roles {
            _ = try councils.addMember(council: "BN-2026", person: code, name: name, organisation: "Sở NN&MT", role: role, actor: "test")
        }
        return CouncilWorld(connection: connection, target: target, dossiers: codes, sets: sets)
    }

    func productSet(_ index: Int) throws -> ProductSet { try bundledCatalog.get().productSet(sets[index]) }

    func open(absent: [String] = []) throws -> String {
        try CouncilStore(connection).openSession(council: "BN-2026", heldOn: PostgresDate(year: 2026, month: 11, day: 10),
                                                 place: "UBND tỉnh", dossiers: dossiers, absent: absent, actor: "sec").code
    }

    /// Member `person` scores dossier `index` with exactly `total` points, every ★ minimum up to `stars` met.
    @discardableResult
    func score(_ index: Int, _ person: String, total: Int, stars: Int = 5, reason: String? = nil, source: SheetSource = .file) throws -> StoredSheet {
        let set = try productSet(index)
        let sheet = try #require(set.councilSheet(total: total, floors: set.markerFloors(upTo: stars)), "no sheet of \(total) for set \(set.number)")
        return try ScoreStore(connection).submit(dossier: dossiers[index], person: person, sheet: sheet, source: source, reason: reason, actor: person)
    }
}

extension ProductSet {
    func markerFloors(upTo stars: Int) -> [String: Int] { starMinimumFloors(upTo: stars) }

    /// A sheet with exactly `total` points whose answers stay at or above `floors` (nil if impossible).
    func councilSheet(total: Int, floors: [String: Int]) -> ScoreSheet? { sheet(totalling: total, floors: floors) }
}
