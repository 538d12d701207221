import Foundation
import OCOPDomain
import Postgres

/// Producers (chủ thể OCOP).
public struct ProducerRepository {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// Registers a producer after checking every field.
    @discardableResult
    public func add(_ draft: ProducerDraft, actor: PersonCode) throws -> Producer {
        let draft = try draft.validated()
        let communeID = try UnitRepository(connection).communeID(draft.communeCode)
        // A savepoint: inside an import, the lookup of the existing owner below must not run in
        // an aborted transaction.
        let id: Int = try duplicates(registration: draft.registrationNo) {
            try connection.transaction { connection in
                try connection.one("""
                    INSERT INTO producer (registration_no, name, kind, commune_id, address, phone, email, representative,
                        representative_female, representative_ethnic_minority, representative_disabled, illustrative, created_by, updated_by)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
                    RETURNING id
                    """, [draft.registrationNo, draft.name, draft.kind.rawValue, communeID,
                          draft.address, draft.phone, draft.email, draft.representative.name,
                          draft.representative.female, draft.representative.ethnicMinority, draft.representative.disabled,
                          draft.illustrative, actor.rawValue]).decode(Int.self, "id")
            }
        }
        return try producer(id: id)
    }

    /// Changes the given fields after checking them; an empty optional field is cleared. A
    /// kind its products do not allow (an association owning non-tourism products) is refused.
    @discardableResult
    public func edit(_ reference: String, _ changes: ProducerChanges, actor: PersonCode) throws -> Producer {
        let changes = try changes.validated()
        return try connection.transaction { connection in
            // The row lock keeps a concurrent product add from slipping past the kind check.
            guard let locked = try connection.optional("SELECT id FROM producer WHERE registration_no = $1 OR id::text = $1 FOR UPDATE",
                                                       reference.trimmingCharacters(in: .whitespaces).uppercased())
            else { throw StoreError.notFound(.producer, reference) }
            let id = try locked.decode(Int.self, "id")
            if let kind = changes.kind {
                let sets = try connection.query("SELECT DISTINCT product_set FROM product WHERE producer_id = $1 ORDER BY 1", id)
                    .map { try $0.decode(Int.self, "product_set") }
                if let refused = sets.first(where: { !kind.mayOwn(productSet: $0) }) { throw kind.ownershipRefusal(productSet: refused) }
            }
            let communeID: Int? = try changes.communeCode.map { try UnitRepository(connection).communeID($0) }
            try connection.query("""
                UPDATE producer SET
                    name = coalesce($2, name), kind = coalesce($3, kind), commune_id = coalesce($4, commune_id),
                    address = CASE WHEN $5::text IS NULL THEN address ELSE nullif($5, '') END,
                    phone = CASE WHEN $6::text IS NULL THEN phone ELSE nullif($6, '') END,
                    email = CASE WHEN $7::text IS NULL THEN email ELSE nullif($7, '') END,
                    representative = CASE WHEN $8::text IS NULL THEN representative ELSE nullif($8, '') END,
                    representative_female = coalesce($9, representative_female),
                    representative_ethnic_minority = coalesce($10, representative_ethnic_minority),
                    representative_disabled = coalesce($11, representative_disabled),
                    illustrative = coalesce($13, illustrative),
                    updated_at = ocop_now(), updated_by = $12
                WHERE id = $1
                """, [id, changes.name, changes.kind?.rawValue, communeID, changes.address, changes.phone,
                      changes.email, changes.representativeName, changes.female, changes.ethnicMinority, changes.disabled, actor.rawValue,
                      changes.illustrative])
            return try producer(id: id)
        }
    }

    static let select = """
        SELECT p.id, p.registration_no, p.name, p.kind, c.code AS commune_code, c.name AS commune_name, pv.code AS province_code,
               p.address, p.phone, p.email, p.representative, p.representative_female,
               p.representative_ethnic_minority, p.representative_disabled,
               (SELECT count(*) FROM product pr WHERE pr.producer_id = p.id) AS product_count
        FROM producer p JOIN commune c ON c.id = p.commune_id JOIN province pv ON pv.id = c.province_id
        """

    static func decode(_ row: Row) throws -> Producer {
        Producer(
            id: try row["id"], registrationNo: try row["registration_no"], name: try row["name"],
            kind: try StoreError.decode(ProducerKind.self, try row["kind"], table: "producer", column: "kind"),
            communeCode: try row["commune_code"], communeName: try row["commune_name"], provinceCode: try row["province_code"],
            address: try row["address"], phone: try row["phone"], email: try row["email"],
            representative: Representative(name: try row["representative"], female: try row["representative_female"],
                                           ethnicMinority: try row["representative_ethnic_minority"], disabled: try row["representative_disabled"]),
            productCount: try row["product_count"])
    }

    public func producer(id: Int) throws -> Producer {
        guard let row = try connection.optional(Self.select + " WHERE p.id = $1", id) else { throw StoreError.notFound(.producer, String(id)) }
        return try Self.decode(row)
    }

    /// By registration/tax number, else by numeric id.
    public func producer(_ reference: String) throws -> Producer {
        let key = reference.trimmingCharacters(in: .whitespaces).uppercased()
        if let row = try connection.optional(Self.select + " WHERE p.registration_no = $1", key) { return try Self.decode(row) }
        if let id = Int(key), let row = try connection.optional(Self.select + " WHERE p.id = $1", id) { return try Self.decode(row) }
        throw StoreError.notFound(.producer, reference)
    }

    public func producers(commune: String? = nil, kind: ProducerKind? = nil, search: String? = nil) throws -> [Producer] {
        let term = SearchTerm(search)
        return try connection.query(Self.select + """
             WHERE ($1::text IS NULL OR c.code = $1) AND ($2::text IS NULL OR p.kind = $2)
               AND ($3::text IS NULL OR p.registration_no = $3 OR \(SearchTerm.nameMatches("p.name", pattern: 4, folded: 5)))
             ORDER BY p.name, p.id
            """, commune, kind?.rawValue, term?.exact, term?.pattern, term?.folded).map(Self.decode)
    }

    /// A duplicate registration number becomes a message naming the existing owner.
    private func duplicates<T>(registration: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PostgresError where error.serverError?.constraint == "producer_registration_no_key" {
            let existing = try connection.optional("SELECT name FROM producer WHERE registration_no = $1", registration)?.text(0) ?? "?"
            throw StoreError.duplicateRegistration(registrationNo: registration, existingName: existing)
        }
    }
}
