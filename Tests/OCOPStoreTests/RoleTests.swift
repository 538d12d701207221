import Foundation
import OCOPDomain
import OCOPModels
import OCOPStore
import OCOPTestSupport
import Postgres
import Testing

/// Who may do what, enforced by PostgreSQL (migration 0010, docs/roles.md): each test logs in
/// as the role and tries to break its rule with SQL and through the repositories.
@Suite struct RoleTests {
    /// A council world plus logins for its people, made by the administrator.
    struct World {
        let council: CouncilWorld
        let admin: Connection
        let prefix: String

        static func make(_ name: String) throws -> World {
            let council = try CouncilWorld.make(name, sets: [1, 4])
            let admin = try Connection(try TestDatabase.administrator(of: council.target))
            // Logins are cluster-wide: named after this database.
            let database = try admin.one("SELECT current_database() AS d").decode(String.self, "d")
            let prefix = "r" + String(database.filter { $0.isNumber }.suffix(12)) + "_"
            return World(council: council, admin: admin, prefix: prefix)
        }

        /// Makes `name` as a login for `person` with `role`; returns a connection as it.
        func login(_ name: String, person: String, role: OfficeRole, communes: [String] = [], producer: String? = nil) throws -> Connection {
            let roles = RoleRepository(admin)
            let login = LoginName(normalizing: prefix + name)!
            _ = try roles.addUser(login, person: PersonCode(normalizing: person)!, name: "Người \(name)", producer: producer, password: nil,
                                  actor: PersonCode(normalizing: "admin")!)
            _ = try roles.grant(role, to: login, communes: communes)
            return try Connection(TestDatabase.login(login.rawValue, on: council.target))
        }
    }

    func denied(_ body: () throws -> Void) -> Bool {
        guard let error = thrown(PostgresError.self, body) else { return false }
        return error.serverError?.sqlState == "42501" || error.serverError?.message.contains("row-level security") == true
    }

    @Test func aMemberScoresOnlyAsThemselvesAndSeesOthersOnlyAfterFinalization() throws {
        let world = try World.make("role_member")
        let session = try world.council.open()
        let m1 = try world.login("m1", person: "m1", role: .council)
        let d = world.council.dossiers[0]
        let set = try world.council.productSet(0)
        let sheet = try #require(set.councilSheet(total: 74, floors: set.markerFloors(upTo: 5)))
        // Through the application's own repository, logged in as the member.
        let scores = ScoreRepository(m1)
        _ = try scores.submit(try scores.context(dossier: d, person: person("m1")), sheet: sheet, source: .file, actor: person("m1"))
        // Someone else's sheet: refused by the database.
        #expect(denied { _ = try scores.submit(try scores.context(dossier: d, person: person("m2")), sheet: sheet, source: .file, actor: person("m1")) })
        try world.council.score(0, "m2", total: 80)
        #expect(try m1.count("score_sheet") == 1, "before finalization a member sees only their own sheet")
        #expect(try m1.count("score_answer") == set.scorableCriteria.count)
        #expect(try world.council.connection.count("score_sheet") == 2)
        // A council whose policy opens the sheets during the session (ocop council create --sheets-visible).
        try world.admin.execute("UPDATE council SET sheets_visible = 'during_session'")
        #expect(try m1.count("score_sheet") == 2)
        try world.admin.execute("UPDATE council SET sheets_visible = 'after_finalization'")
        #expect(try m1.count("score_sheet") == 1)
        for member in ["chair", "vice1", "vice2", "m3", "m4"] { try world.council.score(0, member, total: 74) }
        for member in CouncilWorld.scorers { try world.council.score(1, member, total: 72) }
        _ = try world.council.finalize(session)
        #expect(try m1.count("score_sheet") == 14, "after finalization the council's sheets are open to its members")
        // A member does not override a flag; the chair does, in their own name.
        let chairID = try world.admin.one("SELECT id FROM person WHERE code = 'chair'").decode(Int.self, "id")
        let sessionID = try world.admin.one("SELECT id FROM council_session").decode(Int.self, "id")
        let dossierID = try world.admin.one("SELECT id FROM dossier ORDER BY id LIMIT 1").decode(Int.self, "id")
        let insert = "INSERT INTO council_override (session_id, dossier_id, flag, chair_id, reason, recorded_by) VALUES ($1, $2, 'spread', $3, 'Đã thảo luận', 'x')"
        #expect(denied { _ = try m1.query(insert, sessionID, dossierID, chairID) })
        let chair = try world.login("chair", person: "chair", role: .council)
        _ = try chair.query(insert, sessionID, dossierID, chairID)
        // The session's day is the provincial office's to move (it opened the session).
        #expect(denied { _ = try chair.query("UPDATE council_session SET held_on = held_on + 1 WHERE id = $1", sessionID) })
    }

