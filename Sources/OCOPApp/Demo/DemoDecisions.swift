import Foundation
import OCOPDomain
import OCOPModels
import OCOPStore

/// The demo after the provincial council: the province's decision (certificates numbered, one
/// upgrade not granted, the ≥ 90 result approved for the Ministry), the central council and the
/// Minister's 5★ decision (an upgrade that supersedes), a post-audit and a revocation, then the
/// register and who must be invited to re-evaluation. Names and numbers are illustrative.
enum DemoDecisions {
    /// The last day the story needs: its decisions are dated up to it.
    static let lastDay = CalendarDate(year: 2026, month: 12, day: 1)!
    static let provincialDecision = CalendarDate(year: 2026, month: 11, day: 16)!
    static let centralSession = CalendarDate(year: 2026, month: 11, day: 18)!
    static let ministryDecision = CalendarDate(year: 2026, month: 11, day: 20)!
    static let auditConcluded = CalendarDate(year: 2026, month: 11, day: 20)!

    static let centralCouncil = CouncilCode(normalizing: "TW-HD-2026")!
    static let centralMembers: [(String, String, String, CouncilRole)] = [
        ("tw-ct-pham-quoc-bao", "Phạm Quốc Bảo", "Bộ Nông nghiệp và Môi trường", .chair),
        ("tw-pct-do-thi-huong", "Đỗ Thị Hương", "Văn phòng Điều phối nông thôn mới Trung ương", .viceChair),
        ("tw-uv-nguyen-hai-nam", "Nguyễn Hải Nam", "Bộ Công Thương", .member),
        ("tw-uv-le-thu-trang", "Lê Thu Trang", "Bộ Y tế", .member),
        ("tw-uv-tran-van-loc", "Trần Văn Lộc", "Bộ Khoa học và Công nghệ", .member),
        ("tw-tk-vu-minh-chau", "Vũ Minh Châu", "Văn phòng Điều phối nông thôn mới Trung ương", .secretary),
    ]

    static func person(_ raw: String) -> PersonCode { PersonCode(normalizing: raw)! }

    /// Runs the story; returns the upgrade the province's decision did not grant.
    static func run(_ workbench: Workbench, dossiers: [DossierCode], narrate: (DemoEvent) -> Void) throws -> DossierCode? {
        guard !dossiers.isEmpty else { return nil }

        narrate(.step(6, LocalizedText(vi: "Quyết định công nhận của Chủ tịch UBND tỉnh (Điều 7.3.e)", en: "The provincial chair's recognition decision (Art. 7.3.e)")))
        let province = IssuingAuthority.province(code: "24")
        narrate(.command("ocop decision draft --authority 24 --date 2026-11-16"))
        narrate(.draft(try workbench.at(provincialDecision) { try workbench.decisionDraft(authority: province, on: provincialDecision) }))
        narrate(.command("ocop decision issue --authority 24 --number 1523/QĐ-UBND --date 2026-11-16 --signer-prefix \"KT. CHỦ TỊCH\" --signer-title \"PHÓ CHỦ TỊCH\" --signer-name \"Lê Minh Khoa\""))
        let provincial = try workbench.at(provincialDecision, hour: 15) {
            try workbench.issueDecision(DecisionRequest(
                authority: province, number: try DecisionNumber(parsing: "1523/QĐ-UBND"), decidedOn: provincialDecision,
                signer: DecisionSigner(prefix: "KT. CHỦ TỊCH", title: "PHÓ CHỦ TỊCH", name: "Lê Minh Khoa"),
                proposer: "Giám đốc Sở Nông nghiệp và Môi trường", submissionNumber: "412/TTr-SNNMT",
                submissionDate: CalendarDate(year: 2026, month: 11, day: 12)!))
        }
        narrate(.decision(provincial))
        let notGranted = provincial.notGranted.first?.candidate.dossier

        narrate(.step(7, LocalizedText(vi: "Hội đồng cấp trung ương (Điều 7.4)", en: "The central council (Art. 7.4)")))
        for entry in provincial.proposed {
            let code = entry.candidate.dossier
            try workbench.at(provincialDecision.adding(days: 1)) {
                try workbench.advanceDossier(code, note: "UBND tỉnh Bắc Ninh gửi hồ sơ đề nghị Bộ Nông nghiệp và Môi trường đánh giá 5 sao")
            }
            narrate(.say(LocalizedText(vi: "\(code) \(entry.candidate.productName): UBND tỉnh gửi hồ sơ lên Bộ (trung ương đánh giá).",
                                       en: "\(code) \(entry.candidate.productName): the province sends the dossier to the Ministry (central review).")))
        }
        let central = provincial.proposed.map(\.candidate.dossier)
        guard !central.isEmpty else { return notGranted }
        try workbench.at(centralSession) {
            try centralRound(workbench, dossiers: central, narrate: narrate)
        }

        narrate(.step(8, LocalizedText(vi: "Quyết định công nhận 5★ của Bộ trưởng (Điều 7.4.e)", en: "The Minister's 5★ decision (Art. 7.4.e)")))
        narrate(.command("ocop decision issue --authority BNNMT --number 2150/QĐ-BNNMT --date 2026-11-20 --signer-prefix \"KT. BỘ TRƯỞNG\" --signer-title \"THỨ TRƯỞNG\" --signer-name \"Hoàng Văn Thắng\""))
        narrate(.decision(try workbench.at(ministryDecision) {
            try workbench.issueDecision(DecisionRequest(
                authority: .ministry, number: try DecisionNumber(parsing: "2150/QĐ-BNNMT"), decidedOn: ministryDecision,
                signer: DecisionSigner(prefix: "KT. BỘ TRƯỞNG", title: "THỨ TRƯỞNG", name: "Hoàng Văn Thắng")))
        }))

        narrate(.step(9, LocalizedText(vi: "Hậu kiểm và thu hồi (Điều 8, 9)", en: "Post-audit and revocation (Art. 8, 9)")))
        let melon = try workbench.certificates(CertificateFilter(currentOnly: true), product: try productCode(workbench, "Dưa lưới Song Vân", "2400900040"))
        if let target = melon.first {
            narrate(.command("ocop certificate audit \(target.number) --kind ad-hoc --date 2026-11-20 --unmet \"1.5: …\" --unmet \"10: …\" --met \"2.3: …\""))
            let audit = try workbench.at(auditConcluded, hour: 16) {
                try workbench.recordAudit(AuditRequest(
                    certificate: target.number, kind: .adHoc, concludedOn: auditConcluded, reference: "25/KL-SNNMT", findings: [
                        CriterionFinding(criterion: "1.5", finding: "Không còn hợp đồng liên kết tiêu thụ (hợp đồng hết hạn tháng 8/2026)", maintained: false),
                        CriterionFinding(criterion: "10", finding: "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đã hết hiệu lực", maintained: false),
                        CriterionFinding(criterion: "2.3", finding: "Nhãn hàng hóa đầy đủ theo quy định", maintained: true),
                    ]))
            }
            narrate(.audit(audit))
            narrate(.command("ocop certificate revoke \(target.number) --ground b --audit \(audit.id) --finding \"…\" --authority 24 --number 1650/QĐ-UBND --date 2026-12-01 …"))
            let revoked = try workbench.at(lastDay) {
                try workbench.revokeCertificate(RevocationRequest(
                    certificate: target.number, authority: province, number: try DecisionNumber(parsing: "1650/QĐ-UBND"), decidedOn: lastDay,
                    ground: .b, finding: "Kết luận kiểm tra số 25/KL-SNNMT: sản phẩm không còn duy trì tiêu chí 1.5 và 10 của Bộ tiêu chí",
                    findingOn: nil, findingReference: "25/KL-SNNMT", auditID: audit.id,
                    signer: DecisionSigner(prefix: "KT. CHỦ TỊCH", title: "PHÓ CHỦ TỊCH", name: "Lê Minh Khoa")))
            }
            narrate(.revoked(revoked.certificate, revoked.timing, revoked.decision))
        }

        narrate(.step(10, LocalizedText(vi: "Sổ giấy chứng nhận hôm nay; mời đánh giá lại các giấy chứng nhận hết hạn trong 180 ngày tới",
                                        en: "The register today; re-evaluation invitations for certificates expiring within 180 days")))
        narrate(.command("ocop certificate list"))
        narrate(.certificateRegister(try workbench.certificates(), asOf: workbench.today))
        narrate(.command("ocop certificate expiring --within 180"))
        narrate(.expiring(try workbench.expiringCertificates(within: RenewalWindow.earliestDaysBeforeExpiry)))
        return notGranted
    }

