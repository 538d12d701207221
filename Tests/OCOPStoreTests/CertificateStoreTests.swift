import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels
import OCOPStore
import OCOPTestSupport
import Postgres
import Testing

/// Certificates on real PostgreSQL: status on any date, listings, revocation and post-audit,
/// history imports through the rules, the calendar, written opinions, and the constraints that
/// make contradictions impossible.
@Suite struct CertificateStoreTests {
    func d(_ iso: String) -> CalendarDate { Lifecycle.date(iso) }

    func revoke(_ world: Lifecycle, _ number: CertificateNumber, by authority: IssuingAuthority = .province(code: "24"), decision: String,
                on date: String, ground: RevocationGround = .c, finding: String? = "2027-03-01", reference: String? = "9/KL-TTr",
                audit: Int? = nil) throws -> (certificate: CertificateView, timing: RevocationTiming, decision: DecisionView) {
        try world.with { bench in
            try bench.revokeCertificate(RevocationRequest(
                certificate: number, authority: authority, number: try DecisionNumber(parsing: decision), decidedOn: d(date), ground: ground,
                finding: "Kết luận thanh tra số 9/KL-TTr: vi phạm ghi nhãn", findingOn: finding.map(d), findingReference: reference, auditID: audit,
                signer: world.signer()))
        }
    }

