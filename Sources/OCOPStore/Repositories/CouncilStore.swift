import Foundation
import OCOPDomain
import Postgres

/// A council with its policy and members.
public struct Council: Sendable, Codable, Hashable {
    public struct Member: Sendable, Codable, Hashable {
        public var person: String
        public var name: String
        public var organisation: String?
        public var role: CouncilRole
    }
    public var id: Int
    public var code: String
    public var name: String
    public var level: CouncilLevel
    public var provinceCode: String?
    public var decisionRef: String?
    public var policy: CouncilPolicy
    public var members: [Member]

    /// Scoring members and the secretary, then the advisory team (kept apart).
    public var councilMembers: [Member] { members.filter { $0.role != .advisor } }
    public var advisoryTeam: [Member] { members.filter { $0.role == .advisor } }
}

public struct CouncilSessionSummary: Sendable, Codable, Hashable {
    public var code: String
    public var council: String
    public var councilName: String
    public var heldOn: String
    public var place: String?
    public var status: String
    public var dossiers: Int
    public var decided: Int
    public var deferred: Int
}

public struct RecusalRecord: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case kin, employee, consultant
        case cooperativeMember = "cooperative_member"
        case other

        public var label: LocalizedText {
            switch self {
            case .kin: LocalizedText(vi: "có quan hệ gia đình với chủ thể", en: "kin of the producer")
            case .employee: LocalizedText(vi: "là người lao động của chủ thể", en: "employee of the producer")
            case .consultant: LocalizedText(vi: "tư vấn cho hồ sơ", en: "consultant to the dossier")
            case .cooperativeMember: LocalizedText(vi: "là thành viên hợp tác xã/tổ hợp tác", en: "member of the cooperative")
            case .other: LocalizedText(vi: "lý do khác", en: "other")
            }
        }
    }
    public var dossier: String
    public var person: String
    public var kind: Kind
    public var reason: String
    public var declaredBy: String
}

public struct OverrideRecord: Sendable, Codable, Hashable {
    public var dossier: String
    public var flag: String
    public var chair: String
    public var reason: String
    public var recordedAt: Date
}

/// A knock-out decided by the council for one dossier; a withdrawn one stays on record.
public struct KnockOutRecord: Sendable, Codable, Hashable {
    public var dossier: String
    public var declaration: KnockOutDeclaration
    /// The clause as quoted from the dossier's frozen product set.
    public var clauseText: String
    public var reason: String
    /// The presiding chair's person code.
    public var decidedBy: String
    public var recordedAt: Date
    public var recordedBy: String
    public var withdrawnAt: Date?
    public var withdrawnBy: String?
    public var withdrawnReason: String?

    public var isStanding: Bool { withdrawnAt == nil }
}

/// A dossier taken off a session ("hoãn"), to go on a later one.
public struct DeferralRecord: Sendable, Codable, Hashable {
    public var dossier: String
    public var reason: String
    public var deferredAt: Date
    public var deferredBy: String
}

/// A submitted sheet version as stored.
public struct StoredSheet: Sendable, Codable, Hashable {
    public var id: Int
    public var person: String
    public var version: Int
    public var total: Int
    public var source: String
    public var enteredBy: String?
    public var paperRef: String?
    public var reason: String?
    public var rubricVersion: String
    public var rubricHash: String
    public var submittedAt: Date
    public var submittedBy: String
    public var sheet: ScoreSheet
}

public struct StoredResult: Sendable, Codable, Hashable {
    public var average: String
    public var stars: Int?
    public var band: Int
    public var recognised: Bool
    public var proposedCentral: Bool
    public var disqualified: Bool
    public var spread: Int
    public var sheetCount: Int
    public var outcome: DossierStatus
    public var reasonsVi: [String]
    public var reasonsEn: [String]
    public var producerReasonsVi: [String]
    public var overrides: [String]
    public var finalizedAt: Date
    public var finalizedBy: String

    public func reasons(_ language: Language) -> [String] { language == .vi ? reasonsVi : reasonsEn }
}

/// One dossier on a session's agenda with everything stored about it.
public struct SessionDossier: Sendable, Hashable {
    public var id: Int
    public var code: String
    public var productName: String
    public var producerName: String
    public var productSet: Int
    public var status: DossierStatus
    public var rubricVersion: String
    public var rubricHash: String
    public var recusals: [RecusalRecord]
    /// Current (latest) version of each member's sheet.
    public var sheets: [StoredSheet]
    public var overrides: [OverrideRecord]
    /// Every knock-out decision, withdrawn ones included, in the order recorded.
    public var knockOuts: [KnockOutRecord]
    /// Set when the dossier was taken off this session.
    public var deferral: DeferralRecord?
    public var result: StoredResult?

    public var standingKnockOuts: [KnockOutRecord] { knockOuts.filter(\.isStanding) }
}

