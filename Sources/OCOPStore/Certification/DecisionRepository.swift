import Foundation
import OCOPDomain
import OCOPModels
import Postgres

/// Recognition decisions (Art. 4.1, 7.3.e, 7.4.e): what a decision would contain, and issuing it
/// in one transaction — certificates, supersessions, dossier states and events, all or nothing.
public struct DecisionRepository {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// A dossier with its latest council result, as the draft reads it.
    struct CandidateRow {
        var dossierID: Int
        var view: DecisionCandidateView
        var status: DossierStatus
        var productID: Int
        var filedOn: CalendarDate
        var targetStars: Int?
        var year: Int
        var round: Int
        var sessionID: Int
        var proposedCentral: Bool
        /// The province the dossier belongs to (its provincial council's, else its commune's).
        var provinceCode: String
        var centralProposalOn: CalendarDate?
        var approvedBy: String?
    }

    static let candidates = """
        SELECT d.id, d.code, d.kind, d.status, d.year, d.round, d.filed_on::text AS filed_on, d.target_stars, d.product_id,
               pr.code AS product_code, pr.name AS product_name, pr.product_set, p.name AS producer_name, p.address, cm.name AS commune_name,
               lr.session_id, lr.session_code, lr.held_on::text AS held_on, lr.level, lr.stars, lr.total_sum, lr.sheet_count, lr.proposed_central,
               coalesce(pc.province_code, home.code) AS province_code, bc.certificate_no AS basis,
               (SELECT max(e.at) FROM dossier_event e WHERE e.dossier_id = d.id AND e.to_status = 'central_review') AS central_at,
               (SELECT dc.number || '/' || dc.symbol FROM decision_entry de JOIN decision dc ON dc.id = de.decision_id
                WHERE de.dossier_id = d.id AND de.outcome = 'proposed_central') AS approved_by
        FROM dossier d
        JOIN product pr ON pr.id = d.product_id
        JOIN producer p ON p.id = pr.producer_id
        JOIN commune cm ON cm.id = pr.commune_id
        JOIN LATERAL (
            SELECT r.session_id, s.code AS session_code, s.held_on, c.level, r.stars, r.total_sum, r.sheet_count, r.proposed_central
            FROM council_result r JOIN council_session s ON s.id = r.session_id JOIN council c ON c.id = s.council_id
            WHERE r.dossier_id = d.id ORDER BY s.held_on DESC, r.finalized_at DESC LIMIT 1
        ) lr ON true
        LEFT JOIN LATERAL (
            SELECT c.province_code FROM council_result r JOIN council_session s ON s.id = r.session_id JOIN council c ON c.id = s.council_id
            WHERE r.dossier_id = d.id AND c.level = 'provincial' AND c.province_code IS NOT NULL ORDER BY s.held_on DESC LIMIT 1
        ) pc ON true
        LEFT JOIN LATERAL (
            SELECT coalesce(sp.code, pv.code) AS code FROM province pv LEFT JOIN province sp ON sp.id = pv.successor_id WHERE pv.id = cm.province_id
        ) home ON true
        LEFT JOIN star_recognition bc ON bc.id = d.basis_certificate_id
        """

