import CLibPQ
import Foundation

/// Where to connect: a URL or conninfo string, or libpq's own defaults (`PG*` variables,
/// `~/.pgpass`, service files). Which environment variables an application reads first is the
/// application's business.
public struct ConnectionTarget: Sendable, Hashable {
    /// A URL (`postgresql://…`) or a keyword/value conninfo string; empty means libpq defaults.
    public var conninfo: String

    public init(conninfo: String) { self.conninfo = conninfo }

    /// libpq's own defaults.
    public static let libpqDefaults = ConnectionTarget(conninfo: "")

    /// Whether any of the standard `PG*` variables that choose a server is set.
    public static func libpqEnvironmentNamesServer(_ environment: [String: String]) -> Bool {
        ["PGHOST", "PGHOSTADDR", "PGPORT", "PGDATABASE", "PGUSER", "PGSERVICE", "PGSERVICEFILE"]
            .contains { environment[$0].map { !$0.isEmpty } ?? false }
    }

    /// The parsed keyword/value pairs of the conninfo (libpq's parser), `nil` when it cannot be parsed.
    /// Includes the password when one is given: never print this whole.
    public var parameters: [String: String]? {
        guard !conninfo.isEmpty else { return [:] }
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(conninfo, &errorMessage) else {
            if let errorMessage { PQfreemem(errorMessage) }
            return nil
        }
        defer { PQconninfoFree(options) }
        var values: [String: String] = [:]
        var cursor = options
        while let keyword = cursor.pointee.keyword {
            if let value = cursor.pointee.val { values[String(cString: keyword)] = String(cString: value) }
            cursor += 1
        }
        return values
    }

    /// A description safe to print: host, port, database and user, never the password.
    public var redacted: String {
        guard !conninfo.isEmpty else { return "libpq defaults (PG* variables)" }
        guard let values = ConnectionTarget(conninfo: withoutURLPassword).parameters else { return "<unparseable connection string>" }
        return Self.describe(host: values["host"] ?? values["hostaddr"], port: values["port"], database: values["dbname"], user: values["user"])
    }

    /// The password written in a URL's user info, with its range. A password may hold an
    /// unencoded "/" or "@" (libpq then misreads the URL), so the user info runs from after
    /// "://" to the last "@" before the query string.
    private var urlPassword: (range: Range<String.Index>, value: String)? {
        guard let scheme = ["postgresql://", "postgres://"].first(where: { conninfo.hasPrefix($0) }) else { return nil }
        let rest = conninfo[conninfo.index(conninfo.startIndex, offsetBy: scheme.count)...]
        let beforeQuery = rest[..<(rest.firstIndex(of: "?") ?? rest.endIndex)]
        guard let at = beforeQuery.lastIndex(of: "@"), let colon = beforeQuery[..<at].firstIndex(of: ":") else { return nil }
        let range = beforeQuery.index(after: colon)..<at
        return (range, String(conninfo[range]))
    }

    /// Whether a URL's user info (or database name) holds an unencoded "@" or "/", so libpq would
    /// read part of the password as the host, port or database (`postgresql://u:p@ss@host/db`):
    /// the password the URL seems to mean differs from the one libpq reads. Such a URL is refused
    /// before connecting; an error would otherwise print the misread host, password fragments and all.
    public var hasUnencodedURLUserInfo: Bool {
        // A URL libpq cannot parse at all is left to libpq, whose error names the problem.
        guard let written = urlPassword?.value, let read = parameters else { return false }
        return read["password"] != (written.removingPercentEncoding ?? written)
    }

    /// Every keyword/value libpq reads from the conninfo, the password included (even one written
    /// unencoded in a URL): for handing the connection to another libpq program through its
    /// environment. Never print this.
    public var connectionParameters: [String: String] {
        var values = ConnectionTarget(conninfo: withoutURLPassword).parameters ?? [:]
        if let password = urlPassword?.value { values["password"] = password.removingPercentEncoding ?? password }
        return values
    }

