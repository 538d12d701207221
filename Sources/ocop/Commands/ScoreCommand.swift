import ArgumentParser
import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels

/// `ocop score`: a council member's sheet for one dossier — interactive, from a file, or a
/// transcribed paper sheet; `ocop score import` for a whole session; `ocop score history`.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: L("Phiếu chấm của thành viên hội đồng.", "A council member's score sheet."),
        subcommands: [Sheet.self, Import.self, History.self, Print.self],
        defaultSubcommand: Sheet.self
    )

    struct Sheet: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sheet",
            abstract: L("Chấm một hồ sơ: ocop score HỒ-SƠ --member M [--sheet TỆP [--submit]].", "Score one dossier: ocop score DOSSIER --member M [--sheet FILE [--submit]]."),
            discussion: L("""
                Không có --sheet: chấm tương tác theo phiếu của bộ sản phẩm (phím: 0–9 chọn, b quay lại, s bỏ qua, r xem lại, Enter ở \
                trang xem lại để nộp, y xác nhận, q thoát). Nháp được lưu sau mỗi câu trả lời; chạy lại lệnh để tiếp tục. Có --sheet TỆP \
                (định dạng như ocop rate): kiểm tra tệp và lưu thành nháp, hoặc nộp với --submit. Phiếu giấy do thư ký nhập dùng \
                --entered-by NGƯỜI --paper-ref SỐ. Phiếu đã nộp không sửa được: đính chính là phiên bản mới và cần --reason.
                """, """
                Without --sheet: an interactive walk through the product set's sheet (keys: 0–9 choose, b back, s skip, r review, \
                Enter on the review page to submit, y to confirm, q quit). The draft is saved after every answer; run the command \
                again to resume. With --sheet FILE (the format of ocop rate): validates the file and saves it as a draft, or \
                submits it with --submit. A paper sheet typed in by the secretary takes --entered-by PERSON --paper-ref REF. A \
                submitted sheet is immutable: a correction is a new version and needs --reason.
                """))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: L("Mã hồ sơ.", "Dossier code.")) var dossier: String
        @Option(help: L("Mã người của thành viên chấm.", "The scoring member's person code.")) var member: String
        @Option(help: L("Tệp phiếu (YAML/JSON như ocop rate).", "Sheet file (YAML/JSON, as for ocop rate).")) var sheet: String?
        @Flag(help: L("Nộp phiếu (với --sheet).", "Submit the sheet (with --sheet).")) var submit = false
        @Option(help: L("Thư ký nhập phiếu giấy (mã người).", "Secretary who transcribes a paper sheet (person code).")) var enteredBy: String?
        @Option(help: L("Số/ký hiệu phiếu giấy đã ký.", "Reference of the signed paper sheet.")) var paperRef: String?
        @Option(help: L("Lý do đính chính / chấm lại (phiên bản mới).", "Reason for a correction or re-score (a new version).")) var reason: String?

        func run() throws {
            let language = lang.language
            let vi = language == .vi
            try runReporting(language) {
                let bench = try workbench(actor)
                let dossier = try readCode(DossierCode.self, self.dossier)
                let member = try readCode(PersonCode.self, self.member, field: "member")
                let enteredBy = try self.enteredBy.map { try readCode(PersonCode.self, $0, field: "entered_by") }
                let correcting = !(reason?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true)
                let context = try bench.scoringContext(dossier: dossier, member: member, correcting: correcting)
                if let path = sheet {
                    let parsed = try bench.readSheetFile(path, label: member.rawValue, setNumber: context.productSet.number)
                    if submit || enteredBy != nil || paperRef != nil {
                        let stored = try bench.submitSheet(context, sheet: parsed, source: enteredBy != nil || paperRef != nil ? .paper : .file,
                                                           enteredBy: enteredBy, paperRef: paperRef, reason: reason)
                        Output.write(ScoreRender.submitted(stored, context: context, language: language))
                    } else {
                        let total = try bench.checkSheet(parsed, in: context)
                        try bench.saveDraft(context, answers: parsed.answers, cursor: nil)
                        Output.write(vi ? "Phiếu hợp lệ, tổng \(total) điểm; đã lưu nháp (chưa nộp). Thêm --submit để nộp."
                            : "The sheet is valid, \(englishCount(total, "point")); saved as a draft (not submitted). Add --submit to submit it.")
                    }
                    return
                }
                guard enteredBy == nil, paperRef == nil else {
                    throw UsageError(message: LocalizedText(vi: "Phiếu giấy được nhập bằng --sheet TỆP cùng --entered-by và --paper-ref.",
                                                            en: "Transcribe a paper sheet with --sheet FILE plus --entered-by and --paper-ref."))
                }
                guard RawTerminal.isInteractive else {
                    throw UsageError(message: LocalizedText(vi: "Chấm tương tác cần một terminal; nếu không, dùng --sheet TỆP.",
                                                            en: "Interactive scoring needs a terminal; otherwise use --sheet FILE."))
                }
                try ScoreSession.run(bench, context: context, reason: reason, language: language)
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: L("Nhập phiếu của cả phiên từ CSV (tất cả hoặc không gì cả).", "Import a whole session's sheets from CSV (all or nothing)."),
            discussion: L("""
                Mỗi dòng một câu trả lời. Tiêu đề: dossier,member,criterion,points và tùy chọn variant,entered_by,paper_ref,reason. \
                Phiếu trùng với phiếu đã nộp của thành viên được bỏ qua: có thể nhập lại tệp khi có thêm phiếu. Xem docs/council.md.
                """, """
                One line per answer. Header: dossier,member,criterion,points and optionally variant,entered_by,paper_ref,reason. \
                A sheet equal to the member's submitted one is skipped: a file may be imported again as sheets are added. See docs/council.md.
                """))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: L("Tệp CSV.", "The CSV file.")) var file: String
        @Option(help: L("Mã phiên (mặc định: phiên đang mở của hồ sơ đầu tiên).", "Session code (default: the open session of the first dossier).")) var session: String?
        @Flag(name: .long, help: L("Chỉ kiểm tra mọi dòng và mọi phiếu, không ghi gì.", "Check every line and sheet only, write nothing.")) var dryRun = false
        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let summary = try workbench(actor).importSheets(file: file, session: try session.map { try readCode(SessionCode.self, $0) }, dryRun: dryRun)
                let counts = language == .vi
                    ? "\(summary.sheets) phiếu (\(summary.answers) câu trả lời, \(summary.corrections) phiếu đính chính)"
                    : "\(englishCount(summary.sheets, "sheet")) (\(englishCount(summary.answers, "answer")), \(englishCount(summary.corrections, "correction")))"
                var text = switch (language, dryRun) {
                case (.vi, false): "Đã nhập \(counts) vào phiên \(summary.session)."
                case (.vi, true): "Đã kiểm tra, không ghi gì: nếu nhập sẽ ghi \(counts) vào phiên \(summary.session)."
                case (.en, false): "Imported \(counts) into session \(summary.session)."
                case (.en, true): "Checked, nothing written: an import would write \(counts) into session \(summary.session)."
                }
                if summary.unchanged > 0 {
                    text += language == .vi
                        ? " \(summary.unchanged) phiếu trùng với phiếu đã nộp của thành viên (đã nhập trước đó), không ghi lại."
                        : " \(englishCount(summary.unchanged, "sheet")) equal to the member's submitted sheet (imported before), not written again."
                }
                Output.write(text)
            }
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "history", abstract: L("Các phiên bản phiếu đã nộp của một hồ sơ.", "Every submitted version of the sheets of a dossier."))
        @OptionGroup var lang: LanguageOption
        @Argument(help: L("Mã hồ sơ.", "Dossier code.")) var dossier: String
        @Option(help: L("Chỉ một thành viên.", "One member only.")) var member: String?
        @Option(help: "table | json | csv") var format: OutputFormat = .table
        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let sheets = try workbench().sheetHistory(dossier: try readCode(DossierCode.self, dossier),
                                                         member: try member.map { try readCode(PersonCode.self, $0, field: "member") })
                let vi = language == .vi
                Output.write(try Output.list(sheets, format: format, headers: vi ? ["thành viên", "phiên bản", "tổng", "nguồn", "người nhập", "phiếu giấy", "lý do", "bộ tiêu chí", "lúc"]
                                             : ["member", "version", "total", "source", "entered by", "paper", "reason", "rubric", "at"]) { s in
                    [s.person.rawValue, String(s.version), String(s.total), s.source.label(language), s.enteredBy?.rawValue ?? "", s.paperRef ?? "", s.reason ?? "",
                     "\(s.rubricVersion) (\(s.rubricHash.prefix(12)))", Output.date(s.submittedAt, language)]
                })
            }
        }
    }
}

