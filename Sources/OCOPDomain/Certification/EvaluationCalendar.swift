/// Identifies an evaluation round (đợt đánh giá): level, the year it belongs to, its number.
/// Statutory rounds are 1 and 2; extra rounds take numbers from 3 (they fit `dossier.round`).
public struct RoundID: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let level: CouncilLevel
    public let year: Int
    public let number: Int

    public init(level: CouncilLevel, year: Int, number: Int) {
        self.level = level
        self.year = year
        self.number = number
    }

    /// "provincial-2026-1".
    public var description: String { "\(level.rawValue)-\(year)-\(number)" }

    public static func < (a: Self, b: Self) -> Bool {
        (a.level.rawValue, a.year, a.number) < (b.level.rawValue, b.year, b.number)
    }
}

/// One evaluation round with its deadlines (both inclusive: a dossier proposed on the filing
/// deadline is in the round; a session on the evaluation deadline is on time).
public struct EvaluationRound: Sendable, Hashable, Codable {
    public let id: RoundID
    /// The first proposal date that falls in this round (statutory rounds: the day after the
    /// previous round's filing deadline). `nil` for extra rounds.
    public let filingOpensOn: CalendarDate?
    /// The last day the lower level (commune for a province, province for the Ministry) may
    /// propose a dossier for this round.
    public let filingDeadline: CalendarDate
    /// The day by which the round is evaluated.
    public let evaluationDeadline: CalendarDate
    public let isExtra: Bool
    /// An extra round's own name, if given.
    public let customLabel: LocalizedText?

    public var label: LocalizedText {
        if let customLabel { return customLabel }
        let central = id.level == .central
        let levelVi = central ? "cấp trung ương" : "cấp tỉnh"
        let levelEn = central ? "central" : "provincial"
        if isExtra {
            return LocalizedText(vi: "Đợt bổ sung số \(id.number) năm \(id.year) (\(levelVi))",
                                 en: "Extra round \(id.number) of \(id.year) (\(levelEn))")
        }
        return LocalizedText(vi: "Đợt \(id.number) năm \(id.year) (\(levelVi))", en: "Round \(id.number) of \(id.year) (\(levelEn))")
    }

    /// "Đợt 1 năm 2026 (cấp tỉnh): hồ sơ đề nghị đến hết ngày 30/04/2026, đánh giá xong trước ngày 30/06/2026".
    public func describe(_ language: Language) -> String {
        switch language {
        case .vi: "\(label(.vi)): hồ sơ đề nghị đến hết ngày \(filingDeadline.display(.vi)), đánh giá xong chậm nhất ngày \(evaluationDeadline.display(.vi))"
        case .en: "\(label(.en)): proposals through \(filingDeadline.display(.en)), evaluated by \(evaluationDeadline.display(.en))"
        }
    }
}

/// An extra round that a council's Quy chế and evaluation plan provide for (Art. 5.1, 5.2 second
/// paragraphs).
public struct ExtraRound: Sendable, Hashable, Codable {
    public let level: CouncilLevel
    public let year: Int
    /// 3 or more, unique per level and year.
    public let number: Int
    public let filingDeadline: CalendarDate
    public let evaluationDeadline: CalendarDate
    public let label: LocalizedText?

    public init(level: CouncilLevel, year: Int, number: Int, filingDeadline: CalendarDate, evaluationDeadline: CalendarDate, label: LocalizedText? = nil) {
        self.level = level
        self.year = year
        self.number = number
        self.filingDeadline = filingDeadline
        self.evaluationDeadline = evaluationDeadline
        self.label = label
    }

    public var id: RoundID { RoundID(level: level, year: year, number: number) }
}

/// Something to note about a round's timing: a flag, never a refusal.
public enum RoundFlag: Sendable, Hashable, Codable {
    /// The dossier was proposed after the round's filing deadline.
    case filedAfterDeadline(round: EvaluationRound, filedOn: CalendarDate)
    /// The council met after the round's evaluation deadline.
    case sessionAfterDeadline(round: EvaluationRound, sessionOn: CalendarDate)
    /// The round's evaluation deadline has passed and the dossier is on no council session yet.
    case notEvaluatedByDeadline(round: EvaluationRound, asOf: CalendarDate)

    public var daysLate: Int {
        switch self {
        case .filedAfterDeadline(let round, let filedOn): round.filingDeadline.days(until: filedOn)
        case .sessionAfterDeadline(let round, let sessionOn): round.evaluationDeadline.days(until: sessionOn)
        case .notEvaluatedByDeadline(let round, let asOf): round.evaluationDeadline.days(until: asOf)
        }
    }

