import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels
import OCOPStore
import OCOPTestSupport
import Postgres
import Testing

/// After recognition on a real PostgreSQL: listings and their OCOP mark through upgrades and
/// revocations, claims and self-assessments filed before the council, the diff against a
/// recognition the workbench's own council scored, annual targets across the 2025 merger, and the
/// register on a day (docs/after-recognition.md).
@Suite struct AfterRecognitionStoreTests {
    func d(_ iso: String) -> CalendarDate { Lifecycle.date(iso) }

    @Test func listingsCarryTheMarkOfACertificateInForceAndOnlyGrow() throws {
        let world = try Lifecycle.make("after_listing", today: "2026-12-04")
        let honey = try world.product("Mật ong", set: 4)
        try world.history(honey, stars: 3, decided: "2025-03-10")
        let aeon = try world.with {
            try $0.addOutlet(OutletDraft(code: OutletCode(normalizing: "AEON-LB")!, kind: .supermarket, name: "AEON Mall Long Biên", chain: "Aeon"))
        }
        #expect(aeon.display == "AEON Mall Long Biên")
        // A code already used is a conflict.
        #expect(throws: StoreError.self) {
            try world.with { try $0.addOutlet(OutletDraft(code: OutletCode(normalizing: "aeon-lb")!, kind: .agent, name: "Khác")) }
        }
        // Before its certificate a product may be sold, but not as OCOP.
        do {
            _ = try world.with { try $0.addListing(ListingRequest(product: honey.code, outlet: aeon.code, listedOn: d("2025-03-01"))) }
            Issue.record("listed as OCOP without a certificate")
        } catch let error as DomainError {
            #expect(error.fields == ["listed_on"] && error.message(.vi).contains("chỉ sản phẩm có giấy chứng nhận còn hiệu lực"))
        }
        let plain = try world.with { try $0.addListing(ListingRequest(product: honey.code, outlet: aeon.code, listedOn: d("2025-01-05"), ocopMark: false)) }
        #expect(plain.status == .listed && plain.facts.marks.isEmpty)
        // Overlapping the open listing at the same outlet: refused, naming it.
        do {
            _ = try world.with { try $0.addListing(ListingRequest(product: honey.code, outlet: aeon.code, listedOn: d("2025-04-01"))) }
            Issue.record("two open listings at one outlet")
        } catch let error as StoreError {
            #expect(error.kind == .conflict && error.message(.en).contains("listing #\(plain.id)"))
        }
        _ = try world.with { try $0.endListing(plain.id, on: d("2025-03-31"), reason: "Đổi sang bán với nhãn OCOP") }
        let listing = try world.with {
            try $0.addListing(ListingRequest(product: honey.code, outlet: aeon.code, listedOn: d("2025-04-01"), contractNo: "HĐ 12/2025/AEON"))
        }
        #expect(listing.status == .listedOCOP && listing.mark?.certificate.number.description == "GCN-24-2025-0001" && listing.contractNo == "HĐ 12/2025/AEON")

        // The upgrade supersedes the certificate: the shelf still shows 3★ and must come off.
        let up = try world.dossier(honey, kind: .upgrade, filedOn: "2026-07-01", target: 4)
        try world.evaluate([up], on: "2026-11-10", totals: [75], stars: [4])
        _ = try world.issue(number: "30/QĐ-UBND", on: "2026-11-16")
        let flagged = try world.with { try $0.listings(mustWithdraw: true) }
        #expect(flagged.map(\.id) == [listing.id] && flagged[0].mustWithdrawSince == d("2026-11-16"))
        // It names the certificate now in force, whose mark the shelf may carry instead.
        #expect(flagged[0].statusText(.vi) == "Phải gỡ nhãn OCOP (GCN-24-2025-0001 đã được thay thế từ ngày 16/11/2026; giấy chứng nhận còn hiệu lực của sản phẩm: GCN-24-2026-0001, 4★)")
        #expect(flagged[0].replacementCertificate?.number.description == "GCN-24-2026-0001")
        // Before the decision the mark was in force.
        #expect(try world.with { try $0.listings(asOf: d("2026-11-15")) }.first { $0.id == listing.id }?.status == .listedOCOP)
        let updated = try world.with { try $0.remarkListing(listing.id, since: d("2026-11-20")) }
        #expect(updated.status == .listedOCOP && updated.mark?.certificate.stars == 4 && updated.facts.marks.count == 2)
        #expect(try world.with { try $0.listings(mustWithdraw: true) }.isEmpty)
        // The same certificate twice, or a date before the last mark: refused.
        #expect(throws: DomainError.self) { try world.with { try $0.remarkListing(listing.id, since: d("2026-11-25")) } }
        #expect(throws: DomainError.self) { try world.with { try $0.remarkListing(listing.id, since: d("2026-11-18")) } }

