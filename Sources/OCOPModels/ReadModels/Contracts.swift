import Foundation
import OCOPDomain

/// The JSON contract of `ocop rate --format json` (and of the server's rating endpoint).
public struct RatingJSON: Encodable, Sendable {
    public struct Member: Encodable, Sendable { public let label: String; public let total: Int; public let parts: [String: Int] }
    public struct Unmet: Encodable, Sendable { public let criterion: String; public let title: String; public let stars: Int; public let required: Int; public let mean: String }
    public struct Disagreement: Encodable, Sendable {
        public let criterion: String; public let stars: Int; public let required: Int; public let met: Bool; public let membersBelow: [String]
    }
    public struct KnockOut: Encodable, Sendable { public let knockOut: String; public let clause: String; public let declaredBy: [String] }
    public let rubric: String
    public let set: Int
    public let title: String
    public let average: String
    public let band: Int
    public let starsByMinimums: Int
    public let stars: Int?
    public let recognised: Bool
    public let proposedToCentral: Bool
    public let disqualified: Bool
    public let knockOuts: [KnockOut]
    public let members: [Member]
    public let spread: Int
    public let unmetMinimums: [Unmet]
    public let minimumDisagreements: [Disagreement]
    public let reasons: [String]

    enum CodingKeys: String, CodingKey {
        case rubric, set, title, average, band, starsByMinimums, stars, recognised, proposedToCentral,
             disqualified, knockOuts, members, spread, unmetMinimums, minimumDisagreements, reasons
    }

    public init(_ r: RatingResult, language: Language) {
        rubric = r.version.rawValue
        set = r.setNumber
        title = r.setTitle
        average = r.average.plain
        band = r.band
        starsByMinimums = r.starsByMinimums
        stars = r.stars
        recognised = r.recognised
        proposedToCentral = r.proposedToCentral
        disqualified = r.disqualified
        knockOuts = r.knockOuts.map { .init(knockOut: $0.declaration.description, clause: $0.clause, declaredBy: $0.declaredBy) }
        members = r.members.map { m in
            .init(label: m.label, total: m.total, parts: Dictionary(uniqueKeysWithValues: m.parts.map { ($0.key.rawValue, $0.value) }))
        }
        spread = r.spread
        unmetMinimums = r.unmetMinimums.map { .init(criterion: $0.criterion, title: $0.title, stars: $0.stars, required: $0.required, mean: $0.mean.plain) }
        minimumDisagreements = r.minimumDisagreements.map {
            .init(criterion: $0.criterion, stars: $0.stars, required: $0.required, met: $0.met, membersBelow: $0.membersBelow)
        }
        reasons = r.explanation(language)
    }

    // `stars` is always present: null when disqualified.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rubric, forKey: .rubric); try c.encode(set, forKey: .set); try c.encode(title, forKey: .title)
        try c.encode(average, forKey: .average); try c.encode(band, forKey: .band)
        try c.encode(starsByMinimums, forKey: .starsByMinimums); try c.encode(stars, forKey: .stars)
        try c.encode(recognised, forKey: .recognised); try c.encode(proposedToCentral, forKey: .proposedToCentral)
        try c.encode(disqualified, forKey: .disqualified); try c.encode(knockOuts, forKey: .knockOuts)
        try c.encode(members, forKey: .members); try c.encode(spread, forKey: .spread)
        try c.encode(unmetMinimums, forKey: .unmetMinimums)
        try c.encode(minimumDisagreements, forKey: .minimumDisagreements); try c.encode(reasons, forKey: .reasons)
    }
}

/// The JSON contract of `ocop council session status --format json`: one object per dossier.
public struct SessionStatusJSON: Encodable, Sendable {
    public struct Flag: Encodable, Sendable { public let id: String; public let text: String; public let overridden: Bool }
    public struct Dossier: Encodable, Sendable {
        public let dossier: String
        public let product: String
        public let productSet: Int
        public let scored: [String]
        public let missing: [String]
        public let absent: [String]
        public let recused: [String]
        public let average: String?
        public let spread: Int?
        public let band: Int?
        public let stars: Int?
        public let flags: [Flag]
        public let needsDiscussion: Bool
        public let canFinalize: Bool
        /// The deferral reason when the dossier was taken off the session.
        public let deferred: String?
        /// Set when the dossier was withdrawn while on the agenda.
        public let withdrawn: Bool
        public let outcome: String?
        /// The evaluation round ("provincial-2026-2") and its lateness flags (Art. 5).
        public let round: String?
        public let roundFlags: [String]
        /// A re-evaluation's 45-day deadline (Art. 7.6.g) and whether it is overdue.
        public let reEvaluationDeadline: String?
        public let overdue: Bool
        /// Written opinions: why this dossier needs a meeting.
        public let meetingReasons: [String]

