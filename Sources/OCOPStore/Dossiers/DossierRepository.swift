import Foundation
import OCOPDomain
import OCOPModels
import Postgres

/// Dossiers and their workflow. Every transition is checked by `DossierWorkflow` and written
/// together with its event row in one transaction, under a row lock.
public struct DossierRepository {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// Opens a dossier (status `submitted`), freezing the rubric version and the product set's
    /// content hash it will be evaluated under.
    @discardableResult
    public func open(_ request: DossierOpening, actor: PersonCode) throws -> Dossier {
        if let round = request.round, !(1...9).contains(round) {
            throw StoreError.invalid(field: "round", value: String(round), reason: LocalizedText(vi: "kỳ đánh giá phải từ 1 đến 9.", en: "the round must be 1 to 9."))
        }
        if let stars = request.targetStars, !(3...5).contains(stars) {
            throw StoreError.invalid(field: "target_stars", value: String(stars), reason: LocalizedText(vi: "hạng sao đề nghị phải từ 3 đến 5.", en: "the target must be 3 to 5 stars."))
        }
        let note = try Validate.optionalText(request.note, field: "note", limit: FieldLimit.note, multiline: true)
        let product = try ProductRepository(connection).product(request.productRef)
        return try connection.transaction { connection in
            let filedOn = try request.filedOn ?? Stored.today(connection)
            // The round of the filing date (Art. 5.1), or the one named, which must exist.
            let calendar = try CalendarRepository(connection).calendar()
            let placed = calendar.round(forFilingOn: filedOn, level: .provincial).id
            let round = try calendar.round(RoundID(level: .provincial, year: request.year ?? placed.year, number: request.round ?? placed.number)).id
            let hash = try RubricRepository(connection).frozenSetHash(version: request.rubricVersion, set: product.productSet)
            if let existing = try connection.optional("""
                SELECT code FROM dossier WHERE product_id = $1 AND year = $2 AND round = $3
                  AND status NOT IN ('withdrawn', 'not_recognised', 'recognised')
                """, product.id, round.year, round.number) {
                throw StoreError.openDossierExists(product: product.code, dossier: try existing.decode(String.self, "code"))
            }
            let serial = try connection.one("""
                INSERT INTO dossier_serial (year, last_serial) VALUES ($1, 1)
                ON CONFLICT (year) DO UPDATE SET last_serial = dossier_serial.last_serial + 1
                RETURNING last_serial
                """, round.year).decode(Int.self, "last_serial")
            let code = DossierCode(year: round.year, serial: serial)
            let id = try connection.one("""
                INSERT INTO dossier (code, product_id, kind, year, round, status, target_stars, rubric_version, rubric_hash, note, opened_by, filed_on)
                VALUES ($1, $2, $3, $4, $5, 'submitted', $6, $7, $8, $9, $10, $11::date) RETURNING id
                """, [code.rawValue, product.id, request.kind.rawValue, round.year, round.number, request.targetStars,
                      request.rubricVersion, hash, note, actor.rawValue, filedOn.iso]).decode(Int.self, "id")
            try connection.query("""
                INSERT INTO dossier_event (dossier_id, actor, action, from_status, to_status, note)
                VALUES ($1, $2, 'open', NULL, 'submitted', $3)
                """, id, actor.rawValue, note)
            return try dossier(id: id)
        }
    }

    static let select = """
        SELECT d.id, d.code, d.product_id, pr.code AS product_code, pr.name AS product_name, pr.product_set,
               p.name AS producer_name, d.kind, d.year, d.round, d.status, d.returned_from, d.missing,
               d.target_stars, d.rubric_version, d.rubric_hash, d.opened_at, d.updated_at, d.filed_on::text AS filed_on
        FROM dossier d JOIN product pr ON pr.id = d.product_id JOIN producer p ON p.id = pr.producer_id
        """

    static func decode(_ row: Row) throws -> Dossier {
        let returned: String? = try row["returned_from"]
        return Dossier(
            id: try row["id"], code: try code(try row["code"]), productID: try row["product_id"], productCode: try row["product_code"],
            productName: try row["product_name"], productSet: try row["product_set"], producerName: try row["producer_name"],
            kind: try StoreError.decode(DossierKind.self, try row["kind"], table: "dossier", column: "kind"),
            year: try row["year"], round: try row["round"],
            status: try StoreError.decode(DossierStatus.self, try row["status"], table: "dossier", column: "status"),
            returnedFrom: try returned.map { try StoreError.decode(DossierStatus.self, $0, table: "dossier", column: "returned_from") },
            missing: try row["missing"], targetStars: try row["target_stars"], rubricVersion: try row["rubric_version"],
            rubricHash: try row["rubric_hash"], openedAt: try row["opened_at"], updatedAt: try row["updated_at"],
            filedOn: try Stored.date(row, "filed_on", table: "dossier"))
    }

