import Foundation
import OCOPDomain
import OCOPModels
import OCOPRubrics
import OCOPStore

/// What an upgrade plan starts from.
public enum PlanBaseline: Sendable, Hashable {
    /// The council's latest sheets for a dossier.
    case dossier(DossierCode)
    /// The council's latest sheets for the product's most recent scored dossier.
    case product(String)
    /// A sheet file (a producer's self-assessment, an adviser's estimate) for a product set.
    case sheet(path: String, set: Int)
    /// The self-assessment stored on a dossier (`ocop dossier self-assess`).
    case selfAssessment(DossierCode)
}

/// An upgrade plan with where its baseline came from (docs/planner.md).
public struct PlanReport: Sendable, Codable, Hashable {
    public var dossier: DossierCode?
    public var session: SessionCode?
    public var productName: String?
    public var baselineFile: String?
    /// The stored self-assessment's version, when the plan starts from one.
    public var selfAssessmentVersion: Int?
    public var effortFile: String
    public var plan: UpgradePlan
}

extension Workbench {
    /// The cheapest set of criterion improvements that reaches `target` stars from `baseline`,
    /// costed by the bundled effort table or `effortFile`.
    public func plan(_ baseline: PlanBaseline, target: Int, effortFile: String? = nil, tourismCase: Int? = nil) throws -> PlanReport {
        let catalog = try catalog()
        let effortURL = effortFile.map { URL(fileURLWithPath: $0) } ?? EffortFile.defaultURL(scoring: configuration.share.scoring)
        if effortFile != nil { _ = try InputFile.data(effortURL.path, limit: InputFile.sheetLimit) }
        let costs = try EffortFile.load(from: effortURL, catalog: catalog)
        switch baseline {
        case let .sheet(path, set):
            let productSet = try catalog.productSet(set)
            let sheet = try readSheetFile(path, label: URL(fileURLWithPath: path).lastPathComponent, setNumber: set)
            let plan = try UpgradePlanner(productSet: productSet, costs: costs).plan([sheet], target: target, knockOuts: sheet.knockOuts, tourismCase: tourismCase)
            return PlanReport(dossier: nil, session: nil, productName: nil, baselineFile: path, selfAssessmentVersion: nil, effortFile: effortURL.path, plan: plan)
        case let .selfAssessment(code):
            let connection = try connection()
            let dossier = try DossierRepository(connection).dossier(code)
            guard let stored = try UpgradeRepository(connection).selfAssessment(dossierID: dossier.id) else { throw AppError.noSelfAssessment(code.rawValue) }
            // The sheet was validated against this frozen set when it was stored.
            let productSet = try RubricRepository(connection).frozenSet(hash: stored.rubricHash)
            let plan = try UpgradePlanner(productSet: productSet, costs: costs).plan([stored.sheet], target: target, knockOuts: [], tourismCase: tourismCase)
            return PlanReport(dossier: code, session: nil, productName: dossier.productName, baselineFile: nil, selfAssessmentVersion: stored.version,
                              effortFile: effortURL.path, plan: plan)
        case let .dossier(code):
            return try planFromCouncil(code, target: target, costs: costs, effortFile: effortURL.path, tourismCase: tourismCase)
        case let .product(reference):
            let connection = try connection()
            let product = try ProductRepository(connection).product(reference)
            let sessions = SessionRepository(connection)
            for dossier in try DossierRepository(connection).dossiers(productID: product.id).reversed()
            where try sessions.latestScoredSession(dossier: dossier.code) != nil {
                return try planFromCouncil(dossier.code, target: target, costs: costs, effortFile: effortURL.path, tourismCase: tourismCase)
            }
            throw AppError.noCouncilScores(product: product.code)
        }
    }

    private func planFromCouncil(_ code: DossierCode, target: Int, costs: EffortTable, effortFile: String, tourismCase: Int?) throws -> PlanReport {
        let connection = try connection()
        let sessions = SessionRepository(connection)
        _ = try DossierRepository(connection).dossier(code)
        guard let session = try sessions.latestScoredSession(dossier: code) else { throw AppError.noCouncilScoresForDossier(code.rawValue) }
        guard let entry = try sessions.snapshot(session).dossiers.first(where: { $0.code == code }) else {
            throw StoreError.dossierNotOnSession(dossier: code.rawValue, session: session.rawValue)
        }
        let productSet = try RubricRepository(connection).frozenSet(hash: entry.rubricHash)
        let plan = try UpgradePlanner(productSet: productSet, costs: costs)
            .plan(entry.sheets.map(\.sheet), target: target, knockOuts: entry.standingKnockOuts.map(\.declaration), tourismCase: tourismCase)
        return PlanReport(dossier: code, session: session, productName: entry.productName, baselineFile: nil, selfAssessmentVersion: nil,
                          effortFile: effortFile, plan: plan)
    }
}