    /// The central council: created once, one session, its members score, finalization.
    static func centralRound(_ workbench: Workbench, dossiers central: [DossierCode], narrate: (DemoEvent) -> Void) throws {
        if (try? workbench.council(centralCouncil)) == nil {
            _ = try workbench.createCouncil(code: centralCouncil, name: "Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp trung ương năm 2026",
                                            level: .central, provinceCode: nil, decisionRef: "2010/QĐ-BNNMT (minh hoạ)", policy: .default)
            for (code, name, organisation, role) in centralMembers {
                _ = try workbench.addCouncilMember(council: centralCouncil, person: person(code), name: name, organisation: organisation, role: role)
            }
        }
        let secretary = workbench.acting(as: person(centralMembers[5].0))
        let snapshot = try secretary.openSession(council: centralCouncil, heldOn: centralSession, place: "Bộ Nông nghiệp và Môi trường, Hà Nội",
                                                 dossiers: central, absent: [])
        let scorers = centralMembers.filter { CouncilPolicy.default.scores($0.3) }.map { person($0.0) }
        for d in snapshot.dossiers {
            for (k, member) in scorers.enumerated() {
                let scorer = workbench.acting(as: member)
                let context = try scorer.scoringContext(dossier: d.code, member: member, correcting: false)
                guard let sheet = DemoSheets.sheet(context.productSet, total: 93 + [0, 1, -1, 2, 0][k % 5], stars: 5) else { continue }
                _ = try scorer.submitSheet(context, sheet: sheet, source: .interactive)
            }
        }
        narrate(.say(LocalizedText(vi: "Phiên \(snapshot.code) ngày 18/11/2026: \(scorers.count) thành viên Hội đồng cấp trung ương chấm \(snapshot.dossiers.count) hồ sơ.",
                                   en: "Session \(snapshot.code) on 2026-11-18: \(scorers.count) central council members score \(englishCount(snapshot.dossiers.count, "dossier")).")))
        narrate(.finalized(try secretary.finalizeSession(snapshot.code)))
    }

    static func productCode(_ workbench: Workbench, _ name: String, _ producer: String) throws -> String {
        guard let product = try ProductRepository(try workbench.connection()).product(named: name, producerRegistrationNo: producer) else {
            throw StoreError.notFound(.product, name)
        }
        return product.code
    }
}
