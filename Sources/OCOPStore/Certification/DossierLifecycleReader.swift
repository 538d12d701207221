import Foundation
import OCOPDomain
import OCOPModels
import Postgres

/// The star-lifecycle part of `ocop dossier status`, read in the same single query: the filing
/// date and round, the certificate the dossier was given or rests on, the re-evaluation's
/// complete-file date, the latest council result — and "today" from the database's clock.
enum DossierLifecycleReader {
    /// One certificate as JSON (decoded by `CertificateJSON`).
    static func certificateJSON(_ alias: String) -> String {
        """
        json_build_object('issuer', \(alias).cert_issuer, 'year', \(alias).cert_year, 'serial', \(alias).cert_serial, 'stars', \(alias).stars,
            'issuedOn', \(alias).decision_date, 'validUntil', \(alias).valid_until, 'revokedOn', \(alias).revoked_at,
            'supersededOn', \(alias).superseded_on, 'extendedUntil', \(alias).extended_until, 'decision', \(alias).decision_no,
            'supersededBy', (SELECT x.certificate_no FROM star_recognition x WHERE x.id = \(alias).superseded_by),
            'revocation', (SELECT rd.number || '/' || rd.symbol FROM certificate_revocation rv JOIN decision rd ON rd.id = rv.decision_id
                           WHERE rv.certificate_id = \(alias).id))
        """
    }

    static let columns = """
        d.filed_on::text AS lc_filed_on, d.under_transition AS lc_transition, \(Stored.today)::text AS lc_today,
        er.filing_deadline::text AS lc_er_filing, er.evaluation_deadline::text AS lc_er_evaluation, er.label AS lc_er_label,
        (SELECT max(x.at) FROM dossier_event x WHERE x.dossier_id = d.id AND x.to_status = 'provincial_review') AS lc_complete_at,
        lr.held_on::text AS lc_result_on, lr.level AS lc_result_level, lr.stars AS lc_result_stars,
        ce.cert::text AS lc_certificate, be.cert::text AS lc_basis
        """

    static let joins = """
        LEFT JOIN evaluation_round er ON er.level = 'provincial' AND er.year = d.year AND er.number = d.round
        LEFT JOIN LATERAL (SELECT s.held_on, c.level, r.stars FROM council_result r JOIN council_session s ON s.id = r.session_id
                           JOIN council c ON c.id = s.council_id WHERE r.dossier_id = d.id ORDER BY s.held_on DESC LIMIT 1) lr ON true
        LEFT JOIN LATERAL (SELECT \(certificateJSON("sc")) AS cert FROM star_recognition sc WHERE sc.dossier_id = d.id ORDER BY sc.id DESC LIMIT 1) ce ON true
        LEFT JOIN LATERAL (SELECT \(certificateJSON("sb")) AS cert FROM star_recognition sb WHERE sb.id = d.basis_certificate_id) be ON true
        """

    struct CertificateJSON: Decodable {
        let issuer: String
        let year: Int
        let serial: Int
        let stars: Int
        let issuedOn: CalendarDate
        let validUntil: CalendarDate
        let revokedOn: CalendarDate?
        let supersededOn: CalendarDate?
        let extendedUntil: CalendarDate?
        let decision: String?
        let supersededBy: String?
        let revocation: String?

        func summary() throws -> CertificateSummary {
            CertificateSummary(
                number: try Stored.certificateNumber(issuer: issuer, year: year, serial: serial), stars: stars,
                facts: CertificateFacts(issuedOn: issuedOn, validUntil: validUntil, revokedOn: revokedOn, supersededOn: supersededOn, extendedUntil: extendedUntil),
                decisionNumber: decision, supersededBy: try supersededBy.map(Stored.certificateNumber), revocationDecision: revocation)
        }
    }

    static func certificate(_ row: Row, _ column: String) throws -> CertificateSummary? {
        let stored: JSONText? = try row[column]
        guard let json = stored else { return nil }
        do { return try json.decode(as: CertificateJSON.self).summary() } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.corruptStoredValue(table: "star_recognition", column: column, value: json.text)
        }
    }

    /// The evaluation round a dossier is recorded in: statutory, or an extra one from its row.
    static func round(level: CouncilLevel, year: Int, number: Int, filing: CalendarDate?, evaluation: CalendarDate?, label: String?) -> EvaluationRound? {
        if (1...2).contains(number) { return try? EvaluationCalendar.statutory.round(RoundID(level: level, year: year, number: number)) }
        guard let filing, let evaluation else { return nil }
        let extra = ExtraRound(level: level, year: year, number: number, filingDeadline: filing, evaluationDeadline: evaluation,
                               label: label.map { LocalizedText(vi: $0, en: $0) })
        return try? EvaluationCalendar(extraRounds: [extra]).round(extra.id)
    }

    static func decode(_ row: Row, kind: DossierKind, status: DossierStatus, councilDate: CalendarDate?) throws -> DossierLifecycleView {
        let filedOn = try Stored.requiredDate(row, "lc_filed_on", table: "dossier")
        let round = Self.round(level: .provincial, year: try row["year"], number: try row["round"],
                               filing: try Stored.date(row, "lc_er_filing", table: "evaluation_round"),
                               evaluation: try Stored.date(row, "lc_er_evaluation", table: "evaluation_round"), label: try row["lc_er_label"])
        let complete: Date? = try row["lc_complete_at"]
        let resultLevel: String? = try row["lc_result_level"]
        let resultStars: Int? = try row["lc_result_stars"]
        let asOf = try Stored.requiredDate(row, "lc_today", table: "clock")
        let waiting = councilDate == nil && status.beforeProvincialCouncil
        return DossierLifecycleView(
            filedOn: filedOn, round: round,
            roundFlags: round.map { EvaluationCalendar.statutory.flags(round: $0, filedOn: filedOn, sessionOn: councilDate, waitingOn: waiting ? asOf : nil) } ?? [],
            certificate: try certificate(row, "lc_certificate"), basis: try certificate(row, "lc_basis"),
            underTransition: try row["lc_transition"],
            reEvaluation: kind == .reEvaluation ? complete.map { ReEvaluationDeadline(completeFileOn: Stored.vietnamDay($0)) } : nil,
            resultOn: try Stored.date(row, "lc_result_on", table: "council_session"),
            awaitingMinistry: status == .awaitingDecision && resultLevel == CouncilLevel.central.rawValue && resultStars == 5,
            asOf: asOf)
    }
}
