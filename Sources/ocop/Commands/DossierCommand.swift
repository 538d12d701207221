import ArgumentParser
import Foundation
import OCOPDomain
import OCOPRubrics
import OCOPStore
import Postgres

struct DossierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Hồ sơ đánh giá / dossiers and their workflow (commune → province → council → decision).",
        discussion: """
        States: submitted → commune_review → provincial_review → advisory_review → ready_for_council \
        → council_scheduled → awaiting_decision | proposed_central | not_recognised; awaiting_decision → \
        recognised; proposed_central → central_review → recognised | awaiting_decision | not_recognised. \
        A dossier under review can be returned for completion (it then goes back where it came from) \
        and withdrawn until it is decided; a scheduled dossier can be deferred back to \
        ready_for_council (`ocop council session defer`). Council outcomes come from \
        `ocop council session finalize`. Every step is recorded with who, when and a note.
        """,
        subcommands: [Open.self, List.self, Show.self, Status.self, Advance.self, Return.self, Withdraw.self, History.self]
    )

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mở hồ sơ / open a dossier for a product (freezes the rubric version).")
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Option(name: .long, help: "Mã sản phẩm hoặc id.") var product: String
        @Option(name: .long, help: "lan_dau | nang_hang | danh_gia_lai") var kind: String = DossierKind.firstEvaluation.rawValue
        @Option(name: .long, help: "Năm đánh giá (mặc định năm nay).") var year: Int?
        @Option(name: .long, help: "Kỳ đánh giá trong năm (1: hồ sơ trước 30/4, 2: trước 30/10).") var round: Int = 1
        @Option(name: .long, help: "Hạng sao đề nghị (3–5).") var targetStars: Int?
        @Option(name: .long, help: "Phiên bản bộ tiêu chí.") var rubric: String = RubricVersionID.qd26_2026.rawValue
        @Option(name: .long) var note: String?
        @Option(name: .long) var format: OutputFormat = .text

        func run() throws {
            try runReporting(lang.language) {
                guard let kind = DossierKind(flexible: kind) else {
                    throw UserFacingError(lang.language == .vi
                        ? "Loại hồ sơ \"\(self.kind)\" không hợp lệ; chọn lan_dau, nang_hang hoặc danh_gia_lai."
                        : "Unknown dossier kind \"\(self.kind)\"; choose lan_dau, nang_hang or danh_gia_lai.")
                }
                let workbench = Workbench(actor: actor.actor, language: lang.language)
                let connection = try workbench.connect()
                try RubricStore(connection).sync(try RubricCatalog.bundled())
                let dossier = try DossierStore(connection).open(.init(
                    productRef: product, kind: kind, year: year ?? Calendar(identifier: .gregorian).component(.year, from: Date()),
                    round: round, targetStars: targetStars, rubricVersion: rubric, note: note
                ), actor: workbench.actor)
                if format == .json { Output.write(Output.json(dossier)); return }
                Output.write(lang.language == .vi
                    ? "Đã mở hồ sơ \(dossier.code) cho \(dossier.productName) (\(dossier.kind.label(.vi)), kỳ \(dossier.round)/\(dossier.year), bộ tiêu chí \(dossier.rubricVersion))."
                    : "Opened dossier \(dossier.code) for \(dossier.productName) (\(dossier.kind.label(.en)), round \(dossier.round)/\(dossier.year), rubric \(dossier.rubricVersion)).")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Danh sách hồ sơ / list dossiers.")
        @OptionGroup var lang: LanguageOption
        @Option(name: .long) var year: Int?
        @Option(name: .long, help: "Lọc theo trạng thái (vd. advisory_review).") var status: String?
        @Option(name: .long, help: "Lọc theo sản phẩm.") var product: String?
        @Option(name: .long, help: "table | json | csv") var format: OutputFormat = .table

        func run() throws {
            try runReporting(lang.language) {
                let statusFilter = try status.map { raw -> DossierStatus in
                    guard let status = DossierStatus(rawValue: raw) else {
                        throw UserFacingError("status \(raw)? — " + DossierStatus.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                    return status
                }
                let connection = try Workbench(actor: "", language: lang.language).connect()
                let dossiers = try DossierStore(connection).dossiers(year: year, status: statusFilter, product: product)
                let vi = lang.language == .vi
                Output.write(Output.list(dossiers, format: format,
                    headers: vi ? ["hồ sơ", "sản phẩm", "bộ", "loại", "kỳ", "trạng thái"] : ["dossier", "product", "set", "kind", "round", "status"]) { d in
                    [d.code, d.productName, String(d.productSet), d.kind.rawValue, "\(d.round)/\(d.year)", d.status.rawValue]
                })
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Chi tiết hồ sơ / show a dossier.")
        @OptionGroup var lang: LanguageOption
        @Argument(help: "Mã hồ sơ (vd. HS-2026-0001).") var dossier: String
        @Option(name: .long, help: "table | json | csv") var format: OutputFormat = .table

        func run() throws {
            try runReporting(lang.language) {
                let language = lang.language
                let vi = language == .vi
                let connection = try Workbench(actor: "", language: language).connect()
                let d = try DossierStore(connection).dossier(dossier)
                switch format {
                case .json: Output.write(Output.json(d))
                case .csv:
                    Output.write(Output.csv(headers: ["code", "product_code", "product", "set", "producer", "kind", "year", "round", "status", "missing", "target_stars", "rubric", "rubric_hash"],
                        rows: [[d.code, d.productCode, d.productName, String(d.productSet), d.producerName, d.kind.rawValue, String(d.year), String(d.round), d.status.rawValue,
                                d.missing.joined(separator: "; "), d.targetStars.map(String.init) ?? "", d.rubricVersion, d.rubricHash ?? ""]]))
                case .table, .text:
                    var lines: [(String, String)] = [
                        (vi ? "Hồ sơ" : "Dossier", d.code),
                        (vi ? "Sản phẩm" : "Product", "\(d.productName) (\(d.productCode)), \(vi ? "bộ" : "set") \(d.productSet)"),
                        (vi ? "Chủ thể" : "Producer", d.producerName),
                        (vi ? "Loại" : "Kind", d.kind.label(language)),
                        (vi ? "Kỳ" : "Round", "\(d.round)/\(d.year)"),
                        (vi ? "Trạng thái" : "Status", "\(d.status.rawValue) — \(d.status.label(language))"),
                        (vi ? "Hạng đề nghị" : "Target", d.targetStars.map { "\($0)★" } ?? "—"),
                        (vi ? "Bộ tiêu chí" : "Rubric", d.rubricVersion + (d.rubricHash.map { " (\($0.prefix(12))…)" } ?? "")),
                        (vi ? "Mở lúc" : "Opened", Output.date(d.openedAt, language)),
                    ]
                    if !d.missing.isEmpty { lines.append((vi ? "Cần bổ sung" : "Missing", d.missing.joined(separator: "; "))) }
                    let allowed = DossierWorkflow.allowedNext(from: d.status, returnedFrom: d.returnedFrom)
                    lines.append((vi ? "Bước được phép" : "Allowed steps", allowed.isEmpty ? "—" : allowed.map(\.rawValue).joined(separator: ", ")))
                    Output.write(Output.record(lines))
                }
            }
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tra cứu tình trạng hồ sơ (dành cho chủ thể) / where is my dossier (for producers).",
            discussion: "Shows the state in plain words, who holds the dossier, what happens next, dates, and what is missing if it was returned. Exits 66 for an unknown code."
        )
        @OptionGroup var lang: LanguageOption
        @Argument(help: "Mã hồ sơ (vd. HS-2026-0001).") var dossier: String
        @Option(name: .long, help: "text | json") var format: OutputFormat = .text

        func run() throws {
            try runReporting(lang.language) {
                let language = lang.language
                let vi = language == .vi
                let connection = try Workbench(actor: "", language: language).connect()
                let view = try DossierStore(connection).statusView(dossier)
                if format == .json {
                    struct Shown: Encodable {
                        let dossier, product, productCode, producer, kind, status, statusText, holder, nextStep: String
                        let year, round: Int
                        let missing: [String]
                        let councilDate: String?
                        let openedAt, lastChangeAt: Date
                    }
                    Output.write(Output.json(Shown(
                        dossier: view.code, product: view.productName, productCode: view.productCode, producer: view.producerName,
                        kind: view.kind.rawValue, status: view.status.rawValue, statusText: view.status.label(language),
                        holder: view.status.holder(language), nextStep: view.status.nextStep(language), year: view.year, round: view.round,
                        missing: view.missing, councilDate: view.councilDate, openedAt: view.openedAt, lastChangeAt: view.lastChangeAt)))
                    return
                }
                var lines: [(String, String)] = [
                    (vi ? "Hồ sơ" : "Dossier", "\(view.code) — \(view.productName) (\(view.productCode))"),
                    (vi ? "Chủ thể" : "Producer", view.producerName),
                    (vi ? "Loại" : "Kind", "\(view.kind.label(language)), \(vi ? "kỳ" : "round") \(view.round)/\(view.year)"),
                    (vi ? "Tình trạng" : "Status", view.status.label(language)),
                    (vi ? "Đơn vị đang giữ hồ sơ" : "Held by", view.status.holder(language)),
                    (vi ? "Bước tiếp theo" : "Next", view.status.nextStep(language)),
                    (vi ? "Ngày nộp" : "Filed", Output.date(view.openedAt, language)),
                    (vi ? "Cập nhật lần cuối" : "Last change", Output.date(view.lastChangeAt, language)),
                ]
                if let councilDate = view.councilDate, let date = PostgresDate(iso: councilDate) {
                    let shown = vi ? "\(date.day)/\(date.month)/\(date.year)" : date.description
                    lines.append((vi ? "Họp hội đồng" : "Council session", vi ? "ngày \(shown)" : shown))
                }
                if let note = view.lastChangeNote, !note.isEmpty { lines.append((vi ? "Ghi chú" : "Note", note)) }
                Output.write(Output.record(lines))
                if view.status == .returned, !view.missing.isEmpty {
                    Output.write("\n" + (vi ? "Cần bổ sung:" : "Missing:") + "\n" + view.missing.map { "  - " + $0 }.joined(separator: "\n"))
                }
            }
        }
    }

    struct Advance: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Chuyển hồ sơ sang bước tiếp theo / move a dossier to its next step.")
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: "Mã hồ sơ.") var dossier: String
        @Option(name: .long, help: "Trạng thái đích khi có nhiều hướng (vd. central_review → recognised).") var to: String?
        @Option(name: .long) var note: String?

        func run() throws {
            try runReporting(lang.language) {
                let target = try to.map { raw -> DossierStatus in
                    guard let status = DossierStatus(rawValue: raw) else {
                        throw UserFacingError("--to \(raw)? — " + DossierStatus.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                    return status
                }
                let workbench = Workbench(actor: actor.actor, language: lang.language)
                let connection = try workbench.connect()
                let updated = try DossierStore(connection).apply(.advance(to: target), to: dossier, actor: workbench.actor, note: note)
                Output.write("\(updated.code): \(updated.status.rawValue) — \(updated.status.label(lang.language))")
            }
        }
    }

    struct Return: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Trả hồ sơ để bổ sung / return a dossier for completion.")
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: "Mã hồ sơ.") var dossier: String
        @Option(name: .long, parsing: .singleValue, help: "Nội dung cần bổ sung (lặp lại cho nhiều mục).") var missing: [String] = []
        @Option(name: .long) var note: String?

        func run() throws {
            try runReporting(lang.language) {
                let workbench = Workbench(actor: actor.actor, language: lang.language)
                let connection = try workbench.connect()
                let updated = try DossierStore(connection).apply(.returnForCompletion(missing: missing), to: dossier, actor: workbench.actor, note: note)
                Output.write("\(updated.code): \(updated.status.rawValue) — \(updated.status.label(lang.language)): \(updated.missing.joined(separator: "; "))")
            }
        }
    }

    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rút hồ sơ / withdraw a dossier.")
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: "Mã hồ sơ.") var dossier: String
        @Option(name: .long) var note: String?

        func run() throws {
            try runReporting(lang.language) {
                let workbench = Workbench(actor: actor.actor, language: lang.language)
                let connection = try workbench.connect()
                let updated = try DossierStore(connection).apply(.withdraw, to: dossier, actor: workbench.actor, note: note)
                Output.write("\(updated.code): \(updated.status.rawValue) — \(updated.status.label(lang.language))")
            }
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Nhật ký hồ sơ / every step of a dossier: who, when, from, to, note.")
        @OptionGroup var lang: LanguageOption
        @Argument(help: "Mã hồ sơ.") var dossier: String
        @Option(name: .long, help: "table | json | csv") var format: OutputFormat = .table

        func run() throws {
            try runReporting(lang.language) {
                let vi = lang.language == .vi
                let connection = try Workbench(actor: "", language: lang.language).connect()
                let events = try DossierStore(connection).history(dossier)
                Output.write(Output.list(events, format: format,
                    headers: vi ? ["thời điểm", "người thực hiện", "thao tác", "từ", "sang", "ghi chú"] : ["at", "actor", "action", "from", "to", "note"]) { e in
                    [format == .csv ? ISO8601DateFormatter().string(from: e.at) : Output.date(e.at, lang.language), e.actor, e.action,
                     e.from?.rawValue ?? "", e.to.rawValue, ([e.note].compactMap { $0 } + (e.missing.isEmpty ? [] : [(vi ? "thiếu: " : "missing: ") + e.missing.joined(separator: "; ")])).joined(separator: " — ")]
                })
            }
        }
    }
}
