import OCOPDomain
import Testing

/// A typical 3★ product of Bộ 1 (60 points): every 3★ minimum met; 2.3 (1 < 3) and 5.1 (3 < 5)
/// below their 4★ minimums.
let set1Sheet: [String: Int] = [
    "1.1": 3, "1.2": 0, "1.3": 2, "1.4": 2, "1.5": 2, "1.6": 1, "1.7": 0,
    "2.1": 3, "2.2": 2, "2.3": 1, "2.4": 0,
    "3.1": 2, "3.2": 0, "3.3": 3, "3.4": 2, "3.5": 2,
    "4.1": 3, "4.2": 1, "4.3": 2,
    "5.1": 3, "5.2": 1, "5.3": 3,
    "6.1": 2, "6.2": 3, "6.3": 2, "6.4": 2,
    "7": 1, "8": 3, "9": 4, "10": 3, "11": 1, "12": 1,
]

func sheet(_ points: [String: Int], _ changes: [String: Int?] = [:], label: String = "m1") -> ScoreSheet {
    var points = points
    for (code, value) in changes { points[code] = value }
    return ScoreSheet(label: label, points: points)
}

/// Only `codes` may change; everything else is marked not actionable.
func only(_ codes: Set<String>, in set: ProductSet, stepCost: Int = 1) -> EffortTable {
    EffortTable(stepCost: stepCost, entries: set.scorableCriteria.filter { !codes.contains($0.code) }
        .map { EffortEntry(code: $0.code, actionable: false) })
}

@Suite struct UpgradePlannerTests {
    let set1 = allSets[0]
    var planner: UpgradePlanner { UpgradePlanner(productSet: set1) }

    @Test func theBaselineIsWhatWeSayItIs() throws {
        let r = try RatingEngine.rate(set1, sheets: [sheet(set1Sheet)])
        #expect(r.average.plain == "60.00" && r.stars == 3)
        #expect(Set(r.minimumChecks.filter { !$0.met }.map(\.criterion)) == ["2.3", "5.1", "1.3", "1.5", "4.1"])
    }

    @Test func cheapestPlanToFourStarsForOneMember() throws {
        let plan = try planner.plan([sheet(set1Sheet)], target: 4)
        #expect(plan.status == .reachable && plan.reachable)
        // Forced: 2.3 → 3 (2 steps) and 5.1 → 5 (1 step); then 64 + three one-step +2 raises = 70,
        // earliest on the sheet among equals: 4.1, 5.3, 7.
        #expect(plan.steps.map(\.criterion) == ["2.3", "4.1", "5.1", "5.3", "7"])
        #expect(plan.steps.map(\.target.points) == [3, 5, 5, 5, 3])
        #expect(plan.steps.map(\.cost) == [2, 1, 1, 1, 1])
        #expect(plan.totalCost == 6)
        #expect(plan.meanAfter.plain == "70.00" && plan.after?.stars == 4)
        let step23 = plan.steps[0]
        #expect(step23.currentOption?.points == 1 && step23.optionSteps == 2 && step23.gain.plain == "2.00")
        #expect(step23.minimums == [PlanMinimum(stars: 4, points: 3)] && !step23.servesBand)
        #expect(plan.steps[1].servesBand && plan.steps[1].minimums.isEmpty)
        let proof = try #require(plan.proof)
        #expect(proof.forced.map(\.criterion) == ["2.3", "5.1"] && proof.forcedCost == 3)
        #expect(proof.meanAfterForced.plain == "64.00" && proof.gapAfterForced.plain == "6.00")
        #expect(proof.budgetBelow == 5 && proof.bestMeanBelow?.plain == "68.00")
        #expect(proof.bestBelow.reduce(0) { $0 + $1.cost } <= 5)
    }

    @Test func alreadyAtTargetIsAnEmptyPlan() throws {
        for target in [3, 4, 5] {
            let plan = try planner.plan([set1.bestSheet()], target: target)
            #expect(plan.status == .alreadyMet && plan.steps.isEmpty && plan.totalCost == 0)
            #expect(plan.proof == nil && plan.after == plan.before)
        }
        let three = try planner.plan([sheet(set1Sheet)], target: 3)
        #expect(three.status == .alreadyMet)
        #expect(three.lines(.vi).last == "Đã đạt 3★: không cần cải thiện (chi phí 0).")
    }

