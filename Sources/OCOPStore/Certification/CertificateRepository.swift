import Foundation
import OCOPDomain
import OCOPModels
import Postgres

/// Stored dates and numbers, read back typed.
enum Stored {
    static func date(_ row: Row, _ column: String, table: String) throws -> CalendarDate? {
        guard let text: String = try row[column] else { return nil }
        guard let date = CalendarDate(iso: text) else { throw StoreError.corruptStoredValue(table: table, column: column, value: text) }
        return date
    }

    static func requiredDate(_ row: Row, _ column: String, table: String) throws -> CalendarDate {
        guard let date = try date(row, column, table: table) else { throw StoreError.corruptStoredValue(table: table, column: column, value: "NULL") }
        return date
    }

    /// "64.50" → 6450.
    static func hundredths(_ text: String?) -> Int? {
        guard let text else { return nil }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard let whole = Int(parts[0]) else { return nil }
        var fraction = parts.count > 1 ? String(parts[1].prefix(2)) : "0"
        while fraction.count < 2 { fraction += "0" }
        guard let cents = Int(fraction) else { return nil }
        return whole * 100 + (whole < 0 ? -cents : cents)
    }

    /// "64.50" from hundredths, for a numeric(5, 2) column.
    static func numeric(_ hundredths: Int?) -> String? {
        hundredths.map { "\($0 / 100).\($0 % 100 < 10 ? "0" : "")\($0 % 100)" }
    }

    static func certificateNumber(issuer: String, year: Int, serial: Int) throws -> CertificateNumber {
        guard let authority = IssuingAuthority(code: issuer) else {
            throw StoreError.corruptStoredValue(table: "star_recognition", column: "cert_issuer", value: issuer)
        }
        do {
            return try CertificateNumber(issuer: authority, year: year, serial: serial)
        } catch {
            throw StoreError.corruptStoredValue(table: "star_recognition", column: "certificate_no", value: "\(issuer)-\(year)-\(serial)")
        }
    }

    static func certificateNumber(_ text: String) throws -> CertificateNumber {
        do { return try CertificateNumber(parsing: text) } catch {
            throw StoreError.corruptStoredValue(table: "star_recognition", column: "certificate_no", value: text)
        }
    }

    static func decisionNumber(number: Int, symbol: String) throws -> DecisionNumber {
        do { return try DecisionNumber(number: number, symbol: symbol) } catch {
            throw StoreError.corruptStoredValue(table: "decision", column: "symbol", value: "\(number)/\(symbol)")
        }
    }

    /// The day a stored instant falls on in Vietnam (UTC+7 all year).
    static func vietnamDay(_ instant: Date) -> CalendarDate {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + 7 * 3600
        return CalendarDate(dayNumber: seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400)
    }

    /// "Today" as the database's clock (`ocop_now()`) sees it in Vietnam.
    static let today = "(ocop_now() AT TIME ZONE 'UTC' + interval '7 hours')::date"

    /// That day, read on `connection` (inside a transaction: the transaction's day).
    static func today(_ connection: Connection) throws -> CalendarDate {
        try requiredDate(try connection.one("SELECT \(today)::text AS today"), "today", table: "clock")
    }
}

