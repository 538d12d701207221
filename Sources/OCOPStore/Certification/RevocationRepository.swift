import Foundation
import OCOPDomain
import OCOPModels
import Postgres

/// Revocation (Art. 8) and post-recognition inspections (Art. 9).
public struct RevocationRepository {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// Records an inspection of a certificate and what it found per criterion.
    public func recordAudit(_ request: AuditRequest, actor: PersonCode) throws -> PostAuditView {
        try connection.transaction { connection in
            let certificate = try CertificateRepository(connection).certificate(request.certificate, asOf: request.concludedOn)
            if request.concludedOn < certificate.facts.issuedOn {
                throw StoreError.invalid(field: "date", value: request.concludedOn.iso, reason: LocalizedText(
                    vi: "ngày kết luận trước ngày cấp giấy chứng nhận (\(certificate.facts.issuedOn.display(.vi))).",
                    en: "the conclusion is dated before the certificate was issued (\(certificate.facts.issuedOn.display(.en)))."))
            }
            let findings = request.findings.map {
                CriterionFinding(criterion: $0.criterion.nfc.trimmingCharacters(in: .whitespaces), finding: $0.finding.nfc.trimmingCharacters(in: .whitespaces),
                                 maintained: $0.maintained)
            }
            if let empty = findings.first(where: { $0.criterion.isEmpty || $0.finding.isEmpty }) {
                throw StoreError.invalid(field: "finding", value: "\(empty.criterion): \(empty.finding)", reason: LocalizedText(
                    vi: "mỗi kết quả kiểm tra ghi mã tiêu chí và nội dung, vd. \"1.5: Không còn hợp đồng liên kết\".",
                    en: "each finding names a criterion and what was found, e.g. \"1.5: no supply contract any more\"."))
            }
            let misuse = request.markMisuse?.nfc.trimmingCharacters(in: .whitespacesAndNewlines)
            if findings.isEmpty && (misuse ?? "").isEmpty {
                throw StoreError.missing(field: "finding", what: LocalizedText(
                    vi: "biên bản hậu kiểm ghi ít nhất một tiêu chí đã kiểm tra hoặc việc sử dụng nhãn hiệu OCOP (Điều 9)",
                    en: "an inspection records at least one criterion checked, or the use of the OCOP mark (Art. 9)"))
            }
            let id = try connection.one("""
                INSERT INTO post_audit (certificate_id, kind, concluded_on, reference, mark_misuse, created_by)
                VALUES ($1, $2, $3::date, $4, $5, $6) RETURNING id
                """, [certificate.id, request.kind.rawValue, request.concludedOn.iso, request.reference?.nfc,
                      (misuse?.isEmpty ?? true) ? nil : misuse, actor.rawValue]).decode(Int.self, "id")
            for (i, f) in findings.enumerated() {
                try connection.query("""
                    INSERT INTO post_audit_finding (audit_id, position, criterion, finding, maintained) VALUES ($1, $2, $3, $4, $5)
                    """, [id, i + 1, f.criterion, f.finding, f.maintained])
            }
            return try audit(id: id)
        }
    }

    public func audit(id: Int) throws -> PostAuditView {
        guard let row = try connection.optional("""
            SELECT a.id, a.kind, a.concluded_on::text AS concluded_on, a.reference, a.mark_misuse, a.created_by,
                   s.cert_issuer, s.cert_year, s.cert_serial
            FROM post_audit a JOIN star_recognition s ON s.id = a.certificate_id WHERE a.id = $1
            """, id) else { throw StoreError.notFound(.certificate, "#\(id)") }
        return try decodeAudit(row)
    }

    /// The inspections of a certificate, oldest first.
    public func audits(certificateID: Int) throws -> [PostAuditView] {
        try connection.query("""
            SELECT a.id, a.kind, a.concluded_on::text AS concluded_on, a.reference, a.mark_misuse, a.created_by,
                   s.cert_issuer, s.cert_year, s.cert_serial
            FROM post_audit a JOIN star_recognition s ON s.id = a.certificate_id WHERE a.certificate_id = $1 ORDER BY a.concluded_on, a.id
            """, certificateID).map(decodeAudit)
    }

    private func decodeAudit(_ row: Row) throws -> PostAuditView {
        let id: Int = try row["id"]
        let kindRaw: String = try row["kind"]
        guard let kind = InspectionKind(rawValue: kindRaw) else { throw StoreError.corruptStoredValue(table: "post_audit", column: "kind", value: kindRaw) }
        let findings = try connection.query("SELECT criterion, finding, maintained FROM post_audit_finding WHERE audit_id = $1 ORDER BY position", id)
            .map { CriterionFinding(criterion: try $0["criterion"], finding: try $0["finding"], maintained: try $0["maintained"]) }
        let inspection = PostAuditInspection(
            kind: kind, certificate: try Stored.certificateNumber(issuer: try row["cert_issuer"], year: try row["cert_year"], serial: try row["cert_serial"]),
            concludedOn: try Stored.requiredDate(row, "concluded_on", table: "post_audit"), findings: findings, markMisuse: try row["mark_misuse"])
        return PostAuditView(id: id, inspection: inspection, reference: try row["reference"], recordedBy: try row["created_by"])
    }

