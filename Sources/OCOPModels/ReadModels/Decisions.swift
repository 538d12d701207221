import Foundation
import OCOPDomain

/// Who signs a decision: "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" / the name.
public struct DecisionSigner: Sendable, Hashable, Codable {
    public var prefix: String?
    public var title: String
    public var name: String

    public init(prefix: String?, title: String, name: String) {
        self.prefix = prefix
        self.title = title
        self.name = name
    }
}

/// A dossier a recognition decision could take, as the draft sees it.
public struct DecisionCandidateView: Sendable, Hashable {
    public var dossier: DossierCode
    public var kind: DossierKind
    public var productCode: String
    public var productName: String
    public var productSet: Int
    public var producerName: String
    public var producerAddress: String?
    public var communeName: String
    /// The council result's stars (after ★-minimum caps); `nil` when disqualified.
    public var stars: Int?
    public var score: ExactMean
    public var councilLevel: CouncilLevel
    public var session: SessionCode
    public var resultOn: CalendarDate
    /// The certificate an upgrade or re-evaluation rests on.
    public var basis: CertificateNumber?
    /// The certificate in force on the decision date that the new one supersedes.
    public var supersedes: CertificateNumber?
    /// Why it cannot be in the decision (empty when it can).
    public var problems: [LocalizedText]

    public init(dossier: DossierCode, kind: DossierKind, productCode: String, productName: String, productSet: Int, producerName: String,
                producerAddress: String?, communeName: String, stars: Int?, score: ExactMean, councilLevel: CouncilLevel,
                session: SessionCode, resultOn: CalendarDate, basis: CertificateNumber?, supersedes: CertificateNumber?, problems: [LocalizedText]) {
        self.dossier = dossier
        self.kind = kind
        self.productCode = productCode
        self.productName = productName
        self.productSet = productSet
        self.producerName = producerName
        self.producerAddress = producerAddress
        self.communeName = communeName
        self.stars = stars
        self.score = score
        self.councilLevel = councilLevel
        self.session = session
        self.resultOn = resultOn
        self.basis = basis
        self.supersedes = supersedes
        self.problems = problems
    }
}

/// What a decision of `authority` dated `decidedOn` would contain (`ocop decision draft`).
public struct DecisionDraft: Sendable, Hashable {
    public var authority: IssuingAuthority
    public var decidedOn: CalendarDate
    /// 3★–5★ results it recognises; each gets a certificate.
    public var recognise: [DecisionCandidateView]
    /// Upgrades whose result is not above the certificate they rest on: closed as not granted.
    public var notGranted: [DecisionCandidateView]
    /// ≥ 90-point provincial results the province approves and proposes to the Ministry (Art. 7.3.e).
    public var proposeCentral: [DecisionCandidateView]
    /// 1★/2★ or disqualified results of the year: a written notice, no decision (Art. 4.1.a, 7.3.g).
    public var notices: [DecisionCandidateView]
    /// Results this decision cannot take, with every reason.
    public var refused: [DecisionCandidateView]

    public init(authority: IssuingAuthority, decidedOn: CalendarDate, recognise: [DecisionCandidateView], notGranted: [DecisionCandidateView],
                proposeCentral: [DecisionCandidateView], notices: [DecisionCandidateView], refused: [DecisionCandidateView]) {
        self.authority = authority
        self.decidedOn = decidedOn
        self.recognise = recognise
        self.notGranted = notGranted
        self.proposeCentral = proposeCentral
        self.notices = notices
        self.refused = refused
    }

    /// What issuing would write: recognitions, closed upgrades and approvals.
    public var actionable: [DecisionCandidateView] { recognise + notGranted + proposeCentral }
}

/// What `ocop decision issue` records.
public struct DecisionRequest: Sendable, Hashable {
    public var authority: IssuingAuthority
    public var number: DecisionNumber
    public var decidedOn: CalendarDate
    public var place: String?
    public var signer: DecisionSigner
    /// Only these dossiers (each must be decidable); empty: every dossier of the draft, which must
    /// then hold no refused one.
    public var dossiers: [DossierCode]
    /// Căn cứ lines; empty: the defaults (QĐ 26/2026, the council's establishing decision).
    public var legalBases: [String]
    public var proposer: String?
    public var submissionNumber: String?
    public var submissionDate: CalendarDate?
    public var agency: String?

    public init(authority: IssuingAuthority, number: DecisionNumber, decidedOn: CalendarDate, place: String? = nil, signer: DecisionSigner,
                dossiers: [DossierCode] = [], legalBases: [String] = [], proposer: String? = nil, submissionNumber: String? = nil,
                submissionDate: CalendarDate? = nil, agency: String? = nil) {
        self.authority = authority
        self.number = number
        self.decidedOn = decidedOn
        self.place = place
        self.signer = signer
        self.dossiers = dossiers
        self.legalBases = legalBases
        self.proposer = proposer
        self.submissionNumber = submissionNumber
        self.submissionDate = submissionDate
        self.agency = agency
    }
}

