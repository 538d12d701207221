import ArgumentParser
import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels

/// `ocop decision …`: recognition decisions (QĐ 26/2026 Art. 4.1, 7.3.e, 7.4.e).
struct DecisionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decision",
        abstract: L("Quyết định công nhận và giấy chứng nhận (Điều 4, 7).", "Recognition decisions and certificates (Art. 4, 7)."),
        discussion: L("""
            Chủ tịch UBND cấp tỉnh (--authority <mã tỉnh>, vd. 24) công nhận 3★, 4★ trên kết quả của Hội đồng cấp tỉnh, hoặc của \
            Hội đồng cấp trung ương khi dưới 5★ (Điều 7.4.g), và phê duyệt kết quả từ 90 điểm để đề nghị Bộ; Bộ trưởng Bộ Nông \
            nghiệp và Môi trường (--authority BNNMT) công nhận 5★ trên kết quả của Hội đồng cấp trung ương. Kết quả 1★, 2★ không \
            có quyết định, chỉ có thông báo (ocop decision notice). Mỗi sản phẩm được công nhận có một giấy chứng nhận số \
            GCN-<mã tỉnh hoặc BNNMT>-<năm>-<số thứ tự>, hiệu lực 36 tháng (Điều 4.3).
            """, """
            The provincial chair (--authority <province code>, e.g. 24) recognises 3★/4★ on the provincial council's results, or \
            on the central council's when below 5★ (Art. 7.4.g), and approves ≥ 90 results for the Ministry; the Minister of \
            Agriculture and Environment (--authority BNNMT) recognises 5★ on the central council's results. 1★/2★ get no \
            decision, only a notice (ocop decision notice). Each recognised product gets a certificate numbered \
            GCN-<province code or BNNMT>-<year>-<serial>, valid 36 months (Art. 4.3).
            """),
        subcommands: [Draft.self, Issue.self, List.self, Show.self, Notice.self, Print.self]
    )

    struct Draft: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "draft",
            abstract: L("Các hồ sơ chờ quyết định của một cơ quan, kiểm tra theo quy định vào ngày quyết định.", "The dossiers awaiting an authority's decision, checked on the decision date."))
        @OptionGroup var lang: LanguageOption
        @Option(help: ArgumentHelp(L("Cơ quan ban hành: mã tỉnh (vd. 24) hoặc BNNMT.", "Issuing authority: a province code (e.g. 24) or BNNMT."), valueName: "24|BNNMT")) var authority: String
        @Option(help: L("Ngày quyết định YYYY-MM-DD (mặc định hôm nay).", "Decision date YYYY-MM-DD (default today).")) var date: String?
        @Option(help: "table | json | csv | markdown") var format: OutputFormat = .table

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let draft = try workbench().decisionDraft(authority: try readAuthority(authority), on: try date.map { try readDate($0) })
                Output.write(try DecisionRender.draft(draft, format: format, language))
            }
        }
    }

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "issue",
            abstract: L("Ban hành quyết định: giấy chứng nhận, thay thế, trạng thái hồ sơ trong một giao dịch.", "Issue the decision: certificates, supersessions and dossier states in one transaction."),
            discussion: L("""
                Không nêu --dossier: mọi hồ sơ của dự thảo (không được có hồ sơ bị từ chối). Hồ sơ nâng hạng có kết quả không cao \
                hơn giấy chứng nhận hiện có được ghi là không công nhận nâng hạng; giấy chứng nhận đó giữ nguyên. Số quyết định là \
                duy nhất theo cơ quan và năm; ngày quyết định không được sau hôm nay.
                """, """
                Without --dossier: every dossier of the draft (none may be refused). An upgrade whose result is not above its \
                certificate is recorded as not granted; that certificate stays. The number is unique per issuer and year; the \
                date may not be after today.
                """))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Option(help: ArgumentHelp(L("Cơ quan ban hành: mã tỉnh (vd. 24) hoặc BNNMT.", "Issuing authority: a province code (e.g. 24) or BNNMT."), valueName: "24|BNNMT")) var authority: String
        @Option(help: L("Số và ký hiệu, vd. 1523/QĐ-UBND.", "Number and symbol, e.g. 1523/QĐ-UBND.")) var number: String
        @Option(help: L("Ngày quyết định YYYY-MM-DD.", "Decision date YYYY-MM-DD.")) var date: String
        @OptionGroup var signer: SignerOptions
        @Option(help: L("Địa danh trên dòng ngày tháng (mặc định tên tỉnh, hoặc Hà Nội).", "Place on the date line (default the province's name, or Hà Nội).")) var place: String?
        @Option(name: .customLong("dossier"), help: L("Chỉ các hồ sơ này (lặp lại).", "Only these dossiers (repeat).")) var dossiers: [String] = []
        @Option(name: .customLong("basis"), help: L("Dòng căn cứ, không có chữ \"Căn cứ\" (lặp lại; mặc định theo mẫu).", "A căn cứ line without the word \"Căn cứ\" (repeat; default: the usual ones).")) var bases: [String] = []
        @Option(help: L("Người đề nghị (\"Theo đề nghị của …\").", "Who proposed it (the \"at the proposal of …\" line).")) var proposer: String?
        @Option(help: L("Số tờ trình, vd. 245/TTr-SNNMT.", "Submission number, e.g. 245/TTr-SNNMT.")) var submission: String?
        @Option(name: .customLong("submission-date"), help: L("Ngày tờ trình YYYY-MM-DD.", "Submission date YYYY-MM-DD.")) var submissionDate: String?
        @Option(help: L("Cơ quan tham mưu thực hiện (mặc định Sở Nông nghiệp và Môi trường).", "The implementing OCOP body (default the Department of Agriculture and Environment).")) var agency: String?
        @Option(help: "text | json") var format: OutputFormat = .text

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                try require(format, in: [.text, .json])
                let request = DecisionRequest(
                    authority: try readAuthority(authority), number: try readDecisionNumber(number), decidedOn: try readDate(date), place: place,
                    signer: signer.signer, dossiers: try dossiers.map { try readCode(DossierCode.self, $0) }, legalBases: bases, proposer: proposer,
                    submissionNumber: submission, submissionDate: try submissionDate.map { try readDate($0, field: "submission_date") }, agency: agency)
                let bench = try workbench(actor)
                let decision = try bench.issueDecision(request)
                if format == .json { Output.write(Output.json(try bench.decisionDocument(decision, language: language))); return }
                Output.write(DecisionRender.issued(decision, language))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: L("Danh sách quyết định (công nhận, thu hồi).", "List decisions (recognitions, revocations)."))
        @OptionGroup var lang: LanguageOption
        @Option(help: ArgumentHelp(L("Lọc theo cơ quan: mã tỉnh hoặc BNNMT.", "Filter by issuer: a province code or BNNMT."), valueName: "24|BNNMT")) var authority: String?
        @Option(help: L("Lọc theo năm.", "Filter by year.")) var year: Int?
        @Option(help: "recognition | revocation") var kind: String?
        @Option(help: "table | json | csv | markdown") var format: OutputFormat = .table

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let kind = try self.kind.map { try choice($0, field: "kind", allowed: DecisionKind.allCases.map(\.rawValue), DecisionKind.init(rawValue:)) }
                let decisions = try workbench().decisions(authority: try authority.map(readAuthority), year: year, kind: kind)
                Output.write(try DecisionRender.list(decisions, format: format, language))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: L("Một quyết định: tóm tắt, văn bản (markdown), mô hình văn bản (json) hoặc danh sách (csv).", "One decision: summary, the document (markdown), its document model (json) or its rows (csv)."))
        @OptionGroup var lang: LanguageOption
        @Argument(help: L("Số và ký hiệu, vd. 1523/QĐ-UBND.", "Number and symbol, e.g. 1523/QĐ-UBND.")) var number: String
        @Option(help: ArgumentHelp(L("Cơ quan ban hành khi có nhiều quyết định cùng số.", "The issuer, when several decisions share the number."), valueName: "24|BNNMT")) var authority: String?
        @Option(help: L("Năm, khi có nhiều quyết định cùng số.", "The year, when several decisions share the number.")) var year: Int?
        @Option(help: "table | json | csv | markdown | text") var format: OutputFormat = .table

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let bench = try workbench()
                let decision = try bench.decision(try readDecisionNumber(number), authority: try authority.map(readAuthority), year: year)
                switch format {
                case .table: Output.write(DecisionRender.show(decision, language))
                case .csv: Output.write(DecisionRender.csv(decision, language))
                case .json:
                    if decision.kind == .recognition {
                        Output.write(Output.json(try bench.decisionDocument(decision, language: language)))
                    } else {
                        Output.write(Output.json(bench.revocationDocument(decision, language: language)))
                    }
                case .markdown, .text:
                    let render = DocumentMarkdown(language: language, markdown: format == .markdown)
                    Output.write(decision.kind == .recognition ? render.decision(try bench.decisionDocument(decision, language: language))
                                                               : render.revocation(bench.revocationDocument(decision, language: language)))
                }
            }
        }
    }

    struct Notice: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "notice",
            abstract: L("Thông báo kết quả cho sản phẩm không đạt 3★ (không có quyết định, Điều 4.1.a, 7.3.g).", "The notice of a result below 3★ (no decision; Art. 4.1.a, 7.3.g)."))
        @OptionGroup var lang: LanguageOption
        @Argument(help: L("Mã hồ sơ.", "Dossier code.")) var dossier: String
        @Option(help: L("Số và ký hiệu thông báo, vd. 15/TB-SNNMT.", "The notice's number, e.g. 15/TB-SNNMT.")) var number: String
        @Option(help: L("Ngày thông báo YYYY-MM-DD.", "Notice date YYYY-MM-DD.")) var date: String
        @OptionGroup var signer: SignerOptions
        @Option(help: L("Cơ quan thông báo (mặc định Sở Nông nghiệp và Môi trường của tỉnh).", "The notifying body (default the province's Department of Agriculture and Environment).")) var issuer: String?
        @Option(help: "markdown | text | json") var format: OutputFormat = .markdown
        @Flag(help: L("In thông báo ra tệp PDF.", "Print the notice to a PDF file.")) var pdf = false
        @OptionGroup var output: PDFOutputOption

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                try require(format, in: [.markdown, .text, .json])
                try output.check()
                let document = try workbench().noticeDocument(try readCode(DossierCode.self, dossier), request: NoticeRequest(
                    number: number, date: try readDate(date), signer: signer.signer, issuer: issuer), language: language)
                if pdf || output.path != nil {
                    try output.write(try documentPrinter().pdf(document), defaultName: "TB-\(PDFFile.name(number))-\(PDFFile.name(dossier.uppercased())).pdf", language)
                    return
                }
                Output.write(format == .json ? Output.json(document) : DocumentMarkdown(language: language, markdown: format == .markdown).notice(document))
            }
        }
    }
}