        enum CodingKeys: String, CodingKey {
            case dossier, product, productSet, scored, missing, absent, recused, average, spread, band, stars, flags, needsDiscussion,
                 canFinalize, deferred, withdrawn, outcome, round, roundFlags, reEvaluationDeadline, overdue, meetingReasons
        }

        // Nulls are written, not dropped: consumers test `stars == null`.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(dossier, forKey: .dossier); try c.encode(product, forKey: .product); try c.encode(productSet, forKey: .productSet)
            try c.encode(scored, forKey: .scored); try c.encode(missing, forKey: .missing); try c.encode(absent, forKey: .absent)
            try c.encode(recused, forKey: .recused); try c.encode(average, forKey: .average); try c.encode(spread, forKey: .spread)
            try c.encode(band, forKey: .band); try c.encode(stars, forKey: .stars); try c.encode(flags, forKey: .flags)
            try c.encode(needsDiscussion, forKey: .needsDiscussion); try c.encode(canFinalize, forKey: .canFinalize)
            try c.encode(deferred, forKey: .deferred); try c.encode(withdrawn, forKey: .withdrawn); try c.encode(outcome, forKey: .outcome)
            try c.encode(round, forKey: .round); try c.encode(roundFlags, forKey: .roundFlags)
            try c.encode(reEvaluationDeadline, forKey: .reEvaluationDeadline); try c.encode(overdue, forKey: .overdue)
            try c.encode(meetingReasons, forKey: .meetingReasons)
        }
    }

    public let session: String
    public let council: String
    public let date: String
    public let status: String
    /// "meeting" or "written_opinions" (Art. 7.6.d).
    public let mode: String
    public let convenedOn: String?
    public let dossiers: [Dossier]

    enum CodingKeys: String, CodingKey { case session, council, date, status, mode, convenedOn, dossiers }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(session, forKey: .session); try c.encode(council, forKey: .council); try c.encode(date, forKey: .date)
        try c.encode(status, forKey: .status); try c.encode(mode, forKey: .mode); try c.encode(convenedOn, forKey: .convenedOn)
        try c.encode(dossiers, forKey: .dossiers)
    }

    public init(_ report: SessionReport, language: Language, lifecycle: SessionLifecycleView? = nil, today: CalendarDate? = nil) {
        let s = report.snapshot
        session = s.code.rawValue
        council = s.council.code.rawValue
        date = s.heldOn.iso
        status = s.status.rawValue
        mode = (lifecycle?.mode ?? .meeting).rawValue
        convenedOn = lifecycle?.convenedOn?.iso
        dossiers = zip(s.dossiers, report.assessments).map { d, a in
            let rating = d.result?.rating ?? a.result
            let life = lifecycle?.dossiers.first { $0.dossier == d.code }
            return Dossier(
                dossier: d.code.rawValue, product: d.productName, productSet: d.productSet, scored: a.scored, missing: a.missing,
                absent: a.absent, recused: a.recused, average: rating?.average.plain, spread: rating?.spread, band: rating?.band,
                stars: d.result?.rating.stars,
                flags: d.isOpen ? a.flags.map { Flag(id: $0.id, text: $0.text(language), overridden: a.overridden.contains($0.id)) } : [],
                needsDiscussion: d.isOpen && a.needsDiscussion, canFinalize: d.isOpen && a.canFinalize,
                deferred: d.deferral?.reason, withdrawn: d.leftProcedure, outcome: d.result?.outcome.rawValue,
                round: life?.round?.id.description, roundFlags: (life?.roundFlags ?? []).map { $0.text(language) },
                reEvaluationDeadline: life?.reEvaluation?.deadline.iso,
                overdue: life.map { l in today.map { l.overdueFlag(today: $0, language) != nil } ?? false } ?? false,
                meetingReasons: (life?.meetingReasons ?? []).map { $0(language) })
        }
    }
}
