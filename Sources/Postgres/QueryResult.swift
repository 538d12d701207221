import CLibPQ

/// The rows of one statement, copied out of libpq's `PGresult` (which is freed at once) into
/// one byte buffer: a value becomes a Swift value only when it is decoded. Large reads (a
/// province's round is ~600,000 answer rows) would otherwise spend most of their time making a
/// String of every cell.
public struct QueryResult: Sendable, RandomAccessCollection {
    public let columns: [String]
    /// The UTF-8 text of every non-NULL value, back to back, row-major.
    @usableFromInline let text: [UInt8]
    /// Where each cell's text ends in `text` (it starts where the previous cell ends), negated
    /// (minus one) for NULL; row-major.
    @usableFromInline let ends: [Int]
    /// Rows affected for INSERT/UPDATE/DELETE (`PQcmdTuples`), else 0.
    public let affectedRows: Int
    @usableFromInline let columnIndex: [String: Int]

    public var startIndex: Int { 0 }
    public var endIndex: Int { columns.isEmpty ? 0 : ends.count / columns.count }

    public subscript(position: Int) -> Row {
        Row(result: self, index: position)
    }

    /// The bytes of cell `cell` (row-major), `nil` for NULL.
    @inlinable func bytes(_ cell: Int) -> ArraySlice<UInt8>? {
        let end = ends[cell]
        guard end >= 0 else { return nil }
        let start = cell == 0 ? 0 : ends[cell - 1]
        return text[(start < 0 ? -start - 1 : start)..<end]
    }

    static func check(_ result: OpaquePointer?, connection: OpaquePointer, sql: String) throws -> QueryResult {
        guard let result else {
            throw PostgresError.client(String(cString: PQerrorMessage(connection)).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        switch status {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY, PGRES_COPY_IN, PGRES_COPY_OUT:
            break
        default:
            // The server went away mid-statement (killed, restarted): a broken connection, not
            // a refusal of the statement.
            if PQstatus(connection) == CONNECTION_BAD {
                throw PostgresError.client(String(cString: PQerrorMessage(connection)).trimmingCharacters(in: .whitespacesAndNewlines))
            }
            func field(_ code: Int32) -> String? {
                PQresultErrorField(result, code).map { String(cString: $0) }
            }
            // PG_DIAG_* codes are single characters of the protocol.
            let sqlState = field(Int32(UInt8(ascii: "C"))) ?? "XX000"
            let message = field(Int32(UInt8(ascii: "M")))
                ?? String(cString: PQerrorMessage(connection)).trimmingCharacters(in: .whitespacesAndNewlines)
            throw PostgresError.server(ServerError(
                sqlState: sqlState,
                severity: field(Int32(UInt8(ascii: "V"))) ?? field(Int32(UInt8(ascii: "S"))) ?? "ERROR",
                message: message,
                detail: field(Int32(UInt8(ascii: "D"))),
                hint: field(Int32(UInt8(ascii: "H"))),
                constraint: field(Int32(UInt8(ascii: "n"))),
                table: field(Int32(UInt8(ascii: "t"))),
                column: field(Int32(UInt8(ascii: "c")))
            ))
        }
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        var columns: [String] = []
        columns.reserveCapacity(columnCount)
        for c in 0..<columnCount { columns.append(String(cString: PQfname(result, Int32(c)))) }
        var text: [UInt8] = []
        var ends: [Int] = []
        ends.reserveCapacity(rowCount * columnCount)
        for r in 0..<rowCount {
            for c in 0..<columnCount {
                if PQgetisnull(result, Int32(r), Int32(c)) == 1 {
                    ends.append(-text.count - 1)
                } else {
                    let length = Int(PQgetlength(result, Int32(r), Int32(c)))
                    PQgetvalue(result, Int32(r), Int32(c))!.withMemoryRebound(to: UInt8.self, capacity: length) {
                        text.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
                    }
                    ends.append(text.count)
                }
            }
        }
        let affected = Int(String(cString: PQcmdTuples(result))) ?? 0
        var index: [String: Int] = [:]
        for (i, name) in columns.enumerated() where index[name] == nil { index[name] = i }
        return QueryResult(columns: columns, text: text, ends: ends, affectedRows: affected, columnIndex: index)
    }
}

/// One row of a `QueryResult`.
public struct Row: Sendable {
    @usableFromInline let result: QueryResult
    @usableFromInline let index: Int

    @usableFromInline init(result: QueryResult, index: Int) {
        self.result = result
        self.index = index
    }

    /// The raw text of a column (`nil` = NULL).
    public func text(_ column: Int) -> String? {
        result.bytes(index * result.columns.count + column).map { String(decoding: $0, as: UTF8.self) }
    }

    // Inlinable so that a caller's `decode(Int.self, …)` is specialized for its type: a large read
    // decodes millions of cells, and a generic call per cell costs more than the decoding.
    @inlinable
    public func decode<T: PostgresDecodable>(_ type: T.Type, at column: Int) throws -> T {
        guard column < result.columns.count else { throw PostgresError.noSuchColumn("#\(column)") }
        guard let bytes = result.bytes(index * result.columns.count + column) else {
            guard let null = T.postgresNull else {
                throw PostgresError.decoding(column: result.columns[column], type: String(describing: T.self), value: nil)
            }
            return null
        }
        guard let value = T.decode(postgresUTF8: bytes) else {
            throw PostgresError.decoding(column: result.columns[column], type: String(describing: T.self),
                                         value: String(decoding: bytes, as: UTF8.self))
        }
        return value
    }

    @inlinable
    public func decode<T: PostgresDecodable>(_ type: T.Type, _ column: String) throws -> T {
        guard let position = result.columnIndex[column] else { throw PostgresError.noSuchColumn(column) }
        return try decode(type, at: position)
    }

    /// `row["name", as: String.self]`-style shorthand.
    @inlinable
    public subscript<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) -> T {
        get throws { try decode(type, column) }
    }
}
