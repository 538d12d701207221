import OCOPDomain
import Testing

/// The dossier state machine, exhaustively: every state against every step.
@Suite struct DossierWorkflowTests {
    typealias S = DossierStatus
    static let code = "HS-2026-0001"

    /// Every legal hand step (advance/resubmit/return/withdraw), written out from the procedure
    /// of QĐ 26/2026 Art. 7 — the table the implementation must agree with.
    static let legalAdvances: [S: [S]] = [
        .submitted: [.communeReview],
        .communeReview: [.provincialReview],
        .provincialReview: [.advisoryReview],
        .advisoryReview: [.readyForCouncil],
        .proposedCentral: [.centralReview],
    ]
    static let reviewStates: Set<S> = [.communeReview, .provincialReview, .advisoryReview, .readyForCouncil]
    static let terminal: Set<S> = [.recognised, .notRecognised, .withdrawn]

    /// `Step`'s initializer is internal; compare what it holds.
    static func shape(_ step: DossierWorkflow.Step) -> String {
        shape(step.from, step.to, step.action, step.returnedFrom)
    }

    static func shape(_ from: S, _ to: S, _ action: DossierAction, _ returnedFrom: S?) -> String {
        "\(from.rawValue) → \(to.rawValue) (\(action.rawValue)), returned from \(returnedFrom?.rawValue ?? "-")"
    }

    func illegal(_ body: () throws -> DossierWorkflow.Step) -> IllegalTransition? {
        do {
            let step = try body()
            Issue.record("expected a refusal, got \(step)")
        } catch let DomainError.illegalTransition(error) {
            #expect(DomainError.illegalTransition(error).kind == .invalidInput)
            return error
        } catch {
            Issue.record("expected IllegalTransition, got \(error)")
        }
        return nil
    }

    // MARK: advance

    @Test(arguments: S.allCases)
    func advanceTargetsMatchTheProcedure(_ status: S) {
        #expect(DossierWorkflow.advanceTargets(from: status) == (Self.legalAdvances[status] ?? []))
    }

