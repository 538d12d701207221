import Foundation
import OCOPDomain
import OCOPModels
import Postgres

/// People, councils, their Quy chế and members.
public struct CouncilRepository {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    // MARK: People

    /// Adds a person, or returns the existing one (the name is then ignored).
    @discardableResult
    public func ensurePerson(_ code: PersonCode, name: String?, organisation: String?, actor: PersonCode) throws -> Int {
        if let row = try connection.optional("SELECT id FROM person WHERE code = $1", code.rawValue) { return try row["id"] }
        guard let name, !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw StoreError.notFound(.person, code.rawValue)
        }
        let checkedName = try Validate.text(name, field: "name", limit: FieldLimit.name)
        let organisation = try Validate.optionalText(organisation, field: "organisation", limit: FieldLimit.name)
        return try connection.one("""
            INSERT INTO person (code, full_name, organisation, created_by) VALUES ($1, $2, $3, $4)
            ON CONFLICT (code) DO UPDATE SET code = EXCLUDED.code RETURNING id
            """, code.rawValue, checkedName, organisation, actor.rawValue).decode(Int.self, "id")
    }

    public func personID(_ code: PersonCode) throws -> Int {
        guard let row = try connection.optional("SELECT id FROM person WHERE code = $1", code.rawValue) else {
            throw StoreError.notFound(.person, code.rawValue)
        }
        return try row["id"]
    }

    /// Whether a person with this code exists.
    public func personExists(_ code: PersonCode) throws -> Bool {
        try connection.optional("SELECT 1 AS x FROM person WHERE code = $1", code.rawValue) != nil
    }

    // MARK: Councils

    public func create(code: CouncilCode, name: String, level: CouncilLevel, provinceCode: String?, decisionRef: String?,
                       policy: CouncilPolicy, actor: PersonCode) throws -> Council {
        let problems = policy.problems
        guard problems.isEmpty else { throw StoreError.invalidPolicy(problems) }
        let name = try Validate.text(name, field: "name", limit: FieldLimit.name)
        let decisionRef = try Validate.optionalText(decisionRef, field: "decision_ref", limit: FieldLimit.reference)
        let provinceCode = try provinceCode.map { raw throws(DomainError) in try ProvinceCode(parsing: raw).rawValue }
        do {
            _ = try connection.transaction { connection in
                try connection.query("""
                    INSERT INTO council (code, name, level, province_code, decision_ref, quorum_numerator, quorum_denominator,
                                         quorum_requires_chair, max_spread, secretary_scores, minimum_split, sheets_visible, created_by)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                    """, [code.rawValue, name, level.rawValue, provinceCode, decisionRef, policy.quorumNumerator, policy.quorumDenominator,
                          policy.quorumRequiresChair, policy.maxSpread, policy.secretaryScores, policy.minimumSplit.rawValue,
                          policy.sheetsVisible.rawValue, actor.rawValue])
            }
        } catch let error as PostgresError where error.serverError?.isUniqueViolation == true {
            throw StoreError.duplicateCouncil(code.rawValue)
        }
        return try council(code)
    }

    public func councils() throws -> [Council] {
        let rows = try connection.query("SELECT * FROM council ORDER BY code")
        let members = try allMembers()
        return try rows.map { try Self.decodeCouncil($0, members: members[try $0.decode(Int.self, "id")] ?? []) }
    }

    public func council(_ code: CouncilCode) throws -> Council {
        guard let row = try connection.optional("SELECT * FROM council WHERE code = $1", code.rawValue) else {
            throw StoreError.notFound(.council, code.rawValue)
        }
        let id: Int = try row["id"]
        return try Self.decodeCouncil(row, members: try allMembers(councilID: id)[id] ?? [])
    }

    public func council(id: Int) throws -> Council {
        guard let row = try connection.optional("SELECT * FROM council WHERE id = $1", id) else { throw StoreError.notFound(.council, String(id)) }
        return try Self.decodeCouncil(row, members: try allMembers(councilID: id)[id] ?? [])
    }

    /// Members by council id, in role then name order.
    private func allMembers(councilID: Int? = nil) throws -> [Int: [Council.Member]] {
        var members: [Int: [Council.Member]] = [:]
        for r in try connection.query("""
            SELECT m.council_id, p.code, p.full_name, p.organisation, m.role FROM council_member m JOIN person p ON p.id = m.person_id
            WHERE $1::int IS NULL OR m.council_id = $1
            """, councilID) {
            let member = Council.Member(
                person: try SessionSnapshotReader.person(try r["code"]), name: try r["full_name"], organisation: try r["organisation"],
                role: try StoreError.decode(CouncilRole.self, try r["role"], table: "council_member", column: "role"))
            members[try r.decode(Int.self, "council_id"), default: []].append(member)
        }
        return members.mapValues { $0.sorted { ($0.role, $0.name) < ($1.role, $1.name) } }
    }

    static func decodeCouncil(_ row: Row, members: [Council.Member]) throws -> Council {
        let raw: String = try row["code"]
        guard let code = CouncilCode(normalizing: raw) else { throw StoreError.corruptStoredValue(table: "council", column: "code", value: raw) }
        return Council(
            id: try row["id"], code: code, name: try row["name"],
            level: try StoreError.decode(CouncilLevel.self, try row["level"], table: "council", column: "level"),
            provinceCode: try row["province_code"], decisionRef: try row["decision_ref"],
            policy: CouncilPolicy(
                quorumNumerator: try row["quorum_numerator"], quorumDenominator: try row["quorum_denominator"],
                quorumRequiresChair: try row["quorum_requires_chair"], maxSpread: try row["max_spread"],
                secretaryScores: try row["secretary_scores"],
                minimumSplit: try StoreError.decode(MinimumSplitRule.self, try row["minimum_split"], table: "council", column: "minimum_split"),
                sheetsVisible: try StoreError.decode(SheetVisibility.self, try row["sheets_visible"], table: "council", column: "sheets_visible")),
            members: members)
    }

    /// Adds a member (creating the person when `name` is given) or changes their role. The
    /// composition is frozen while a session of the council is open: quorum, presiding and
    /// recusals were decided on it.
    public func addMember(council code: CouncilCode, person: PersonCode, name: String?, organisation: String?, role: CouncilRole,
                          actor: PersonCode) throws -> Council {
        try connection.transaction { connection in
            let council = try self.council(code)
            let personID = try ensurePerson(person, name: name, organisation: organisation, actor: actor)
            try connection.query("SELECT 1 FROM council WHERE id = $1 FOR UPDATE", council.id)
            let current = council.members.first { $0.person == person }
            if current?.role != role, let open = try connection.optional(
                "SELECT code FROM council_session WHERE council_id = $1 AND status = 'open' ORDER BY id LIMIT 1", council.id)?.text(0) {
                throw StoreError.councilInSession(council: council.code.rawValue, session: open)
            }
            if role == .chair, let chair = council.members.first(where: { $0.role == .chair }), chair.person != person {
                throw StoreError.secondChair(council: council.code.rawValue, existing: chair.person.rawValue)
            }
            try connection.query("""
                INSERT INTO council_member (council_id, person_id, role, added_by) VALUES ($1, $2, $3, $4)
                ON CONFLICT (council_id, person_id) DO UPDATE SET role = EXCLUDED.role
                """, council.id, personID, role.rawValue, actor.rawValue)
            return try self.council(code)
        }
    }
}
