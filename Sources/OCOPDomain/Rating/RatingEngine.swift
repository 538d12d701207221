/// The pure rating engine for one product set. Build once per set (it precompiles the sheet),
/// then rate any number of products: `try engine.rate([sheet1, sheet2, …])`.
///
/// Rules (docs/rating.md): mean of member totals against the bands, exactly; a k★ marker is met
/// when the members' mean on its criterion reaches the marked option; minimums are cumulative;
/// an unmet 3★ minimum gives 2★; declared knock-outs disqualify.
public struct RatingEngine: Sendable {
    public let productSet: ProductSet

    private let criteria: [Criterion]
    private let index: [String: Int]
    private let partIndex: [Int]
    private let parts: [PartCode]
    /// Bit p set when p points are allowed; `[variant 0 = any, 1, 2]`.
    private let allowed: [[UInt64]]
    private let hasVariants: [Bool]
    private let variantNumbers: [Int]
    private let conditionIndex: [Int]
    private let conditionMin: [Int]
    private let headings: [String: [String]]
    private let markers: [(criterion: Int, stars: Int, points: Int)]
    private let bands: [StarBand]
    private let shortTitles: [String]

    public init(productSet: ProductSet) {
        self.productSet = productSet
        let criteria = productSet.scorableCriteria
        self.criteria = criteria
        var index: [String: Int] = [:]
        for (i, c) in criteria.enumerated() { index[c.code] = i }
        self.index = index
        let parts = productSet.parts.map(\.code)
        self.parts = parts
        self.partIndex = criteria.map { c in parts.firstIndex(of: c.part) ?? 0 }
        func mask(_ points: [Int]) -> UInt64 { points.reduce(0) { $0 | (1 << UInt64($1 & 63)) } }
        self.allowed = criteria.map { c in
            [mask(c.allowedPoints())] + (1...2).map { mask(c.allowedPoints(variant: $0)) }
        }
        self.hasVariants = criteria.map(\.hasVariants)
        self.variantNumbers = productSet.variantNumbers
        self.conditionIndex = criteria.map { c in c.condition.flatMap { index[$0.criterion] } ?? -1 }
        self.conditionMin = criteria.map { $0.condition?.minPoints ?? 0 }
        var headings: [String: [String]] = [:]
        for c in productSet.allCriteria where !c.isScorable {
            headings[c.code] = c.flattened.filter(\.isScorable).map(\.code)
        }
        self.headings = headings
        self.markers = productSet.starMarkers.compactMap { m in
            index[m.criterion].map { (criterion: $0, stars: m.stars, points: m.points) }
        }.sorted { ($0.stars, $0.criterion) < ($1.stars, $1.criterion) }
        self.bands = productSet.bands.sorted { $0.minPoints > $1.minPoints }
        self.shortTitles = criteria.map(\.shortTitle)
    }

    /// Every problem of one sheet; on success, `points` holds one value per scorable criterion.
    public func validate(_ sheet: ScoreSheet) -> [SheetProblem] {
        var points = [Int](repeating: 0, count: criteria.count)
        return validate(sheet, into: &points)
    }

