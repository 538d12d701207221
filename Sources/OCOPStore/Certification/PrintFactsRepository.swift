import Foundation
import OCOPDomain
import OCOPModels
import Postgres

/// Facts printed documents need that no view model gathers: a dossier's product and producer
/// lines, a member's stored sheet with its session.
public struct PrintFactsRepository {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// The product and producer facts printed for `dossiers`, by dossier code.
    public func printFacts(_ dossiers: [DossierCode]) throws -> [DossierCode: DossierPrintFacts] {
        guard !dossiers.isEmpty else { return [:] }
        let rows = try connection.query("""
            SELECT d.code, d.year, d.round, pr.name AS product_name, pr.code AS product_code, pr.product_set, p.name AS producer_name,
                   p.phone, coalesce(p.address, c.name || ', ' || pv.name) AS address
            FROM dossier d JOIN product pr ON pr.id = d.product_id JOIN producer p ON p.id = pr.producer_id
            JOIN commune c ON c.id = pr.commune_id JOIN province pv ON pv.id = c.province_id
            WHERE d.code = ANY ($1::text[])
            """, dossiers.map(\.rawValue))
        var facts: [DossierCode: DossierPrintFacts] = [:]
        for row in rows {
            guard let code = DossierCode(normalizing: try row.decode(String.self, "code")) else { continue }
            facts[code] = DossierPrintFacts(
                dossier: code, year: try row["year"], round: try row["round"], productName: try row["product_name"],
                productCode: try row["product_code"], productSet: try row["product_set"], producerName: try row["producer_name"],
                producerPhone: try row["phone"], producerAddress: try row["address"])
        }
        return facts
    }

    /// A member's submitted sheet for a dossier (the latest version, or `version`), with the
    /// session it was submitted to: its day and place; `nil` when there is no such sheet.
    public func storedSheet(dossier: DossierCode, person: PersonCode, version: Int? = nil) throws -> (sheet: StoredSheet, session: SessionCode, heldOn: CalendarDate, place: String?)? {
        let versions = try ScoreRepository(connection).history(dossier: dossier, person: person)
        guard let chosen = version.map({ v in versions.first { $0.version == v } }) ?? versions.last else { return nil }
        let answers = try SessionSnapshotReader(connection).sheets(ids: [chosen.id])
        guard var sheet = answers[chosen.id] else {
            throw StoreError.corruptStoredValue(table: "score_answer", column: "sheet_id", value: String(chosen.id))
        }
        sheet = ScoreSheet(label: person.rawValue, answers: sheet.answers, knockOuts: sheet.knockOuts)
        let row = try connection.one("""
            SELECT c.code, c.held_on::text AS held_on, c.place FROM score_sheet s JOIN council_session c ON c.id = s.session_id WHERE s.id = $1
            """, chosen.id)
        return (StoredSheet(meta: chosen, sheet: sheet), try SessionSnapshotReader.session(try row["code"]),
                try Stored.requiredDate(row, "held_on", table: "council_session"), try row["place"])
    }
}