/// The certificate register: every certificate of every product (imported recognitions and the
/// ones decisions issue), numbered `GCN-<issuer>-<year>-<serial>`. Status is computed by the
/// domain rule on the day asked about; this repository only reads and records facts.
public struct CertificateRepository {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    static let select = """
        SELECT s.id, s.cert_issuer, s.cert_year, s.cert_serial, s.stars, s.issuer, s.score::text AS score, s.year, s.decision_no,
               s.decision_date::text AS issued_on, s.valid_until::text AS valid_until, s.revoked_at::text AS revoked_on,
               s.superseded_on::text AS superseded_on, s.extended_until::text AS extended_until, s.rubric_version, s.illustrative,
               s.product_id, pr.code AS product_code, pr.name AS product_name, pr.product_set,
               p.name AS producer_name, p.registration_no, p.address, p.phone, p.email, c.name AS commune_name, pv.name AS province_name,
               d.code AS dossier_code, sb.certificate_no AS superseded_by, r.total_sum, r.sheet_count,
               rv.ground, rv.finding, rv.finding_on::text AS finding_on, rv.finding_ref, rv.audit_id, rv.revoked_on::text AS rv_on,
               rd.number AS rd_number, rd.symbol AS rd_symbol, rd.issuer_code AS rd_issuer, pend.code AS pending_dossier
        FROM star_recognition s
        JOIN product pr ON pr.id = s.product_id
        JOIN producer p ON p.id = pr.producer_id
        JOIN commune c ON c.id = pr.commune_id
        JOIN province pv ON pv.id = s.province_id
        LEFT JOIN dossier d ON d.id = s.dossier_id
        LEFT JOIN star_recognition sb ON sb.id = s.superseded_by
        LEFT JOIN decision_entry de ON de.certificate_id = s.id
        LEFT JOIN council_result r ON r.session_id = de.session_id AND r.dossier_id = de.dossier_id
        LEFT JOIN certificate_revocation rv ON rv.certificate_id = s.id
        LEFT JOIN decision rd ON rd.id = rv.decision_id
        LEFT JOIN LATERAL (
            SELECT x.code FROM dossier x
            WHERE x.basis_certificate_id = s.id AND x.status NOT IN ('recognised', 'not_recognised', 'withdrawn')
            ORDER BY x.id DESC LIMIT 1
        ) pend ON true
        """

    static let table = "star_recognition"

    static func decode(_ row: Row, asOf: CalendarDate) throws -> CertificateView {
        let issuedOn = try Stored.date(row, "issued_on", table: table)
        let validUntil = try Stored.date(row, "valid_until", table: table)
        // A recognition without a decision date cannot be placed in time: it never counts as in force.
        let facts = CertificateFacts(
            issuedOn: issuedOn ?? CalendarDate(year: 9999, month: 12, day: 31)!, validUntil: validUntil ?? issuedOn ?? CalendarDate(year: 9999, month: 12, day: 31)!,
            revokedOn: try Stored.date(row, "revoked_on", table: table), supersededOn: try Stored.date(row, "superseded_on", table: table),
            extendedUntil: try Stored.date(row, "extended_until", table: table))
        let issuerRaw: String = try row["issuer"]
        guard let issuer = HistoricalIssuer(rawValue: issuerRaw) else { throw StoreError.corruptStoredValue(table: table, column: "issuer", value: issuerRaw) }
        let totalSum: Int? = try row["total_sum"]
        let sheetCount: Int? = try row["sheet_count"]
        let exact = totalSum.flatMap { sum in sheetCount.flatMap { $0 > 0 ? ExactMean(sum: sum, count: $0) : nil } }
        var revocation: RevocationRecord?
        if let groundRaw: String = try row["ground"] {
            guard let ground = RevocationGround(rawValue: groundRaw) else {
                throw StoreError.corruptStoredValue(table: "certificate_revocation", column: "ground", value: groundRaw)
            }
            let number = try Stored.decisionNumber(number: try row["rd_number"], symbol: try row["rd_symbol"])
            revocation = RevocationRecord(
                decisionNumber: number.description, revokedOn: try Stored.requiredDate(row, "rv_on", table: "certificate_revocation"),
                issuerCode: try row["rd_issuer"], ground: ground, finding: try row["finding"],
                findingOn: try Stored.requiredDate(row, "finding_on", table: "certificate_revocation"), findingReference: try row["finding_ref"],
                auditID: try row["audit_id"])
        }
        let dossier: String? = try row["dossier_code"]
        let pending: String? = try row["pending_dossier"]
        let supersededBy: String? = try row["superseded_by"]
        return CertificateView(
            id: try row["id"], number: try Stored.certificateNumber(issuer: try row["cert_issuer"], year: try row["cert_year"], serial: try row["cert_serial"]),
            stars: try row["stars"], issuer: issuer, facts: facts, productID: try row["product_id"], productCode: try row["product_code"],
            productName: try row["product_name"], productSet: try row["product_set"], producerName: try row["producer_name"],
            producerRegistrationNo: try row["registration_no"], producerAddress: try row["address"], producerPhone: try row["phone"],
            producerEmail: try row["email"], communeName: try row["commune_name"], provinceName: try row["province_name"],
            scoreHundredths: Stored.hundredths(try row["score"]), exactScore: exact, evaluationYear: try row["year"],
            decisionNumber: try row["decision_no"], rubricVersion: try row["rubric_version"],
            dossier: dossier.flatMap(DossierCode.init(normalizing:)), supersededBy: try supersededBy.map(Stored.certificateNumber),
            revocation: revocation, pendingDossier: pending.flatMap(DossierCode.init(normalizing:)), illustrative: try row["illustrative"],
            asOf: asOf)
    }

