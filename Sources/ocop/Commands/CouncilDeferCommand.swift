import ArgumentParser
import OCOPDomain
import OCOPStore

extension CouncilSessionCommand {
    /// `ocop council session defer`: take a dossier off the session, for a later one.
    struct Defer: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "defer",
            abstract: "Hoãn xét hồ sơ sang phiên sau / defer a dossier to a later session.",
            discussion: "For a dossier the council cannot decide in this session (no quorum, members absent, a site survey needed). It stays in the session's record and minutes as \"hoãn\", finalization ignores it, and it goes back from council_scheduled to ready_for_council, so a later session can take it. A decided dossier cannot be deferred.")
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: "Mã phiên (vd. PH-2026-001).") var session: String
        @Option(help: "Hồ sơ.") var dossier: String
        @Option(help: "Lý do hoãn.") var reason: String

        func run() throws {
            try runReporting(lang.language) {
                let workbench = Workbench(actor: actor.actor, language: lang.language)
                let record = try CouncilStore(try workbench.connect()).deferDossier(session: session, dossier: dossier, reason: reason, actor: workbench.actor)
                Output.write(lang.language == .vi
                    ? "Đã hoãn hồ sơ \(record.dossier) khỏi phiên \(session.uppercased()): \(record.reason). Hồ sơ chờ phiên họp sau (ready_for_council)."
                    : "Deferred \(record.dossier) from session \(session.uppercased()): \(record.reason). It waits for a later session (ready_for_council).")
            }
        }
    }
}
