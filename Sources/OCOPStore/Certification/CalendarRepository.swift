import Foundation
import OCOPDomain
import Postgres

/// The evaluation calendar of Art. 5 with the extra rounds councils have scheduled.
public struct CalendarRepository {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// The statutory calendar plus every recorded extra round.
    public func calendar() throws -> EvaluationCalendar {
        let extras = try connection.query("""
            SELECT level, year, number, filing_deadline::text AS filing_deadline, evaluation_deadline::text AS evaluation_deadline, label
            FROM evaluation_round ORDER BY level, year, number
            """).map { row -> ExtraRound in
            let levelRaw: String = try row["level"]
            guard let level = CouncilLevel(rawValue: levelRaw) else { throw StoreError.corruptStoredValue(table: "evaluation_round", column: "level", value: levelRaw) }
            let label: String? = try row["label"]
            return ExtraRound(level: level, year: try row["year"], number: try row["number"],
                              filingDeadline: try Stored.requiredDate(row, "filing_deadline", table: "evaluation_round"),
                              evaluationDeadline: try Stored.requiredDate(row, "evaluation_deadline", table: "evaluation_round"),
                              label: label.map { LocalizedText(vi: $0, en: $0) })
        }
        // Stored rows passed the same checks when they were added.
        do { return try EvaluationCalendar(extraRounds: extras) } catch {
            throw StoreError.corruptStoredValue(table: "evaluation_round", column: "number", value: error.message(.en))
        }
    }

    /// Records an extra round; the domain checks its number and deadlines first.
    public func addExtraRound(_ round: ExtraRound, basis: String, actor: PersonCode) throws -> EvaluationRound {
        let trimmed = basis.nfc.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw StoreError.missing(field: "basis", what: LocalizedText(
                vi: "đợt bổ sung phải được quy định trong Quy chế hoạt động của Hội đồng và có kế hoạch (Điều 5): nêu văn bản đó",
                en: "an extra round must be provided for by the council's Quy chế and a plan (Art. 5): name that document"))
        }
        guard round.number <= 9 else {
            throw StoreError.invalid(field: "round", value: String(round.number), reason: LocalizedText(
                vi: "đợt bổ sung được đánh số từ 3 đến 9.", en: "extra rounds are numbered 3 to 9."))
        }
        return try connection.transaction { connection in
            let existing = try calendar()
            if existing.extraRounds.contains(where: { $0.id == round.id }) { throw StoreError.extraRoundExists(round.id.description) }
            let checked = try EvaluationCalendar(extraRounds: existing.extraRounds + [round])
            try connection.query("""
                INSERT INTO evaluation_round (level, year, number, filing_deadline, evaluation_deadline, label, basis, created_by)
                VALUES ($1, $2, $3, $4::date, $5::date, $6, $7, $8)
                """, [round.level.rawValue, round.year, round.number, round.filingDeadline.iso, round.evaluationDeadline.iso,
                      round.label?.vi.nfc, trimmed, actor.rawValue])
            return try checked.round(round.id)
        }
    }
}
