import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels
import OCOPStore
import OCOPTestSupport
import Postgres
import Testing

/// Recognition decisions on real PostgreSQL: drafts, issuing in one transaction, numbering,
/// the province / Ministry split, upgrades that supersede or are not granted.
@Suite struct DecisionStoreTests {
    func d(_ iso: String) -> CalendarDate { Lifecycle.date(iso) }

    @Test func aProvincialDecisionNumbersCertificatesAndMovesDossiers() throws {
        let world = try Lifecycle.make("dec_prov", today: "2026-12-04")
        let products = try [1, 2, 3, 4].map { try world.product("Sản phẩm \($0)", set: $0, year: 2026) }
        let dossiers = try products.map { try world.dossier($0, filedOn: "2026-07-01") }
        // 75 → 4★, 60 → 3★, 40 → 2★ (a notice), 93 → ≥ 90 (the province approves it for the Ministry).
        try world.evaluate(dossiers, on: "2026-11-10", totals: [75, 60, 40, 93], stars: [4, 3, 0, 5])

        let draft = try world.with { try $0.decisionDraft(authority: .province(code: "24"), on: d("2026-11-16")) }
        #expect(draft.recognise.map(\.dossier) == [dossiers[0], dossiers[1]], "4★ first, then 3★")
        #expect(draft.notices.map(\.dossier) == [dossiers[2]])
        #expect(draft.proposeCentral.map(\.dossier) == [dossiers[3]])
        #expect(draft.refused.isEmpty && draft.notGranted.isEmpty)
        // The Ministry has nothing to decide: no central result yet.
        #expect(try world.with { try $0.decisionDraft(authority: .ministry, on: d("2026-11-16")) }.actionable.isEmpty)
        // A decision is never dated in the future.
        let future = thrown(CertificationError.self) { _ = try world.with { try $0.decisionDraft(authority: .province(code: "24"), on: d("2026-12-05")) } }
        #expect(future == .decisionDateInFuture(decidedOn: d("2026-12-05"), today: d("2026-12-04")))
        // Nor before the council's result.
        let early = try world.with { try $0.decisionDraft(authority: .province(code: "24"), on: d("2026-11-09")) }
        #expect(early.refused.count == 2 && early.refused[0].problems[0].en.contains("before the council's result"))

        let decision = try world.issue(number: "5/QĐ-UBND", on: "2026-11-16")
        #expect(decision.number.description == "05/QĐ-UBND" && decision.kind == .recognition)
        #expect(decision.roundYear == 2026 && decision.roundNumber == 2)
        #expect(decision.recognised.map { $0.certificate?.description } == ["GCN-24-2026-0001", "GCN-24-2026-0002"])
        #expect(decision.recognised.map(\.validUntil) == [d("2029-11-16"), d("2029-11-16")])
        #expect(decision.proposed.map(\.candidate.dossier) == [dossiers[3]])
        let store = DossierRepository(world.connection)
        #expect(try store.dossier(dossiers[0]).status == .recognised && store.dossier(dossiers[1]).status == .recognised)
        #expect(try store.dossier(dossiers[3]).status == .proposedCentral, "approval is not a recognition")
        #expect(try store.history(dossiers[0]).last?.text(.vi)?.contains("Được công nhận 4★ theo Quyết định số 05/QĐ-UBND ngày 16/11/2026; giấy chứng nhận GCN-24-2026-0001") == true)
        #expect(try store.history(dossiers[3]).last?.detail == .approvedForCentral(decision: "05/QĐ-UBND", decidedOn: d("2026-11-16")))
        let certificate = try world.certificates(products[0], on: "2026-12-04")
        #expect(certificate.map(\.number.description) == ["GCN-24-2026-0001"] && certificate[0].status == .valid)
        #expect(certificate[0].exactScore?.plain == "75.43" && certificate[0].issuer == .province && certificate[0].dossier == dossiers[0])

        // What the producer sees.
        let status = try world.status(dossiers[0])
        #expect(status.outcome(.vi) == "Được công nhận 4★; giấy chứng nhận GCN-24-2026-0001, còn hiệu lực đến hết ngày 16/11/2029 (Quyết định số 05/QĐ-UBND ngày 16/11/2026).")
        #expect(status.nextStep(.en) == "The certificate is valid through 2029-11-16; file for re-evaluation from 2029-05-20 to 2029-07-19 (Art. 7.6.a).")
        let json = status.json(.en)
        #expect(json.certificate?.number == "GCN-24-2026-0001" && json.certificate?.renewalWindowOpens == "2029-05-20" && json.certificate?.status == "valid")

        // One decision per dossier; numbers are unique per issuer and year.
        let later = try world.product("Sản phẩm 5", set: 6, year: 2026)
        let fifth = try world.dossier(later, filedOn: "2026-07-02")
        try world.evaluate([fifth], on: "2026-11-20", totals: [72], stars: [4])
        let taken = thrown(StoreError.self) { _ = try world.issue(number: "05/QĐ-UBND", on: "2026-11-25") }
        #expect(taken == .decisionNumberTaken(issuer: "24", year: 2026, number: "05/QĐ-UBND", decidedOn: d("2026-11-16")))
        #expect(taken?.kind == .conflict)
        let twice = thrown(StoreError.self) { _ = try world.issue(number: "06/QĐ-UBND", on: "2026-11-25", dossiers: [dossiers[0]]) }
        #expect(twice == .notAwaitingDecision(dossier: dossiers[0].rawValue, status: .recognised, decision: "05/QĐ-UBND"))
        let notice = thrown(StoreError.self) { _ = try world.issue(number: "06/QĐ-UBND", on: "2026-11-25", dossiers: [dossiers[2]]) }
        #expect(notice == .notAwaitingDecision(dossier: dossiers[2].rawValue, status: .notRecognised, decision: nil))
        #expect(try world.connection.count("decision") == 1, "refusals wrote nothing")
        let next = try world.issue(number: "06/QĐ-UBND", on: "2026-11-25")
        #expect(next.recognised.map { $0.certificate?.description } == ["GCN-24-2026-0003"])
        #expect(thrown(StoreError.self) { _ = try world.issue(number: "07/QĐ-UBND", on: "2026-11-25") } == .nothingToDecide(authority: "24", on: d("2026-11-25")))

        // The notice of the 2★ result, filled for printing.
        let document = try world.with { try $0.noticeDocument(dossiers[2], request: NoticeRequest(
            number: "15/TB-SNNMT", date: d("2026-11-20"), signer: DecisionSigner(prefix: "KT. GIÁM ĐỐC", title: "PHÓ GIÁM ĐỐC", name: "Trần Văn B"))) }
        #expect(document.evaluation.stars == 2 && document.evaluation.proposal == .notRecognised && document.commune == "Ủy ban nhân dân xã Sa Lý")
        // The decision as a document model (the PDF renderer's input).
        let model = try world.with { bench in try bench.decisionDocument(try bench.decision(try DecisionNumber(parsing: "05/QĐ-UBND"))) }
        #expect(model.annexes.map(\.subject) == [.recognised(stars: 4), .recognised(stars: 3), .proposedFiveStars])
        #expect(model.authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH" && model.header.number == "05/QĐ-UBND")
        #expect(model.legalBases.last == "Quyết định số 123/QĐ-UBND về việc thành lập Hội đồng OCOP tỉnh Bắc Ninh")
        let printed = try world.with { try $0.certificateDocument(try CertificateNumber(parsing: "GCN-24-2026-0001"), qr: .unsigned) }
        #expect(printed.stars == 4 && printed.validUntil == d("2029-11-16") && printed.decisionNumber == "05/QĐ-UBND" && printed.round == 2)
    }

