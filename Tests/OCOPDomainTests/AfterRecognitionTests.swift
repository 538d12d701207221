import OCOPDomain
import Testing

/// Shares, targets, outlets, listings and the OCOP mark on any day, upgrade claims, the upgrade
/// diff and the register tally (docs/after-recognition.md).
@Suite("After recognition")
struct AfterRecognitionTests {
    // MARK: Shares and targets

    @Test("Shares print one decimal, half up, on integers: the seed report's figures")
    func shares() {
        #expect(Share(part: 24, whole: 95).display(.vi) == "25,3 %")
        #expect(Share(part: 71, whole: 95).display(.vi) == "74,7 %")
        #expect(Share(part: 50, whole: 57).display(.vi) == "87,7 %")
        #expect(Share(part: 4, whole: 57).display(.vi) == "7,0 %")
        #expect(Share(part: 3, whole: 57).display(.en) == "5.3 %")
        // 56 producers would not give the report's shares (db/seed/README.md).
        #expect(Share(part: 49, whole: 56).plain == "87.5" && Share(part: 4, whole: 56).plain == "7.1" && Share(part: 3, whole: 56).plain == "5.4")
        // Half up exactly on the edge: 1/16 = 6,25 % → 6,3 %; 1/8 = 12,5 % stays.
        #expect(Share(part: 1, whole: 16).plain == "6.3" && Share(part: 1, whole: 8).plain == "12.5")
        #expect(Share(part: 0, whole: 0).plain == "0.0" && Share(part: 7, whole: 7).plain == "100.0")
    }

    @Test("A target is met in whole percent: 49 of 32 is 153 %")
    func attainment() {
        let seed = TargetAttainment(achieved: 49, target: 32)
        #expect(seed.percent == 153 && seed.isMet && seed.display(.vi) == "49/32 sản phẩm, đạt 153 % kế hoạch")
        #expect(TargetAttainment(achieved: 1, target: 3).percent == 33 && TargetAttainment(achieved: 2, target: 3).percent == 67)
        #expect(TargetAttainment(achieved: 1, target: 8).percent == 13 && !TargetAttainment(achieved: 19, target: 20).isMet)
    }

    @Test("Targets: a year of the programme, a positive number of products")
    func targets() throws {
        let today = day("2026-12-05")
        let ok = try AnnualTarget(provinceCode: ProvinceCode(normalizing: "24")!, year: 2027, products: 20, basis: "  Kế hoạch 2027 ").validated(today: today)
        #expect(ok.basis == "Kế hoạch 2027")
        for (year, products) in [(2017, 5), (2028, 5), (2026, 0), (2026, 100_001)] {
            #expect(throws: DomainError.self) { try AnnualTarget(provinceCode: ProvinceCode(normalizing: "24")!, year: year, products: products).validated(today: today) }
        }
        #expect(ok.sameFacts(as: AnnualTarget(provinceCode: ProvinceCode(normalizing: "24")!, year: 2027, products: 20, basis: "Kế hoạch 2027")))
        #expect(!ok.sameFacts(as: AnnualTarget(provinceCode: ProvinceCode(normalizing: "24")!, year: 2027, products: 21, basis: "Kế hoạch 2027")))
    }

    // MARK: Outlets