    func candidateRows(codes: [DossierCode]?, lock: Bool) throws -> [CandidateRow] {
        if lock {
            // Serialises two decisions over the same dossiers: the second sees the first's outcome.
            _ = try connection.query("""
                SELECT id FROM dossier WHERE ($1::text[] IS NULL OR code = ANY ($1::text[]))
                  AND status IN ('awaiting_decision', 'proposed_central') ORDER BY id FOR UPDATE
                """, codes.map { $0.map(\.rawValue) })
        }
        let rows = try connection.query(Self.candidates + """
             WHERE d.status IN ('awaiting_decision', 'proposed_central', 'not_recognised')
               AND ($1::text[] IS NULL OR d.code = ANY ($1::text[]))
             ORDER BY d.code
            """, codes.map { $0.map(\.rawValue) })
        return try rows.map { row in
            let code = try DossierRepository.code(try row["code"])
            let kind = try StoreError.decode(DossierKind.self, try row["kind"], table: "dossier", column: "kind")
            let status = try StoreError.decode(DossierStatus.self, try row["status"], table: "dossier", column: "status")
            let level = try StoreError.decode(CouncilLevel.self, try row["level"], table: "council", column: "level")
            let basis: String? = try row["basis"]
            let sessionCode: String = try row["session_code"]
            guard let session = SessionCode(normalizing: sessionCode) else {
                throw StoreError.corruptStoredValue(table: "council_session", column: "code", value: sessionCode)
            }
            let sheetCount: Int = try row["sheet_count"]
            let centralAt: Date? = try row["central_at"]
            let view = DecisionCandidateView(
                dossier: code, kind: kind, productCode: try row["product_code"], productName: try row["product_name"],
                productSet: try row["product_set"], producerName: try row["producer_name"], producerAddress: try row["address"],
                communeName: try row["commune_name"], stars: try row["stars"], score: ExactMean(sum: try row["total_sum"], count: max(sheetCount, 1)),
                councilLevel: level, session: session, resultOn: try Stored.requiredDate(row, "held_on", table: "council_session"),
                basis: try basis.map(Stored.certificateNumber), supersedes: nil, problems: [])
            return CandidateRow(
                dossierID: try row["id"], view: view, status: status, productID: try row["product_id"],
                filedOn: try Stored.requiredDate(row, "filed_on", table: "dossier"), targetStars: try row["target_stars"], year: try row["year"],
                round: try row["round"], sessionID: try row["session_id"], proposedCentral: try row["proposed_central"],
                provinceCode: try row["province_code"], centralProposalOn: centralAt.map(Stored.vietnamDay), approvedBy: try row["approved_by"])
        }
    }

    /// What a decision of `authority` dated `decidedOn` would contain: the province takes its own
    /// 3★/4★ results and the central council's 3★/4★ ones for its dossiers (Art. 7.4.g), and
    /// approves its ≥ 90 results for the Ministry; the Ministry takes the central council's 5★.
    /// Each result goes through `DecisionPlan` (authority, band, dates) and, for its product,
    /// `DossierEligibility.checkDecision` (certificates in force on the decision date).
    public func draft(authority: IssuingAuthority, decidedOn: CalendarDate, today: CalendarDate, only: [DossierCode]? = nil) throws -> DecisionDraft {
        try draft(authority: authority, decidedOn: decidedOn, today: today, rows: try candidateRows(codes: only, lock: false)).draft
    }

