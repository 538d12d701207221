/// What changed between a product's recognition and an upgrade (or re-evaluation) dossier's
/// council, per criterion: the council's mean then and now, the producer's claim and
/// self-assessment, and which band edge or ★ minimum decided the result
/// (docs/after-recognition.md). Means are exact (`ExactMean`); nothing is rounded before it is
/// compared.
public struct UpgradeDiff: Sendable, Hashable, Codable {
    /// How a criterion's council mean moved since the recognition.
    public enum Trend: String, Sendable, Hashable, Codable {
        case improved, unchanged, declined

        public var label: LocalizedText {
            switch self {
            case .improved: LocalizedText(vi: "cải thiện", en: "improved")
            case .unchanged: LocalizedText(vi: "không đổi", en: "unchanged")
            case .declined: LocalizedText(vi: "giảm", en: "declined")
            }
        }
    }

    /// Whether the council bore out what the producer claimed on a criterion.
    public enum ClaimOutcome: String, Sendable, Hashable, Codable {
        /// The council's mean reaches the claimed option.
        case confirmed
        /// Some members gave the claimed option, the mean does not reach it.
        case partly
        /// No member gave it.
        case notConfirmed = "not_confirmed"

        public var label: LocalizedText {
            switch self {
            case .confirmed: LocalizedText(vi: "Hội đồng xác nhận", en: "confirmed by the council")
            case .partly: LocalizedText(vi: "xác nhận một phần", en: "partly confirmed")
            case .notConfirmed: LocalizedText(vi: "không được xác nhận", en: "not confirmed")
            }
        }
    }

    /// A ★ minimum on a criterion, as it stands now.
    public struct Minimum: Sendable, Hashable, Codable {
        public var stars: Int
        public var points: Int
        public var met: Bool
    }

    public struct Row: Sendable, Hashable, Codable {
        public var criterion: String
        public var title: String
        public var max: Int
        /// The council's mean at the recognition, when its sheets are recorded.
        public var atRecognition: ExactMean?
        public var now: ExactMean
        public var selfAssessed: Int?
        public var claim: UpgradeClaim?
        public var trend: Trend?
        public var claimOutcome: ClaimOutcome?
        /// The ★ minimums marked on this criterion.
        public var minimums: [Minimum]
        /// An unmet minimum at or below the target: it decided (or helped decide) the result.
        public var decisive: Bool
    }

    /// Why the result is what it is, measured against the target.
    public enum Decider: Sendable, Hashable, Codable {
        /// The mean reached the target's band edge (`margin` hundredths above it).
        case bandReached(threshold: Int, average: ExactMean, margin: Int)
        /// The mean fell short of the target's band edge by `shortfall` hundredths.
        case bandShort(threshold: Int, average: ExactMean, shortfall: Int)
        /// A ★ minimum at or below the target is not met.
        case minimumUnmet(criterion: String, title: String, stars: Int, required: Int, mean: ExactMean)
        /// Every ★ minimum up to the target is met.
        case minimumsMet(stars: Int)
        case knockOut(clause: String)

        public func text(_ language: Language) -> String {
            let vi = language == .vi
            func points(_ hundredths: Int) -> String { CandidateScore.hundredths(hundredths).display(language) }
            switch self {
            case let .bandReached(threshold, average, margin):
                return vi ? "Điểm trung bình \(average.display(.vi)) đạt ngưỡng \(threshold) điểm (hơn \(points(margin)) điểm)"
                    : "The mean \(average.display(.en)) reaches the \(threshold)-point edge (by \(points(margin)) points)"
            case let .bandShort(threshold, average, shortfall):
                return vi ? "Điểm trung bình \(average.display(.vi)) chưa đạt ngưỡng \(threshold) điểm (thiếu \(points(shortfall)) điểm)"
                    : "The mean \(average.display(.en)) is below the \(threshold)-point edge (short by \(points(shortfall)) points)"
            case let .minimumUnmet(criterion, title, stars, required, mean):
                return vi ? "Tiêu chí \(criterion) (\(title)) trung bình \(mean.display(.vi)) < \(required): chưa đạt yêu cầu tối thiểu \(stars)★"
                    : "Criterion \(criterion) (\(title)) averages \(mean.display(.en)) < \(required): the \(stars)★ minimum is not met"
            case let .minimumsMet(stars):
                return vi ? "Đạt mọi yêu cầu tối thiểu đến \(stars)★" : "Every minimum up to \(stars)★ is met"
            case let .knockOut(clause):
                return vi ? "Bị loại: «\(clause)»" : "Disqualified: «\(clause)»"
            }
        }
    }

    public var setNumber: Int
    /// The stars of the certificate the dossier rests on.
    public var basisStars: Int?
    /// The score recorded with the recognition (an imported register gives only the total).
    public var recognitionScore: CandidateScore?
    /// The recognition's mean from its council sheets, when recorded.
    public var recognitionAverage: ExactMean?
    public var target: Int
    public var average: ExactMean
    public var band: Int
    public var stars: Int?
    public var selfAssessedTotal: Int?
    public var rows: [Row]
    public var deciders: [Decider]

    /// Target reached (the council's result, before any decision).
    public var reached: Bool { (stars ?? 0) >= target }