/// A session as read from the database (one consistent read).
public struct SessionSnapshot: Sendable {
    public var id: Int
    public var code: String
    public var heldOn: String
    public var place: String?
    public var status: String
    public var openedBy: String
    public var finalizedAt: Date?
    public var council: Council
    public var roster: [RosterEntry]
    public var dossiers: [SessionDossier]

    public func dossier(_ code: String) -> SessionDossier? {
        let key = code.trimmingCharacters(in: .whitespaces).uppercased()
        return dossiers.first { $0.code == key }
    }
}

/// A session with each dossier assessed under the council's policy.
public struct SessionReport: Sendable {
    public var snapshot: SessionSnapshot
    /// Same order as `snapshot.dossiers`.
    public var assessments: [DossierAssessment]
}

/// What one finalization did.
public struct FinalizationReport: Sendable {
    public var session: String
    /// Dossiers decided by this call.
    public var decided: [String]
    /// Dossiers that already had a result (another finalizer, or an earlier call).
    public var alreadyDecided: [String]
    /// Dossiers deferred from the session: never decided here.
    public var deferred: [String]
    public var sessionFinalized: Bool
}

/// Councils, members, sessions and their finalization.
public struct CouncilStore {
    public let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    static func personKey(_ code: String) -> String { code.trimmingCharacters(in: .whitespaces).lowercased().nfc }
    static func codeKey(_ code: String) -> String { code.trimmingCharacters(in: .whitespaces).uppercased().nfc }

    // MARK: People and councils