    @Test func revocationAuthorityDatesAndTheFifteenDayLimit() throws {
        let world = try Lifecycle.make("cert_revoke", today: "2027-04-01")
        let expired = try world.product("Đã hết hạn", set: 1)
        try world.history(expired, stars: 3, decided: "2023-11-24", issuer: .district)
        let onTime = try world.product("Đúng hạn", set: 2)
        try world.history(onTime, stars: 4, decided: "2025-03-10")
        let late = try world.product("Quá hạn", set: 3)
        try world.history(late, stars: 3, decided: "2025-03-10")
        let five = try world.product("Năm sao", set: 4)
        try world.history(five, stars: 5, decided: "2025-06-26", issuer: .ministry)
        func number(_ product: Product) throws -> CertificateNumber { try world.certificates(product, on: "2027-04-01")[0].number }

        // The wrong kind of authority, and a province other than the issuer's successor.
        let ministry = thrown(CertificationError.self) { _ = try revoke(world, try number(onTime), by: .ministry, decision: "1/QĐ-BNNMT", on: "2027-03-16") }
        guard case .revocationWrongAuthority? = ministry else { Issue.record("\(String(describing: ministry))"); return }
        #expect(ministry?.message(.vi).contains("thẩm quyền thuộc Chủ tịch Ủy ban nhân dân cấp tỉnh") == true)
        let province = thrown(CertificationError.self) { _ = try revoke(world, try number(five), decision: "2/QĐ-UBND", on: "2027-03-16") }
        guard case .revocationWrongAuthority? = province else { Issue.record("\(String(describing: province))"); return }
        let elsewhere = thrown(StoreError.self) { _ = try revoke(world, try number(onTime), by: .province(code: "27"), decision: "2/QĐ-UBND", on: "2027-03-16") }
        #expect(elsewhere == .notCompetentProvince(certificate: "GCN-24-2025-0001", given: "27", competent: "24"))
        // Not in force any more; before the finding; in the future.
        let gone = thrown(CertificationError.self) { _ = try revoke(world, try number(expired), decision: "2/QĐ-UBND", on: "2027-03-16") }
        guard case .revocationAfterEnd? = gone else { Issue.record("\(String(describing: gone))"); return }
        let before = thrown(CertificationError.self) { _ = try revoke(world, try number(onTime), decision: "2/QĐ-UBND", on: "2027-02-27") }
        guard case .revocationBeforeFinding? = before else { Issue.record("\(String(describing: before))"); return }
        let future = thrown(CertificationError.self) { _ = try revoke(world, try number(onTime), decision: "2/QĐ-UBND", on: "2027-04-02") }
        #expect(future == .decisionDateInFuture(decidedOn: d("2027-04-02"), today: d("2027-04-01")))
        #expect(try world.connection.count("decision") == 0)

        // Day 15 after the finding is on time; day 16 is recorded and flagged.
        let first = try revoke(world, try number(onTime), decision: "15/QĐ-UBND", on: "2027-03-16")
        #expect(first.timing.deadline == d("2027-03-16") && !first.timing.isLate && first.timing.lateFlag(.vi) == nil)
        #expect(first.certificate.status == .revoked && first.decision.kind == .revocation && first.decision.revoked.count == 1)
        let second = try revoke(world, try number(late), decision: "16/QĐ-UBND", on: "2027-03-17")
        #expect(second.timing.isLate && second.timing.daysLate == 1)
        #expect(second.timing.lateFlag(.vi) == "Quyết định thu hồi ngày 17/03/2027 chậm 1 ngày so với thời hạn 15 ngày kể từ kết luận của cơ quan có thẩm quyền ngày 01/03/2027 (hạn chót ngày 16/03/2027, khoản 4 Điều 8).")
        let seen = try world.certificates(onTime, on: "2027-03-15")[0]
        #expect(seen.status == .valid && seen.on(d("2027-03-16")).status == .revoked)
        #expect(try world.certificates(late, on: "2027-04-01")[0].revocation?.timing.isLate == true)
        // Once only; numbers are shared with recognition decisions of the same issuer and year.
        let again = thrown(StoreError.self) { _ = try revoke(world, try number(onTime), decision: "17/QĐ-UBND", on: "2027-03-20") }
        #expect(again == .certificateAlreadyRevoked(certificate: "GCN-24-2025-0001", decision: "15/QĐ-UBND", on: d("2027-03-16")))
        // The Ministry revokes the 5★ one.
        #expect(try revoke(world, try number(five), by: .ministry, decision: "9/QĐ-BNNMT", on: "2027-03-16").certificate.status == .revoked)
        let reused = thrown(StoreError.self) {
            let extra = try world.product("Khác", set: 5)
            try world.history(extra, stars: 3, decided: "2025-03-10")
            _ = try revoke(world, try number(extra), decision: "15/QĐ-UBND", on: "2027-03-20")
        }
        #expect(reused?.kind == .conflict && reused?.fields == ["number"])
        // The revocation decision as a document model: the producer among the recipients (Art. 8.3.c).
        let document = try world.with { bench in bench.revocationDocument(try bench.decision(try DecisionNumber(parsing: "15/QĐ-UBND"))) }
        #expect(document.certificates.map(\.certificateNumber) == ["GCN-24-2025-0001"] && document.certificates[0].ground == .c)
        #expect(document.recipients.lines.contains("HTX Thân Trường") && document.findings[0].number == "9/KL-TTr")
    }

    @Test func postAuditSupportsGroundsAndTheirDeadline() throws {
        let world = try Lifecycle.make("cert_audit", today: "2027-04-01")
        let product = try world.product("Hậu kiểm", set: 1)
        try world.history(product, stars: 4, decided: "2025-03-10")
        let number = try world.certificates(product, on: "2027-04-01")[0].number
        let mark = try world.with { try $0.recordAudit(AuditRequest(certificate: number, kind: .periodic, concludedOn: d("2027-03-20"), reference: "27/KL-SNNMT", findings: [
            CriterionFinding(criterion: "2.3", finding: "Nhãn đầy đủ", maintained: true)], markMisuse: "Dán tem 5 sao trên bao bì")) }
        #expect(mark.conclusion.grounds == [.d] && mark.conclusion.revocationDeadline == d("2027-04-04"))
        let unsupported = thrown(StoreError.self) { _ = try revoke(world, number, decision: "3/QĐ-UBND", on: "2027-03-25", ground: .b, finding: nil, audit: mark.id) }
        #expect(unsupported == .groundNotSupported(audit: mark.id, ground: "b", supported: ["d"]))
        let empty = thrown(StoreError.self) { _ = try world.with { try $0.recordAudit(AuditRequest(certificate: number, kind: .adHoc, concludedOn: d("2027-03-21"), findings: [])) } }
        #expect(empty?.fields == ["finding"])
        // The finding's date and document number default to the inspection's.
        let revoked = try revoke(world, number, decision: "3/QĐ-UBND", on: "2027-03-25", ground: .d, finding: nil, reference: nil, audit: mark.id)
        #expect(revoked.timing.findingOn == d("2027-03-20") && revoked.certificate.revocation?.auditID == mark.id)
        #expect(revoked.certificate.revocation?.findingReference == "27/KL-SNNMT")
        let detail = try world.with { try $0.certificate(number) }
        #expect(detail.audits.map(\.id) == [mark.id] && detail.certificate.status == .revoked)
    }