    /// Every certificate (dated ones), optionally of one product, as of `asOf`.
    public func certificates(productID: Int? = nil, asOf: CalendarDate) throws -> [CertificateView] {
        try connection.query(Self.select + """
             WHERE s.decision_date IS NOT NULL AND ($1::bigint IS NULL OR s.product_id = $1)
             ORDER BY s.decision_date, s.cert_issuer, s.cert_year, s.cert_serial
            """, productID).map { try Self.decode($0, asOf: asOf) }
    }

    /// The certificates of several products, grouped by product id.
    public func certificates(productIDs: [Int], asOf: CalendarDate) throws -> [Int: [CertificateView]] {
        guard !productIDs.isEmpty else { return [:] }
        let rows = try connection.query(Self.select + """
             WHERE s.decision_date IS NOT NULL AND s.product_id = ANY ($1::bigint[])
             ORDER BY s.decision_date, s.cert_issuer, s.cert_year, s.cert_serial
            """, PostgresIntArray(productIDs))
        return Dictionary(grouping: try rows.map { try Self.decode($0, asOf: asOf) }, by: \.productID)
    }

    public func certificate(_ number: CertificateNumber, asOf: CalendarDate) throws -> CertificateView {
        guard let row = try connection.optional(Self.select + " WHERE s.cert_issuer = $1 AND s.cert_year = $2 AND s.cert_serial = $3",
                                                number.issuer.code, number.year, number.serial) else {
            throw StoreError.notFound(.certificate, number.description)
        }
        return try Self.decode(row, asOf: asOf)
    }

    public func certificate(id: Int, asOf: CalendarDate) throws -> CertificateView {
        guard let row = try connection.optional(Self.select + " WHERE s.id = $1", id) else { throw StoreError.notFound(.certificate, String(id)) }
        return try Self.decode(row, asOf: asOf)
    }

    /// The recognition decision a certificate came from (none for an imported one).
    public func decisionID(certificateID: Int) throws -> Int? {
        try connection.optional("SELECT decision_id FROM star_recognition WHERE id = $1", certificateID)?.decode(Int?.self, "decision_id")
    }

    // MARK: Writing facts

    /// A certificate to record.
    struct NewCertificate {
        var productID: Int
        var stars: Int
        var scoreHundredths: Int?
        var year: Int
        var decisionNumber: String?
        var issuedOn: CalendarDate
        var validUntil: CalendarDate
        var rubricVersion: String
        var provinceID: Int
        var issuer: HistoricalIssuer
        /// "24" or "BNNMT": the issuer part of the number.
        var numberIssuer: String
        var dossierID: Int?
        var decisionID: Int?
        var revokedOn: CalendarDate?
        var revocationReason: String?
        var illustrative: Bool
        /// Set when a later certificate already recorded replaces this one (an imported history
        /// older than what the workbench issued).
        var supersededOn: CalendarDate? = nil
        var supersededBy: Int? = nil
    }

