import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels

/// Outlets and listings as text, tables, CSV and JSON.
enum MarketRender {
    static func recorded(_ l: ListingView, _ language: Language) -> String {
        let vi = language == .vi
        let mark = l.facts.marks.first.map { m in
            vi ? "nhãn OCOP theo giấy chứng nhận \(m.certificate.number) (\(m.certificate.stars)★, \(m.certificate.describeState(on: m.since, .vi)))"
               : "OCOP mark of certificate \(m.certificate.number) (\(m.certificate.stars)★, \(m.certificate.describeState(on: m.since, .en)))"
        } ?? (vi ? "không dùng nhãn OCOP" : "without the OCOP mark")
        return vi ? "Đã ghi điểm bán #\(l.id): \(l.productName) (\(l.productCode)) tại \(l.outlet.display) từ ngày \(l.facts.listedOn.display(.vi)), \(mark)."
                  : "Recorded listing #\(l.id): \(l.productName) (\(l.productCode)) at \(l.outlet.display) from \(l.facts.listedOn.display(.en)), \(mark)."
    }

    static func list(_ listings: [ListingView], format: OutputFormat, _ language: Language) throws -> String {
        let vi = language == .vi
        switch format {
        case .json:
            return Output.json(listings.map { ListingView.JSON($0, language: language) })
        case .csv:
            return Output.csv(headers: ["listing", "product_code", "product", "producer", "outlet", "outlet_kind", "outlet_name", "chain", "country",
                                        "listed_on", "ended_on", "ocop_mark", "certificate", "contract_no", "as_of", "status", "must_withdraw_since"],
                              rows: listings.map { l in
                [String(l.id), l.productCode, l.productName, l.producerName, l.outlet.code.rawValue, l.outlet.kind.rawValue, l.outlet.name,
                 l.outlet.chain ?? "", l.outlet.country?.rawValue ?? "", l.facts.listedOn.iso, l.facts.endedOn?.iso ?? "", l.facts.ocopMark ? "true" : "false",
                 l.mark?.certificate.number.description ?? "", l.contractNo ?? "", l.asOf.iso, l.status.rawValue, l.mustWithdrawSince?.iso ?? ""]
            })
        default:
            try require(format, in: [.table, .text, .json, .csv])
            return Output.table(
                headers: vi ? ["#", "sản phẩm", "mã sản phẩm", "kênh", "loại kênh", "từ ngày", "đến ngày", "hợp đồng", "tình trạng"]
                            : ["#", "product", "product code", "outlet", "kind", "from", "to", "contract", "status"],
                rows: listings.map { l in
                    [String(l.id), l.productName, l.productCode, l.outlet.display, l.outlet.kind.shortLabel(language), l.facts.listedOn.display(language),
                     l.facts.endedOn?.display(language) ?? "", l.contractNo ?? "", l.statusText(language)]
                })
        }
    }

    /// Lines shown to a council member on the distribution criterion: the product's listings on
    /// sale today.
    static func evidence(_ criterion: String, _ listings: [ListingView], _ language: Language) -> [String] {
        let vi = language == .vi
        guard !listings.isEmpty else {
            return [vi ? "Minh chứng tiêu chí \(criterion): chưa ghi điểm bán nào của sản phẩm (ocop listing add)."
                       : "Evidence for criterion \(criterion): no listing of the product is recorded (ocop listing add)."]
        }
        let modern = listings.filter { $0.outlet.kind.isModernOrInternational }.count
        var lines = [vi ? "Minh chứng tiêu chí \(criterion) — sản phẩm đang bán tại \(listings.count) kênh (\(modern) kênh hiện đại hoặc xuất khẩu):"
                        : "Evidence for criterion \(criterion) — the product is on sale at \(englishCount(listings.count, "outlet")) (\(modern) modern or export):"]
        for l in listings {
            let contract = l.contractNo.map { vi ? ", hợp đồng \($0)" : ", contract \($0)" } ?? ""
            lines.append("  - \(l.outlet.kind.label(language)): \(l.outlet.display), " + (vi ? "từ \(l.facts.listedOn.display(.vi))" : "since \(l.facts.listedOn.display(.en))")
                         + contract + " — " + l.statusText(language))
        }
        return lines
    }
}
