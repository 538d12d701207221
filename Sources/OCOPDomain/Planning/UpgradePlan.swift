/// An option of a criterion as a plan names it: its points and its wording.
public struct PlanOption: Sendable, Hashable, Codable {
    public let points: Int
    /// Every option worth these points, in sheet order (Bộ 7 mục 3.1 and Bộ 23 mục 6.2 list two).
    public let texts: [String]

    public init(points: Int, texts: [String]) {
        self.points = points
        self.texts = texts
    }

    public var text: String { texts.joined(separator: " / ") }
}

/// A ★ minimum (marker) of a criterion: the members' mean must reach `points` for `stars` stars.
public struct PlanMinimum: Sendable, Hashable, Codable {
    public let stars: Int
    public let points: Int

    public init(stars: Int, points: Int) {
        self.stars = stars
        self.points = points
    }
}

/// The unit plan costs are counted in.
public enum PlanCostUnit: String, Sendable, Hashable, Codable {
    /// `EffortTable.optionSteps`: one per option step.
    case optionSteps
    /// An effort table's units.
    case effort

    public func name(_ language: Language) -> String {
        switch (self, language) {
        case (.optionSteps, .vi): "bậc phương án"
        case (.optionSteps, .en): "option steps"
        case (.effort, .vi): "đơn vị công sức"
        case (.effort, .en): "effort units"
        }
    }
}

/// One improvement: raise `criterion` so that the product earns at least `target` on it.
/// Every member's answer becomes max(answer, target.points) (docs/planner.md, "Model").
public struct PlanStep: Sendable, Hashable, Codable {
    public let criterion: String
    /// `Criterion.shortTitle`.
    public let title: String
    /// The members' mean on the criterion now (exact).
    public let currentMean: ExactMean
    /// The highest option whose points are at most the current mean; `nil` below every option
    /// (criteria without a 0 option, or a yes/no item not met).
    public let currentOption: PlanOption?
    public let target: PlanOption
    /// Options climbed, counting only this criterion's own options (for the tourism case in use).
    public let optionSteps: Int
    public let cost: Int
    /// Points this step adds to the mean of the members' totals (exact).
    public let gain: ExactMean
    /// The members' mean on the criterion after the plan (exact).
    public let meanAfter: ExactMean
    public let evidence: LocalizedText?
    /// ★ minimums (up to the target) that were unmet and this step meets.
    public let minimums: [PlanMinimum]
    /// The step goes beyond what the unmet minimums force: it is there for the points band.
    public let servesBand: Bool
    /// The criterion this one depends on ("5.2 applies only when 5.1 > 0"): members who still
    /// give that criterion too little do not score this one.
    public let condition: String?

    public init(criterion: String, title: String, currentMean: ExactMean, currentOption: PlanOption?,
                target: PlanOption, optionSteps: Int, cost: Int, gain: ExactMean, meanAfter: ExactMean,
                evidence: LocalizedText?, minimums: [PlanMinimum], servesBand: Bool, condition: String?) {
        self.criterion = criterion
        self.title = title
        self.currentMean = currentMean
        self.currentOption = currentOption
        self.target = target
        self.optionSteps = optionSteps
        self.cost = cost
        self.gain = gain
        self.meanAfter = meanAfter
        self.evidence = evidence
        self.minimums = minimums
        self.servesBand = servesBand
        self.condition = condition
    }

    /// One line: what to raise, from where to where, what it costs, gains and serves, and the evidence.
    public func text(_ language: Language, target stars: Int, bandThreshold: Int) -> String {
        let vi = language == .vi
        let now = currentOption.map { vi ? "mức hiện tại \($0.points) điểm" : "current option: \(englishCount($0.points, "point"))" }
            ?? (vi ? "chưa đạt phương án nào" : "below every option")
        var line = vi
            ? "\(criterion) \(title): trung bình \(currentMean.display(language)) (\(now)) → \(target.points) điểm «\(target.text)»; \(optionSteps) bậc, chi phí \(cost), +\(gain.display(language)) điểm trung bình"
            : "\(criterion) \(title): mean \(currentMean.display(language)) (\(now)) → \(englishCount(target.points, "point")) «\(target.text)»; \(englishCount(optionSteps, "step")), cost \(cost), +\(gain.display(language)) points on the mean"
        for m in minimums {
            line += vi ? "; đạt yêu cầu tối thiểu \(m.stars)★ (≥ \(m.points))" : "; meets the \(m.stars)★ minimum (≥ \(m.points))"
        }
        if servesBand {
            line += vi ? "; góp điểm vào ngưỡng \(bandThreshold) (\(stars)★)" : "; adds points towards the \(bandThreshold) band (\(stars)★)"
        }
        if let condition {
            line += vi ? "; chỉ tính cho thành viên chấm \(condition) > 0" : "; counts only for members who give \(condition) more than 0"
        }
        if let evidence { line += (vi ? ". Minh chứng: " : ". Evidence: ") + evidence(language) }
        return line
    }
}

