import Foundation
import OCOPDomain
import Postgres

/// Provinces and communes. Codes were reused in the 1/7/2025 reorganisation, so a unit is
/// identified by (code, valid_from) and looked up by code and date.
public struct UnitRepository {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// The unit with `code` valid on `date`; without a date, the current one, else the most recent.
    static let resolution = """
        ORDER BY (CASE WHEN $2::date IS NULL THEN valid_to IS NULL
                       ELSE coalesce(valid_from, '-infinity') <= $2::date AND coalesce(valid_to, 'infinity') >= $2::date END) DESC,
                 valid_from DESC NULLS LAST
        LIMIT 1
        """

    public func provinceID(_ code: String, at date: String? = nil) throws -> Int {
        guard let row = try connection.optional("SELECT id FROM province WHERE code = $1 " + Self.resolution, code, date) else {
            throw StoreError.notFound(.province, code)
        }
        return try row.decode(Int.self, "id")
    }

    public func communeID(_ code: String, at date: String? = nil) throws -> Int {
        guard let row = try connection.optional("SELECT id FROM commune WHERE code = $1 " + Self.resolution, code, date) else {
            throw StoreError.notFound(.commune, code)
        }
        return try row.decode(Int.self, "id")
    }

    /// Adds a province, keyed by (code, valid_from); its fields are checked first. Successors
    /// are linked by `linkSuccessor` once every row is in.
    @discardableResult
    public func add(_ province: Province) throws -> Int {
        let province = try province.validated()
        return try mapped { try connection.one("""
            INSERT INTO province (code, name, kind, valid_from, valid_to)
            VALUES ($1, $2, $3, $4::date, $5::date) RETURNING id
            """, province.code, province.name, province.kind, province.validFrom, province.validTo).decode(Int.self, "id") }
    }

    /// The stored province with exactly this code and start (the key imports use), with its id.
    public func province(code: String, validFrom: String?) throws -> (id: Int, province: Province)? {
        try connection.optional("""
            SELECT p.id, p.code, p.name, p.kind, p.valid_from::text, p.valid_to::text, s.code AS successor_code
            FROM province p LEFT JOIN province s ON s.id = p.successor_id
            WHERE p.code = $1 AND coalesce(p.valid_from, '-infinity') = coalesce($2::date, '-infinity')
            """, code, validFrom).map { row in
            (try row.decode(Int.self, "id"), Province(code: try row["code"], name: try row["name"], kind: try row["kind"], validFrom: try row["valid_from"],
                                                     validTo: try row["valid_to"], successorCode: try row["successor_code"]))
        }
    }

    /// Changes a stored province's name, kind and end (its key stays).
    public func update(provinceID id: Int, _ province: Province) throws {
        let province = try province.validated()
        try connection.query("UPDATE province SET name = $2, kind = $3, valid_to = $4::date WHERE id = $1",
                             id, province.name, province.kind, province.validTo)
    }

    /// Points a closed province at the unit with `successorCode` that started after it closed.
    public func linkSuccessor(code: String, validFrom: String?, successorCode: String) throws {
        let own = try connection.one("""
            SELECT id, valid_to::text FROM province WHERE code = $1 AND coalesce(valid_from, '-infinity') = coalesce($2::date, '-infinity')
            """, code, validFrom)
        let validTo: String? = try own["valid_to"]
        let successor = try connection.optional("""
            SELECT id FROM province WHERE code = $1 AND id <> $2
            ORDER BY (coalesce(valid_from, '-infinity') > coalesce($3::date, '-infinity')) DESC, valid_from DESC NULLS LAST LIMIT 1
            """, successorCode, try own.decode(Int.self, "id"), validTo)
        guard let successor else { throw StoreError.notFound(.province, successorCode) }
        try connection.query("UPDATE province SET successor_id = $2 WHERE id = $1", try own.decode(Int.self, "id"), try successor.decode(Int.self, "id"))
    }

    /// Adds a commune, keyed by (code, valid_from), after checking its fields; its province is
    /// the one with `provinceCode` valid when the commune was.
    @discardableResult
    public func add(_ commune: Commune) throws -> Int {
        let commune = try commune.validated()
        let provinceID = try self.provinceID(commune.provinceCode, at: commune.validFrom ?? commune.validTo)
        return try mapped { try connection.one("""
            INSERT INTO commune (code, name, kind, province_id, valid_from, valid_to, former_district)
            VALUES ($1, $2, $3, $4, $5::date, $6::date, $7) RETURNING id
            """, [commune.code, commune.name, commune.kind, provinceID, commune.validFrom, commune.validTo, commune.formerDistrict]).decode(Int.self, "id") }
    }

    /// The stored commune with exactly this code and start, with its id.
    public func commune(code: String, validFrom: String?) throws -> (id: Int, commune: Commune)? {
        try connection.optional("""
            SELECT c.id, c.code, c.name, c.kind, p.code AS province_code, c.valid_from::text, c.valid_to::text, c.former_district
            FROM commune c JOIN province p ON p.id = c.province_id
            WHERE c.code = $1 AND coalesce(c.valid_from, '-infinity') = coalesce($2::date, '-infinity')
            """, code, validFrom).map { row in
            (try row.decode(Int.self, "id"), Commune(code: try row["code"], name: try row["name"], kind: try row["kind"], provinceCode: try row["province_code"],
                                                    validFrom: try row["valid_from"], validTo: try row["valid_to"], formerDistrict: try row["former_district"]))
        }
    }

    /// Changes a stored commune's name, kind, province, end and former district (its key stays).
    public func update(communeID id: Int, _ commune: Commune) throws {
        let commune = try commune.validated()
        let provinceID = try self.provinceID(commune.provinceCode, at: commune.validFrom ?? commune.validTo)
        try connection.query("""
            UPDATE commune SET name = $2, kind = $3, province_id = $4, valid_to = $5::date, former_district = $6 WHERE id = $1
            """, [id, commune.name, commune.kind, provinceID, commune.validTo, commune.formerDistrict])
    }

    public func communes(province: String? = nil) throws -> [Commune] {
        try connection.query("""
            SELECT c.code, c.name, c.kind, p.code AS province_code, c.valid_from::text, c.valid_to::text, c.former_district
            FROM commune c JOIN province p ON p.id = c.province_id
            WHERE ($1::text IS NULL OR p.code = $1) ORDER BY p.code, c.code, c.valid_from NULLS FIRST
            """, province).map { row in
            Commune(code: try row["code"], name: try row["name"], kind: try row["kind"], provinceCode: try row["province_code"],
                    validFrom: try row["valid_from"], validTo: try row["valid_to"], formerDistrict: try row["former_district"])
        }
    }
}
