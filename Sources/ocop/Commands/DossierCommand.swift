import ArgumentParser
import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels

struct DossierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: L("Hồ sơ đánh giá và quy trình (xã → tỉnh → hội đồng → quyết định).", "Dossiers and their workflow (commune → province → council → decision)."),
        discussion: L("""
            Trạng thái: submitted → commune_review → provincial_review → advisory_review → ready_for_council → council_scheduled \
            (khi mở phiên họp hội đồng) → awaiting_decision | proposed_central | not_recognised; proposed_central → central_review \
            → awaiting_decision | not_recognised; awaiting_decision → recognised | not_recognised (chỉ bằng quyết định, ocop \
            decision issue). Hồ sơ đang xem xét có thể bị trả lại để bổ sung (rồi quay về đúng bước cũ) và có thể rút khi chưa có \
            kết luận; hồ sơ đã xếp lịch có thể hoãn sang phiên sau (ocop council session defer). Kết quả hội đồng do ocop council \
            session finalize ghi. Mỗi bước ghi người, thời điểm và ghi chú.
            """, """
            States: submitted → commune_review → provincial_review → advisory_review → ready_for_council → council_scheduled \
            (when a council session is opened with it) → awaiting_decision | proposed_central | not_recognised; \
            proposed_central → central_review → awaiting_decision | not_recognised; awaiting_decision → recognised | \
            not_recognised (only by a decision, ocop decision issue). A dossier under review can be returned for completion (it then goes back where it came from) and withdrawn until it \
            is decided; a scheduled dossier can be deferred to a later session (ocop council session defer). Council outcomes \
            come from ocop council session finalize. Every step is recorded with who, when and a note.
            """),
        subcommands: [Open.self, List.self, Show.self, Status.self, Advance.self, Return.self, Withdraw.self, History.self, Claim.self, SelfAssess.self, Diff.self]
    )

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "open", abstract: L("Mở hồ sơ cho một sản phẩm (cố định phiên bản bộ tiêu chí).", "Open a dossier for a product (freezes the rubric version)."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Option(name: .long, help: L("Mã sản phẩm hoặc id.", "Product code or id.")) var product: String
        @Option(name: .long, help: "lan_dau | nang_hang | danh_gia_lai") var kind: String = DossierKind.firstEvaluation.rawValue
        @Option(name: .long, help: L("Năm của đợt đánh giá (mặc định: theo ngày nộp).", "The round's year (default: from the filing date).")) var year: Int?
        @Option(name: .long, help: L("Đợt đánh giá (mặc định theo ngày nộp: đến 30/4 → đợt 1, đến 30/10 → đợt 2; đợt bổ sung từ 3).", "Evaluation round (default from the filing date: by 30/4 → 1, by 30/10 → 2; extra rounds from 3).")) var round: Int?
        @Option(name: .customLong("filed-on"), help: L("Ngày nộp hồ sơ YYYY-MM-DD (mặc định hôm nay); dùng để xếp đợt và kiểm tra thời hạn đánh giá lại.", "Filing date YYYY-MM-DD (default today); it places the round and is checked against the re-evaluation window.")) var filedOn: String?
        @Option(name: .long, help: L("Hạng sao đề nghị (3–5).", "Target stars (3–5).")) var targetStars: Int?
        @Option(name: .long, help: L("Phiên bản bộ tiêu chí.", "Rubric version.")) var rubric: String = RubricVersionID.qd26_2026.rawValue
        @Option(name: .long, help: L("Ghi chú.", "Note.")) var note: String?
        @Option(name: .long, help: "text | json") var format: OutputFormat = .text

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                try require(format, in: [.text, .json])
                let kind = try choice(self.kind, field: "kind", allowed: DossierKind.allCases.map(\.rawValue), DossierKind.init(flexible:))
                let bench = try workbench(actor)
                let dossier = try bench.openDossier(DossierOpening(
                    productRef: product, kind: kind, year: year, round: round, targetStars: targetStars,
                    rubricVersion: rubric, note: note, filedOn: try filedOn.map { try readDate($0, field: "filed_on") }))
                if format == .json { Output.write(Output.json(dossier)); return }
                Output.write(language == .vi
                    ? "Đã mở hồ sơ \(dossier.code) cho \(dossier.productName) (\(dossier.kind.label(.vi)), nộp ngày \(dossier.filedOn?.display(.vi) ?? ""), kỳ \(dossier.round)/\(dossier.year), bộ tiêu chí \(dossier.rubricVersion))."
                    : "Opened dossier \(dossier.code) for \(dossier.productName) (\(dossier.kind.label(.en)), filed \(dossier.filedOn?.display(.en) ?? ""), round \(dossier.round)/\(dossier.year), rubric \(dossier.rubricVersion)).")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: L("Danh sách hồ sơ.", "List dossiers."))
        @OptionGroup var lang: LanguageOption
        @Option(name: .long, help: L("Năm đánh giá.", "Evaluation year.")) var year: Int?
        @Option(name: .long, help: L("Lọc theo trạng thái (vd. advisory_review).", "Filter by state (e.g. advisory_review).")) var status: String?
        @Option(name: .long, help: L("Lọc theo sản phẩm.", "Filter by product.")) var product: String?
        @Option(name: .long, help: "table | json | csv") var format: OutputFormat = .table

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let status = try self.status.map { try choice($0, field: "status", allowed: DossierStatus.allCases.map(\.rawValue), DossierStatus.init(rawValue:)) }
                let dossiers = try workbench().dossiers(year: year, status: status, product: product)
                let vi = language == .vi
                Output.write(try Output.list(dossiers, format: format,
                    headers: vi ? ["hồ sơ", "sản phẩm", "bộ", "loại", "kỳ", "trạng thái"] : ["dossier", "product", "set", "kind", "round", "status"]) { d in
                    [d.code.rawValue, d.productName, String(d.productSet), d.kind.label(language), "\(d.round)/\(d.year)", d.status.shortLabel(language)]
                })
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: L("Chi tiết hồ sơ.", "Show a dossier."))
        @OptionGroup var lang: LanguageOption
        @Argument(help: L("Mã hồ sơ (vd. HS-2026-0001).", "Dossier code (e.g. HS-2026-0001).")) var dossier: String
        @Option(name: .long, help: "text | json | csv") var format: OutputFormat = .text

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                try require(format, in: [.text, .table, .json, .csv])
                let bench = try workbench()
                let d = try bench.dossier(try readCode(DossierCode.self, dossier))
                switch format {
                case .json: Output.write(Output.json(d))
                case .csv:
                    Output.write(Output.csv(headers: ["code", "product_code", "product", "set", "producer", "kind", "year", "round", "status", "missing", "target_stars", "rubric", "rubric_hash"],
                        rows: [[d.code.rawValue, d.productCode, d.productName, String(d.productSet), d.producerName, d.kind.rawValue, String(d.year), String(d.round), d.status.rawValue,
                                d.missing.joined(separator: "; "), d.targetStars.map(String.init) ?? "", d.rubricVersion, d.rubricHash ?? ""]]))
                default:
                    Output.write(DossierRender.show(d, language))
                    let extra = try DossierRender.afterRecognition(d, bench: bench, language)
                    if !extra.isEmpty { Output.write(extra) }
                }
            }
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: L("Tra cứu tình trạng hồ sơ (dành cho chủ thể).", "Where is my dossier (for producers)."),
            discussion: L("Cho biết trạng thái bằng lời, đơn vị đang giữ hồ sơ, bước tiếp theo, các mốc thời gian và nội dung cần bổ sung nếu hồ sơ bị trả lại. Mã hồ sơ không tồn tại: mã thoát 66.",
                          "Shows the state in plain words, who holds the dossier, what happens next, dates, and what is missing if it was returned. Exits 66 for an unknown code."))
        @OptionGroup var lang: LanguageOption
        @Argument(help: L("Mã hồ sơ (vd. HS-2026-0001).", "Dossier code (e.g. HS-2026-0001).")) var dossier: String
        @Option(name: .long, help: "text | json") var format: OutputFormat = .text

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                try require(format, in: [.text, .json])
                let view = try workbench().dossierStatus(try readCode(DossierCode.self, dossier))
                Output.write(format == .json ? Output.json(view.json(language)) : DossierRender.status(view, language))
            }
        }
    }

    struct Advance: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "advance", abstract: L("Chuyển hồ sơ sang bước tiếp theo.", "Move a dossier to its next step."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: L("Mã hồ sơ.", "Dossier code.")) var dossier: String
        @Option(name: .long, help: L("Trạng thái đích khi có nhiều hướng (vd. central_review → recognised).", "Target state when the step branches (e.g. central_review → recognised).")) var to: String?
        @Option(name: .long, help: L("Ghi chú.", "Note.")) var note: String?

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let target = try to.map { try choice($0, field: "to", allowed: DossierStatus.allCases.map(\.rawValue), DossierStatus.init(rawValue:)) }
                let updated = try workbench(actor).advanceDossier(try readCode(DossierCode.self, dossier), to: target, note: note)
                Output.write("\(updated.code): \(updated.status.label(language))")
            }
        }
    }

    struct Return: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "return", abstract: L("Trả hồ sơ để bổ sung.", "Return a dossier for completion."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: L("Mã hồ sơ.", "Dossier code.")) var dossier: String
        @Option(name: .long, parsing: .singleValue, help: L("Nội dung cần bổ sung (lặp lại cho nhiều mục).", "What is missing (repeat for several items).")) var missing: [String] = []
        @Option(name: .long, help: L("Ghi chú.", "Note.")) var note: String?

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let updated = try workbench(actor).returnDossier(try readCode(DossierCode.self, dossier), missing: missing, note: note)
                Output.write("\(updated.code): \(updated.status.label(language)): " + Output.terminalSafe(updated.missing.joined(separator: "; ")))
            }
        }
    }

    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "withdraw", abstract: L("Rút hồ sơ.", "Withdraw a dossier."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: L("Mã hồ sơ.", "Dossier code.")) var dossier: String
        @Option(name: .long, help: L("Ghi chú.", "Note.")) var note: String?

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let updated = try workbench(actor).withdrawDossier(try readCode(DossierCode.self, dossier), note: note)
                Output.write("\(updated.code): \(updated.status.label(language))")
            }
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "history", abstract: L("Lịch sử xử lý hồ sơ: người, thời điểm, từ, đến, ghi chú.", "Every step of a dossier: who, when, from, to, note."))
        @OptionGroup var lang: LanguageOption
        @Argument(help: L("Mã hồ sơ.", "Dossier code.")) var dossier: String
        @Option(name: .long, help: "table | json | csv") var format: OutputFormat = .table

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let events = try workbench().dossierHistory(try readCode(DossierCode.self, dossier))
                Output.write(try DossierRender.history(events, format: format, language))
            }
        }
    }
}
