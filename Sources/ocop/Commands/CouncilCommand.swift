import ArgumentParser
import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels

extension CouncilLevel: ExpressibleByArgument {}
extension MinimumSplitRule: ExpressibleByArgument {}
extension SheetVisibility: ExpressibleByArgument {}

/// `ocop council`: councils, their Quy chế and members; sessions, recusals, finalization, minutes.
struct CouncilCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "council",
        abstract: L("Hội đồng đánh giá, phân hạng: thành viên, phiên họp, kết luận và biên bản.", "Councils, members, sessions, finalization and minutes."),
        discussion: L("""
            Quy chế mặc định: túc số 3/4 số thành viên được chấm, có Chủ tịch; chênh lệch tổng điểm giữa các thành viên không quá \
            10 điểm; thư ký không chấm; không thống nhất ở tiêu chí ★ tối thiểu phải được giải quyết. Trong phiên họp, Hội đồng có \
            thể quyết định loại hồ sơ (session knockout) hoặc hoãn xét sang phiên sau (session defer). Xem docs/council.md.
            """, """
            Policy defaults (Quy chế): quorum 3/4 of the members entitled to score, including the chair; at most 10 points \
            between members' totals; the secretary does not score; a split on a ★-minimum criterion must be resolved. In a \
            session the council may also disqualify a dossier itself (session knockout) or defer it to a later session \
            (session defer). See docs/council.md.
            """),
        subcommands: [Create.self, List.self, Show.self, Member.self, CouncilSessionCommand.self]
    )

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: L("Lập hội đồng và quy chế.", "Create a council with its policy."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: L("Mã hội đồng (vd. BN-HD-2026).", "Council code (e.g. BN-HD-2026).")) var code: String
        @Option(help: L("Tên hội đồng.", "Council name.")) var name: String
        @Option(help: "provincial | central") var level: CouncilLevel = .provincial
        @Option(help: L("Mã tỉnh (hội đồng cấp tỉnh).", "Province code (provincial council).")) var province: String?
        @Option(help: L("Quyết định thành lập (vd. 123/QĐ-UBND).", "Establishing decision (e.g. 123/QĐ-UBND).")) var decision: String?
        @Option(help: L("Túc số, dạng n/d (mặc định 3/4).", "Quorum as n/d (default 3/4).")) var quorum: String = "3/4"
        @Flag(help: L("Túc số không bắt buộc có Chủ tịch.", "The quorum need not include the chair.")) var noChairRequired = false
        @Option(help: L("Chênh lệch tối đa giữa tổng điểm các thành viên (mặc định 10).", "Maximum spread between members' totals (default 10).")) var maxSpread: Int = 10
        @Flag(help: L("Thư ký cũng chấm điểm (mặc định không).", "The secretary scores too (default: no).")) var secretaryScores = false
        @Option(help: "must_resolve | mean_decides") var minimumSplit: MinimumSplitRule = .mustResolve
        @Option(help: ArgumentHelp(L("Khi nào thành viên xem phiếu của nhau: after_finalization (mặc định) | during_session.",
                                     "When members see each other's sheets: after_finalization (default) | during_session.")))
        var sheetsVisible: SheetVisibility = .afterFinalization

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let parts = quorum.split(separator: "/")
                guard parts.count == 2, let n = Int(parts[0]), let d = Int(parts[1]) else {
                    throw DomainError.invalidValue(field: "quorum", value: quorum, reason: LocalizedText(vi: "viết dạng n/d, vd. 3/4.", en: "write it as n/d, e.g. 3/4."))
                }
                let policy = CouncilPolicy(quorumNumerator: n, quorumDenominator: d, quorumRequiresChair: !noChairRequired,
                                           maxSpread: maxSpread, secretaryScores: secretaryScores, minimumSplit: minimumSplit,
                                           sheetsVisible: sheetsVisible)
                let council = try workbench(actor).createCouncil(code: try readCode(CouncilCode.self, code), name: name, level: level, provinceCode: province,
                                                                 decisionRef: decision, policy: policy)
                Output.write(CouncilRender.council(council, language))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: L("Danh sách hội đồng.", "List councils."))
        @OptionGroup var lang: LanguageOption
        @Option(help: "table | json | csv") var format: OutputFormat = .table
        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let councils = try workbench().councils()
                let vi = language == .vi
                Output.write(try Output.list(councils, format: format, headers: vi ? ["mã", "tên", "cấp", "thành viên", "tổ tư vấn"] : ["code", "name", "level", "members", "advisors"]) { c in
                    [c.code.rawValue, c.name, c.level.label(language), String(c.councilMembers.count), String(c.advisoryTeam.count)]
                })
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: L("Hội đồng, quy chế và thành viên.", "Show a council, its policy and members."))
        @OptionGroup var lang: LanguageOption
        @Argument(help: L("Mã hội đồng.", "Council code.")) var code: String
        @Option(help: "text | json") var format: OutputFormat = .text
        func run() throws {
            let language = lang.language
            try runReporting(language) {
                try require(format, in: [.text, .json])
                let council = try workbench().council(try readCode(CouncilCode.self, code))
                Output.write(format == .json ? Output.json(council) : CouncilRender.council(council, language))
            }
        }
    }

    struct Member: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "member",
            abstract: L("Thêm thành viên (hoặc đổi vai trò).", "Add a member (or change their role)."),
            discussion: L("Vai trò: chair (chủ tịch), vice_chair (phó chủ tịch), secretary (thư ký), member (ủy viên), advisor (tổ tư vấn — tách riêng, không chấm điểm). Người mới được tạo khi có --name.",
                          "Roles: chair, vice_chair, secretary, member, advisor (advisory team — kept apart, never scores). The person is created when --name is given."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: L("Mã hội đồng.", "Council code.")) var council: String
        @Option(help: L("Mã người (vd. nguyen-van-a).", "Person code (e.g. nguyen-van-a).")) var person: String
        @Option(help: L("Họ và tên (khi thêm người mới).", "Full name (for a new person).")) var name: String?
        @Option(help: L("Cơ quan, đơn vị.", "Organisation.")) var organisation: String?
        @Option(help: "chair | vice_chair | secretary | member | advisor") var role: String = "member"
        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let role = try choice(self.role, field: "role", allowed: CouncilRole.allCases.map(\.rawValue), CouncilRole.init(flexible:))
                let council = try workbench(actor).addCouncilMember(council: try readCode(CouncilCode.self, self.council), person: try readCode(PersonCode.self, person),
                                                                    name: name, organisation: organisation, role: role)
                Output.write(CouncilRender.council(council, language))
            }
        }
    }
}