    @Test func statusOnAnyDateListsAndTheCurrentStar() throws {
        let world = try Lifecycle.make("cert_list", today: "2026-12-04")
        let old = try world.product("Cũ", set: 1)
        try world.history(old, stars: 4, decided: "2020-12-25", rubric: "qd1048-2019")
        try world.history(old, stars: 3, decided: "2023-11-24", issuer: .district)  // a renewal: supersedes the first
        let renewing = try world.product("Sắp hết hạn", set: 2)
        try world.history(renewing, stars: 4, decided: "2024-05-20")
        let fresh = try world.product("Mới", set: 3, year: 2026)

        let all = try world.with { try $0.certificates() }
        #expect(all.map(\.number.description) == ["GCN-24-2020-0001", "GCN-24-2023-0001", "GCN-24-2024-0001"])
        #expect(all.map(\.status) == [.superseded, .expired, .inRenewalWindow])
        #expect(all[0].facts.supersededOn == d("2023-11-24") && all[0].supersededBy?.description == "GCN-24-2023-0001")
        let current = try world.with { try $0.certificates(CertificateFilter(currentOnly: true)) }
        #expect(current.map(\.productName) == ["Sắp hết hạn"])
        #expect(try world.with { try $0.certificates(CertificateFilter(statuses: [.expired])) }.map(\.productName) == ["Cũ"])
        #expect(try world.with { try $0.certificates(CertificateFilter(stars: 4)) }.count == 2)
        // On another day: in 2024 the renewal was in force.
        let then = try world.with { try $0.certificates(CertificateFilter(currentOnly: true), asOf: d("2024-01-01")) }
        #expect(then.map(\.number.description) == ["GCN-24-2023-0001"])
        // Expiring within 180 days of today: 20/5/2027 is 167 days away; 166 days is too short.
        #expect(try world.with { try $0.expiringCertificates(within: 180) }.map(\.productName) == ["Sắp hết hạn"])
        #expect(try world.with { try $0.expiringCertificates(within: 167) }.count == 1)
        #expect(try world.with { try $0.expiringCertificates(within: 166) }.isEmpty)

        // product list: never an expired star as current.
        let standings = try world.with { try $0.productStandings() }
        let byName = Dictionary(uniqueKeysWithValues: standings.map { ($0.product.name, $0) })
        #expect(byName["Cũ"]?.product.stars == nil && byName["Cũ"]?.latest?.number.description == "GCN-24-2023-0001")
        #expect(byName["Sắp hết hạn"]?.product.stars == 4 && byName["Sắp hết hạn"]?.current?.status == .inRenewalWindow)
        #expect(byName["Mới"]?.current == nil && byName["Mới"]?.latest == nil)
        #expect(try world.with { try $0.products() }.first { $0.name == "Cũ" }?.stars == nil)
        #expect(try world.with { try $0.products(asOf: d("2025-01-01")) }.first { $0.name == "Cũ" }?.stars == 3)
        #expect(try world.with { try $0.product(fresh.code) }.product.stars == nil)
    }