    /// The conninfo with a URL's password removed (keyword/value strings are returned as they are).
    private var withoutURLPassword: String {
        guard let password = urlPassword else { return conninfo }
        var text = conninfo
        // Drop ":password" so the user info is just the user.
        text.removeSubrange(text.index(before: password.range.lowerBound)..<password.range.upperBound)
        return text
    }

    /// `text` with every occurrence of the conninfo's password (as written and percent-decoded)
    /// masked. Also works when libpq cannot parse the string.
    public func hidingPassword(in text: String) -> String {
        var passwords: [String] = []
        if let value = ConnectionTarget(conninfo: withoutURLPassword).parameters?["password"] { passwords.append(value) }
        if let written = urlPassword?.value {
            passwords.append(written)
            if let decoded = written.removingPercentEncoding { passwords.append(decoded) }
        }
        var result = text
        for password in passwords.filter({ !$0.isEmpty }).sorted(by: { $0.count > $1.count }) {
            result = result.replacingOccurrences(of: password, with: "********")
        }
        return result
    }

    static func describe(host: String?, port: String?, database: String?, user: String?) -> String {
        var text = ""
        if let user, !user.isEmpty { text += "\(user)@" }
        let shownHost = (host?.isEmpty ?? true) ? "localhost" : host!
        text += shownHost.hasPrefix("/") ? "socket \(shownHost)" : shownHost
        if let port, !port.isEmpty { text += ":\(port)" }
        if let database, !database.isEmpty { text += "/\(database)" }
        return text
    }
}

/// One libpq connection. Not thread-safe: use it from one task at a time (the CLI has one;
/// the server keeps a small pool of them).
public final class Connection: @unchecked Sendable {
    private var handle: OpaquePointer?
    private var transactionDepth = 0

    /// Opens a connection and fixes the session settings the decoders rely on.
    public init(_ target: ConnectionTarget, applicationName: String = "ocop") throws {
        guard !target.hasUnencodedURLUserInfo else { throw PostgresError.unencodedURLUserInfo(target: target.redacted) }
        // Keyword/value arrays let us add settings without rewriting the user's URL;
        // expand_dbname makes libpq read `dbname` as a full URL/conninfo.
        let keywords = ["dbname", "fallback_application_name", "client_encoding"]
        let values = [target.conninfo, applicationName, "UTF8"]
        let conn = withCStrings(keywords) { keywordPointers in
            withCStrings(values) { valuePointers in
                PQconnectdbParams(keywordPointers, valuePointers, 1)
            }
        }
        guard let conn else { throw PostgresError.connectionFailed(target: target.redacted, reason: "out of memory") }
        if PQstatus(conn) != CONNECTION_OK {
            let tried = ConnectionTarget.describe(
                host: PQhost(conn).map { String(cString: $0) },
                port: PQport(conn).map { String(cString: $0) },
                database: PQdb(conn).map { String(cString: $0) },
                user: PQuser(conn).map { String(cString: $0) }
            )
            // libpq quotes a malformed URL whole in some messages ("… in URI: \"postgresql://u:pw@[…\"").
            let reason = target.hidingPassword(in: String(cString: PQerrorMessage(conn)).trimmingCharacters(in: .whitespacesAndNewlines))
            PQfinish(conn)
            throw PostgresError.connectionFailed(target: tried, reason: reason)
        }
        handle = conn
        // Notices ("… already exists, skipping") are not errors; keep them off the user's terminal.
        PQsetNoticeProcessor(conn, { _, _ in }, nil)
        try execute("SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'iso_8601'; SET extra_float_digits = 3")
    }

    deinit {
        if let handle { PQfinish(handle) }
    }

    /// Closes the connection now (also done on deinit).
    public func close() {
        if let handle { PQfinish(handle) }
        handle = nil
    }

    /// The server's version number, e.g. 150018.
    public var serverVersion: Int { handle.map { Int(PQserverVersion($0)) } ?? 0 }

