/// The pure rating engine for one product set. Build once per set, then rate any number of
/// products: `try engine.rate([sheet1, sheet2, …])`.
///
/// Rules (docs/rating.md): mean of member totals against the bands, exactly; a k★ marker is met
/// when the members' mean on its criterion reaches the marked option; minimums are cumulative;
/// an unmet 3★ minimum gives 2★; declared knock-outs disqualify.
///
/// One implementation, plain Swift: `init` indexes the set once (codes, allowed points per case,
/// condition links, markers in (stars, sheet order)); `rate` validates each sheet with that index
/// and sums integers.
public struct RatingEngine: Sendable {
    public let productSet: ProductSet

    private struct Slot: Sendable {
        var part: PartCode
        /// Index of the criterion this one depends on (5.2 needs a product story in 5.1), or nil.
        var condition: Int?
        var conditionMin: Int
        var hasVariants: Bool
        /// Allowed points: for any case, for case 1, for case 2.
        var allowed: [Int: Set<Int>]
    }

    private struct Marker: Sendable {
        var criterion: Int
        var stars: Int
        var points: Int
        var code: String
        var title: String
    }

    private let criteria: [Criterion]
    private let slots: [Slot]
    private let index: [String: Int]
    /// Headings (non-scorable nodes) → their scorable sub-criteria, for `notScorable`.
    private let headings: [String: [String]]
    /// Every node by code (the first in sheet order, like `ProductSet.criterion(_:)`).
    private let nodes: [String: Criterion]
    private let variantNumbers: [Int]
    private let markers: [Marker]
    /// Highest threshold first.
    private let bands: [StarBand]

    public init(productSet: ProductSet) {
        self.productSet = productSet
        let criteria = productSet.scorableCriteria
        self.criteria = criteria
        var index: [String: Int] = [:]
        for (i, c) in criteria.enumerated() { index[c.code] = i }
        self.index = index
        variantNumbers = productSet.variantNumbers
        slots = criteria.map { c in
            var allowed: [Int: Set<Int>] = [0: Set(c.allowedPoints())]
            for v in productSet.variantNumbers { allowed[v] = Set(c.allowedPoints(variant: v)) }
            return Slot(part: c.part, condition: c.condition.flatMap { index[$0.criterion] }, conditionMin: c.condition?.minPoints ?? 0,
                        hasVariants: c.hasVariants, allowed: allowed)
        }
        markers = productSet.starMarkers.compactMap { m -> Marker? in
            guard let i = index[m.criterion] else { return nil }
            return Marker(criterion: i, stars: m.stars, points: m.points, code: m.criterion, title: criteria[i].shortTitle)
        }.sorted { ($0.stars, $0.criterion) < ($1.stars, $1.criterion) }
        bands = productSet.bands.sorted { $0.minPoints > $1.minPoints }
        var headings: [String: [String]] = [:]
        var nodes: [String: Criterion] = [:]
        for c in productSet.allCriteria {
            if !c.isScorable { headings[c.code] = c.flattened.filter(\.isScorable).map(\.code) }
            if nodes[c.code] == nil { nodes[c.code] = c }
        }
        self.headings = headings
        self.nodes = nodes
    }

    /// Every problem of one sheet: unknown codes, headings answered, missing criteria, points that
    /// are no option, conditions, tourism cases. Knock-outs the sheet declares are checked too.
    public func validate(_ sheet: ScoreSheet) -> [SheetProblem] {
        var problems = check(sheet).problems
        for declaration in sheet.knockOuts {
            if let problem = knockOutClause(declaration, label: sheet.label).problem { problems.append(problem) }
        }
        return problems
    }

    /// The sheet's points per scorable criterion (0 for a conditional criterion left out), and
    /// every problem found.
    private func check(_ sheet: ScoreSheet) -> (points: [Int], problems: [SheetProblem]) {
        var points = [Int](repeating: 0, count: criteria.count)
        var problems: [SheetProblem] = []
        func add(_ kind: SheetProblem.Kind) { problems.append(SheetProblem(sheet: sheet.label, kind: kind)) }
        var seen = [Bool](repeating: false, count: criteria.count)
        var answerVariant = [Int](repeating: 0, count: criteria.count)
        var named: Int? = nil
        var conflicting = false
        for (code, answer) in sheet.answers {
            guard let i = index[code] else {
                if let subs = headings[code] { add(.notScorable(code: code, subcriteria: subs)) } else { add(.unknownCriterion(code: code)) }
                continue
            }
            seen[i] = true
            points[i] = answer.points
            if let v = answer.variant {
                if !slots[i].hasVariants { add(.variantNotApplicable(code: code)); continue }
                if !variantNumbers.contains(v) { add(.unknownVariant(code: code, variant: v, known: variantNumbers)); continue }
                answerVariant[i] = v
                if let n = named, n != v { conflicting = true } else { named = v }
            }
        }
        // Dictionary order is random: sort the per-answer problems so output is stable.
        if problems.count > 1 { problems.sort { "\($0.kind)" < "\($1.kind)" } }
        if conflicting { add(.conflictingVariants(variants: Set(sheet.answers.values.compactMap(\.variant)).sorted())) }
        for (i, slot) in slots.enumerated() {
            let code = criteria[i].code
            if !seen[i] {
                // A conditional criterion whose condition is false may be left out.
                if let c = slot.condition, points[c] < slot.conditionMin { continue }
                add(.missingCriterion(code: code))
                continue
            }
            let p = points[i]
            var variant = 0
            if slot.hasVariants, p != 0 {
                variant = answerVariant[i] != 0 ? answerVariant[i] : (conflicting ? 0 : named ?? 0)
                if variant == 0 {
                    add(.variantMissing(code: code))
                    continue
                }
            }
            if !(slot.allowed[variant]?.contains(p) ?? false) {
                add(.pointsNotAnOption(code: code, points: p, allowed: criteria[i].allowedPoints(variant: variant == 0 ? nil : variant)))
                continue
            }
            if let c = slot.condition, p != 0, points[c] < slot.conditionMin {
                add(.conditionNotMet(code: code, condition: criteria[c].code, conditionPoints: points[c]))
            }
        }
        return (points, problems)
    }

