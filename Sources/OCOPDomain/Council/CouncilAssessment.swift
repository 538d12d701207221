/// One council member as seen from a session: who, in which role, present or not.
public struct RosterEntry: Sendable, Hashable, Codable {
    /// The person's code; member sheets carry it as their label.
    public let person: String
    public let name: String
    public let role: CouncilRole
    public let present: Bool

    public init(person: String, name: String, role: CouncilRole, present: Bool = true) {
        self.person = person
        self.name = name
        self.role = role
        self.present = present
    }
}

/// Something that stops a dossier from being finalized as it stands.
public enum CouncilFlag: Sendable, Hashable, Codable {
    /// Not enough sheets (or the chair's is missing). Cannot be overridden.
    case quorum(scored: Int, required: Int, eligible: Int, presidingMissing: Bool)
    /// Members' totals differ by more than the policy allows.
    case spread(points: Int, maximum: Int)
    /// Some members meet a ★-minimum and some do not.
    case minimumSplit(criterion: String, stars: Int, required: Int, membersBelow: [String])
    /// The council has disqualified the dossier under a knock-out clause. A decision, not an
    /// obstacle: finalization passes it to the rating engine.
    case knockOut(clause: String, quote: String, reason: String, decidedBy: String)

    /// Stable identifier, used by overrides: `quorum`, `spread`, `minimum:5.1:4`.
    public var id: String {
        switch self {
        case .quorum: "quorum"
        case .spread: "spread"
        case .minimumSplit(let criterion, let stars, _, _): "minimum:\(criterion):\(stars)"
        case .knockOut(let clause, _, _, _): "knockout:\(clause)"
        }
    }

    /// Whether the chair may override it with a reason (a missing quorum never can).
    public var overridable: Bool {
        switch self {
        case .quorum, .knockOut: false
        case .spread, .minimumSplit: true
        }
    }

    /// Whether it stands in the way of finalization until resolved (a knock-out does not).
    public var blocksFinalization: Bool {
        if case .knockOut = self { return false }
        return true
    }

    public func text(_ language: Language) -> String {
        let vi = language == .vi
        switch self {
        case let .quorum(scored, required, eligible, presidingMissing):
            var text = vi ? "chưa đủ túc số: \(scored)/\(eligible) thành viên đã chấm, cần \(required)"
                : "no quorum: \(scored) of \(englishCount(eligible, "member")) scored, \(required) needed"
            if presidingMissing { text += vi ? "; thiếu phiếu của Chủ tịch (hoặc Phó Chủ tịch điều hành)" : "; the presiding chair's sheet is missing" }
            return text
        case let .spread(points, maximum):
            return vi ? "chênh lệch tổng điểm \(points) > \(maximum) điểm: Hội đồng thảo luận và chấm lại"
                : "totals differ by \(points) > \(englishCount(maximum, "point")): the council discusses and re-scores"
        case let .minimumSplit(criterion, stars, required, below):
            return vi ? "không thống nhất yêu cầu tối thiểu \(stars)★ của tiêu chí \(criterion) (≥ \(required)): dưới mức là \(below.joined(separator: ", "))"
                : "split on the \(stars)★ minimum of criterion \(criterion) (≥ \(required)): below it: \(below.joined(separator: ", "))"
        case let .knockOut(clause, quote, reason, decidedBy):
            let which = clause == KnockOutDeclaration.dossier.description ? (vi ? "điều khoản hồ sơ" : "the dossier clause")
                : (vi ? "tiêu chí \(clause)" : "criterion \(clause)")
            return vi ? "Hội đồng quyết định loại theo \(which): «\(quote)» — lý do: \(reason) (người quyết định: \(decidedBy))"
                : "the council disqualifies the dossier under \(which): «\(quote)» — reason: \(reason) (decided by \(decidedBy))"
        }
    }
}

/// Where one dossier of a session stands: who scored, the provisional result and what blocks it.
public struct DossierAssessment: Sendable, Hashable {
    /// Members entitled to score this dossier (scoring roles, not recused), in roster order.
    public let eligible: [String]
    public let scored: [String]
    /// Eligible members without a submitted sheet.
    public let missing: [String]
    public let absent: [String]
    public let recused: [String]
    /// Sheets that do not count (recused after scoring, or not entitled to score).
    public let excluded: [String]
    /// The rating of the counted sheets; `nil` when nobody has scored.
    public let result: RatingResult?
    public let flags: [CouncilFlag]
    /// Flag ids the chair has overridden.
    public let overridden: Set<String>

    /// Flags still in the way: the quorum, and anything not overridden.
    public var blocking: [CouncilFlag] {
        flags.filter { $0.blocksFinalization && (!$0.overridable || !overridden.contains($0.id)) }
    }

    /// The council has decided a knock-out: the result will be disqualified.
    public var knockedOut: Bool { flags.contains { if case .knockOut = $0 { true } else { false } } }

    /// Spread or ★-split flags not yet overridden: discuss and re-score.
    public var needsDiscussion: Bool { blocking.contains { $0.overridable } }

