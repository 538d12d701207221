/// The exact upgrade planner (docs/planner.md): the cheapest set of criterion improvements that
/// lifts a product to a target of 3★, 4★ or 5★ under the rating engine's rules — the band (sum of
/// the members' totals ≥ threshold × N) and every cumulative ★ minimum up to the target, with no
/// knock-out.
///
/// Raising criterion c to option p means the product now earns at least p on c: every member's
/// answer becomes max(answer, p). The search is a multiple-choice knapsack solved by dynamic
/// programming over the members' point sum (units of 1/N point on the mean, so nothing is
/// rounded); linked criteria (5.2 applies only when 5.1 > 0) form one item with joint choices.
///
/// ```swift
/// let planner = UpgradePlanner(productSet: set, costs: effortTable)   // or .optionSteps
/// let plan = try planner.plan(sheets, target: 4)
/// print(plan.lines(.vi).joined(separator: "\n"))
/// ```
public struct UpgradePlanner: Sendable {
    public let productSet: ProductSet
    public let costs: EffortTable
    private let engine: RatingEngine

    public init(productSet: ProductSet, costs: EffortTable = .optionSteps) {
        self.productSet = productSet
        self.costs = costs
        self.engine = RatingEngine(productSet: productSet)
    }

    /// Plans the cheapest improvement of one product to `target` stars.
    /// - Parameters:
    ///   - sheets: the baseline: the council members' latest sheets (N ≥ 1; a self-assessment is N = 1).
    ///   - target: 3, 4 or 5.
    ///   - knockOuts: knock-outs standing against the product (sheets' own count as well).
    ///   - tourismCase: Bộ 26 case (1 or 2) when the sheets name none; must agree with them otherwise.
    public func plan(_ sheets: [ScoreSheet], target: Int, knockOuts: [KnockOutDeclaration] = [],
                     tourismCase: Int? = nil) throws(PlanningError) -> UpgradePlan
    {
        guard (3...5).contains(target), let band = productSet.bands.first(where: { $0.stars == target }) else {
            throw .invalidTarget(target)
        }
        if let version = costs.version, version != productSet.version {
            throw .effortTableVersion(table: version, set: productSet.version)
        }
        let before: RatingResult
        do { before = try engine.rate(sheets, knockOuts: knockOuts) } catch { throw .invalidSheets(error) }
        let tourism = try resolveCase(sheets, requested: tourismCase)
        let model = PlanModel(productSet, sheets: sheets, tourismCase: tourism, target: target,
                              threshold: band.minPoints, costs: costs)
        let unit: PlanCostUnit = costs == .optionSteps ? .optionSteps : .effort
        let n = sheets.count
        func result(_ status: UpgradePlan.Status, steps: [PlanStep] = [], cost: Int = 0, meanAfter: ExactMean? = nil,
                  after: RatingResult? = nil, proof: PlanProof? = nil, blockers: [PlanBlocker] = []) -> UpgradePlan {
            UpgradePlan(version: productSet.version, setNumber: productSet.number, setTitle: productSet.title,
                        target: target, bandThreshold: band.minPoints, memberCount: n, tourismCase: tourism,
                        costUnit: unit, status: status, steps: steps, totalCost: cost,
                        meanBefore: before.average, meanAfter: meanAfter ?? before.average, before: before,
                        after: after, proof: proof, blockers: blockers)
        }

        if before.disqualified {
            return result(.unreachable, blockers: before.knockOuts.map(PlanBlocker.knockOut) + model.blockers())
        }
        if let stars = before.stars, stars >= target {
            return result(.alreadyMet, after: before)
        }
        let solution = model.solve()
        guard let best = solution.best(gain: model.gap) else {
            return result(.unreachable, blockers: model.blockers())
        }
        let picks = solution.reconstruct(gain: model.gap)
        let forced = model.forcedChoices()
        let steps = model.steps(picks, forced: forced)
        let improved = improvedSheets(sheets, raising: Dictionary(steps.map { ($0.criterion, $0.target.points) },
                                                                 uniquingKeysWith: max), tourismCase: tourism)
        // The improved sheets keep every answer valid by construction; rating them cannot fail.
        let after = try? engine.rate(improved, knockOuts: knockOuts)
        let gained = picks.enumerated().reduce(0) { $0 + model.items[$1.offset].choices[$1.element].gain }
        return result(.reachable, steps: steps, cost: best.cost,
                    meanAfter: ExactMean(sum: model.total + gained, count: n), after: after,
                    proof: model.proof(solution, forced: forced, totalCost: best.cost), blockers: [])
    }