    private func validate(_ sheet: ScoreSheet, into points: inout [Int]) -> [SheetProblem] {
        var problems: [SheetProblem] = []
        func add(_ kind: SheetProblem.Kind) { problems.append(SheetProblem(sheet: sheet.label, kind: kind)) }
        var seen = [Bool](repeating: false, count: criteria.count)
        var answerVariant = [Int](repeating: 0, count: criteria.count)
        var named: Int? = nil
        var conflicting = false
        for (code, answer) in sheet.answers {
            guard let i = index[code] else {
                if let subs = headings[code] { add(.notScorable(code: code, subcriteria: subs)) }
                else { add(.unknownCriterion(code: code)) }
                continue
            }
            seen[i] = true
            points[i] = answer.points
            if let v = answer.variant {
                if !hasVariants[i] { add(.variantNotApplicable(code: code)); continue }
                if !variantNumbers.contains(v) {
                    add(.unknownVariant(code: code, variant: v, known: variantNumbers))
                    continue
                }
                answerVariant[i] = v
                if let n = named, n != v { conflicting = true } else { named = v }
            }
        }
        // Dictionary order is random: sort the per-answer problems so output is stable.
        if problems.count > 1 { problems.sort { "\($0.kind)" < "\($1.kind)" } }
        if conflicting {
            add(.conflictingVariants(variants: Set(sheet.answers.values.compactMap(\.variant)).sorted()))
        }
        for i in criteria.indices {
            let code = criteria[i].code
            if !seen[i] {
                // A conditional criterion whose condition is false may be left out.
                let c = conditionIndex[i]
                if c >= 0, points[c] < conditionMin[i] { continue }
                add(.missingCriterion(code: code))
                continue
            }
            let p = points[i]
            var variant = 0
            if hasVariants[i], p != 0 {
                variant = answerVariant[i] != 0 ? answerVariant[i] : (conflicting ? 0 : named ?? 0)
                if variant == 0 {
                    add(.variantMissing(code: code))
                    continue
                }
            }
            if p < 0 || p > 63 || allowed[i][variant] & (1 << UInt64(p)) == 0 {
                add(.pointsNotAnOption(code: code, points: p,
                                       allowed: criteria[i].allowedPoints(variant: variant == 0 ? nil : variant)))
                continue
            }
            let c = conditionIndex[i]
            if c >= 0, p != 0, points[c] < conditionMin[i] {
                add(.conditionNotMet(code: code, condition: criteria[c].code, conditionPoints: points[c]))
            }
        }
        return problems
    }

    private func knockOutProblem(_ declaration: KnockOutDeclaration, label: String) -> (SheetProblem?, String?) {
        switch declaration {
        case .dossier:
            guard let clause = productSet.disqualification else {
                return (SheetProblem(sheet: label, kind: .unknownKnockOut(name: declaration.description)), nil)
            }
            return (nil, clause.quoted)
        case .criterion(let code):
            guard let criterion = productSet.criterion(code) else {
                return (SheetProblem(sheet: label, kind: .unknownKnockOut(name: code)), nil)
            }
            guard let clause = criterion.knockOut else {
                return (SheetProblem(sheet: label, kind: .criterionHasNoKnockOut(code: code)), nil)
            }
            return (nil, "\(code) \(criterion.shortTitle): \(clause.text)")
        }
    }

