/// The pure rating engine for one product set. Build once per set (it precompiles the sheet),
/// then rate any number of products: `try engine.rate([sheet1, sheet2, …])`.
///
/// Rules (docs/rating.md): mean of member totals against the bands, exactly; a k★ marker is met
/// when the members' mean on its criterion reaches the marked option; minimums are cumulative;
/// an unmet 3★ minimum gives 2★; declared knock-outs disqualify.
///
/// Performance (docs/rating.md, "Engine internals"): everything that depends only on the set is
/// compiled once into a `RatingPlan`; rating a product then needs no String hashing for ordinary
/// criterion codes, keeps its scratch on the stack, and allocates only the result's own storage.
/// Invalid sheets take the original, unoptimised validation path, so problems are reported exactly
/// as before.
public struct RatingEngine: Sendable {
    public let productSet: ProductSet
    private let plan: RatingPlan

    public init(productSet: ProductSet) {
        self.productSet = productSet
        self.plan = RatingPlan(productSet)
    }

    /// Every problem of one sheet; on success, `points` holds one value per scorable criterion.
    public func validate(_ sheet: ScoreSheet) -> [SheetProblem] {
        let plan = self.plan
        let c = plan.count
        let valid = withUnsafeTemporaryAllocation(of: Bool.self, capacity: max(1, c)) { seen in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: max(1, 2 * c)) { buf in
                let base = buf.baseAddress!
                return plan.isValid(sheet, points: base, seen: seen.baseAddress!, answerVariant: base + c)
            }
        }
        return valid ? [] : plan.problems(of: sheet)
    }

    private func knockOutProblem(_ declaration: KnockOutDeclaration, label: String) -> (SheetProblem?, String?) {
        switch declaration {
        case .dossier:
            guard let clause = productSet.disqualification else {
                return (SheetProblem(sheet: label, kind: .unknownKnockOut(name: declaration.description)), nil)
            }
            return (nil, clause.quoted)
        case .criterion(let code):
            guard let criterion = plan.anyCriterion(code) else {
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
        guard n > 0 else {
            throw SheetValidationError(setNumber: productSet.number, problems: [SheetProblem(sheet: "", kind: .noSheets)])
        }
        let c = plan.count
        // Scratch (kept under the 1 KiB stack-allocation limit for one member of any set): answer
        // variants, part totals, one row of points per member, then the sums (several members only;
        // for one member the row is the sum).
        let (rowsSize, overflow) = c.multipliedReportingOverflow(by: n > 1 ? n + 2 : 2)
        precondition(!overflow, "too many sheets")
        let outcome = withUnsafeTemporaryAllocation(of: Bool.self, capacity: max(1, c)) { seen in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: max(1, rowsSize + plan.parts.count)) { buf in
                rate(sheets, knockOuts: knockOuts, scratch: buf.baseAddress!, seen: seen.baseAddress!)
            }
        }
        return try outcome.get()
    }

    private func rate(_ sheets: [ScoreSheet], knockOuts: [KnockOutDeclaration], scratch: UnsafeMutablePointer<Int>,
                      seen: UnsafeMutablePointer<Bool>) -> Result<RatingResult, SheetValidationError>
    {
        let plan = self.plan
        let n = sheets.count
        let c = plan.count
        let partCount = plan.parts.count
        let setNumber = productSet.number
        let answerVariant = scratch
        let partTotals = scratch + c
        let rows = partTotals + partCount
        let accumulate = n > 1
        let sums = accumulate ? rows + n * c : rows
        if accumulate { sums.update(repeating: 0, count: c) }

        var problems: [SheetProblem] = []
        var totalSum = 0
        var minTotal = Int.max
        var maxTotal = Int.min
        // Once a sheet is invalid the product throws; the other sheets only add their problems.
        var members: [MemberScore] = []
        members.reserveCapacity(n)
        for sheet in sheets {
            let row = rows + members.count * c
            guard plan.isValid(sheet, points: row, seen: seen, answerVariant: answerVariant) else {
                problems += plan.problems(of: sheet)
                continue
            }
            if !problems.isEmpty { continue }
            partTotals.update(repeating: 0, count: partCount)
            var total = 0
            plan.slots.withUnsafeBufferPointer { slots in
                for i in 0..<c {
                    let p = row[i]
                    partTotals[slots[i].part] += p
                    if accumulate { sums[i] += p }
                    total += p
                }
            }
            var byPart = plan.partTemplate
            for k in 0..<partCount { byPart.values[plan.partSlots[k]] = partTotals[k] }
            members.append(MemberScore(label: sheet.label, total: total, parts: byPart))
            totalSum += total
            minTotal = min(minTotal, total)
            maxTotal = max(maxTotal, total)
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

        if !problems.isEmpty { return .failure(SheetValidationError(setNumber: setNumber, problems: problems)) }

        let average = ExactMean(sum: totalSum, count: n)
        var band = 1
        for b in plan.bands where totalSum >= b.minPoints * n {
            band = b.stars
            break
        }
        let spread = maxTotal - minTotal

        // Star minimums, in the plan's (stars, sheet order) order.
        let markerCount = plan.markers.count
        var unmetMask: UInt64 = 0  // bit k: some k★ marker is not met
        var unmetCount = 0
        var disagreements = 0
        let solo: [String] = n == 1 ? [members[0].label] : []
        var checks: [MinimumCheck] = []
        checks.reserveCapacity(markerCount)
        plan.markers.withUnsafeBufferPointer { markers in
            for k in 0..<markerCount {
                let criterion = markers[k].criterion
                let required = markers[k].points
                let sum = sums[criterion]
                let met = sum >= required * n
                if !met {
                    unmetMask |= markers[k].starsBit
                    if markers[k].stars <= band { unmetCount += 1 }
                }
                var below: [String] = []
                if n == 1 {
                    if rows[criterion] < required { below = solo }
                } else {
                    for j in 0..<n where rows[j * c + criterion] < required { below.append(members[j].label) }
                    if !below.isEmpty, below.count < n, markers[k].stars <= band { disagreements += 1 }
                }
                checks.append(MinimumCheck(
                    criterion: markers[k].code, title: markers[k].title, stars: markers[k].stars,
                    required: required, mean: ExactMean(sum: sum, count: n), met: met, membersBelow: below,
                    memberCount: n))
            }
        }
        var stars = band
        if band >= 3 {
            var level = 3
            var reached = 2
            while level <= band, level < 6, unmetMask & (1 << UInt64(level)) == 0 {
                reached = level
                level += 1
            }
            stars = reached
        }

        var unmet: [MinimumCheck] = []
        var capping: [MinimumCheck] = []  // unmet markers above the result: the causes of a cap
        if unmetCount > 0 {
            if unmetCount == checks.count {
                unmet = checks
            } else {
                unmet.reserveCapacity(unmetCount)
                for check in checks where !check.met && check.stars <= band { unmet.append(check) }
            }
            var cappingCount = 0
            for check in unmet where check.stars > stars { cappingCount += 1 }
            if cappingCount == unmet.count {
                capping = unmet
            } else if cappingCount > 0 {
                capping.reserveCapacity(cappingCount)
                for check in unmet where check.stars > stars { capping.append(check) }
            }
        }
        let disqualified = !hits.isEmpty
        let recognised = !disqualified && stars >= 3
        let proposed = recognised && stars >= 5

        var reasons: [RatingReason] = []
        let notRecognised = !disqualified && stars < 3
        reasons.reserveCapacity(1 + hits.count + (notRecognised ? 1 : 0) + (proposed ? 1 : 0)
            + (n > 1 ? 1 + disagreements : 0))
        reasons.append(.rating(average: average, band: band, stars: stars, unmet: capping))
        for hit in hits { reasons.append(.disqualified(hit)) }
        if notRecognised { reasons.append(.notRecognised(stars: stars)) }
        if proposed { reasons.append(.proposedToCentral) }
        if n > 1 {
            reasons.append(.spread(points: spread, members: n))
            for check in checks where check.membersDisagree && check.stars <= band { reasons.append(.minimumDisagreement(check)) }
        }
        return .success(RatingResult(
            version: productSet.version, setNumber: setNumber, setTitle: productSet.title, members: members,
            average: average, band: band, starsByMinimums: stars, stars: disqualified ? nil : stars,
            recognised: recognised, proposedToCentral: proposed, disqualified: disqualified, knockOuts: hits,
            spread: spread, minimumChecks: checks, unmetMinimums: unmet, reasons: reasons))
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