    /// The clause a knock-out declaration names in this set, or the problem with it.
    private func knockOutClause(_ declaration: KnockOutDeclaration, label: String) -> (problem: SheetProblem?, clause: String?) {
        switch declaration {
        case .dossier:
            guard let clause = productSet.disqualification else {
                return (SheetProblem(sheet: label, kind: .unknownKnockOut(name: declaration.description)), nil)
            }
            return (nil, clause.quoted)
        case .criterion(let code):
            guard let criterion = nodes[code] else { return (SheetProblem(sheet: label, kind: .unknownKnockOut(name: code)), nil) }
            guard let clause = criterion.knockOut else {
                return (SheetProblem(sheet: label, kind: .criterionHasNoKnockOut(code: code)), nil)
            }
            return (nil, "\(code) \(criterion.shortTitle): \(clause.text)")
        }
    }

    /// Rates one product from its members' sheets. `knockOuts` are declared for the product as a
    /// whole (the council's decision); sheets may declare their own, which count as well.
    public func rate(_ sheets: [ScoreSheet], knockOuts: [KnockOutDeclaration] = []) throws(SheetValidationError) -> RatingResult {
        let n = sheets.count
        guard n > 0 else { throw SheetValidationError(setNumber: productSet.number, problems: [SheetProblem(sheet: "", kind: .noSheets)]) }
        var problems: [SheetProblem] = []
        var rows: [[Int]] = []
        rows.reserveCapacity(n)
        var members: [MemberScore] = []
        members.reserveCapacity(n)
        var sums = [Int](repeating: 0, count: criteria.count)
        for sheet in sheets {
            let (points, found) = check(sheet)
            if !found.isEmpty { problems += found; continue }
            var parts: [PartCode: Int] = [:]
            for part in productSet.parts { parts[part.code] = 0 }
            var total = 0
            for (i, p) in points.enumerated() {
                parts[slots[i].part, default: 0] += p
                sums[i] += p
                total += p
            }
            rows.append(points)
            members.append(MemberScore(label: sheet.label, total: total, parts: parts))
        }

        // Knock-outs: validate, then group by declaration (order of first appearance).
        var hits: [KnockOutHit] = []
        func declare(_ d: KnockOutDeclaration, by label: String, problemLabel: String) {
            let (problem, clause) = knockOutClause(d, label: problemLabel)
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
        if !problems.isEmpty { throw SheetValidationError(setNumber: productSet.number, problems: problems) }

        let totals = members.map(\.total)
        let totalSum = totals.reduce(0, +)
        let average = ExactMean(sum: totalSum, count: n)
        let band = bands.first { totalSum >= $0.minPoints * n }?.stars ?? 1
        let spread = totals.max()! - totals.min()!

        // Star minimums, in (stars, sheet order) order.
        let checks = markers.map { m in
            MinimumCheck(criterion: m.code, title: m.title, stars: m.stars, required: m.points,
                         mean: ExactMean(sum: sums[m.criterion], count: n), met: sums[m.criterion] >= m.points * n,
                         membersBelow: zip(rows, members).filter { $0.0[m.criterion] < m.points }.map(\.1.label), memberCount: n)
        }
        // Stars: the highest level ≤ band whose markers (every level up to it) are met.
        var stars = band
        if band >= 3 {
            stars = 2
            for level in 3...min(band, 5) {
                guard checks.allSatisfy({ $0.stars != level || $0.met }) else { break }
                stars = level
            }
            if band > 5 { stars = band }
        }
        let unmet = checks.filter { !$0.met && $0.stars <= band }
        let capping = unmet.filter { $0.stars > stars }
        let disqualified = !hits.isEmpty
        let recognised = !disqualified && stars >= 3
        let proposed = recognised && stars >= 5

        var reasons: [RatingReason] = [.rating(average: average, band: band, stars: stars, unmet: capping)]
        for hit in hits { reasons.append(.disqualified(hit)) }
        if !disqualified && stars < 3 { reasons.append(.notRecognised(stars: stars)) }
        if proposed { reasons.append(.proposedToCentral) }
        if n > 1 {
            reasons.append(.spread(points: spread, members: n))
            for check in checks where check.membersDisagree && check.stars <= band { reasons.append(.minimumDisagreement(check)) }
        }
        return RatingResult(
            version: productSet.version, setNumber: productSet.number, setTitle: productSet.title, members: members,
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