    /// Records a certificate with the next serial of its issuer and issue year; returns its id and number.
    func insert(_ new: NewCertificate, actor: PersonCode) throws -> (id: Int, number: CertificateNumber) {
        let year = new.issuedOn.year
        // The row lock of this upsert serialises concurrent numbering for one issuer and year.
        let serial = try connection.one("""
            INSERT INTO certificate_serial (issuer, year, last_serial) VALUES ($1, $2, 1)
            ON CONFLICT (issuer, year) DO UPDATE SET last_serial = certificate_serial.last_serial + 1
            RETURNING last_serial
            """, new.numberIssuer, year).decode(Int.self, "last_serial")
        let number = try Stored.certificateNumber(issuer: new.numberIssuer, year: year, serial: serial)
        let id = try connection.one("""
            INSERT INTO star_recognition (product_id, stars, score, year, decision_no, decision_date, valid_until, rubric_version,
                province_id, dossier_id, revoked_at, revocation_reason, illustrative, created_by, issuer, certificate_no,
                cert_issuer, cert_year, cert_serial, decision_id, superseded_on, superseded_by)
            VALUES ($1, $2, $3::numeric, $4, $5, $6::date, $7::date, $8, $9, $10, $11::date, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21::date, $22)
            RETURNING id
            """, [new.productID, new.stars, Stored.numeric(new.scoreHundredths), new.year, new.decisionNumber?.nfc, new.issuedOn.iso,
                  new.validUntil.iso, new.rubricVersion, new.provinceID, new.dossierID, new.revokedOn?.iso, new.revocationReason?.nfc,
                  new.illustrative, actor.rawValue, new.issuer.rawValue, number.description, new.numberIssuer, year, serial,
                  new.decisionID, new.supersededOn?.iso, new.supersededBy]).decode(Int.self, "id")
        return (id, number)
    }

    /// Marks certificate `id` superseded from `on` (the new certificate's issue date) by `by`.
    func supersede(id: Int, on date: CalendarDate, by newID: Int?) throws {
        try connection.query("UPDATE star_recognition SET superseded_on = $2::date, superseded_by = coalesce($3, superseded_by) WHERE id = $1",
                             id, date.iso, newID)
    }

    /// Links a superseded certificate to the one that replaced it (after the new row exists).
    func linkSuccessor(id: Int, by newID: Int) throws {
        try connection.query("UPDATE star_recognition SET superseded_by = $2 WHERE id = $1", id, newID)
    }

    /// Art. 12.3: keeps `id` in force through `until` (the cap while the late re-evaluation is pending).
    func extend(id: Int, until date: CalendarDate) throws {
        try connection.query("UPDATE star_recognition SET extended_until = $2::date WHERE id = $1", id, date.iso)
    }

    /// The province that issued the certificate, followed through the 2025 mergers to the one in
    /// existence on `date`: its chair is competent for a 3★/4★ revocation (Art. 8.2).
    func competentProvinceCode(certificateID: Int, on date: CalendarDate) throws -> String {
        var provinceID = try connection.one("SELECT province_id FROM star_recognition WHERE id = $1", certificateID).decode(Int.self, "province_id")
        var seen: Set<Int> = []
        while seen.insert(provinceID).inserted {
            let row = try connection.one("SELECT code, valid_to::text AS valid_to, successor_id FROM province WHERE id = $1", provinceID)
            let validTo = try Stored.date(row, "valid_to", table: "province")
            let successor: Int? = try row["successor_id"]
            guard let validTo, validTo < date, let successor else { return try row["code"] }
            provinceID = successor
        }
        return try connection.one("SELECT code FROM province WHERE id = $1", provinceID).decode(String.self, "code")
    }
}