    @Test(arguments: S.allCases)
    func advanceWithoutTarget(_ status: S) throws {
        let targets = Self.legalAdvances[status] ?? []
        switch (status, targets.count) {
        case (.returned, _):
            let step = try DossierWorkflow.advance(dossier: Self.code, from: status, returnedFrom: .provincialReview)
            #expect(Self.shape(step) == Self.shape(.returned, .provincialReview, .resubmit, nil))
        case (.councilScheduled, _):
            let error = illegal { try DossierWorkflow.advance(dossier: Self.code, from: status, returnedFrom: nil) }
            #expect(error?.message(.vi).contains("Kết quả do Hội đồng quyết định khi kết thúc phiên họp") == true)
            #expect(error?.message(.en).contains("council's finalization decides") == true)
        case (.readyForCouncil, _):
            // Scheduling happens by opening a session with the dossier, never by hand.
            let error = illegal { try DossierWorkflow.advance(dossier: Self.code, from: status, returnedFrom: nil) }
            #expect(error?.message(.en).contains("opening a council session") == true)
            #expect(error?.message(.vi).contains("mở một phiên họp Hội đồng") == true)
        case (.awaitingDecision, _):
            // Only a recognition decision recognises.
            let error = illegal { try DossierWorkflow.advance(dossier: Self.code, from: status, returnedFrom: nil) }
            #expect(error?.message(.vi).contains("ban hành quyết định công nhận") == true)
            #expect(error?.message(.en).contains("issues the recognition decision") == true)
        case (.centralReview, _):
            let error = illegal { try DossierWorkflow.advance(dossier: Self.code, from: status, returnedFrom: nil) }
            #expect(error?.message(.en).contains("central council's finalization decides") == true)
        case (_, 1):
            let step = try DossierWorkflow.advance(dossier: Self.code, from: status, returnedFrom: nil)
            #expect(Self.shape(step) == Self.shape(status, targets[0], .advance, nil))
        case (_, 0):
            #expect(Self.terminal.contains(status))
            _ = illegal { try DossierWorkflow.advance(dossier: Self.code, from: status, returnedFrom: nil) }
        default:
            // Branching: the target must be chosen.
            let error = illegal { try DossierWorkflow.advance(dossier: Self.code, from: status, returnedFrom: nil) }
            #expect(error?.fields == ["to"])
            #expect(error?.message(.vi).contains("chọn trạng thái đích") == true)
            for target in targets { #expect(error?.allowed.contains(target) == true) }
        }
    }

    @Test(arguments: S.allCases, S.allCases)
    func advanceToAChosenTarget(_ status: S, _ target: S) throws {
        guard status != .returned, status != .councilScheduled, status != .readyForCouncil else { return }
        if (Self.legalAdvances[status] ?? []).contains(target) {
            let step = try DossierWorkflow.advance(dossier: Self.code, from: status, returnedFrom: nil, to: target)
            #expect(step.to == target && step.from == status && step.action == .advance)
        } else {
            let error = illegal { try DossierWorkflow.advance(dossier: Self.code, from: status, returnedFrom: nil, to: target) }
            #expect(error?.from == status)
        }
    }

    @Test func councilScheduledRefusesEvenWithATarget() {
        for target in S.allCases {
            let error = illegal { try DossierWorkflow.advance(dossier: Self.code, from: .councilScheduled, returnedFrom: nil, to: target) }
            #expect(error?.reason != nil)
        }
    }

    // MARK: return and resubmit

    @Test(arguments: S.allCases)
    func returnOnlyFromReviewStates(_ status: S) throws {
        #expect(DossierWorkflow.canReturn(status) == Self.reviewStates.contains(status))
        if Self.reviewStates.contains(status) {
            let step = try DossierWorkflow.returnForCompletion(dossier: Self.code, from: status, returnedFrom: nil, missing: ["Phiếu kiểm nghiệm"])
            #expect(Self.shape(step) == Self.shape(status, .returned, .returnForCompletion, status))
        } else {
            _ = illegal { try DossierWorkflow.returnForCompletion(dossier: Self.code, from: status, returnedFrom: nil, missing: ["x"]) }
        }
    }

    @Test(arguments: [[String](), [""], ["   ", ""]])
    func returnNeedsSomethingMissing(_ missing: [String]) {
        let error = illegal { try DossierWorkflow.returnForCompletion(dossier: Self.code, from: .communeReview, returnedFrom: nil, missing: missing) }
        #expect(error?.fields == ["missing"])
        #expect(error?.message(.vi).contains("Phải ghi rõ nội dung cần bổ sung.") == true)
        #expect(error?.message(.en).contains("Say what is missing.") == true)
    }

    @Test(arguments: Array(reviewStates))
    func resubmitGoesBackWhereItCameFrom(_ status: S) throws {
        let returned = try DossierWorkflow.returnForCompletion(dossier: Self.code, from: status, returnedFrom: nil, missing: ["Bản thuyết minh"])
        let back = try DossierWorkflow.advance(dossier: Self.code, from: returned.to, returnedFrom: returned.returnedFrom)
        #expect(Self.shape(back) == Self.shape(.returned, status, .resubmit, nil))
        // Naming that same state is fine; any other target is not.
        #expect(try DossierWorkflow.advance(dossier: Self.code, from: .returned, returnedFrom: status, to: status).to == status)
        for other in S.allCases where other != status {
            _ = illegal { try DossierWorkflow.advance(dossier: Self.code, from: .returned, returnedFrom: status, to: other) }
        }
        #expect(DossierWorkflow.allowedNext(from: .returned, returnedFrom: status) == [status, .withdrawn])
    }

    @Test func returnedWithoutOriginCannotAdvance() {
        _ = illegal { try DossierWorkflow.advance(dossier: Self.code, from: .returned, returnedFrom: nil) }
        _ = illegal { try DossierWorkflow.returnForCompletion(dossier: Self.code, from: .returned, returnedFrom: .communeReview, missing: ["x"]) }
    }

    // MARK: withdraw

    @Test(arguments: S.allCases)
    func withdraw(_ status: S) throws {
        if Self.terminal.contains(status) {
            #expect(status.isTerminal)
            let error = illegal { try DossierWorkflow.withdraw(dossier: Self.code, from: status, returnedFrom: nil) }
            #expect(error?.allowed == [])
        } else {
            #expect(!status.isTerminal)
            let step = try DossierWorkflow.withdraw(dossier: Self.code, from: status, returnedFrom: status == .returned ? .communeReview : nil)
            #expect(Self.shape(step) == Self.shape(status, .withdrawn, .withdraw, nil))
        }
    }

    // MARK: council results

    @Test(arguments: S.allCases)
    func councilResultOnlyForScheduledDossiers(_ outcome: S) throws {
        let legal: Set<S> = [.awaitingDecision, .proposedCentral, .notRecognised]
        if legal.contains(outcome) {
            #expect(try DossierWorkflow.councilResult(dossier: Self.code, from: .councilScheduled, to: outcome).to == outcome)
        } else {
            _ = illegal { try DossierWorkflow.councilResult(dossier: Self.code, from: .councilScheduled, to: outcome) }
        }
        for status in S.allCases where status != .councilScheduled {
            _ = illegal { try DossierWorkflow.councilResult(dossier: Self.code, from: status, to: outcome) }
        }
    }

    @Test(arguments: S.allCases)
    func aDecisionOnlyForDossiersAwaitingIt(_ outcome: S) throws {
        let legal: Set<S> = [.recognised, .notRecognised]
        if legal.contains(outcome) {
            let step = try DossierWorkflow.decide(dossier: Self.code, from: .awaitingDecision, to: outcome)
            #expect(Self.shape(step) == Self.shape(.awaitingDecision, outcome, .decision, nil))
        } else {
            _ = illegal { try DossierWorkflow.decide(dossier: Self.code, from: .awaitingDecision, to: outcome) }
        }
        for status in S.allCases where status != .awaitingDecision {
            let error = illegal { try DossierWorkflow.decide(dossier: Self.code, from: status, to: .recognised) }
            #expect(error?.attempted == .decision && error?.allowed == [])
        }
    }

    // MARK: deferral

    @Test(arguments: S.allCases)
    func deferOnlyFromCouncilScheduled(_ status: S) throws {
        if status == .councilScheduled {
            let step = try DossierWorkflow.defer(dossier: Self.code, from: status, returnedFrom: nil, reason: "Không đủ túc số")
            #expect(Self.shape(step) == Self.shape(.councilScheduled, .readyForCouncil, .defer, nil))
            // Back where a later session can take it again (opening that session schedules it).
            #expect(step.to == .readyForCouncil)
        } else {
            let returnedFrom: S? = status == .returned ? .communeReview : nil
            let error = illegal { try DossierWorkflow.defer(dossier: Self.code, from: status, returnedFrom: returnedFrom, reason: "x") }
            #expect(error?.from == status && error?.attempted == .defer)
            #expect(error?.allowed == DossierWorkflow.allowedNext(from: status, returnedFrom: returnedFrom))
            #expect(error?.message(.vi).contains("Chỉ hoãn được hồ sơ đã xếp lịch họp Hội đồng.") == true)
            #expect(error?.message(.en).contains("Only a dossier scheduled") == true)
        }
    }

    @Test(arguments: ["", "   ", "\n\t"])
    func deferNeedsAReason(_ reason: String) {
        let error = illegal { try DossierWorkflow.defer(dossier: Self.code, from: .councilScheduled, returnedFrom: nil, reason: reason) }
        #expect(error?.allowed == [.readyForCouncil, .withdrawn])
        #expect(error?.message(.vi).contains("Phải ghi rõ lý do hoãn.") == true)
        #expect(error?.message(.en).contains("Say why it is deferred.") == true)
        #expect(error?.fields == ["reason"])
    }

    /// A decided dossier cannot be deferred: every council outcome refuses it.
    @Test func decidedDossierCannotBeDeferred() {
        for outcome in [S.awaitingDecision, .proposedCentral, .notRecognised] {
            let error = illegal { try DossierWorkflow.defer(dossier: "HS-2026-0042", from: outcome, returnedFrom: nil, reason: "Cần khảo sát thực tế") }
            #expect(error?.message(.vi).contains("Không thể hoãn xét hồ sơ HS-2026-0042: hồ sơ đang ở trạng thái «\(outcome.label(.vi))»") == true)
            #expect(error?.message(.en).contains("Cannot defer dossier HS-2026-0042: it is \(outcome.rawValue)") == true)
        }
    }

    // MARK: allowedNext and messages

    @Test(arguments: S.allCases)
    func allowedNextIsEveryHandStep(_ status: S) {
        let returnedFrom: S? = status == .returned ? .advisoryReview : nil
        var expected = Self.legalAdvances[status] ?? []
        if status == .returned { expected.append(.advisoryReview) }
        if Self.reviewStates.contains(status) { expected.append(.returned) }
        if status == .councilScheduled { expected.append(.readyForCouncil) }  // deferral
        if !Self.terminal.contains(status) { expected.append(.withdrawn) }
        #expect(DossierWorkflow.allowedNext(from: status, returnedFrom: returnedFrom) == expected)
    }

    @Test func messageNamesDossierStateAndAllowedStepsInBothLanguages() {
        let error = illegal { try DossierWorkflow.returnForCompletion(dossier: "HS-2026-0042", from: .submitted, returnedFrom: nil, missing: ["x"]) }
        let vi = error?.message(.vi) ?? ""
        let en = error?.message(.en) ?? ""
        #expect(vi.contains("HS-2026-0042") && en.contains("HS-2026-0042"))
        #expect(vi.contains("«Đã nộp hồ sơ tại UBND cấp xã»"))
        #expect(en.contains("it is submitted (Filed at the commune)"))
        #expect(vi.contains("Các bước được phép: «UBND cấp xã đang đánh giá sơ bộ», «Chủ thể đã rút hồ sơ»."))
        #expect(en.contains("Allowed next steps: commune_review (Commune pre-assessment), withdrawn (Withdrawn by the producer)."))
        // Vietnamese shows no English state ids.
        for status in S.allCases { #expect(!vi.contains(status.rawValue + " ")) }

        let closed = illegal { try DossierWorkflow.withdraw(dossier: "HS-2026-0042", from: .recognised, returnedFrom: nil) }
        #expect(closed?.message(.vi).contains("không có bước nào") == true)
        #expect(closed?.message(.en).contains("Allowed next steps: none.") == true)
    }

    /// A scheduled dossier can still be deferred or withdrawn: the refusal of `advance` must say so.
    @Test func councilScheduledRefusalNamesWithdrawAsAllowed() throws {
        let error = illegal { try DossierWorkflow.advance(dossier: Self.code, from: .councilScheduled, returnedFrom: nil) }
        #expect(error?.allowed == [.readyForCouncil, .withdrawn])
        #expect(error?.message(.en).contains("withdrawn (Withdrawn by the producer)") == true)
        #expect(error?.message(.vi).contains("hoãn xét hồ sơ tại phiên họp") == true)
        #expect(error?.message(.en).contains("defer it from the session") == true)
        let withdrawn = try DossierWorkflow.withdraw(dossier: Self.code, from: .councilScheduled, returnedFrom: nil)
        #expect(withdrawn.to == .withdrawn)
    }

    /// Every state can be reached from `submitted` by legal steps.
    @Test func everyStateIsReachable() {
        var seen: Set<S> = [.submitted]
        var queue: [S] = [.submitted]
        while let status = queue.popLast() {
            var next = DossierWorkflow.advanceTargets(from: status)
            if status == .returned { next += Self.reviewStates }
            if DossierWorkflow.canReturn(status) { next.append(.returned) }
            if !status.isTerminal { next.append(.withdrawn) }
            if status == .readyForCouncil { next.append(.councilScheduled) }  // opening a session
            if status == .councilScheduled { next += [.awaitingDecision, .proposedCentral, .notRecognised] }
            if status == .centralReview { next += [.awaitingDecision, .notRecognised] }  // the central council
            if status == .awaitingDecision { next += [.recognised, .notRecognised] }  // a decision
            for n in next where seen.insert(n).inserted { queue.append(n) }
        }
        #expect(seen == Set(S.allCases))
    }

    // MARK: identifiers and flexible parsing

    @Test func productCodeFormatting() {
        #expect(ProductCode(provinceCode: "24", communeCode: "07534", serial: 1, year: 2026).description == "24-07534-001-2026")
        #expect(ProductCode(provinceCode: "24", communeCode: "07534", serial: 42, year: 2026).description == "24-07534-042-2026")
        #expect(ProductCode(provinceCode: "24", communeCode: "07534", serial: 1234, year: 2026).description == "24-07534-1234-2026")
    }

    @Test func productCodeParsing() throws {
        let code = try #require(ProductCode(parsing: "24-07534-001-2026"))
        #expect(code == ProductCode(provinceCode: "24", communeCode: "07534", serial: 1, year: 2026))
        #expect(code.description == "24-07534-001-2026")
        for bad in ["", "24-07534-001", "24-07534-001-26", "24-07534-0a1-2026", "24--001-2026", "24-07534--001-2026", "-24-07534-001-2026", "24-07534-001-2026-", "²4-07534-001-2026", "24-07534-001-2026-1", "HS-2026-0001"] {
            #expect(ProductCode(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test(arguments: [
        ("htx", ProducerKind.cooperative), ("HTX", .cooperative), ("Hợp tác xã", .cooperative), ("hop tac xa", .cooperative),
        ("tht", .cooperativeGroup), ("tổ hợp tác", .cooperativeGroup), ("dn", .enterprise), ("doanh nghiệp", .enterprise),
        ("company", .enterprise), ("trang_trai", .farm), ("trang trại", .farm), ("farm", .farm), ("ho", .household),
        ("hộ gia đình", .household), (" household ", .household), ("hoi", .association), ("hiệp hội", .association),
    ])
    func producerKindFlexible(_ raw: String, _ kind: ProducerKind) {
        #expect(ProducerKind(flexible: raw) == kind)
    }

    @Test func producerKindFlexibleRefusesUnknown() {
        for raw in ["", "cty", "xyz", "hop-tac"] { #expect(ProducerKind(flexible: raw) == nil) }
    }

    @Test(arguments: [
        ("lan_dau", DossierKind.firstEvaluation), ("first", .firstEvaluation), ("Lần đầu", .firstEvaluation), ("lan-dau", .firstEvaluation),
        ("nang_hang", .upgrade), ("upgrade", .upgrade), ("nâng hạng", .upgrade), ("danh_gia_lai", .reEvaluation),
        ("re-evaluation", .reEvaluation), ("Đánh giá lại", .reEvaluation), (" DANH-GIA-LAI ", .reEvaluation),
    ])
    func dossierKindFlexible(_ raw: String, _ kind: DossierKind) {
        #expect(DossierKind(flexible: raw) == kind)
    }

    @Test func dossierKindFlexibleRefusesUnknown() {
        for raw in ["", "second", "lan dau 2"] { #expect(DossierKind(flexible: raw) == nil) }
    }
}