    @Test func severalMembersRaiseTheMeanExactly() throws {
        // 5.1: 0, 3 and 5 → mean 2.67, current option 2 ("tờ rơi"); the 4★ minimum needs sum ≥ 15.
        let sheets = [
            sheet(set1Sheet, ["5.1": 0, "5.2": nil], label: "A"),
            sheet(set1Sheet, label: "B"),
            sheet(set1Sheet, ["5.1": 5], label: "C"),
        ]
        let plan = try planner.plan(sheets, target: 4)
        let story = try #require(plan.steps.first { $0.criterion == "5.1" })
        #expect(story.currentMean.plain == "2.67" && story.currentOption?.points == 2 && story.optionSteps == 2)
        #expect(story.gain.plain == "2.33" && story.meanAfter.plain == "5.00")
        let improved = planner.improvedSheets(sheets, plan: plan)
        // A's story now exists: 5.2 applies to A and is written (0 unless raised).
        #expect(improved[0].answers["5.1"]?.points == 5 && improved[0].answers["5.2"] != nil)
        let r = try RatingEngine.rate(set1, sheets: improved)
        #expect(r.stars! >= 4 && r.average == plan.meanAfter)
    }

    @Test func conditionalCriteriaAreOneJointItem() throws {
        // Only 5.1 and 5.2 may change. 63 points, no story: 5.1 → 5 is forced (68), then 5.2 → 2
        // (+2) closes the band; 5.2 counts only once 5.1 > 0.
        var points = set1Sheet
        points["5.1"] = 0
        points["5.2"] = nil
        points["8"] = 5
        points["7"] = 3
        points["6.2"] = 4
        points["2.3"] = 3
        let s = sheet(points)
        #expect(try RatingEngine.rate(set1, sheets: [s]).average.plain == "63.00")
        let plan = try UpgradePlanner(productSet: set1, costs: only(["5.1", "5.2"], in: set1)).plan([s], target: 4)
        #expect(plan.steps.map(\.criterion) == ["5.1", "5.2"])
        #expect(plan.steps.map(\.target.points) == [5, 2])
        #expect(plan.steps[1].condition == "5.1" && plan.steps[1].currentOption?.points == 0)
        #expect(plan.totalCost == 6 && plan.after?.stars == 4)
        #expect(plan.steps[1].text(.en, target: 4, bandThreshold: 70).contains("counts only for members who give 5.1 more than 0"))

        // 5.2 alone cannot help a member without a story: with 5.1 fixed, 4★ is out of reach.
        let fixed = try UpgradePlanner(productSet: set1, costs: only(["5.2"], in: set1)).plan([s], target: 4)
        #expect(fixed.status == .unreachable)
        #expect(fixed.blockers.contains {
            if case .minimum("5.1", _, 4, 5, _, .notActionable(_)) = $0 { true } else { false }
        })
    }

    @Test func tiesPreferMorePointsThenSheetOrder() throws {
        // 69 points, every 4★ minimum met; one point missing.
        let base = sheet(set1Sheet, ["2.3": 3, "5.1": 5, "4.3": 3, "7": 3, "8": 5])
        #expect(try RatingEngine.rate(set1, sheets: [base]).average.plain == "69.00")
        // 1.7 (0 → 1, +1) and 4.3 (3 → 5, +2) both cost one step: more points wins.
        let gain = try UpgradePlanner(productSet: set1, costs: only(["1.7", "4.3"], in: set1)).plan([base], target: 4)
        #expect(gain.steps.map(\.criterion) == ["4.3"])
        // 1.7 and 2.4 (yes/no) both give +1 for one step: the earlier on the sheet wins.
        let order = try UpgradePlanner(productSet: set1, costs: only(["2.4", "1.7"], in: set1)).plan([base], target: 4)
        #expect(order.steps.map(\.criterion) == ["1.7"])
        // Fewer steps first: 4.3 → 5 (+2, one step) beats 1.7 + 2.4 (+2, two steps) at equal cost
        // when 4.3's step costs 2.
        var table = only(["1.7", "2.4", "4.3"], in: set1)
        table.entries.append(EffortEntry(code: "4.3", stepCost: 2))
        let base2 = sheet(set1Sheet, ["2.3": 3, "5.1": 5, "4.3": 3, "7": 3, "8": 3, "6.2": 4])
        #expect(try RatingEngine.rate(set1, sheets: [base2]).average.plain == "68.00")
        let fewer = try UpgradePlanner(productSet: set1, costs: table).plan([base2], target: 4)
        #expect(fewer.steps.map(\.criterion) == ["4.3"] && fewer.totalCost == 2)
        // Determinism.
        #expect(try planner.plan([sheet(set1Sheet)], target: 5) == planner.plan([sheet(set1Sheet)], target: 5))
    }

    @Test func yesNoAndCriteriaWithoutZero() throws {
        // 2.4 is yes/no (no options listed): below every option until met. 3.3 has no 0 option.
        // 67 points: +3 from 3.3 alone (three steps) beats 2.4 + 3.3 → 2 (same cost, two criteria).
        let base = sheet(set1Sheet, ["2.3": 3, "5.1": 5, "4.3": 3, "7": 3, "8": 5, "6.2": 4, "3.3": 0])
        let plan = try UpgradePlanner(productSet: set1, costs: only(["2.4", "3.3"], in: set1)).plan([base], target: 4)
        #expect(plan.steps.map(\.criterion) == ["3.3"])
        #expect(plan.steps[0].currentOption == nil && plan.steps[0].optionSteps == 3 && plan.steps[0].target.points == 3)
        let yes = try UpgradePlanner(productSet: set1, costs: only(["2.4"], in: set1))
            .plan([sheet(set1Sheet, ["2.3": 3, "5.1": 5, "4.3": 3, "7": 3, "8": 5, "6.2": 4, "3.3": 2])], target: 4)
        #expect(yes.steps.map(\.criterion) == ["2.4"])
        #expect(yes.steps[0].currentOption == nil && yes.steps[0].target == PlanOption(points: 1, texts: ["Đạt"]))
    }

    @Test func equalPointsOptionsAreOneLevel() throws {
        // Bộ 7 mục 3.1 lists two options worth 1 point: one level, both texts.
        let set7 = allSets[6]
        let base = try #require(set7.sheet(totalling: 67, floors: set7.starMinimumFloors(upTo: 4), below: ["3.1": 1]))
        let plan = try UpgradePlanner(productSet: set7, costs: only(["3.1"], in: set7)).plan([base], target: 4)
        let step = try #require(plan.steps.first)
        #expect(step.criterion == "3.1" && step.target.points == 3 && step.optionSteps == 2)
        let one = try #require(UpgradePlanner(productSet: set7, costs: only(["3.1"], in: set7))
            .plan([set7.sheet(totalling: 69, floors: set7.starMinimumFloors(upTo: 4), below: ["3.1": 1])!], target: 4)
            .steps.first)
        #expect(one.target.points == 1 && one.target.texts.count == 2 && one.target.text.contains(" / "))
    }

    @Test func tourismUsesTheChosenCase() throws {
        let set26 = allSets[25]
        for v in set26.variantNumbers {
            var answers = set26.bestSheet(variant: v).answers
            for code in ["8", "9", "15"] { answers[code] = SheetAnswer(points: 1, variant: v) }
            answers["1.2"] = 1
            answers["2.3"] = 1
            let base = ScoreSheet(label: "m", answers: answers)
            #expect(try RatingEngine.rate(set26, sheets: [base]).average.plain == "87.00")
            let plan = try UpgradePlanner(productSet: set26, costs: only(["8", "9", "15"], in: set26)).plan([base], target: 5)
            #expect(plan.tourismCase == v)
            // +3 needed: 8 and 15 (+2 each) beat 8 and 9 (+3) on points at equal cost.
            #expect(plan.steps.map(\.criterion) == ["8", "15"] && plan.totalCost == 2)
            let eight = try #require(set26.criterion("8"))
            #expect(plan.steps[0].target.texts == eight.options.filter { $0.variant == v && $0.points == 3 }.map(\.text))
            let improved = UpgradePlanner(productSet: set26).improvedSheets([base], plan: plan)
            #expect(improved[0].answers["8"] == SheetAnswer(points: 3, variant: v))
            #expect(try RatingEngine.rate(set26, sheets: improved).stars == 5)
        }
        // A sheet naming no case: the requested one is used; a different request than the sheets' is refused.
        var none = set26.sheet(totalling: 60, floors: [:])!.answers
        for code in ["8", "9", "15"] { none[code] = 0 }
        let plan = try UpgradePlanner(productSet: set26).plan([ScoreSheet(label: "m", answers: none)], target: 4, tourismCase: 2)
        #expect(plan.tourismCase == 2)
        let named = ScoreSheet(label: "m", answers: set26.bestSheet(variant: 1).answers)
        #expect(throws: PlanningError.conflictingTourismCases([1, 2])) {
            try UpgradePlanner(productSet: set26).plan([named], target: 5, tourismCase: 2)
        }
        let other = ScoreSheet(label: "n", answers: set26.bestSheet(variant: 2).answers)
        #expect(throws: PlanningError.conflictingTourismCases([1, 2])) {
            try UpgradePlanner(productSet: set26).plan([named, other], target: 5)
        }
        #expect(throws: PlanningError.unknownTourismCase(3, known: [1, 2])) {
            try UpgradePlanner(productSet: set26).plan([named], target: 5, tourismCase: 3)
        }
        #expect(throws: PlanningError.unknownTourismCase(1, known: [])) {
            try planner.plan([sheet(set1Sheet)], target: 4, tourismCase: 1)
        }
    }

    @Test func aKnockOutMakesTheTargetUnreachable() throws {
        let plan = try planner.plan([sheet(set1Sheet)], target: 4, knockOuts: [.dossier])
        #expect(plan.status == .unreachable && plan.steps.isEmpty && plan.after == nil)
        guard case .knockOut(let hit) = plan.blockers.first else { Issue.record("no knock-out blocker"); return }
        #expect(hit.declaration == .dossier && hit.clause.hasPrefix("Hồ sơ bị loại khi: Giả mạo hồ sơ"))
        #expect(plan.lines(.vi)[2] == "Không thể đạt 4★ với sản phẩm này:")
        #expect(plan.lines(.vi)[3].hasPrefix("  - Bị loại (hồ sơ): «Hồ sơ bị loại khi: Giả mạo hồ sơ"))
        #expect(plan.lines(.en)[3].contains("no improvement of points lifts a knock-out"))
        // A member's own declaration counts too.
        var own = sheet(set1Sheet)
        own.knockOuts = [.criterion("6.1")]
        let mine = try planner.plan([own], target: 4)
        #expect(mine.status == .unreachable)
        #expect(mine.lines(.en).contains { $0.contains("6.1 Kích thước, hình dạng bề ngoài") })
    }

    @Test func notActionableCriteriaCanBlockFiveStars() throws {
        // Bộ 1 mục 1.3 carries the 5★ minimum ≥ 3; the product is at 2.
        var table = EffortTable()
        table.entries = [EffortEntry(code: "1.3", actionable: false,
                                     reason: LocalizedText(vi: "không đổi được công nghệ", en: "the technology cannot change"))]
        let plan = try UpgradePlanner(productSet: set1, costs: table).plan([sheet(set1Sheet)], target: 5)
        #expect(plan.status == .unreachable)
        #expect(plan.blockers == [.minimum(criterion: "1.3", title: "Gia tăng giá trị", stars: 5, required: 3,
                                           bestMean: ExactMean(sum: 2, count: 1), limit: .notActionable(reason: table.entries[0].reason))])
        #expect(plan.lines(.vi)[3] == "  - Yêu cầu tối thiểu 5★ của tiêu chí 1.3 (Gia tăng giá trị) cần trung bình ≥ 3, nhưng bảng công sức ghi tiêu chí này là không thể cải thiện (không đổi được công nghệ); trung bình hiện là 2,00")
        #expect(plan.lines(.en)[3] == "  - The 5★ minimum of criterion 1.3 (Gia tăng giá trị) needs a mean of at least 3, but the effort table marks this criterion as not actionable (the technology cannot change); its mean is 2.00")
        // 4★ does not need 1.3 ≥ 3: still reachable.
        #expect(try UpgradePlanner(productSet: set1, costs: table).plan([sheet(set1Sheet)], target: 4).reachable)

        // An option-level stop: 4.1 may reach 3 but not 5 (5★ minimum 4.1 ≥ 5).
        let capped = EffortTable(entries: [EffortEntry(code: "4.1", options: [EffortOption(points: 5, actionable: false)])])
        let five = try UpgradePlanner(productSet: set1, costs: capped).plan([sheet(set1Sheet)], target: 5)
        #expect(five.blockers == [.minimum(criterion: "4.1", title: "Khu vực phân phối chính", stars: 5, required: 5,
                                           bestMean: ExactMean(sum: 3, count: 1), limit: .capped(highest: 3))])
        #expect(five.lines(.en)[3].contains("allows raising it only to 3 points"))
    }

    @Test func theBandCanBeOutOfReach() throws {
        let plan = try UpgradePlanner(productSet: set1, costs: only(["1.7", "2.3", "5.1"], in: set1)).plan([sheet(set1Sheet)], target: 4)
        #expect(plan.status == .unreachable)
        guard case .band(4, 70, let best, let limited) = plan.blockers.last else { Issue.record("no band blocker"); return }
        #expect(best.plain == "65.00" && limited.contains("1.2") && !limited.contains("1.7"))
        #expect(plan.lines(.vi).last!.hasPrefix("  - Ngưỡng 70 điểm (4★) không thể đạt: nâng mọi tiêu chí có thể cải thiện lên mức cao nhất chỉ được trung bình 65,00"))
    }

    @Test func effortCostsChangeThePlan() throws {
        // ISO/HACCP-type steps priced high: 10 is at 3 already; make 7 and 8 expensive and 4.1 free.
        let table = EffortTable(entries: [
            EffortEntry(code: "7", stepCost: 5), EffortEntry(code: "8", stepCost: 5),
            EffortEntry(code: "4.1", options: [EffortOption(points: 5, cost: 0, evidence: LocalizedText(vi: "Hợp đồng siêu thị", en: "Supermarket contract"))]),
        ])
        let plan = try UpgradePlanner(productSet: set1, costs: table).plan([sheet(set1Sheet)], target: 4)
        #expect(plan.costUnit == .effort)
        #expect(plan.steps.map(\.criterion) == ["2.3", "4.1", "5.1", "5.3", "10"])
        let market = plan.steps[1]
        #expect(market.cost == 0 && market.evidence?.vi == "Hợp đồng siêu thị")
        #expect(market.text(.vi, target: 4, bandThreshold: 70).hasSuffix(". Minh chứng: Hợp đồng siêu thị"))
        #expect(plan.totalCost == 5)
    }

    @Test func badInputIsAnError() throws {
        #expect(throws: PlanningError.invalidTarget(6)) { try planner.plan([sheet(set1Sheet)], target: 6) }
        #expect(throws: PlanningError.invalidTarget(2)) { try planner.plan([sheet(set1Sheet)], target: 2) }
        do {
            _ = try planner.plan([sheet(set1Sheet, ["9.9": 1])], target: 4)
            Issue.record("expected invalid sheets")
        } catch {
            guard case .invalidSheets(let e) = error else { Issue.record("\(error)"); return }
            #expect(e.problems.contains { $0.kind == .unknownCriterion(code: "9.9") })
            #expect(error.kind == .invalidInput)
        }
        #expect(throws: PlanningError.self) { try planner.plan([], target: 4) }
        let wrong = EffortTable(version: "qd148-2023")
        #expect(throws: PlanningError.effortTableVersion(table: "qd148-2023", set: "qd26-2026")) {
            try UpgradePlanner(productSet: set1, costs: wrong).plan([sheet(set1Sheet)], target: 4)
        }
    }

    /// What a person reads, pinned.
    @Test func planTextInBothLanguages() throws {
        let plan = try UpgradePlanner(productSet: set1, costs: defaultEffort).plan([sheet(set1Sheet)], target: 4)
        let vi = plan.lines(.vi).joined(separator: "\n")
        let en = plan.lines(.en).joined(separator: "\n")
        #expect(vi == goldenVI)
        #expect(en == goldenEN)
    }
}

