import ArgumentParser
import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels

/// `ocop plan`: the cheapest way to a higher star (docs/planner.md).
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: L("Kế hoạch nâng hạng rẻ nhất để đạt hạng sao mục tiêu.", "The cheapest plan to reach a target star rating."),
        discussion: L("""
            Từ điểm trung bình gần nhất của Hội đồng cho một sản phẩm hoặc hồ sơ (hoặc một phiếu tự đánh giá: tệp với --sheet \
            và --set, hoặc phiếu đã lưu của hồ sơ với --self-assessment), tìm tập cải thiện tiêu chí có chi phí nhỏ nhất để đạt ngưỡng điểm (70 hoặc 90 điểm trung bình) và \
            mọi tiêu chí ★ tối thiểu đến hạng mục tiêu, không bị loại. Lời giải là tối ưu chính xác, kèm lý do vì sao không \
            có kế hoạch rẻ hơn. Chi phí mặc định theo bảng công sức scoring/effort/default.yaml (--effort để dùng bảng khác). \
            Xem docs/planner.md.
            """, """
            From the council's latest means for a product or dossier (or a self-assessment: a file with --sheet and --set, or \
            the dossier's stored one with --self-assessment), finds the cheapest set of criterion improvements that reaches the band (70 or 90 points on the mean) and every \
            ★ minimum up to the target, with no knock-out. The optimum is exact, with the reason no cheaper plan exists. \
            Costs come from scoring/effort/default.yaml (--effort for another table). See docs/planner.md.
            """))

    @OptionGroup var lang: LanguageOption
    @Argument(help: L("Mã sản phẩm hoặc mã hồ sơ (bỏ trống khi dùng --sheet).", "Product code or dossier code (omit with --sheet).")) var reference: String?
    @Option(help: L("Hạng sao mục tiêu: 3, 4 hoặc 5.", "Target stars: 3, 4 or 5.")) var target: Int
    @Option(help: L("Phiếu tự đánh giá (YAML/JSON như ocop rate).", "A self-assessment sheet (YAML/JSON, as for ocop rate).")) var sheet: String?
    @Option(name: .customLong("set"), help: L("Bộ sản phẩm của phiếu (với --sheet).", "The sheet's product set (with --sheet).")) var setNumber: Int?
    @Option(help: L("Bảng công sức khác (YAML, như scoring/effort/default.yaml).", "Another effort table (YAML, like scoring/effort/default.yaml).")) var effort: String?
    @Flag(name: .customLong("self-assessment"), help: L("Lập kế hoạch từ phiếu tự đánh giá đã lưu của hồ sơ (ocop dossier self-assess).", "Plan from the dossier's stored self-assessment (ocop dossier self-assess).")) var selfAssessment = false
    @Option(name: .customLong("case"), help: L("Trường hợp của Bộ 26 (1 hoặc 2) khi phiếu không nêu.", "Bộ 26 case (1 or 2) when the sheets name none.")) var tourismCase: Int?
    @Option(help: "text | json") var format: OutputFormat = .text

    func run() throws {
        let language = lang.language
        try runReporting(language) {
            try require(format, in: [.text, .json])
            if selfAssessment, reference == nil || sheet != nil {
                throw UsageError(message: LocalizedText(vi: "--self-assessment cần một mã hồ sơ (không dùng cùng --sheet).", en: "--self-assessment needs a dossier code (not --sheet)."))
            }
            let baseline: PlanBaseline
            switch (reference, sheet, setNumber) {
            case let (nil, path?, set?): baseline = .sheet(path: path, set: set)
            case (nil, _?, nil): throw UsageError(message: LocalizedText(vi: "Với --sheet cần --set (bộ sản phẩm).", en: "--sheet needs --set (the product set)."))
            case let (reference?, nil, nil) where selfAssessment:
                baseline = .selfAssessment(try readCode(DossierCode.self, reference))
            case let (reference?, nil, nil):
                baseline = reference.uppercased().hasPrefix("HS-") ? .dossier(try readCode(DossierCode.self, reference)) : .product(reference)
            case (nil, nil, _):
                throw UsageError(message: LocalizedText(vi: "Nêu một sản phẩm, một hồ sơ, hoặc --sheet và --set.", en: "Name a product, a dossier, or --sheet with --set."))
            default:
                throw UsageError(message: LocalizedText(vi: "Dùng một sản phẩm/hồ sơ hoặc --sheet, không dùng cả hai.", en: "Use a product/dossier or --sheet, not both."))
            }
            let report = try workbench().plan(baseline, target: target, effortFile: effort, tourismCase: tourismCase)
            Output.write(format == .json ? Output.json(report) : PlanRender.text(report, language))
        }
    }
}

enum PlanRender {
    static func text(_ report: PlanReport, _ language: Language) -> String {
        let vi = language == .vi
        var lines: [String] = []
        if let dossier = report.dossier, let version = report.selfAssessmentVersion {
            let name = Output.terminalSafe(report.productName ?? "")
            lines.append(vi ? "Từ phiếu tự đánh giá đã lưu của hồ sơ \(dossier) (\(name)), phiên bản \(version)."
                            : "From the stored self-assessment of dossier \(dossier) (\(name)), version \(version).")
        } else if let dossier = report.dossier, let session = report.session {
            let name = Output.terminalSafe(report.productName ?? "")
            lines.append(vi ? "Từ điểm của Hội đồng cho hồ sơ \(dossier) (\(name)), phiên \(session)."
                            : "From the council's scores for dossier \(dossier) (\(name)), session \(session).")
        } else if let file = report.baselineFile {
            lines.append(vi ? "Từ phiếu \(file)." : "From the sheet \(file).")
        }
        lines.append((vi ? "Bảng công sức: " : "Effort table: ") + report.effortFile)
        lines += report.plan.lines(language).map(Output.terminalSafe)
        return lines.joined(separator: "\n")
    }
}
