import Foundation
import OCOPDomain
import OCOPModels
import OCOPStore

/// Dossiers and their workflow.
extension Workbench {
    /// Opens a dossier, freezing the rubric version it will be evaluated under. The filing date
    /// (default today) places it in its round and is checked against the product's certificates:
    /// a first evaluation needs none in force, an upgrade or re-evaluation rests on one (Art. 6.1,
    /// 7.5, 7.6.a, 12.3).
    public func openDossier(_ opening: DossierOpening) throws -> Dossier {
        let opening = try opening.validated(today: today)
        try syncRubrics()
        return try DossierFiling(try connection()).open(opening, today: today, actor: actor)
    }

    public func dossiers(year: Int? = nil, status: DossierStatus? = nil, product: String? = nil) throws -> [Dossier] {
        let connection = try connection()
        let productID = try product.map { try ProductRepository(connection).product($0).id }
        return try DossierRepository(connection).dossiers(year: year, status: status, productID: productID)
    }

    public func dossier(_ code: DossierCode) throws -> Dossier {
        try DossierRepository(try connection()).dossier(code)
    }

    /// What a producer sees: state, holder, next step, dates, what is missing. One query; the
    /// rubric is never loaded.
    public func dossierStatus(_ code: DossierCode) throws -> DossierStatusView {
        try DossierRepository(try connection()).statusView(code)
    }

    public func dossierHistory(_ code: DossierCode) throws -> [DossierEvent] {
        try DossierRepository(try connection()).history(code)
    }

    @discardableResult
    public func advanceDossier(_ code: DossierCode, to target: DossierStatus? = nil, note: String? = nil) throws -> Dossier {
        try DossierRepository(try connection()).apply(.advance(to: target), to: code, actor: actor, note: note)
    }

    @discardableResult
    public func returnDossier(_ code: DossierCode, missing: [String], note: String? = nil) throws -> Dossier {
        try DossierRepository(try connection()).apply(.returnForCompletion(missing: missing), to: code, actor: actor, note: note)
    }

    @discardableResult
    public func withdrawDossier(_ code: DossierCode, note: String? = nil) throws -> Dossier {
        try DossierRepository(try connection()).apply(.withdraw, to: code, actor: actor, note: note)
    }
}