    func draft(authority: IssuingAuthority, decidedOn: CalendarDate, today: CalendarDate, rows: [CandidateRow]) throws -> (draft: DecisionDraft, rows: [DossierCode: CandidateRow], supersedes: [DossierCode: CertificateView]) {
        let mine: (CandidateRow) -> Bool = { row in
            switch authority {
            case .province(let code): return row.provinceCode == code && (row.view.councilLevel == .provincial || (row.view.stars ?? 0) < 5)
            case .ministry: return row.view.councilLevel == .central
            }
        }
        let ours = rows.filter(mine)
        var byCode: [DossierCode: CandidateRow] = [:]
        for row in ours { byCode[row.view.dossier] = row }
        let waiting = ours.filter { row in
            let stars = row.view.stars ?? 0
            return row.status == .awaitingDecision && (authority.isMinistry ? stars == 5 : (3...4).contains(stars))
        }
        var proposals: [DecisionCandidateView] = []
        if !authority.isMinistry {
            proposals = ours.filter { $0.status == .proposedCentral && $0.view.councilLevel == .provincial && $0.approvedBy == nil }.map(\.view)
        }
        // A result below 3★ gets a written notice from the level that scored it (Art. 7.3.g, 7.4.g).
        let notices = ours.filter {
            $0.status == .notRecognised && ($0.view.stars ?? 0) < 3 && $0.view.councilLevel == authority.councilLevel && $0.view.resultOn.year == decidedOn.year
        }.map(\.view)

        let plan = try DecisionPlan.make(authority: authority, decidedOn: decidedOn, today: today, candidates: waiting.map { row in
            DecisionCandidate(dossier: row.view.dossier.rawValue, stars: row.view.stars ?? 0, score: .exact(row.view.score),
                              councilLevel: row.view.councilLevel, resultOn: row.view.resultOn)
        })
        let certificates = try CertificateRepository(connection).certificates(productIDs: waiting.map(\.productID), asOf: decidedOn)
        var recognise: [DecisionCandidateView] = [], notGranted: [DecisionCandidateView] = [], refused: [DecisionCandidateView] = []
        var supersedes: [DossierCode: CertificateView] = [:]
        for refusal in plan.refused {
            guard var view = waiting.first(where: { $0.view.dossier.rawValue == refusal.candidate.dossier })?.view else { continue }
            view.problems = refusal.problems.map { LocalizedText(vi: $0.message(.vi), en: $0.message(.en)) }
            refused.append(view)
        }
        for entry in plan.annex {
            guard let row = waiting.first(where: { $0.view.dossier.rawValue == entry.candidate.dossier }) else { continue }
            var view = row.view
            let owned = certificates[row.productID] ?? []
            do {
                let decision = try DossierEligibility.checkDecision(
                    kind: view.kind, product: view.productCode, certificates: owned.map(\.record), filedOn: row.filedOn,
                    targetStars: row.targetStars, resultStars: entry.stars, decidedOn: decidedOn)
                if let old = decision.supersedes, let stored = owned.first(where: { $0.number == old.number }) {
                    view.supersedes = old.number
                    supersedes[view.dossier] = stored
                }
                if view.basis == nil { view.basis = decision.filing.basis?.number }
                recognise.append(view)
            } catch {
                view.problems = [LocalizedText(vi: error.message(.vi), en: error.message(.en))]
                if case let .upgradeResultNotHigher(_, current, _) = error {
                    view.basis = view.basis ?? current.number
                    notGranted.append(view)
                } else {
                    refused.append(view)
                }
            }
        }
        let order: (DecisionCandidateView, DecisionCandidateView) -> Bool = { ($0.stars ?? 0, $1.dossier.rawValue) > ($1.stars ?? 0, $0.dossier.rawValue) }
        let draft = DecisionDraft(authority: authority, decidedOn: decidedOn, recognise: recognise.sorted(by: order), notGranted: notGranted,
                                  proposeCentral: proposals, notices: notices, refused: refused)
        return (draft, byCode, supersedes)
    }