    /// The members' sheets with the improvements applied: each answer on a raised criterion becomes
    /// max(answer, points); a conditional criterion is raised only for members whose condition holds
    /// (after their own raises) and is written as 0 where it newly applies; tourism answers carry the case.
    public func improvedSheets(_ sheets: [ScoreSheet], raising raises: [String: Int], tourismCase: Int? = nil) -> [ScoreSheet] {
        let criteria = productSet.scorableCriteria
        // Condition sources first, so a member's 5.1 is raised before their 5.2 is looked at.
        let order = criteria.filter { $0.condition == nil } + criteria.filter { $0.condition != nil }
        return sheets.map { sheet in
            var sheet = sheet
            let variant = tourismCase ?? sheet.variant
            for c in order {
                if let condition = c.condition {
                    let source = sheet.answers[condition.criterion]?.points ?? 0
                    guard source >= condition.minPoints else { continue }
                    if sheet.answers[c.code] == nil { sheet.answers[c.code] = SheetAnswer(points: 0) }
                }
                guard let points = raises[c.code] else { continue }
                let old = sheet.answers[c.code] ?? SheetAnswer(points: 0)
                guard points > old.points else { continue }
                sheet.answers[c.code] = SheetAnswer(points: points, variant: c.hasVariants ? (old.variant ?? variant) : nil)
            }
            return sheet
        }
    }

    /// `improvedSheets(_:raising:tourismCase:)` with a plan's steps.
    public func improvedSheets(_ sheets: [ScoreSheet], plan: UpgradePlan) -> [ScoreSheet] {
        improvedSheets(sheets, raising: plan.raises, tourismCase: plan.tourismCase)
    }

    private func resolveCase(_ sheets: [ScoreSheet], requested: Int?) throws(PlanningError) -> Int? {
        let known = productSet.variantNumbers
        if let requested, !known.contains(requested) { throw .unknownTourismCase(requested, known: known) }
        guard !known.isEmpty else { return nil }
        var named = Set(sheets.compactMap(\.variant))
        if let requested { named.insert(requested) }
        if named.count > 1 { throw .conflictingTourismCases(named.sorted()) }
        // Both cases have the same points on every criterion; with none named, case 1's wording is used.
        return named.first ?? known.first
    }
}

// MARK: - The model

/// A lexicographic objective: cost, then fewer raised criteria, then more points gained.
struct PlanKey: Comparable, Sendable {
    var cost: Int
    var count: Int
    var negGain: Int

    static let zero = PlanKey(cost: 0, count: 0, negGain: 0)
    static func + (a: Self, b: Self) -> Self {
        PlanKey(cost: a.cost + b.cost, count: a.count + b.count, negGain: a.negGain + b.negGain)
    }
    static func < (a: Self, b: Self) -> Bool { (a.cost, a.count, a.negGain) < (b.cost, b.count, b.negGain) }
}

/// One scorable criterion as the planner sees it.
struct PlanSlot: Sendable {
    let criterion: Criterion
    /// Distinct option points (for the tourism case in use), ascending, with their wording.
    let ladder: [PlanOption]
    /// Each member's answer.
    let answers: [Int]
    let sum: Int
    /// Ladder index of the current level: the highest option with points ≤ mean; -1 below every option.
    let current: Int
    /// Highest ladder index the effort table lets the criterion reach (≤ current: no raise).
    let reach: Int
    /// `stepCosts[k]`: cost of the step that reaches `ladder[k]`.
    let stepCosts: [Int]
    let effort: CriterionEffort
    /// Markers of stars ≤ target on this criterion.
    let markers: [PlanMinimum]
    /// Position of the condition's criterion among the item's slots, and its minimum.
    var condition: (position: Int, minPoints: Int)?

    var raises: ClosedRange<Int>? { reach > current ? (current + 1)...reach : nil }

    func cost(to level: Int) -> Int { stepCosts[(current + 1)...level].reduce(0, +) }
}

/// A choice of one item: a level (or nil = keep) per slot, and what it does.
struct PlanChoice: Sendable {
    let levels: [Int?]
    let sums: [Int]
    let cost: Int
    let count: Int
    let gain: Int
    var key: PlanKey { PlanKey(cost: cost, count: count, negGain: -gain) }
}