    @Test("Outlet codes, countries and what each kind may carry")
    func outlets() throws {
        #expect(OutletCode(normalizing: " aeon-lb ")?.rawValue == "AEON-LB")
        for bad in ["", "-X", "Ă", "A B", String(repeating: "A", count: 41)] { #expect(OutletCode(normalizing: bad) == nil, "\(bad)") }
        #expect(CountryCode(normalizing: "jp")?.rawValue == "JP")
        for bad in ["VN", "J", "JPN", "J1", "ＪＰ"] { #expect(CountryCode(normalizing: bad) == nil, "\(bad)") }
        #expect(OutletKind(flexible: "ocop-point") == .ocopPoint && OutletKind(flexible: "siêu thị") == .supermarket && OutletKind(flexible: "shop") == .agent)
        #expect(OutletKind.codes.contains("trade-fair"))
        let code = OutletCode(normalizing: "XK-JP")!
        #expect(throws: DomainError.self) { try OutletDraft(code: code, kind: .export, name: "Nhật Bản").validated() }
        #expect(throws: DomainError.self) { try OutletDraft(code: code, kind: .supermarket, name: "A", country: CountryCode(normalizing: "JP")).validated() }
        #expect(throws: DomainError.self) { try OutletDraft(code: code, kind: .ocopPoint, name: "A", importer: "Công ty X").validated() }
        #expect(throws: DomainError.self) { try OutletDraft(code: code, kind: .ocopPoint, name: "A\u{1B}[2J").validated() }
        let export = try OutletDraft(code: code, kind: .export, name: " Nhật Bản ", country: CountryCode(normalizing: "JP"), importer: "Công ty A").validated()
        #expect(export.name == "Nhật Bản" && export.importer == "Công ty A")
        #expect(OutletKind.supermarket.isModernOrInternational && OutletKind.export.isModernOrInternational && !OutletKind.ocopPoint.isModernOrInternational)
    }

    @Test("The distribution criterion is 4.1 on every goods set and absent from tourism")
    func distributionCriterion() {
        for set in allSets {
            if set.number == 26 { #expect(set.distributionCriterion == nil) } else { #expect(set.distributionCriterion?.code == "4.1", "set \(set.number)") }
        }
    }

    // MARK: Listings

    static let first = certificate("GCN-24-2023-0005", stars: 3, issued: "2023-11-24", validUntil: "2026-11-24", superseded: nil)

    @Test("A listing's OCOP mark is in force while its certificate is; afterwards it must come off")
    func listingStatus() {
        let facts = ListingFacts(listedOn: day("2024-01-10"), ocopMark: true, marks: [ListingMark(since: day("2024-01-10"), certificate: Self.first)])
        #expect(facts.status(on: day("2024-01-09")) == .notYetListed)
        #expect(facts.status(on: day("2024-01-10")) == .listedOCOP)
        #expect(facts.status(on: day("2026-11-24")) == .listedOCOP)
        #expect(facts.status(on: day("2026-11-25")) == .mustWithdraw)
        #expect(facts.mustWithdrawSince(on: day("2026-12-05")) == day("2026-11-25"))
        #expect(facts.mustWithdrawSince(on: day("2026-11-01")) == nil)
        // Superseded by an upgrade: the shelf still shows the old stars until the new mark.
        let upgraded = certificate("GCN-24-2023-0005", stars: 3, issued: "2023-11-24", validUntil: "2026-11-24", superseded: "2026-05-20")
        let newer = certificate("GCN-24-2026-0009", stars: 4, issued: "2026-05-20")
        var remarked = ListingFacts(listedOn: day("2024-01-10"), ocopMark: true, marks: [ListingMark(since: day("2024-01-10"), certificate: upgraded)])
        #expect(remarked.status(on: day("2026-05-20")) == .mustWithdraw && remarked.mustWithdrawSince(on: day("2026-06-01")) == day("2026-05-20"))
        remarked = ListingFacts(listedOn: remarked.listedOn, ocopMark: true, marks: remarked.marks + [ListingMark(since: day("2026-06-01"), certificate: newer)])
        #expect(remarked.status(on: day("2026-05-31")) == .mustWithdraw && remarked.status(on: day("2026-06-01")) == .listedOCOP)
        #expect(remarked.mark(on: day("2026-06-01"))?.certificate.number == newer.number)
        // Revoked: from the revocation day.
        let revoked = certificate("GCN-24-2024-0004", issued: "2024-04-26", validUntil: "2027-04-26", revoked: "2026-12-01")
        let shelf = ListingFacts(listedOn: day("2024-06-01"), ocopMark: true, marks: [ListingMark(since: day("2024-06-01"), certificate: revoked)])
        #expect(shelf.status(on: day("2026-11-30")) == .listedOCOP && shelf.status(on: day("2026-12-01")) == .mustWithdraw)
        // Ended: the last day counts; the day after is ended, whatever the certificate.
        let ended = ListingFacts(listedOn: day("2024-06-01"), endedOn: day("2026-12-01"), ocopMark: true, marks: shelf.marks)
        #expect(ended.status(on: day("2026-12-01")) == .mustWithdraw && ended.status(on: day("2026-12-02")) == .ended)
        // Without the mark nothing has to come off.
        let plain = ListingFacts(listedOn: day("2020-01-01"), ocopMark: false)
        #expect(plain.status(on: day("2030-01-01")) == .listed && ListingStatus.listed.isOnSale && !ListingStatus.ended.isOnSale)
    }

    @Test("Only a product with a certificate in force may be listed as OCOP")
    func newListing() throws {
        let certificates = [Self.first]
        #expect(try ListingRules.markForNewListing(listedOn: day("2024-01-10"), certificates: certificates, chosen: nil, product: "P").number == Self.first.number)
        do {
            _ = try ListingRules.markForNewListing(listedOn: day("2026-11-25"), certificates: certificates, chosen: nil, product: "24-07678-001-2020")
            Issue.record("an expired certificate was accepted")
        } catch {
            #expect(error.fields == ["listed_on"])
            #expect(error.message(.vi).contains("không có giấy chứng nhận OCOP còn hiệu lực") && error.message(.vi).contains("GCN-24-2023-0005"))
            #expect(error.message(.en).contains("Record a listing without the mark"))
        }
        #expect(throws: DomainError.self) { try ListingRules.markForNewListing(listedOn: day("2023-01-01"), certificates: certificates, chosen: nil, product: "P") }
        #expect(throws: DomainError.self) {
            try ListingRules.markForNewListing(listedOn: day("2024-01-10"), certificates: certificates, chosen: gcn("GCN-24-2023-0099"), product: "P")
        }
        #expect(throws: DomainError.self) {
            try ListingRules.markForNewListing(listedOn: day("2026-12-01"), certificates: certificates, chosen: Self.first.number, product: "P")
        }
    }

    @Test("Ends and new marks follow what they change; nothing is dated after today")
    func endAndRemark() throws {
        let today = day("2026-12-05")
        let facts = ListingFacts(listedOn: day("2024-01-10"), ocopMark: true, marks: [ListingMark(since: day("2024-01-10"), certificate: Self.first)])
        try ListingRules.checkEnd(facts, endedOn: day("2026-11-24"), today: today)
        try ListingRules.checkEnd(facts, endedOn: day("2024-01-10"), today: today)
        for bad in ["2024-01-09", "2026-12-06"] { #expect(throws: DomainError.self) { try ListingRules.checkEnd(facts, endedOn: day(bad), today: today) } }
        let ended = ListingFacts(listedOn: facts.listedOn, endedOn: day("2025-01-01"), ocopMark: true, marks: facts.marks)
        #expect(throws: DomainError.self) { try ListingRules.checkEnd(ended, endedOn: day("2025-02-01"), today: today) }

        let renewed = certificate("GCN-24-2026-0008", issued: "2026-11-16")
        let both = [Self.first, renewed]
        #expect(try ListingRules.checkRemark(facts, since: day("2026-11-20"), certificates: both, chosen: nil, product: "P", today: today).number == renewed.number)
        #expect(throws: DomainError.self) { try ListingRules.checkRemark(facts, since: day("2026-11-26"), certificates: [Self.first], chosen: nil, product: "P", today: today) }
        #expect(throws: DomainError.self) { try ListingRules.checkRemark(facts, since: day("2024-01-10"), certificates: both, chosen: nil, product: "P", today: today) }
        #expect(throws: DomainError.self) { try ListingRules.checkRemark(facts, since: day("2026-11-01"), certificates: both, chosen: Self.first.number, product: "P", today: today) }
        #expect(throws: DomainError.self) { try ListingRules.checkRemark(facts, since: day("2026-12-06"), certificates: both, chosen: nil, product: "P", today: today) }
        #expect(throws: DomainError.self) { try ListingRules.checkRemark(ended, since: day("2025-02-01"), certificates: both, chosen: nil, product: "P", today: today) }
        let plain = ListingFacts(listedOn: day("2024-01-10"), ocopMark: false)
        #expect(throws: DomainError.self) { try ListingRules.checkRemark(plain, since: day("2026-11-20"), certificates: both, chosen: nil, product: "P", today: today) }
    }

    // MARK: Claims and the diff

    @Test("A claim names a scored criterion of the set and one of its options")
    func claims() throws {
        let honey = allSets[3]
        let ok = try UpgradeClaim(criterion: " 4.1 ", claimedPoints: 5, change: "  Bán tại siêu thị ", evidence: ["HĐ 05/2021/VM"]).validated(in: honey)
        #expect(ok.criterion == "4.1" && ok.change == "Bán tại siêu thị")
        let cases: [(UpgradeClaim, String)] = [
            (UpgradeClaim(criterion: "4", claimedPoints: 3, change: "x"), "criterion"),
            (UpgradeClaim(criterion: "99", claimedPoints: 3, change: "x"), "criterion"),
            (UpgradeClaim(criterion: "4.1", claimedPoints: 4, change: "x"), "claimed_points"),
            (UpgradeClaim(criterion: "4.1", claimedPoints: 5, change: "   "), "change"),
            (UpgradeClaim(criterion: "4.1", claimedPoints: 5, change: "x", evidence: ["a\u{0}b"]), "evidence"),
            (UpgradeClaim(criterion: "4.1", claimedPoints: 5, change: "x", evidence: Array(repeating: "HĐ", count: 21)), "evidence"),
        ]
        for (claim, field) in cases {
            do {
                _ = try claim.validated(in: honey)
                Issue.record("accepted \(claim)")
            } catch {
                #expect(error.fields == [field], "\(claim): \(error.message(.en))")
            }
        }
        // Tourism criteria with two cases accept the options of either.
        let tourism = allSets[25]
        let varied = try #require(tourism.scorableCriteria.first { $0.hasVariants })
        let point = varied.allowedPoints(variant: varied.variants.last!.number).last!
        #expect(try UpgradeClaim(criterion: varied.code, claimedPoints: point, change: "x").validated(in: tourism).claimedPoints == point)
    }

    /// Sheets of set 4 with every criterion at its lowest option but the ones given.
    static func sheets(_ raises: [[String: Int]]) -> [ScoreSheet] {
        let set = allSets[3]
        return raises.enumerated().map { i, raise in
            var answers: [String: SheetAnswer] = [:]
            for c in set.scorableCriteria { answers[c.code] = SheetAnswer(points: raise[c.code] ?? c.allowedPoints().first ?? 0) }
            for c in set.scorableCriteria where c.condition != nil && (answers[c.condition!.criterion]?.points ?? 0) < c.condition!.minPoints { answers[c.code] = 0 }
            return ScoreSheet(label: "m\(i)", answers: answers)
        }
    }

    @Test("The diff: means then and now, claims borne out or not, and the edge that decided")
    func diff() throws {
        let set = allSets[3]
        let best = set.bestSheet()
        // Now: two members at the best sheet, one with 4.1 at 3 and 10 at 1.
        let top = best.answers.mapValues(\.points)
        var weaker = top
        weaker["4.1"] = 3
        weaker["10"] = 1
        let now = Self.sheets([top, top, weaker])
        let then = Self.sheets([["4.1": 2, "10": 1], ["4.1": 3, "10": 1]])
        let result = try RatingEngine(productSet: set).rate(now)
        let claims = [UpgradeClaim(criterion: "4.1", claimedPoints: 5, change: "Siêu thị"), UpgradeClaim(criterion: "10", claimedPoints: 3, change: "HACCP"),
                      UpgradeClaim(criterion: "1.2", claimedPoints: 2, change: "VietGAP")]
        let diff = UpgradeDiff(productSet: set, sheets: now, result: result, target: 5, basisStars: 3, recognition: (set, then),
                               recognitionScore: .hundredths(6200), selfAssessment: best, claims: claims)
        let distribution = try #require(diff.rows.first { $0.criterion == "4.1" })
        #expect(distribution.atRecognition == ExactMean(sum: 5, count: 2) && distribution.now == ExactMean(sum: 13, count: 3))
        #expect(distribution.trend == .improved && distribution.claimOutcome == .partly)
        let quality = try #require(diff.rows.first { $0.criterion == "10" })
        #expect(quality.claimOutcome == .confirmed)  // (5 + 5 + 1) / 3 = 3,67 ≥ 3
        let area = try #require(diff.rows.first { $0.criterion == "1.2" })
        #expect(area.claimOutcome == (top["1.2"] ?? 0 >= 2 ? .confirmed : .notConfirmed))
        #expect(diff.selfAssessedTotal == set.maxPoints && distribution.selfAssessed == 5)
        #expect(diff.recognitionAverage != nil && diff.improvedCriteria.contains("4.1") && diff.notImprovedCriteria.contains("4.1"))
        // 4.1 < 5 on the mean: the 5★ minimum on it decides, whatever the band.
        #expect(diff.stars == result.stars && !diff.reached)
        #expect(distribution.decisive && diff.deciders.contains { if case .minimumUnmet(let c, _, 5, 5, _) = $0 { c == "4.1" } else { false } })

        // A pure band shortfall: every 4★ minimum met, the mean short of 70 by an exact amount.
        let low = try #require(set.sheet(totalling: 66, floors: set.starMinimumFloors(upTo: 4), label: "a"))
        let low2 = try #require(set.sheet(totalling: 67, floors: set.starMinimumFloors(upTo: 4), label: "b"))
        let short = UpgradeDiff(productSet: set, sheets: [low, low, low2], result: try RatingEngine(productSet: set).rate([low, low, low2]), target: 4,
                                basisStars: 3, recognition: nil, recognitionScore: nil, selfAssessment: nil, claims: [])
        // (66 + 66 + 67) / 3 = 66,333…: 3,67 short of 70.
        #expect(short.deciders.first == .bandShort(threshold: 70, average: ExactMean(sum: 199, count: 3), shortfall: 367))
        #expect(short.deciders.contains(.minimumsMet(stars: 4)) && short.rows.allSatisfy { $0.atRecognition == nil && $0.trend == nil })
        #expect(short.summary(.vi).contains("- Điểm trung bình 66,33 chưa đạt ngưỡng 70 điểm (thiếu 3,67 điểm)"))
        #expect(short.summary(.en)[0] == "The council's result: 3★ (66.33 points); target 4★: not reached.")

        let high = try #require(set.sheet(totalling: 73, floors: set.starMinimumFloors(upTo: 4), label: "c"))
        let reached = UpgradeDiff(productSet: set, sheets: [high], result: try RatingEngine(productSet: set).rate([high]), target: 4, basisStars: 3,
                                  recognition: nil, recognitionScore: .hundredths(6100), selfAssessment: nil, claims: [])
        #expect(reached.reached && reached.deciders == [.bandReached(threshold: 70, average: ExactMean(sum: 73, count: 1), margin: 300), .minimumsMet(stars: 4)])
        #expect(reached.summary(.vi)[1] == "Khi được công nhận: 3★ (61,00 điểm).")
    }

    // MARK: The register tally

    static func entry(_ id: Int, stars: Int, issued: String, producer: Int, kind: ProducerKind, commune: String = "Xuân Lương (Huyện Yên Thế)",
                      province: String = "Bắc Giang", set: Int = 1) -> RegisterEntry {
        RegisterEntry(productID: id, productCode: "24-07249-\(id)-2019", productName: "SP \(id)", productSet: set, producerID: producer, producerKind: kind,
                      commune: commune, province: province, certificate: certificate("GCN-24-\(issued.prefix(4))-\(1000 + id)", stars: stars, issued: issued))
    }

    @Test("The tally counts products by stars, year, producer kind, place and set, with shares")
    func tally() {
        let entries = [
            Self.entry(1, stars: 3, issued: "2019-09-26", producer: 1, kind: .cooperative),
            Self.entry(2, stars: 4, issued: "2019-12-27", producer: 1, kind: .cooperative, set: 4),
            Self.entry(3, stars: 3, issued: "2020-07-24", producer: 2, kind: .enterprise, commune: "Dĩnh Kế (Thành phố Bắc Giang)"),
            Self.entry(4, stars: 3, issued: "2020-12-25", producer: 3, kind: .household, commune: "Dĩnh Kế (Thành phố Bắc Giang)", set: 4),
        ]
        let t = RegisterTally(entries: entries, asOf: day("2020-12-31"))
        #expect(t.products == 4 && t.producers == 3)
        #expect(t.byStars.map(\.stars) == [4, 3] && t.byStars.map(\.count) == [1, 3] && t.byStars[1].share.display(.vi) == "75,0 %")
        #expect(t.byYear.map(\.year) == [2019, 2020] && t.byYear[0].byStars == [3: 1, 4: 1] && t.byYear[1].count == 2)
        #expect(t.byProducerKind.map(\.kind) == [.cooperative, .enterprise, .household] && t.byProducerKind[0].share.display(.en) == "33.3 %")
        #expect(t.byCommune.map(\.key) == ["Dĩnh Kế (Thành phố Bắc Giang)", "Xuân Lương (Huyện Yên Thế)"] && t.byProvince.map(\.count) == [4])
        #expect(t.bySet.map(\.set) == [1, 4])
        #expect(t.sentences(.vi) == [
            "Đến ngày 31/12/2020, có 4 sản phẩm OCOP đạt 3 sao trở lên còn hiệu lực (năm 2019 là 2 sản phẩm, năm 2020 là 2 sản phẩm), trong đó: có 1 sản phẩm 4 sao (chiếm 25,0 %); 3 sản phẩm 3 sao (chiếm 75,0 %).",
            "3 chủ thể có sản phẩm OCOP còn hiệu lực, trong đó 33,3 % hợp tác xã, 33,3 % doanh nghiệp nhỏ và vừa, 33,3 % hộ sản xuất, hộ gia đình có đăng ký kinh doanh.",
        ])
        #expect(RegisterTally(entries: [], asOf: day("2018-01-01")).sentences(.en) == ["On 2018-01-01 no OCOP product held a certificate in force."])
    }

    // MARK: The interactive sheet

    @Test("The interactive sheet shows the evidence on record under its criterion")
    func walkEvidence() {
        let set = allSets[0]
        let index = set.scorableCriteria.firstIndex { $0.code == "4.1" }!
        var walk = SheetWalk(productSet: set, title: "T", cursor: index)
        walk.evidence["4.1"] = ["Minh chứng tiêu chí 4.1 — sản phẩm đang bán tại 1 kênh:", "  - Siêu thị: Aeon · AEON Mall Long Biên"]
        let screen = walk.render(.vi)
        #expect(screen.contains("  Minh chứng tiêu chí 4.1 — sản phẩm đang bán tại 1 kênh:") && screen.contains("    - Siêu thị: Aeon · AEON Mall Long Biên"))
        var other = walk
        _ = other.handle(.skip)
        #expect(!other.render(.vi).contains { $0.contains("Minh chứng tiêu chí 4.1") })
    }
}
