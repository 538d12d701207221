import Foundation
import OCOPDomain

/// A council with its policy and members.
public struct Council: Sendable, Codable, Hashable {
    public struct Member: Sendable, Codable, Hashable {
        public var person: PersonCode
        public var name: String
        public var organisation: String?
        public var role: CouncilRole

        public init(person: PersonCode, name: String, organisation: String?, role: CouncilRole) {
            self.person = person
            self.name = name
            self.organisation = organisation
            self.role = role
        }
    }

    public var id: Int
    public var code: CouncilCode
    public var name: String
    public var level: CouncilLevel
    public var provinceCode: String?
    public var decisionRef: String?
    public var policy: CouncilPolicy
    public var members: [Member]

    public init(id: Int, code: CouncilCode, name: String, level: CouncilLevel, provinceCode: String?, decisionRef: String?,
                policy: CouncilPolicy, members: [Member]) {
        self.id = id
        self.code = code
        self.name = name
        self.level = level
        self.provinceCode = provinceCode
        self.decisionRef = decisionRef
        self.policy = policy
        self.members = members
    }

    /// Scoring members and the secretary, then the advisory team (kept apart).
    public var councilMembers: [Member] { members.filter { $0.role != .advisor } }
    public var advisoryTeam: [Member] { members.filter { $0.role == .advisor } }
}

public struct CouncilSessionSummary: Sendable, Codable, Hashable {
    public var code: SessionCode
    public var council: CouncilCode
    public var councilName: String
    public var heldOn: CalendarDate
    public var place: String?
    public var status: SessionStatus
    public var dossiers: Int
    public var decided: Int
    public var deferred: Int

    public init(code: SessionCode, council: CouncilCode, councilName: String, heldOn: CalendarDate, place: String?, status: SessionStatus,
                dossiers: Int, decided: Int, deferred: Int) {
        self.code = code
        self.council = council
        self.councilName = councilName
        self.heldOn = heldOn
        self.place = place
        self.status = status
        self.dossiers = dossiers
        self.decided = decided
        self.deferred = deferred
    }
}

/// Why a member does not score a dossier (a declared conflict of interest).
public enum RecusalKind: String, Sendable, Codable, CaseIterable {
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

public struct RecusalRecord: Sendable, Codable, Hashable {
    public var dossier: DossierCode
    public var person: PersonCode
    public var kind: RecusalKind
    public var reason: String
    public var declaredBy: String

    public init(dossier: DossierCode, person: PersonCode, kind: RecusalKind, reason: String, declaredBy: String) {
        self.dossier = dossier
        self.person = person
        self.kind = kind
        self.reason = reason
        self.declaredBy = declaredBy
    }
}

public struct OverrideRecord: Sendable, Codable, Hashable {
    public var dossier: DossierCode
    public var flag: String
    public var chair: PersonCode
    public var reason: String
    public var recordedAt: Date

    public init(dossier: DossierCode, flag: String, chair: PersonCode, reason: String, recordedAt: Date) {
        self.dossier = dossier
        self.flag = flag
        self.chair = chair
        self.reason = reason
        self.recordedAt = recordedAt
    }
}

/// A knock-out decided by the council for one dossier; a withdrawn one stays on record.
public struct KnockOutRecord: Sendable, Codable, Hashable {
    public var dossier: DossierCode
    public var declaration: KnockOutDeclaration
    /// The clause as quoted from the dossier's frozen product set.
    public var clauseText: String
    public var reason: String
    /// The presiding chair.
    public var decidedBy: PersonCode
    public var recordedAt: Date
    public var recordedBy: String
    public var withdrawnAt: Date?
    public var withdrawnBy: String?
    public var withdrawnReason: String?

    public init(dossier: DossierCode, declaration: KnockOutDeclaration, clauseText: String, reason: String, decidedBy: PersonCode,
                recordedAt: Date, recordedBy: String, withdrawnAt: Date?, withdrawnBy: String?, withdrawnReason: String?) {
        self.dossier = dossier
        self.declaration = declaration
        self.clauseText = clauseText
        self.reason = reason
        self.decidedBy = decidedBy
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
        self.withdrawnAt = withdrawnAt
        self.withdrawnBy = withdrawnBy
        self.withdrawnReason = withdrawnReason
    }