let goldenVI = """
Bộ 1 (Rau, củ, quả, hạt tươi), 1 thành viên: mục tiêu 4★
Hiện nay: 60,00 điểm → 3★ theo điểm; đạt các yêu cầu tối thiểu đến 3★
Kế hoạch rẻ nhất: 5 bước, tổng chi phí 7 (đơn vị công sức); trung bình 60,00 → 71,00; xếp hạng sau cải thiện: 4★.
  1. 2.3 Phong cách, ghi nhãn hàng hóa: trung bình 1,00 (mức hiện tại 1 điểm) → 3 điểm «Ghi nhãn hàng hóa đầy đủ, đúng quy định, đẹp và thể hiện được thông điệp câu chuyện sản phẩm (hình ảnh hoặc lời giới thiệu) và có mã truy xuất nguồn gốc điện tử»; 2 bậc, chi phí 2, +2,00 điểm trung bình; đạt yêu cầu tối thiểu 4★ (≥ 3). Minh chứng: Nhãn đẹp, đúng quy định, có thông điệp câu chuyện và tem/mã QR truy xuất nguồn gốc điện tử đang hoạt động
  2. 4.3 Quảng bá sản phẩm: trung bình 2,00 (mức hiện tại 2 điểm) → 5 điểm «Có nhiều hơn 03 hoạt động quảng bá sản phẩm và có website của cơ sở (hoặc quảng bá trên mạng xã hội hoạt động thường xuyên) và có tham gia hoạt động xúc tiến thương mại, hội chợ, triển lãm ngoài tỉnh và quốc tế»; 2 bậc, chi phí 2, +3,00 điểm trung bình; góp điểm vào ngưỡng 70 (4★). Minh chứng: Website/mạng xã hội hoạt động thường xuyên; minh chứng tham gia hội chợ, xúc tiến thương mại ngoài tỉnh và quốc tế
  3. 5.1 Câu chuyện sản phẩm: trung bình 3,00 (mức hiện tại 3 điểm) → 5 điểm «Có câu chuyện sản phẩm được tư liệu hóa, thể hiện trên tờ rơi, website (dưới dạng hình ảnh, clip,...) và đưa vào nội dung truy xuất nguồn gốc điện tử»; 1 bậc, chi phí 1, +2,00 điểm trung bình; đạt yêu cầu tối thiểu 4★ (≥ 5). Minh chứng: Câu chuyện sản phẩm trên tờ rơi, website và trong nội dung tem truy xuất nguồn gốc điện tử
  4. 5.3 Trí tuệ/bản sắc địa phương: trung bình 3,00 (mức hiện tại 3 điểm) → 5 điểm «Nội dung câu chuyện mang sắc thái truyền thống, văn hóa địa phương, giá trị đặc trưng của sản phẩm, có tính truyền cảm và thuyết phục»; 1 bậc, chi phí 1, +2,00 điểm trung bình; góp điểm vào ngưỡng 70 (4★). Minh chứng: Câu chuyện mang bản sắc địa phương, truyền cảm và thuyết phục (có thể nhờ người biên tập chuyên nghiệp)
  5. 7 DINH DƯỠNG: trung bình 1,00 (mức hiện tại 1 điểm) → 3 điểm «Có trên 2 chỉ tiêu»; 1 bậc, chi phí 1, +2,00 điểm trung bình; góp điểm vào ngưỡng 70 (4★). Minh chứng: Phiếu kiểm nghiệm trên 2 chỉ tiêu dinh dưỡng (protein, lipid, vitamin…) do cơ quan có thẩm quyền cấp
Vì sao không có phương án rẻ hơn:
  - Các yêu cầu tối thiểu chưa đạt buộc phải nâng (cách rẻ nhất cho từng tiêu chí): 2.3 lên 3 điểm (chi phí 2), 5.1 lên 5 điểm (chi phí 1); tổng 3. Mọi phương án đều tốn ít nhất chừng này.
  - Sau các bước bắt buộc, trung bình là 64,00, còn thiếu 6,00 điểm so với ngưỡng 70 (4★).
  - Quy hoạch động đã xét mọi tổ hợp phương án: với chi phí tối đa 6, trung bình cao nhất đạt được (vẫn đáp ứng mọi yêu cầu tối thiểu) là 69,00 < 70, chẳng hạn nâng 2.3 → 3, 4.3 → 5, 5.1 → 5, 5.3 → 5 (chi phí 6).
  - Vì vậy chi phí 7 là nhỏ nhất.
"""

