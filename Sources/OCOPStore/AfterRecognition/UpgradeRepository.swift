import Foundation
import OCOPDomain
import OCOPModels
import Postgres

/// What a dossier files besides its council's sheets: the changes an upgrade or re-evaluation
/// claims against the recognised product (Art. 7.5), and the producer's self-assessment
/// (Mẫu 02 Part III). Both are part of the file the council evaluates, so they are recorded
/// before the council's result; claims are never changed, a self-assessment is corrected by a
/// new version.
public struct UpgradeRepository {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// The dossier under a row lock, its frozen product set, and whether its council has a result.
    private func openFile(_ code: DossierCode, what: LocalizedText) throws -> (dossier: Dossier, set: ProductSet, hash: String) {
        guard try connection.optional("SELECT 1 FROM dossier WHERE code = $1 FOR UPDATE", code.rawValue) != nil else {
            throw StoreError.notFound(.dossier, code.rawValue)
        }
        let dossier = try DossierRepository(connection).dossier(code)
        let decided = try connection.optional("SELECT 1 FROM council_result WHERE dossier_id = $1 LIMIT 1", dossier.id) != nil
        if decided || dossier.status.isTerminal {
            throw StoreError.invalid(field: "dossier", value: code.rawValue, reason: LocalizedText(
                vi: "hồ sơ đã có kết quả của Hội đồng (\(dossier.status.label(.vi))): \(what(.vi)) là một phần hồ sơ nộp trước khi Hội đồng đánh giá.",
                en: "the dossier already has the council's result (\(dossier.status.label(.en))): \(what(.en)) is part of the file the council evaluates."))
        }
        guard let hash = dossier.rubricHash else { throw StoreError.rubricWithoutTables(version: dossier.rubricVersion, dossier: dossier.code.rawValue) }
        return (dossier, try RubricRepository(connection).frozenSet(hash: hash), hash)
    }

    // MARK: Claims

    /// Records a claim of an upgrade or re-evaluation dossier, checked against its frozen set.
    public func addClaim(_ claim: UpgradeClaim, dossier code: DossierCode, actor: PersonCode) throws -> ClaimView {
        try mapped {
            try connection.transaction { connection in
                let file = try openFile(code, what: LocalizedText(vi: "thay đổi so với sản phẩm đã được công nhận", en: "a claimed change"))
                guard file.dossier.kind != .firstEvaluation else {
                    throw StoreError.invalid(field: "dossier", value: code.rawValue, reason: LocalizedText(
                        vi: "hồ sơ đánh giá lần đầu không có sản phẩm đã được công nhận để so sánh; chỉ hồ sơ nâng hạng (hoặc đánh giá lại) ghi thay đổi (Điều 7.5).",
                        en: "a first evaluation has no recognised product to compare with; only an upgrade (or re-evaluation) dossier claims changes (Art. 7.5)."))
                }
                let checked = try claim.validated(in: file.set)
                if try connection.optional("SELECT 1 FROM upgrade_claim WHERE dossier_id = $1 AND criterion = $2", file.dossier.id, checked.criterion) != nil {
                    throw StoreError.rejected(constraint: "upgrade_claim_pkey", field: "criterion", value: checked.criterion, kind: .conflict, reason: LocalizedText(
                        vi: "Hồ sơ \(code) đã ghi thay đổi cho tiêu chí \(checked.criterion); thay đổi đã ghi không sửa được.",
                        en: "Dossier \(code) already claims a change on criterion \(checked.criterion); a recorded claim is not changed."))
                }
                let position = try connection.one("SELECT coalesce(max(position), 0) + 1 AS p FROM upgrade_claim WHERE dossier_id = $1", file.dossier.id)
                    .decode(Int.self, "p")
                try connection.query("""
                    INSERT INTO upgrade_claim (dossier_id, criterion, position, claimed_points, change, evidence, recorded_by)
                    VALUES ($1, $2, $3, $4, $5, $6::text[], $7)
                    """, [file.dossier.id, checked.criterion, position, checked.claimedPoints, checked.change.nfc, checked.evidence.map(\.nfc), actor.rawValue])
                return ClaimView(position: position, claim: checked, criterionTitle: file.set.criterion(checked.criterion)?.shortTitle ?? "", recordedBy: actor.rawValue)
            }
        }
    }

