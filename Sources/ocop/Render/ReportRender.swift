import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels

/// The reports as blocks (headings, paragraphs, tables) rendered as plain text, Markdown or a
/// PDF with the same words; CSV and JSON carry the figures for machines; charts are
/// `ChartDocument`s drawn by OCOPDocuments.
enum ReportRender {
    // MARK: Blocks → text

    static func text(_ title: String, _ blocks: [ReportBlock], markdown: Bool) -> String {
        var out: [String] = [markdown ? "# \(title)" : title.uppercased(), ""]
        for block in blocks {
            switch block {
            case .heading(let h): out += [markdown ? "## \(h)" : h, ""]
            case .paragraph(let p): out += [p, ""]
            case .table(let t):
                if markdown {
                    func cell(_ s: String) -> String { Output.terminalSafe(s).replacingOccurrences(of: "|", with: "/") }
                    out.append("| " + t.headers.map(cell).joined(separator: " | ") + " |")
                    out.append("|" + t.headers.indices.map { t.numericColumns.contains($0) ? "---:" : "---" }.joined(separator: "|") + "|")
                    out += t.rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }
                } else {
                    out.append(Output.table(headers: t.headers, rows: t.rows))
                }
                out.append("")
            case .chart: continue
            }
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n")
    }

    /// The document font (Liberation Serif) has no ★: a printed report says "4 sao" / "4-star".
    static func printable(_ text: String, _ language: Language) -> String {
        guard text.contains("★") else { return text }
        let word = language == .vi ? " sao" : "-star"
        var out = ""
        for ch in text {
            if ch == "★" { out += out.last?.isNumber == true ? word : (language == .vi ? "sao" : "star") } else { out.append(ch) }
        }
        return out
    }

    static func printable(_ block: ReportBlock, _ language: Language) -> ReportBlock {
        switch block {
        case .heading(let h): return .heading(printable(h, language))
        case .paragraph(let p): return .paragraph(printable(p, language))
        case .table(var t):
            t.headers = t.headers.map { printable($0, language) }
            t.rows = t.rows.map { $0.map { printable($0, language) } }
            return .table(t)
        case .chart: return block
        }
    }

    static func count(_ n: Int, _ share: Share, _ language: Language) -> [String] { [String(n), share.display(language)] }

    // MARK: Register

    static func registerTitle(_ r: RegisterReport, _ language: Language) -> String {
        let vi = language == .vi
        let day = r.tally.asOf.display(language)
        let place = r.province.map { vi ? " — tỉnh \($0)" : " — \($0)" } ?? ""
        return vi ? "Sản phẩm OCOP còn hiệu lực đến ngày \(day)\(place)" : "OCOP products in force on \(day)\(place)"
    }

    static func targetLines(_ r: RegisterReport, _ language: Language) -> [String] {
        let vi = language == .vi
        var lines: [String] = []
        if let t = r.target {
            lines.append(vi ? "Chỉ tiêu kế hoạch năm \(t.year): \(t.products) sản phẩm OCOP mới; đã có \(t.achieved) sản phẩm được công nhận trong năm, đạt \(t.attainment.percent) % kế hoạch\(t.basis.map { " (\($0))" } ?? "")."
                            : "Target for \(t.year): \(t.products) new OCOP products; \(t.achieved) were recognised in the year, \(t.attainment.percent) % of the target\(t.basis.map { " (\($0))" } ?? "").")
        }
        if let n = r.nextTarget {
            lines.append(vi ? "Năm \(n.year): phấn đấu có thêm tối thiểu \(n.products) sản phẩm đạt OCOP\(n.basis.map { " (\($0))" } ?? "")."
                            : "\(n.year): at least \(n.products) more OCOP products\(n.basis.map { " (\($0))" } ?? "").")
        }
        return lines
    }