/// Whether a decision recognises or revokes.
public enum DecisionKind: String, Sendable, Hashable, Codable, CaseIterable {
    case recognition
    case revocation

    public var label: LocalizedText {
        switch self {
        case .recognition: LocalizedText(vi: "Công nhận", en: "Recognition")
        case .revocation: LocalizedText(vi: "Thu hồi", en: "Revocation")
        }
    }
}

/// One row of a recorded recognition decision.
public struct DecisionEntryView: Sendable, Hashable {
    public enum Outcome: String, Sendable, Hashable, Codable {
        case recognised
        case proposedCentral = "proposed_central"
        /// An upgrade whose result is not above the certificate it rests on.
        case notGranted = "not_granted"
    }

    public var position: Int
    public var outcome: Outcome
    public var candidate: DecisionCandidateView
    public var stars: Int
    public var certificate: CertificateNumber?
    public var validUntil: CalendarDate?

    public init(position: Int, outcome: Outcome, candidate: DecisionCandidateView, stars: Int, certificate: CertificateNumber?, validUntil: CalendarDate?) {
        self.position = position
        self.outcome = outcome
        self.candidate = candidate
        self.stars = stars
        self.certificate = certificate
        self.validUntil = validUntil
    }
}

/// A revoked certificate, as its revocation decision lists it.
public struct RevokedEntryView: Sendable, Hashable {
    public var certificate: CertificateView
    public var revocation: RevocationRecord
    /// The recognition decision the certificate came from, when the workbench holds it.
    public var recognitionDecidedOn: CalendarDate?
    public var recognitionIssuerCode: String?

    public init(certificate: CertificateView, revocation: RevocationRecord, recognitionDecidedOn: CalendarDate?, recognitionIssuerCode: String?) {
        self.certificate = certificate
        self.revocation = revocation
        self.recognitionDecidedOn = recognitionDecidedOn
        self.recognitionIssuerCode = recognitionIssuerCode
    }
}

/// A council whose results a decision rests on, with the decision that established it.
public struct CouncilReference: Sendable, Hashable {
    public var name: String
    public var decisionRef: String?

    public init(name: String, decisionRef: String?) {
        self.name = name
        self.decisionRef = decisionRef
    }
}

/// A recorded decision (`ocop decision list|show`).
public struct DecisionView: Sendable, Hashable {
    public var id: Int
    public var kind: DecisionKind
    public var number: DecisionNumber
    public var authority: IssuingAuthority
    /// The issuing province's name and kind ("Bắc Ninh", "tinh"), `nil` for the Ministry.
    public var provinceName: String?
    public var provinceKind: String?
    public var decidedOn: CalendarDate
    public var place: String
    public var signer: DecisionSigner
    /// The evaluation round a recognition decides.
    public var roundYear: Int?
    public var roundNumber: Int?
    public var legalBases: [String]
    public var proposer: String?
    public var submissionNumber: String?
    public var submissionDate: CalendarDate?
    public var agency: String?
    public var entries: [DecisionEntryView]
    public var revoked: [RevokedEntryView]
    /// The councils whose results it recognises.
    public var councils: [CouncilReference]
    public var recordedBy: String

    public init(id: Int, kind: DecisionKind, number: DecisionNumber, authority: IssuingAuthority, provinceName: String?, provinceKind: String?,
                decidedOn: CalendarDate, place: String, signer: DecisionSigner, roundYear: Int?, roundNumber: Int?, legalBases: [String],
                proposer: String?, submissionNumber: String?, submissionDate: CalendarDate?, agency: String?, entries: [DecisionEntryView],
                revoked: [RevokedEntryView], councils: [CouncilReference], recordedBy: String) {
        self.id = id
        self.kind = kind
        self.number = number
        self.authority = authority
        self.provinceName = provinceName
        self.provinceKind = provinceKind
        self.decidedOn = decidedOn
        self.place = place
        self.signer = signer
        self.roundYear = roundYear
        self.roundNumber = roundNumber
        self.legalBases = legalBases
        self.proposer = proposer
        self.submissionNumber = submissionNumber
        self.submissionDate = submissionDate
        self.agency = agency
        self.entries = entries
        self.revoked = revoked
        self.councils = councils
        self.recordedBy = recordedBy
    }

    public var recognised: [DecisionEntryView] { entries.filter { $0.outcome == .recognised } }
    public var proposed: [DecisionEntryView] { entries.filter { $0.outcome == .proposedCentral } }
    public var notGranted: [DecisionEntryView] { entries.filter { $0.outcome == .notGranted } }

