/// Every failure of the Postgres layer. Server errors carry SQLSTATE and the fields a caller
/// needs to turn a constraint violation into a sentence a person understands.
public enum PostgresError: Error, Sendable, CustomStringConvertible {
    /// Could not connect. Neither `target` nor `reason` contains the password.
    case connectionFailed(target: String, reason: String)
    /// The URL's user info holds an unencoded "@" or "/" (`ConnectionTarget.hasUnencodedURLUserInfo`):
    /// nothing was tried. `target` is what the URL seems to mean, without the password.
    case unencodedURLUserInfo(target: String)
    /// The server rejected a statement.
    case server(ServerError)
    /// A value could not be decoded as the requested Swift type.
    case decoding(column: String, type: String, value: String?)
    /// A column name that the result does not have.
    case noSuchColumn(String)
    /// `one(...)` found no row.
    case noRows(sql: String)
    /// `one(...)` found more than one row.
    case tooManyRows(count: Int, sql: String)
    /// The connection broke or libpq reported a client-side failure.
    case client(String)

    public var description: String {
        switch self {
        case let .connectionFailed(target, reason):
            "could not connect to PostgreSQL at \(target): \(reason)"
        case let .unencodedURLUserInfo(target):
            "the connection URL for \(target) holds an unencoded \"@\" or \"/\" in its password or database name; write them as %40 and %2F"
        case let .server(error):
            error.description
        case let .decoding(column, type, value):
            "column \(column): cannot decode \(value.map { "'\($0.prefix(60))'" } ?? "NULL") as \(type)"
        case let .noSuchColumn(name):
            "the result has no column \(name)"
        case let .noRows(sql):
            "expected exactly one row, got none: \(sql.prefix(120))"
        case let .tooManyRows(count, sql):
            "expected exactly one row, got \(count): \(sql.prefix(120))"
        case let .client(message):
            message
        }
    }

    /// The server error, when this is one.
    public var serverError: ServerError? {
        if case let .server(error) = self { return error }
        return nil
    }
}

/// The fields of an `ErrorResponse` (https://www.postgresql.org/docs/current/protocol-error-fields.html).
public struct ServerError: Error, Sendable, CustomStringConvertible {
    public var sqlState: String
    public var severity: String
    public var message: String
    public var detail: String?
    public var hint: String?
    public var constraint: String?
    public var table: String?
    public var column: String?

    public init(
        sqlState: String, severity: String = "ERROR", message: String, detail: String? = nil,
        hint: String? = nil, constraint: String? = nil, table: String? = nil, column: String? = nil
    ) {
        self.sqlState = sqlState
        self.severity = severity
        self.message = message
        self.detail = detail
        self.hint = hint
        self.constraint = constraint
        self.table = table
        self.column = column
    }

    public var isUniqueViolation: Bool { sqlState == "23505" }
    public var isForeignKeyViolation: Bool { sqlState == "23503" }
    public var isCheckViolation: Bool { sqlState == "23514" }
    public var isNotNullViolation: Bool { sqlState == "23502" }
    public var isSerializationFailure: Bool { sqlState == "40001" || sqlState == "40P01" }

    public var description: String {
        var text = "\(severity) \(sqlState): \(message)"
        if let detail { text += " — \(detail)" }
        if let constraint { text += " [constraint \(constraint)]" }
        return text
    }
}