/// Why the effort table (or the rubric) stops a criterion short.
public enum PlanLimit: Sendable, Hashable, Codable {
    /// The table marks the criterion as not something to improve.
    case notActionable(reason: LocalizedText?)
    /// The table stops the ladder: `highest` is the best option's points still within reach (0 if none).
    case capped(highest: Int)
}

/// What makes a target unreachable for this product.
public enum PlanBlocker: Sendable, Hashable, Codable {
    /// A standing knock-out: no improvement of points lifts it.
    case knockOut(KnockOutHit)
    /// A ★ minimum the effort table does not let the criterion reach.
    case minimum(criterion: String, title: String, stars: Int, required: Int, bestMean: ExactMean, limit: PlanLimit)
    /// The points band: even every actionable criterion at its best stays below `threshold`.
    case band(stars: Int, threshold: Int, bestMean: ExactMean, limitedBy: [String])

    public func text(_ language: Language) -> String {
        let vi = language == .vi
        switch self {
        case .knockOut(let hit):
            return vi ? "Bị loại (\(hit.declaration)): «\(hit.clause)»; cải thiện điểm không khắc phục được điều kiện loại"
                : "Knocked out (\(hit.declaration)): «\(hit.clause)»; no improvement of points lifts a knock-out"
        case .minimum(let code, let title, let stars, let required, let bestMean, let limit):
            let head = vi
                ? "Yêu cầu tối thiểu \(stars)★ của tiêu chí \(code) (\(title)) cần trung bình ≥ \(required)"
                : "The \(stars)★ minimum of criterion \(code) (\(title)) needs a mean of at least \(required)"
            switch limit {
            case .notActionable(let reason):
                let why = reason.map { " (\($0(language)))" } ?? ""
                return head + (vi
                    ? ", nhưng bảng công sức ghi tiêu chí này là không thể cải thiện\(why); trung bình hiện là \(bestMean.display(language))"
                    : ", but the effort table marks this criterion as not actionable\(why); its mean is \(bestMean.display(language))")
            case .capped(let highest):
                return head + (vi
                    ? ", nhưng bảng công sức chỉ cho nâng tới \(highest) điểm; trung bình cao nhất đạt được là \(bestMean.display(language))"
                    : ", but the effort table allows raising it only to \(englishCount(highest, "point")); the best reachable mean is \(bestMean.display(language))")
            }
        case .band(let stars, let threshold, let bestMean, let limited):
            let by = limited.isEmpty ? "" : (vi ? " (bị giới hạn ở: \(limited.joined(separator: ", ")))" : " (limited at: \(limited.joined(separator: ", ")))")
            return vi
                ? "Ngưỡng \(threshold) điểm (\(stars)★) không thể đạt: nâng mọi tiêu chí có thể cải thiện lên mức cao nhất chỉ được trung bình \(bestMean.display(language))\(by)"
                : "The \(threshold)-point band (\(stars)★) cannot be reached: every actionable criterion at its best gives a mean of only \(bestMean.display(language))\(by)"
        }
    }
}

/// Why no cheaper plan exists, from the dynamic programme (docs/planner.md, "Why no cheaper plan").
public struct PlanProof: Sendable, Hashable, Codable {
    /// For each criterion (or linked pair) with an unmet ★ minimum, its cheapest way to meet it.
    /// Every plan pays at least their sum: the items are independent.
    public let forced: [PlanStep]
    public let forcedCost: Int
    /// The mean if only the forced steps were taken.
    public let meanAfterForced: ExactMean
    public let bandStars: Int
    public let bandThreshold: Int
    /// Points still missing on the mean after the forced steps (0 when they close the band).
    public let gapAfterForced: ExactMean
    /// The plan's cost minus 1, when the plan costs more than the forced steps.
    public let budgetBelow: Int?
    /// The highest mean any combination costing at most `budgetBelow` reaches while meeting every
    /// minimum; below the threshold, which is why the plan's cost is the least.
    public let bestMeanBelow: ExactMean?
    /// One such best failing combination (its cheapest form).
    public let bestBelow: [PlanStep]