    /// The SCRAM-SHA-256 verifier of `password` for `user`, computed here by libpq
    /// (`PQencryptPasswordConn`): a password is never sent to the server in clear, nor logged.
    public func scramVerifier(password: String, user: String) throws -> String {
        guard let handle else { throw PostgresError.client("the connection is closed") }
        guard let encrypted = PQencryptPasswordConn(handle, password, user, "scram-sha-256") else {
            throw PostgresError.client(String(cString: PQerrorMessage(handle)).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        defer { PQfreemem(encrypted) }
        return String(cString: encrypted)
    }

    private func live() throws -> OpaquePointer {
        guard let handle else { throw PostgresError.client("the connection is closed") }
        return handle
    }

    // MARK: Statements

    /// Runs one statement with bound parameters and returns its rows.
    @discardableResult
    public func query(_ sql: String, _ parameters: [any PostgresEncodable] = []) throws -> QueryResult {
        let conn = try live()
        let texts: [String?] = parameters.map { $0.postgresText }
        let result: OpaquePointer? = withOptionalCStrings(texts) { pointers in
            PQexecParams(conn, sql, Int32(texts.count), nil, pointers, nil, nil, 0)
        }
        return try QueryResult.check(result, connection: conn, sql: sql)
    }

    /// Variadic convenience: `query("… $1 … $2", a, b)`.
    @discardableResult
    public func query(_ sql: String, _ first: any PostgresEncodable, _ rest: any PostgresEncodable...) throws -> QueryResult {
        try query(sql, [first] + rest)
    }

    /// Runs SQL without parameters; may hold several statements (migrations, `SET …`).
    public func execute(_ sql: String) throws {
        let conn = try live()
        let result = PQexec(conn, sql)
        _ = try QueryResult.check(result, connection: conn, sql: sql)
    }

    /// The single row of a statement that must return exactly one.
    public func one(_ sql: String, _ parameters: [any PostgresEncodable] = []) throws -> Row {
        let result = try query(sql, parameters)
        guard result.count > 0 else { throw PostgresError.noRows(sql: sql) }
        guard result.count == 1 else { throw PostgresError.tooManyRows(count: result.count, sql: sql) }
        return result[0]
    }

    public func one(_ sql: String, _ first: any PostgresEncodable, _ rest: any PostgresEncodable...) throws -> Row {
        try one(sql, [first] + rest)
    }

    /// The first row, or `nil` when there is none (more than one is an error).
    public func optional(_ sql: String, _ parameters: [any PostgresEncodable] = []) throws -> Row? {
        let result = try query(sql, parameters)
        guard result.count <= 1 else { throw PostgresError.tooManyRows(count: result.count, sql: sql) }
        return result.count == 1 ? result[0] : nil
    }

    public func optional(_ sql: String, _ first: any PostgresEncodable, _ rest: any PostgresEncodable...) throws -> Row? {
        try optional(sql, [first] + rest)
    }

    // MARK: Transactions

    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws.
    /// Nested calls use savepoints.
    public func transaction<T>(isolation: IsolationLevel = .readCommitted, _ body: (Connection) throws -> T) throws -> T {
        let savepoint = "ocop_sp_\(transactionDepth)"
        if transactionDepth == 0 {
            try execute("BEGIN ISOLATION LEVEL \(isolation.rawValue)")
        } else {
            try execute("SAVEPOINT \(savepoint)")
        }
        transactionDepth += 1
        let value: T
        do {
            value = try body(self)
        } catch {
            transactionDepth -= 1
            rollBack(to: savepoint)
            throw error
        }
        // The depth drops exactly once, whether the COMMIT/RELEASE succeeds or not (a deferred
        // constraint fails at COMMIT; the server has then already rolled the transaction back).
        transactionDepth -= 1
        do {
            try execute(transactionDepth == 0 ? "COMMIT" : "RELEASE SAVEPOINT \(savepoint)")
        } catch {
            rollBack(to: savepoint)
            throw error
        }
        return value
    }

    /// Undoes the innermost level, after `transactionDepth` was decremented for it.
    private func rollBack(to savepoint: String) {
        if transactionDepth == 0 {
            try? execute("ROLLBACK")
        } else {
            // Released too, so a long transaction with many failed nested ones does not pile them up.
            try? execute("ROLLBACK TO SAVEPOINT \(savepoint); RELEASE SAVEPOINT \(savepoint)")
        }
    }

    public var isInTransaction: Bool { transactionDepth > 0 }

    // MARK: COPY

    /// Streams rows into `COPY … FROM STDIN` (text format). Each row is the columns' text
    /// values (`nil` = NULL), in the column order of the COPY statement. Returns the row count.
    @discardableResult
    public func copyIn<S: Sequence>(_ copySQL: String, rows: S) throws -> Int where S.Element == [String?] {
        let conn = try live()
        let start = PQexec(conn, copySQL)
        guard PQresultStatus(start) == PGRES_COPY_IN else {
            _ = try QueryResult.check(start, connection: conn, sql: copySQL)
            throw PostgresError.client("COPY did not start: \(copySQL.prefix(80))")
        }
        PQclear(start)
        var buffer = [UInt8]()
        buffer.reserveCapacity(1 << 16)
        var count = 0
        func flush() throws {
            guard !buffer.isEmpty else { return }
            let status = buffer.withUnsafeBufferPointer { pointer in
                pointer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: pointer.count) {
                    PQputCopyData(conn, $0, Int32(pointer.count))
                }
            }
            guard status == 1 else {
                throw PostgresError.client("COPY failed: " + String(cString: PQerrorMessage(conn)))
            }
            buffer.removeAll(keepingCapacity: true)
        }
        for row in rows {
            for (index, value) in row.enumerated() {
                if index > 0 { buffer.append(9) }
                if let value { Self.appendCopyEscaped(value, to: &buffer) } else { buffer.append(contentsOf: [92, 78]) }  // \N
            }
            buffer.append(10)
            count += 1
            if buffer.count >= 1 << 16 { try flush() }
        }
        try flush()
        guard PQputCopyEnd(conn, nil) == 1 else {
            throw PostgresError.client("COPY failed: " + String(cString: PQerrorMessage(conn)))
        }
        // Drain results: the COPY's own, then any others.
        var failure: Error?
        while let result = PQgetResult(conn) {
            do { _ = try QueryResult.check(result, connection: conn, sql: copySQL) } catch { failure = failure ?? error }
        }
        if let failure { throw failure }
        return count
    }

    /// Streams rows into `COPY … FROM STDIN` (text format) written by `body` straight into the
    /// send buffer (no per-row arrays or strings): `writer.field(…)` per column, `writer.endRow()`
    /// per row. The buffer goes to the server in 64 KiB chunks while `body` keeps producing, so
    /// the server works on one chunk while the client builds the next. When `body` throws, the
    /// COPY is aborted (`PQputCopyEnd` with an error: the server discards every row) and the
    /// error is rethrown. Returns the row count.
    @discardableResult
    public func copyIn(_ copySQL: String, writer body: (CopyInWriter) throws -> Void) throws -> Int {
        let conn = try live()
        let start = PQexec(conn, copySQL)
        guard PQresultStatus(start) == PGRES_COPY_IN else {
            _ = try QueryResult.check(start, connection: conn, sql: copySQL)
            throw PostgresError.client("COPY did not start: \(copySQL.prefix(80))")
        }
        PQclear(start)
        let writer = CopyInWriter(conn)
        func drain() -> Error? {
            var failure: Error?
            while let result = PQgetResult(conn) {
                do { _ = try QueryResult.check(result, connection: conn, sql: copySQL) } catch { failure = failure ?? error }
            }
            return failure
        }
        do {
            try body(writer)
            try writer.flush()
        } catch {
            _ = PQputCopyEnd(conn, "aborted by the client")
            _ = drain()
            throw error
        }
        guard PQputCopyEnd(conn, nil) == 1 else {
            throw PostgresError.client("COPY failed: " + String(cString: PQerrorMessage(conn)))
        }
        if let failure = drain() { throw failure }
        return writer.rows
    }

    static func appendCopyEscaped(_ value: String, to buffer: inout [UInt8]) {
        // Most values hold nothing to escape: copy them whole.
        guard value.utf8.contains(where: { $0 == 92 || $0 == 9 || $0 == 10 || $0 == 13 }) else {
            buffer.append(contentsOf: value.utf8)
            return
        }
        for byte in value.utf8 {
            switch byte {
            case 92: buffer.append(contentsOf: [92, 92])  // backslash
            case 9: buffer.append(contentsOf: [92, 116])  // \t
            case 10: buffer.append(contentsOf: [92, 110])  // \n
            case 13: buffer.append(contentsOf: [92, 114])  // \r
            default: buffer.append(byte)
            }
        }
    }
}

public enum IsolationLevel: String, Sendable {
    case readCommitted = "READ COMMITTED"
    case repeatableRead = "REPEATABLE READ"
    case serializable = "SERIALIZABLE"
}

// MARK: C string helpers

private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    withOptionalCStrings(strings.map { Optional($0) }) { pointers in
        // libpq wants a NULL-terminated array for the *Params connect functions.
        body(pointers!)
    }
}