    public func text(_ language: Language) -> String {
        let article = { (round: EvaluationRound) in round.id.level == .central ? "5.2" : "5.1" }
        switch (self, language) {
        case let (.filedAfterDeadline(round, filedOn), .vi):
            return "Hồ sơ đề nghị ngày \(filedOn.display(.vi)), sau hạn nhận hồ sơ của \(round.label(.vi)) (đến hết ngày \(round.filingDeadline.display(.vi)), Điều \(article(round))): muộn \(daysLate) ngày."
        case let (.filedAfterDeadline(round, filedOn), .en):
            return "Proposed on \(filedOn.display(.en)), after the filing deadline of \(round.label(.en)) (\(round.filingDeadline.display(.en)), Art. \(article(round))): \(englishCount(daysLate, "day")) late."
        case let (.sessionAfterDeadline(round, sessionOn), .vi):
            return "Phiên họp ngày \(sessionOn.display(.vi)) sau hạn đánh giá của \(round.label(.vi)) (chậm nhất ngày \(round.evaluationDeadline.display(.vi)), Điều \(article(round))): chậm \(daysLate) ngày."
        case let (.sessionAfterDeadline(round, sessionOn), .en):
            return "Session on \(sessionOn.display(.en)) is after the evaluation deadline of \(round.label(.en)) (\(round.evaluationDeadline.display(.en)), Art. \(article(round))): \(englishCount(daysLate, "day")) late."
        case let (.notEvaluatedByDeadline(round, _), .vi):
            return "Đã quá hạn đánh giá của \(round.label(.vi)) (chậm nhất ngày \(round.evaluationDeadline.display(.vi)), Điều \(article(round))) \(daysLate) ngày mà hồ sơ chưa được xếp vào phiên họp Hội đồng nào."
        case let (.notEvaluatedByDeadline(round, _), .en):
            return "The evaluation deadline of \(round.label(.en)) (\(round.evaluationDeadline.display(.en)), Art. \(article(round))) passed \(englishCount(daysLate, "day")) ago, and the dossier is on no council session."
        }
    }
}

/// The evaluation calendar of Art. 5, plus the extra rounds a council has scheduled.
///
/// - Province (Art. 5.1): round 1 evaluated by 30/6 for dossiers the commune proposed by 30/4;
///   round 2 by 30/12 for those proposed by 30/10; a proposal after 30/10 goes to round 1 of the
///   next year.
/// - Ministry (Art. 5.2), numbered as the law numbers them: round 1 of year Y is evaluated by 30/9/Y
///   for proposals from 31/01/Y to 30/7/Y; round 2 of year Y by 30/3/Y+1 for proposals from 31/7/Y
///   to 30/01/Y+1. Round k of the Ministry's year Y thus takes the ≥ 90-point results of the
///   province's round k of year Y.
///
/// "Trước ngày 30 tháng 4" is read as "by 30/4, inclusive" (docs/certification.md).
public struct EvaluationCalendar: Sendable, Hashable {
    public let extraRounds: [ExtraRound]

    /// Validates the extra rounds: number ≥ 3 and unique per level and year; evaluation deadline
    /// not before the filing deadline.
    public init(extraRounds: [ExtraRound] = []) throws(CertificationError) {
        var seen: Set<RoundID> = []
        for extra in extraRounds {
            if extra.number < 3 {
                throw .invalidExtraRound(extra.id, reason: LocalizedText(
                    vi: "đợt bổ sung được đánh số từ 3 (đợt 1 và 2 là các đợt theo Điều 5)",
                    en: "extra rounds are numbered from 3 (rounds 1 and 2 are those of Art. 5)"))
            }
            if !seen.insert(extra.id).inserted {
                throw .invalidExtraRound(extra.id, reason: LocalizedText(vi: "trùng số đợt", en: "the round number is used twice"))
            }
            if extra.evaluationDeadline < extra.filingDeadline {
                throw .invalidExtraRound(extra.id, reason: LocalizedText(
                    vi: "hạn đánh giá (\(extra.evaluationDeadline.display(.vi))) trước hạn nhận hồ sơ (\(extra.filingDeadline.display(.vi)))",
                    en: "the evaluation deadline (\(extra.evaluationDeadline.display(.en))) is before the filing deadline (\(extra.filingDeadline.display(.en)))"))
            }
        }
        self.extraRounds = extraRounds
    }

    /// The calendar of Art. 5 with no extra round.
    public static let statutory = EvaluationCalendar(checked: [])

    init(checked extraRounds: [ExtraRound]) {
        self.extraRounds = extraRounds
    }

    /// Rounds 1 and 2 of `level` in `year` (years 1…9998).
    public func statutoryRounds(level: CouncilLevel, year: Int) -> [EvaluationRound] {
        guard (1...9998).contains(year) else { return [] }
        return [1, 2].map { Self.statutoryRound(RoundID(level: level, year: year, number: $0)) }
    }