    /// A dossier's claims, in the order recorded.
    public func claims(dossierID: Int) throws -> [ClaimView] {
        let hash = try connection.optional("SELECT rubric_hash FROM dossier WHERE id = $1", dossierID)?.decode(String?.self, "rubric_hash")
        let set = try hash.map { try RubricRepository(connection).frozenSet(hash: $0) }
        return try connection.query("""
            SELECT position, criterion, claimed_points, change, evidence, recorded_by FROM upgrade_claim WHERE dossier_id = $1 ORDER BY position
            """, dossierID).map { row in
            let criterion: String = try row["criterion"]
            return ClaimView(position: try row["position"],
                             claim: UpgradeClaim(criterion: criterion, claimedPoints: try row["claimed_points"], change: try row["change"], evidence: try row["evidence"]),
                             criterionTitle: set?.criterion(criterion)?.shortTitle ?? "", recordedBy: try row["recorded_by"])
        }
    }

    // MARK: Self-assessment

    /// Records the producer's self-assessment as the dossier's next version, validated (and
    /// totalled) by the rating engine against the dossier's frozen set.
    public func addSelfAssessment(_ sheet: ScoreSheet, dossier code: DossierCode, source: String?, actor: PersonCode) throws -> SelfAssessmentView {
        let sourceText = try Validate.optionalText(source, field: "sheet", limit: FieldLimit.name)
        return try mapped {
            try connection.transaction { connection in
                let file = try openFile(code, what: LocalizedText(vi: "phiếu tự đánh giá", en: "the self-assessment"))
                let labelled = ScoreSheet(label: "self", answers: sheet.answers)
                let rated: RatingResult
                do throws(SheetValidationError) { rated = try RatingEngine(productSet: file.set).rate([labelled]) } catch { throw DomainError.invalidSheet(error) }
                let version = try connection.one("SELECT coalesce(max(version), 0) + 1 AS v FROM self_assessment WHERE dossier_id = $1", file.dossier.id)
                    .decode(Int.self, "v")
                let id = try connection.one("""
                    INSERT INTO self_assessment (dossier_id, version, rubric_version, rubric_hash, total, source, submitted_by)
                    VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id
                    """, [file.dossier.id, version, file.dossier.rubricVersion, file.hash, rated.members[0].total, sourceText?.nfc, actor.rawValue])
                    .decode(Int.self, "id")
                let ordered = labelled.answers.sorted { $0.key < $1.key }
                try connection.query("""
                    INSERT INTO self_assessment_answer (assessment_id, criterion, points, variant)
                    SELECT $1, c, p, v FROM unnest($2::text[], $3::smallint[], $4::smallint[]) AS t (c, p, v)
                    """, id, ordered.map(\.key), PostgresIntArray(ordered.map { $0.value.points }), PostgresIntArray(ordered.map { $0.value.variant }))
                guard let stored = try selfAssessment(dossierID: file.dossier.id) else { throw StoreError.notFound(.dossier, code.rawValue) }
                return stored
            }
        }
    }

    /// The latest self-assessment of a dossier.
    public func selfAssessment(dossierID: Int) throws -> SelfAssessmentView? {
        guard let row = try connection.optional("""
            SELECT a.id, d.code, a.version, a.total, a.rubric_version, a.rubric_hash, a.source, a.submitted_at, a.submitted_by
            FROM self_assessment a JOIN dossier d ON d.id = a.dossier_id WHERE a.dossier_id = $1 ORDER BY a.version DESC LIMIT 1
            """, dossierID) else { return nil }
        let id: Int = try row["id"]
        var answers: [String: SheetAnswer] = [:]
        for a in try connection.query("SELECT criterion, points, variant FROM self_assessment_answer WHERE assessment_id = $1", id) {
            answers[try a["criterion"]] = SheetAnswer(points: try a["points"], variant: try a["variant"])
        }
        return SelfAssessmentView(dossier: try DossierRepository.code(try row["code"]), version: try row["version"], total: try row["total"],
                                  sheet: ScoreSheet(label: "self", answers: answers), rubricVersion: try row["rubric_version"],
                                  rubricHash: try row["rubric_hash"], source: try row["source"], submittedAt: try row["submitted_at"],
                                  submittedBy: try row["submitted_by"])
    }

    // MARK: What a diff compares

    /// The certificate an upgrade or re-evaluation rests on, and the dossier that certificate was
    /// issued on (when the workbench issued it).
    public func basis(dossierID: Int) throws -> (certificateID: Int, recognitionDossier: DossierCode?)? {
        guard let row = try connection.optional("""
            SELECT d.basis_certificate_id AS id, r.code AS recognition FROM dossier d
            LEFT JOIN star_recognition s ON s.id = d.basis_certificate_id LEFT JOIN dossier r ON r.id = s.dossier_id
            WHERE d.id = $1 AND d.basis_certificate_id IS NOT NULL
            """, dossierID) else { return nil }
        let recognition: String? = try row["recognition"]
        return (try row["id"], try recognition.map(DossierRepository.code))
    }
}
