import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels

/// Certificates as tables, CSV, JSON and text: one status vocabulary, computed on the day shown.
enum CertificateRender {
    static func issuer(_ c: CertificateView, _ language: Language) -> String {
        let vi = language == .vi
        switch c.issuer {
        case .ministry: return vi ? "Bộ NN&MT" : "Ministry"
        case .province: return vi ? "UBND tỉnh \(c.provinceName)" : "\(c.provinceName) Province"
        case .district: return vi ? "UBND cấp huyện (\(c.provinceName))" : "district (\(c.provinceName))"
        }
    }

    static func list(_ certificates: [CertificateView], format: OutputFormat, _ language: Language) throws -> String {
        let vi = language == .vi
        if format == .json { return Output.json(certificates.map { CertificateView.JSON($0, language: language) }) }
        try require(format, in: [.table, .text, .csv, .json])
        if format == .csv {
            return Output.csv(headers: ["certificate_no", "product_code", "product", "stars", "producer", "issuer", "decision", "issued_on", "valid_until",
                                        "last_day_in_force", "as_of", "status", "superseded_by", "revocation"],
                              rows: certificates.map { c in
                [c.number.description, c.productCode, c.productName, String(c.stars), c.producerName, c.number.issuer.code, c.decisionNumber ?? "",
                 c.facts.issuedOn.iso, c.facts.validUntil.iso, c.facts.lastDayInForce.iso, c.asOf.iso, c.status.rawValue,
                 c.supersededBy?.description ?? "", c.revocation?.decisionNumber ?? ""]
            })
        }
        return Output.table(
            headers: vi ? ["giấy chứng nhận", "sản phẩm", "mã sản phẩm", "sao", "chủ thể", "ngày cấp", "hiệu lực đến", "tình trạng"]
                        : ["certificate", "product", "product code", "stars", "producer", "issued", "valid through", "status"],
            rows: certificates.map { c in
                [c.number.description, c.productName, c.productCode, "\(c.stars)★", c.producerName, c.facts.issuedOn.display(language),
                 c.facts.validUntil.display(language), c.statusText(language)]
            })
    }

    /// Who must be invited to re-evaluation, for a mail merge.
    static func expiring(_ certificates: [CertificateView], format: OutputFormat, _ language: Language) throws -> String {
        let vi = language == .vi
        func window(_ c: CertificateView) -> String {
            switch c.facts.renewalWindow.position(of: c.asOf) {
            case .tooEarly: return vi ? "chưa mở" : "not yet open"
            case .inside: return vi ? "đang mở" : "open"
            case .tooLate: return vi ? "đã đóng" : "closed"
            }
        }
        switch format {
        case .json:
            return Output.json(certificates.map { CertificateView.JSON($0, language: language) })
        case .csv:
            return Output.csv(headers: ["certificate_no", "product_code", "product", "stars", "producer", "registration_no", "address", "commune", "phone",
                                        "email", "valid_until", "days_left", "renewal_window_opens", "renewal_window_closes", "window", "status",
                                        "pending_dossier"],
                              rows: certificates.map { c in
                [c.number.description, c.productCode, c.productName, String(c.stars), c.producerName, c.producerRegistrationNo, c.producerAddress ?? "",
                 c.communeName, c.producerPhone ?? "", c.producerEmail ?? "", c.facts.validUntil.iso, String(c.daysToExpiry),
                 c.facts.renewalWindow.opensOn.iso, c.facts.renewalWindow.closesOn.iso, window(c), c.status.rawValue, c.pendingDossier?.rawValue ?? ""]
            })
        default:
            try require(format, in: [.csv, .table, .text, .json])
            return Output.table(
                headers: vi ? ["giấy chứng nhận", "sản phẩm", "sao", "chủ thể", "hết hạn", "còn (ngày)", "nộp đánh giá lại", "hồ sơ"]
                            : ["certificate", "product", "stars", "producer", "expires", "days left", "re-evaluation window", "dossier"],
                rows: certificates.map { c in
                    [c.number.description, c.productName, "\(c.stars)★", c.producerName, c.facts.validUntil.display(language), String(c.daysToExpiry),
                     c.facts.renewalWindow.describe(language) + " (\(window(c)))", c.pendingDossier?.rawValue ?? ""]
                })
        }
    }