    static func registerBlocks(_ r: RegisterReport, _ language: Language) -> [ReportBlock] {
        let vi = language == .vi, t = r.tally
        var blocks: [ReportBlock] = t.sentences(language).map(ReportBlock.paragraph)
        blocks += targetLines(r, language).map(ReportBlock.paragraph)
        guard t.products > 0 else { return blocks }
        let total = vi ? "Tổng" : "Total"
        let share = vi ? "tỷ lệ" : "share"
        let products = vi ? "số sản phẩm" : "products"
        blocks.append(.heading(vi ? "1. Theo hạng sao" : "1. By stars"))
        blocks.append(.table(ReportTable(headers: [vi ? "hạng" : "stars", products, share],
                                         rows: t.byStars.map { ["\($0.stars)★"] + count($0.count, $0.share, language) }
                                             + [[total] + count(t.products, Share(part: t.products, whole: t.products), language)],
                                         widths: [2, 1.5, 1.5], numericColumns: [1, 2])))
        let starLevels = Set(t.byStars.map(\.stars)).sorted()
        blocks.append(.heading(vi ? "2. Theo năm công nhận (năm cấp giấy chứng nhận đang có hiệu lực)" : "2. By year of recognition (of the certificate in force)"))
        blocks.append(.table(ReportTable(headers: [vi ? "năm" : "year", products, share] + starLevels.map { "\($0)★" },
                                         rows: t.byYear.map { y in [String(y.year)] + count(y.count, y.share, language) + starLevels.map { String(y.byStars[$0] ?? 0) } },
                                         widths: [1.5, 1.5, 1.5] + starLevels.map { _ in 1 }, numericColumns: Array(1..<(3 + starLevels.count)))))
        blocks.append(.heading(vi ? "3. Theo loại hình chủ thể (\(t.producers) chủ thể)" : "3. By kind of producer (\(englishCount(t.producers, "producer")))"))
        blocks.append(.table(ReportTable(headers: [vi ? "loại hình" : "kind", vi ? "số chủ thể" : "producers", share],
                                         rows: t.byProducerKind.map { [$0.kind.label(language)] + count($0.count, $0.share, language) },
                                         widths: [4, 1.5, 1.5], numericColumns: [1, 2])))
        blocks.append(.heading(vi ? "4. Theo tỉnh" : "4. By province"))
        blocks.append(.table(ReportTable(headers: [vi ? "tỉnh" : "province", products, share],
                                         rows: t.byProvince.map { [$0.key] + count($0.count, $0.share, language) }, widths: [4, 1.5, 1.5], numericColumns: [1, 2])))
        blocks.append(.heading(vi ? "5. Theo bộ sản phẩm" : "5. By product set"))
        blocks.append(.table(ReportTable(headers: [vi ? "bộ" : "set", vi ? "tên bộ" : "title", products, share],
                                         rows: t.bySet.map { [String($0.set), r.setTitles[$0.set] ?? ""] + count($0.count, $0.share, language) },
                                         widths: [0.7, 5, 1.5, 1.5], numericColumns: [0, 2, 3])))
        blocks.append(.heading(vi ? "6. Theo xã (nơi sản xuất)" : "6. By commune (where it is made)"))
        blocks.append(.table(ReportTable(headers: [vi ? "xã" : "commune", products, share],
                                         rows: t.byCommune.map { [$0.key] + count($0.count, $0.share, language) }, widths: [4, 1.5, 1.5], numericColumns: [1, 2])))
        return blocks
    }

    static func registerCSV(_ r: RegisterReport) -> String {
        let t = r.tally
        var rows: [[String]] = [["total", "", String(t.products), "100.0"]]
        rows += t.byStars.map { ["stars", String($0.stars), String($0.count), $0.share.plain] }
        rows += t.byYear.map { ["year", String($0.year), String($0.count), $0.share.plain] }
        rows += t.byProducerKind.map { ["producer_kind", $0.kind.rawValue, String($0.count), $0.share.plain] }
        rows += t.byProvince.map { ["province", $0.key, String($0.count), $0.share.plain] }
        rows += t.bySet.map { ["product_set", String($0.set), String($0.count), $0.share.plain] }
        rows += t.byCommune.map { ["commune", $0.key, String($0.count), $0.share.plain] }
        if let target = r.target {
            rows.append(["target", String(target.year), String(target.products), ""])
            rows.append(["achieved", String(target.year), String(target.achieved), String(target.attainment.percent)])
        }
        if let next = r.nextTarget { rows.append(["target", String(next.year), String(next.products), ""]) }
        return Output.csv(headers: ["dimension", "key", "count", "share_percent"], rows: rows)
    }