/// An independent unit of the knapsack: one criterion, or criteria linked by a condition.
struct PlanItem: Sendable {
    /// Slot indices in evaluation order (condition sources first).
    let slots: [Int]
    /// Choices that meet every marker, in preference order (raises of earlier criteria first, lower
    /// options first, keeping last), so ties fall to sheet order.
    let choices: [PlanChoice]
    /// Every actionable criterion of the item at its highest reachable option.
    let maxSums: [Int]
    /// The all-keep choice meets the markers.
    let keepFeasible: Bool
}

/// The suffix table of the dynamic programme: `table[i][g]` is the least key of items i… reaching a
/// gain of at least g (g capped at the gap), or nil.
struct PlanSolution: Sendable {
    let items: [PlanItem]
    let table: [[PlanKey?]]

    func best(gain g: Int) -> PlanKey? { table[0][g] }

    /// The chosen choice index per item, preferring earlier choices among equal keys.
    func reconstruct(gain: Int) -> [Int] {
        var g = gain
        var picks: [Int] = []
        for (i, item) in items.enumerated() {
            guard let target = table[i][g] else { return [] }
            for (k, choice) in item.choices.enumerated() {
                let rest = max(0, g - choice.gain)
                if let tail = table[i + 1][rest], choice.key + tail == target {
                    picks.append(k)
                    g = rest
                    break
                }
            }
        }
        return picks
    }
}

struct PlanModel: Sendable {
    let set: ProductSet
    let n: Int
    let target: Int
    let threshold: Int
    let slots: [PlanSlot]
    let items: [PlanItem]
    /// Sum of the members' totals.
    let total: Int
    /// Member-sum points missing to the band (0 when met).
    let gap: Int

