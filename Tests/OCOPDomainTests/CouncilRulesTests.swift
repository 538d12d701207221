import OCOPDomain
import Testing

@Suite struct CouncilRulesTests {
    let roster = [
        RosterEntry(person: "chair", name: "C", role: .chair), RosterEntry(person: "v1", name: "V", role: .viceChair),
        RosterEntry(person: "m1", name: "A", role: .member), RosterEntry(person: "m2", name: "B", role: .member),
        RosterEntry(person: "sec", name: "S", role: .secretary), RosterEntry(person: "adv", name: "T", role: .advisor),
    ]

    func sheet(_ label: String, total: Int, set: Int = 1) -> ScoreSheet {
        var s = allSets[set - 1].sheet(total: total, floors: total >= 50 ? allSets[set - 1].floors() : [:])!
        s.label = label
        return s
    }

    @Test func quorumIsThreeQuartersRoundedUpWithIntegersOnly() {
        let p = CouncilPolicy.default
        #expect((1...15).map(p.quorumSize) == [1, 2, 3, 3, 4, 5, 6, 6, 7, 8, 9, 9, 10, 11, 12])
        #expect(!p.scores(.secretary) && !p.scores(.advisor) && p.scores(.viceChair))
        #expect(CouncilPolicy(secretaryScores: true).scores(.secretary))
        #expect(CouncilPolicy(quorumNumerator: 5, quorumDenominator: 4).problems.count == 1)
    }

    @Test func chairIsRequiredUnlessRecused() throws {
        let engine = engine(1)
        let noChair = try CouncilRules.assess(policy: .default, roster: roster, recused: [], sheets: ["v1", "m1", "m2"].map { sheet($0, total: 75) }, engine: engine)
        #expect(noChair.flags == [.quorum(scored: 3, required: 3, eligible: 4, presidingMissing: true)])
        let recusedChair = try CouncilRules.assess(policy: .default, roster: roster, recused: ["chair"], sheets: ["v1", "m1", "m2"].map { sheet($0, total: 75) }, engine: engine)
        #expect(recusedChair.flags.isEmpty && recusedChair.eligible == ["v1", "m1", "m2"] && recusedChair.canFinalize)
        // The advisor's and the secretary's sheets never count.
        let extra = try CouncilRules.assess(policy: .default, roster: roster, recused: [], sheets: ["chair", "v1", "m1", "adv", "sec"].map { sheet($0, total: 75) }, engine: engine)
        #expect(extra.scored == ["chair", "v1", "m1"] && extra.excluded == ["adv", "sec"] && extra.missing == ["m2"])
    }

    @Test func spreadOverTheLimitNeedsDiscussionUntilOverridden() throws {
        let sheets = [sheet("chair", total: 80), sheet("v1", total: 75), sheet("m1", total: 69), sheet("m2", total: 75)]
        let a = try CouncilRules.assess(policy: .default, roster: roster, recused: [], sheets: sheets, engine: engine(1))
        #expect(a.flags == [.spread(points: 11, maximum: 10)] && a.needsDiscussion && !a.canFinalize)
        let o = try CouncilRules.assess(policy: .default, roster: roster, recused: [], sheets: sheets, engine: engine(1), overridden: ["spread", "quorum"])
        #expect(o.canFinalize && o.overridden == ["spread"])
        let wide = try CouncilRules.assess(policy: CouncilPolicy(maxSpread: 11), roster: roster, recused: [], sheets: sheets, engine: engine(1))
        #expect(wide.flags.isEmpty)
    }