    /// Issues a recognition decision. Refused as a whole (nothing written) when a named dossier
    /// cannot be decided, when the whole draft holds a refused dossier, or when the number is
    /// taken for that issuer and year.
    public func issue(_ request: DecisionRequest, today: CalendarDate, actor: PersonCode) throws -> DecisionView {
        try connection.transaction { connection in
            let named = request.dossiers.isEmpty ? nil : request.dossiers
            var seen: Set<DossierCode> = []
            for code in request.dossiers where !seen.insert(code).inserted { throw StoreError.dossierTwice(code.rawValue) }
            let rows = try candidateRows(codes: named, lock: true)
            let (draft, byCode, supersedes) = try draft(authority: request.authority, decidedOn: request.decidedOn, today: today, rows: rows)
            if let named {
                var blocked: [StoreError.Blocked] = []
                for code in named {
                    if let refused = draft.refused.first(where: { $0.dossier == code }) {
                        blocked.append(.init(dossier: code.rawValue, problems: refused.problems))
                    } else if !draft.actionable.contains(where: { $0.dossier == code }) {
                        throw try notAwaiting(code)
                    }
                }
                if !blocked.isEmpty { throw StoreError.decisionBlocked(blocked) }
            } else if !draft.refused.isEmpty {
                throw StoreError.decisionBlocked(draft.refused.map { .init(dossier: $0.dossier.rawValue, problems: $0.problems) })
            }
            guard !draft.actionable.isEmpty else {
                throw StoreError.nothingToDecide(authority: request.authority.code, on: request.decidedOn)
            }

            let provinceID: Int? = try {
                guard case .province(let code) = request.authority else { return nil }
                return try UnitRepository(connection).provinceID(code, at: request.decidedOn.iso)
            }()
            let calendar = try CalendarRepository(connection).calendar()
            let decided = draft.recognise + draft.proposeCentral
            let round = try Self.round(of: decided.compactMap { byCode[$0.dossier] } + draft.notGranted.compactMap { byCode[$0.dossier] },
                                       ministry: request.authority.isMinistry, calendar: calendar)
            let place = try Self.place(request.place, provinceID: provinceID, connection)
            let decisionID: Int
            do {
                decisionID = try connection.transaction { connection in
                    try connection.one("""
                        INSERT INTO decision (kind, issuer_code, province_id, number, symbol, year, decided_on, round_year, round_number, place,
                            signer_prefix, signer_title, signer_name, legal_bases, proposer, submission_no, submission_date, agency, created_by)
                        VALUES ('recognition', $1, $2, $3, $4, $5, $6::date, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::date, $17, $18)
                        RETURNING id
                        """, [request.authority.code, provinceID, request.number.number, request.number.symbol, request.decidedOn.year,
                              request.decidedOn.iso, round.year, round.number, place,
                              request.signer.prefix?.nfc, request.signer.title.nfc, request.signer.name.nfc, request.legalBases.map(\.nfc),
                              request.proposer?.nfc, request.submissionNumber?.nfc, request.submissionDate?.iso, request.agency?.nfc,
                              actor.rawValue]).decode(Int.self, "id")
                }
            } catch let error as PostgresError where error.serverError?.constraint == "decision_number_key" {
                let existing = try connection.one("SELECT decided_on::text AS decided_on FROM decision WHERE issuer_code = $1 AND year = $2 AND number = $3",
                                                  request.authority.code, request.decidedOn.year, request.number.number)
                throw StoreError.decisionNumberTaken(issuer: request.authority.code, year: request.decidedOn.year, number: request.number.description,
                                                     decidedOn: try Stored.requiredDate(existing, "decided_on", table: "decision"))
            }

            let certificates = CertificateRepository(connection)
            let dossiers = DossierRepository(connection)
            var position = 0
            for view in draft.recognise {
                guard let row = byCode[view.dossier], let stars = view.stars else { continue }
                position += 1
                let validUntil = CertificateTerm.validUntil(issuedOn: request.decidedOn)
                let old = supersedes[view.dossier]
                if let old { try certificates.supersede(id: old.id, on: request.decidedOn, by: nil) }
                let rubric = try connection.one("SELECT rubric_version FROM dossier WHERE id = $1", row.dossierID).decode(String.self, "rubric_version")
                let issued = try certificates.insert(.init(
                    productID: row.productID, stars: stars, scoreHundredths: view.score.hundredths, year: row.year,
                    decisionNumber: request.number.description, issuedOn: request.decidedOn, validUntil: validUntil, rubricVersion: rubric,
                    provinceID: try provinceID ?? UnitRepository(connection).provinceID(row.provinceCode, at: request.decidedOn.iso),
                    issuer: request.authority.isMinistry ? .ministry : .province, numberIssuer: request.authority.code,
                    dossierID: row.dossierID, decisionID: decisionID, revokedOn: nil, revocationReason: nil, illustrative: false), actor: actor)
                if let old { try certificates.linkSuccessor(id: old.id, by: issued.id) }
                try entry(decisionID: decisionID, position: position, row: row, outcome: .recognised, stars: stars, certificateID: issued.id)
                try dossiers.apply(.decision(.recognised), to: view.dossier, actor: actor, detail: .recognised(
                    decision: request.number.description, decidedOn: request.decidedOn, certificate: issued.number.description,
                    stars: stars, validUntil: validUntil))
            }
            for view in draft.proposeCentral {
                guard let row = byCode[view.dossier] else { continue }
                position += 1
                try entry(decisionID: decisionID, position: position, row: row, outcome: .proposedCentral, stars: 5, certificateID: nil)
                try connection.query("""
                    INSERT INTO dossier_event (dossier_id, actor, action, from_status, to_status, detail)
                    VALUES ($1, $2, 'decision', 'proposed_central', 'proposed_central', $3::jsonb)
                    """, row.dossierID, actor.rawValue,
                    try JSONText(encoding: DossierEventDetail.approvedForCentral(decision: request.number.description, decidedOn: request.decidedOn)))
            }
            for view in draft.notGranted {
                guard let row = byCode[view.dossier], let stars = view.stars else { continue }
                position += 1
                try entry(decisionID: decisionID, position: position, row: row, outcome: .notGranted, stars: stars, certificateID: nil)
                let basis = view.basis
                let basisStars = try basis.map { number in
                    try certificates.certificate(number, asOf: request.decidedOn).stars
                } ?? stars
                try dossiers.apply(.decision(.notRecognised), to: view.dossier, actor: actor, detail: .upgradeNotGranted(
                    decision: request.number.description, decidedOn: request.decidedOn, certificate: basis?.description ?? "—",
                    certificateStars: basisStars, resultStars: stars))
            }
            return try decision(id: decisionID, asOf: request.decidedOn)
        }
    }