    /// Rates one product from its members' sheets. `knockOuts` are declared for the product as a
    /// whole (the council's decision); sheets may declare their own, which count as well.
    public func rate(_ sheets: [ScoreSheet], knockOuts: [KnockOutDeclaration] = []) throws(SheetValidationError)
        -> RatingResult
    {
        let n = sheets.count
        let setNumber = productSet.number
        guard n > 0 else {
            throw SheetValidationError(setNumber: setNumber, problems: [SheetProblem(sheet: "", kind: .noSheets)])
        }
        var problems: [SheetProblem] = []
        var sums = [Int](repeating: 0, count: criteria.count)
        var members: [MemberScore] = []
        members.reserveCapacity(n)
        var perMember: [[Int]] = []
        perMember.reserveCapacity(n)
        var points = [Int](repeating: 0, count: criteria.count)
        for sheet in sheets {
            for i in points.indices { points[i] = 0 }
            let found = validate(sheet, into: &points)
            if !found.isEmpty { problems += found; continue }
            var partTotals = [Int](repeating: 0, count: parts.count)
            for i in points.indices {
                partTotals[partIndex[i]] += points[i]
                sums[i] += points[i]
            }
            var byPart: [PartCode: Int] = [:]
            for (k, part) in parts.enumerated() { byPart[part] = partTotals[k] }
            members.append(MemberScore(label: sheet.label, total: partTotals.reduce(0, +), parts: byPart))
            perMember.append(points)
        }

        // Knock-outs: validate, then group by declaration (order of first appearance).
        var hits: [KnockOutHit] = []
        func declare(_ d: KnockOutDeclaration, by label: String, problemLabel: String) {
            let (problem, clause) = knockOutProblem(d, label: problemLabel)
            if let problem { problems.append(problem); return }
            if let k = hits.firstIndex(where: { $0.declaration == d }) {
                if !hits[k].declaredBy.contains(label) {
                    hits[k] = KnockOutHit(declaration: d, clause: hits[k].clause, declaredBy: hits[k].declaredBy + [label])
                }
            } else {
                hits.append(KnockOutHit(declaration: d, clause: clause!, declaredBy: [label]))
            }
        }
        for d in knockOuts { declare(d, by: "council", problemLabel: "") }
        for sheet in sheets { for d in sheet.knockOuts { declare(d, by: sheet.label, problemLabel: sheet.label) } }

        if !problems.isEmpty { throw SheetValidationError(setNumber: setNumber, problems: problems) }

        let totalSum = members.reduce(0) { $0 + $1.total }
        let average = ExactMean(sum: totalSum, count: n)
        let band = bands.first { average.isAtLeast($0.minPoints) }?.stars ?? 1
        let totals = members.map(\.total)
        let spread = (totals.max() ?? 0) - (totals.min() ?? 0)

        var checks: [MinimumCheck] = []
        checks.reserveCapacity(markers.count)
        var metUpTo = [Bool](repeating: true, count: 6)  // metUpTo[k]: all markers of exactly k stars met
        for m in markers {
            let mean = ExactMean(sum: sums[m.criterion], count: n)
            let met = mean.isAtLeast(m.points)
            if !met { metUpTo[m.stars] = false }
            var below: [String] = []
            for (j, row) in perMember.enumerated() where row[m.criterion] < m.points { below.append(members[j].label) }
            checks.append(MinimumCheck(criterion: criteria[m.criterion].code, title: shortTitles[m.criterion],
                                       stars: m.stars, required: m.points, mean: mean, met: met,
                                       membersBelow: below, memberCount: n))
        }
        var stars = band
        if band >= 3 {
            var level = 3
            var reached = 2
            while level <= band, metUpTo[level] {
                reached = level
                level += 1
            }
            stars = reached
        }
        let unmet = checks.filter { !$0.met && $0.stars <= band }
        let disqualified = !hits.isEmpty
        let recognised = !disqualified && stars >= 3
        let proposed = recognised && stars >= 5

        var reasons: [RatingReason] = []
        reasons.append(.rating(average: average, band: band, stars: stars,
                               unmet: unmet.filter { $0.stars > stars }))
        for hit in hits { reasons.append(.disqualified(hit)) }
        if !disqualified {
            if stars < 3 { reasons.append(.notRecognised(stars: stars)) }
            if proposed { reasons.append(.proposedToCentral) }
        }
        if n > 1 {
            reasons.append(.spread(points: spread, members: n))
            for check in checks where check.membersDisagree && check.stars <= band { reasons.append(.minimumDisagreement(check)) }
        }
        return RatingResult(
            version: productSet.version, setNumber: setNumber, setTitle: productSet.title, members: members,
            average: average, band: band, starsByMinimums: stars, stars: disqualified ? nil : stars,
            recognised: recognised, proposedToCentral: proposed, disqualified: disqualified, knockOuts: hits,
            spread: spread, minimumChecks: checks, unmetMinimums: unmet, reasons: reasons)
    }

    /// Convenience for one-off use.
    public static func rate(_ productSet: ProductSet, sheets: [ScoreSheet], knockOuts: [KnockOutDeclaration] = [])
        throws(SheetValidationError) -> RatingResult
    {
        try RatingEngine(productSet: productSet).rate(sheets, knockOuts: knockOuts)
    }
}

extension Criterion {
    /// The title without its parenthesised explanation or "Yêu cầu: …" tail, for reasons.
    public var shortTitle: String {
        var t = title
        for marker in [" Yêu cầu:", " (", "("] {
            if let r = t.range(of: marker), r.lowerBound != t.startIndex { t = String(t[..<r.lowerBound]) }
        }
        return t.trimmingCharacters(in: .whitespaces)
    }
}

import Foundation
