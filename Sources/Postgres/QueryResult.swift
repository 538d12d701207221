import CLibPQ

/// The rows of one statement, copied out of libpq's `PGresult` (which is freed at once).
public struct QueryResult: Sendable, RandomAccessCollection {
    public let columns: [String]
    /// Text values, row-major; `nil` is NULL.
    let cells: [String?]
    /// Rows affected for INSERT/UPDATE/DELETE (`PQcmdTuples`), else 0.
    public let affectedRows: Int
    let columnIndex: [String: Int]

    public var startIndex: Int { 0 }
    public var endIndex: Int { columns.isEmpty ? 0 : cells.count / columns.count }

    public subscript(position: Int) -> Row {
        Row(result: self, index: position)
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
        var cells: [String?] = []
        cells.reserveCapacity(rowCount * columnCount)
        for r in 0..<rowCount {
            for c in 0..<columnCount {
                if PQgetisnull(result, Int32(r), Int32(c)) == 1 {
                    cells.append(nil)
                } else {
                    let length = Int(PQgetlength(result, Int32(r), Int32(c)))
                    let pointer = PQgetvalue(result, Int32(r), Int32(c))!
                    cells.append(pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
                        String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
                    })
                }
            }
        }
        let affected = Int(String(cString: PQcmdTuples(result))) ?? 0
        var index: [String: Int] = [:]
        for (i, name) in columns.enumerated() where index[name] == nil { index[name] = i }
        return QueryResult(columns: columns, cells: cells, affectedRows: affected, columnIndex: index)
    }
}

/// One row of a `QueryResult`.
public struct Row: Sendable {
    let result: QueryResult
    let index: Int

    /// The raw text of a column (`nil` = NULL).
    public func text(_ column: Int) -> String? {
        result.cells[index * result.columns.count + column]
    }

    public func decode<T: PostgresDecodable>(_ type: T.Type, at column: Int) throws -> T {
        let name = column < result.columns.count ? result.columns[column] : "#\(column)"
        guard column < result.columns.count else { throw PostgresError.noSuchColumn(name) }
        guard let raw = text(column) else {
            guard let null = T.postgresNull else {
                throw PostgresError.decoding(column: name, type: String(describing: T.self), value: nil)
            }
            return null
        }
        guard let value = T.decode(postgresText: raw) else {
            throw PostgresError.decoding(column: name, type: String(describing: T.self), value: raw)
        }
        return value
    }

    public func decode<T: PostgresDecodable>(_ type: T.Type, _ column: String) throws -> T {
        guard let position = result.columnIndex[column] else { throw PostgresError.noSuchColumn(column) }
        return try decode(type, at: position)
    }

    /// `row["name", as: String.self]`-style shorthand.
    public subscript<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) -> T {
        get throws { try decode(type, column) }
    }
}
