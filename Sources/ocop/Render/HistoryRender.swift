import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels

/// A product's timeline and an upgrade's diff.
enum HistoryRender {
    // MARK: Product history

    struct EventJSON: Encodable {
        let date: CalendarDate, kind: String, label: String, reference: String?, stars: Int?, fromStars: Int?, text: String
    }

    struct HistoryJSON: Encodable {
        let product: String, code: String, producer: String, productSet: Int, asOf: CalendarDate, stars: Int?, certificate: String?, events: [EventJSON]
    }

    static func history(_ h: ProductHistoryView, format: OutputFormat, _ language: Language) throws -> String {
        let vi = language == .vi
        let p = h.product
        switch format {
        case .json:
            return Output.json(HistoryJSON(product: p.name, code: p.code, producer: p.producerName, productSet: p.productSet, asOf: h.asOf,
                                           stars: h.standing.current?.stars, certificate: h.standing.current?.number.description,
                                           events: h.events.map { EventJSON(date: $0.date, kind: $0.kind.rawValue, label: $0.kind.label(language), reference: $0.reference,
                                                                            stars: $0.stars, fromStars: $0.fromStars, text: $0.detail(language)) }))
        case .csv:
            return Output.csv(headers: ["date", "kind", "reference", "stars", "from_stars", "text"], rows: h.events.map { e in
                [e.date.iso, e.kind.rawValue, e.reference ?? "", e.stars.map(String.init) ?? "", e.fromStars.map(String.init) ?? "", e.detail(language)]
            })
        default:
            var out = Output.record([
                (vi ? "Sản phẩm" : "Product", "\(p.name) (\(p.code)), \(vi ? "bộ" : "set") \(p.productSet)"),
                (vi ? "Chủ thể" : "Producer", "\(p.producerName) (\(p.producerRegistrationNo))"),
                (vi ? "Hạng ngày \(h.asOf.display(.vi))" : "Rating on \(h.asOf.display(.en))", ProductRender.current(h.standing, language)),
            ])
            out += "\n\n" + Output.table(headers: vi ? ["ngày", "sự kiện", "nội dung"] : ["date", "event", "details"], rows: h.events.map { e in
                let label = e.kind == .upgraded ? e.kind.label(language) + " \(e.fromStars ?? 0)★→\(e.stars ?? 0)★" : e.kind.label(language)
                return [e.date.display(language), label, e.detail(language)]
            })
            return out
        }
    }

    // MARK: Upgrade diff

    static func trend(_ row: UpgradeDiff.Row, _ language: Language) -> String {
        guard let old = row.atRecognition, let trend = row.trend else { return "" }
        let delta = row.now.sum * old.count - old.sum * row.now.count
        let hundredths = (2 * abs(delta) * 100 + old.count * row.now.count) / (2 * old.count * row.now.count)
        let sign = delta > 0 ? "+" : delta < 0 ? "−" : "±"
        return "\(sign)\(CandidateScore.hundredths(hundredths).display(language)) (\(trend.label(language)))"
    }

    static func minimums(_ row: UpgradeDiff.Row, _ language: Language) -> String {
        row.minimums.map { "\($0.stars)★ ≥ \($0.points) " + ($0.met ? "✓" : "✗") }.joined(separator: ", ") + (row.decisive ? (language == .vi ? " — quyết định" : " — decisive") : "")
    }

    static func claim(_ row: UpgradeDiff.Row, _ language: Language) -> String {
        guard let c = row.claim else { return "" }
        return "→ \(c.claimedPoints): " + (row.claimOutcome?.label(language) ?? "")
    }

    struct DiffJSON: Encodable {
        struct Row: Encodable {
            let criterion: String, title: String, max: Int, atRecognition: String?, now: String, selfAssessed: Int?
            let claimedPoints: Int?, change: String?, evidence: [String], claimOutcome: String?, trend: String?, minimums: [String], decisive: Bool
        }
        let dossier: String, kind: String, product: String, session: String, heldOn: CalendarDate, recognitionSession: String?, basis: String?
        let basisStars: Int?, recognitionScore: String?, target: Int, average: String, band: Int, stars: Int?, reached: Bool, selfAssessedTotal: Int?
        let deciders: [String], improved: [String], notImproved: [String], rows: [Row]
    }

