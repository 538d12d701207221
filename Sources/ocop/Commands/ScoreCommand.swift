import ArgumentParser
import Foundation
import OCOPDomain
import OCOPRubrics
import OCOPStore

/// `ocop score`: a council member's sheet for one dossier — interactive, from a file, or a
/// transcribed paper sheet; `ocop score import` for a whole session; `ocop score history`.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Phiếu chấm của thành viên hội đồng / a council member's score sheet.",
        subcommands: [Sheet.self, Import.self, History.self],
        defaultSubcommand: Sheet.self
    )

    struct Sheet: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sheet",
            abstract: "Chấm một hồ sơ / score one dossier: ocop score DOSSIER --member M [--sheet FILE [--submit]].",
            discussion: """
            Without --sheet: an interactive walk through the product set's sheet (keys: 0–9 choose, b back, \
            s skip, r review, Enter on the review page to submit, y to confirm, q quit). The draft is saved \
            after every answer; run the command again to resume. With --sheet FILE (the format of ocop rate): \
            validates the file and saves it as a draft, or submits it with --submit. A paper sheet typed in by \
            the secretary takes --entered-by PERSON --paper-ref REF. A submitted sheet is immutable: a \
            correction is a new version and needs --reason.
            """)
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: "Mã hồ sơ.") var dossier: String
        @Option(help: "Mã người của thành viên chấm.") var member: String
        @Option(help: "Tệp phiếu (YAML/JSON như ocop rate).") var sheet: String?
        @Flag(help: "Nộp phiếu (với --sheet).") var submit = false
        @Option(help: "Thư ký nhập phiếu giấy (mã người).") var enteredBy: String?
        @Option(help: "Số/ký hiệu phiếu giấy đã ký.") var paperRef: String?
        @Option(help: "Lý do đính chính / chấm lại (phiên bản mới).") var reason: String?

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let workbench = Workbench(actor: actor.actor, language: language)
                let connection = try workbench.connect()
                let store = ScoreStore(connection)
                let vi = language == .vi
                if let path = sheet {
                    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                        throw UserFacingError((vi ? "Không đọc được tệp " : "Cannot read file ") + path, code: ExitStatus.noInput)
                    }
                    let context = try store.context(dossier: dossier, person: member)
                    let parsed: ScoreSheet
                    switch SheetFile.parse(text, label: context.person) {
                    case .success(let s): parsed = s
                    case .failure(let e): throw SheetValidationError(setNumber: context.productSet.number, problems: e.problems)
                    }
                    if submit || enteredBy != nil {
                        let stored = try store.submit(dossier: dossier, person: member, sheet: parsed, source: enteredBy != nil ? .paper : .file,
                                                      enteredBy: enteredBy, paperRef: paperRef, reason: reason, actor: workbench.actor)
                        Output.write(ScoreRender.submitted(stored, context: context, language: language))
                    } else {
                        let problems = RatingEngine(productSet: context.productSet).validate(ScoreSheet(label: context.person, answers: parsed.answers))
                        if !problems.isEmpty { throw SheetValidationError(setNumber: context.productSet.number, problems: problems) }
                        try store.saveDraft(context, answers: parsed.answers, cursor: nil, actor: workbench.actor)
                        let walk = SheetWalk(productSet: context.productSet, title: "", answers: parsed.answers)
                        Output.write(vi ? "Phiếu hợp lệ, tổng \(walk.total) điểm; đã lưu nháp (chưa nộp). Thêm --submit để nộp."
                            : "The sheet is valid, \(walk.total) points; saved as a draft (not submitted). Add --submit to submit it.")
                    }
                    return
                }
                guard enteredBy == nil, paperRef == nil else {
                    throw UserFacingError(vi ? "Phiếu giấy được nhập bằng --sheet FILE cùng --entered-by và --paper-ref." : "Transcribe a paper sheet with --sheet FILE plus --entered-by and --paper-ref.", code: ExitStatus.usage)
                }
                let context = try store.context(dossier: dossier, person: member)
                if let current = context.currentVersion, reason == nil {
                    throw CouncilError.alreadySubmitted(person: context.person, dossier: context.dossier, version: current)
                }
                guard RawTerminal.isInteractive else {
                    throw UserFacingError(vi ? "Chấm tương tác cần một terminal; nếu không, dùng --sheet FILE." : "Interactive scoring needs a terminal; otherwise use --sheet FILE.", code: ExitStatus.usage)
                }
                try ScoreSession.run(store: store, dossier: dossier, member: member, reason: reason, actor: workbench.actor, language: language)
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Nhập phiếu của cả phiên từ CSV / import a whole session's sheets from CSV (all or nothing).",
            discussion: "One line per answer. Header: dossier,member,criterion,points and optionally variant,entered_by,paper_ref,reason. See docs/council.md.")
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: "Tệp CSV.") var file: String
        @Option(help: "Mã phiên (mặc định: phiên đang mở của hồ sơ đầu tiên).") var session: String?
        func run() throws {
            try runReporting(lang.language) {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw UserFacingError((lang.language == .vi ? "Không đọc được tệp " : "Cannot read file ") + file, code: ExitStatus.noInput)
                }
                let workbench = Workbench(actor: actor.actor, language: lang.language)
                let summary = try ScoreStore(try workbench.connect()).importSheets(session: session, file: file, data: data, actor: workbench.actor)
                Output.write(lang.language == .vi
                    ? "Đã nhập \(summary.sheets) phiếu (\(summary.answers) câu trả lời, \(summary.corrections) phiếu đính chính) vào phiên \(summary.session)."
                    : "Imported \(summary.sheets) sheets (\(summary.answers) answers, \(summary.corrections) corrections) into session \(summary.session).")
            }
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Các phiên bản phiếu / every submitted version of the sheets of a dossier.")
        @OptionGroup var lang: LanguageOption
        @Argument var dossier: String
        @Option var member: String?
        @Option(help: "table | json | csv") var format: OutputFormat = .table
        func run() throws {
            try runReporting(lang.language) {
                let sheets = try ScoreStore(try Workbench(actor: "", language: lang.language).connect()).history(dossier: dossier, person: member)
                let vi = lang.language == .vi
                Output.write(Output.list(sheets, format: format, headers: vi ? ["thành viên", "phiên bản", "tổng", "nguồn", "người nhập", "phiếu giấy", "lý do", "bộ tiêu chí", "lúc"]
                                         : ["member", "version", "total", "source", "entered by", "paper", "reason", "rubric", "at"]) { s in
                    [s.person, String(s.version), String(s.total), s.source, s.enteredBy ?? "", s.paperRef ?? "", s.reason ?? "",
                     "\(s.rubricVersion) (\(s.rubricHash.prefix(12)))", Output.date(s.submittedAt, lang.language)]
                })
            }
        }
    }
}