    @Test func aCommuneOfficerMovesOnlyTheirCommunesDossiersThroughTheCommuneSteps() throws {
        let world = try World.make("role_commune")
        let bench = world.council.bench()
        defer { bench.close() }
        // One dossier in Sa Lý (07534), one in Tân Yên (07339), both just filed.
        let salý = try bench.addProduct(ProductDraft(name: "Miến dong", producerRef: "0101234567", productSet: 3, year: 2026))
        let tânyên = try bench.addProduct(ProductDraft(name: "Tương", producerRef: "0101234567", productSet: 9, communeCode: "07339", year: 2026))
        let here = try bench.openDossier(DossierOpening(productRef: salý.code, kind: .firstEvaluation)).code
        let there = try bench.openDossier(DossierOpening(productRef: tânyên.code, kind: .firstEvaluation)).code
        let officer = try world.login("xa", person: "cb-xa", role: .commune, communes: ["07534"])
        // The council world's dossiers are in Sa Lý too; Tân Yên's is not theirs to see.
        let seen = try officer.query("SELECT code FROM dossier ORDER BY code").map { try $0.decode(String.self, "code") }
        #expect(seen.contains(here.rawValue) && !seen.contains(there.rawValue), "only the dossiers of their commune")
        #expect(try world.admin.count("dossier") == seen.count + 1)
        let dossiers = DossierRepository(officer)
        #expect(try dossiers.apply(.advance(to: nil), to: here, actor: person("cb-xa")).status == .communeReview)
        #expect(try dossiers.apply(.advance(to: nil), to: here, actor: person("cb-xa")).status == .provincialReview)
        // Past the commune's steps, and another commune's dossier: not theirs to move.
        #expect(thrown(StoreError.self) { _ = try dossiers.apply(.advance(to: nil), to: here, actor: person("cb-xa")) } != nil)
        #expect(thrown(StoreError.self) { _ = try dossiers.apply(.advance(to: nil), to: there, actor: person("cb-xa")) } != nil)
        #expect(try DossierRepository(world.admin).dossier(here).status == .provincialReview)
        #expect(try DossierRepository(world.admin).dossier(there).status == .submitted)
        // Their acts are recorded in their own name only.
        let dossierID = try world.admin.one("SELECT id FROM dossier WHERE code = $1", here.rawValue).decode(Int.self, "id")
        #expect(denied { _ = try officer.query("INSERT INTO dossier_event (dossier_id, actor, action, to_status) VALUES ($1, 'someone-else', 'advance', 'submitted')", dossierID) })
    }

    @Test func theProvinceRecognisesThreeAndFourStarsAndOnlyTheMinistryFive() throws {
        let world = try World.make("role_authority")
        let province = try world.login("so", person: "so-nnmt", role: .secretariat)
        let ministry = try world.login("bo", person: "bo-nnmt", role: .ministry)
        let provinceID = try world.admin.one("SELECT id FROM province WHERE code = '24' ORDER BY valid_from DESC NULLS LAST LIMIT 1").decode(Int.self, "id")
        func decision(_ issuer: String, number: Int) -> String {
            let province = issuer == "BNNMT" ? "NULL" : String(provinceID)
            return """
                INSERT INTO decision (kind, issuer_code, province_id, number, symbol, year, decided_on, round_year, round_number, place,
                                      signer_title, signer_name, created_by)
                VALUES ('recognition', '\(issuer)', \(province), \(number), 'QĐ-X', 2026, '2026-11-20', 2026, 2, 'Bắc Ninh', 'Chủ tịch', 'A', 'x')
                """
        }
        #expect(denied { try province.execute(decision("BNNMT", number: 1)) }, "a province never decides 5★")
        #expect(denied { try ministry.execute(decision("24", number: 2)) }, "the Ministry does not issue the province's decisions")
        try province.execute(decision("24", number: 3))
        try ministry.execute(decision("BNNMT", number: 4))
    }

