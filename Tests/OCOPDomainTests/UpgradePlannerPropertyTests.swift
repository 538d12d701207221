import Foundation
import OCOPDomain
import OCOPRubrics
import Testing

/// The shipped effort table (scoring/effort/default.yaml), validated against the 26 sets.
let defaultEffort: EffortTable = {
    let url = scoringDirectory.appendingPathComponent("effort/default.yaml")
    do { return try EffortFile.load(from: url, catalog: catalog) } catch { fatalError((error as? EffortFileError)?.message(.en) ?? "\(error)") }
}()

/// An independent reading of the model (docs/planner.md): every member's answer on a raised
/// criterion becomes max(answer, points); a conditional criterion only for members whose
/// condition holds after their own raises (and written as 0 where it newly applies).
func raising(_ sheets: [ScoreSheet], in set: ProductSet, to raises: [String: Int], tourismCase: Int?) -> [ScoreSheet] {
    sheets.map { sheet in
        var sheet = sheet
        let variant = tourismCase ?? sheet.variant
        for c in set.scorableCriteria where c.condition == nil {
            guard let p = raises[c.code], let old = sheet.answers[c.code], p > old.points else { continue }
            sheet.answers[c.code] = SheetAnswer(points: p, variant: c.hasVariants ? (old.variant ?? variant) : nil)
        }
        for c in set.scorableCriteria {
            guard let condition = c.condition else { continue }
            guard (sheet.answers[condition.criterion]?.points ?? 0) >= condition.minPoints else { continue }
            let old = sheet.answers[c.code]?.points ?? 0
            sheet.answers[c.code] = SheetAnswer(points: max(old, raises[c.code] ?? 0))
        }
        return sheet
    }
}

/// Distinct option points of a criterion for a tourism case, ascending.
func ladder(_ c: Criterion, tourismCase: Int?) -> [Int] {
    Set(c.options.filter { !c.hasVariants || $0.variant == tourismCase }.map(\.points)).sorted()
}

extension ProductSet {
    /// A sheet near `total` that meets every ★ minimum up to `stars`, with a random tourism case.
    func baseline(total: Int, stars: Int, tourismCase: Int? = nil, using rng: inout SplitMix, label: String) -> ScoreSheet {
        let sheet = sheet(totalling: total, floors: starMinimumFloors(upTo: stars), label: label)
            ?? sheet(totalling: 100, floors: [:], label: label)!
        guard let v = tourismCase ?? variantNumbers.randomElement(using: &rng) else { return sheet }
        var answers = sheet.answers
        for c in scorableCriteria where c.hasVariants {
            let p = answers[c.code]?.points ?? 0
            answers[c.code] = SheetAnswer(points: p, variant: p == 0 ? nil : v)
        }
        return ScoreSheet(label: label, answers: answers)
    }

    /// Random valid answers on `codes` for one sheet (conditions kept, the sheet's case used).
    func scramble(_ sheet: ScoreSheet, codes: Set<String>, using rng: inout SplitMix) -> ScoreSheet {
        var sheet = sheet
        let variant = sheet.variant ?? variantNumbers.first
        for c in scorableCriteria where codes.contains(c.code) {
            let p = c.allowedPoints(variant: c.hasVariants ? variant : nil).randomElement(using: &rng)!
            sheet.answers[c.code] = SheetAnswer(points: p, variant: c.hasVariants && p != 0 ? variant : nil)
        }
        for c in scorableCriteria {
            if let cond = c.condition, (sheet.answers[cond.criterion]?.points ?? 0) < cond.minPoints { sheet.answers[c.code] = 0 }
        }
        return sheet
    }
}

