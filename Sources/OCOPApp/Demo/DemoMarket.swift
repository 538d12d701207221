import Foundation
import OCOPDomain
import OCOPModels
import OCOPStore

/// The demo after recognition (db/seed/README.md): what the round's upgrade dossiers claim and
/// self-assess when they are filed; then the seed report's chains, OCOP points of sale and
/// targets with dated listings, the mark an upgrade changes, the listings that must withdraw the
/// OCOP mark, and the 2020 register as the province's report printed it.
enum DemoMarket {
    static let files = ["outlets.csv", "listings.csv", "targets.csv", "claims-2026.csv", "self-assessments-2026.csv"]
    /// The day the Minister's 5★ certificate reaches the shelf.
    static let remarkDay = CalendarDate(year: 2026, month: 11, day: 25)!
    static let reportDay = CalendarDate(year: 2020, month: 12, day: 31)!

    static func bad(_ file: String, _ line: Int, _ vi: String, _ en: String) -> StoreError {
        StoreError.importFailed(file: file, problems: [ImportProblem(line: line, reason: LocalizedText(vi: vi, en: en))])
    }

    /// Records the claims and the self-assessment filed with an upgrade dossier (before its council).
    static func fileWithDossier(_ workbench: Workbench, dossier: Dossier, filedOn: CalendarDate, claims: [ImportRecord], selfAssessments: [ImportRecord],
                                path: (String) -> String, narrate: (DemoEvent) -> Void) throws {
        let connection = try workbench.connection()
        let mine = { (r: ImportRecord) in r.value("product_name") == dossier.productName }
        let repository = UpgradeRepository(connection)
        var claimed: [String] = []
        for record in claims.filter(mine) {
            guard let criterion = record.value("criterion"), let points = record.value("points").flatMap(Int.init), let change = record.value("change") else {
                throw bad(path("claims-2026.csv"), record.line, "cần tiêu chí, mức điểm và nội dung thay đổi", "criterion, points and change are needed")
            }
            let evidence = (record.value("evidence") ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let view = try workbench.at(filedOn, hour: 10) {
                try repository.addClaim(UpgradeClaim(criterion: criterion, claimedPoints: points, change: change, evidence: evidence), dossier: dossier.code,
                                        actor: workbench.actor)
            }
            claimed.append("\(view.claim.criterion) → \(view.claim.claimedPoints)")
        }
        var selfTotal: Int?
        for record in selfAssessments.filter(mine) {
            guard let total = record.value("total").flatMap(Int.init), let hash = dossier.rubricHash else {
                throw bad(path("self-assessments-2026.csv"), record.line, "cần tổng điểm", "the total is needed")
            }
            let set = try RubricRepository(connection).frozenSet(hash: hash)
            let band = set.bands.sorted { $0.minPoints > $1.minPoints }.first { total >= $0.minPoints }?.stars ?? 3
            guard let sheet = DemoSheets.sheet(set, total: total, stars: min(band, 5)) else {
                throw bad(path("self-assessments-2026.csv"), record.line, "không dựng được phiếu \(total) điểm", "no sheet of \(total) points")
            }
            selfTotal = try workbench.at(filedOn, hour: 10, minute: 30) {
                try repository.addSelfAssessment(sheet, dossier: dossier.code, source: "self-assessments-2026.csv", actor: workbench.actor).total
            }
        }
        guard !claimed.isEmpty || selfTotal != nil else { return }
        let own = selfTotal.map { LocalizedText(vi: "; phiếu tự đánh giá \($0) điểm", en: "; self-assessment \($0) points") }
        narrate(.say(LocalizedText(
            vi: "    Thay đổi so với sản phẩm đã công nhận (Điều 7.5): \(claimed.joined(separator: ", "))\(own?.vi ?? "").",
            en: "    Changes claimed against the recognised product (Art. 7.5): \(claimed.joined(separator: ", "))\(own?.en ?? "").")))
    }

    /// Outlets, dated listings and targets; the 5★ mark on the shelf; what must withdraw the mark;
    /// the 2020 register.
    static func run(_ workbench: Workbench, records: [String: [ImportRecord]], path: (String) -> String, narrate: (DemoEvent) -> Void) throws {
        narrate(.step(13, LocalizedText(vi: "Sau công nhận: nơi bán, chỉ tiêu kế hoạch, báo cáo của tỉnh", en: "After recognition: where products are sold, targets, the province's report")))
        let connection = try workbench.connection()
        let market = MarketRepository(connection)
        let opened = CalendarDate(year: 2019, month: 10, day: 1)!
        var kinds: [OutletKind: Int] = [:]
        for record in records["outlets.csv"] ?? [] {
            guard let code = record.value("code").flatMap(OutletCode.init(normalizing:)), let kind = record.value("kind").flatMap(OutletKind.init(flexible:)),
                  let name = record.value("name") else {
                throw bad(path("outlets.csv"), record.line, "mã, loại và tên kênh là bắt buộc", "code, kind and name are required")
            }
            _ = try workbench.at(opened) {
                try market.addOutlet(OutletDraft(code: code, kind: kind, name: name, chain: record.value("chain"), address: record.value("address"),
                                                 country: record.value("country").flatMap(CountryCode.init(normalizing:)), importer: record.value("importer"),
                                                 note: record.value("note")), actor: workbench.actor)
            }
            kinds[kind, default: 0] += 1
        }
        var count = 0
        let rows = (records["listings.csv"] ?? []).sorted { ($0.value("listed_on") ?? "", $0.line) < ($1.value("listed_on") ?? "", $1.line) }
        for record in rows {
            guard let name = record.value("product_name"), let producer = record.value("producer_registration_no"),
                  let product = try ProductRepository(connection).product(named: name, producerRegistrationNo: producer),
                  let outlet = record.value("outlet").flatMap(OutletCode.init(normalizing:)),
                  let listedOn = record.value("listed_on").flatMap(CalendarDate.init(iso:)) else {
                throw bad(path("listings.csv"), record.line, "sản phẩm, kênh hoặc ngày không hợp lệ", "unknown product or outlet, or a bad date")
            }
            let listing = try workbench.at(listedOn) {
                try market.addListing(ListingRequest(product: product.code, outlet: outlet, listedOn: listedOn, ocopMark: record.value("ocop_mark") != "false",
                                                     contractNo: record.value("contract_no")), today: workbench.today, actor: workbench.actor)
            }
            for raw in (record.value("mark_updates") ?? "").split(separator: ";") {
                guard let day = CalendarDate(iso: raw.trimmingCharacters(in: .whitespaces)) else {
                    throw bad(path("listings.csv"), record.line, "ngày cập nhật nhãn không hợp lệ", "a bad mark update date")
                }
                _ = try workbench.at(day) { try market.remark(id: listing.id, since: day, certificate: nil, today: workbench.today, actor: workbench.actor) }
            }
            if let ended = record.value("ended_on").flatMap(CalendarDate.init(iso:)) {
                _ = try workbench.at(ended, hour: 17) {
                    try market.endListing(id: listing.id, on: ended, reason: record.value("end_reason"), today: workbench.today, actor: workbench.actor)
                }
            }
            count += 1
        }
        var targets: [String] = []
        for record in records["targets.csv"] ?? [] {
            guard let code = record.value("province_code").flatMap(ProvinceCode.init(normalizing:)), let year = record.value("year").flatMap(Int.init),
                  let products = record.value("products").flatMap(Int.init), let setOn = CalendarDate(year: year, month: 1, day: 15) else {
                throw bad(path("targets.csv"), record.line, "mã tỉnh, năm, số sản phẩm là bắt buộc", "province code, year and products are required")
            }
            let view = try workbench.at(setOn) {
                try TargetRepository(connection).set(AnnualTarget(provinceCode: code, year: year, products: products, basis: record.value("basis"), note: record.value("note")),
                                                     update: false, today: workbench.today, actor: workbench.actor).view
            }
            targets.append("\(view.year): \(view.products)")
        }
        let points = kinds[.ocopPoint] ?? 0, chains = kinds[.supermarket] ?? 0
        narrate(.say(LocalizedText(
            vi: "  \(kinds.values.reduce(0, +)) kênh phân phối (\(chains) siêu thị của các chuỗi BigC, VinMart, Aeon; \(points) điểm giới thiệu và bán sản phẩm OCOP; hội chợ, sàn TMĐT, xuất khẩu), \(count) điểm bán có ngày; chỉ tiêu kế hoạch tỉnh 24: \(targets.joined(separator: "; ")) sản phẩm.",
            en: "  \(kinds.values.reduce(0, +)) outlets (\(chains) supermarkets of the BigC, VinMart and Aeon chains; \(points) OCOP display and sales points; a fair, e-commerce, export), \(count) dated listings; province 24's targets: \(targets.joined(separator: "; ")) products.")))

        // The Minister's 5★ certificate replaces the 3★ mark at AEON.
        if let wine = try ProductRepository(connection).product(named: "Rượu làng Vân truyền thống", producerRegistrationNo: "2400900046"),
           let shelf = try market.listings(productID: wine.id, outletID: try market.outlet(OutletCode(normalizing: "AEON-LB")!).id, asOf: workbench.today)
               .first(where: { $0.status == .mustWithdraw }) {
            narrate(.command("ocop listing update \(shelf.id) --date \(remarkDay.iso)"))
            let updated = try workbench.at(remarkDay) { try market.remark(id: shelf.id, since: remarkDay, certificate: nil, today: workbench.today, actor: workbench.actor) }
            if let mark = updated.facts.marks.last {
                narrate(.say(LocalizedText(
                    vi: "Điểm bán #\(updated.id) (\(updated.productName) tại \(updated.outlet.display)) mang nhãn OCOP của \(mark.certificate.number) (\(mark.certificate.stars)★) từ ngày \(mark.since.display(.vi)).",
                    en: "Listing #\(updated.id) (\(updated.productName) at \(updated.outlet.display)) carries the OCOP mark of \(mark.certificate.number) (\(mark.certificate.stars)★) from \(mark.since.display(.en)).")))
            }
        }
        narrate(.command("ocop listing list --must-withdraw"))
        narrate(.listings(try workbench.listings(mustWithdraw: true)))
        narrate(.command("ocop report register --as-of \(reportDay.iso)"))
        narrate(.registerReport(try workbench.registerReport(asOf: reportDay)))
    }
}
