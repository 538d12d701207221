import Foundation
import OCOPDomain
import Postgres

/// A product's star history: every recognition, upgrade, re-evaluation and revocation.
public struct RecognitionRepository {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// Records a recognition; `validUntil` defaults to 36 months after the decision (Art. 4.3).
    public func record(productID: Int, _ recognition: RecognitionRecord, illustrative: Bool, actor: PersonCode) throws {
        // The province that decided, as it was on the decision date (old certificates keep their old province).
        let provinceID = try UnitRepository(connection).provinceID(recognition.provinceCode, at: recognition.decisionDate)
        do {
            try connection.query("""
                INSERT INTO star_recognition (product_id, stars, score, year, decision_no, decision_date, valid_until,
                    rubric_version, province_id, illustrative, created_by)
                VALUES ($1, $2, $3, $4, $5, $6::date,
                    coalesce($7::date, ($6::date + interval '36 months')::date), $8, $9, $10, $11)
                """, [productID, recognition.stars, recognition.score, recognition.year, recognition.decisionNo?.nfc,
                      recognition.decisionDate, recognition.validUntil, recognition.rubricVersion, provinceID,
                      illustrative, actor.rawValue])
        } catch let error as PostgresError where error.serverError?.constraint == "star_recognition_rubric_version_fkey" {
            throw StoreError.notFound(.rubricVersion, recognition.rubricVersion)
        }
    }

    public func recognitions(productID: Int) throws -> [RecognitionRecord] {
        try connection.query("""
            SELECT s.stars, s.score, s.year, s.decision_no, s.decision_date::text, s.valid_until::text, s.rubric_version,
                   p.code AS province_code, s.revoked_at::text, s.revocation_reason
            FROM star_recognition s JOIN province p ON p.id = s.province_id
            WHERE s.product_id = $1 ORDER BY s.decision_date NULLS FIRST, s.id
            """, productID).map { row in
            RecognitionRecord(stars: try row["stars"], score: try row["score"], year: try row["year"], decisionNo: try row["decision_no"],
                        decisionDate: try row["decision_date"], validUntil: try row["valid_until"], rubricVersion: try row["rubric_version"],
                        provinceCode: try row["province_code"], revokedAt: try row["revoked_at"], revocationReason: try row["revocation_reason"])
        }
    }
}