    public var canFinalize: Bool { result != nil && blocking.isEmpty }
}

/// The council rules as pure functions (docs/council.md).
public enum CouncilRules {
    /// Members of `roster` who may score a dossier, given the recused ones.
    public static func eligible(policy: CouncilPolicy, roster: [RosterEntry], recused: Set<String>) -> [RosterEntry] {
        roster.filter { policy.scores($0.role) && !recused.contains($0.person) }
    }

    /// Assesses one dossier. `sheets` are the members' current sheets, labelled with person codes;
    /// `knockOuts` are the council's own knock-out decisions, passed to the rating engine. A council
    /// knock-out still needs the quorum (a council decision does), but spreads and ★-splits no
    /// longer block: a disqualified dossier has no stars to argue about.
    public static func assess(
        policy: CouncilPolicy, roster: [RosterEntry], recused: Set<String>, sheets: [ScoreSheet],
        engine: RatingEngine, overridden: Set<String> = [], knockOuts: [CouncilKnockOut] = []
    ) throws(SheetValidationError) -> DossierAssessment {
        let entitled = eligible(policy: policy, roster: roster, recused: recused)
        let entitledCodes = Set(entitled.map(\.person))
        let counted = sheets.filter { entitledCodes.contains($0.label) }
        // Roster order, so output is stable.
        let scoredSet = Set(counted.map(\.label))
        let scored = entitled.map(\.person).filter(scoredSet.contains)
        let ordered = scored.compactMap { code in counted.first { $0.label == code } }
        let excluded = sheets.map(\.label).filter { !entitledCodes.contains($0) }.sorted()
        let result: RatingResult? = ordered.isEmpty ? nil : try engine.rate(ordered, knockOuts: knockOuts.map(\.declaration))

        var flags: [CouncilFlag] = []
        let required = policy.quorumSize(eligible: entitled.count)
        var presidingMissing = false
        if policy.quorumRequiresChair {
            let chairs = entitled.filter { $0.role == .chair }
            // A recused (or absent from the roster) chair hands the chair to a vice-chair.
            let presiding = chairs.isEmpty ? entitled.filter { $0.role == .viceChair } : chairs
            presidingMissing = !presiding.contains { scoredSet.contains($0.person) }
        }
        if entitled.isEmpty || scored.count < required || presidingMissing {
            flags.append(.quorum(scored: scored.count, required: required, eligible: entitled.count, presidingMissing: presidingMissing))
        }
        for k in knockOuts {
            let clause = k.declaration.description
            flags.append(.knockOut(clause: clause, quote: quote(k.declaration, in: engine.productSet) ?? clause,
                                   reason: k.reason, decidedBy: k.decidedBy))
        }
        if let result, knockOuts.isEmpty {
            if result.spread > policy.maxSpread { flags.append(.spread(points: result.spread, maximum: policy.maxSpread)) }
            if policy.minimumSplit == .mustResolve {
                for check in result.minimumChecks where check.membersDisagree && check.stars <= result.band {
                    flags.append(.minimumSplit(criterion: check.criterion, stars: check.stars, required: check.required, membersBelow: check.membersBelow))
                }
            }
        }
        return DossierAssessment(
            eligible: entitled.map(\.person), scored: scored,
            missing: entitled.map(\.person).filter { !scoredSet.contains($0) },
            absent: entitled.filter { !$0.present }.map(\.person),
            recused: roster.map(\.person).filter(recused.contains), excluded: excluded,
            result: result, flags: flags, overridden: overridden.intersection(flags.filter(\.overridable).map(\.id)))
    }

    /// Where a provincial finalization sends the dossier: 5★ (≥ 90 and every 5★ minimum met) →
    /// proposed to the central council; 3★/4★ → awaiting the recognition decision; else not recognised.
    public static func provincialOutcome(_ result: RatingResult) -> DossierStatus {
        if result.proposedToCentral { return .proposedCentral }
        if result.recognised { return .awaitingDecision }
        return .notRecognised
    }

    /// A central council's 5★ result awaits the Minister's decision (Art. 7.4.e); 3★/4★ go back to
    /// the province's decision (Art. 7.4.g). Only a decision recognises.
    public static func centralOutcome(_ result: RatingResult) -> DossierStatus {
        if result.proposedToCentral { return .awaitingDecision }
        if result.recognised { return .awaitingDecision }
        return .notRecognised
    }

    /// The reasons a producer is told: the council's own reasoning, never a member's scores,
    /// spreads or who was below a minimum. A disqualified product is told only the clauses quoted.
    public static func producerReasons(_ result: RatingResult) -> [RatingReason] {
        if result.disqualified {
            return result.reasons.filter { if case .disqualified = $0 { true } else { false } }
        }
        return result.reasons.filter {
            switch $0 {
            case .rating, .disqualified, .notRecognised, .proposedToCentral: true
            case .spread, .minimumDisagreement: false
            }
        }
    }
}