enum ScoreRender {
    static func submitted(_ s: StoredSheet, context: ScoringContext, language: Language) -> String {
        let vi = language == .vi
        let how = s.source == "paper" ? (vi ? " (phiếu giấy \(s.paperRef ?? ""), nhập bởi \(s.enteredBy ?? ""))" : " (paper sheet \(s.paperRef ?? ""), entered by \(s.enteredBy ?? ""))") : ""
        return vi ? "Đã nộp phiếu của \(context.personName) cho hồ sơ \(context.dossier), phiên bản \(s.version): \(s.total) điểm\(how)."
            : "Submitted \(context.personName)'s sheet for \(context.dossier), version \(s.version): \(s.total) points\(how)."
    }
}

/// The interactive loop: the pure `SheetWalk` plus a raw terminal and the store.
enum ScoreSession {
    static func run(store: ScoreStore, dossier: String, member: String, reason: String?, actor: String, language: Language) throws {
        let context = try store.context(dossier: dossier, person: member)
        let vi = language == .vi
        if let current = context.currentVersion, reason == nil {
            throw CouncilError.alreadySubmitted(person: context.person, dossier: context.dossier, version: current)
        }
        let draft = try store.draft(context)
        let title = (vi ? "PHIẾU CHẤM — \(context.dossier) \(context.productName) — bộ \(context.productSet.number) — \(context.personName) (\(context.person)) — phiên \(context.session)"
                     : "SCORE SHEET — \(context.dossier) \(context.productName) — set \(context.productSet.number) — \(context.personName) (\(context.person)) — session \(context.session)")
        var walk = SheetWalk(productSet: context.productSet, title: title, answers: draft?.answers ?? [:], cursor: draft?.cursor)
        let terminal = RawTerminal()
        terminal.enter()
        defer { terminal.leave() }
        while true {
            terminal.show(walk.render(language))
            guard let key = terminal.readKey() else {
                try store.saveDraft(context, answers: walk.answers, cursor: walk.cursor, actor: actor)
                terminal.leave()
                Output.write(vi ? "Hết dữ liệu vào; đã lưu nháp." : "End of input; draft saved.")
                return
            }
            switch walk.handle(key) {
            case .none: continue
            case .saveDraft:
                try store.saveDraft(context, answers: walk.answers, cursor: walk.cursor, actor: actor)
            case .quit:
                try store.saveDraft(context, answers: walk.answers, cursor: walk.cursor, actor: actor)
                terminal.leave()
                Output.write(walk.render(language).last ?? "")
                return
            case .submit:
                let stored = try store.submit(dossier: context.dossier, person: context.person, sheet: walk.sheet(label: context.person),
                                              source: .interactive, reason: reason, actor: actor)
                terminal.leave()
                Output.write(ScoreRender.submitted(stored, context: context, language: language))
                return
            }
        }
    }
}