    /// "UBND tỉnh Bắc Ninh" / "Bộ Nông nghiệp và Môi trường": the issuing body in a few words.
    public func issuerShort(_ language: Language) -> String {
        guard let provinceName else { return language == .vi ? "Bộ Nông nghiệp và Môi trường" : "Ministry of Agriculture and Environment" }
        let city = provinceKind == "thanh_pho"
        return language == .vi ? "UBND \(city ? "thành phố" : "tỉnh") \(provinceName)" : "People's Committee of \(provinceName)\(city ? " City" : "")"
    }
}

/// A written opinion round's state for one dossier, and the round it belongs to.
public struct SessionDossierLifecycle: Sendable, Hashable {
    public var dossier: DossierCode
    public var kind: DossierKind
    public var round: EvaluationRound?
    /// Late filing or a session after the round's deadline (flags, not refusals).
    public var roundFlags: [RoundFlag]
    /// A re-evaluation's 45-day limit (Art. 7.6.g), from the complete file.
    public var reEvaluation: ReEvaluationDeadline?
    /// The council's result date, when decided.
    public var resultOn: CalendarDate?
    /// Why this dossier needs a meeting (written-opinion sessions).
    public var meetingReasons: [LocalizedText]

    public init(dossier: DossierCode, kind: DossierKind, round: EvaluationRound?, roundFlags: [RoundFlag], reEvaluation: ReEvaluationDeadline?,
                resultOn: CalendarDate?, meetingReasons: [LocalizedText]) {
        self.dossier = dossier
        self.kind = kind
        self.round = round
        self.roundFlags = roundFlags
        self.reEvaluation = reEvaluation
        self.resultOn = resultOn
        self.meetingReasons = meetingReasons
    }

    /// Overdue on the result date, or on `today` while pending.
    public func overdueFlag(today: CalendarDate, _ language: Language) -> String? {
        reEvaluation?.overdueFlag(on: resultOn ?? today, language)
    }
}

/// A session's mode and, per dossier, its round, the 45-day limit and the reasons to meet.
public struct SessionLifecycleView: Sendable, Hashable {
    public var session: SessionCode
    public var heldOn: CalendarDate
    public var mode: SessionMode
    public var convenedOn: CalendarDate?
    public var convenedPlace: String?
    public var convenedReason: String?
    public var dossiers: [SessionDossierLifecycle]

    public init(session: SessionCode, heldOn: CalendarDate, mode: SessionMode, convenedOn: CalendarDate?, convenedPlace: String?,
                convenedReason: String?, dossiers: [SessionDossierLifecycle]) {
        self.session = session
        self.heldOn = heldOn
        self.mode = mode
        self.convenedOn = convenedOn
        self.convenedPlace = convenedPlace
        self.convenedReason = convenedReason
        self.dossiers = dossiers
    }

    /// A written-opinion round turns into a meeting when any dossier's opinions diverge.
    public var needsMeeting: Bool { mode == .writtenOpinions && convenedOn == nil && dossiers.contains { !$0.meetingReasons.isEmpty } }
}

/// What a certificate's revocation records (`ocop certificate revoke`).
public struct RevocationRequest: Sendable, Hashable {
    public var certificate: CertificateNumber
    public var authority: IssuingAuthority
    public var number: DecisionNumber
    public var decidedOn: CalendarDate
    public var ground: RevocationGround
    public var finding: String
    public var findingOn: CalendarDate?
    public var findingReference: String?
    /// The post-audit inspection the finding comes from, if any.
    public var auditID: Int?
    public var place: String?
    public var signer: DecisionSigner
    public var legalBases: [String]
    public var proposer: String?
    public var agency: String?

    public init(certificate: CertificateNumber, authority: IssuingAuthority, number: DecisionNumber, decidedOn: CalendarDate,
                ground: RevocationGround, finding: String, findingOn: CalendarDate?, findingReference: String? = nil, auditID: Int? = nil,
                place: String? = nil, signer: DecisionSigner, legalBases: [String] = [], proposer: String? = nil, agency: String? = nil) {
        self.certificate = certificate
        self.authority = authority
        self.number = number
        self.decidedOn = decidedOn
        self.ground = ground
        self.finding = finding
        self.findingOn = findingOn
        self.findingReference = findingReference
        self.auditID = auditID
        self.place = place
        self.signer = signer
        self.legalBases = legalBases
        self.proposer = proposer
        self.agency = agency
    }
}

/// A post-audit inspection to record (`ocop certificate audit`).
public struct AuditRequest: Sendable, Hashable {
    public var certificate: CertificateNumber
    public var kind: InspectionKind
    public var concludedOn: CalendarDate
    public var reference: String?
    public var findings: [CriterionFinding]
    public var markMisuse: String?

    public init(certificate: CertificateNumber, kind: InspectionKind, concludedOn: CalendarDate, reference: String? = nil,
                findings: [CriterionFinding], markMisuse: String? = nil) {
        self.certificate = certificate
        self.kind = kind
        self.concludedOn = concludedOn
        self.reference = reference
        self.findings = findings
        self.markMisuse = markMisuse
    }
}