    public var isStanding: Bool { withdrawnAt == nil }
}

/// A dossier taken off a session ("hoãn"), to go on a later one.
public struct DeferralRecord: Sendable, Codable, Hashable {
    public var dossier: DossierCode
    public var reason: String
    public var deferredAt: Date
    public var deferredBy: String

    public init(dossier: DossierCode, reason: String, deferredAt: Date, deferredBy: String) {
        self.dossier = dossier
        self.reason = reason
        self.deferredAt = deferredAt
        self.deferredBy = deferredBy
    }
}

/// How a sheet reached the workbench.
public enum SheetSource: String, Sendable, Codable, CaseIterable {
    case interactive, file, paper
    case imported = "import"

    public var label: LocalizedText {
        switch self {
        case .interactive: LocalizedText(vi: "chấm trực tiếp", en: "interactive")
        case .file: LocalizedText(vi: "tệp phiếu", en: "sheet file")
        case .paper: LocalizedText(vi: "phiếu giấy", en: "paper sheet")
        case .imported: LocalizedText(vi: "nhập CSV", en: "CSV import")
        }
    }
}

/// One submitted version of a member's sheet, without its answers (history, minutes).
public struct SheetVersion: Sendable, Codable, Hashable {
    public var id: Int
    public var dossier: DossierCode
    public var person: PersonCode
    public var version: Int
    public var total: Int
    public var source: SheetSource
    public var enteredBy: PersonCode?
    public var paperRef: String?
    public var reason: String?
    public var rubricVersion: String
    public var rubricHash: String
    public var submittedAt: Date
    public var submittedBy: String

    public init(id: Int, dossier: DossierCode, person: PersonCode, version: Int, total: Int, source: SheetSource, enteredBy: PersonCode?,
                paperRef: String?, reason: String?, rubricVersion: String, rubricHash: String, submittedAt: Date, submittedBy: String) {
        self.id = id
        self.dossier = dossier
        self.person = person
        self.version = version
        self.total = total
        self.source = source
        self.enteredBy = enteredBy
        self.paperRef = paperRef
        self.reason = reason
        self.rubricVersion = rubricVersion
        self.rubricHash = rubricHash
        self.submittedAt = submittedAt
        self.submittedBy = submittedBy
    }
}

/// A member's current sheet with its answers.
public struct StoredSheet: Sendable, Codable, Hashable {
    public var meta: SheetVersion
    public var sheet: ScoreSheet

    public init(meta: SheetVersion, sheet: ScoreSheet) {
        self.meta = meta
        self.sheet = sheet
    }

    public var person: PersonCode { meta.person }
}

/// A council's stored result for one dossier: the typed rating, and where the dossier went.
public struct StoredResult: Sendable, Codable, Hashable {
    public var rating: RatingResult
    public var outcome: DossierStatus
    public var sheetCount: Int
    public var overrides: [String]
    public var finalizedAt: Date
    public var finalizedBy: String

    public init(rating: RatingResult, outcome: DossierStatus, sheetCount: Int, overrides: [String], finalizedAt: Date, finalizedBy: String) {
        self.rating = rating
        self.outcome = outcome
        self.sheetCount = sheetCount
        self.overrides = overrides
        self.finalizedAt = finalizedAt
        self.finalizedBy = finalizedBy
    }
}

/// One dossier on a session's agenda with everything stored about it.
public struct SessionDossier: Sendable, Codable, Hashable {
    public var id: Int
    public var code: DossierCode
    public var productName: String
    public var productCode: String
    public var producerName: String
    public var productSet: Int
    public var status: DossierStatus
    public var rubricVersion: String
    public var rubricHash: String
    public var recusals: [RecusalRecord]
    /// Current (latest) version of each member's sheet.
    public var sheets: [StoredSheet]
    /// Every submitted version (paper transcriptions and corrections are part of the record).
    public var versions: [SheetVersion]
    public var overrides: [OverrideRecord]
    /// Every knock-out decision, withdrawn ones included, in the order recorded.
    public var knockOuts: [KnockOutRecord]
    /// Set when the dossier was taken off this session.
    public var deferral: DeferralRecord?
    public var result: StoredResult?

