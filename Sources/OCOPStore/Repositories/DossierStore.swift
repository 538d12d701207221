import Foundation
import OCOPDomain
import Postgres

/// Dossiers and their workflow. Every transition is checked by `DossierWorkflow` and written
/// together with its event row in one transaction, under a row lock.
public struct DossierStore {
    public let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    public struct OpenRequest: Sendable {
        public var productRef: String
        public var kind: DossierKind
        public var year: Int
        public var round: Int
        public var targetStars: Int?
        public var rubricVersion: String
        public var note: String?

        public init(productRef: String, kind: DossierKind, year: Int, round: Int, targetStars: Int? = nil, rubricVersion: String = "qd26-2026", note: String? = nil) {
            self.productRef = productRef
            self.kind = kind
            self.year = year
            self.round = round
            self.targetStars = targetStars
            self.rubricVersion = rubricVersion
            self.note = note
        }
    }

    /// Opens a dossier (status `submitted`), freezing the rubric version and the product set's
    /// content hash it will be evaluated under.
    @discardableResult
    public func open(_ request: OpenRequest, actor: String) throws -> Dossier {
        guard (1...9).contains(request.round) else {
            throw StoreError.invalid(field: "round", value: String(request.round), reason: LocalizedText(vi: "kỳ đánh giá phải từ 1 đến 9.", en: "the round must be 1 to 9."))
        }
        if let stars = request.targetStars, !(3...5).contains(stars) {
            throw StoreError.invalid(field: "target_stars", value: String(stars), reason: LocalizedText(vi: "hạng sao đề nghị phải từ 3 đến 5.", en: "the target must be 3 to 5 stars."))
        }
        let registry = RegistryStore(connection)
        let product = try registry.product(request.productRef)
        return try connection.transaction { connection in
            let hash = try RubricStore(connection).frozenSetHash(version: request.rubricVersion, set: product.productSet)
            if let existing = try connection.optional("""
                SELECT code FROM dossier WHERE product_id = $1 AND year = $2 AND round = $3
                  AND status NOT IN ('withdrawn', 'not_recognised', 'recognised')
                """, product.id, request.year, request.round) {
                throw StoreError.openDossierExists(product: product.code, dossier: try existing.decode(String.self, "code"))
            }
            let serial = try connection.one("""
                INSERT INTO dossier_serial (year, last_serial) VALUES ($1, 1)
                ON CONFLICT (year) DO UPDATE SET last_serial = dossier_serial.last_serial + 1
                RETURNING last_serial
                """, request.year).decode(Int.self, "last_serial")
            let digits = String(serial)
            let code = "HS-\(request.year)-\(String(repeating: "0", count: max(0, 4 - digits.count)))\(digits)"
            let id = try connection.one("""
                INSERT INTO dossier (code, product_id, kind, year, round, status, target_stars, rubric_version, rubric_hash, note, opened_by)
                VALUES ($1, $2, $3, $4, $5, 'submitted', $6, $7, $8, $9, $10) RETURNING id
                """, [code, product.id, request.kind.rawValue, request.year, request.round, request.targetStars,
                      request.rubricVersion, hash, request.note?.nfc, actor.nfc]).decode(Int.self, "id")
            try connection.query("""
                INSERT INTO dossier_event (dossier_id, actor, action, from_status, to_status, note)
                VALUES ($1, $2, 'open', NULL, 'submitted', $3)
                """, id, actor.nfc, request.note?.nfc)
            return try dossier(id: id)
        }
    }

    private static let select = """
        SELECT d.id, d.code, d.product_id, pr.code AS product_code, pr.name AS product_name, pr.product_set,
               p.name AS producer_name, d.kind, d.year, d.round, d.status, d.returned_from, d.missing,
               d.target_stars, d.rubric_version, d.rubric_hash, d.opened_at, d.updated_at
        FROM dossier d JOIN product pr ON pr.id = d.product_id JOIN producer p ON p.id = pr.producer_id
        """

    private func decode(_ row: Row) throws -> Dossier {
        let statusRaw: String = try row["status"]
        let returnedRaw: String? = try row["returned_from"]
        return Dossier(
            id: try row["id"], code: try row["code"], productID: try row["product_id"], productCode: try row["product_code"],
            productName: try row["product_name"], productSet: try row["product_set"], producerName: try row["producer_name"],
            kind: DossierKind(rawValue: try row["kind"]) ?? .firstEvaluation, year: try row["year"], round: try row["round"],
            status: DossierStatus(rawValue: statusRaw) ?? .submitted, returnedFrom: returnedRaw.flatMap(DossierStatus.init(rawValue:)),
            missing: try row["missing"], targetStars: try row["target_stars"], rubricVersion: try row["rubric_version"],
            rubricHash: try row["rubric_hash"], openedAt: try row["opened_at"], updatedAt: try row["updated_at"]
        )
    }

    public func dossier(id: Int) throws -> Dossier {
        guard let row = try connection.optional(Self.select + " WHERE d.id = $1", id) else { throw StoreError.unknownDossier(String(id)) }
        return try decode(row)
    }

    public func dossier(_ code: String) throws -> Dossier {
        let key = code.trimmingCharacters(in: .whitespaces).uppercased()
        guard let row = try connection.optional(Self.select + " WHERE d.code = $1", key) else { throw StoreError.unknownDossier(code) }
        return try decode(row)
    }

    public func dossiers(year: Int? = nil, status: DossierStatus? = nil, product: String? = nil) throws -> [Dossier] {
        let productID: Int? = try product.map { try RegistryStore(connection).product($0).id }
        return try connection.query(Self.select + """
             WHERE ($1::int IS NULL OR d.year = $1) AND ($2::text IS NULL OR d.status = $2) AND ($3::bigint IS NULL OR d.product_id = $3)
             ORDER BY d.code
            """, year, status?.rawValue, productID).map(decode)
    }