    static func diff(_ v: DossierDiffView, all: Bool, format: OutputFormat, _ language: Language) throws -> String {
        let vi = language == .vi
        let d = v.diff
        switch format {
        case .json:
            return Output.json(DiffJSON(
                dossier: v.dossier.code.rawValue, kind: v.dossier.kind.rawValue, product: v.dossier.productName, session: v.session.rawValue, heldOn: v.heldOn,
                recognitionSession: v.recognitionSession?.rawValue, basis: v.basis?.number.description, basisStars: d.basisStars,
                recognitionScore: d.recognitionAverage?.plain ?? d.recognitionScore?.display(.en), target: d.target, average: d.average.plain, band: d.band,
                stars: d.stars, reached: d.reached, selfAssessedTotal: d.selfAssessedTotal, deciders: d.deciders.map { $0.text(language) },
                improved: d.improvedCriteria, notImproved: d.notImprovedCriteria,
                rows: d.rows.map { r in
                    DiffJSON.Row(criterion: r.criterion, title: r.title, max: r.max, atRecognition: r.atRecognition?.plain, now: r.now.plain,
                                 selfAssessed: r.selfAssessed, claimedPoints: r.claim?.claimedPoints, change: r.claim?.change, evidence: r.claim?.evidence ?? [],
                                 claimOutcome: r.claimOutcome?.rawValue, trend: r.trend?.rawValue,
                                 minimums: r.minimums.map { "\($0.stars):\($0.points):\($0.met ? "met" : "unmet")" }, decisive: r.decisive)
                }))
        case .csv:
            return Output.csv(headers: ["criterion", "title", "max", "at_recognition", "now", "self_assessed", "claimed_points", "claim_outcome", "trend", "minimums", "decisive"],
                              rows: d.rows.map { r in
                [r.criterion, r.title, String(r.max), r.atRecognition?.plain ?? "", r.now.plain, r.selfAssessed.map(String.init) ?? "",
                 r.claim.map { String($0.claimedPoints) } ?? "", r.claimOutcome?.rawValue ?? "", r.trend?.rawValue ?? "",
                 r.minimums.map { "\($0.stars):\($0.points):\($0.met ? "met" : "unmet")" }.joined(separator: " "), r.decisive ? "true" : "false"]
            })
        default:
            var lines: [String] = []
            lines.append(vi ? "Hồ sơ \(v.dossier.code) — \(v.dossier.productName) (\(v.dossier.kind.label(.vi)), mục tiêu \(d.target)★)"
                            : "Dossier \(v.dossier.code) — \(v.dossier.productName) (\(v.dossier.kind.label(.en)), target \(d.target)★)")
            if let b = v.basis {
                lines.append(vi ? "Dựa trên giấy chứng nhận \(b.number) (\(b.stars)★, cấp ngày \(b.facts.issuedOn.display(.vi)))."
                                : "Rests on certificate \(b.number) (\(b.stars)★, issued \(b.facts.issuedOn.display(.en))).")
            }
            lines.append(vi ? "Hội đồng nay: phiên \(v.session) ngày \(v.heldOn.display(.vi))." : "The council now: session \(v.session) on \(v.heldOn.display(.en)).")
            if let old = v.recognitionSession {
                lines.append(vi ? "Hội đồng khi công nhận: phiên \(old)." : "The council at the recognition: session \(old).")
            } else if v.basis != nil {
                lines.append(vi ? "Phiếu chấm từng tiêu chí khi công nhận: không có trong chương trình (sổ công nhận nhập từ bên ngoài chỉ có tổng điểm)."
                                : "Per-criterion sheets of the recognition: not in the workbench (an imported register holds the total only).")
            }
            lines += d.summary(language)
            let shown = d.rows.filter { all || $0.claim != nil || $0.decisive || ($0.trend != nil && $0.trend != .unchanged) || !$0.minimums.isEmpty }
            let hasOld = d.rows.contains { $0.atRecognition != nil }, hasSelf = d.selfAssessedTotal != nil
            var headers = vi ? ["tiêu chí", "nội dung", "tối đa"] : ["criterion", "title", "max"]
            if hasOld { headers.append(vi ? "khi công nhận" : "at recognition") }
            headers.append(vi ? "nay" : "now")
            if hasOld { headers.append(vi ? "thay đổi" : "change") }
            if hasSelf { headers.append(vi ? "tự đánh giá" : "self") }
            headers += vi ? ["khai báo", "yêu cầu tối thiểu"] : ["claim", "minimums"]
            let rows = shown.map { r -> [String] in
                var cells = [r.criterion, r.title, String(r.max)]
                if hasOld { cells.append(r.atRecognition?.display(language) ?? "") }
                cells.append(r.now.display(language))
                if hasOld { cells.append(trend(r, language)) }
                if hasSelf { cells.append(r.selfAssessed.map(String.init) ?? "") }
                cells += [claim(r, language), minimums(r, language)]
                return cells
            }
            lines.append("")
            lines.append(Output.table(headers: headers, rows: rows))
            let claims = d.rows.compactMap { r in r.claim.map { (r, $0) } }
            if !claims.isEmpty {
                lines.append("")
                lines.append(vi ? "Thay đổi đã khai (Điều 7.5):" : "Claimed changes (Art. 7.5):")
                for (r, c) in claims {
                    let evidence = c.evidence.isEmpty ? "" : (vi ? " — minh chứng: " : " — evidence: ") + c.evidence.joined(separator: "; ")
                    lines.append("  \(c.criterion) → \(c.claimedPoints): \(c.change)\(evidence) — " + (r.claimOutcome?.label(language) ?? "")
                                 + (vi ? " (Hội đồng: \(r.now.display(.vi)))" : " (council: \(r.now.display(.en)))"))
                }
            }
            if !all, shown.count < d.rows.count {
                lines.append(vi ? "(\(d.rows.count - shown.count) tiêu chí không thay đổi và không có khai báo được ẩn; --all để xem hết.)"
                                : "(\(englishCount(d.rows.count - shown.count, "criterion", "criteria")) without a change or a claim \(d.rows.count - shown.count == 1 ? "is" : "are") hidden; --all shows them.)")
            }
            return lines.joined(separator: "\n")
        }
    }
}