    struct RegisterJSON: Encodable {
        struct Group: Encodable { let key: String; let label: String; let count: Int; let share: String }
        struct Target: Encodable { let year: Int; let target: Int; let achieved: Int; let percent: Int; let basis: String? }
        let asOf: CalendarDate, province: String?, products: Int, producers: Int
        let byStars: [Group], byYear: [Group], byProducerKind: [Group], byProvince: [Group], bySet: [Group], byCommune: [Group]
        let target: Target?, nextTarget: Target?, summary: [String]

        init(_ r: RegisterReport, _ language: Language) {
            let t = r.tally
            asOf = t.asOf; province = r.province; products = t.products; producers = t.producers
            byStars = t.byStars.map { Group(key: String($0.stars), label: "\($0.stars)★", count: $0.count, share: $0.share.plain) }
            byYear = t.byYear.map { Group(key: String($0.year), label: String($0.year), count: $0.count, share: $0.share.plain) }
            byProducerKind = t.byProducerKind.map { Group(key: $0.kind.rawValue, label: $0.kind.label(language), count: $0.count, share: $0.share.plain) }
            byProvince = t.byProvince.map { Group(key: $0.key, label: $0.key, count: $0.count, share: $0.share.plain) }
            bySet = t.bySet.map { Group(key: String($0.set), label: r.setTitles[$0.set] ?? "", count: $0.count, share: $0.share.plain) }
            byCommune = t.byCommune.map { Group(key: $0.key, label: $0.key, count: $0.count, share: $0.share.plain) }
            func asTarget(_ v: TargetView?) -> Target? { v.map { Target(year: $0.year, target: $0.products, achieved: $0.achieved, percent: $0.attainment.percent, basis: $0.basis) } }
            target = asTarget(r.target); nextTarget = asTarget(r.nextTarget)
            summary = t.sentences(language) + ReportRender.targetLines(r, language)
        }
    }

    /// Stars by year of recognition (bars) and producer kinds (donut).
    static func registerCharts(_ r: RegisterReport, _ language: Language) -> [(String, ChartDocument)] {
        let vi = language == .vi, t = r.tally
        guard t.products > 0 else { return [] }
        let day = t.asOf.display(language)
        let subtitle = r.province.map { vi ? "Tỉnh \($0), còn hiệu lực đến ngày \(day)" : "\($0), in force on \(day)" }
            ?? (vi ? "Còn hiệu lực đến ngày \(day)" : "In force on \(day)")
        let levels = Set(t.byStars.map(\.stars)).sorted()
        let years = ChartDocument(language: language, title: vi ? "Sản phẩm OCOP theo năm công nhận và hạng sao" : "OCOP products by year of recognition and stars",
                                  subtitle: subtitle,
                                  kind: .bar(BarChart(categories: t.byYear.map { String($0.year) },
                                                      series: levels.map { s in ChartSeries(name: vi ? "\(s) sao" : "\(s) stars", values: t.byYear.map { ChartNumber($0.byStars[s] ?? 0) }) },
                                                      valueAxisLabel: vi ? "Số sản phẩm" : "Products")),
                                  width: 160, height: 100, date: t.asOf)
        let kinds = ChartDocument(language: language, title: vi ? "Chủ thể có sản phẩm OCOP theo loại hình" : "Producers of OCOP products by kind",
                                  subtitle: subtitle,
                                  kind: .share(ShareChart(style: .donut, slices: t.byProducerKind.map { ShareSlice(label: $0.kind.label(language), value: ChartNumber($0.count)) })),
                                  width: 180, height: 80, date: t.asOf)
        let stars = ChartDocument(language: language, title: vi ? "Cơ cấu hạng sao" : "Stars", subtitle: subtitle,
                                  kind: .share(ShareChart(style: .bar, slices: t.byStars.map { ShareSlice(label: vi ? "\($0.stars) sao" : "\($0.stars) stars", value: ChartNumber($0.count)) })),
                                  width: 160, height: 46, date: t.asOf)
        let prefix = "register-\(t.asOf.iso)"
        return [("\(prefix)-stars-by-year", years), ("\(prefix)-producer-kinds", kinds), ("\(prefix)-stars", stars)]
    }

    // MARK: Round

    static func roundTitle(_ r: RoundReport, _ language: Language) -> String {
        language == .vi ? "Kết quả đánh giá, phân hạng sản phẩm OCOP đợt \(r.round) năm \(r.year)" : "OCOP evaluation results, round \(r.round) of \(r.year)"
    }