extension ScoreCommand {
    struct Print: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "print",
            abstract: L("In phiếu chấm của một thành viên (PDF): phương án đã chọn, điểm từng tiêu chí, tổng.", "Print a member's sheet (PDF): the options chosen, each criterion's points, the totals."))
        @OptionGroup var lang: LanguageOption
        @Argument(help: L("Mã hồ sơ.", "Dossier code.")) var dossier: String
        @Option(help: L("Mã người của thành viên chấm.", "The scoring member's person code.")) var member: String
        @Option(help: L("Phiên bản phiếu (mặc định bản mới nhất).", "The sheet's version (default the latest).")) var version: Int?
        @OptionGroup var output: PDFOutputOption

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                try output.check()
                let code = try readCode(DossierCode.self, dossier)
                let person = try readCode(PersonCode.self, member, field: "member")
                let document = try workbench().filledSheetDocument(dossier: code, member: person, version: version, language: language)
                try output.write(try documentPrinter().pdf(document), defaultName: "phieu-\(code.rawValue)-\(PDFFile.name(person.rawValue)).pdf", language)
            }
        }
    }
}

enum ScoreRender {
    static func submitted(_ s: StoredSheet, context: ScoringContext, language: Language) -> String {
        let vi = language == .vi
        let meta = s.meta
        let how = meta.source == .paper
            ? (vi ? " (phiếu giấy \(meta.paperRef ?? ""), nhập bởi \(meta.enteredBy?.rawValue ?? ""))" : " (paper sheet \(meta.paperRef ?? ""), entered by \(meta.enteredBy?.rawValue ?? ""))")
            : ""
        return Output.terminalSafe(vi ? "Đã nộp phiếu của \(context.personName) cho hồ sơ \(context.dossier), phiên bản \(meta.version): \(meta.total) điểm\(how)."
            : "Submitted \(context.personName)'s sheet for \(context.dossier), version \(meta.version): \(englishCount(meta.total, "point"))\(how).")
    }
}