    @Test func aProducerReadsOnlyTheirOwnAndNeverAScore() throws {
        let world = try World.make("role_producer")
        let session = try world.council.open()
        for index in 0..<2 { for member in CouncilWorld.scorers { try world.council.score(index, member, total: 72) } }
        _ = try world.council.finalize(session)
        // Another producer with a dossier of their own.
        let bench = world.council.bench()
        defer { bench.close() }
        _ = try bench.addProducer(Fixture.producer("0202000000", name: "HTX Khác", commune: "07339"))
        let other = try bench.addProduct(ProductDraft(name: "Gạo", producerRef: "0202000000", productSet: 3, year: 2026))
        _ = try bench.openDossier(DossierOpening(productRef: other.code, kind: .firstEvaluation))

        let producer = try world.login("htx", person: "chu-the", role: .producer, producer: "0101234567")
        #expect(try producer.count("dossier") == 2, "their two dossiers, not the other producer's")
        #expect(try producer.count("producer") == 1)
        #expect(denied { _ = try producer.query("SELECT * FROM score_sheet") }, "never a member's sheet")
        #expect(denied { _ = try producer.query("SELECT detail FROM council_result") }, "never the members' totals")
        #expect(try producer.query("SELECT stars FROM council_result").count == 2, "their results' stars")
        // What they see of a dossier, through the application's read.
        let status = try DossierRepository(producer).statusView(world.council.dossiers[0])
        #expect(status.status == .awaitingDecision)

        // Where their products are sold, not where others' are (migration 0011).
        try world.admin.execute("INSERT INTO outlet (code, kind, name, created_by) VALUES ('AEON-LB', 'supermarket', 'AEON Long Biên', 'x')")
        try world.admin.execute("""
            INSERT INTO product_listing (product_id, outlet_id, listed_on, ocop_mark, created_by)
            SELECT p.id, (SELECT id FROM outlet), DATE '2026-06-01', false, 'x' FROM product p
            WHERE p.id IN ((SELECT min(id) FROM product), (SELECT id FROM product WHERE code = '\(other.code)'))
            """)
        #expect(try world.admin.count("product_listing") == 2)
        #expect(try producer.count("product_listing") == 1)
        #expect(denied { try producer.execute("UPDATE product_listing SET ended_on = DATE '2026-07-01'") })

        let publicLogin = try world.login("pub", person: "cong-chung", role: .public)
        _ = try publicLogin.query("SELECT kid, public_key FROM issuer_key")
        #expect(denied { _ = try publicLogin.query("SELECT * FROM product_listing") })
        #expect(denied { _ = try publicLogin.query("SELECT * FROM producer") })
        #expect(denied { _ = try publicLogin.query("SELECT * FROM dossier") })
        _ = try publicLogin.query("SELECT * FROM certificate_status")
    }

    @Test func theApplicationsLoginCannotTurnTheProtectionsOff() throws {
        let world = try World.make("role_hardening")
        let office = world.council.connection  // the tests' application login: the province and the Ministry
        #expect(denied { try office.execute("SET session_replication_role = replica") })
        #expect(thrown(PostgresError.self) { try office.execute("ALTER TABLE dossier_event DISABLE TRIGGER ALL") } != nil)
        #expect(denied { try office.execute("TRUNCATE dossier_event") })
        #expect(denied { try office.execute("DELETE FROM dossier_event") })
        #expect(denied { try office.execute("UPDATE audit_chain SET head = ''") })
        #expect(denied { try office.execute("INSERT INTO app_user (login, person_id, created_by) VALUES ('x', 1, 'x')") })
        let superuser = try office.one("SELECT rolsuper FROM pg_roles WHERE rolname = session_user").decode(Bool.self, "rolsuper")
        #expect(!superuser)
    }
}