    @Test func outcomes() throws {
        let e = engine(1)
        let high = try e.rate([allSets[0].bestSheet()])
        #expect(CouncilRules.provincialOutcome(high) == .proposedCentral && CouncilRules.centralOutcome(high) == .awaitingDecision,
                "a central 5★ result waits for the Minister's decision")
        let mid = try e.rate([sheet("a", total: 72)])
        #expect(CouncilRules.provincialOutcome(mid) == .awaitingDecision)
        let low = try e.rate([sheet("a", total: 40, set: 1), sheet("b", total: 44)])
        #expect(CouncilRules.provincialOutcome(low) == .notRecognised)
        #expect(CouncilRules.producerReasons(low).allSatisfy { if case .spread = $0 { false } else { true } })
    }

    @Test func councilKnockOutDisqualifiesAndSilencesSpreadButNotQuorum() throws {
        let set = allSets[0]
        #expect(CouncilRules.knockOutClauses(of: set).map(\.description) == ["hồ sơ", "2.1", "6.1"])
        for raw in ["hồ-sơ", "Hồ sơ", "ho-so", "dossier", " HO_SO "] { #expect(CouncilRules.knockOutDeclaration(parsing: raw) == .dossier, "\(raw)") }
        #expect(CouncilRules.knockOutDeclaration(parsing: "6.1") == .criterion("6.1"))
        #expect(CouncilRules.quote(.criterion("1.1"), in: set) == nil)
        #expect(CouncilRules.quote(.dossier, in: set)?.hasPrefix("Hồ sơ bị loại khi: Giả mạo hồ sơ") == true)

        let knockOut = CouncilKnockOut(declaration: .dossier, reason: "Giấy chứng nhận ATTP giả mạo", decidedBy: "chair")
        let spread = [sheet("chair", total: 80), sheet("v1", total: 75), sheet("m1", total: 69), sheet("m2", total: 75)]
        let a = try CouncilRules.assess(policy: .default, roster: roster, recused: [], sheets: spread, engine: engine(1), knockOuts: [knockOut])
        #expect(a.flags.map(\.id) == ["knockout:hồ sơ"] && a.knockedOut && a.canFinalize && !a.needsDiscussion)
        #expect(a.flags[0].text(.vi).contains("Giấy chứng nhận ATTP giả mạo") && !a.flags[0].overridable)
        let result = try #require(a.result)
        #expect(result.disqualified && result.stars == nil && CouncilRules.provincialOutcome(result) == .notRecognised)
        #expect(result.knockOuts.map(\.declaredBy) == [["council"]])
        let told = CouncilRules.producerReasons(result).map { $0.text(.vi) }
        #expect(told.count == 1 && told[0].contains("«Hồ sơ bị loại khi: Giả mạo hồ sơ") && !told[0].contains("điểm"))
        // A council decision still needs the quorum.
        let few = try CouncilRules.assess(policy: .default, roster: roster, recused: [], sheets: [sheet("chair", total: 70)], engine: engine(1), knockOuts: [knockOut])
        #expect(few.flags.map(\.id) == ["quorum", "knockout:hồ sơ"] && !few.canFinalize && few.blocking.map(\.id) == ["quorum"])
    }
}

@Suite struct SheetWalkTests {
    let set = allSets[0]

    @Test func answersAdvanceSaveAndReviewRefusesIncomplete() {
        var walk = SheetWalk(productSet: set, title: "t")
        #expect(walk.cursor == 0)
        #expect(walk.handle(.digit(1)) == .saveDraft)
        #expect(walk.cursor == 1 && walk.answers[set.scorableCriteria[0].code]?.points == walk.keyedOptions(0).numbered[0].points)
        #expect(walk.handle(.skip) == .none && walk.cursor == 2)
        #expect(walk.handle(.back) == .none && walk.cursor == 1)
        #expect(walk.handle(.digit(9)) == .none, "no 9th option")
        #expect(walk.render(.vi).joined().contains("Không có phương án 9"))
        _ = walk.handle(.review)
        #expect(walk.screen == .review)
        #expect(walk.handle(.enter) == .none)
        #expect(walk.screen == .question(1), "sent to the first missing criterion")
        #expect(walk.render(.en).joined().contains("incomplete"))
    }

