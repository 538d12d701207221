import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels

/// The demo's narration, as text.
enum DemoRender {
    static func event(_ event: DemoEvent, _ language: Language) -> String {
        let vi = language == .vi
        switch event {
        case let .step(number, title): return "\n== \(number). \(title(language)) =="
        case let .say(text): return text(language)
        case let .command(line): return "$ " + line
        case let .register(summary, producers, recognitions, products):
            var lines = [vi ? "  \(producers) chủ thể, \(products) sản phẩm, \(recognitions) lượt công nhận."
                            : "  \(producers) producers, \(products) products, \(recognitions) recognitions."]
            lines += summary.byYearAndStars.map { "  \($0.year): \($0.stars)★ × \($0.count)" }
            let total = summary.byYearAndStars.reduce(0) { $0 + $1.count }
            let owners = summary.producersByKind.reduce(0) { $0 + $1.count }
            let shares = summary.producersByKind.map { k in
                let tenths = (k.count * 1000 + owners / 2) / max(owners, 1)
                return "\(k.kind.label(language)) \(k.count) (\(tenths / 10)\(vi ? "," : ".")\(tenths % 10) %)"
            }.joined(separator: "; ")
            lines.append(vi ? "  Cuối năm 2020: \(total) sản phẩm đạt 3★ trở lên của \(owners) chủ thể — \(shares)."
                            : "  End of 2020: \(total) products at 3★ or more from \(owners) producers — \(shares).")
            return lines.joined(separator: "\n")
        case let .flags(dossier, flags):
            return "\(dossier): " + flags.map { $0.text(language) }.joined(separator: "; ")
        case let .finalized(report):
            return CouncilRender.finalization(report, language)
        case let .minutes(snapshot):
            return MinutesRender.render(snapshot, language: language, markdown: true)
        case let .status(view):
            return DossierRender.status(view, language)
        case let .draft(draft):
            return (try? DecisionRender.draft(draft, format: .table, language)) ?? ""
        case let .decision(decision):
            return DecisionRender.issued(decision, language)
        case let .audit(audit):
            return CertificateRender.audit(audit, language)
        case let .revoked(certificate, timing, decision):
            var text = vi ? "Đã thu hồi giấy chứng nhận \(certificate.number) (\(certificate.productName), \(certificate.stars)★) theo Quyết định số \(decision.number) ngày \(timing.revokedOn.display(.vi)), \(timing.ground.citation(.vi)); kết luận ngày \(timing.findingOn.display(.vi)), thời hạn 15 ngày đến hết ngày \(timing.deadline.display(.vi))"
                : "Revoked certificate \(certificate.number) (\(certificate.productName), \(certificate.stars)★) by decision \(decision.number) of \(timing.revokedOn.display(.en)), \(timing.ground.citation(.en)); finding of \(timing.findingOn.display(.en)), 15-day deadline \(timing.deadline.display(.en))"
            text += timing.lateFlag(language).map { " — " + $0 } ?? (vi ? ": đúng hạn." : ": on time.")
            return text
        case let .certificateRegister(certificates, asOf):
            return register(certificates, asOf: asOf, language)
        case let .expiring(certificates):
            return (try? CertificateRender.expiring(certificates, format: .csv, language)) ?? ""
        case let .listings(listings):
            return (try? MarketRender.list(listings, format: .table, language)) ?? ""
        case let .registerReport(report):
            return (report.tally.sentences(language) + ReportRender.targetLines(report, language)).joined(separator: "\n")
        }
    }

    /// How many certificates stand in each status on a day, and the stars in force.
    static func register(_ certificates: [CertificateView], asOf: CalendarDate, _ language: Language) -> String {
        let vi = language == .vi
        var counts: [CertificateStatus: Int] = [:]
        for c in certificates { counts[c.status, default: 0] += 1 }
        let current = certificates.filter { $0.status.isCurrent }
        let parts = CertificateStatus.allCases.compactMap { status in counts[status].map { "\(status.label(language).lowercased()): \($0)" } }
        let stars = (3...5).compactMap { n -> String? in
            let k = current.filter { $0.stars == n }.count
            return k == 0 ? nil : "\(n)★ × \(k)"
        }.joined(separator: ", ")
        return (vi ? "Ngày \(asOf.display(.vi)): \(certificates.count) giấy chứng nhận — " : "On \(asOf.display(.en)): \(englishCount(certificates.count, "certificate")) — ")
            + parts.joined(separator: " · ") + ".\n"
            + (vi ? "Đang có hiệu lực \(current.count): \(stars)." : "In force \(current.count): \(stars).")
    }
}
