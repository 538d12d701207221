/// Why a person may not submit (or save a draft of) a sheet for a dossier right now.
public enum ScoringRefusal: Sendable, Hashable {
    case sessionFinalized(session: String)
    case alreadyDecided(dossier: String)
    case deferred(dossier: String, session: String)
    /// The dossier left the procedure (withdrawn by the producer) while on the agenda.
    case dossierClosed(dossier: String, status: DossierStatus)
    case notAMember(person: String, council: String)
    case doesNotScore(person: String, role: CouncilRole)
    case absent(person: String, session: String)
    case recused(person: String, dossier: String)
    case alreadySubmitted(person: String, dossier: String, version: Int)
    case correctionNeedsReason(person: String, dossier: String)
    case nothingToCorrect(person: String, dossier: String)
    /// A council that meets scores at its meeting: no sheet (nor draft) before the session's day.
    case beforeMeeting(session: String, heldOn: CalendarDate, today: CalendarDate)

    public var kind: ErrorKind {
        switch self {
        case .alreadySubmitted, .alreadyDecided, .sessionFinalized: .conflict
        default: .invalidInput
        }
    }

    public var fields: [String] {
        switch self {
        case .correctionNeedsReason, .nothingToCorrect, .alreadySubmitted: ["reason"]
        case .notAMember, .doesNotScore, .absent, .recused: ["member"]
        default: []
        }
    }

    public func message(_ language: Language) -> String {
        let vi = language == .vi
        switch self {
        case .sessionFinalized(let s):
            return vi ? "Phiên họp \(s) đã kết thúc: không nhận thêm phiếu." : "Session \(s) is finalized: it takes no more sheets."
        case .alreadyDecided(let d):
            return vi ? "Hội đồng đã kết luận hồ sơ \(d): không nhận thêm phiếu." : "The council has already concluded dossier \(d): no more sheets."
        case let .deferred(d, s):
            return vi ? "Hồ sơ \(d) đã được hoãn khỏi phiên \(s): không nhận phiếu cho hồ sơ này ở phiên đó."
                : "Dossier \(d) was deferred from session \(s): it takes no sheets there."
        case let .dossierClosed(d, status):
            return vi ? "Hồ sơ \(d) đã kết thúc thủ tục («\(status.label(.vi))»): không chấm được." : "Dossier \(d) has left the procedure (\(status.label(.en))): it cannot be scored."
        case let .notAMember(p, c):
            return vi ? "\(p) không phải thành viên hội đồng \(c)." : "\(p) is not a member of council \(c)."
        case let .doesNotScore(p, role):
            return vi ? "\(p) (\(role.label(.vi))) không chấm điểm theo quy chế của hội đồng." : "\(p) (\(role.label(.en))) does not score under the council's policy."
        case let .absent(p, s):
            return vi ? "\(p) vắng mặt tại phiên \(s): không chấm được (ghi nhận có mặt trước)." : "\(p) is absent from session \(s) and cannot score (record their attendance first)."
        case let .recused(p, d):
            return vi ? "\(p) đã khai báo xung đột lợi ích với hồ sơ \(d): không được chấm hồ sơ này." : "\(p) has declared a conflict of interest for dossier \(d) and cannot score it."
        case let .alreadySubmitted(p, d, v):
            return vi ? "\(p) đã nộp phiếu cho hồ sơ \(d) (phiên bản \(v)); phiếu đã nộp không sửa được. Muốn đính chính: nộp phiên bản mới kèm lý do."
                : "\(p) has already submitted a sheet for \(d) (version \(v)); submitted sheets are immutable. To correct it, submit a new version with a reason."
        case let .correctionNeedsReason(p, d):
            return vi ? "Đính chính phiếu của \(p) cho hồ sơ \(d) cần lý do." : "A correction of \(p)'s sheet for \(d) needs a reason."
        case let .nothingToCorrect(p, d):
            return vi ? "\(p) chưa nộp phiếu nào cho hồ sơ \(d): phiếu đầu tiên không cần lý do đính chính." : "\(p) has no sheet for \(d) yet: a first sheet takes no correction reason."
        case let .beforeMeeting(s, day, today):
            return vi ? "Phiên họp \(s) họp ngày \(day.display(.vi)): thành viên chấm điểm tại cuộc họp, chưa nhận phiếu trước ngày đó (hôm nay là \(today.display(.vi)))."
                : "Session \(s) meets on \(day.display(.en)): members score at the meeting, and no sheet is taken before that day (today is \(today.display(.en)))."
        }
    }
}

/// The facts the scoring rule looks at, read in one go by whoever submits (interactive walk,
/// sheet file, paper transcription, CSV import).
public struct ScoringSituation: Sendable, Hashable {
    public var session: String
    public var sessionStatus: SessionStatus
    public var council: String
    public var policy: CouncilPolicy
    public var dossier: String
    public var dossierStatus: DossierStatus
    public var decided: Bool
    public var deferred: Bool
    public var person: String
    /// The person's place on the council; `nil` when not a member.
    public var role: CouncilRole?
    public var present: Bool
    public var recused: Bool
    /// The person's latest submitted version for this dossier in this session.
    public var currentVersion: Int?
    /// The day of a session held as a meeting, and today: a meeting's sheets are filled in at
    /// it, so none is taken before its day. `nil` for a round of written opinions, whose sheets
    /// come in before the day of its result.
    public var meetingDay: CalendarDate?
    public var today: CalendarDate?

    public init(session: String, sessionStatus: SessionStatus, council: String, policy: CouncilPolicy, dossier: String,
                dossierStatus: DossierStatus, decided: Bool, deferred: Bool, person: String, role: CouncilRole?, present: Bool,
                recused: Bool, currentVersion: Int?, meetingDay: CalendarDate? = nil, today: CalendarDate? = nil) {
        self.session = session
        self.sessionStatus = sessionStatus
        self.council = council
        self.policy = policy
        self.dossier = dossier
        self.dossierStatus = dossierStatus
        self.decided = decided
        self.deferred = deferred
        self.person = person
        self.role = role
        self.present = present
        self.recused = recused
        self.currentVersion = currentVersion
        self.meetingDay = meetingDay
        self.today = today
    }
}

extension CouncilRules {
    /// Whether `situation.person` may score the dossier now — the one rule every way of
    /// submitting uses. `correcting` says whether a correction reason is given: a first sheet
    /// takes none, a later version needs one. Drafts follow the same rule: a draft that could
    /// never be submitted is not saved.
    public static func mayScore(_ s: ScoringSituation, correcting: Bool) -> ScoringRefusal? {
        if s.sessionStatus != .open { return .sessionFinalized(session: s.session) }
        if s.decided { return .alreadyDecided(dossier: s.dossier) }
        if s.deferred { return .deferred(dossier: s.dossier, session: s.session) }
        if s.dossierStatus.isTerminal { return .dossierClosed(dossier: s.dossier, status: s.dossierStatus) }
        if let day = s.meetingDay, let today = s.today, today < day { return .beforeMeeting(session: s.session, heldOn: day, today: today) }
        guard let role = s.role else { return .notAMember(person: s.person, council: s.council) }
        guard s.policy.scores(role) else { return .doesNotScore(person: s.person, role: role) }
        guard s.present else { return .absent(person: s.person, session: s.session) }
        if s.recused { return .recused(person: s.person, dossier: s.dossier) }
        if let current = s.currentVersion, !correcting { return .alreadySubmitted(person: s.person, dossier: s.dossier, version: current) }
        if s.currentVersion == nil, correcting { return .nothingToCorrect(person: s.person, dossier: s.dossier) }
        return nil
    }
}