    static func roundBlocks(_ r: RoundReport, _ language: Language) -> [ReportBlock] {
        let vi = language == .vi
        let n = r.dossiers.count
        guard n > 0 else { return [.paragraph(vi ? "Đợt này không có hồ sơ nào." : "No dossier in this round.")] }
        let scored = r.dossiers.filter { $0.average != nil }.count
        var blocks: [ReportBlock] = [.paragraph(vi ? "\(n) hồ sơ, \(scored) hồ sơ đã được Hội đồng chấm." : "\(englishCount(n, "dossier")), \(scored) scored by a council.")]
        let share = vi ? "tỷ lệ" : "share", dossiers = vi ? "số hồ sơ" : "dossiers"
        blocks.append(.heading(vi ? "1. Theo kết quả" : "1. By outcome"))
        blocks.append(.table(ReportTable(headers: [vi ? "kết quả" : "outcome", dossiers, share],
                                         rows: r.byOutcome.map { [$0.0.label(language), String($0.1), Share(part: $0.1, whole: n).display(language)] },
                                         widths: [4, 1.5, 1.5], numericColumns: [1, 2])))
        blocks.append(.heading(vi ? "2. Theo hạng sao của Hội đồng" : "2. By the council's stars"))
        blocks.append(.table(ReportTable(headers: [vi ? "hạng" : "stars", dossiers, share],
                                         rows: r.byStars.map { [$0.0 == 0 ? (vi ? "bị loại" : "disqualified") : "\($0.0)★", String($0.1), Share(part: $0.1, whole: max(scored, 1)).display(language)] },
                                         widths: [2, 1.5, 1.5], numericColumns: [1, 2])))
        blocks.append(.heading(vi ? "3. Điểm trung bình theo bộ sản phẩm" : "3. Mean score by product set"))
        blocks.append(.table(ReportTable(headers: [vi ? "bộ" : "set", vi ? "tên bộ" : "title", dossiers, vi ? "điểm trung bình" : "mean"],
                                         rows: r.meansBySet.map { [String($0.set), $0.title, String($0.dossiers), $0.mean.display(language)] },
                                         widths: [0.7, 5, 1.2, 1.6], numericColumns: [0, 2, 3])))
        blocks.append(.heading(vi ? "4. Nâng hạng" : "4. Upgrades"))
        let upgrades = r.upgrades
        if upgrades.isEmpty {
            blocks.append(.paragraph(vi ? "Không có hồ sơ nâng hạng." : "No upgrade dossier."))
        } else {
            let granted = upgrades.filter { $0.outcome == .recognised }.count, refused = upgrades.filter { $0.outcome == .upgradeNotGranted }.count
            blocks.append(.paragraph(vi ? "\(upgrades.count) hồ sơ nâng hạng: \(granted) được công nhận, \(refused) không được công nhận nâng hạng, \(upgrades.count - granted - refused) khác."
                                        : "\(upgrades.count) upgrade dossiers: \(granted) granted, \(refused) not granted, \(upgrades.count - granted - refused) other."))
            blocks.append(.table(ReportTable(headers: vi ? ["hồ sơ", "sản phẩm", "từ", "đề nghị", "điểm", "kết quả"] : ["dossier", "product", "from", "target", "score", "outcome"],
                                             rows: upgrades.map { d in
                [d.code.rawValue, d.productName, d.basisStars.map { "\($0)★" } ?? "", d.targetStars.map { "\($0)★" } ?? "", d.average?.display(language) ?? "",
                 d.outcome.label(language) + (d.certificateStars.map { " (\($0)★)" } ?? "")]
            }, widths: [2, 4, 1, 1, 1.2, 3.5], numericColumns: [4])))
        }
        blocks.append(.heading(vi ? "5. Danh sách hồ sơ" : "5. Dossiers"))
        blocks.append(.table(ReportTable(headers: vi ? ["hồ sơ", "sản phẩm", "bộ", "loại", "điểm", "hạng", "kết quả", "giấy chứng nhận"]
                                                     : ["dossier", "product", "set", "kind", "score", "stars", "outcome", "certificate"],
                                         rows: r.dossiers.map { d in
            [d.code.rawValue, d.productName, String(d.productSet), d.kind.label(language), d.average?.display(language) ?? "",
             d.councilStars.map { "\($0)★" } ?? (d.average == nil ? "" : "—"), d.outcome.label(language), d.certificate ?? ""]
        }, widths: [2, 3.5, 0.7, 1.8, 1.1, 0.9, 2.6, 2.4], numericColumns: [2, 4])))
        return blocks
    }