    @Test func importedHistoryGoesThroughTheRules() throws {
        let world = try Lifecycle.make("cert_import", today: "2026-12-04")
        for name in ["A", "B", "C", "D", "E"] { _ = try world.product(name, set: 1) }
        func line(_ n: Int, _ name: String, _ stars: String, _ decided: String, score: String? = nil, issuer: String = "province", rubric: String = "qd148-2023") -> ImportRecord {
            var fields = ["product_name": name, "producer_registration_no": "0101000000", "stars": stars, "year": String(decided.prefix(4)),
                          "decision_date": decided, "rubric": rubric, "province_code": "24", "issuer": issuer, "decision_no": "10/QĐ-UBND"]
            fields["score"] = score
            return ImportRecord(line: n, fields: fields)
        }
        let importer = RegistryImport(world.connection, actor: person("t"), today: world.today)
        let columns = ["product_name", "producer_registration_no", "stars", "year", "decision_date", "rubric", "province_code", "issuer", "decision_no", "score"]
        let bad = thrown(StoreError.self) {
            _ = try importer.run(.recognitions, records: [
                line(2, "A", "5", "2024-03-01"),                  // 5★ not from the Ministry
                line(3, "B", "4", "2024-03-01", score: "65.0"),   // above the band of 65
                line(4, "C", "3", "2027-01-01"),                  // in the future
                line(5, "D", "4", "2024-03-01", issuer: "district"),
                line(6, "E", "3", "2024-01-10"),
                line(7, "E", "3", "2024-06-10"),                  // overlaps line 6: neither an upgrade nor a renewal
                line(8, "A", "x", "2024-03-01"),
            ], columns: columns, file: "recognitions.csv", defaultYear: 2026)
        }
        guard case let .importFailed(_, problems)? = bad else { Issue.record("\(String(describing: bad))"); return }
        #expect(problems.map(\.line) == [2, 3, 4, 5, 7, 8])
        #expect(problems[0].reason.en == "5★ is recognised only by the Ministry, not by the provincial people's committee")
        #expect(problems[1].reason.vi == "4★ nhưng điểm 65,00 chỉ đạt mức 3★ (ngưỡng 90/70/50/30)")
        #expect(problems[4].reason.en.contains("overlaps row"))
        #expect(problems.last?.reason.en == "stars = \"x\" is not a whole number")
        #expect(try world.connection.count("star_recognition") == 0, "nothing is written")
        // A renewal once the window opened supersedes; an upgrade supersedes at any time.
        _ = try importer.run(.recognitions, records: [
            line(2, "E", "3", "2020-12-25", rubric: "qd1048-2019"), line(3, "E", "3", "2023-11-24", issuer: "district"),
            line(4, "D", "3", "2024-03-01", issuer: "district"), line(5, "D", "4", "2024-09-01"),
        ], columns: columns, file: "recognitions.csv", defaultYear: 2026)
        let e = try world.certificates(try ProductRepository(world.connection).product(named: "E", producerRegistrationNo: "0101000000")!, on: "2026-12-04")
        #expect(e.map(\.facts.supersededOn) == [d("2023-11-24"), nil])
        let dProduct = try #require(try ProductRepository(world.connection).product(named: "D", producerRegistrationNo: "0101000000"))
        #expect(try world.certificates(dProduct, on: "2026-12-04").map(\.status) == [.superseded, .valid])
        // A later file is checked against what is recorded: an overlap with a stored certificate is refused.
        let overlap = thrown(StoreError.self) {
            _ = try importer.run(.recognitions, records: [line(2, "D", "4", "2025-01-10")], columns: columns, file: "more.csv", defaultYear: 2026)
        }
        guard case let .importFailed(_, more)? = overlap else { Issue.record("\(String(describing: overlap))"); return }
        #expect(more.map(\.line) == [2])
        // The same register imported again writes nothing and refuses nothing; a line naming a
        // recorded decision with other values is refused, naming the column.
        let before = try world.connection.count("star_recognition")
        let again = try importer.run(.recognitions, records: [
            line(2, "E", "3", "2020-12-25", rubric: "qd1048-2019"), line(3, "E", "3", "2023-11-24", issuer: "district"),
        ], columns: columns, file: "recognitions.csv", defaultYear: 2026)
        #expect(again.added == 0 && again.unchanged == 2)
        #expect(try world.connection.count("star_recognition") == before)
        let changed = thrown(StoreError.self) {
            _ = try importer.run(.recognitions, records: [line(2, "D", "3", "2024-09-01")], columns: columns, file: "recognitions.csv", defaultYear: 2026)
        }
        guard case let .importFailed(_, differing)? = changed else { Issue.record("\(String(describing: changed))"); return }
        #expect(differing.map(\.line) == [2])
        #expect(differing[0].reason.en.hasSuffix("with other values (stars: 4 → 3); a recorded decision is not changed by an import"))
    }

