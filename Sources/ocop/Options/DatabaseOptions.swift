import Foundation
import OCOPDomain
import OCOPStore
import Postgres

/// The composition root of a command: the database (configured or embedded) and the acting person.
struct Workbench {
    let database: Database
    let actor: String
    let language: Language

    init(actor: String, language: Language) {
        self.database = Database()
        self.actor = actor
        self.language = language
    }

    /// A connection to a current schema (the embedded database migrates itself).
    func connect() throws -> Connection {
        do {
            return try database.connect(actor: actor)
        } catch let error as MigrationError {
            throw UserFacingError(error.description, code: ExitStatus.config)
        } catch let error as EmbeddedClusterError {
            throw UserFacingError(error.description, code: ExitStatus.unavailable)
        } catch let error as PostgresError {
            if case .connectionFailed = error {
                throw UserFacingError(error.description, code: ExitStatus.unavailable)
            }
            throw error
        }
    }
}