    /// Revokes a certificate by a revocation decision. Refused: the wrong kind of authority (a
    /// province for 3★/4★, the Ministry for 5★) or a province other than the issuing one (or its
    /// successor); a date in the future, before the issue date, before the finding, or when the
    /// certificate is no longer in force; an inspection that does not support the ground. A
    /// decision later than 15 days after the finding is recorded and flagged (Art. 8.4).
    public func revoke(_ request: RevocationRequest, today: CalendarDate, actor: PersonCode) throws -> (certificate: CertificateView, timing: RevocationTiming, decision: DecisionView) {
        try connection.transaction { connection in
            let certificates = CertificateRepository(connection)
            // The row lock keeps two revocations (or a revocation and a decision) apart.
            guard let locked = try connection.optional("""
                SELECT id FROM star_recognition WHERE cert_issuer = $1 AND cert_year = $2 AND cert_serial = $3 FOR UPDATE
                """, request.certificate.issuer.code, request.certificate.year, request.certificate.serial) else {
                throw StoreError.notFound(.certificate, request.certificate.description)
            }
            let certificate = try certificates.certificate(id: try locked.decode(Int.self, "id"), asOf: request.decidedOn)
            if let existing = certificate.revocation {
                throw StoreError.certificateAlreadyRevoked(certificate: certificate.number.description, decision: existing.decisionNumber, on: existing.revokedOn)
            }
            guard request.decidedOn <= today else {
                throw CertificationError.decisionDateInFuture(decidedOn: request.decidedOn, today: today)
            }
            var findingOn = request.findingOn
            var audit: PostAuditView?
            if let auditID = request.auditID {
                let found = try self.audit(id: auditID)
                guard found.inspection.certificate == certificate.number else {
                    throw StoreError.auditOfAnotherCertificate(audit: auditID, certificate: certificate.number.description)
                }
                let supported = found.conclusion.grounds
                guard supported.contains(request.ground) else {
                    throw StoreError.groundNotSupported(audit: auditID, ground: request.ground.point, supported: supported.map(\.point))
                }
                findingOn = findingOn ?? found.inspection.concludedOn
                audit = found
            }
            guard let findingOn else {
                throw StoreError.missing(field: "finding_on", what: LocalizedText(
                    vi: "ngày có kết luận của cơ quan có thẩm quyền (hoặc xác nhận của UBND cấp xã): thời hạn 15 ngày tính từ ngày đó (khoản 4 Điều 8)",
                    en: "the date of the authority's conclusion (or the commune's confirmation): the 15 days run from it (Art. 8.4)"))
            }
            if findingOn > today {
                throw StoreError.invalid(field: "finding_on", value: findingOn.iso, reason: LocalizedText(
                    vi: "ngày kết luận sau ngày hôm nay (\(today.display(.vi))).", en: "the finding is dated after today (\(today.display(.en)))."))
            }
            let finding = request.finding.nfc.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !finding.isEmpty else {
                throw StoreError.missing(field: "finding", what: LocalizedText(vi: "nội dung kết luận làm căn cứ thu hồi", en: "what the finding says"))
            }
            let timing = try RevocationRules.check(certificate: certificate.record, authority: request.authority, ground: request.ground,
                                                   findingOn: findingOn, revokedOn: request.decidedOn)
            var provinceID: Int?
            if case .province(let code) = request.authority {
                let competent = try certificates.competentProvinceCode(certificateID: certificate.id, on: request.decidedOn)
                guard competent == code else {
                    throw StoreError.notCompetentProvince(certificate: certificate.number.description, given: code, competent: competent)
                }
                provinceID = try UnitRepository(connection).provinceID(code, at: request.decidedOn.iso)
            }
            let place = try DecisionRepository.place(request.place, provinceID: provinceID, connection)
            let decisionID: Int
            do {
                decisionID = try connection.transaction { connection in
                    try connection.one("""
                        INSERT INTO decision (kind, issuer_code, province_id, number, symbol, year, decided_on, place, signer_prefix, signer_title,
                            signer_name, legal_bases, proposer, agency, created_by)
                        VALUES ('revocation', $1, $2, $3, $4, $5, $6::date, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id
                        """, [request.authority.code, provinceID, request.number.number, request.number.symbol, request.decidedOn.year,
                              request.decidedOn.iso, place, request.signer.prefix?.nfc, request.signer.title.nfc, request.signer.name.nfc,
                              request.legalBases.map(\.nfc), request.proposer?.nfc, request.agency?.nfc, actor.rawValue]).decode(Int.self, "id")
                }
            } catch let error as PostgresError where error.serverError?.constraint == "decision_number_key" {
                let existing = try connection.one("SELECT decided_on::text AS decided_on FROM decision WHERE issuer_code = $1 AND year = $2 AND number = $3",
                                                  request.authority.code, request.decidedOn.year, request.number.number)
                throw StoreError.decisionNumberTaken(issuer: request.authority.code, year: request.decidedOn.year, number: request.number.description,
                                                     decidedOn: try Stored.requiredDate(existing, "decided_on", table: "decision"))
            }
            try connection.query("""
                INSERT INTO certificate_revocation (certificate_id, decision_id, ground, finding, finding_on, finding_ref, audit_id, revoked_on)
                VALUES ($1, $2, $3, $4, $5::date, $6, $7, $8::date)
                """, [certificate.id, decisionID, request.ground.rawValue, finding, findingOn.iso, (request.findingReference ?? audit?.reference)?.nfc, audit?.id,
                      request.decidedOn.iso])
            try connection.query("UPDATE star_recognition SET revoked_at = $2::date, revocation_reason = $3 WHERE id = $1",
                                 certificate.id, request.decidedOn.iso, request.ground.rawValue)
            let decision = try DecisionRepository(connection).decision(id: decisionID, asOf: request.decidedOn)
            return (try certificates.certificate(id: certificate.id, asOf: request.decidedOn), timing, decision)
        }
    }
}