@Suite struct UpgradePlannerPropertyTests {
    /// For every set: random baselines, 6–9 criteria free (the others not actionable), random step
    /// costs; the DP's cost equals exhaustive enumeration of every option combination.
    @Test func dynamicProgrammeMatchesExhaustiveSearch() throws {
        var rng = SplitMix(seed: 0x0C0B_2026)
        var compared = 0, feasible = 0
        for set in allSets {
            let engine = RatingEngine(productSet: set)
            for round in 0..<6 {
                let n = [1, 2, 3, 5][round % 4]
                let target = [4, 5, 3, 4, 5, 4][round]
                var free = Array(set.scorableCriteria.map(\.code).shuffled(using: &rng).prefix(Int.random(in: 6...9, using: &rng)))
                let v = set.variantNumbers.randomElement(using: &rng)
                let base = (0..<n).map { set.baseline(total: Int.random(in: 45...85, using: &rng), stars: target,
                                                      tourismCase: v, using: &rng, label: "m\($0)") }
                let tourism = base.compactMap(\.variant).first ?? set.variantNumbers.first
                let sheets = base.map { set.scramble($0, codes: Set(free), using: &rng) }
                // Keep the search small: drop criteria while the combinations exceed 60 000.
                func combinations(_ codes: [String]) -> Int {
                    codes.reduce(1) { $0 * (ladder(set.criterion($1)!, tourismCase: tourism).count + 1) }
                }
                while free.count > 6, combinations(free) > 60_000 { free.removeLast() }

                var entries: [EffortEntry] = []
                var stepCosts: [String: [Int: Int]] = [:]
                for c in set.scorableCriteria {
                    if !free.contains(c.code) {
                        entries.append(EffortEntry(code: c.code, actionable: false))
                        continue
                    }
                    var options: [EffortOption] = []
                    for p in ladder(c, tourismCase: tourism) where Bool.random(using: &rng) {
                        let cost = Int.random(in: 0...3, using: &rng)
                        options.append(EffortOption(points: p, cost: cost))
                        stepCosts[c.code, default: [:]][p] = cost
                    }
                    entries.append(EffortEntry(code: c.code, options: options))
                }
                let table = EffortTable(stepCost: 1, entries: entries)
                let plan = try UpgradePlanner(productSet: set, costs: table).plan(sheets, target: target)

                let best = exhaustive(set, sheets: sheets, free: free, target: target, tourismCase: tourism) { code, p in
                    stepCosts[code]?[p] ?? 1
                }
                compared += 1
                if let best {
                    feasible += 1
                    #expect(plan.reachable, "bộ \(set.number) vòng \(round)")
                    #expect(plan.totalCost == best, "bộ \(set.number) vòng \(round): DP \(plan.totalCost), exhaustive \(best)")
                    let improved = raising(sheets, in: set, to: plan.raises, tourismCase: tourism)
                    let r = try engine.rate(improved)
                    #expect((r.stars ?? 0) >= target, "bộ \(set.number) vòng \(round)")
                    #expect(Set(plan.steps.map(\.criterion)).isSubset(of: Set(free)))
                } else {
                    #expect(plan.status == .unreachable, "bộ \(set.number) vòng \(round)")
                }
            }
        }
        #expect(compared == 156)
        #expect(feasible > 60)
    }

    /// The least cost over every combination (keep, or any option above the current level) of the
    /// free criteria, checking the band and the minimums up to `target` by plain arithmetic.
    func exhaustive(_ set: ProductSet, sheets: [ScoreSheet], free: [String], target: Int, tourismCase: Int?,
                    stepCost: (String, Int) -> Int) -> Int? {
        let n = sheets.count
        let threshold = set.bands.first { $0.stars == target }!.minPoints
        let criteria = set.scorableCriteria
        let markers = set.starMarkers.filter { $0.stars <= target }
        // Choices per free criterion, with their cost.
        var choices: [[(points: Int?, cost: Int)]] = []
        for code in free {
            let c = set.criterion(code)!
            let levels = ladder(c, tourismCase: tourismCase)
            let sum = sheets.reduce(0) { $0 + ($1.answers[code]?.points ?? 0) }
            let current = levels.lastIndex { $0 * n <= sum } ?? -1
            var list: [(Int?, Int)] = [(nil, 0)]
            var cost = 0
            for k in levels.indices where k > current {
                cost += stepCost(code, levels[k])
                list.append((levels[k], cost))
            }
            choices.append(list)
        }
        var best: Int? = nil
        var picked = [Int?](repeating: nil, count: free.count)
        func visit(_ i: Int, cost: Int) {
            if let best, cost >= best { return }
            if i == free.count {
                var raises: [String: Int] = [:]
                for (k, p) in picked.enumerated() { if let p { raises[free[k]] = p } }
                let improved = raising(sheets, in: set, to: raises, tourismCase: tourismCase)
                var sums: [String: Int] = [:]
                for c in criteria { sums[c.code] = improved.reduce(0) { $0 + ($1.answers[c.code]?.points ?? 0) } }
                let total = sums.values.reduce(0, +)
                guard total >= threshold * n, markers.allSatisfy({ sums[$0.criterion]! >= $0.points * n }) else { return }
                best = cost
                return
            }
            for choice in choices[i] {
                picked[i] = choice.points
                visit(i + 1, cost: cost + choice.cost)
            }
        }
        visit(0, cost: 0)
        return best
    }