    /// Statutory and extra rounds of `level` in `year`, by evaluation deadline.
    public func rounds(level: CouncilLevel, year: Int) -> [EvaluationRound] {
        let extras = extraRounds.filter { $0.level == level && $0.year == year }.map(Self.round)
        return (statutoryRounds(level: level, year: year) + extras).sorted(by: Self.earlier)
    }

    /// The round a dossier proposed on `filedOn` belongs to: among the rounds still taking it (the
    /// statutory round of Art. 5, and extra rounds whose filing deadline is not past), the first to
    /// be evaluated.
    public func round(forFilingOn filedOn: CalendarDate, level: CouncilLevel) -> EvaluationRound {
        let statutory = Self.statutoryRound(Self.statutoryID(forFilingOn: filedOn, level: level))
        let extras = extraRounds.filter { $0.level == level && $0.filingDeadline >= filedOn && $0.evaluationDeadline >= filedOn }.map(Self.round)
        return ([statutory] + extras).min(by: Self.earlier)!
    }

    /// The named round; a round that does not exist is an error naming the ones that do.
    public func round(_ id: RoundID) throws(CertificationError) -> EvaluationRound {
        if (1...2).contains(id.number), (1...9998).contains(id.year) { return Self.statutoryRound(id) }
        if let extra = extraRounds.first(where: { $0.id == id }) { return Self.round(extra) }
        throw .unknownRound(id, known: rounds(level: id.level, year: id.year).map(\.id.number).sorted())
    }

    /// Timing flags for a dossier in `round`, proposed on `filedOn`, with its session on `sessionOn`.
    /// `waitingOn`: the day asked about, for a dossier still waiting to be put on a council
    /// session (no session, no result, not closed).
    public func flags(round: EvaluationRound, filedOn: CalendarDate? = nil, sessionOn: CalendarDate? = nil,
                      waitingOn: CalendarDate? = nil) -> [RoundFlag] {
        var flags: [RoundFlag] = []
        if let filedOn, filedOn > round.filingDeadline { flags.append(.filedAfterDeadline(round: round, filedOn: filedOn)) }
        if let sessionOn, sessionOn > round.evaluationDeadline { flags.append(.sessionAfterDeadline(round: round, sessionOn: sessionOn)) }
        if sessionOn == nil, let waitingOn, waitingOn > round.evaluationDeadline {
            flags.append(.notEvaluatedByDeadline(round: round, asOf: waitingOn))
        }
        return flags
    }

    // MARK: - The statutory rounds

    static func statutoryID(forFilingOn d: CalendarDate, level: CouncilLevel) -> RoundID {
        let y = d.year
        switch level {
        case .provincial:
            if d <= date(y, 4, 30) { return RoundID(level: level, year: y, number: 1) }
            if d <= date(y, 10, 30) { return RoundID(level: level, year: y, number: 2) }
            return RoundID(level: level, year: y + 1, number: 1)
        case .central:
            if d <= date(y, 1, 30) { return RoundID(level: level, year: y - 1, number: 2) }
            if d <= date(y, 7, 30) { return RoundID(level: level, year: y, number: 1) }
            return RoundID(level: level, year: y, number: 2)
        }
    }

    static func statutoryRound(_ id: RoundID) -> EvaluationRound {
        let y = id.year
        let (opens, filing, evaluation): (CalendarDate, CalendarDate, CalendarDate)
        switch (id.level, id.number) {
        case (.provincial, 1): (opens, filing, evaluation) = (date(y - 1, 10, 31), date(y, 4, 30), date(y, 6, 30))
        case (.provincial, _): (opens, filing, evaluation) = (date(y, 5, 1), date(y, 10, 30), date(y, 12, 30))
        case (.central, 1): (opens, filing, evaluation) = (date(y, 1, 31), date(y, 7, 30), date(y, 9, 30))
        case (.central, _): (opens, filing, evaluation) = (date(y, 7, 31), date(y + 1, 1, 30), date(y + 1, 3, 30))
        }
        return EvaluationRound(id: id, filingOpensOn: opens, filingDeadline: filing, evaluationDeadline: evaluation, isExtra: false, customLabel: nil)
    }

    static func round(_ extra: ExtraRound) -> EvaluationRound {
        EvaluationRound(id: extra.id, filingOpensOn: nil, filingDeadline: extra.filingDeadline,
                        evaluationDeadline: extra.evaluationDeadline, isExtra: true, customLabel: extra.label)
    }

    static func earlier(_ a: EvaluationRound, _ b: EvaluationRound) -> Bool {
        (a.evaluationDeadline, a.filingDeadline, a.isExtra ? 1 : 0, a.id.number) < (b.evaluationDeadline, b.filingDeadline, b.isExtra ? 1 : 0, b.id.number)
    }

    // Day and month are fixed by the law and every year in 0…9999 has them; the year 0 (only
    // reached for round 1 of year 1) is clamped to 1.
    static func date(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate {
        CalendarDate(year: min(max(y, 1), 9999), month: m, day: d)!
    }
}