    static func roundCSV(_ r: RoundReport) -> String {
        Output.csv(headers: ["dossier", "product_code", "product", "producer", "set", "kind", "status", "mean", "council_stars", "outcome", "certificate",
                             "certificate_stars", "basis_stars", "target_stars"],
                   rows: r.dossiers.map { d in
            [d.code.rawValue, d.productCode, d.productName, d.producerName, String(d.productSet), d.kind.rawValue, d.status.rawValue, d.average?.plain ?? "",
             d.councilStars.map(String.init) ?? "", d.outcome.rawValue, d.certificate ?? "", d.certificateStars.map(String.init) ?? "",
             d.basisStars.map(String.init) ?? "", d.targetStars.map(String.init) ?? ""]
        })
    }

    struct RoundJSON: Encodable {
        struct Count: Encodable { let key: String; let label: String; let count: Int }
        struct Mean: Encodable { let set: Int; let title: String; let dossiers: Int; let mean: String }
        struct Dossier: Encodable {
            let dossier: String, productCode: String, product: String, set: Int, kind: String, status: String, mean: String?, councilStars: Int?
            let outcome: String, outcomeText: String, certificate: String?, certificateStars: Int?, basisStars: Int?, targetStars: Int?
        }
        let year: Int, round: Int, byOutcome: [Count], byStars: [Count], meansBySet: [Mean], dossiers: [Dossier]
        init(_ r: RoundReport, _ language: Language) {
            year = r.year; round = r.round
            byOutcome = r.byOutcome.map { Count(key: $0.0.rawValue, label: $0.0.label(language), count: $0.1) }
            byStars = r.byStars.map { Count(key: String($0.0), label: $0.0 == 0 ? "disqualified" : "\($0.0)★", count: $0.1) }
            meansBySet = r.meansBySet.map { Mean(set: $0.set, title: $0.title, dossiers: $0.dossiers, mean: $0.mean.plain) }
            dossiers = r.dossiers.map { d in
                Dossier(dossier: d.code.rawValue, productCode: d.productCode, product: d.productName, set: d.productSet, kind: d.kind.rawValue,
                        status: d.status.rawValue, mean: d.average?.plain, councilStars: d.councilStars, outcome: d.outcome.rawValue,
                        outcomeText: d.outcome.label(language), certificate: d.certificate, certificateStars: d.certificateStars,
                        basisStars: d.basisStars, targetStars: d.targetStars)
            }
        }
    }

    /// Outcomes (donut) and the mean by product set (bars).
    static func roundCharts(_ r: RoundReport, _ language: Language) -> [(String, ChartDocument)] {
        let vi = language == .vi
        guard !r.dossiers.isEmpty else { return [] }
        let subtitle = vi ? "Đợt \(r.round) năm \(r.year)" : "Round \(r.round) of \(r.year)"
        var charts: [(String, ChartDocument)] = [("round-\(r.year)-\(r.round)-outcomes", ChartDocument(
            language: language, title: vi ? "Kết quả các hồ sơ" : "Outcomes of the dossiers", subtitle: subtitle,
            kind: .share(ShareChart(style: .donut, slices: r.byOutcome.map { ShareSlice(label: $0.0.label(language), value: ChartNumber($0.1)) })),
            width: 160, height: 80))]
        if !r.meansBySet.isEmpty {
            charts.append(("round-\(r.year)-\(r.round)-means", ChartDocument(
                language: language, title: vi ? "Điểm trung bình theo bộ sản phẩm" : "Mean score by product set", subtitle: subtitle,
                kind: .bar(BarChart(categories: r.meansBySet.map { (vi ? "Bộ " : "Set ") + String($0.set) },
                                    series: [ChartSeries(name: vi ? "Điểm" : "Points", values: r.meansBySet.map { ChartNumber($0.mean) })],
                                    valueAxisLabel: vi ? "Điểm trung bình" : "Mean")),
                width: 170, height: 95)))
        }
        return charts
    }

    // MARK: Upgrades

