import ArgumentParser
import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels

/// `ocop calendar …`: the evaluation rounds of Art. 5 and the extra rounds councils schedule.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: L("Lịch đánh giá theo đợt (Điều 5).", "The evaluation calendar of rounds (Art. 5)."),
        discussion: L("""
            Cấp tỉnh: hồ sơ UBND cấp xã đề nghị đến hết 30/4 → đợt 1, đánh giá xong chậm nhất 30/6; đến hết 30/10 → đợt 2, chậm \
            nhất 30/12. Cấp trung ương: đến hết 30/7 → đợt 1, chậm nhất 30/9; đến hết 30/01 năm sau → đợt 2, chậm nhất 30/3. Hồ \
            sơ được xếp vào đợt theo ngày nộp; phiên họp sau hạn đánh giá của đợt được cảnh báo. Đợt bổ sung (số 3 trở đi) chỉ \
            khi Quy chế hoạt động của Hội đồng quy định và có kế hoạch.
            """, """
            Province: proposals by 30/4 → round 1, evaluated by 30/6; by 30/10 → round 2, by 30/12. Ministry: by 30/7 → round \
            1, by 30/9; by 30/01 of the next year → round 2, by 30/3. A dossier is placed in its round by its filing date; a \
            session after the round's evaluation deadline is flagged. Extra rounds (numbered from 3) only when the council's \
            Quy chế and a plan provide for them.
            """),
        subcommands: [List.self, Add.self]
    )

    static func rows(_ rounds: [EvaluationRound], _ language: Language) -> [[String]] {
        rounds.map { r in
            [r.id.level == .central ? (language == .vi ? "trung ương" : "central") : (language == .vi ? "tỉnh" : "provincial"), r.label(language),
             r.filingOpensOn?.display(language) ?? "", r.filingDeadline.display(language), r.evaluationDeadline.display(language)]
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: L("Các đợt đánh giá của một năm.", "The rounds of a year."))
        @OptionGroup var lang: LanguageOption
        @Option(help: L("Năm (mặc định năm nay).", "Year (default this year).")) var year: Int?
        @Option(help: "provincial | central") var level: String?
        @Option(help: "table | json | csv") var format: OutputFormat = .table

        func run() throws {
            let language = lang.language
            let vi = language == .vi
            try runReporting(language) {
                let level = try self.level.map { try choice($0, field: "level", allowed: CouncilLevel.allCases.map(\.rawValue), CouncilLevel.init(rawValue:)) }
                let bench = try workbench()
                let rounds = try bench.evaluationRounds(year: year ?? bench.today.year, level: level)
                Output.write(try Output.list(rounds, format: format,
                    headers: vi ? ["cấp", "đợt", "nhận hồ sơ từ", "nhận hồ sơ đến", "đánh giá xong chậm nhất"] : ["level", "round", "proposals from", "proposals through", "evaluated by"]) { r in
                    CalendarCommand.rows([r], language)[0]
                })
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: L("Thêm đợt đánh giá bổ sung (theo Quy chế của Hội đồng).", "Add an extra round (as the council's Quy chế provides)."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Option(help: "provincial | central") var level: String = CouncilLevel.provincial.rawValue
        @Option(help: L("Năm.", "Year.")) var year: Int
        @Option(help: L("Số đợt (từ 3).", "Round number (from 3).")) var number: Int
        @Option(name: .customLong("filing-deadline"), help: L("Hạn nhận hồ sơ YYYY-MM-DD.", "Last day for proposals YYYY-MM-DD.")) var filingDeadline: String
        @Option(name: .customLong("evaluation-deadline"), help: L("Hạn đánh giá xong YYYY-MM-DD.", "Evaluated by YYYY-MM-DD.")) var evaluationDeadline: String
        @Option(help: L("Văn bản quy định đợt này (Quy chế, kế hoạch).", "The document that provides for it (Quy chế, plan).")) var basis: String
        @Option(help: L("Tên đợt.", "The round's name.")) var label: String?

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let level = try choice(self.level, field: "level", allowed: CouncilLevel.allCases.map(\.rawValue), CouncilLevel.init(rawValue:))
                let round = try workbench(actor).addExtraRound(ExtraRound(
                    level: level, year: year, number: number, filingDeadline: try readDate(filingDeadline, field: "filing_deadline"),
                    evaluationDeadline: try readDate(evaluationDeadline, field: "evaluation_deadline"), label: label.map { LocalizedText(vi: $0, en: $0) }),
                    basis: basis)
                Output.write((language == .vi ? "Đã thêm " : "Added ") + round.describe(language) + ".")
            }
        }
    }
}