        // Ended listings leave the default list, stay on record, and cannot end twice.
        let ended = try world.with { try $0.endListing(listing.id, on: d("2026-12-01"), reason: "Hết hợp đồng") }
        #expect(ended.status == .ended && ended.endReason == "Hết hợp đồng")
        #expect(try world.with { try $0.listings() }.isEmpty)
        #expect(try world.with { try $0.listings(includeEnded: true) }.count == 2)
        do {
            _ = try world.with { try $0.endListing(listing.id, on: d("2026-12-02")) }
            Issue.record("ended twice")
        } catch let error as StoreError {
            #expect(error.kind == .conflict)
        }
        // SQL keeps the facts: no changed dates, no deletion, no mark of another product's certificate.
        for sql in ["UPDATE product_listing SET listed_on = '2025-01-01' WHERE id = \(listing.id)",
                    "DELETE FROM product_listing WHERE id = \(plain.id)",
                    "UPDATE listing_mark SET since = '2026-11-21' WHERE listing_id = \(listing.id)"] {
            #expect(throws: PostgresError.self) { try world.connection.transaction { try $0.query(sql) } }
        }
        let other = try world.product("Rượu", set: 14)
        try world.history(other, stars: 3, decided: "2025-03-11")
        let foreign = try world.connection.one("SELECT id FROM star_recognition WHERE product_id = $1", other.id).decode(Int.self, "id")
        do {
            _ = try world.connection.transaction {
                try $0.query("INSERT INTO listing_mark (listing_id, product_id, certificate_id, since, recorded_by) VALUES ($1, $2, $3, '2026-11-30', 't')",
                             listing.id, honey.id, foreign)
            }
            Issue.record("a mark of another product's certificate")
        } catch let error as PostgresError {
            #expect(StoreError(error).kind == .notFound && error.serverError?.constraint == "listing_mark_certificate_fkey")
        }
    }

    @Test func aRevokedCertificatesListingsMustWithdraw() throws {
        let world = try Lifecycle.make("after_revoke", today: "2026-12-04")
        let melon = try world.product("Dưa lưới", set: 1)
        try world.history(melon, stars: 3, decided: "2025-03-10")
        let shop = try world.with { try $0.addOutlet(OutletDraft(code: OutletCode(normalizing: "OCOP-1")!, kind: .ocopPoint, name: "Điểm OCOP")) }
        let listing = try world.with { try $0.addListing(ListingRequest(product: melon.code, outlet: shop.code, listedOn: d("2025-05-01"))) }
        let certificate = try #require(try world.certificates(melon, on: "2026-12-04").first)
        _ = try world.with { bench in
            try bench.revokeCertificate(RevocationRequest(
                certificate: certificate.number, authority: .province(code: "24"), number: try DecisionNumber(parsing: "50/QĐ-UBND"),
                decidedOn: d("2026-12-01"), ground: .dd, finding: "Chủ thể ngừng sản xuất", findingOn: d("2026-11-25"), findingReference: nil,
                auditID: nil, signer: world.signer()))
        }
        let seen = try world.with { try $0.listings(product: melon.code, mustWithdraw: true) }
        #expect(seen.map(\.id) == [listing.id] && seen[0].mustWithdrawSince == d("2026-12-01"))
        #expect(seen[0].statusText(.en) == "Must withdraw the OCOP mark (\(certificate.number) revoked on 2026-12-01)")
        #expect(seen[0].replacementCertificate == nil, "revoked, and no other certificate in force")
        // No other certificate in force: the listing cannot take a new mark.
        #expect(throws: DomainError.self) { try world.with { try $0.remarkListing(listing.id, since: d("2026-12-02")) } }
    }

    @Test func claimsAndTheSelfAssessmentAreFiledBeforeTheCouncilAndTheDiffComparesBothCouncils() throws {
        let world = try Lifecycle.make("after_diff", today: "2026-12-04")
        let honey = try world.product("Mật ong hoa rừng", set: 4)
        // Recognised by the workbench: its council's sheets are the "then".
        let first = try world.dossier(honey, filedOn: "2026-06-01", target: 3)
        try world.evaluate([first], on: "2026-07-10", totals: [62], stars: [3])
        _ = try world.issue(number: "20/QĐ-UBND", on: "2026-07-15")
        #expect(throws: StoreError.self) {
            try world.with { try $0.recordClaim(UpgradeClaim(criterion: "4.1", claimedPoints: 5, change: "x"), dossier: first) }
        }

        let up = try world.dossier(honey, kind: .upgrade, filedOn: "2026-08-01", target: 4, toCouncil: false)
        let claim = try world.with {
            try $0.recordClaim(UpgradeClaim(criterion: "4.1", claimedPoints: 5, change: "Bán tại AEON Mall Long Biên", evidence: ["HĐ 01/2026/AEON"]), dossier: up)
        }
        #expect(claim.position == 1 && claim.criterionTitle == "Khu vực phân phối chính")
        _ = try world.with { try $0.recordClaim(UpgradeClaim(criterion: "10", claimedPoints: 5, change: "ISO 22000"), dossier: up) }
        do {
            _ = try world.with { try $0.recordClaim(UpgradeClaim(criterion: "4.1", claimedPoints: 3, change: "Khác"), dossier: up) }
            Issue.record("a criterion claimed twice")
        } catch let error as StoreError {
            #expect(error.kind == .conflict && error.fields == ["criterion"])
        }
        let set = try RubricRepository(world.connection).frozenSet(hash: try #require(try DossierRepository(world.connection).dossier(up).rubricHash))
        let own = try #require(set.sheet(totalling: 80, floors: set.starMinimumFloors(upTo: 4), label: "self"))
        let stored = try UpgradeRepository(world.connection).addSelfAssessment(own, dossier: up, source: "tu-danh-gia.yaml", actor: person("sec"))
        #expect(stored.version == 1 && stored.total == 80)
        let again = try UpgradeRepository(world.connection).addSelfAssessment(own, dossier: up, source: nil, actor: person("sec"))
        #expect(again.version == 2)
        // An incomplete sheet is refused with the engine's words.
        var partial = own
        partial.answers["4.1"] = nil
        #expect(throws: DomainError.self) { try UpgradeRepository(world.connection).addSelfAssessment(partial, dossier: up, source: nil, actor: person("sec")) }
        // Planning from the stored self-assessment.
        let plan = try world.with { try $0.plan(.selfAssessment(up), target: 5) }
        #expect(plan.selfAssessmentVersion == 2 && plan.plan.before.average == ExactMean(sum: 80, count: 1))
        #expect(throws: AppError.self) { try world.with { try $0.dossierDiff(up) } }

        try world.with { bench in for _ in 0..<4 { try bench.advanceDossier(up) } }
        try world.evaluate([up], on: "2026-11-10", totals: [76], stars: [4])
        #expect(throws: StoreError.self) {
            try world.with { try $0.recordClaim(UpgradeClaim(criterion: "2.3", claimedPoints: 3, change: "Nhãn mới"), dossier: up) }
        }
        let view = try world.with { try $0.dossierDiff(up) }
        #expect(view.recognitionSession != nil && view.basis?.stars == 3 && view.diff.target == 4 && view.diff.reached)
        #expect(view.diff.recognitionAverage == ExactMean(sum: 62 * 7 + 3, count: 7))
        let rows = Dictionary(uniqueKeysWithValues: view.diff.rows.map { ($0.criterion, $0) })
        #expect(rows.values.allSatisfy { $0.atRecognition != nil && $0.trend != nil && $0.selfAssessed != nil })
        #expect(rows["4.1"]?.claim?.evidence == ["HĐ 01/2026/AEON"] && rows["4.1"]?.claimOutcome != nil)
        #expect(view.diff.deciders.first.map { if case .bandReached(70, _, _) = $0 { true } else { false } } == true)
        #expect(try world.with { try $0.claims(dossier: up) }.map(\.claim.criterion) == ["4.1", "10"])
        // A first evaluation has nothing recognised to compare with.
        #expect(throws: AppError.self) { try world.with { try $0.dossierDiff(first) } }
    }

    @Test func targetsCountNewProductsAcrossTheMerger() throws {
        let world = try Lifecycle.make("after_target", today: "2026-12-04")
        let a = try world.product("A", set: 1), b = try world.product("B", set: 1), c = try world.product("C", set: 1)
        // A and B recognised by old Bắc Giang in 2025 before the merger, C by the new Bắc Ninh; A again later (not new).
        try world.history(a, stars: 3, decided: "2025-03-10")
        try world.history(b, stars: 4, decided: "2025-06-20")
        try world.history(c, stars: 3, decided: "2025-09-15")
        let code = ProvinceCode(normalizing: "24")!
        let (set, recorded) = try world.with { try $0.setTarget(AnnualTarget(provinceCode: code, year: 2025, products: 2, basis: "KH 10/KH-UBND")) }
        #expect(recorded && set.provinceName == "Bắc Ninh" && set.achieved == 3 && set.attainment.percent == 150 && set.revision == 1)
        let same = try world.with { try $0.setTarget(AnnualTarget(provinceCode: code, year: 2025, products: 2, basis: "KH 10/KH-UBND")) }
        #expect(!same.recorded && same.view.revision == 1)
        do {
            _ = try world.with { try $0.setTarget(AnnualTarget(provinceCode: code, year: 2025, products: 4)) }
            Issue.record("a changed target without --update")
        } catch let error as StoreError {
            #expect(error.kind == .conflict && error.fields == ["update"] && error.message(.vi).contains("2 sản phẩm (KH 10/KH-UBND)"))
        }
        let revised = try world.with { try $0.setTarget(AnnualTarget(provinceCode: code, year: 2025, products: 4), update: true) }
        #expect(revised.recorded && revised.view.revision == 2 && revised.view.products == 4 && revised.view.attainment.percent == 75)
        // Old Bắc Giang in 2024 counts only its own.
        let old = try world.with { try $0.setTarget(AnnualTarget(provinceCode: code, year: 2024, products: 5)) }
        #expect(old.view.provinceName == "Bắc Giang" && old.view.achieved == 0)
        #expect(try world.with { try $0.targets(province: code) }.map(\.year) == [2024, 2025])
        #expect(throws: StoreError.self) { try world.with { try $0.setTarget(AnnualTarget(provinceCode: ProvinceCode(normalizing: "99")!, year: 2025, products: 1)) } }
        // Append-only.
        #expect(throws: PostgresError.self) { try world.connection.transaction { try $0.query("UPDATE annual_target SET products = 9") } }
    }

    @Test func theRegisterOnADayCountsCertificatesInForceThere() throws {
        let world = try Lifecycle.make("after_register", today: "2026-12-04")
        let a = try world.product("A", set: 1), b = try world.product("B", set: 4), c = try world.product("C", set: 4)
        try world.history(a, stars: 3, decided: "2023-03-10")
        try world.history(b, stars: 4, decided: "2024-06-20")
        try world.history(c, stars: 3, decided: "2022-09-15")  // expired 2025-09-15
        let before = try world.with { try $0.registerReport(asOf: d("2024-12-31")) }
        #expect(before.tally.products == 3 && before.tally.byYear.map(\.year) == [2022, 2023, 2024])
        let after = try world.with { try $0.registerReport(asOf: d("2026-01-01")) }
        // (D is recognised only in February 2026.)
        #expect(after.tally.products == 2 && after.tally.byStars.map(\.stars) == [4, 3] && after.setTitles[4]?.hasPrefix("Mật ong") == true)
        // The products' commune belongs to the new Bắc Ninh; one province, one producer.
        #expect(after.tally.byProvince.map(\.key) == ["Bắc Ninh"] && after.tally.producers == 1)
        #expect(try world.with { try $0.registerReport(asOf: d("2026-01-01"), province: ProvinceCode(normalizing: "24")!) }.tally.products == 2)
        // Province 27 no longer existed in 2026 (merged into 24).
        #expect(throws: StoreError.self) { try world.with { try $0.registerReport(asOf: d("2026-01-01"), province: ProvinceCode(normalizing: "27")!) } }
        // An upgrade moves the product to its new stars from the decision date.
        let d4 = try world.product("D", set: 1)
        try world.history(d4, stars: 3, decided: "2026-02-10")
        let up = try world.dossier(d4, kind: .upgrade, filedOn: "2026-07-01", target: 4)
        try world.evaluate([up], on: "2026-11-10", totals: [75], stars: [4])
        _ = try world.issue(number: "31/QĐ-UBND", on: "2026-11-16")
        let now = try world.with { try $0.registerReport(asOf: d("2026-11-16")) }
        #expect(now.tally.byStars.map(\.count) == [2] && now.tally.byYear.map(\.year) == [2024, 2026])
        let upgrades = try world.with { try $0.upgradesReport() }
        #expect(upgrades.map(\.outcome) == [.granted] && upgrades[0].transition == "3★→4★" && upgrades[0].decision == "31/QĐ-UBND")
        let round = try world.with { try $0.roundReport(year: 2026, round: 2) }
        #expect(round.dossiers.map(\.outcome) == [.recognised] && round.meansBySet.map(\.set) == [1] && round.upgrades.count == 1)
    }
}