    static func upgradesBlocks(_ upgrades: [UpgradeRecord], year: Int?, _ language: Language) -> [ReportBlock] {
        let vi = language == .vi
        guard !upgrades.isEmpty else { return [.paragraph(vi ? "Chưa có lượt nâng hạng nào." : "No upgrade recorded.")] }
        var blocks: [ReportBlock] = []
        let transitions = ["3★→4★", "3★→5★", "4★→5★"]
        var rows: [[String]] = []
        for t in transitions {
            let of = upgrades.filter { $0.transition == t }
            guard !of.isEmpty else { continue }
            rows.append([t] + UpgradeRecord.Outcome.allCases.map { o in String(of.filter { $0.outcome == o }.count) } + [String(of.count)])
        }
        blocks.append(.heading(vi ? "1. Theo bậc nâng hạng" : "1. By transition"))
        blocks.append(.table(ReportTable(headers: [vi ? "nâng hạng" : "upgrade"] + UpgradeRecord.Outcome.allCases.map { o in
            // Column headers are lower case, like every other header of the reports.
            let label = o.label(language)
            return label.prefix(1).lowercased() + label.dropFirst()
        } + [vi ? "tổng" : "total"],
                                         rows: rows, widths: [1.5] + UpgradeRecord.Outcome.allCases.map { _ in 1.4 } + [1], numericColumns: Array(1...UpgradeRecord.Outcome.allCases.count + 1))))
        blocks.append(.heading(vi ? "2. Danh sách" : "2. List"))
        blocks.append(.table(ReportTable(
            headers: vi ? ["ngày", "sản phẩm", "hồ sơ", "nâng hạng", "điểm", "kết quả", "quyết định", "giấy chứng nhận"]
                        : ["date", "product", "dossier", "upgrade", "score", "outcome", "decision", "certificate"],
            rows: upgrades.map { u in
                [u.date.display(language), u.productName, u.dossier?.rawValue ?? (vi ? "(sổ công nhận)" : "(register)"), u.transition,
                 u.average?.display(language) ?? "", u.outcome.label(language) + (u.resultStars.map { vi ? " (Hội đồng: \($0)★)" : " (council: \($0)★)" } ?? ""),
                 [u.decision, u.decidedOn?.display(language)].compactMap { $0 }.joined(separator: " "), u.certificate ?? ""]
            }, widths: [1.5, 3.2, 1.8, 1.3, 1.1, 2.8, 2.6, 2.4], numericColumns: [4])))
        return blocks
    }

    static func upgradesCSV(_ upgrades: [UpgradeRecord]) -> String {
        Output.csv(headers: ["date", "product_code", "product", "producer", "dossier", "from_stars", "target_stars", "result_stars", "mean", "granted_stars",
                             "outcome", "decision", "decided_on", "certificate"],
                   rows: upgrades.map { u in
            [u.date.iso, u.productCode, u.productName, u.producerName, u.dossier?.rawValue ?? "", String(u.fromStars), u.targetStars.map(String.init) ?? "",
             u.resultStars.map(String.init) ?? "", u.average?.plain ?? "", u.grantedStars.map(String.init) ?? "", u.outcome.rawValue, u.decision ?? "",
             u.decidedOn?.iso ?? "", u.certificate ?? ""]
        })
    }

    // MARK: Listings

