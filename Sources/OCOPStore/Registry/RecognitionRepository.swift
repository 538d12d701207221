import Foundation
import OCOPDomain
import Postgres

/// A product's star history: every recognition, upgrade, re-evaluation and revocation.
public struct RecognitionRepository {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// Records a historical recognition through the rules of an imported register
    /// (`RecognitionImport`): bands, 5★ only from the Ministry, no decision in the future, no
    /// overlap with the product's certificates except an upgrade or a renewal (which supersedes).
    /// `validUntil` defaults to 36 months after the decision (Art. 4.3).
    public func record(productID: Int, _ recognition: RecognitionRecord, illustrative: Bool, actor: PersonCode) throws {
        try connection.transaction { connection in
            let importer = RecognitionImport(connection, actor: actor)
            let problems = try importer.write([try importer.line(productID: productID, recognition, illustrative: illustrative)]).problems
            if !problems.isEmpty {
                throw StoreError.invalid(field: "recognition", value: "\(recognition.stars)★ \(recognition.decisionDate ?? "")", reason: LocalizedText(
                    vi: problems.map { $0.reason.vi }.joined(separator: "; "), en: problems.map { $0.reason.en }.joined(separator: "; ")))
            }
        }
    }

    public func recognitions(productID: Int) throws -> [RecognitionRecord] {
        try connection.query("""
            SELECT s.stars, s.score, s.year, s.decision_no, s.decision_date::text, s.valid_until::text, s.rubric_version,
                   p.code AS province_code, s.revoked_at::text, s.revocation_reason, s.issuer, s.certificate_no, s.superseded_on::text
            FROM star_recognition s JOIN province p ON p.id = s.province_id
            WHERE s.product_id = $1 ORDER BY s.decision_date NULLS FIRST, s.id
            """, productID).map { row in
            let issuer: String = try row["issuer"]
            return RecognitionRecord(
                stars: try row["stars"], score: try row["score"], year: try row["year"], decisionNo: try row["decision_no"],
                decisionDate: try row["decision_date"], validUntil: try row["valid_until"], rubricVersion: try row["rubric_version"],
                provinceCode: try row["province_code"], revokedAt: try row["revoked_at"], revocationReason: try row["revocation_reason"],
                issuer: try StoreError.decode(HistoricalIssuer.self, issuer, table: "star_recognition", column: "issuer"),
                certificateNumber: try row["certificate_no"], supersededOn: try row["superseded_on"])
        }
    }
}
