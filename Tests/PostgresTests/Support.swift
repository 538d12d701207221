import Foundation
import OCOPTestSupport
import Postgres
import Testing

/// One database for the whole PostgresTests target; every test opens its own connection and
/// uses table names no other test uses, so tests run in parallel.
enum PG {
    static let database: Result<ConnectionTarget, any Error> = Result { try TestDatabase.create(prefix: "pgtests") }

    static func connect() throws -> Connection { try Connection(database.get()) }

    /// Runs `body` on a fresh connection, closed afterwards.
    static func with(_ body: (Connection) throws -> Void) throws {
        let connection = try connect()
        defer { connection.close() }
        try body(connection)
    }
}

/// The `ServerError` a failing call threw, or a recorded issue when it threw something else.
func serverError(_ sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) -> ServerError? {
    do {
        try body()
        Issue.record("expected a server error, got none", sourceLocation: sourceLocation)
    } catch let error as PostgresError {
        if let server = error.serverError { return server }
        Issue.record("expected a server error, got \(error)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected a PostgresError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

extension Connection {
    func count(_ table: String) throws -> Int {
        try one("SELECT count(*) AS n FROM \(table)").decode(Int.self, "n")
    }

    func tableExists(_ table: String) throws -> Bool {
        try one("SELECT to_regclass($1) IS NOT NULL AS e", table).decode(Bool.self, "e")
    }
}
