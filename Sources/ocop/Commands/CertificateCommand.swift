import ArgumentParser
import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels

/// `ocop certificate …`: the register of certificates and their status on any date.
struct CertificateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certificate",
        abstract: L("Giấy chứng nhận: tình trạng vào một ngày, sắp hết hạn, hậu kiểm, thu hồi.", "Certificates: status on a date, expiring, post-audits, revocation."),
        discussion: L("""
            Tình trạng (một bộ từ dùng chung): valid (còn hiệu lực), renewal_window (trong thời hạn nộp đánh giá lại, 180 đến 120 \
            ngày trước khi hết hạn), transition_extension (còn hiệu lực theo Điều 12.3), expired (hết hiệu lực), superseded (đã \
            được thay thế), revoked (đã bị thu hồi), not_yet_valid (trước ngày cấp); current = đang có hiệu lực. Hiệu lực 36 \
            tháng kể từ ngày ban hành: đến hết ngày tương ứng của tháng cuối, hoặc ngày cuối tháng nếu tháng đó không có ngày \
            tương ứng (Bộ luật Dân sự Điều 147–148).
            """, """
            Status (one vocabulary everywhere): valid, renewal_window (inside the re-evaluation filing window, 180 to 120 days \
            before expiry), transition_extension (kept in force under Art. 12.3), expired, superseded, revoked, not_yet_valid \
            (before its issue date); current = in force. Valid 36 months from issue: through the corresponding day of the last \
            month, or that month's last day when it has none (Civil Code Art. 147–148).
            """),
        subcommands: [List.self, Show.self, Expiring.self, Audit.self, Revoke.self, Print.self, Verify.self, StatusList.self]
    )

    static let statuses = CertificateStatus.allCases.map(\.rawValue) + ["current"]

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: L("Danh sách giấy chứng nhận và tình trạng vào một ngày.", "List certificates and their status on a date."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var asOf: AsOfOption
        @Option(name: .customLong("status"), help: ArgumentHelp(L("Lọc theo tình trạng (lặp lại): ", "Filter by status (repeat): ") + CertificateCommand.statuses.joined(separator: ", "), valueName: L("tình-trạng", "status"))) var statuses: [String] = []
        @Option(help: L("Lọc theo hạng sao.", "Filter by stars.")) var stars: Int?
        @Option(name: .customLong("expiring-within"), help: L("Chỉ giấy chứng nhận còn hiệu lực hết hạn trong số ngày này.", "Only certificates in force that expire within this many days.")) var expiringWithin: Int?
        @Option(help: L("Lọc theo sản phẩm (mã hoặc id).", "Filter by product (code or id).")) var product: String?
        @Option(help: "table | json | csv") var format: OutputFormat = .table

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                var filter = CertificateFilter(stars: stars, expiringWithin: expiringWithin)
                for raw in statuses {
                    let value = try choice(raw, field: "status", allowed: CertificateCommand.statuses) { CertificateStatus(rawValue: $0) != nil || $0 == "current" ? $0 : nil }
                    if value == "current" { filter.currentOnly = true } else if let status = CertificateStatus(rawValue: value) { filter.statuses.insert(status) }
                }
                let certificates = try workbench().certificates(filter, product: product, asOf: try asOf.date())
                Output.write(try CertificateRender.list(certificates, format: format, language))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: L("Một giấy chứng nhận: tình trạng, hậu kiểm, thu hồi; văn bản (markdown).", "One certificate: status, post-audits, revocation; the certificate itself (markdown)."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var asOf: AsOfOption
        @Argument(help: L("Số giấy chứng nhận, vd. GCN-24-2026-0001.", "Certificate number, e.g. GCN-24-2026-0001.")) var number: String
        @Option(help: "text | json | markdown") var format: OutputFormat = .text

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let bench = try workbench()
                let number = try readCertificateNumber(self.number)
                switch format {
                case .markdown:
                    Output.write(DocumentMarkdown(language: language, markdown: true).certificate(try bench.certificateDocument(number, language: language, qr: .unsigned)))
                case .json:
                    Output.write(Output.json(CertificateView.JSON(try bench.certificate(number, asOf: try asOf.date()).certificate, language: language)))
                default:
                    try require(format, in: [.text, .table, .json, .markdown])
                    Output.write(CertificateRender.show(try bench.certificate(number, asOf: try asOf.date()), language))
                }
            }
        }
    }

    struct Expiring: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "expiring",
            abstract: L("Ai cần được mời đánh giá lại: giấy chứng nhận còn hiệu lực sắp hết hạn (CSV cho trộn thư).", "Who must be invited to re-evaluation: certificates in force about to expire (CSV for a mail merge)."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var asOf: AsOfOption
        @Option(help: L("Hết hạn trong số ngày này (mặc định 180: cửa sổ nộp hồ sơ mở 180 ngày trước khi hết hạn).", "Expiring within this many days (default 180: the filing window opens 180 days before expiry).")) var within: Int = RenewalWindow.earliestDaysBeforeExpiry
        @Option(help: "csv | table | json") var format: OutputFormat = .csv

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                guard within >= 0 else {
                    throw DomainError.invalidValue(field: "within", value: String(within), reason: LocalizedText(vi: "số ngày không âm.", en: "a number of days, not negative."))
                }
                Output.write(try CertificateRender.expiring(try workbench().expiringCertificates(within: within, asOf: try asOf.date()), format: format, language))
            }
        }
    }

    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "audit",
            abstract: L("Ghi biên bản hậu kiểm (Điều 9): kết quả từng tiêu chí, việc dùng nhãn hiệu OCOP.", "Record a post-audit (Art. 9): findings per criterion, use of the OCOP mark."),
            discussion: L("Tiêu chí không còn duy trì (--unmet) là căn cứ thu hồi theo điểm b; sử dụng nhãn hiệu sai quy định (--mark-misuse) là căn cứ theo điểm d khoản 1 Điều 8. Thời hạn ban hành quyết định thu hồi: 15 ngày kể từ ngày kết luận.",
                          "A criterion no longer maintained (--unmet) supports revocation under Art. 8.1.b; misuse of the OCOP mark (--mark-misuse) under Art. 8.1.d. A revocation must follow within 15 days of the conclusion."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: L("Số giấy chứng nhận.", "Certificate number.")) var number: String
        @Option(help: "periodic | ad-hoc") var kind: String
        @Option(help: L("Ngày kết luận YYYY-MM-DD.", "Conclusion date YYYY-MM-DD.")) var date: String
        @Option(help: L("Số biên bản/kết luận, vd. 12/KL-SNNMT.", "The conclusion's reference, e.g. 12/KL-SNNMT.")) var reference: String?
        @Option(name: .customLong("unmet"), help: ArgumentHelp(L("Tiêu chí không còn duy trì \"mã: nội dung\" (lặp lại).", "A criterion no longer maintained, \"code: finding\" (repeat)."), valueName: L("tiêu-chí", "criterion"))) var unmet: [String] = []
        @Option(name: .customLong("met"), help: ArgumentHelp(L("Tiêu chí vẫn duy trì \"mã: nội dung\" (lặp lại).", "A criterion still maintained, \"code: finding\" (repeat)."), valueName: L("tiêu-chí", "criterion"))) var met: [String] = []
        @Option(name: .customLong("mark-misuse"), help: L("Sử dụng nhãn hiệu OCOP không đúng quy định (mô tả).", "Misuse of the OCOP mark (what was found).")) var markMisuse: String?

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let kind = try choice(self.kind, field: "kind", allowed: ["periodic", "ad-hoc"]) { raw in
                    InspectionKind(rawValue: raw.replacingOccurrences(of: "-", with: "_"))
                }
                func finding(_ raw: String, maintained: Bool) throws -> CriterionFinding {
                    let parts = raw.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                        throw DomainError.invalidValue(field: "finding", value: raw, reason: LocalizedText(
                            vi: "viết \"mã tiêu chí: nội dung\", vd. \"1.5: Không còn hợp đồng liên kết\".", en: "write \"criterion: finding\", e.g. \"1.5: no supply contract any more\"."))
                    }
                    return CriterionFinding(criterion: parts[0], finding: parts[1], maintained: maintained)
                }
                let findings = try unmet.map { try finding($0, maintained: false) } + met.map { try finding($0, maintained: true) }
                let audit = try workbench(actor).recordAudit(AuditRequest(
                    certificate: try readCertificateNumber(number), kind: kind, concludedOn: try readDate(date), reference: reference,
                    findings: findings, markMisuse: markMisuse))
                Output.write(CertificateRender.audit(audit, language))
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke",
            abstract: L("Thu hồi giấy chứng nhận (Điều 8).", "Revoke a certificate (Art. 8)."),
            discussion: L("""
                Căn cứ (--ground): a, b, c, d, đ (hoặc dd), e của khoản 1 Điều 8. Thẩm quyền: Chủ tịch UBND cấp tỉnh (mã tỉnh đã cấp, \
                hoặc tỉnh kế thừa) cho 3★, 4★; Bộ trưởng Bộ Nông nghiệp và Môi trường (BNNMT) cho 5★. Quyết định ban hành trong 15 \
                ngày kể từ ngày có kết luận (ngày thứ 15 còn đúng hạn); quá hạn vẫn ghi nhận nhưng được cảnh báo.
                """, """
                Ground (--ground): a, b, c, d, đ (or dd), e of Art. 8.1. Authority: the chair of the issuing province (or its \
                successor) for 3★/4★; the Minister (BNNMT) for 5★. The decision is due within 15 days of the finding (day 15 is \
                on time); a late one is recorded and flagged.
                """))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: L("Số giấy chứng nhận.", "Certificate number.")) var certificate: String
        @Option(help: "a | b | c | d | đ | e") var ground: String
        @Option(help: L("Nội dung kết luận làm căn cứ.", "What the finding says.")) var finding: String
        @Option(name: .customLong("finding-date"), help: L("Ngày có kết luận (hoặc xác nhận của UBND cấp xã) YYYY-MM-DD; mặc định ngày kết luận hậu kiểm.", "The finding's date YYYY-MM-DD (or the commune's confirmation); default the post-audit's conclusion date.")) var findingDate: String?
        @Option(name: .customLong("finding-ref"), help: L("Số văn bản kết luận; mặc định số của biên bản hậu kiểm (--audit).", "The finding's document number; default the post-audit's (--audit).")) var findingRef: String?
        @Option(help: L("Biên bản hậu kiểm làm căn cứ (số #).", "The post-audit it rests on (its #).")) var audit: Int?
        @Option(help: ArgumentHelp(L("Cơ quan thu hồi: mã tỉnh hoặc BNNMT.", "Revoking authority: a province code or BNNMT."), valueName: "24|BNNMT")) var authority: String
        @Option(help: L("Số quyết định thu hồi, vd. 1650/QĐ-UBND.", "The revocation decision's number, e.g. 1650/QĐ-UBND.")) var number: String
        @Option(help: L("Ngày quyết định YYYY-MM-DD.", "Decision date YYYY-MM-DD.")) var date: String
        @OptionGroup var signer: SignerOptions
        @Option(help: L("Địa danh.", "Place.")) var place: String?

        func run() throws {
            let language = lang.language
            let vi = language == .vi
            try runReporting(language) {
                let ground = try choice(self.ground, field: "ground", allowed: ["a", "b", "c", "d", "đ", "e"], RevocationGround.init(flexible:))
                let result = try workbench(actor).revokeCertificate(RevocationRequest(
                    certificate: try readCertificateNumber(certificate), authority: try readAuthority(authority), number: try readDecisionNumber(number),
                    decidedOn: try readDate(date), ground: ground, finding: finding, findingOn: try findingDate.map { try readDate($0, field: "finding_on") },
                    findingReference: findingRef, auditID: audit, place: place, signer: signer.signer))
                let c = result.certificate, t = result.timing
                Output.write(vi ? "Đã thu hồi giấy chứng nhận \(c.number) (\(c.productName), \(c.stars)★) theo Quyết định số \(result.decision.number) ngày \(t.revokedOn.display(.vi)); căn cứ \(ground.citation(.vi)). Thời hạn 15 ngày kể từ \(ground.finding(.vi)) ngày \(t.findingOn.display(.vi)): đến hết ngày \(t.deadline.display(.vi))."
                    : "Revoked certificate \(c.number) (\(c.productName), \(c.stars)★) by decision \(result.decision.number) of \(t.revokedOn.display(.en)); ground \(ground.citation(.en)). The 15 days from \(ground.finding(.en)) of \(t.findingOn.display(.en)) end on \(t.deadline.display(.en)).")
                if let late = t.lateFlag(language) { Output.warn((vi ? "Cảnh báo: " : "Warning: ") + late) }
            }
        }
    }
}