    init(_ set: ProductSet, sheets: [ScoreSheet], tourismCase: Int?, target: Int, threshold: Int, costs: EffortTable) {
        self.set = set
        self.target = target
        self.threshold = threshold
        let n = sheets.count
        self.n = n
        let criteria = set.scorableCriteria
        var markers: [String: [PlanMinimum]] = [:]
        for m in set.starMarkers where m.stars <= target {
            markers[m.criterion, default: []].append(PlanMinimum(stars: m.stars, points: m.points))
        }
        var slots: [PlanSlot] = criteria.map { c in
            var ladder: [PlanOption] = []
            let options = c.options.filter { !c.hasVariants || $0.variant == nil || $0.variant == tourismCase }
            for p in Set(options.map(\.points)).sorted() {
                ladder.append(PlanOption(points: p, texts: options.filter { $0.points == p }.map(\.text)))
            }
            let answers = sheets.map { $0.answers[c.code]?.points ?? 0 }
            let sum = answers.reduce(0, +)
            let current = ladder.lastIndex { $0.points * n <= sum } ?? -1
            let effort = costs.effort(for: c, inSet: set.number)
            var reach = current
            if effort.isActionable {
                while reach + 1 < ladder.count, effort.isActionable(option: ladder[reach + 1].points) { reach += 1 }
            }
            return PlanSlot(criterion: c, ladder: ladder, answers: answers, sum: sum, current: current, reach: reach,
                            stepCosts: ladder.map { effort.stepCost(reaching: $0.points) }, effort: effort,
                            markers: markers[c.code] ?? [], condition: nil)
        }
        total = slots.reduce(0) { $0 + $1.sum }
        gap = max(0, threshold * n - total)

        // Items: criteria linked by conditions (union-find), in sheet order of their first criterion.
        let index = Dictionary(criteria.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        var parent = Array(criteria.indices)
        func root(_ i: Int) -> Int { var i = i; while parent[i] != i { i = parent[i] }; return i }
        for (i, c) in criteria.enumerated() {
            if let source = c.condition.flatMap({ index[$0.criterion] }) { parent[root(i)] = root(source) }
        }
        var groups: [Int: [Int]] = [:]
        var order: [Int] = []
        for i in criteria.indices {
            let r = root(i)
            if groups[r] == nil { order.append(r) }
            groups[r, default: []].append(i)
        }
        var items: [PlanItem] = []
        for r in order {
            // Condition sources before their dependants.
            var pending = groups[r]!
            var ordered: [Int] = []
            while !pending.isEmpty {
                let k = pending.firstIndex { i in
                    guard let source = criteria[i].condition.flatMap({ index[$0.criterion] }) else { return true }
                    return ordered.contains(source) || !pending.contains(source)
                } ?? 0
                ordered.append(pending.remove(at: k))
            }
            for (position, i) in ordered.enumerated() {
                if let condition = criteria[i].condition, let source = index[condition.criterion],
                   let p = ordered.firstIndex(of: source), p < position {
                    slots[i].condition = (p, condition.minPoints)
                }
            }
            items.append(Self.item(ordered, slots: slots, n: n))
        }
        self.slots = slots
        self.items = items
    }

    /// New sums of an item's slots for one choice of levels.
    static func sums(_ item: [Int], levels: [Int?], slots: [PlanSlot], n: Int) -> [Int] {
        var answers: [[Int]] = []
        for (j, s) in item.enumerated() {
            let slot = slots[s]
            let raise = levels[j].map { slot.ladder[$0].points }
            var row = slot.answers
            for m in 0..<n {
                // A member who does not meet the condition does not score the criterion (stays 0).
                if let condition = slot.condition, answers[condition.position][m] < condition.minPoints { continue }
                if let raise { row[m] = max(row[m], raise) }
            }
            answers.append(row)
        }
        return answers.map { $0.reduce(0, +) }
    }

    static func item(_ ordered: [Int], slots: [PlanSlot], n: Int) -> PlanItem {
        // Choices per slot: raises (lower options first), then keep. Preference follows sheet order.
        let sheetOrder = ordered.sorted()
        let perSlot: [[Int?]] = sheetOrder.map { s in (slots[s].raises.map { Array($0) } ?? []) + [nil] }
        var combos: [[Int?]] = [[]]
        for options in perSlot { combos = combos.flatMap { c in options.map { c + [$0] } } }
        let position = sheetOrder.map { s in ordered.firstIndex(of: s)! }
        var choices: [PlanChoice] = []
        var keepFeasible = false
        for combo in combos {
            var levels = [Int?](repeating: nil, count: ordered.count)
            for (k, level) in combo.enumerated() { levels[position[k]] = level }
            let sums = sums(ordered, levels: levels, slots: slots, n: n)
            var cost = 0, count = 0, gain = 0, useful = true, feasible = true
            for (j, s) in ordered.enumerated() {
                let slot = slots[s]
                gain += sums[j] - slot.sum
                if let level = levels[j] {
                    if sums[j] == slot.sum { useful = false }  // a raise that changes nothing
                    cost += slot.cost(to: level)
                    count += 1
                }
                if slot.markers.contains(where: { sums[j] < $0.points * n }) { feasible = false }
            }
            guard useful, feasible else { continue }
            if count == 0 { keepFeasible = true }
            choices.append(PlanChoice(levels: levels, sums: sums, cost: cost, count: count, gain: gain))
        }
        let maxLevels: [Int?] = ordered.map { s in slots[s].raises.map(\.upperBound) }
        return PlanItem(slots: ordered, choices: choices, maxSums: sums(ordered, levels: maxLevels, slots: slots, n: n),
                        keepFeasible: keepFeasible)
    }

    /// The dynamic programme over items and capped gain.
    func solve() -> PlanSolution {
        let g = gap
        var table = [[PlanKey?]](repeating: [PlanKey?](repeating: nil, count: g + 1), count: items.count + 1)
        table[items.count][0] = .zero
        for i in stride(from: items.count - 1, through: 0, by: -1) {
            for need in 0...g {
                var best: PlanKey? = nil
                for choice in items[i].choices {
                    guard let tail = table[i + 1][max(0, need - choice.gain)] else { continue }
                    let key = choice.key + tail
                    if best.map({ key < $0 }) ?? true { best = key }
                }
                table[i][need] = best
            }
        }
        return PlanSolution(items: items, table: table)
    }

    /// Per item with an unmet minimum, its cheapest choice meeting it (nil: the item keeps).
    func forcedChoices() -> [Int?] {
        items.map { item in
            guard !item.keepFeasible, !item.choices.isEmpty else { return nil }
            var best = 0
            for (k, choice) in item.choices.enumerated() where choice.key < item.choices[best].key { best = k }
            return best
        }
    }

    /// Plan steps of the chosen choices, in sheet order.
    func steps(_ picks: [Int], forced: [Int?]) -> [PlanStep] {
        var steps: [PlanStep] = []
        for (i, k) in picks.enumerated() {
            let item = items[i]
            let choice = item.choices[k]
            let beyondMinimums = forced[i] == nil || forced[i] != k
            for (j, s) in item.slots.enumerated() {
                guard let level = choice.levels[j] else { continue }
                steps.append(step(s, level: level, newSum: choice.sums[j], servesBand: gap > 0 && beyondMinimums))
            }
        }
        let position = Dictionary(slots.enumerated().map { ($1.criterion.code, $0) }, uniquingKeysWith: { a, _ in a })
        return steps.sorted { position[$0.criterion]! < position[$1.criterion]! }
    }

    func step(_ s: Int, level: Int, newSum: Int, servesBand: Bool) -> PlanStep {
        let slot = slots[s]
        let option = slot.ladder[level]
        return PlanStep(
            criterion: slot.criterion.code, title: slot.criterion.shortTitle,
            currentMean: ExactMean(sum: slot.sum, count: n),
            currentOption: slot.current >= 0 ? slot.ladder[slot.current] : nil, target: option,
            optionSteps: level - slot.current, cost: slot.cost(to: level),
            gain: ExactMean(sum: newSum - slot.sum, count: n), meanAfter: ExactMean(sum: newSum, count: n),
            evidence: slot.effort.evidence(for: option.points),
            minimums: slot.markers.filter { slot.sum < $0.points * n && newSum >= $0.points * n },
            servesBand: servesBand, condition: slot.criterion.condition?.criterion)
    }

    func proof(_ solution: PlanSolution, forced: [Int?], totalCost: Int) -> PlanProof {
        var forcedSteps: [PlanStep] = []
        var forcedCost = 0
        var forcedGain = 0
        for (i, k) in forced.enumerated() {
            guard let k else { continue }
            let choice = items[i].choices[k]
            forcedCost += choice.cost
            forcedGain += choice.gain
            for (j, s) in items[i].slots.enumerated() {
                guard let level = choice.levels[j] else { continue }
                forcedSteps.append(step(s, level: level, newSum: choice.sums[j], servesBand: false))
            }
        }
        var budget: Int? = nil
        var bestMean: ExactMean? = nil
        var bestSteps: [PlanStep] = []
        if totalCost > forcedCost {
            let b = totalCost - 1
            // The largest gain any combination within budget reaches (table[0][0] costs forcedCost ≤ b).
            let reachable = (0..<gap).last { solution.table[0][$0].map { $0.cost <= b } ?? false } ?? 0
            budget = b
            bestMean = ExactMean(sum: total + reachable, count: n)
            let picks = solution.reconstruct(gain: reachable)
            bestSteps = steps(picks, forced: forced)
        }
        let afterForced = total + forcedGain
        return PlanProof(
            forced: forcedSteps, forcedCost: forcedCost, meanAfterForced: ExactMean(sum: afterForced, count: n),
            bandStars: target, bandThreshold: threshold,
            gapAfterForced: ExactMean(sum: max(0, threshold * n - afterForced), count: n),
            budgetBelow: budget, bestMeanBelow: bestMean, bestBelow: bestSteps)
    }

    /// What keeps the target out of reach: minimums and the band, with every actionable criterion at
    /// its best reachable option.
    func blockers() -> [PlanBlocker] {
        var blockers: [PlanBlocker] = []
        var maxTotal = 0
        var limited: [Int] = []
        for item in items {
            for (j, s) in item.slots.enumerated() {
                let slot = slots[s]
                let best = item.maxSums[j]
                maxTotal += best
                let top = slot.ladder.last?.points ?? 0
                if best < top * n && slot.reach < slot.ladder.count - 1 { limited.append(s) }
                for m in slot.markers where best < m.points * n {
                    let limit: PlanLimit = slot.effort.isActionable
                        ? .capped(highest: slot.reach >= 0 ? slot.ladder[slot.reach].points : 0)
                        : .notActionable(reason: slot.effort.entry?.reason)
                    blockers.append(.minimum(criterion: slot.criterion.code, title: slot.criterion.shortTitle,
                                             stars: m.stars, required: m.points, bestMean: ExactMean(sum: best, count: n),
                                             limit: limit))
                }
            }
        }
        if maxTotal < threshold * n {
            blockers.append(.band(stars: target, threshold: threshold, bestMean: ExactMean(sum: maxTotal, count: n),
                                  limitedBy: limited.sorted().map { slots[$0].criterion.code }))
        }
        return blockers
    }
}