    /// On all 26 sets, for N = 1, 3, 7 and targets 4 and 5, under both cost models: the improved
    /// sheets rate at least the target; an unreachable verdict survives every actionable criterion
    /// at its best.
    @Test func plansReachTheTargetWithTheRatingEngine() throws {
        var rng = SplitMix(seed: 26_2026)
        var reachable = 0, unreachable = 0, already = 0
        for set in allSets {
            let engine = RatingEngine(productSet: set)
            // A third model freezes a random half of the criteria, so unreachable targets occur.
            let frozen = set.scorableCriteria.filter { _ in Bool.random(using: &rng) }
            let restrictive = EffortTable(entries: frozen.map { EffortEntry(code: $0.code, actionable: false) })
            for costs in [EffortTable.optionSteps, defaultEffort, restrictive] {
                let planner = UpgradePlanner(productSet: set, costs: costs)
                for n in [1, 3, 7] {
                    for target in [4, 5] {
                        for shape in 0..<3 {
                            let sheets: [ScoreSheet] = switch shape {
                            case 0: (0..<n).map { set.randomSheet(using: &rng, label: "m\($0)") }
                            case 1: (0..<n).map { set.baseline(total: Int.random(in: 50...80, using: &rng), stars: 3,
                                                               tourismCase: set.variantNumbers.last, using: &rng, label: "m\($0)") }
                            default: (0..<n).map { set.baseline(total: Int.random(in: 70...95, using: &rng), stars: 4,
                                                                tourismCase: set.variantNumbers.first, using: &rng, label: "m\($0)") }
                            }
                            // One case per product: the random sheets may name different ones.
                            let cases = Set(sheets.compactMap(\.variant))
                            let uniform = cases.count > 1
                                ? sheets.map { $0.withCase(cases.min()!, in: set) } : sheets
                            let plan = try planner.plan(uniform, target: target)
                            switch plan.status {
                            case .alreadyMet:
                                already += 1
                                #expect(plan.steps.isEmpty && plan.totalCost == 0)
                                #expect((try engine.rate(uniform).stars ?? 0) >= target)
                            case .reachable:
                                reachable += 1
                                let improved = raising(uniform, in: set, to: plan.raises, tourismCase: plan.tourismCase)
                                #expect(improved == planner.improvedSheets(uniform, plan: plan))
                                let r = try engine.rate(improved)
                                #expect((r.stars ?? 0) >= target && !r.disqualified, "bộ \(set.number) n=\(n) → \(target)★")
                                #expect(plan.after == r)
                                #expect(plan.meanAfter == r.average)
                                #expect(plan.totalCost == plan.steps.reduce(0) { $0 + $1.cost })
                                if let proof = plan.proof {
                                    #expect(proof.forcedCost <= plan.totalCost)
                                    if let bound = proof.bestMeanBelow {
                                        #expect(!bound.isAtLeast(proof.bandThreshold))
                                        #expect(proof.budgetBelow == plan.totalCost - 1)
                                    }
                                } else {
                                    Issue.record("a reachable plan carries its proof")
                                }
                            case .unreachable:
                                unreachable += 1
                                #expect(!plan.blockers.isEmpty)
                                // Upper bound: every actionable criterion at its best still fails.
                                var best: [String: Int] = [:]
                                for c in set.scorableCriteria where costs.effort(for: c, inSet: set.number).isActionable {
                                    best[c.code] = c.bestPoints(variant: c.hasVariants ? plan.tourismCase : nil)
                                }
                                let top = raising(uniform, in: set, to: best, tourismCase: plan.tourismCase)
                                #expect((try engine.rate(top).stars ?? 0) < target, "bộ \(set.number) n=\(n) → \(target)★")
                            }
                        }
                    }
                }
            }
        }
        #expect(reachable + unreachable + already == 26 * 3 * 3 * 2 * 3)
        #expect(reachable > 500 && unreachable > 100 && already > 50)
    }
}

extension ScoreSheet {
    /// The same answers under tourism case `v`.
    fileprivate func withCase(_ v: Int, in set: ProductSet) -> ScoreSheet {
        var sheet = self
        for c in set.scorableCriteria where c.hasVariants {
            if let a = sheet.answers[c.code], a.points != 0 { sheet.answers[c.code] = SheetAnswer(points: a.points, variant: v) }
        }
        return sheet
    }
}