/// The interactive loop: the pure `SheetWalk` plus a raw terminal and the workbench.
enum ScoreSession {
    static func run(_ bench: Workbench, context: ScoringContext, reason: String?, language: Language) throws {
        let vi = language == .vi
        let draft = try bench.draft(context)
        let title = vi
            ? "PHIẾU CHẤM — \(context.dossier) \(context.productName) — bộ \(context.productSet.number) — \(context.personName) (\(context.person)) — phiên \(context.session)"
            : "SCORE SHEET — \(context.dossier) \(context.productName) — set \(context.productSet.number) — \(context.personName) (\(context.person)) — session \(context.session)"
        var walk = SheetWalk(productSet: context.productSet, title: Output.terminalSafe(title), answers: draft?.answers ?? [:], cursor: draft?.cursor)
        if let listed = try bench.distributionEvidence(dossier: context.dossier) {
            walk.evidence[listed.criterion] = MarketRender.evidence(listed.criterion, listed.listings, language).map(Output.terminalSafe)
        }
        let terminal = RawTerminal()
        terminal.enter()
        defer { terminal.leave() }
        while true {
            terminal.show(walk.render(language))
            guard let key = terminal.readKey() else {
                try bench.saveDraft(context, answers: walk.answers, cursor: walk.cursor)
                terminal.leave()
                Output.write(vi ? "Hết dữ liệu vào; đã lưu nháp." : "End of input; draft saved.")
                return
            }
            switch walk.handle(key) {
            case .none: continue
            case .saveDraft:
                try bench.saveDraft(context, answers: walk.answers, cursor: walk.cursor)
            case .quit:
                try bench.saveDraft(context, answers: walk.answers, cursor: walk.cursor)
                terminal.leave()
                Output.write(walk.render(language).last ?? "")
                return
            case .submit:
                let stored = try bench.submitSheet(context, sheet: walk.sheet(label: context.person.rawValue), source: .interactive, reason: reason)
                terminal.leave()
                Output.write(ScoreRender.submitted(stored, context: context, language: language))
                return
            }
        }
    }
}