    public init(forced: [PlanStep], forcedCost: Int, meanAfterForced: ExactMean, bandStars: Int, bandThreshold: Int,
                gapAfterForced: ExactMean, budgetBelow: Int?, bestMeanBelow: ExactMean?, bestBelow: [PlanStep]) {
        self.forced = forced
        self.forcedCost = forcedCost
        self.meanAfterForced = meanAfterForced
        self.bandStars = bandStars
        self.bandThreshold = bandThreshold
        self.gapAfterForced = gapAfterForced
        self.budgetBelow = budgetBelow
        self.bestMeanBelow = bestMeanBelow
        self.bestBelow = bestBelow
    }

    public func lines(_ language: Language, totalCost: Int) -> [String] {
        let vi = language == .vi
        func raise(_ s: PlanStep) -> String {
            vi ? "\(s.criterion) lên \(s.target.points) điểm (chi phí \(s.cost))" : "\(s.criterion) to \(englishCount(s.target.points, "point")) (cost \(s.cost))"
        }
        var lines: [String] = []
        if forced.isEmpty {
            lines.append(vi ? "Không có yêu cầu tối thiểu nào chưa đạt: chỉ cần đủ điểm."
                : "No ★ minimum is unmet: only points are missing.")
        } else {
            let list = forced.map(raise).joined(separator: ", ")
            lines.append(vi
                ? "Các yêu cầu tối thiểu chưa đạt buộc phải nâng (cách rẻ nhất cho từng tiêu chí): \(list); tổng \(forcedCost). Mọi phương án đều tốn ít nhất chừng này."
                : "The unmet ★ minimums force (cheapest way for each criterion): \(list); total \(forcedCost). Every plan costs at least this.")
        }
        let band = "\(bandThreshold) (\(bandStars)★)"
        if gapAfterForced.sum > 0 {
            lines.append(vi
                ? "Sau các bước bắt buộc, trung bình là \(meanAfterForced.display(language)), còn thiếu \(gapAfterForced.display(language)) điểm so với ngưỡng \(band)."
                : "After the forced steps the mean is \(meanAfterForced.display(language)), \(gapAfterForced.display(language)) points short of the \(band) band.")
        } else {
            lines.append(vi
                ? "Các bước bắt buộc đã đủ ngưỡng \(band): trung bình \(meanAfterForced.display(language))."
                : "The forced steps already reach the \(band) band: mean \(meanAfterForced.display(language)).")
        }
        if let budgetBelow, let bestMeanBelow {
            var line = vi
                ? "Quy hoạch động đã xét mọi tổ hợp phương án: với chi phí tối đa \(budgetBelow), trung bình cao nhất đạt được (vẫn đáp ứng mọi yêu cầu tối thiểu) là \(bestMeanBelow.display(language)) < \(bandThreshold)"
                : "The dynamic programme covers every combination of options: at a cost of at most \(budgetBelow), the highest mean reachable (meeting every minimum) is \(bestMeanBelow.display(language)) < \(bandThreshold)"
            if !bestBelow.isEmpty {
                line += vi ? ", chẳng hạn nâng " : ", e.g. raising "
                line += bestBelow.map { "\($0.criterion) → \($0.target.points)" }.joined(separator: ", ")
                line += vi ? " (chi phí \(bestBelow.reduce(0) { $0 + $1.cost }))" : " (cost \(bestBelow.reduce(0) { $0 + $1.cost }))"
            }
            lines.append(line + ".")
            lines.append(vi ? "Vì vậy chi phí \(totalCost) là nhỏ nhất." : "So \(totalCost) is the least cost.")
        } else {
            lines.append(vi ? "Kế hoạch chỉ tốn đúng phần bắt buộc (\(forcedCost)), nên không có phương án nào rẻ hơn."
                : "The plan costs exactly the forced part (\(forcedCost)), so no plan is cheaper.")
        }
        return lines
    }
}