    /// A stored code, which must be well-formed.
    static func code(_ raw: String) throws -> DossierCode {
        guard let code = DossierCode(normalizing: raw) else { throw StoreError.corruptStoredValue(table: "dossier", column: "code", value: raw) }
        return code
    }

    public func dossier(id: Int) throws -> Dossier {
        guard let row = try connection.optional(Self.select + " WHERE d.id = $1", id) else { throw StoreError.notFound(.dossier, String(id)) }
        return try Self.decode(row)
    }

    public func dossier(_ code: DossierCode) throws -> Dossier {
        guard let row = try connection.optional(Self.select + " WHERE d.code = $1", code.rawValue) else { throw StoreError.notFound(.dossier, code.rawValue) }
        return try Self.decode(row)
    }

    public func dossiers(year: Int? = nil, status: DossierStatus? = nil, productID: Int? = nil) throws -> [Dossier] {
        try connection.query(Self.select + """
             WHERE ($1::int IS NULL OR d.year = $1) AND ($2::text IS NULL OR d.status = $2) AND ($3::bigint IS NULL OR d.product_id = $3)
             ORDER BY d.code
            """, year, status?.rawValue, productID).map(Self.decode)
    }

    // MARK: Transitions

    public enum Move: Sendable {
        case advance(to: DossierStatus?)
        case returnForCompletion(missing: [String])
        case withdraw
        case councilResult(DossierStatus)
        case centralResult(DossierStatus)
        /// Off a council session, back to `ready_for_council`.
        case `defer`(reason: String)
        /// A recognition decision's outcome (`DecisionRepository.issue`).
        case decision(DossierStatus)
    }

    /// Applies one workflow step under a row lock; the event row is written in the same transaction.
    /// `detail` records what the program knows of the step (rendered when read).
    @discardableResult
    public func apply(_ move: Move, to code: DossierCode, actor: PersonCode, note: String? = nil, detail: DossierEventDetail? = nil) throws -> Dossier {
        try connection.transaction { connection in
            guard let row = try connection.optional("SELECT id, status, returned_from FROM dossier WHERE code = $1 FOR UPDATE", code.rawValue) else {
                throw StoreError.notFound(.dossier, code.rawValue)
            }
            let id: Int = try row["id"]
            let status = try StoreError.decode(DossierStatus.self, try row["status"], table: "dossier", column: "status")
            let returnedFrom = try (try row.decode(String?.self, "returned_from")).map { try StoreError.decode(DossierStatus.self, $0, table: "dossier", column: "returned_from") }
            let step: DossierWorkflow.Step
            var missing: [String] = []
            var detail = detail
            switch move {
            case let .advance(target):
                step = try DossierWorkflow.advance(dossier: code.rawValue, from: status, returnedFrom: returnedFrom, to: target)
            case let .returnForCompletion(items):
                missing = try items.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
                    .map { item throws(DomainError) in try Validate.text(item, field: "missing", limit: FieldLimit.address) }
                step = try DossierWorkflow.returnForCompletion(dossier: code.rawValue, from: status, returnedFrom: returnedFrom, missing: missing)
            case .withdraw:
                step = try DossierWorkflow.withdraw(dossier: code.rawValue, from: status, returnedFrom: returnedFrom)
                if status == .councilScheduled || status == .centralReview, detail == nil,
                   let session = try openSession(dossierID: id) {
                    detail = .leftSession(session: session)
                }
            case let .councilResult(outcome):
                step = try DossierWorkflow.councilResult(dossier: code.rawValue, from: status, to: outcome)
            case let .centralResult(outcome):
                step = try DossierWorkflow.centralResult(dossier: code.rawValue, from: status, to: outcome)
            case let .defer(reason):
                step = try DossierWorkflow.defer(dossier: code.rawValue, from: status, returnedFrom: returnedFrom, reason: reason)
            case let .decision(outcome):
                step = try DossierWorkflow.decide(dossier: code.rawValue, from: status, to: outcome)
            }
            var note = try Validate.optionalText(note, field: "note", limit: FieldLimit.note, multiline: true)
            if case let .defer(reason) = move, note == nil { note = try Validate.text(reason, field: "reason", limit: FieldLimit.note, multiline: true) }
            try connection.query("""
                UPDATE dossier SET status = $2, returned_from = $3, missing = $4, updated_at = ocop_now() WHERE id = $1
                """, id, step.to.rawValue, step.returnedFrom?.rawValue, step.to == .returned ? missing : [String]())
            try connection.query("""
                INSERT INTO dossier_event (dossier_id, actor, action, from_status, to_status, note, missing, detail)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)
                """, [id, actor.rawValue, step.action.rawValue, step.from.rawValue, step.to.rawValue, note, missing,
                      try detail.map { try JSONText(encoding: $0) }])
            return try dossier(id: id)
        }
    }

