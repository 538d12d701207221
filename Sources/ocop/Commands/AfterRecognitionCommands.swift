import ArgumentParser
import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels

extension ProductCommand {
    /// `ocop product history CODE`: the product's timeline on one screen.
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            abstract: L("Dòng thời gian của sản phẩm: công nhận, giấy chứng nhận, nâng hạng (được và không được), đánh giá lại, thu hồi, điểm bán.",
                        "The product's timeline: recognitions, certificates, upgrades (granted or not), re-evaluations, revocations, listings."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var asOf: AsOfOption
        @Argument(help: L("Mã sản phẩm hoặc id.", "Product code or id.")) var product: String
        @Option(help: "text | json | csv") var format: OutputFormat = .text

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                try require(format, in: [.text, .table, .json, .csv])
                let history = try workbench().productHistory(product, asOf: try asOf.date())
                Output.write(try HistoryRender.history(history, format: format, language))
            }
        }
    }
}

extension DossierCommand {
    /// `ocop dossier claim`: a change an upgrade claims against the recognised product (Art. 7.5).
    struct Claim: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "claim",
            abstract: L("Ghi thay đổi so với sản phẩm đã được công nhận trên một tiêu chí, kèm minh chứng (hồ sơ nâng hạng, Điều 7.5).",
                        "Record a change against the recognised product on one criterion, with evidence (upgrade dossier, Art. 7.5)."),
            discussion: L("Ghi trước khi Hội đồng chấm; sau khi Hội đồng chấm, ocop dossier diff cho biết thay đổi nào được xác nhận.",
                          "Recorded before the council scores; afterwards ocop dossier diff says which changes the council bore out."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: L("Mã hồ sơ.", "Dossier code.")) var dossier: String
        @Option(help: L("Mã tiêu chí, vd. 4.1.", "Criterion code, e.g. 4.1.")) var criterion: String
        @Option(help: L("Mức điểm sản phẩm nay đạt trên tiêu chí.", "The option's points the product now earns.")) var points: Int
        @Option(help: L("Nội dung thay đổi.", "What changed.")) var change: String
        @Option(help: ArgumentHelp(L("Minh chứng (lặp lại): số hợp đồng, giấy chứng nhận, phiếu kiểm nghiệm.", "Evidence (repeat): contract, certificate, test report."), valueName: L("minh-chứng", "evidence"))) var evidence: [String] = []

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let view = try workbench(actor).recordClaim(UpgradeClaim(criterion: criterion, claimedPoints: points, change: change, evidence: evidence),
                                                            dossier: try readCode(DossierCode.self, dossier))
                Output.write(language == .vi
                    ? "Đã ghi thay đổi #\(view.position) của hồ sơ \(dossier.uppercased()): tiêu chí \(view.claim.criterion) (\(view.criterionTitle)) đạt mức \(view.claim.claimedPoints) điểm; \(view.claim.evidence.count) minh chứng."
                    : "Recorded claim #\(view.position) of \(dossier.uppercased()): criterion \(view.claim.criterion) (\(view.criterionTitle)) now earns \(view.claim.claimedPoints) points; \(englishCount(view.claim.evidence.count, "piece of evidence", "pieces of evidence")).")
            }
        }
    }

    /// `ocop dossier self-assess`: the producer's self-assessment (Mẫu 02 Part III).
    struct SelfAssess: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "self-assess",
            abstract: L("Lưu phiếu tự đánh giá của chủ thể (Mẫu 02 phần III) vào hồ sơ; ocop dossier diff đặt nó cạnh điểm của Hội đồng.",
                        "Store the producer's self-assessment (Mẫu 02 Part III) on the dossier; ocop dossier diff shows it beside the council's means."),
            discussion: L("Tệp phiếu có định dạng như ocop rate; phiếu được kiểm tra theo bộ tiêu chí đã cố định của hồ sơ. Nộp lại là một phiên bản mới. ocop plan HỒ-SƠ --self-assessment lập kế hoạch từ phiếu này.",
                          "The sheet file has the format of ocop rate and is checked against the dossier's frozen rubric. Storing again makes a new version. ocop plan DOSSIER --self-assessment plans from it."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: L("Mã hồ sơ.", "Dossier code.")) var dossier: String
        @Option(help: L("Tệp phiếu tự đánh giá (YAML/JSON).", "The self-assessment sheet (YAML/JSON).")) var sheet: String

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let stored = try workbench(actor).recordSelfAssessment(dossier: try readCode(DossierCode.self, dossier), file: sheet)
                Output.write(language == .vi ? "Đã lưu phiếu tự đánh giá của hồ sơ \(stored.dossier), phiên bản \(stored.version): \(stored.total) điểm."
                                             : "Stored the self-assessment of \(stored.dossier), version \(stored.version): \(englishCount(stored.total, "point")).")
            }
        }
    }

    /// `ocop dossier diff`: an upgrade against its recognition, per criterion.
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: L("So sánh hồ sơ nâng hạng (hoặc đánh giá lại) với lần công nhận: điểm trung bình từng tiêu chí khi đó và nay, thay đổi đã khai, tự đánh giá, và điều quyết định kết quả.",
                        "An upgrade (or re-evaluation) against its recognition: each criterion's mean then and now, the claims, the self-assessment, and what decided the result."))
        @OptionGroup var lang: LanguageOption
        @Argument(help: L("Mã hồ sơ.", "Dossier code.")) var dossier: String
        @Flag(help: L("Hiện mọi tiêu chí (mặc định: chỉ tiêu chí có thay đổi, khai báo hoặc yêu cầu tối thiểu).", "Show every criterion (default: those with a change, a claim or a minimum).")) var all = false
        @Option(help: "text | json | csv") var format: OutputFormat = .text

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                try require(format, in: [.text, .table, .json, .csv])
                let view = try workbench().dossierDiff(try readCode(DossierCode.self, dossier))
                Output.write(try HistoryRender.diff(view, all: all, format: format, language))
            }
        }
    }
}