    @Test func theCalendarPlacesDossiersAndFlagsLateness() throws {
        let world = try Lifecycle.make("cert_calendar", today: "2027-01-15")
        let products = try (1...6).map { try world.product("Sản phẩm \($0)", set: $0, year: 2026) }
        let store = DossierRepository(world.connection)
        func open(_ product: Product, _ filed: String, round: Int? = nil, year: Int? = nil) throws -> Dossier {
            try world.with { try $0.openDossier(DossierOpening(productRef: product.code, kind: .firstEvaluation, year: year, round: round, filedOn: d(filed))) }
        }
        let rounds = try [("2026-04-30", 2026, 1), ("2026-05-01", 2026, 2), ("2026-10-31", 2027, 1)].enumerated().map { i, entry in
            let dossier = try open(products[i], entry.0)
            return (dossier.year, dossier.round) == (entry.1, entry.2)
        }
        #expect(rounds == [true, true, true])
        // A round that does not exist is refused, naming those that do.
        let missing = thrown(CertificationError.self) { _ = try open(products[3], "2026-05-10", round: 3, year: 2026) }
        #expect(missing == .unknownRound(RoundID(level: .provincial, year: 2026, number: 3), known: [1, 2]))
        let round = try world.with { try $0.addExtraRound(ExtraRound(level: .provincial, year: 2026, number: 3, filingDeadline: d("2026-08-31"),
                                                                      evaluationDeadline: d("2026-09-30")), basis: "Quyết định số 55/QĐ-HĐOCOP") }
        #expect(round.isExtra && round.evaluationDeadline == d("2026-09-30"))
        #expect(thrown(StoreError.self) { _ = try world.with { try $0.addExtraRound(ExtraRound(level: .provincial, year: 2026, number: 3,
            filingDeadline: d("2026-08-31"), evaluationDeadline: d("2026-09-30")), basis: "x") } }?.kind == .conflict)
        // A filing of 10/5 now goes to the extra round (it is evaluated first).
        #expect(try open(products[3], "2026-05-10").round == 3)
        #expect(try world.with { try $0.evaluationRounds(year: 2026, level: .provincial) }.map(\.id.number) == [1, 3, 2])
        // Filed after its round's deadline: a flag, not a refusal.
        let lateFiling = try open(products[4], "2026-05-05", round: 1, year: 2026)
        let flags = try world.with { try $0.dossierStatus(lateFiling.code) }.lifecycle?.roundFlags ?? []
        #expect(flags.map(\.daysLate) == [5, 199] && flags[0].text(.en).hasPrefix("Proposed on 2026-05-05, after the filing deadline of Round 1 of 2026"))
        // On the world's today (15/1/2027) it is still on no session, 199 days after the round's
        // evaluation deadline (30/6/2026).
        #expect(flags[1].text(.en).hasPrefix("The evaluation deadline of Round 1 of 2026 (provincial) (2026-06-30, Art. 5.1) passed 199 days ago"))
        // A session after its round's evaluation deadline is flagged (filed after the extra round's
        // deadline, so in round 2: evaluated by 30/12/2026).
        let ready = try world.dossier(products[5], filedOn: "2026-09-05")
        let session = try world.with { try $0.openSession(council: Lifecycle.council, heldOn: d("2027-01-05"), place: nil, dossiers: [ready], absent: []) }
        let lifecycle = try world.with { try $0.sessionLifecycle(session.code) }
        #expect(lifecycle.dossiers[0].roundFlags.map(\.daysLate) == [6] && lifecycle.mode == .meeting)
    }

    @Test func reEvaluationByWrittenOpinions() throws {
        let world = try Lifecycle.make("cert_written", today: "2026-12-04")
        let products = try (1...3).map { try world.product("Đánh giá lại \($0)", set: $0) }
        for product in products { try world.history(product, stars: 3, decided: "2023-12-20", issuer: .district) }
        // Filed in the window on 1/7; the province has the complete file on 5/7: 45 days to 19/8.
        let dossiers = try products.map { product in
            try world.with(today: d("2026-07-05")) { bench in
                let code = try bench.openDossier(DossierOpening(productRef: product.code, kind: .reEvaluation, filedOn: d("2026-07-01"))).code
                for _ in 0..<4 { try bench.advanceDossier(code) }
                return code
            }
        }
        let first = try world.product("Lần đầu", set: 4, year: 2026)
        let other = try world.dossier(first, filedOn: "2026-07-01")
        let mixed = thrown(StoreError.self) {
            _ = try world.with { try $0.openSession(council: Lifecycle.council, heldOn: d("2026-08-10"), place: nil, dossiers: [dossiers[0], other],
                                                    absent: [], mode: .writtenOpinions) }
        }
        #expect(mixed == .writtenOpinionsOnlyForReEvaluation(dossiers: [other.rawValue]))
        #expect(try world.connection.count("council_session") == 0, "all or nothing")
        // Re-evaluations only: written opinions by default.
        let session = try world.with { try $0.openSession(council: Lifecycle.council, heldOn: d("2026-08-10"), place: nil, dossiers: Array(dossiers.prefix(2)), absent: []) }.code
        // Written opinions come in before the round's day, where a meeting takes no sheet.
        try world.connection.query("SELECT set_config('ocop.clock', '2026-08-01 10:00+07', false)")
        let early = try ScoreRepository(world.connection).context(session: session, dossier: dossiers[0], person: person("chair"))
        #expect(early.situation.meetingDay == nil && CouncilRules.mayScore(early.situation, correcting: false) == nil)
        try world.connection.query("SELECT set_config('ocop.clock', '', false)")
        try world.score(session, Array(dossiers.prefix(2)), totals: [62, 64], stars: [3, 3], scorers: Lifecycle.scorers, spread: 14)
        var lifecycle = try world.with { try $0.sessionLifecycle(session) }
        #expect(lifecycle.mode == .writtenOpinions && lifecycle.needsMeeting)
        #expect(lifecycle.dossiers[0].meetingReasons.first?.en.hasPrefix("Opinions diverge:") == true)
        #expect(lifecycle.dossiers[0].reEvaluation?.deadline == d("2026-08-19"))
        // Overriding diverging opinions is what a meeting does.
        for code in dossiers.prefix(2) {
            let refused = thrown(StoreError.self) { try world.with { try $0.overrideFlag(session: session, dossier: code, flag: "spread", chair: person("chair"), reason: "Giữ kết quả") } }
            #expect(refused == .meetingRequired(session: session.rawValue, flag: "spread"))
        }
        lifecycle = try world.with { try $0.conveneSession(session, on: d("2026-08-12"), place: "UBND tỉnh", reason: "Chênh lệch tổng điểm trên 10 điểm") }
        #expect(lifecycle.convenedOn == d("2026-08-12") && !lifecycle.needsMeeting)
        for code in dossiers.prefix(2) {
            try world.with { try $0.overrideFlag(session: session, dossier: code, flag: "spread", chair: person("chair"), reason: "Hội đồng đã họp, giữ kết quả") }
        }
        _ = try world.with { try $0.finalizeSession(session) }
        // Decided on 10/8, within the 45 days; the third one is decided on 1/10: overdue.
        #expect(try world.status(dossiers[0]).reEvaluationText(.en) == "45 days from the complete file (2026-07-05): by 2026-08-19; result on 2026-08-10")
        try world.evaluate([dossiers[2]], on: "2026-10-01", totals: [60], stars: [3])
        let overdue = try world.status(dossiers[2])
        #expect(overdue.reEvaluationText(.vi)?.contains("đến ngày 01/10/2026 đã quá 43 ngày") == true)
        #expect(overdue.json(.en).overdue && overdue.json(.en).reEvaluationDeadline == "2026-08-19")
        // A meeting needs a reason.
        let reasonless = thrown(StoreError.self) { _ = try world.with { try $0.conveneSession(session, on: d("2026-08-12"), place: nil, reason: " ") } }
        #expect(reasonless?.fields == ["reason"])
        // A meeting is recorded once held, never ahead (the chair could otherwise override now).
        let ahead = thrown(StoreError.self) { _ = try world.with { try $0.conveneSession(session, on: d("2026-12-20"), place: nil, reason: "Họp lại") } }
        #expect(ahead?.fields == ["date"])
        #expect(ahead?.message(.en).contains("after today (2026-12-04)") == true)
    }

    @Test func sqlMakesContradictionsImpossible() throws {
        let world = try Lifecycle.make("cert_sql", today: "2026-12-04")
        let product = try world.product("Ràng buộc", set: 1)
        try world.history(product, stars: 3, decided: "2024-05-20")
        func insert(_ decided: String, _ until: String, number: Int) throws {
            _ = try world.connection.query("""
                INSERT INTO star_recognition (product_id, stars, year, decision_date, valid_until, rubric_version, province_id, created_by,
                    issuer, certificate_no, cert_issuer, cert_year, cert_serial)
                SELECT product_id, 3, 2025, $2::date, $3::date, 'qd148-2023', province_id, 't', 'province', $4, '24', 2025, $5
                FROM star_recognition WHERE product_id = $1 LIMIT 1
                """, product.id, decided, until, "GCN-24-2025-00\(number)", number)
        }
        // Two certificates of one product in force on the same day.
        let overlap = thrown(PostgresError.self) { try insert("2025-01-10", "2028-01-10", number: 50) }
        #expect(overlap?.serverError?.constraint == "star_recognition_no_overlap" && overlap?.serverError?.sqlState == "23P01")
        // Stored facts only grow: no changed stars, no deleted certificate.
        let changed = thrown(PostgresError.self) { _ = try world.connection.query("UPDATE star_recognition SET stars = 4 WHERE product_id = $1", product.id) }
        #expect(changed?.serverError?.sqlState == "42501", "no grant to change a certificate's facts")
        let deleted = thrown(PostgresError.self) { _ = try world.connection.query("DELETE FROM star_recognition WHERE product_id = $1", product.id) }
        #expect(deleted?.serverError?.sqlState == "42501", "no grant to delete a certificate")
        // A certificate number is never used twice.
        let twice = thrown(PostgresError.self) {
            _ = try world.connection.query("""
                INSERT INTO star_recognition (product_id, stars, year, decision_date, valid_until, rubric_version, province_id, created_by,
                    issuer, certificate_no, cert_issuer, cert_year, cert_serial)
                SELECT product_id, 3, 2024, '2028-01-10', '2031-01-10', 'qd148-2023', province_id, 't', 'province', 'GCN-24-2024-9999', '24', 2024, 1
                FROM star_recognition WHERE product_id = $1 LIMIT 1
                """, product.id)
        }
        #expect(twice?.serverError?.constraint == "star_recognition_serial_key")
    }
}