    private func entry(decisionID: Int, position: Int, row: CandidateRow, outcome: DecisionEntryView.Outcome, stars: Int, certificateID: Int?) throws {
        try connection.query("""
            INSERT INTO decision_entry (decision_id, position, dossier_id, session_id, outcome, stars, certificate_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            """, [decisionID, position, row.dossierID, row.sessionID, outcome.rawValue, stars, certificateID])
    }

    /// Why a named dossier is not a candidate: its state, or the decision it already has.
    private func notAwaiting(_ code: DossierCode) throws -> StoreError {
        guard let row = try connection.optional("""
            SELECT d.status, dc.number, dc.symbol FROM dossier d
            LEFT JOIN LATERAL (
                SELECT x.number, x.symbol FROM decision_entry e JOIN decision x ON x.id = e.decision_id
                WHERE e.dossier_id = d.id AND e.outcome IN ('recognised', 'not_granted') LIMIT 1
            ) dc ON true
            WHERE d.code = $1
            """, code.rawValue) else { return StoreError.notFound(.dossier, code.rawValue) }
        let status = try StoreError.decode(DossierStatus.self, try row["status"], table: "dossier", column: "status")
        let number: Int? = try row["number"]
        let decision = try number.map { try Stored.decisionNumber(number: $0, symbol: try row["symbol"]).description }
        return StoreError.notAwaitingDecision(dossier: code.rawValue, status: status, decision: decision)
    }

    /// The evaluation round a decision decides: the dossiers' provincial round (the most common,
    /// the latest on a tie), or for the Ministry the central round of the province's proposal.
    static func round(of rows: [CandidateRow], ministry: Bool, calendar: EvaluationCalendar) throws -> (year: Int, number: Int) {
        var counts: [RoundID: Int] = [:]
        for row in rows {
            let id: RoundID
            if ministry {
                let proposed = row.centralProposalOn ?? row.view.resultOn
                id = calendar.round(forFilingOn: proposed, level: .central).id
            } else {
                id = RoundID(level: .provincial, year: row.year, number: row.round)
            }
            counts[id, default: 0] += 1
        }
        guard let best = counts.max(by: { ($0.value, $0.key) < ($1.value, $1.key) })?.key else {
            throw StoreError.corruptStoredValue(table: "decision", column: "round", value: "no dossier")
        }
        return (best.year, best.number)
    }

    /// The place on the date line: given, else the province's name, else Hà Nội for the Ministry.
    static func place(_ given: String?, provinceID: Int?, _ connection: Connection) throws -> String {
        if let given = given?.nfc.trimmingCharacters(in: .whitespaces), !given.isEmpty { return given }
        guard let provinceID else { return "Hà Nội" }
        return try connection.one("SELECT name FROM province WHERE id = $1", provinceID).decode(String.self, "name")
    }

    // MARK: Reading

    /// What a notice of a result below 3★ needs besides the council's result: the session that
    /// decided it and where the producer and the commune are.
    public struct NoticeFacts: Sendable {
        public let dossier: Dossier
        public let session: SessionCode
        public let producerAddress: String?
        public let communeName: String
        public let communeKind: String
        public let provinceName: String
        public let provinceKind: String
    }