    @Test func fullWalkConfirmsBeforeSubmitting() throws {
        var walk = SheetWalk(productSet: set, title: "t")
        while case .question = walk.screen { _ = walk.handle(.digit(1)) }
        #expect(walk.screen == .review && walk.isComplete)
        #expect(walk.render(.vi).joined(separator: "\n").contains("XEM LẠI PHIẾU"))
        _ = walk.handle(.enter)
        #expect(walk.screen == .confirm)
        #expect(walk.handle(.enter) == .none && walk.screen == .review, "Enter is not a confirmation")
        _ = walk.handle(.enter)
        #expect(walk.handle(.yes) == .submit)
        let sheet = walk.sheet(label: "m1")
        #expect(engine(1).validate(sheet).isEmpty)
        #expect(try engine(1).rate([sheet]).members[0].total == walk.total)
    }

    @Test func resumesAtTheSavedCursorAndSkipsNonApplicableCriteria() throws {
        let story = try #require(set.scorableCriteria.firstIndex { $0.code == "5.1" })
        let dependent = try #require(set.scorableCriteria.firstIndex { $0.code == "5.2" })
        var walk = SheetWalk(productSet: set, title: "t", answers: [:], cursor: story)
        #expect(walk.cursor == story)
        _ = walk.handle(.digit(0))  // no product story → 5.2 does not apply
        #expect(walk.cursor != dependent && !walk.isApplicable(dependent))
        let resumed = SheetWalk(productSet: set, title: "t", answers: walk.answers, cursor: walk.cursor)
        #expect(resumed.cursor == walk.cursor && resumed.render(.vi).joined().contains("Tiếp tục phiếu nháp"))
        #expect(!resumed.missing.contains("5.2"))
    }

    /// A sheet's own 0-point option is key 0, never a second key beside "none applies"; the
    /// other options follow from 1, and the screen marks the answer on the key that gave it.
    @Test func aZeroPointOptionIsKeyZero() throws {
        for productSet in allSets {
            for (i, c) in productSet.scorableCriteria.enumerated() where !c.hasVariants {
                let walk = SheetWalk(productSet: productSet, title: "t", cursor: i)
                let (zero, numbered) = walk.keyedOptions(i)
                #expect(zero?.points ?? 0 == 0 && numbered.allSatisfy { $0.points != 0 }, "set \(productSet.number) \(c.code)")
                #expect(numbered.count + (zero == nil ? 0 : 1) == c.options.count)
                let screen = walk.render(.en)
                #expect(screen.filter { $0.contains("— 0 pt") || $0.contains("— 0 points") }.count == 1, "set \(productSet.number) \(c.code): \(screen)")
            }
        }
        // Set 4, 1.2: [0] no certificate, [1] VietGAP (1 point), [2] GlobalGAP (2 points).
        let honey = allSets[3]
        let index = try #require(honey.scorableCriteria.firstIndex { $0.code == "1.2" })
        for (key, points) in [(0, 0), (1, 1), (2, 2)] {
            var walk = SheetWalk(productSet: honey, title: "t", cursor: index)
            #expect(walk.handle(.digit(key)) == .saveDraft)
            #expect(walk.answers["1.2"]?.points == points)
            _ = walk.handle(.back)
            let marked = walk.render(.vi).filter { $0.hasPrefix("  ● ") }
            #expect(marked.count == 1 && marked[0].hasPrefix("  ● [\(key)] "), "\(marked)")
        }
        var walk = SheetWalk(productSet: honey, title: "t", cursor: index)
        #expect(walk.handle(.digit(3)) == .none, "three options: keys 0–2")
        #expect(walk.render(.en).contains { $0.hasPrefix("Keys: 0–2 choose") })
    }

    @Test func tourismCaseIsChosenOnceForTheSheet() throws {
        let tourism = allSets[25]
        let first = try #require(tourism.scorableCriteria.firstIndex { $0.hasVariants })
        var walk = SheetWalk(productSet: tourism, title: "t", cursor: first)
        let options = walk.keyedOptions(first).numbered
        let pick = try #require(options.firstIndex { $0.variant == 2 })
        _ = walk.handle(.digit(pick + 1))
        #expect(walk.variant == 2)
        let next = try #require(tourism.scorableCriteria.indices.first { $0 > first && tourism.scorableCriteria[$0].hasVariants })
        #expect(walk.shownOptions(next).allSatisfy { $0.variant == nil || $0.variant == 2 })
    }
}