    static func listingsBlocks(_ r: ListingsReport, _ language: Language) -> [ReportBlock] {
        let vi = language == .vi
        let sale = r.onSale
        var blocks: [ReportBlock] = [.paragraph(vi
            ? "Ngày \(r.asOf.display(.vi)): \(Set(sale.map(\.productID)).count) sản phẩm đang bán tại \(Set(sale.map(\.outlet.id)).count) kênh (\(sale.count) điểm bán); \(r.mustWithdraw.count) điểm bán phải gỡ nhãn OCOP."
            : "On \(r.asOf.display(.en)): \(englishCount(Set(sale.map(\.productID)).count, "product")) on sale at \(englishCount(Set(sale.map(\.outlet.id)).count, "outlet")) (\(englishCount(sale.count, "listing"))); \(r.mustWithdraw.count) must withdraw the OCOP mark.")]
        blocks.append(.heading(vi ? "1. Theo loại kênh" : "1. By kind of outlet"))
        blocks.append(.table(ReportTable(
            headers: vi ? ["loại kênh", "số kênh", "số sản phẩm", "điểm bán", "bán là OCOP", "phải gỡ nhãn"] : ["kind", "outlets", "products", "listings", "as OCOP", "must withdraw"],
            rows: r.byKind.map { [$0.kind.label(language), String($0.outlets), String($0.products), String($0.onSale), String($0.asOCOP), String($0.mustWithdraw)] },
            widths: [4, 1.2, 1.4, 1.3, 1.4, 1.5], numericColumns: [1, 2, 3, 4, 5])))
        if !r.byChain.isEmpty {
            blocks.append(.heading(vi ? "2. Chuỗi siêu thị" : "2. Supermarket chains"))
            blocks.append(.table(ReportTable(headers: [vi ? "chuỗi" : "chain", vi ? "số sản phẩm" : "products"],
                                             rows: r.byChain.map { [$0.chain, String($0.products)] }, widths: [4, 1.5], numericColumns: [1])))
        }
        blocks.append(.heading(vi ? "3. Phải gỡ nhãn OCOP (điểm b khoản 3 Điều 9)" : "3. Must withdraw the OCOP mark (Art. 9.3.b)"))
        if r.mustWithdraw.isEmpty {
            blocks.append(.paragraph(vi ? "Không có." : "None."))
        } else {
            blocks.append(.table(ReportTable(
                headers: vi ? ["#", "sản phẩm", "kênh", "giấy chứng nhận", "từ ngày"] : ["#", "product", "outlet", "certificate", "since"],
                rows: r.mustWithdraw.map { l in
                    [String(l.id), l.productName, l.outlet.display, l.mark.map { "\($0.certificate.number) (\($0.certificate.describeState(on: l.asOf, language)))" } ?? "",
                     l.mustWithdrawSince?.display(language) ?? ""]
                }, widths: [0.6, 3, 3, 4.5, 1.6], numericColumns: [0])))
        }
        return blocks
    }

    // MARK: Expiring

    static func expiringBlocks(_ certificates: [CertificateView], within: Int, asOf: CalendarDate, _ language: Language) -> [ReportBlock] {
        let vi = language == .vi
        var blocks: [ReportBlock] = [.paragraph(vi
            ? "Ngày \(asOf.display(.vi)): \(certificates.count) giấy chứng nhận còn hiệu lực hết hạn trong \(within) ngày tới; chủ thể nộp hồ sơ đánh giá lại từ 180 đến 120 ngày trước ngày hết hạn (điểm a khoản 6 Điều 7)."
            : "On \(asOf.display(.en)): \(englishCount(certificates.count, "certificate")) in force \(certificates.count == 1 ? "expires" : "expire") within \(englishCount(within, "day")); holders file for re-evaluation 180 to 120 days before expiry (Art. 7.6.a).")]
        guard !certificates.isEmpty else { return blocks }
        var months: [String: [Int: Int]] = [:]
        for c in certificates { months[String(c.facts.validUntil.iso.prefix(7)), default: [:]][c.stars, default: 0] += 1 }
        let levels = Set(certificates.map(\.stars)).sorted()
        blocks.append(.heading(vi ? "1. Theo tháng hết hạn" : "1. By month of expiry"))
        blocks.append(.table(ReportTable(headers: [vi ? "tháng" : "month"] + levels.map { "\($0)★" } + [vi ? "tổng" : "total"],
                                         rows: months.keys.sorted().map { m in [m] + levels.map { String(months[m]![$0] ?? 0) } + [String(months[m]!.values.reduce(0, +))] },
                                         widths: [1.5] + levels.map { _ in 1 } + [1], numericColumns: Array(1...levels.count + 1))))
        blocks.append(.heading(vi ? "2. Danh sách" : "2. List"))
        blocks.append(.table(ReportTable(
            headers: vi ? ["giấy chứng nhận", "sản phẩm", "sao", "chủ thể", "hết hạn", "còn (ngày)", "nộp đánh giá lại", "hồ sơ"]
                        : ["certificate", "product", "stars", "producer", "expires", "days left", "re-evaluation window", "dossier"],
            rows: certificates.map { c in
                [c.number.description, c.productName, "\(c.stars)★", c.producerName, c.facts.validUntil.display(language), String(c.daysToExpiry),
                 c.facts.renewalWindow.describe(language), c.pendingDossier?.rawValue ?? ""]
            }, widths: [2.4, 2.6, 0.7, 2.8, 1.5, 1, 3.2, 1.8], numericColumns: [5])))
        return blocks
    }
}
