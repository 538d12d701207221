/// A council's average score as the decision sees it: exact (from the rating engine) or in
/// hundredths (from a register that only kept the printed value).
public enum CandidateScore: Sendable, Hashable, Codable {
    case exact(ExactMean)
    /// 7425 = 74,25 points. A rounded value: 90,00 may stand for 89,996.
    case hundredths(Int)

    /// Whether the score reaches `points`, exactly when the mean is known.
    public func isAtLeast(_ points: Int) -> Bool {
        switch self {
        case .exact(let mean): mean.isAtLeast(points)
        case .hundredths(let h): h >= points * 100
        }
    }

    /// Stars by points alone (Art. 3.3 bands unless others are given).
    public func band(_ bands: [StarBand] = StarBand.qd26) -> Int {
        bands.sorted { $0.minPoints > $1.minPoints }.first { isAtLeast($0.minPoints) }?.stars ?? 1
    }

    /// "74,25" / "74.25".
    public func display(_ language: Language) -> String {
        switch self {
        case .exact(let mean): mean.display(language)
        case .hundredths(let h): ExactMean.format(h, separator: language == .vi ? "," : ".")
        }
    }
}

/// A council result proposed for a recognition decision.
public struct DecisionCandidate: Sendable, Hashable, Codable {
    public var dossier: String
    /// The result's stars (after ★-minimum caps).
    public var stars: Int
    public var score: CandidateScore
    /// The council that produced the result.
    public var councilLevel: CouncilLevel
    /// The day the council's result was final.
    public var resultOn: CalendarDate

    public init(dossier: String, stars: Int, score: CandidateScore, councilLevel: CouncilLevel, resultOn: CalendarDate) {
        self.dossier = dossier
        self.stars = stars
        self.score = score
        self.councilLevel = councilLevel
        self.resultOn = resultOn
    }
}

/// What a recognition decision contains, and what it leaves out and why (Art. 4.1, 7.3, 7.4).
public struct DecisionPlan: Sendable, Hashable {
    /// A product recognised by the decision; its certificate is issued on the decision date.
    public struct AnnexEntry: Sendable, Hashable {
        public let candidate: DecisionCandidate
        public let stars: Int
        public let issuedOn: CalendarDate
        public let validUntil: CalendarDate
    }

    /// A 1★/2★ result: no decision, no certificate (Art. 4.1.a), a written notice instead.
    public struct NoticeEntry: Sendable, Hashable {
        public let candidate: DecisionCandidate
        /// Who is told: the commune and the producer (province, Art. 7.3.g), or the province
        /// (Ministry, Art. 7.4.g).
        public let recipients: LocalizedText
    }

    /// A candidate this decision cannot take, with every reason.
    public struct Refusal: Sendable, Hashable {
        public let candidate: DecisionCandidate
        public let problems: [CertificationError]
    }

    public let authority: IssuingAuthority
    public let decidedOn: CalendarDate
    public let annex: [AnnexEntry]
    public let notices: [NoticeEntry]
    public let refused: [Refusal]

    /// The annex rows of one star level (a provincial decision lists 4★ and 3★ separately).
    public func annex(stars: Int) -> [AnnexEntry] { annex.filter { $0.stars == stars } }

    /// Plans a decision of `authority` dated `decidedOn`. Refused as a whole when the date is after
    /// `today`. Each candidate is then checked:
    /// - stars within 1–5, and not above the band of its score (★-minimum caps may lower stars,
    ///   nothing raises them);
    /// - the result not dated after the decision; no dossier twice;
    /// - province: 3★/4★ from its own council or from the central council (Art. 7.4.g) go in;
    ///   5★ never (the chair approves a ≥ 90 result and sends it to the Ministry, Art. 7.3.e);
    /// - Ministry: only central results; 5★ go in; 3★/4★ return to the province (Art. 7.4.g);
    /// - 1★/2★: a notice, never an annex row (Art. 4.1.a, 7.3.g, 7.4.g).
    public static func make(
        authority: IssuingAuthority, decidedOn: CalendarDate, today: CalendarDate, candidates: [DecisionCandidate]
    ) throws(CertificationError) -> DecisionPlan {
        guard decidedOn <= today else { throw .decisionDateInFuture(decidedOn: decidedOn, today: today) }
        var annex: [AnnexEntry] = []
        var notices: [NoticeEntry] = []
        var refused: [Refusal] = []
        var seen: Set<String> = []
        for candidate in candidates {
            let problems = problems(of: candidate, authority: authority, decidedOn: decidedOn, firstTime: seen.insert(candidate.dossier).inserted)
            if !problems.isEmpty {
                refused.append(Refusal(candidate: candidate, problems: problems))
            } else if candidate.stars < 3 {
                notices.append(NoticeEntry(candidate: candidate, recipients: noticeRecipients(authority)))
            } else {
                annex.append(AnnexEntry(candidate: candidate, stars: candidate.stars, issuedOn: decidedOn,
                                        validUntil: CertificateTerm.validUntil(issuedOn: decidedOn)))
            }
        }
        return DecisionPlan(authority: authority, decidedOn: decidedOn, annex: annex, notices: notices, refused: refused)
    }

    static func problems(of c: DecisionCandidate, authority: IssuingAuthority, decidedOn: CalendarDate, firstTime: Bool) -> [CertificationError] {
        var found: [CertificationError] = []
        if !firstTime { found.append(.duplicateCandidate(dossier: c.dossier)) }
        guard (1...5).contains(c.stars) else {
            found.append(.starsOutOfRange(dossier: c.dossier, stars: c.stars))
            return found
        }
        if c.resultOn > decidedOn { found.append(.decisionBeforeResult(dossier: c.dossier, resultOn: c.resultOn, decidedOn: decidedOn)) }
        let band = c.score.band()
        if c.stars > band { found.append(.starsAboveScoreBand(dossier: c.dossier, stars: c.stars, score: c.score, band: band)) }
        switch authority {
        case .province:
            if c.stars == 5 { found.append(.provinceCannotRecogniseFiveStars(dossier: c.dossier, councilLevel: c.councilLevel)) }
        case .ministry:
            if c.councilLevel != .central {
                found.append(.ministryNeedsCentralResult(dossier: c.dossier))
            } else if (3...4).contains(c.stars) {
                found.append(.ministryRecognisesOnlyFiveStars(dossier: c.dossier, stars: c.stars, score: c.score))
            }
        }
        return found
    }

    static func noticeRecipients(_ authority: IssuingAuthority) -> LocalizedText {
        authority.isMinistry
            ? LocalizedText(vi: "UBND cấp tỉnh (Điều 7.4.g)", en: "the provincial people's committee (Art. 7.4.g)")
            : LocalizedText(vi: "UBND cấp xã và chủ thể OCOP (Điều 7.3.g)", en: "the commune people's committee and the producer (Art. 7.3.g)")
    }
}