    public func noticeFacts(_ code: DossierCode) throws -> NoticeFacts {
        let dossier = try DossierRepository(connection).dossier(code)
        guard dossier.status == .notRecognised, let row = try connection.optional("""
            SELECT s.code, p.address, c.name AS commune, c.kind AS commune_kind, pv.name AS province, pv.kind AS province_kind
            FROM council_result r JOIN council_session s ON s.id = r.session_id JOIN dossier d ON d.id = r.dossier_id
            JOIN product pr ON pr.id = d.product_id JOIN producer p ON p.id = pr.producer_id JOIN commune c ON c.id = pr.commune_id
            JOIN province pv ON pv.id = c.province_id
            WHERE d.id = $1 ORDER BY s.held_on DESC LIMIT 1
            """, dossier.id) else {
            throw StoreError.notAwaitingDecision(dossier: code.rawValue, status: dossier.status, decision: nil)
        }
        return NoticeFacts(dossier: dossier, session: try SessionCode(parsing: try row.decode(String.self, "code")),
                           producerAddress: try row["address"], communeName: try row["commune"], communeKind: try row["commune_kind"],
                           provinceName: try row["province"], provinceKind: try row["province_kind"])
    }

    static let selectDecision = """
        SELECT dc.id, dc.kind, dc.issuer_code, dc.number, dc.symbol, dc.decided_on::text AS decided_on, dc.place, dc.signer_prefix,
               dc.signer_title, dc.signer_name, dc.round_year, dc.round_number, dc.legal_bases, dc.proposer, dc.submission_no,
               dc.submission_date::text AS submission_date, dc.agency, dc.created_by, pv.name AS province_name, pv.kind AS province_kind
        FROM decision dc LEFT JOIN province pv ON pv.id = dc.province_id
        """

    /// Decisions, newest first, optionally of one issuer and year.
    public func decisions(issuerCode: String? = nil, year: Int? = nil, kind: DecisionKind? = nil, asOf: CalendarDate) throws -> [DecisionView] {
        let ids = try connection.query("""
            SELECT id FROM decision WHERE ($1::text IS NULL OR issuer_code = $1) AND ($2::int IS NULL OR year = $2) AND ($3::text IS NULL OR kind = $3)
            ORDER BY decided_on, issuer_code, number
            """, issuerCode, year, kind?.rawValue).map { try $0.decode(Int.self, "id") }
        return try ids.map { try decision(id: $0, asOf: asOf) }
    }

    /// The decisions numbered `number`, optionally narrowed to an issuer and a year.
    public func find(_ number: DecisionNumber, issuerCode: String?, year: Int?) throws -> [Int] {
        try connection.query("""
            SELECT id FROM decision WHERE number = $1 AND symbol = $2 AND ($3::text IS NULL OR issuer_code = $3) AND ($4::int IS NULL OR year = $4)
            ORDER BY decided_on
            """, number.number, number.symbol, issuerCode, year).map { try $0.decode(Int.self, "id") }
    }