    /// Adds a person, or returns the existing one (the name must then match or be omitted).
    @discardableResult
    public func ensurePerson(code: String, name: String?, organisation: String?, actor: String) throws -> Int {
        let key = Self.personKey(code)
        if let row = try connection.optional("SELECT id FROM person WHERE code = $1", key) { return try row["id"] }
        guard let name, !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw CouncilError.unknownPerson(key) }
        guard key.range(of: "^[a-z0-9][a-z0-9._-]*$", options: .regularExpression) != nil else {
            throw StoreError.invalid(field: "person code", value: code, reason: LocalizedText(
                vi: "chỉ dùng chữ thường không dấu, số, dấu chấm, gạch ngang (vd. nguyen-van-a).",
                en: "use lower-case ASCII letters, digits, dots and dashes (e.g. nguyen-van-a)."))
        }
        return try connection.one("""
            INSERT INTO person (code, full_name, organisation, created_by) VALUES ($1, $2, $3, $4) RETURNING id
            """, key, name.nfc.trimmingCharacters(in: .whitespaces), organisation?.nfc, actor.nfc).decode(Int.self, "id")
    }

    func personID(_ code: String) throws -> Int {
        guard let row = try connection.optional("SELECT id FROM person WHERE code = $1", Self.personKey(code)) else {
            throw CouncilError.unknownPerson(Self.personKey(code))
        }
        return try row["id"]
    }

    public func createCouncil(code: String, name: String, level: CouncilLevel, provinceCode: String?, decisionRef: String?,
                              policy: CouncilPolicy, actor: String) throws -> Council {
        let problems = policy.problems
        guard problems.isEmpty else { throw CouncilError.invalidPolicy(problems) }
        let key = Self.codeKey(code)
        guard !key.isEmpty else { throw StoreError.invalid(field: "council code", value: code, reason: LocalizedText(vi: "không được để trống.", en: "must not be empty.")) }
        do {
            try connection.query("""
                INSERT INTO council (code, name, level, province_code, decision_ref, quorum_numerator, quorum_denominator,
                                     quorum_requires_chair, max_spread, secretary_scores, minimum_split, created_by)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                """, [key, name.nfc, level.rawValue, provinceCode, decisionRef?.nfc, policy.quorumNumerator, policy.quorumDenominator,
                      policy.quorumRequiresChair, policy.maxSpread, policy.secretaryScores, policy.minimumSplit.rawValue, actor.nfc])
        } catch let error as PostgresError where error.serverError?.isUniqueViolation == true {
            throw CouncilError.duplicateCouncil(key)
        }
        return try council(key)
    }

    public func councils() throws -> [Council] {
        try connection.query("SELECT code FROM council ORDER BY code").map { try council(try $0.decode(String.self, "code")) }
    }

    public func council(_ code: String) throws -> Council {
        let key = Self.codeKey(code)
        guard let row = try connection.optional("SELECT * FROM council WHERE code = $1", key) else { throw CouncilError.unknownCouncil(key) }
        let id: Int = try row["id"]
        let members = try connection.query("""
            SELECT p.code, p.full_name, p.organisation, m.role FROM council_member m JOIN person p ON p.id = m.person_id
            WHERE m.council_id = $1
            """, id).map { r in
            Council.Member(person: try r["code"], name: try r["full_name"], organisation: try r["organisation"],
                           role: CouncilRole(rawValue: try r["role"]) ?? .member)
        }.sorted { ($0.role, $0.name) < ($1.role, $1.name) }
        return Council(
            id: id, code: try row["code"], name: try row["name"], level: CouncilLevel(rawValue: try row["level"]) ?? .provincial,
            provinceCode: try row["province_code"], decisionRef: try row["decision_ref"],
            policy: CouncilPolicy(
                quorumNumerator: try row["quorum_numerator"], quorumDenominator: try row["quorum_denominator"],
                quorumRequiresChair: try row["quorum_requires_chair"], maxSpread: try row["max_spread"],
                secretaryScores: try row["secretary_scores"],
                minimumSplit: MinimumSplitRule(rawValue: try row["minimum_split"]) ?? .mustResolve),
            members: members)
    }

    /// Adds a member (creating the person when `name` is given) or changes their role.
    public func addMember(council code: String, person: String, name: String?, organisation: String?, role: CouncilRole, actor: String) throws -> Council {
        try connection.transaction { connection in
            let council = try self.council(code)
            let personID = try ensurePerson(code: person, name: name, organisation: organisation, actor: actor)
            if role == .chair, let chair = council.members.first(where: { $0.role == .chair }), chair.person != Self.personKey(person) {
                throw CouncilError.secondChair(council: council.code, existing: chair.person)
            }
            try connection.query("""
                INSERT INTO council_member (council_id, person_id, role, added_by) VALUES ($1, $2, $3, $4)
                ON CONFLICT (council_id, person_id) DO UPDATE SET role = EXCLUDED.role
                """, council.id, personID, role.rawValue, actor.nfc)
            return try self.council(code)
        }
    }

    // MARK: Sessions

    /// Opens a session: records attendance (everyone present unless listed absent) and puts each
    /// dossier on the agenda with its frozen rubric, moving it to `council_scheduled`.
    public func openSession(council code: String, heldOn: PostgresDate, place: String?, dossiers: [String], absent: [String],
                            actor: String) throws -> SessionSnapshot {
        guard !dossiers.isEmpty else { throw CouncilError.noDossiers }
        return try connection.transaction { connection in
            let council = try self.council(code)
            let absentKeys = Set(absent.map(Self.personKey))
            for person in absentKeys where !council.members.contains(where: { $0.person == person }) {
                throw CouncilError.notAMember(person: person, council: council.code)
            }
            let serial = try connection.one("""
                INSERT INTO council_session_serial (year, last_serial) VALUES ($1, 1)
                ON CONFLICT (year) DO UPDATE SET last_serial = council_session_serial.last_serial + 1 RETURNING last_serial
                """, heldOn.year).decode(Int.self, "last_serial")
            let digits = String(serial)
            let sessionCode = "PH-\(heldOn.year)-\(String(repeating: "0", count: max(0, 3 - digits.count)))\(digits)"
            let sessionID = try connection.one("""
                INSERT INTO council_session (code, council_id, held_on, place, opened_by) VALUES ($1, $2, $3, $4, $5) RETURNING id
                """, sessionCode, council.id, heldOn, place?.nfc, actor.nfc).decode(Int.self, "id")
            try connection.query("""
                INSERT INTO session_attendance (session_id, person_id, present, recorded_by)
                SELECT $1, m.person_id, NOT (p.code = ANY ($2::text[])), $3
                FROM council_member m JOIN person p ON p.id = m.person_id WHERE m.council_id = $4
                """, sessionID, Array(absentKeys), actor.nfc, council.id)
            let store = DossierStore(connection)
            var seen = Set<String>()
            let needed: DossierStatus = council.level == .provincial ? .readyForCouncil : .centralReview
            let dateText = "\(heldOn.day)/\(heldOn.month)/\(heldOn.year)"
            for (position, raw) in dossiers.enumerated() {
                let dossier = try store.dossier(raw)
                guard seen.insert(dossier.code).inserted else { throw CouncilError.dossierTwice(dossier.code) }
                guard dossier.status == needed else { throw CouncilError.dossierNotReady(dossier: dossier.code, status: dossier.status, needed: needed) }
                guard let hash = dossier.rubricHash else {
                    throw StoreError.rubricWithoutTables(dossier.rubricVersion)
                }
                try connection.query("""
                    INSERT INTO session_dossier (session_id, dossier_id, position, rubric_version, rubric_hash, added_by)
                    VALUES ($1, $2, $3, $4, $5, $6)
                    """, [sessionID, dossier.id, position + 1, dossier.rubricVersion, hash, actor.nfc])
                if council.level == .provincial {
                    try store.apply(.advance(to: .councilScheduled), to: dossier.code, actor: actor,
                                    note: "Đã xếp lịch họp hội đồng ngày \(dateText) (phiên \(sessionCode), \(council.name))".nfc)
                }
            }
            return try snapshot(sessionCode)
        }
    }

    public func sessions(council: String? = nil) throws -> [CouncilSessionSummary] {
        try connection.query("""
            SELECT s.code, c.code AS council, c.name AS council_name, s.held_on, s.place, s.status,
                   (SELECT count(*) FROM session_dossier sd WHERE sd.session_id = s.id)::int AS dossiers,
                   (SELECT count(*) FROM council_result r WHERE r.session_id = s.id)::int AS decided,
                   (SELECT count(*) FROM session_deferral f WHERE f.session_id = s.id)::int AS deferred
            FROM council_session s JOIN council c ON c.id = s.council_id
            WHERE ($1::text IS NULL OR c.code = $1) ORDER BY s.held_on, s.code
            """, council.map(Self.codeKey)).map { r in
            CouncilSessionSummary(code: try r["code"], council: try r["council"], councilName: try r["council_name"],
                                  heldOn: try r.decode(PostgresDate.self, "held_on").description, place: try r["place"],
                                  status: try r["status"], dossiers: try r["dossiers"], decided: try r["decided"],
                                  deferred: try r["deferred"])
        }
    }

    func sessionRow(_ code: String, lock: String = "") throws -> (id: Int, status: String, council: String) {
        let key = Self.codeKey(code)
        guard let row = try connection.optional("""
            SELECT s.id, s.status, c.code AS council FROM council_session s JOIN council c ON c.id = s.council_id WHERE s.code = $1
            """ + (lock.isEmpty ? "" : " FOR \(lock) OF s"), key) else { throw CouncilError.unknownSession(key) }
        return (try row["id"], try row["status"], try row["council"])
    }

    /// Marks members present or absent.
    public func recordAttendance(session code: String, present: [String], absent: [String], actor: String) throws {
        try connection.transaction { connection in
            let session = try sessionRow(code, lock: "UPDATE")
            guard session.status == "open" else { throw CouncilError.sessionFinalized(Self.codeKey(code)) }
            let council = try self.council(session.council)
            for (list, flag) in [(present, true), (absent, false)] {
                for raw in list {
                    let person = Self.personKey(raw)
                    guard council.members.contains(where: { $0.person == person }) else {
                        throw CouncilError.notAMember(person: person, council: council.code)
                    }
                    try connection.query("""
                        INSERT INTO session_attendance (session_id, person_id, present, recorded_by)
                        VALUES ($1, (SELECT id FROM person WHERE code = $2), $3, $4)
                        ON CONFLICT (session_id, person_id) DO UPDATE SET present = EXCLUDED.present,
                            recorded_at = now(), recorded_by = EXCLUDED.recorded_by
                        """, session.id, person, flag, actor.nfc)
                }
            }
        }
    }

    /// A member declares a conflict of interest for one dossier: they cannot score it and do
    /// not count towards its quorum. A sheet they already submitted stops counting.
    public func recuse(session code: String, dossier: String, person: String, kind: RecusalRecord.Kind, reason: String, actor: String) throws {
        let text = reason.nfc.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw CouncilError.emptyReason("--reason") }
        try connection.transaction { connection in
            let session = try sessionRow(code, lock: "SHARE")
            let (sessionID, dossierID, dossierCode) = try agendaEntry(sessionID: session.id, sessionCode: Self.codeKey(code), dossier: dossier)
            try requireUndecided(sessionID: sessionID, dossierID: dossierID, code: dossierCode)
            try requireNotDeferred(sessionID: sessionID, dossierID: dossierID, code: dossierCode, session: Self.codeKey(code))
            let council = try self.council(session.council)
            let key = Self.personKey(person)
            guard council.members.contains(where: { $0.person == key }) else { throw CouncilError.notAMember(person: key, council: council.code) }
            try connection.query("""
                INSERT INTO recusal (session_id, dossier_id, person_id, reason_kind, reason, declared_by)
                VALUES ($1, $2, (SELECT id FROM person WHERE code = $3), $4, $5, $6)
                ON CONFLICT (session_id, dossier_id, person_id) DO UPDATE SET reason_kind = EXCLUDED.reason_kind, reason = EXCLUDED.reason
                """, [sessionID, dossierID, key, kind.rawValue, text, actor.nfc])
        }
    }

    func agendaEntry(sessionID: Int, sessionCode: String, dossier: String) throws -> (Int, Int, String) {
        let key = Self.codeKey(dossier)
        guard let row = try connection.optional("""
            SELECT d.id FROM session_dossier sd JOIN dossier d ON d.id = sd.dossier_id WHERE sd.session_id = $1 AND d.code = $2
            """, sessionID, key) else { throw CouncilError.dossierNotOnSession(dossier: key, session: sessionCode) }
        return (sessionID, try row["id"], key)
    }

    func requireUndecided(sessionID: Int, dossierID: Int, code: String) throws {
        if try connection.optional("SELECT 1 AS x FROM council_result WHERE session_id = $1 AND dossier_id = $2", sessionID, dossierID) != nil {
            throw CouncilError.alreadyDecided(dossier: code)
        }
    }

    func requireNotDeferred(sessionID: Int, dossierID: Int, code: String, session: String) throws {
        if try connection.optional("SELECT 1 AS x FROM session_deferral WHERE session_id = $1 AND dossier_id = $2", sessionID, dossierID) != nil {
            throw CouncilError.dossierDeferred(dossier: code, session: session)
        }
    }

    /// Who may speak for the council on a dossier: the chair, or the vice-chairs when the chair is recused.
    static func presiding(_ roster: [RosterEntry], recused: Set<String>) -> [RosterEntry] {
        let chairs = roster.filter { $0.role == .chair && !recused.contains($0.person) }
        return chairs.isEmpty ? roster.filter { $0.role == .viceChair && !recused.contains($0.person) } : chairs
    }

    /// The chair overrides a spread or ★-minimum flag with a recorded reason.
    public func override(session code: String, dossier: String, flag: String, chair: String, reason: String, actor: String) throws {
        let text = reason.nfc.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw CouncilError.emptyReason("--reason") }
        try connection.transaction { connection in
            let report = try status(code)
            guard let index = report.snapshot.dossiers.firstIndex(where: { $0.code == Self.codeKey(dossier) }) else {
                throw CouncilError.dossierNotOnSession(dossier: Self.codeKey(dossier), session: report.snapshot.code)
            }
            let entry = report.snapshot.dossiers[index]
            let assessment = report.assessments[index]
            if entry.result != nil { throw CouncilError.alreadyDecided(dossier: entry.code) }
            if entry.deferral != nil { throw CouncilError.dossierDeferred(dossier: entry.code, session: report.snapshot.code) }
            let chairKey = Self.personKey(chair)
            let allowed = Self.presiding(report.snapshot.roster, recused: Set(entry.recusals.map(\.person)))
            guard allowed.contains(where: { $0.person == chairKey }) else { throw CouncilError.notChair(person: chairKey) }
            if flag == "quorum" { throw CouncilError.flagNotOverridable(flag) }
            if flag.hasPrefix("knockout:") { throw CouncilError.knockOutNotOverridable(flag) }
            guard assessment.flags.contains(where: { $0.id == flag }) else {
                throw CouncilError.unknownFlag(dossier: entry.code, flag: flag, raised: assessment.flags.map(\.id))
            }
            try connection.query("""
                INSERT INTO council_override (session_id, dossier_id, flag, chair_id, reason, recorded_by)
                VALUES ($1, $2, $3, (SELECT id FROM person WHERE code = $4), $5, $6)
                ON CONFLICT (session_id, dossier_id, flag) DO UPDATE SET reason = EXCLUDED.reason, chair_id = EXCLUDED.chair_id,
                    recorded_at = now(), recorded_by = EXCLUDED.recorded_by
                """, [report.snapshot.id, entry.id, flag, chairKey, text, actor.nfc])
        }
    }

    // MARK: Reading a session

    public func snapshot(_ code: String) throws -> SessionSnapshot {
        let key = Self.codeKey(code)
        guard let row = try connection.optional("""
            SELECT s.id, s.code, s.held_on, s.place, s.status, s.opened_by, s.finalized_at, c.code AS council
            FROM council_session s JOIN council c ON c.id = s.council_id WHERE s.code = $1
            """, key) else { throw CouncilError.unknownSession(key) }
        let sessionID: Int = try row["id"]
        let council = try self.council(try row["council"])
        let attendance = Dictionary(uniqueKeysWithValues: try connection.query("""
            SELECT p.code, a.present FROM session_attendance a JOIN person p ON p.id = a.person_id WHERE a.session_id = $1
            """, sessionID).map { (try $0.decode(String.self, "code"), try $0.decode(Bool.self, "present")) })
        let roster = council.members.map { RosterEntry(person: $0.person, name: $0.name, role: $0.role, present: attendance[$0.person] ?? false) }

        var dossiers = try connection.query("""
            SELECT d.id, d.code, pr.name AS product_name, p.name AS producer_name, pr.product_set, d.status,
                   sd.rubric_version, sd.rubric_hash
            FROM session_dossier sd JOIN dossier d ON d.id = sd.dossier_id
            JOIN product pr ON pr.id = d.product_id JOIN producer p ON p.id = pr.producer_id
            WHERE sd.session_id = $1 ORDER BY sd.position
            """, sessionID).map { r in
            SessionDossier(id: try r["id"], code: try r["code"], productName: try r["product_name"], producerName: try r["producer_name"],
                           productSet: try r["product_set"], status: DossierStatus(rawValue: try r["status"]) ?? .councilScheduled,
                           rubricVersion: try r["rubric_version"], rubricHash: try r["rubric_hash"],
                           recusals: [], sheets: [], overrides: [], knockOuts: [], deferral: nil, result: nil)
        }
        var position: [Int: Int] = [:]
        for (i, d) in dossiers.enumerated() { position[d.id] = i }
        let codes = Dictionary(uniqueKeysWithValues: dossiers.map { ($0.id, $0.code) })

        for r in try connection.query("""
            SELECT r.dossier_id, p.code, r.reason_kind, r.reason, r.declared_by FROM recusal r JOIN person p ON p.id = r.person_id
            WHERE r.session_id = $1 ORDER BY r.declared_at
            """, sessionID) {
            let id: Int = try r["dossier_id"]
            dossiers[position[id]!].recusals.append(RecusalRecord(
                dossier: codes[id]!, person: try r["code"], kind: RecusalRecord.Kind(rawValue: try r["reason_kind"]) ?? .other,
                reason: try r["reason"], declaredBy: try r["declared_by"]))
        }
        for r in try connection.query("""
            SELECT o.dossier_id, o.flag, p.code, o.reason, o.recorded_at FROM council_override o JOIN person p ON p.id = o.chair_id
            WHERE o.session_id = $1 ORDER BY o.recorded_at
            """, sessionID) {
            let id: Int = try r["dossier_id"]
            dossiers[position[id]!].overrides.append(OverrideRecord(dossier: codes[id]!, flag: try r["flag"], chair: try r["code"],
                                                                    reason: try r["reason"], recordedAt: try r["recorded_at"]))
        }
        for r in try connection.query("""
            SELECT k.dossier_id, k.clause, k.clause_text, k.reason, p.code, k.recorded_at, k.recorded_by,
                   k.withdrawn_at, k.withdrawn_by, k.withdrawn_reason
            FROM council_knockout k JOIN person p ON p.id = k.decided_by WHERE k.session_id = $1 ORDER BY k.id
            """, sessionID) {
            let id: Int = try r["dossier_id"]
            dossiers[position[id]!].knockOuts.append(KnockOutRecord(
                dossier: codes[id]!, declaration: KnockOutDeclaration(parsing: try r["clause"]), clauseText: try r["clause_text"],
                reason: try r["reason"], decidedBy: try r["code"], recordedAt: try r["recorded_at"], recordedBy: try r["recorded_by"],
                withdrawnAt: try r["withdrawn_at"], withdrawnBy: try r["withdrawn_by"], withdrawnReason: try r["withdrawn_reason"]))
        }
        for r in try connection.query("SELECT dossier_id, reason, deferred_at, deferred_by FROM session_deferral WHERE session_id = $1", sessionID) {
            let id: Int = try r["dossier_id"]
            dossiers[position[id]!].deferral = DeferralRecord(dossier: codes[id]!, reason: try r["reason"],
                                                              deferredAt: try r["deferred_at"], deferredBy: try r["deferred_by"])
        }
        // Current versions only; answers folded into one text per sheet to keep the result small.
        for r in try connection.query("""
            SELECT s.id, s.dossier_id, p.code, s.version, s.total, s.source, s.entered_by, s.paper_ref, s.reason,
                   s.rubric_version, s.rubric_hash, s.submitted_at, s.submitted_by, s.knock_outs,
                   (SELECT string_agg(a.criterion || '=' || a.points || coalesce(':' || a.variant, ''), ',') FROM score_answer a WHERE a.sheet_id = s.id) AS answers
            FROM (SELECT DISTINCT ON (dossier_id, person_id) * FROM score_sheet WHERE session_id = $1
                  ORDER BY dossier_id, person_id, version DESC) s
            JOIN person p ON p.id = s.person_id
            """, sessionID) {
            let id: Int = try r["dossier_id"]
            let person: String = try r["code"]
            let knockOuts: [String] = try r["knock_outs"]
            let sheet = ScoreSheet(label: person, answers: Self.decodeAnswers(try r["answers"] ?? ""),
                                   knockOuts: knockOuts.map(KnockOutDeclaration.init(parsing:)))
            dossiers[position[id]!].sheets.append(StoredSheet(
                id: try r["id"], person: person, version: try r["version"], total: try r["total"], source: try r["source"],
                enteredBy: try r["entered_by"], paperRef: try r["paper_ref"], reason: try r["reason"],
                rubricVersion: try r["rubric_version"], rubricHash: try r["rubric_hash"], submittedAt: try r["submitted_at"],
                submittedBy: try r["submitted_by"], sheet: sheet))
        }
        for r in try connection.query("SELECT * FROM council_result WHERE session_id = $1", sessionID) {
            let id: Int = try r["dossier_id"]
            let average: Decimal = try r["average"]
            dossiers[position[id]!].result = StoredResult(
                average: Self.plain(average), stars: try r["stars"], band: try r["band"], recognised: try r["recognised"],
                proposedCentral: try r["proposed_central"], disqualified: try r["disqualified"], spread: try r["spread"],
                sheetCount: try r["sheet_count"], outcome: DossierStatus(rawValue: try r["outcome"]) ?? .notRecognised,
                reasonsVi: try r["reasons_vi"], reasonsEn: try r["reasons_en"], producerReasonsVi: try r["producer_reasons_vi"],
                overrides: try r["overrides"], finalizedAt: try r["finalized_at"], finalizedBy: try r["finalized_by"])
        }
        let heldOn: PostgresDate = try row["held_on"]
        return SessionSnapshot(id: sessionID, code: try row["code"], heldOn: heldOn.description, place: try row["place"],
                               status: try row["status"], openedBy: try row["opened_by"], finalizedAt: try row["finalized_at"],
                               council: council, roster: roster, dossiers: dossiers)
    }

    static func plain(_ value: Decimal) -> String {
        var v = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &v, 2, .plain)
        let text = NSDecimalNumber(decimal: rounded).description(withLocale: Locale(identifier: "en_US_POSIX"))
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        return "\(parts[0]).\(fraction.padding(toLength: 2, withPad: "0", startingAt: 0))"
    }

    /// `1.1=3,8=2:1` → answers.
    static func decodeAnswers(_ text: String) -> [String: SheetAnswer] {
        var answers: [String: SheetAnswer] = [:]
        for item in text.split(separator: ",") {
            guard let eq = item.firstIndex(of: "=") else { continue }
            let code = String(item[..<eq])
            let rest = item[item.index(after: eq)...]
            if let colon = rest.firstIndex(of: ":") {
                answers[code] = SheetAnswer(points: Int(rest[..<colon]) ?? 0, variant: Int(rest[rest.index(after: colon)...]))
            } else {
                answers[code] = SheetAnswer(points: Int(rest) ?? 0)
            }
        }
        return answers
    }

    /// Engines per frozen rubric hash.
    final class Engines {
        private var cache: [String: RatingEngine] = [:]
        let rubrics: RubricStore
        init(_ rubrics: RubricStore) { self.rubrics = rubrics }
        func engine(_ hash: String) throws -> RatingEngine {
            if let e = cache[hash] { return e }
            let e = RatingEngine(productSet: try rubrics.frozenSet(hash: hash))
            cache[hash] = e
            return e
        }
    }

    /// The session with every dossier assessed: who scored, average, spread, flags.
    public func status(_ code: String) throws -> SessionReport {
        let snapshot = try snapshot(code)
        return try assess(snapshot, engines: Engines(RubricStore(connection)))
    }

    func assess(_ snapshot: SessionSnapshot, engines: Engines) throws -> SessionReport {
        let policy = snapshot.council.policy
        let assessments = try snapshot.dossiers.map { d in
            try CouncilRules.assess(policy: policy, roster: snapshot.roster, recused: Set(d.recusals.map(\.person)),
                                    sheets: d.sheets.map(\.sheet), engine: try engines.engine(d.rubricHash),
                                    overridden: Set(d.overrides.map(\.flag)),
                                    knockOuts: d.standingKnockOuts.map { CouncilKnockOut(declaration: $0.declaration, reason: $0.reason, decidedBy: $0.decidedBy) })
        }
        return SessionReport(snapshot: snapshot, assessments: assessments)
    }

    // MARK: Finalization

    /// Finalizes the session (or only `only` of its dossiers): checks quorum, spread and ★-splits
    /// per dossier, rates the stored sheets, stores each result with its reasons and moves each
    /// dossier on. All or nothing; safe to run twice or from two terminals at once (the session
    /// row is locked, a decided dossier is never decided again).
    public func finalize(_ code: String, only: [String] = [], actor: String) throws -> FinalizationReport {
        try connection.transaction { connection in
            let session = try sessionRow(code, lock: "UPDATE")
            let snapshot = try snapshot(code)
            let report = try assess(snapshot, engines: Engines(RubricStore(connection)))
            let wanted = Set(only.map(Self.codeKey))
            for w in wanted where snapshot.dossier(w) == nil { throw CouncilError.dossierNotOnSession(dossier: w, session: snapshot.code) }
            var targets: [(SessionDossier, DossierAssessment)] = []
            var already: [String] = []
            var deferred: [String] = []
            for (d, a) in zip(snapshot.dossiers, report.assessments) where wanted.isEmpty || wanted.contains(d.code) {
                if d.result != nil { already.append(d.code) } else if d.deferral != nil { deferred.append(d.code) } else { targets.append((d, a)) }
            }
            var blocked: [CouncilError.Blocked] = []
            for (d, a) in targets where !a.canFinalize {
                var problems = a.blocking.map { flag in LocalizedText(vi: flag.text(.vi), en: flag.text(.en)) }
                if a.result == nil, problems.isEmpty { problems.append(LocalizedText(vi: "chưa có phiếu nào", en: "no sheets yet")) }
                blocked.append(.init(dossier: d.code, problems: problems))
            }
            if !blocked.isEmpty { throw CouncilError.finalizationBlocked(blocked) }
            let store = DossierStore(connection)
            let held = PostgresDate(iso: snapshot.heldOn)!
            let dateText = "\(held.day)/\(held.month)/\(held.year)"
            for (d, a) in targets {
                let result = a.result!
                let outcome = snapshot.council.level == .provincial ? CouncilRules.provincialOutcome(result) : CouncilRules.centralOutcome(result)
                let counted = d.sheets.filter { a.scored.contains($0.person) }
                let producerVi = CouncilRules.producerReasons(result).map { $0.text(.vi) }
                let detail = try JSONText(encoding: result)
                try connection.query("""
                    INSERT INTO council_result (session_id, dossier_id, sheet_ids, sheet_count, total_sum, average, band, stars,
                        recognised, proposed_central, disqualified, spread, outcome, reasons_vi, reasons_en, producer_reasons_vi,
                        overrides, detail, finalized_by, knock_outs)
                    VALUES ($1, $2, $3::bigint[], $4, $5, $6::numeric, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
                    """, [snapshot.id, d.id, "{" + counted.map { String($0.id) }.joined(separator: ",") + "}", counted.count,
                          result.average.sum, result.average.plain, result.band, result.stars, result.recognised,
                          result.proposedToCentral, result.disqualified, result.spread, outcome.rawValue,
                          result.explanation(.vi).map(\.nfc), result.explanation(.en), producerVi.map(\.nfc),
                          Array(a.overridden).sorted(), detail, actor.nfc, d.standingKnockOuts.map(\.declaration.description)])
                let who = snapshot.council.name.hasPrefix("Hội đồng") ? snapshot.council.name : "Hội đồng " + snapshot.council.name
                let note = "\(who) đã chấm ngày \(dateText) (phiên \(snapshot.code)): " + producerVi.joined(separator: "; ")
                if snapshot.council.level == .provincial {
                    try store.apply(.councilResult(outcome), to: d.code, actor: actor, note: note.nfc)
                } else {
                    try store.apply(.advance(to: outcome), to: d.code, actor: actor, note: note.nfc)
                }
            }
            let remaining = try connection.one("""
                SELECT count(*)::int AS n FROM session_dossier sd
                WHERE sd.session_id = $1 AND NOT EXISTS (SELECT 1 FROM council_result r WHERE r.session_id = sd.session_id AND r.dossier_id = sd.dossier_id)
                  AND NOT EXISTS (SELECT 1 FROM session_deferral f WHERE f.session_id = sd.session_id AND f.dossier_id = sd.dossier_id)
                """, session.id).decode(Int.self, "n")
            if remaining == 0, session.status == "open" {
                try connection.query("UPDATE council_session SET status = 'finalized', finalized_at = now(), finalized_by = $2 WHERE id = $1",
                                     session.id, actor.nfc)
            }
            return FinalizationReport(session: snapshot.code, decided: targets.map(\.0.code), alreadyDecided: already,
                                      deferred: deferred, sessionFinalized: remaining == 0)
        }
    }

    /// The session a dossier is on and not yet decided (for `ocop score`).
    public func openSession(forDossier dossier: String) throws -> String {
        let key = Self.codeKey(dossier)
        guard let row = try connection.optional("""
            SELECT s.code FROM session_dossier sd JOIN council_session s ON s.id = sd.session_id JOIN dossier d ON d.id = sd.dossier_id
            WHERE d.code = $1 AND s.status = 'open'
              AND NOT EXISTS (SELECT 1 FROM council_result r WHERE r.session_id = sd.session_id AND r.dossier_id = sd.dossier_id)
              AND NOT EXISTS (SELECT 1 FROM session_deferral f WHERE f.session_id = sd.session_id AND f.dossier_id = sd.dossier_id)
            ORDER BY s.held_on DESC LIMIT 1
            """, key) else {
            if try connection.optional("SELECT 1 AS x FROM dossier WHERE code = $1", key) == nil { throw StoreError.unknownDossier(key) }
            throw CouncilError.dossierNotInOpenSession(key)
        }
        return try row["code"]
    }
}