/// Hands libpq a `const char * const *` array (with a trailing NULL) that stays valid for the call.
private func withOptionalCStrings<R>(_ strings: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
    var owned: [UnsafeMutablePointer<CChar>?] = strings.map { $0.map { strdup($0)! } }
    defer { for pointer in owned { free(pointer) } }
    owned.append(nil)
    return owned.withUnsafeBufferPointer { buffer in
        buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) { body($0) }
    }
}

/// Builds the rows of one `Connection.copyIn(_:writer:)` in COPY text format.
public final class CopyInWriter {
    private let conn: OpaquePointer
    private var buffer: [UInt8] = []
    private var atRowStart = true
    public private(set) var rows = 0

    fileprivate init(_ conn: OpaquePointer) {
        self.conn = conn
        buffer.reserveCapacity(1 << 17)
    }

    @inline(__always) private func separator() {
        if atRowStart { atRowStart = false } else { buffer.append(9) }
    }

    /// A text column (`nil` = NULL), escaped.
    public func field(_ value: String?) {
        separator()
        if let value { Connection.appendCopyEscaped(value, to: &buffer) } else { buffer.append(contentsOf: [92, 78]) }  // \N
    }

    /// An integer column.
    public func field(_ value: Int) {
        separator()
        var v = value.magnitude
        if value < 0 { buffer.append(45) }
        if v < 10 { buffer.append(48 &+ UInt8(v)); return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var n = 0
            while v > 0 { digits[n] = 48 &+ UInt8(v % 10); v /= 10; n += 1 }
            while n > 0 { n -= 1; buffer.append(digits[n]) }
        }
    }

    /// An integer column or NULL.
    public func field(_ value: Int?) {
        if let value { field(value) } else { field(nil as String?) }
    }

    /// A column whose bytes are already in COPY text form (escaped with `escaped(_:)`).
    public func field(escaped bytes: [UInt8]) {
        separator()
        buffer.append(contentsOf: bytes)
    }

    /// The COPY text form of `value`, for a column repeated on many rows.
    public static func escaped(_ value: String) -> [UInt8] {
        var bytes: [UInt8] = []
        Connection.appendCopyEscaped(value, to: &bytes)
        return bytes
    }

    /// Ends the row; sends the buffer once it holds 64 KiB.
    public func endRow() throws {
        buffer.append(10)
        atRowStart = true
        rows += 1
        if buffer.count >= 1 << 16 { try flush() }
    }

    fileprivate func flush() throws {
        guard !buffer.isEmpty else { return }
        let status = buffer.withUnsafeBufferPointer { pointer in
            pointer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: pointer.count) {
                PQputCopyData(conn, $0, Int32(pointer.count))
            }
        }
        guard status == 1 else {
            throw PostgresError.client("COPY failed: " + String(cString: PQerrorMessage(conn)))
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