    @Test func theMinistryDecidesFiveStarsOnTheCentralCouncilsResult() throws {
        let world = try Lifecycle.make("dec_min", today: "2026-12-04")
        let wine = try world.product("Rượu", set: 14, year: 2026)
        let tea = try world.product("Trà", set: 12, year: 2026)
        let dossiers = [try world.dossier(wine, filedOn: "2026-07-01"), try world.dossier(tea, filedOn: "2026-07-01")]
        try world.evaluate(dossiers, on: "2026-11-10", totals: [93, 92], stars: [5, 5])
        _ = try world.issue(number: "20/QĐ-UBND", on: "2026-11-12")
        for code in dossiers { _ = try world.with { try $0.advanceDossier(code) } }
        // The central council meets after the provincial one, never before it.
        let early = thrown(StoreError.self) {
            _ = try world.with { try $0.openSession(council: Lifecycle.central, heldOn: d("2026-11-09"), place: nil, dossiers: dossiers, absent: []) }
        }
        #expect(early?.message(.en).contains("the session cannot precede 2026-11-10, when dossier \(dossiers[0].rawValue) had its earlier council result") == true)
        // One undecided place on an agenda at a time; on a central session a dossier keeps its
        // status, so the status alone does not tell.
        let first = try world.with { try $0.openSession(council: Lifecycle.central, heldOn: d("2026-11-17"), place: nil, dossiers: [dossiers[0]], absent: []).code }
        let twice = thrown(StoreError.self) {
            _ = try world.with { try $0.openSession(council: Lifecycle.central, heldOn: d("2026-11-18"), place: nil, dossiers: dossiers, absent: []) }
        }
        #expect(twice == .dossierOnAnotherSession(dossier: dossiers[0].rawValue, session: first.rawValue))
        _ = try world.with { try $0.deferDossier(session: first, dossier: dossiers[0], reason: "Chưa đủ thành viên") }
        // The central council: 94 → 5★ (the Minister decides), 85 → 4★ (back to the province, Art. 7.4.g).
        try world.evaluate(dossiers, on: "2026-11-18", totals: [94, 85], stars: [5, 4], central: true)
        let store = DossierRepository(world.connection)
        #expect(try store.dossier(dossiers[0]).status == .awaitingDecision && store.dossier(dossiers[1]).status == .awaitingDecision)
        #expect(try world.status(dossiers[0]).holder(.en) == "the Ministry of Agriculture and Environment")

        let province = try world.with { try $0.decisionDraft(authority: .province(code: "24"), on: d("2026-11-20")) }
        #expect(province.recognise.map(\.dossier) == [dossiers[1]] && province.recognise[0].councilLevel == .central)
        let ministry = try world.with { try $0.decisionDraft(authority: .ministry, on: d("2026-11-20")) }
        #expect(ministry.recognise.map(\.dossier) == [dossiers[0]])
        // The province may not take the 5★ one.
        let wrong = thrown(StoreError.self) { _ = try world.issue(number: "21/QĐ-UBND", on: "2026-11-20", dossiers: [dossiers[0]]) }
        #expect(wrong == .notAwaitingDecision(dossier: dossiers[0].rawValue, status: .awaitingDecision, decision: nil))

        let decision = try world.issue(.ministry, number: "7/QĐ-BNNMT", on: "2026-11-20")
        #expect(decision.recognised.map { $0.certificate?.description } == ["GCN-BNNMT-2026-0001"] && decision.authority == .ministry)
        #expect(decision.provinceName == nil && decision.place == "Hà Nội")
        let certificate = try #require(try world.certificates(wine, on: "2026-12-04").first)
        #expect(certificate.stars == 5 && certificate.issuer == .ministry && certificate.number.issuer == .ministry)
        let back = try world.issue(number: "22/QĐ-UBND", on: "2026-11-21")
        #expect(back.recognised.map { $0.certificate?.description } == ["GCN-24-2026-0001"] && back.recognised[0].stars == 4)

        // SQL refuses what no rule would produce: a province's 5★, a Ministry's 4★.
        for (stars, issuer) in [(5, "province"), (4, "ministry")] {
            let error = thrown(PostgresError.self) {
                _ = try world.connection.query("""
                    INSERT INTO star_recognition (product_id, stars, year, decision_date, valid_until, rubric_version, province_id, created_by,
                        issuer, certificate_no, cert_issuer, cert_year, cert_serial)
                    SELECT $1, $2, 2026, '2026-01-05', '2029-01-05', 'qd148-2023', province_id, 't', $3, 'GCN-24-2026-0099', '24', 2026, 99
                    FROM star_recognition LIMIT 1
                    """, tea.id, stars, issuer)
            }
            #expect(error?.serverError?.constraint == "star_recognition_issuer_stars_check")
        }
    }