let goldenEN = """
Set 1 (Rau, củ, quả, hạt tươi), 1 member: target 4★
Now: 60.00 points → 3★ by points; meets every minimum up to 3★
Cheapest plan: 5 steps, total cost 7 (effort units); mean 60.00 → 71.00; rating after: 4★.
  1. 2.3 Phong cách, ghi nhãn hàng hóa: mean 1.00 (current option: 1 point) → 3 points «Ghi nhãn hàng hóa đầy đủ, đúng quy định, đẹp và thể hiện được thông điệp câu chuyện sản phẩm (hình ảnh hoặc lời giới thiệu) và có mã truy xuất nguồn gốc điện tử»; 2 steps, cost 2, +2.00 points on the mean; meets the 4★ minimum (≥ 3). Evidence: An attractive compliant label with the story's message and a working electronic traceability stamp/QR code
  2. 4.3 Quảng bá sản phẩm: mean 2.00 (current option: 2 points) → 5 points «Có nhiều hơn 03 hoạt động quảng bá sản phẩm và có website của cơ sở (hoặc quảng bá trên mạng xã hội hoạt động thường xuyên) và có tham gia hoạt động xúc tiến thương mại, hội chợ, triển lãm ngoài tỉnh và quốc tế»; 2 steps, cost 2, +3.00 points on the mean; adds points towards the 70 band (4★). Evidence: A regularly active website/social-media page; proof of trade fairs outside the province and abroad
  3. 5.1 Câu chuyện sản phẩm: mean 3.00 (current option: 3 points) → 5 points «Có câu chuyện sản phẩm được tư liệu hóa, thể hiện trên tờ rơi, website (dưới dạng hình ảnh, clip,...) và đưa vào nội dung truy xuất nguồn gốc điện tử»; 1 step, cost 1, +2.00 points on the mean; meets the 4★ minimum (≥ 5). Evidence: The product story on a leaflet, a website and in the electronic traceability stamp's content
  4. 5.3 Trí tuệ/bản sắc địa phương: mean 3.00 (current option: 3 points) → 5 points «Nội dung câu chuyện mang sắc thái truyền thống, văn hóa địa phương, giá trị đặc trưng của sản phẩm, có tính truyền cảm và thuyết phục»; 1 step, cost 1, +2.00 points on the mean; adds points towards the 70 band (4★). Evidence: A story with local identity that is moving and convincing (a professional editor may help)
  5. 7 DINH DƯỠNG: mean 1.00 (current option: 1 point) → 3 points «Có trên 2 chỉ tiêu»; 1 step, cost 1, +2.00 points on the mean; adds points towards the 70 band (4★). Evidence: A test report on more than 2 nutritional criteria (protein, lipid, vitamins…) from an authorised laboratory
Why no cheaper plan exists:
  - The unmet ★ minimums force (cheapest way for each criterion): 2.3 to 3 points (cost 2), 5.1 to 5 points (cost 1); total 3. Every plan costs at least this.
  - After the forced steps the mean is 64.00, 6.00 points short of the 70 (4★) band.
  - The dynamic programme covers every combination of options: at a cost of at most 6, the highest mean reachable (meeting every minimum) is 69.00 < 70, e.g. raising 2.3 → 3, 4.3 → 5, 5.1 → 5, 5.3 → 5 (cost 6).
  - So 7 is the least cost.
"""