    // MARK: Transitions

    public enum Move: Sendable {
        case advance(to: DossierStatus?)
        case returnForCompletion(missing: [String])
        case withdraw
        case councilResult(DossierStatus)
        /// Off a council session, back to `ready_for_council` (the reason is the event note unless one is given).
        case `defer`(reason: String)
    }

    /// Applies one workflow step under a row lock; the event row is written in the same transaction.
    @discardableResult
    public func apply(_ move: Move, to code: String, actor: String, note: String? = nil) throws -> Dossier {
        try connection.transaction { connection in
            let key = code.trimmingCharacters(in: .whitespaces).uppercased()
            guard let row = try connection.optional("SELECT id, status, returned_from FROM dossier WHERE code = $1 FOR UPDATE", key) else {
                throw StoreError.unknownDossier(code)
            }
            let id: Int = try row["id"]
            let status = DossierStatus(rawValue: try row["status"]) ?? .submitted
            let returnedFrom = (try row.decode(String?.self, "returned_from")).flatMap(DossierStatus.init(rawValue:))
            let step: DossierWorkflow.Step
            var missing: [String] = []
            switch move {
            case let .advance(target):
                step = try DossierWorkflow.advance(dossier: key, from: status, returnedFrom: returnedFrom, to: target)
            case let .returnForCompletion(items):
                missing = items.map { $0.nfc.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                step = try DossierWorkflow.returnForCompletion(dossier: key, from: status, returnedFrom: returnedFrom, missing: missing)
            case .withdraw:
                step = try DossierWorkflow.withdraw(dossier: key, from: status, returnedFrom: returnedFrom)
            case let .councilResult(outcome):
                step = try DossierWorkflow.councilResult(dossier: key, from: status, to: outcome)
            case let .defer(reason):
                step = try DossierWorkflow.defer(dossier: key, from: status, returnedFrom: returnedFrom, reason: reason)
            }
            var note = note
            if case let .defer(reason) = move, note == nil { note = reason }
            try connection.query("""
                UPDATE dossier SET status = $2, returned_from = $3, missing = $4, updated_at = now() WHERE id = $1
                """, id, step.to.rawValue, step.returnedFrom?.rawValue, step.to == .returned ? missing : [String]())
            try connection.query("""
                INSERT INTO dossier_event (dossier_id, actor, action, from_status, to_status, note, missing)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                """, [id, actor.nfc, step.action.rawValue, step.from.rawValue, step.to.rawValue, note?.nfc, missing])
            return try dossier(id: id)
        }
    }

    public func history(_ code: String) throws -> [DossierEvent] {
        let dossier = try self.dossier(code)
        return try connection.query("""
            SELECT at, actor, action, from_status, to_status, note, missing FROM dossier_event
            WHERE dossier_id = $1 ORDER BY id
            """, dossier.id).map { row in
            let from: String? = try row["from_status"]
            return DossierEvent(
                at: try row["at"], actor: try row["actor"], action: try row["action"],
                from: from.flatMap(DossierStatus.init(rawValue:)), to: DossierStatus(rawValue: try row["to_status"]) ?? .submitted,
                note: try row["note"], missing: try row["missing"]
            )
        }
    }

    // MARK: What the producer sees

    /// Everything `ocop dossier status` prints, read in one round trip.
    public struct StatusView: Sendable, Codable {
        public var code: String
        public var productName: String
        public var productCode: String
        public var producerName: String
        public var kind: DossierKind
        public var year: Int
        public var round: Int
        public var status: DossierStatus
        public var missing: [String]
        public var openedAt: Date
        public var lastChangeAt: Date
        public var lastChangeNote: String?
        /// Filled once council work exists (issue 4): e.g. the session date.
        public var councilDate: String?
    }

    public func statusView(_ code: String) throws -> StatusView {
        let key = code.trimmingCharacters(in: .whitespaces).uppercased()
        guard let row = try connection.optional("""
            SELECT d.code, pr.name AS product_name, pr.code AS product_code, p.name AS producer_name, d.kind, d.year, d.round,
                   d.status, d.missing, d.opened_at, e.at AS last_at, e.note AS last_note, cs.held_on AS council_date
            FROM dossier d
            JOIN product pr ON pr.id = d.product_id
            JOIN producer p ON p.id = pr.producer_id
            LEFT JOIN LATERAL (SELECT at, note FROM dossier_event WHERE dossier_id = d.id ORDER BY id DESC LIMIT 1) e ON true
            LEFT JOIN LATERAL (SELECT s.held_on FROM session_dossier sd JOIN council_session s ON s.id = sd.session_id
                               WHERE sd.dossier_id = d.id ORDER BY s.held_on DESC LIMIT 1) cs ON true
            WHERE d.code = $1
            """, key) else {
            throw StoreError.unknownDossier(code)
        }
        return StatusView(
            code: try row["code"], productName: try row["product_name"], productCode: try row["product_code"],
            producerName: try row["producer_name"], kind: DossierKind(rawValue: try row["kind"]) ?? .firstEvaluation,
            year: try row["year"], round: try row["round"], status: DossierStatus(rawValue: try row["status"]) ?? .submitted,
            missing: try row["missing"], openedAt: try row["opened_at"], lastChangeAt: try row.decode(Date?.self, "last_at") ?? row.decode(Date.self, "opened_at"),
            lastChangeNote: try row["last_note"],
            councilDate: try row.decode(PostgresDate?.self, "council_date")?.description
        )
    }
}