    public init(id: Int, code: DossierCode, productName: String, productCode: String, producerName: String, productSet: Int,
                status: DossierStatus, rubricVersion: String, rubricHash: String) {
        self.id = id
        self.code = code
        self.productName = productName
        self.productCode = productCode
        self.producerName = producerName
        self.productSet = productSet
        self.status = status
        self.rubricVersion = rubricVersion
        self.rubricHash = rubricHash
        recusals = []
        sheets = []
        versions = []
        overrides = []
        knockOuts = []
        deferral = nil
        result = nil
    }

    public var standingKnockOuts: [KnockOutRecord] { knockOuts.filter(\.isStanding) }

    /// Left the procedure while on the agenda (withdrawn by the producer): not decided here.
    public var leftProcedure: Bool { result == nil && status.isTerminal }

    /// Still to be decided in this session (neither decided, deferred nor withdrawn).
    public var isOpen: Bool { result == nil && deferral == nil && !status.isTerminal }
}

/// A session as read from the database in one consistent read.
public struct SessionSnapshot: Sendable, Codable, Hashable {
    public var id: Int
    public var code: SessionCode
    public var heldOn: CalendarDate
    public var place: String?
    public var status: SessionStatus
    /// A meeting, or a round of written opinions.
    public var mode: SessionMode
    public var openedBy: String
    public var finalizedAt: Date?
    public var council: Council
    public var roster: [RosterEntry]
    public var dossiers: [SessionDossier]

    public init(id: Int, code: SessionCode, heldOn: CalendarDate, place: String?, status: SessionStatus, mode: SessionMode = .meeting,
                openedBy: String, finalizedAt: Date?, council: Council, roster: [RosterEntry], dossiers: [SessionDossier]) {
        self.id = id
        self.code = code
        self.heldOn = heldOn
        self.place = place
        self.status = status
        self.mode = mode
        self.openedBy = openedBy
        self.finalizedAt = finalizedAt
        self.council = council
        self.roster = roster
        self.dossiers = dossiers
    }

    public func dossier(_ code: DossierCode) -> SessionDossier? { dossiers.first { $0.code == code } }

    /// Name of a person on the roster (or the code itself).
    public func name(of person: PersonCode) -> String { roster.first { $0.person == person.rawValue }?.name ?? person.rawValue }
}

/// A session with each dossier assessed under the council's policy.
public struct SessionReport: Sendable {
    public var snapshot: SessionSnapshot
    /// Same order as `snapshot.dossiers`.
    public var assessments: [DossierAssessment]

    public init(snapshot: SessionSnapshot, assessments: [DossierAssessment]) {
        self.snapshot = snapshot
        self.assessments = assessments
    }
}

/// What one finalization did.
public struct FinalizationReport: Sendable, Codable, Hashable {
    public struct Decided: Sendable, Codable, Hashable {
        public var dossier: DossierCode
        public var productName: String
        public var result: StoredResult
        public init(dossier: DossierCode, productName: String, result: StoredResult) {
            self.dossier = dossier
            self.productName = productName
            self.result = result
        }
    }

    public var session: SessionCode
    /// The council's level (a 5★ result reads differently at the central council).
    public var level: CouncilLevel
    /// Dossiers decided by this call, in agenda order.
    public var decided: [Decided]
    /// Dossiers that already had a result (another finalizer, or an earlier call).
    public var alreadyDecided: [DossierCode]
    /// Dossiers deferred from the session: never decided here.
    public var deferred: [DossierCode]
    /// Dossiers withdrawn while on the agenda: the session finalizes without them.
    public var withdrawn: [DossierCode]
    public var sessionFinalized: Bool

    public init(session: SessionCode, level: CouncilLevel = .provincial, decided: [Decided], alreadyDecided: [DossierCode],
                deferred: [DossierCode], withdrawn: [DossierCode], sessionFinalized: Bool) {
        self.session = session
        self.level = level
        self.decided = decided
        self.alreadyDecided = alreadyDecided
        self.deferred = deferred
        self.withdrawn = withdrawn
        self.sessionFinalized = sessionFinalized
    }
}
