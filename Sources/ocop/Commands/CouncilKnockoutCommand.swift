import ArgumentParser
import OCOPDomain
import OCOPStore

extension CouncilSessionCommand {
    /// `ocop council session knockout`: the council disqualifies a dossier under a knock-out clause.
    struct Knockout: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "knockout",
            abstract: "Hội đồng quyết định loại hồ sơ / the council disqualifies a dossier under a knock-out clause.",
            discussion: "--clause hồ-sơ is the dossier clause (\"Hồ sơ bị loại khi…\"); a criterion code (e.g. 6.1) is that criterion's own knock-out (\"Bị loại nếu…\") in the dossier's frozen product set. Codes without a knock-out are refused, naming the allowed ones. --by is the presiding chair (default: the chair). Finalization then records the dossier as disqualified, quoting the clause, and moves it to not_recognised. --withdraw takes the decision back before finalization (kept on record).")
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: "Mã phiên (vd. PH-2026-001).") var session: String
        @Option(help: "Hồ sơ.") var dossier: String
        @Option(help: "hồ-sơ | mã tiêu chí có điều khoản loại (vd. 6.1).") var clause: String
        @Option(help: "Lý do (ghi vào biên bản).") var reason: String
        @Option(help: "Mã người của Chủ tịch (hoặc Phó Chủ tịch điều hành) công bố quyết định.") var by: String?
        @Flag(help: "Rút lại quyết định loại (trước khi kết thúc phiên).") var withdraw = false

        func run() throws {
            try runReporting(lang.language) {
                let vi = lang.language == .vi
                let workbench = Workbench(actor: actor.actor, language: lang.language)
                let store = CouncilStore(try workbench.connect())
                let code = dossier.uppercased()
                if withdraw {
                    try store.withdrawKnockOut(session: session, dossier: dossier, clause: clause, reason: reason, actor: workbench.actor)
                    let shown = CouncilRules.knockOutDeclaration(parsing: clause).description
                    Output.write(vi ? "Đã rút lại quyết định loại hồ sơ \(code) theo \(shown)." : "Withdrawn: the knock-out of \(code) under \(shown).")
                    return
                }
                let record = try store.declareKnockOut(session: session, dossier: dossier, clause: clause, reason: reason, by: by, actor: workbench.actor)
                Output.write(vi ? "Đã ghi nhận: Hội đồng loại hồ sơ \(code) theo \(record.declaration) «\(record.clauseText)» (người quyết định: \(record.decidedBy))."
                    : "Recorded: the council disqualifies \(code) under \(record.declaration) «\(record.clauseText)» (decided by \(record.decidedBy)).")
            }
        }
    }
}
