import Foundation
import OCOPDomain
import OCOPModels
import Postgres

/// Issuers' public signing keys and each printed certificate's status-list index (migration
/// 0007). Keys are checked by OCOPCredentials before they get here; this repository records facts.
public struct CredentialRepository {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    // MARK: Issuer keys

    static let keyColumns = """
        kid, issuer_code, public_key, valid_from::text AS valid_from, valid_until::text AS valid_until,
        retired_on::text AS retired_on, created_on::text AS created_on, created_by
        """

    static func decodeKey(_ row: Row) throws -> IssuerKeyRecord {
        IssuerKeyRecord(
            kid: try row["kid"], issuerCode: try row["issuer_code"], publicKey: try row["public_key"],
            validFrom: try Stored.requiredDate(row, "valid_from", table: "issuer_key"),
            validUntil: try Stored.date(row, "valid_until", table: "issuer_key"),
            retiredOn: try Stored.date(row, "retired_on", table: "issuer_key"),
            createdOn: try Stored.requiredDate(row, "created_on", table: "issuer_key"), createdBy: try row["created_by"])
    }

    /// Records a new public key.
    public func addKey(_ key: IssuerKeyRecord) throws {
        _ = try mapped {
            try connection.query("""
                INSERT INTO issuer_key (kid, issuer_code, public_key, valid_from, valid_until, retired_on, created_on, created_by)
                VALUES ($1, $2, $3, $4::date, $5::date, $6::date, $7::date, $8)
                """, [key.kid, key.issuerCode, key.publicKey, key.validFrom.iso, key.validUntil?.iso, key.retiredOn?.iso,
                      key.createdOn.iso, key.createdBy])
        }
    }

    /// The keys of one issuer (or all), by issuer, then first day of service, then kid.
    public func keys(issuerCode: String? = nil) throws -> [IssuerKeyRecord] {
        try connection.query("SELECT \(Self.keyColumns) FROM issuer_key WHERE ($1::text IS NULL OR issuer_code = $1) ORDER BY issuer_code, valid_from, kid",
                             issuerCode).map(Self.decodeKey)
    }

    public func key(kid: String) throws -> IssuerKeyRecord {
        guard let row = try connection.optional("SELECT \(Self.keyColumns) FROM issuer_key WHERE kid = $1", kid) else {
            throw StoreError.notFound(.issuerKey, kid)
        }
        return try Self.decodeKey(row)
    }

    /// Sets the day from which the key signs only certificates issued before it. Retiring is
    /// recorded once: a verifier may already hold the list that says it.
    public func retire(kid: String, on date: CalendarDate) throws -> IssuerKeyRecord {
        let key = try key(kid: kid)
        if let retired = key.retiredOn {
            throw StoreError.invalid(field: "kid", value: kid, reason: LocalizedText(
                vi: "khóa đã ngừng dùng từ ngày \(retired.display(.vi)).", en: "the key was already retired on \(retired.display(.en))."))
        }
        if date < key.validFrom {
            throw StoreError.invalid(field: "date", value: date.iso, reason: LocalizedText(
                vi: "trước ngày khóa bắt đầu được dùng (\(key.validFrom.display(.vi))).", en: "before the key's first day of service (\(key.validFrom.display(.en)))."))
        }
        _ = try mapped { try connection.query("UPDATE issuer_key SET retired_on = $2::date WHERE kid = $1", kid, date.iso) }
        return try self.key(kid: kid)
    }

    // MARK: Status-list indexes

    /// The certificate's index, if it was ever printed.
    public func statusIndex(certificateID: Int) throws -> Int? {
        try connection.optional("SELECT status_index FROM certificate_status_entry WHERE certificate_id = $1", certificateID)?
            .decode(Int.self, "status_index")
    }

    /// The certificate's index in its issuer's list, given now if it has none: the issuer's next
    /// free index. Two printers at once get the same answer (the loser's counter step is a gap).
    public func assignStatusIndex(certificateID: Int, today: CalendarDate, actor: PersonCode) throws -> Int {
        if let index = try statusIndex(certificateID: certificateID) { return index }
        return try mapped {
            try connection.transaction { connection in
                let issuer = try connection.one("SELECT cert_issuer FROM star_recognition WHERE id = $1", certificateID).decode(String.self, "cert_issuer")
                let next = try connection.one("""
                    INSERT INTO status_list_counter (issuer_code, last_index) VALUES ($1, 0)
                    ON CONFLICT (issuer_code) DO UPDATE SET last_index = status_list_counter.last_index + 1
                    RETURNING last_index
                    """, issuer).decode(Int.self, "last_index")
                try connection.query("""
                    INSERT INTO certificate_status_entry (certificate_id, issuer_code, status_index, assigned_on, created_by)
                    VALUES ($1, $2, $3, $4::date, $5) ON CONFLICT (certificate_id) DO NOTHING
                    """, [certificateID, issuer, next, today.iso, actor.rawValue])
                return try connection.one("SELECT status_index FROM certificate_status_entry WHERE certificate_id = $1", certificateID)
                    .decode(Int.self, "status_index")
            }
        }
    }

    /// Every index an issuer has given, with what ended each certificate.
    public func statusEntries(issuerCode: String) throws -> [StatusListEntry] {
        try connection.query("""
            SELECT e.status_index, s.cert_issuer, s.cert_year, s.cert_serial, s.revoked_at::text AS revoked_on,
                   s.superseded_on::text AS superseded_on
            FROM certificate_status_entry e JOIN star_recognition s ON s.id = e.certificate_id
            WHERE e.issuer_code = $1 ORDER BY e.status_index
            """, issuerCode).map { row in
            StatusListEntry(
                certificate: try Stored.certificateNumber(issuer: try row["cert_issuer"], year: try row["cert_year"], serial: try row["cert_serial"]),
                index: try row["status_index"], revokedOn: try Stored.date(row, "revoked_on", table: "star_recognition"),
                supersededOn: try Stored.date(row, "superseded_on", table: "star_recognition"))
        }
    }

    // MARK: Issuers

    /// The current province with `code` (name and kind), for an issuer's name in running text.
    public func province(code: String) throws -> (name: String, kind: String)? {
        try connection.optional("""
            SELECT name, kind FROM province WHERE code = $1 ORDER BY valid_to IS NULL DESC, valid_from DESC NULLS LAST LIMIT 1
            """, code).map { (try $0.decode(String.self, "name"), try $0.decode(String.self, "kind")) }
    }
}