/// The cheapest set of improvements that lifts a product to the target stars, or why none does.
public struct UpgradePlan: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable {
        /// The product already has the target: empty plan, cost 0.
        case alreadyMet
        case reachable
        /// A knock-out stands, or the effort table keeps a minimum or the band out of reach: see `blockers`.
        case unreachable
    }

    public let version: RubricVersionID
    public let setNumber: Int
    public let setTitle: String
    public let target: Int
    /// The target's band threshold on the mean (70 for 4★).
    public let bandThreshold: Int
    public let memberCount: Int
    /// Tourism case (Bộ 26) the options are read from; `nil` for goods sets.
    public let tourismCase: Int?
    public let costUnit: PlanCostUnit
    public let status: Status
    /// In sheet order.
    public let steps: [PlanStep]
    public let totalCost: Int
    public let meanBefore: ExactMean
    /// Equal to `meanBefore` when unreachable.
    public let meanAfter: ExactMean
    /// The rating engine's result on the baseline sheets.
    public let before: RatingResult
    /// The rating engine's result on the improved sheets; `nil` when unreachable.
    public let after: RatingResult?
    /// Why no cheaper plan exists; `nil` when already met or unreachable.
    public let proof: PlanProof?
    public let blockers: [PlanBlocker]

    public init(version: RubricVersionID, setNumber: Int, setTitle: String, target: Int, bandThreshold: Int,
                memberCount: Int, tourismCase: Int?, costUnit: PlanCostUnit, status: Status, steps: [PlanStep], totalCost: Int,
                meanBefore: ExactMean, meanAfter: ExactMean, before: RatingResult, after: RatingResult?,
                proof: PlanProof?, blockers: [PlanBlocker]) {
        self.version = version
        self.setNumber = setNumber
        self.setTitle = setTitle
        self.target = target
        self.bandThreshold = bandThreshold
        self.memberCount = memberCount
        self.tourismCase = tourismCase
        self.costUnit = costUnit
        self.status = status
        self.steps = steps
        self.totalCost = totalCost
        self.meanBefore = meanBefore
        self.meanAfter = meanAfter
        self.before = before
        self.after = after
        self.proof = proof
        self.blockers = blockers
    }

    public var reachable: Bool { status != .unreachable }

    /// The improvements as criterion code → points to reach (for `UpgradePlanner.improvedSheets`).
    public var raises: [String: Int] {
        Dictionary(steps.map { ($0.criterion, $0.target.points) }, uniquingKeysWith: max)
    }

    /// The verdict in one sentence.
    public func headline(_ language: Language) -> String {
        let vi = language == .vi
        switch status {
        case .alreadyMet:
            return vi ? "Đã đạt \(target)★: không cần cải thiện (chi phí 0)." : "Already at \(target)★: nothing to improve (cost 0)."
        case .reachable:
            let stars = after?.stars.map { "\($0)★" } ?? "?"
            return vi
                ? "Kế hoạch rẻ nhất: \(steps.count) bước, tổng chi phí \(totalCost) (\(costUnit.name(language))); trung bình \(meanBefore.display(language)) → \(meanAfter.display(language)); xếp hạng sau cải thiện: \(stars)."
                : "Cheapest plan: \(englishCount(steps.count, "step")), total cost \(totalCost) (\(costUnit.name(language))); mean \(meanBefore.display(language)) → \(meanAfter.display(language)); rating after: \(stars)."
        case .unreachable:
            return vi ? "Không thể đạt \(target)★ với sản phẩm này:" : "\(target)★ cannot be reached for this product:"
        }
    }

    /// The whole plan as lines of text: who, where it stands, the verdict, the steps, and why.
    public func lines(_ language: Language) -> [String] {
        let vi = language == .vi
        var lines: [String] = []
        let members = vi ? "\(memberCount) thành viên" : englishCount(memberCount, "member")
        let tourism = tourismCase.map { vi ? ", trường hợp \($0)" : ", case \($0)" } ?? ""
        lines.append(vi ? "Bộ \(setNumber) (\(setTitle)), \(members)\(tourism): mục tiêu \(target)★"
            : "Set \(setNumber) (\(setTitle)), \(members)\(tourism): target \(target)★")
        if let first = before.reasons.first {
            lines.append((vi ? "Hiện nay: " : "Now: ") + first.text(language))
        }
        lines.append(headline(language))
        switch status {
        case .alreadyMet:
            break
        case .reachable:
            for (k, step) in steps.enumerated() {
                lines.append("  \(k + 1). " + step.text(language, target: target, bandThreshold: bandThreshold))
            }
            if let proof {
                lines.append(vi ? "Vì sao không có phương án rẻ hơn:" : "Why no cheaper plan exists:")
                lines += proof.lines(language, totalCost: totalCost).map { "  - " + $0 }
            }
        case .unreachable:
            lines += blockers.map { "  - " + $0.text(language) }
        }
        return lines
    }
}