    /// The open session whose agenda holds the dossier undecided, if any.
    private func openSession(dossierID: Int) throws -> String? {
        try connection.optional("""
            SELECT s.code FROM session_dossier sd JOIN council_session s ON s.id = sd.session_id
            WHERE sd.dossier_id = $1 AND s.status = 'open'
              AND NOT EXISTS (SELECT 1 FROM council_result r WHERE r.session_id = sd.session_id AND r.dossier_id = sd.dossier_id)
              AND NOT EXISTS (SELECT 1 FROM session_deferral f WHERE f.session_id = sd.session_id AND f.dossier_id = sd.dossier_id)
            ORDER BY s.held_on DESC LIMIT 1
            """, dossierID)?.text(0)
    }

    static func decodeEvent(_ row: Row) throws -> DossierEvent {
        let from: String? = try row["from_status"]
        let detail: JSONText? = try row["detail"]
        return DossierEvent(
            at: try row["at"], actor: try row["actor"],
            action: try StoreError.decode(DossierAction.self, try row["action"], table: "dossier_event", column: "action"),
            from: try from.map { try StoreError.decode(DossierStatus.self, $0, table: "dossier_event", column: "from_status") },
            to: try StoreError.decode(DossierStatus.self, try row["to_status"], table: "dossier_event", column: "to_status"),
            note: try row["note"],
            detail: try detail.map { json in
                do { return try json.decode(as: DossierEventDetail.self) } catch {
                    throw StoreError.corruptStoredValue(table: "dossier_event", column: "detail", value: json.text)
                }
            },
            missing: try row["missing"])
    }

    public func history(_ code: DossierCode) throws -> [DossierEvent] {
        let dossier = try self.dossier(code)
        return try connection.query("""
            SELECT at, actor, action, from_status, to_status, note, missing, detail::text AS detail FROM dossier_event
            WHERE dossier_id = $1 ORDER BY id
            """, dossier.id).map(Self.decodeEvent)
    }

    // MARK: What the producer sees

    /// Everything `ocop dossier status` prints, read in one round trip.
    public func statusView(_ code: DossierCode) throws -> DossierStatusView {
        guard let row = try connection.optional("""
            SELECT d.code, pr.name AS product_name, pr.code AS product_code, p.name AS producer_name, d.kind, d.year, d.round,
                   d.status, d.missing, d.opened_at, cs.held_on::text AS council_date,
                   CASE WHEN NOT rb.has_tables THEN rb.id END AS rubric_without_tables,
                   e.at, e.actor, e.action, e.from_status, e.to_status, e.note, e.missing AS event_missing, e.detail::text AS detail,
                   \(DossierLifecycleReader.columns)
            FROM dossier d
            JOIN product pr ON pr.id = d.product_id
            JOIN producer p ON p.id = pr.producer_id
            JOIN rubric_version rb ON rb.id = d.rubric_version
            LEFT JOIN LATERAL (SELECT * FROM dossier_event WHERE dossier_id = d.id ORDER BY id DESC LIMIT 1) e ON true
            LEFT JOIN LATERAL (SELECT s.held_on FROM session_dossier sd JOIN council_session s ON s.id = sd.session_id
                               WHERE sd.dossier_id = d.id ORDER BY s.held_on DESC LIMIT 1) cs ON true
            \(DossierLifecycleReader.joins)
            WHERE d.code = $1
            """, code.rawValue) else {
            throw StoreError.notFound(.dossier, code.rawValue)
        }
        let hasEvent = try row.decode(Date?.self, "at") != nil
        let councilDate: String? = try row["council_date"]
        let kind = try StoreError.decode(DossierKind.self, try row["kind"], table: "dossier", column: "kind")
        let status = try StoreError.decode(DossierStatus.self, try row["status"], table: "dossier", column: "status")
        return DossierStatusView(
            dossier: try Self.code(try row["code"]), productName: try row["product_name"], productCode: try row["product_code"],
            producerName: try row["producer_name"],
            kind: kind, year: try row["year"], round: try row["round"], status: status,
            missing: try row["missing"], openedAt: try row["opened_at"],
            lastEvent: hasEvent ? try Self.decodeEvent(row, missingColumn: "event_missing") : nil,
            councilDate: councilDate.flatMap { CalendarDate(iso: $0) },
            lifecycle: try DossierLifecycleReader.decode(row, kind: kind, status: status, councilDate: councilDate.flatMap { CalendarDate(iso: $0) }),
            rubricWithoutTables: try row["rubric_without_tables"])
    }

    private static func decodeEvent(_ row: Row, missingColumn: String) throws -> DossierEvent {
        var event = try decodeEvent(row)
        event.missing = try row[missingColumn]
        return event
    }
}