    static func show(_ detail: CertificateDetail, _ language: Language) -> String {
        let vi = language == .vi
        let c = detail.certificate
        var pairs: [(String, String)] = [
            (vi ? "Giấy chứng nhận" : "Certificate", c.number.description),
            (vi ? "Sản phẩm" : "Product", "\(c.productName) (\(c.productCode)), \(vi ? "bộ" : "set") \(c.productSet)"),
            (vi ? "Chủ thể" : "Producer", "\(c.producerName) (\(c.producerRegistrationNo))"),
            (vi ? "Hạng" : "Stars", "\(c.stars)★" + (c.score(language).map { vi ? ", \($0) điểm" : ", \($0) points" } ?? "")),
            (vi ? "Cơ quan công nhận" : "Recognised by", issuer(c, language)),
            (vi ? "Quyết định" : "Decision", (c.decisionNumber ?? "—") + (vi ? " ngày " : " of ") + c.facts.issuedOn.display(language)),
            (vi ? "Hiệu lực" : "Valid", (vi ? "từ \(c.facts.issuedOn.display(.vi)) đến hết \(c.facts.validUntil.display(.vi))"
                                             : "from \(c.facts.issuedOn.display(.en)) through \(c.facts.validUntil.display(.en))")
                + (c.facts.issuedOn >= CertificateTerm.qd26EffectiveDate ? (vi ? " (36 tháng, khoản 3 Điều 4)" : " (36 months, Art. 4.3)")
                                                                         : (vi ? " (theo quyết định công nhận, khoản 1 Điều 12)" : " (as its decision set, Art. 12.1)"))),
            (vi ? "Nộp đánh giá lại" : "Re-evaluation window", c.facts.renewalWindow.describe(language) + (vi ? " (điểm a khoản 6 Điều 7)" : " (Art. 7.6.a)")),
            (vi ? "Tình trạng ngày \(c.asOf.display(.vi))" : "Status on \(c.asOf.display(.en))", c.statusText(language)),
        ]
        if let extension_ = c.facts.effectiveExtension {
            pairs.append((vi ? "Gia hạn (Điều 12.3)" : "Extended (Art. 12.3)", vi ? "đến chậm nhất \(extension_.display(.vi))" : "at most through \(extension_.display(.en))"))
        }
        if let dossier = c.dossier { pairs.append((vi ? "Hồ sơ" : "Dossier", dossier.rawValue)) }
        if let pending = c.pendingDossier { pairs.append((vi ? "Hồ sơ đang xử lý" : "Pending dossier", pending.rawValue)) }
        if let r = c.revocation {
            pairs.append((vi ? "Thu hồi" : "Revoked", vi ? "Quyết định số \(r.decisionNumber) ngày \(r.revokedOn.display(.vi)), \(r.ground.citation(.vi))"
                                                     : "decision \(r.decisionNumber) of \(r.revokedOn.display(.en)), \(r.ground.citation(.en))"))
            pairs.append((vi ? "Căn cứ" : "Finding", "\(r.finding) (\(r.findingReference.map { "\($0), " } ?? "")\(r.findingOn.display(language)))"))
            let timing = r.timing
            pairs.append((vi ? "Thời hạn 15 ngày" : "15-day limit", timing.lateFlag(language)
                          ?? (vi ? "đúng hạn (hạn chót \(timing.deadline.display(.vi)), khoản 4 Điều 8)" : "on time (deadline \(timing.deadline.display(.en)), Art. 8.4)")))
        }
        var out = Output.record(pairs)
        if !detail.audits.isEmpty {
            out += "\n\n" + (vi ? "Hậu kiểm (Điều 9):" : "Post-audits (Art. 9):")
            for a in detail.audits {
                out += "\n  #\(a.id) \(a.inspection.kind.label(language)), \(a.inspection.concludedOn.display(language))"
                    + (a.reference.map { " (\($0))" } ?? "") + ": " + Output.terminalSafe(a.conclusion.text(language))
            }
        }
        if detail.history.count > 1 {
            out += "\n\n" + (vi ? "Các giấy chứng nhận của sản phẩm:" : "The product's certificates:") + "\n"
                + ((try? list(detail.history, format: .table, language)) ?? "")
        }
        return out
    }

    static func audit(_ a: PostAuditView, _ language: Language) -> String {
        let vi = language == .vi
        var out = vi ? "Đã ghi biên bản hậu kiểm #\(a.id) (\(a.inspection.kind.label(.vi)), kết luận ngày \(a.inspection.concludedOn.display(.vi))) cho giấy chứng nhận \(a.inspection.certificate)."
            : "Recorded post-audit #\(a.id) (\(a.inspection.kind.label(.en)), concluded \(a.inspection.concludedOn.display(.en))) of certificate \(a.inspection.certificate)."
        for f in a.inspection.findings {
            out += "\n  \(f.criterion): \(Output.terminalSafe(f.finding)) — " + (f.maintained ? (vi ? "duy trì" : "maintained") : (vi ? "không còn duy trì" : "no longer maintained"))
        }
        out += "\n" + Output.terminalSafe(a.conclusion.text(language))
        return out
    }
}