    /// Builds the diff. `recognition` holds the basis's council sheets and set when the workbench
    /// recorded them; criteria are matched by code.
    public init(productSet: ProductSet, sheets: [ScoreSheet], result: RatingResult, target: Int, basisStars: Int?,
                recognition: (set: ProductSet, sheets: [ScoreSheet])?, recognitionScore: CandidateScore?,
                selfAssessment: ScoreSheet?, claims: [UpgradeClaim]) {
        setNumber = productSet.number
        self.basisStars = basisStars
        self.recognitionScore = recognitionScore
        self.target = target
        average = result.average
        band = result.band
        stars = result.stars
        let n = max(sheets.count, 1)
        func sum(_ sheets: [ScoreSheet], _ code: String) -> Int { sheets.reduce(0) { $0 + ($1.answers[code]?.points ?? 0) } }
        let oldSheets = recognition.map(\.sheets).flatMap { $0.isEmpty ? nil : $0 }
        let oldCodes = Set(recognition?.set.scorableCriteria.map(\.code) ?? [])
        recognitionAverage = oldSheets.map { s in
            ExactMean(sum: s.reduce(0) { t, sheet in t + sheet.answers.values.reduce(0) { $0 + $1.points } }, count: s.count)
        }
        selfAssessedTotal = selfAssessment.map { s in
            productSet.scorableCriteria.reduce(0) { $0 + (s.answers[$1.code]?.points ?? 0) }
        }
        let threshold = productSet.bands.first { $0.stars == target }?.minPoints
        let checks = Dictionary(grouping: result.minimumChecks, by: \.criterion)
        var rows: [Row] = []
        for c in productSet.scorableCriteria {
            let now = ExactMean(sum: sum(sheets, c.code), count: n)
            let old = oldSheets.flatMap { s in oldCodes.contains(c.code) ? ExactMean(sum: sum(s, c.code), count: s.count) : nil }
            let trend = old.map { o -> Trend in
                let a = now.sum * o.count, b = o.sum * now.count
                return a > b ? .improved : a == b ? .unchanged : .declined
            }
            let claim = claims.first { $0.criterion == c.code }
            let outcome = claim.map { claim -> ClaimOutcome in
                if now.isAtLeast(claim.claimedPoints) { return .confirmed }
                return sheets.contains { ($0.answers[c.code]?.points ?? 0) >= claim.claimedPoints } ? .partly : .notConfirmed
            }
            let minimums = (checks[c.code] ?? []).sorted { $0.stars < $1.stars }.map { Minimum(stars: $0.stars, points: $0.required, met: $0.met) }
            let decisive = (checks[c.code] ?? []).contains { !$0.met && $0.stars <= target }
            rows.append(Row(criterion: c.code, title: c.shortTitle, max: c.max, atRecognition: old, now: now,
                            selfAssessed: selfAssessment.map { $0.answers[c.code]?.points ?? 0 }, claim: claim, trend: trend,
                            claimOutcome: outcome, minimums: minimums, decisive: decisive))
        }
        self.rows = rows

        var deciders: [Decider] = result.knockOuts.map { .knockOut(clause: $0.clause) }
        if let threshold {
            let gap = result.average.sum * 100 - threshold * 100 * result.average.count
            // Hundredths of a point, rounded half up, of |gap| / count.
            let hundredths = (2 * abs(gap) + result.average.count) / (2 * result.average.count)
            deciders.append(gap >= 0 ? .bandReached(threshold: threshold, average: result.average, margin: hundredths)
                                     : .bandShort(threshold: threshold, average: result.average, shortfall: hundredths))
        }
        let unmet = result.minimumChecks.filter { !$0.met && $0.stars <= target }.sorted { ($0.stars, $0.criterion) < ($1.stars, $1.criterion) }
        deciders += unmet.map { .minimumUnmet(criterion: $0.criterion, title: $0.title, stars: $0.stars, required: $0.required, mean: $0.mean) }
        if unmet.isEmpty { deciders.append(.minimumsMet(stars: target)) }
        self.deciders = deciders
    }

    /// Criteria whose mean rose since the recognition, and claims the council bore out.
    public var improvedCriteria: [String] { rows.filter { $0.trend == .improved || $0.claimOutcome == .confirmed }.map(\.criterion) }
    /// Claims the council did not bear out, and criteria whose mean fell.
    public var notImprovedCriteria: [String] {
        rows.filter { $0.trend == .declined || $0.claimOutcome == .notConfirmed || $0.claimOutcome == .partly }.map(\.criterion)
    }

    /// "Kết quả 3★ (66,14 điểm); mục tiêu 4★: chưa đạt." and the deciding facts.
    public func summary(_ language: Language) -> [String] {
        let vi = language == .vi
        let result = stars.map { "\($0)★" } ?? (vi ? "bị loại" : "disqualified")
        let verdict = vi ? (reached ? "đạt" : "chưa đạt") : (reached ? "reached" : "not reached")
        var lines = [vi ? "Kết quả của Hội đồng: \(result) (\(average.display(.vi)) điểm); mục tiêu \(target)★: \(verdict)."
                        : "The council's result: \(result) (\(average.display(.en)) points); target \(target)★: \(verdict)."]
        if let basisStars {
            let then = recognitionAverage.map { $0.display(language) } ?? recognitionScore?.display(language)
            lines.append(vi ? "Khi được công nhận: \(basisStars)★" + (then.map { " (\($0) điểm)" } ?? "") + "."
                            : "At the recognition: \(basisStars)★" + (then.map { " (\($0) points)" } ?? "") + ".")
        }
        if let selfAssessedTotal {
            lines.append(vi ? "Chủ thể tự đánh giá: \(selfAssessedTotal) điểm." : "The producer's self-assessment: \(englishCount(selfAssessedTotal, "point")).")
        }
        lines += deciders.map { "- " + $0.text(language) }
        return lines
    }
}
