import OCOPDomain
import Postgres

/// Placeholder until the council work lands: the demo stops before the council.
func runCouncilDemo(connection: Connection, dossierCodes: [String], actor: String, language: Language, narrate: (String) -> Void) throws {
    narrate(language == .vi
        ? "\(dossierCodes.count) hồ sơ chờ Hội đồng (ready_for_council). Phiên họp Hội đồng chưa có trong bản này."
        : "\(dossierCodes.count) dossiers wait for the council (ready_for_council). Council sessions are not in this build yet.")
}