    @Test func anUpgradeSupersedesOrIsNotGranted() throws {
        let world = try Lifecycle.make("dec_upg", today: "2026-12-04")
        let honey = try world.product("Mật ong", set: 4)
        let wine = try world.product("Rượu", set: 14)
        for product in [honey, wine] { try world.history(product, stars: 3, decided: "2025-03-10") }
        let up = try world.dossier(honey, kind: .upgrade, filedOn: "2026-07-01", target: 4)
        let flat = try world.dossier(wine, kind: .upgrade, filedOn: "2026-07-01", target: 4)
        try world.evaluate([up, flat], on: "2026-11-10", totals: [75, 62], stars: [4, 3])
        let draft = try world.with { try $0.decisionDraft(authority: .province(code: "24"), on: d("2026-11-16")) }
        #expect(draft.recognise.map(\.dossier) == [up] && draft.recognise[0].supersedes?.description == "GCN-24-2025-0001")
        #expect(draft.notGranted.map(\.dossier) == [flat] && draft.notGranted[0].problems[0].en.contains("no upgrade is recognised"))
        let decision = try world.issue(number: "30/QĐ-UBND", on: "2026-11-16")
        #expect(decision.notGranted.map(\.candidate.dossier) == [flat] && decision.recognised.count == 1)

        let before = try world.certificates(honey, on: "2026-11-15")
        #expect(before.map(\.status) == [.valid, .notYetValid])
        let after = try world.certificates(honey, on: "2026-11-16")
        #expect(after.map(\.status) == [.superseded, .valid])
        #expect(after[0].supersededBy == after[1].number && after[0].facts.supersededOn == d("2026-11-16"))
        #expect(try ProductRepository(world.connection).product(id: honey.id, asOf: d("2026-11-16")).stars == 4)

        // The failed upgrade: closed, the certificate it rests on unchanged.
        let store = DossierRepository(world.connection)
        #expect(try store.dossier(flat).status == .notRecognised)
        let kept = try world.certificates(wine, on: "2026-12-04")
        #expect(kept.count == 1 && kept[0].status == .valid && kept[0].facts.supersededOn == nil)
        let status = try world.status(flat)
        #expect(status.outcome(.vi) == "Không được công nhận nâng hạng. Giấy chứng nhận GCN-24-2025-0002 (3★) giữ nguyên: còn hiệu lực đến hết ngày 10/03/2028.")
        #expect(status.lastEvent?.text(.en) == "Upgrade not granted (decision 30/QĐ-UBND of 2026-11-16): the result 3★ is not above the 3★ of certificate GCN-24-2025-0002, which stays as it was")
        #expect(status.json(.en).outcome?.hasPrefix("The upgrade was not granted.") == true)
        // Next: what the certificate still in force allows; once it has ended, a first evaluation.
        #expect(status.nextStep(.en).hasPrefix("Certificate GCN-24-2025-0002 (3★) stays in force through 2028-03-10. An upgrade to"), "\(status.nextStep(.en))")
        #expect(status.nextStep(.en).contains("A re-evaluation may be filed from"))
        #expect(try world.status(flat, today: "2028-03-11").nextStep(.vi)
                == "Giấy chứng nhận GCN-24-2025-0002 đã hết hiệu lực sau ngày 10/03/2028: muốn được công nhận lại, chủ thể nộp hồ sơ đánh giá lần đầu ở kỳ đánh giá sau.")
    }

    @Test func eligibilityIsCheckedWhenADossierIsOpened() throws {
        let world = try Lifecycle.make("dec_elig", today: "2026-12-04")
        let current = try world.product("Còn hiệu lực", set: 1)
        try world.history(current, stars: 4, decided: "2025-03-10")
        let lapsed = try world.product("Hết hiệu lực", set: 2)
        try world.history(lapsed, stars: 3, decided: "2020-01-10", rubric: "qd1048-2019")
        let fresh = try world.product("Mới", set: 3, year: 2026)

        let first = thrown(CertificationError.self) { try world.dossier(current, filedOn: "2026-07-01", toCouncil: false) }
        guard case .firstEvaluationWithCurrentCertificate? = first else { Issue.record("\(String(describing: first))"); return }
        #expect(first?.message(.vi).contains("Có thể nộp hồ sơ nâng hạng lên 5★") == true)
        let noBasis = thrown(CertificationError.self) { try world.dossier(lapsed, kind: .upgrade, filedOn: "2026-07-01", target: 4, toCouncil: false) }
        guard case .upgradeWithoutCurrentCertificate? = noBasis else { Issue.record("\(String(describing: noBasis))"); return }
        #expect(noBasis?.message(.en).contains("File a first evaluation instead.") == true)
        let lower = thrown(CertificationError.self) { try world.dossier(current, kind: .upgrade, filedOn: "2026-07-01", target: 4, toCouncil: false) }
        guard case .upgradeTargetNotHigher? = lower else { Issue.record("\(String(describing: lower))"); return }
        let missing = thrown(CertificationError.self) { try world.dossier(current, kind: .upgrade, filedOn: "2026-07-01", toCouncil: false) }
        guard case .upgradeTargetMissing? = missing else { Issue.record("\(String(describing: missing))"); return }
        let reEvaluation = thrown(CertificationError.self) { try world.dossier(fresh, kind: .reEvaluation, filedOn: "2026-07-01", toCouncil: false) }
        guard case .reEvaluationWithoutCurrentCertificate? = reEvaluation else { Issue.record("\(String(describing: reEvaluation))"); return }
        #expect(try world.connection.count("dossier") == 0, "refused filings write nothing")
        // The filing date may not be in the future.
        #expect(thrown(StoreError.self) { try world.dossier(fresh, filedOn: "2026-12-05", toCouncil: false) }?.fields == ["filed_on"])
        // Allowed: first evaluation of the lapsed and the new product, an upgrade of the current one.
        try world.dossier(lapsed, filedOn: "2026-07-01", toCouncil: false)
        try world.dossier(fresh, filedOn: "2026-07-01", toCouncil: false)
        let upgrade = try world.dossier(current, kind: .upgrade, filedOn: "2026-07-01", target: 5, toCouncil: false)
        let basis = try world.connection.one("SELECT s.certificate_no FROM dossier d JOIN star_recognition s ON s.id = d.basis_certificate_id WHERE d.code = $1",
                                             upgrade.rawValue).decode(String.self, "certificate_no")
        #expect(basis == "GCN-24-2025-0001")
    }

    /// Art. 7.6.a on real data: 181 days before expiry too early, 180 and 120 in, 119 too late.
    @Test func theReEvaluationWindowEdges() throws {
        let world = try Lifecycle.make("dec_window", today: "2029-06-01")
        let product = try world.product("Đánh giá lại", set: 1, year: 2026)
        // A QĐ 26 certificate of 10/6/2026: valid through 10/6/2029.
        try world.history(product, stars: 3, decided: "2026-06-10", rubric: "qd26-2026")
        #expect(try world.certificates(product, on: "2029-06-01")[0].facts.validUntil == d("2029-06-10"))
        let early = thrown(CertificationError.self) { try world.dossier(product, kind: .reEvaluation, filedOn: "2028-12-11", toCouncil: false) }
        guard case .reEvaluationTooEarly? = early else { Issue.record("\(String(describing: early))"); return }
        #expect(early?.message(.vi).contains("từ ngày 12/12/2028 đến ngày 10/02/2029") == true && early?.message(.en).contains("1 day early") == true)
        for filed in ["2028-12-12", "2029-02-10"] {
            let code = try world.dossier(product, kind: .reEvaluation, filedOn: filed, toCouncil: false)
            #expect(try DossierRepository(world.connection).dossier(code).filedOn == d(filed))
            _ = try world.with { try $0.withdrawDossier(code) }
        }
        let late = thrown(CertificationError.self) { try world.dossier(product, kind: .reEvaluation, filedOn: "2029-02-11", toCouncil: false) }
        guard case .reEvaluationTooLate? = late else { Issue.record("\(String(describing: late))"); return }
        #expect(late?.message(.en).contains("from 2029-06-11 file a first evaluation") == true)
    }

    /// Art. 12.3: a late re-evaluation of a certificate issued before 22/5/2026 keeps it in force
    /// until the result, at most 180 days past expiry.
    @Test func theTransitionRuleKeepsACertificateInForceUntilTheResult() throws {
        let world = try Lifecycle.make("dec_trans", today: "2027-03-01")
        let product = try world.product("Chuyển tiếp", set: 1)
        try world.history(product, stars: 3, decided: "2023-12-20", issuer: .district)  // valid through 20/12/2026
        // Filed 119 days before expiry: too late for the window, accepted under Art. 12.3.
        let dossier = try world.dossier(product, kind: .reEvaluation, filedOn: "2026-08-23")
        let row = try world.connection.one("SELECT under_transition FROM dossier WHERE code = $1", dossier.rawValue)
        #expect(try row.decode(Bool.self, "under_transition"))
        let pending = try world.certificates(product, on: "2027-01-05")[0]
        #expect(pending.status == .extendedByTransition && pending.facts.effectiveExtension == d("2027-06-18"))
        #expect(try world.status(dossier, today: "2027-01-05").basisText(.vi)?.contains("chậm nhất ngày 18/06/2027") == true)
        // The council does not recognise it on 10/2/2027: the extension ends that day.
        try world.evaluate([dossier], on: "2027-02-10", totals: [40], stars: [0])
        let ended = try world.certificates(product, on: "2027-02-10")[0]
        #expect(ended.facts.effectiveExtension == d("2027-02-10") && ended.status == .extendedByTransition)
        #expect(try world.certificates(product, on: "2027-02-11")[0].status == .expired)
        // Once it has ended it cannot be re-evaluated.
        let lapsed = thrown(CertificationError.self) { try world.dossier(product, kind: .reEvaluation, filedOn: "2027-02-20", toCouncil: false) }
        guard case .reEvaluationWithoutCurrentCertificate? = lapsed else { Issue.record("\(String(describing: lapsed))"); return }
    }

    /// Art. 4.3 and the Civil Code on real data: the term ends on the corresponding day, or the
    /// month's last day when there is none; SQL checks the same end.
    @Test func theThirtySixMonthTermOnLeapDaysAndThirtyFirsts() throws {
        let world = try Lifecycle.make("dec_term", today: "2031-06-01")
        let leap = try world.product("Ngày nhuận", set: 1, year: 2028)
        let thirtyFirst = try world.product("Ngày 31", set: 2, year: 2027)
        let a = try world.dossier(leap, filedOn: "2028-01-10")
        let b = try world.dossier(thirtyFirst, filedOn: "2026-12-01")
        try world.evaluate([b], on: "2027-01-20", totals: [60], stars: [3])
        _ = try world.issue(number: "3/QĐ-UBND", on: "2027-01-31")
        try world.evaluate([a], on: "2028-02-20", totals: [60], stars: [3])
        _ = try world.issue(number: "4/QĐ-UBND", on: "2028-02-29")
        let leapCertificate = try world.certificates(leap, on: "2031-02-28")[0]
        #expect(leapCertificate.facts.validUntil == d("2031-02-28") && leapCertificate.status == .valid)
        #expect(try world.certificates(leap, on: "2031-03-01")[0].status == .expired)
        let lastDay = try world.certificates(thirtyFirst, on: "2030-01-31")[0]
        #expect(lastDay.facts.validUntil == d("2030-01-31") && lastDay.status == .valid)
        #expect(try world.certificates(thirtyFirst, on: "2030-02-01")[0].status == .expired)
        // Imported history computes the same ends: 29/2/2024 → 28/2/2027, 31/8/2026 → 31/8/2029.
        let history = try world.product("Lịch sử", set: 3, year: 2024)
        try world.history(history, stars: 3, decided: "2024-02-29", issuer: .district)
        let recent = try world.product("QĐ 26", set: 4, year: 2026)
        try world.history(recent, stars: 3, decided: "2026-08-31", rubric: "qd26-2026")
        #expect(try world.certificates(history, on: "2026-01-01")[0].facts.validUntil == d("2027-02-28"))
        #expect(try world.certificates(recent, on: "2027-01-01")[0].facts.validUntil == d("2029-08-31"))
        // A QĐ 26 certificate with another term is refused by the rules, and by SQL.
        let other = try world.product("Sai thời hạn", set: 5, year: 2026)
        let refused = thrown(StoreError.self) { try world.history(other, stars: 3, decided: "2026-08-31", rubric: "qd26-2026", validUntil: "2029-09-01") }
        #expect(refused?.message(.en).contains("valid 36 months, through 2029-08-31") == true)
        let sql = thrown(PostgresError.self) {
            _ = try world.connection.query("""
                INSERT INTO star_recognition (product_id, stars, year, decision_date, valid_until, rubric_version, province_id, created_by,
                    issuer, certificate_no, cert_issuer, cert_year, cert_serial)
                SELECT $1, 3, 2026, '2026-08-31', '2029-09-01', 'qd26-2026', province_id, 't', 'province', 'GCN-24-2026-0099', '24', 2026, 99
                FROM star_recognition LIMIT 1
                """, other.id)
        }
        #expect(sql?.serverError?.constraint == "star_recognition_qd26_term_check")
    }
}
