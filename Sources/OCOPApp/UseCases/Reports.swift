import Foundation
import OCOPDomain
import OCOPModels
import OCOPStore

/// The province's reports (`ocop report …`) and its annual targets, computed from stored data on
/// the day asked about (default today).
extension Workbench {
    // MARK: Targets

    /// Records a province's target for a year; the same values again are already recorded, other
    /// values a new revision only with `update`.
    public func setTarget(_ target: AnnualTarget, update: Bool = false) throws -> (view: TargetView, recorded: Bool) {
        try TargetRepository(try connection()).set(target, update: update, today: today, actor: actor)
    }

    public func targets(province: ProvinceCode? = nil, year: Int? = nil) throws -> [TargetView] {
        try TargetRepository(try connection()).targets(province: province, year: year)
    }

    // MARK: Reports

    /// The register on `asOf`: products with a certificate in force by stars, year of recognition,
    /// producer kind, commune, province and product set, with the year's target.
    public func registerReport(asOf: CalendarDate? = nil, province: ProvinceCode? = nil) throws -> RegisterReport {
        let connection = try connection()
        let day = asOf ?? today
        let entries = try ReportQueries(connection).registerEntries(asOf: day, provinceCode: province)
        let targets = TargetRepository(connection)
        let (this, next) = try targets.targets(forYear: day.year, provinceCode: province)
        let name = try province.map { try targets.province(code: $0, year: day.year).name }
        return RegisterReport(tally: RegisterTally(entries: entries, asOf: day), province: name, setTitles: try setTitles(),
                              target: this, nextTarget: next)
    }

    /// A round's dossiers by outcome and stars, the mean by product set, upgrades granted and not.
    public func roundReport(year: Int, round: Int) throws -> RoundReport {
        let (dossiers, totals) = try ReportQueries(try connection()).roundDossiers(year: year, round: round)
        let titles = try setTitles()
        let means = totals.keys.sorted().map { set in
            RoundReport.SetMean(set: set, title: titles[set] ?? "", dossiers: totals[set]!.dossiers, mean: ExactMean(sum: totals[set]!.sum, count: totals[set]!.count))
        }
        return RoundReport(year: year, round: round, dossiers: dossiers, meansBySet: means)
    }

    /// Every upgrade (optionally filed, or decided in the register, in `year`).
    public func upgradesReport(year: Int? = nil) throws -> [UpgradeRecord] {
        try ReportQueries(try connection()).upgrades(year: year)
    }

    /// Every listing seen on `asOf` (default today).
    public func listingsReport(asOf: CalendarDate? = nil) throws -> ListingsReport {
        let day = asOf ?? today
        return ListingsReport(asOf: day, listings: try MarketRepository(try connection()).listings(asOf: day))
    }

    /// Product set number → title, from the current rubric.
    func setTitles() throws -> [Int: String] {
        let catalog = try catalog()
        var titles: [Int: String] = [:]
        for number in 1...26 { titles[number] = (try? catalog.productSet(number))?.title }
        return titles
    }
}
