import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels
import OCOPRubrics
import OCOPStore
import OCOPTestSupport
import Postgres
import Testing

/// A world for the star lifecycle on a chosen "today": the units of `Fixture`, one producer,
/// a provincial council of province 24 and a central council, and helpers to record history,
/// file dossiers, run council sessions on any date and read certificates.
struct Lifecycle {
    let target: ConnectionTarget
    let connection: Connection
    let today: CalendarDate
    static let council = CouncilCode(normalizing: "BN-2026")!
    static let central = CouncilCode(normalizing: "TW-2026")!
    static let scorers = ["chair", "vice1", "vice2", "m1", "m2", "m3", "m4"]
    static let centralScorers = ["tw-chair", "tw-vice", "tw-m1", "tw-m2", "tw-m3"]

    static func date(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    static func clock(_ day: CalendarDate) -> WorkbenchClock {
        .fixed(Date(timeIntervalSince1970: Double(day.dayNumber * 86400 + 2 * 3600)))
    }

    static func make(_ prefix: String, today: String) throws -> Lifecycle {
        let target = try TestDatabase.migratedTarget(prefix: prefix)
        let connection = try Connection(target)
        let units = UnitRepository(connection)
        for province in Fixture.provinces { try units.add(province) }
        try units.linkSuccessor(code: "24", validFrom: nil, successorCode: "24")
        try units.linkSuccessor(code: "27", validFrom: nil, successorCode: "24")
        for commune in Fixture.communes { try units.add(commune) }
        try RubricRepository(connection).sync(try bundledCatalog.get().snapshots)
        let world = Lifecycle(target: target, connection: connection, today: date(today))
        let bench = world.bench()
        defer { bench.close() }
        _ = try bench.addProducer(Fixture.producer("0101000000"))
        _ = try bench.createCouncil(code: council, name: "Hội đồng OCOP tỉnh Bắc Ninh", level: .provincial, provinceCode: "24",
                                    decisionRef: "123/QĐ-UBND", policy: .default)
        let roles: [(String, CouncilRole)] = [("chair", .chair), ("vice1", .viceChair), ("vice2", .viceChair), ("m1", .member), ("m2", .member),
                                              ("m3", .member), ("m4", .member), ("sec", .secretary)]
        for (code, role) in roles {
            _ = try bench.addCouncilMember(council: council, person: person(code), name: "Thành viên \(code)", organisation: nil, role: role)
        }
        _ = try bench.createCouncil(code: central, name: "Hội đồng OCOP cấp trung ương", level: .central, provinceCode: nil,
                                    decisionRef: "10/QĐ-BNNMT", policy: .default)
        let centralRoles: [(String, CouncilRole)] = [("tw-chair", .chair), ("tw-vice", .viceChair), ("tw-m1", .member), ("tw-m2", .member), ("tw-m3", .member)]
        for (code, role) in centralRoles {
            _ = try bench.addCouncilMember(council: central, person: person(code), name: "Thành viên \(code)", organisation: nil, role: role)
        }
        return world
    }

    /// A workbench on this world's database on its "today", acting as `person`.
    func bench(_ person: String = "sec", today: CalendarDate? = nil) -> Workbench {
        TestDatabase.workbench(on: target, actingAs: person, clock: Self.clock(today ?? self.today))
    }

    /// Runs `body` with a workbench (closed afterwards).
    func with<T>(_ person: String = "sec", today: CalendarDate? = nil, _ body: (Workbench) throws -> T) throws -> T {
        let bench = self.bench(person, today: today)
        defer { bench.close() }
        return try body(bench)
    }

    func product(_ name: String, set: Int = 1, year: Int = 2020) throws -> Product {
        try with { try $0.addProduct(ProductDraft(name: name, producerRef: "0101000000", productSet: set, year: year)) }
    }

    /// A historical recognition through the import rules.
    func history(_ product: Product, stars: Int, decided: String, issuer: HistoricalIssuer = .province, rubric: String = "qd148-2023",
                 province: String = "24", validUntil: String? = nil) throws {
        try RecognitionRepository(connection).record(productID: product.id, RecognitionRecord(
            stars: stars, year: Self.date(decided).year, decisionNo: "\(100 + stars)/QĐ-UBND", decisionDate: decided, validUntil: validUntil,
            rubricVersion: rubric, provinceCode: province, issuer: issuer), illustrative: true, actor: person("t"))
    }

    /// Opens a dossier filed on `filedOn` and walks it to `ready_for_council`.
    @discardableResult
    func dossier(_ product: Product, kind: DossierKind = .firstEvaluation, filedOn: String, target: Int? = nil, toCouncil: Bool = true) throws -> DossierCode {
        try with { bench in
            let dossier = try bench.openDossier(DossierOpening(productRef: product.code, kind: kind, targetStars: target, filedOn: Self.date(filedOn)))
            if toCouncil { for _ in 0..<4 { try bench.advanceDossier(dossier.code) } }
            return dossier.code
        }
    }

    /// A session of `council` held on `heldOn`: each scorer submits `total` (±0…1), every ★
    /// minimum up to `stars` met; then finalization.
    @discardableResult
    func evaluate(_ dossiers: [DossierCode], on heldOn: String, totals: [Int], stars: [Int], central: Bool = false, mode: SessionMode? = nil) throws -> SessionCode {
        let council = central ? Self.central : Self.council
        let scorers = central ? Self.centralScorers : Self.scorers
        let session = try with { try $0.openSession(council: council, heldOn: Self.date(heldOn), place: nil, dossiers: dossiers, absent: [], mode: mode).code }
        try score(session, dossiers, totals: totals, stars: stars, scorers: scorers)
        _ = try with { try $0.finalizeSession(session) }
        return session
    }

    func score(_ session: SessionCode, _ dossiers: [DossierCode], totals: [Int], stars: [Int], scorers: [String], spread: Int = 0) throws {
        // The members score on the session's day (a meeting takes no sheet before it).
        try connection.query("""
            SELECT set_config('ocop.clock', (SELECT held_on FROM council_session WHERE code = $1)::text || ' 10:00+07', false)
            """, session.rawValue)
        defer { _ = try? connection.query("SELECT set_config('ocop.clock', '', false)") }
        let scores = ScoreRepository(connection)
        for (i, code) in dossiers.enumerated() {
            for (k, member) in scorers.enumerated() {
                let context = try scores.context(session: session, dossier: code, person: person(member))
                let total = totals[i] + (k == 0 ? spread : k % 2)
                let sheet = try #require(context.productSet.councilSheet(total: total, floors: context.productSet.markerFloors(upTo: stars[i])))
                _ = try scores.submit(context, sheet: sheet, source: .file, actor: person(member))
            }
        }
    }

    func certificates(_ product: Product, on day: String) throws -> [CertificateView] {
        try CertificateRepository(connection).certificates(productID: product.id, asOf: Self.date(day))
    }

    func status(_ dossier: DossierCode, today: String? = nil) throws -> DossierStatusView {
        try with(today: today.map(Self.date)) { try $0.dossierStatus(dossier) }
    }

    func signer() -> DecisionSigner { DecisionSigner(prefix: "KT. CHỦ TỊCH", title: "PHÓ CHỦ TỊCH", name: "Nguyễn Văn Ký") }

    func issue(_ authority: IssuingAuthority = .province(code: "24"), number: String, on date: String, dossiers: [DossierCode] = [],
               today: String? = nil) throws -> DecisionView {
        try with(today: today.map(Self.date)) { bench in
            try bench.issueDecision(DecisionRequest(authority: authority, number: try DecisionNumber(parsing: number), decidedOn: Self.date(date),
                                                    signer: signer(), dossiers: dossiers))
        }
    }
}