    public func decision(id: Int, asOf: CalendarDate) throws -> DecisionView {
        guard let row = try connection.optional(Self.selectDecision + " WHERE dc.id = $1", id) else { throw StoreError.notFound(.decision, String(id)) }
        let kind = try StoreError.decode(DecisionKind.self, try row["kind"], table: "decision", column: "kind")
        let issuerCode: String = try row["issuer_code"]
        guard let authority = IssuingAuthority(code: issuerCode) else { throw StoreError.corruptStoredValue(table: "decision", column: "issuer_code", value: issuerCode) }
        let entries = try connection.query("""
            SELECT e.position, e.outcome, e.stars, sc.cert_issuer, sc.cert_year, sc.cert_serial, sc.valid_until::text AS valid_until,
                   d.code, d.kind, pr.code AS product_code, pr.name AS product_name, pr.product_set, p.name AS producer_name, p.address,
                   cm.name AS commune_name, r.stars AS result_stars, r.total_sum, r.sheet_count, s.code AS session_code,
                   s.held_on::text AS held_on, c.level, bc.certificate_no AS basis, sup.certificate_no AS supersedes
            FROM decision_entry e
            JOIN dossier d ON d.id = e.dossier_id
            JOIN product pr ON pr.id = d.product_id
            JOIN producer p ON p.id = pr.producer_id
            JOIN commune cm ON cm.id = pr.commune_id
            JOIN council_result r ON r.session_id = e.session_id AND r.dossier_id = e.dossier_id
            JOIN council_session s ON s.id = e.session_id
            JOIN council c ON c.id = s.council_id
            LEFT JOIN star_recognition sc ON sc.id = e.certificate_id
            LEFT JOIN star_recognition bc ON bc.id = d.basis_certificate_id
            LEFT JOIN star_recognition sup ON sup.superseded_by = e.certificate_id
            WHERE e.decision_id = $1 ORDER BY e.position
            """, id).map { r -> DecisionEntryView in
            let outcome = try StoreError.decode(DecisionEntryView.Outcome.self, try r["outcome"], table: "decision_entry", column: "outcome")
            let sessionCode: String = try r["session_code"]
            let sheetCount: Int = try r["sheet_count"]
            let basis: String? = try r["basis"]
            let supersedes: String? = try r["supersedes"]
            let serial: Int? = try r["cert_serial"]
            let certificate = try serial.map { try Stored.certificateNumber(issuer: try r["cert_issuer"], year: try r["cert_year"], serial: $0) }
            let candidate = DecisionCandidateView(
                dossier: try DossierRepository.code(try r["code"]),
                kind: try StoreError.decode(DossierKind.self, try r["kind"], table: "dossier", column: "kind"),
                productCode: try r["product_code"], productName: try r["product_name"], productSet: try r["product_set"],
                producerName: try r["producer_name"], producerAddress: try r["address"], communeName: try r["commune_name"],
                stars: try r["result_stars"], score: ExactMean(sum: try r["total_sum"], count: max(sheetCount, 1)),
                councilLevel: try StoreError.decode(CouncilLevel.self, try r["level"], table: "council", column: "level"),
                session: try SessionCode(parsing: sessionCode), resultOn: try Stored.requiredDate(r, "held_on", table: "council_session"),
                basis: try basis.map(Stored.certificateNumber), supersedes: try supersedes.map(Stored.certificateNumber), problems: [])
            return DecisionEntryView(position: try r["position"], outcome: outcome, candidate: candidate, stars: try r["stars"],
                                     certificate: certificate, validUntil: try Stored.date(r, "valid_until", table: "star_recognition"))
        }
        let revokedIDs = try connection.query("SELECT certificate_id FROM certificate_revocation WHERE decision_id = $1 ORDER BY certificate_id", id)
            .map { try $0.decode(Int.self, "certificate_id") }
        let certificates = CertificateRepository(connection)
        let revoked = try revokedIDs.map { certificateID -> RevokedEntryView in
            let certificate = try certificates.certificate(id: certificateID, asOf: asOf)
            guard let revocation = certificate.revocation else {
                throw StoreError.corruptStoredValue(table: "certificate_revocation", column: "certificate_id", value: String(certificateID))
            }
            let origin = try connection.optional("""
                SELECT dc.decided_on::text AS decided_on, dc.issuer_code FROM star_recognition s JOIN decision dc ON dc.id = s.decision_id WHERE s.id = $1
                """, certificateID)
            return RevokedEntryView(certificate: certificate, revocation: revocation,
                                    recognitionDecidedOn: try origin.flatMap { try Stored.date($0, "decided_on", table: "decision") },
                                    recognitionIssuerCode: try origin.map { try $0.decode(String.self, "issuer_code") })
        }
        let councils = try connection.query("""
            SELECT DISTINCT c.name, c.decision_ref FROM decision_entry e JOIN council_session s ON s.id = e.session_id
            JOIN council c ON c.id = s.council_id WHERE e.decision_id = $1 ORDER BY c.name
            """, id).map { CouncilReference(name: try $0["name"], decisionRef: try $0["decision_ref"]) }
        let prefix: String? = try row["signer_prefix"]
        return DecisionView(
            id: id, kind: kind, number: try Stored.decisionNumber(number: try row["number"], symbol: try row["symbol"]), authority: authority,
            provinceName: try row["province_name"], provinceKind: try row["province_kind"],
            decidedOn: try Stored.requiredDate(row, "decided_on", table: "decision"), place: try row["place"],
            signer: DecisionSigner(prefix: prefix, title: try row["signer_title"], name: try row["signer_name"]),
            roundYear: try row["round_year"], roundNumber: try row["round_number"], legalBases: try row["legal_bases"],
            proposer: try row["proposer"], submissionNumber: try row["submission_no"],
            submissionDate: try Stored.date(row, "submission_date", table: "decision"), agency: try row["agency"],
            entries: entries, revoked: revoked, councils: councils, recordedBy: try row["created_by"])
    }
}
