/// What kind of failure an error is, whatever layer raised it. Front ends map kinds to their own
/// codes: the CLI to sysexits exit codes, a server to HTTP statuses.
public enum ErrorKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// The input is wrong: a bad value, an invalid sheet, an illegal step.
    case invalidInput
    /// Something named does not exist: a dossier, a producer, a file.
    case notFound
    /// The input is right but collides with what is already recorded: a duplicate, already submitted.
    case conflict
    /// A service is not there: the database server, PostgreSQL's programs.
    case unavailable
    /// The system is set up wrongly: a stale schema, a missing data folder.
    case configuration
    /// A bug or an impossible state.
    case `internal`
}

/// An error that knows how to explain itself to a person, in either language, and what kind of
/// failure it is. Messages never name command-line flags or SQL: `fields` names the inputs
/// concerned (e.g. `reason`, `entered_by`), and each front end shows them its own way.
public protocol LocalizedFailure: Error, Sendable {
    var kind: ErrorKind { get }
    func message(_ language: Language) -> String
    /// The input fields the error is about, in the domain's vocabulary (`reason`, `date`, …).
    var fields: [String] { get }
}

extension LocalizedFailure {
    public var fields: [String] { [] }
}
