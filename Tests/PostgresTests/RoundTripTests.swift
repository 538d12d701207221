import Foundation
import Postgres
import Testing

/// Binds each value as `$1`, reads it back via `SELECT $1::type` and via a table column of that type.
func expectRoundTrip<T: PostgresEncodable & PostgresDecodable>(
    _ values: [T], sqlType: String, table: String,
    equal: (T, T) -> Bool,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    try PG.with { db throws in
        try db.execute("CREATE TABLE \(table) (id serial PRIMARY KEY, v \(sqlType))")
        for value in values {
            let selected = try db.one("SELECT $1::\(sqlType) AS v", [value]).decode(T.self, "v")
            #expect(equal(selected, value), "SELECT $1::\(sqlType): sent \(value), got \(selected)", sourceLocation: sourceLocation)

            let id = try db.one("INSERT INTO \(table) (v) VALUES ($1) RETURNING id", [value]).decode(Int.self, "id")
            let stored = try db.one("SELECT v FROM \(table) WHERE id = $1", id).decode(T.self, "v")
            #expect(equal(stored, value), "column \(sqlType): sent \(value), got \(stored)", sourceLocation: sourceLocation)
        }
        #expect(try db.count(table) == values.count, sourceLocation: sourceLocation)
    }
}

func expectRoundTrip<T: PostgresEncodable & PostgresDecodable & Equatable>(
    _ values: [T], sqlType: String, table: String, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    try expectRoundTrip(values, sqlType: sqlType, table: table, equal: ==, sourceLocation: sourceLocation)
}

@Suite("Values round-trip through bound parameters")
struct RoundTripTests {
    @Test func text() throws {
        try expectRoundTrip(["", "hello", "a'b\"c\\d", "tab\there\nnewline\r\n", " leading and trailing ", "Mật ong", "{}", "NULL"],
                            sqlType: "text", table: "rt_text")
    }

    @Test func integers() throws {
        try expectRoundTrip([Int16.min, -1, 0, 1, Int16.max], sqlType: "smallint", table: "rt_int2")
        try expectRoundTrip([Int32.min, -1, 0, 1, Int32.max], sqlType: "integer", table: "rt_int4")
        try expectRoundTrip([Int64.min, -1, 0, 1, Int64.max], sqlType: "bigint", table: "rt_int8")
        try expectRoundTrip([Int.min, -1, 0, 42, Int.max], sqlType: "bigint", table: "rt_int8_int")
    }

    @Test func integerOutOfRangeIsAServerError() throws {
        try PG.with { db throws in
            let error = serverError { _ = try db.query("SELECT $1::smallint", Int(Int16.max) + 1) }
            #expect(error?.sqlState == "22003")  // numeric_value_out_of_range
        }
    }

    static let decimalTexts = [
        "70.125", "0.1", "12345678901234567890.123456789", "-70.125", "-0.1", "0", "-12345678901234567890.123456789",
        "0.000000001", "99999999999999999999999999999999999999",
    ]

    @Test func numericIsExact() throws {
        let values = try Self.decimalTexts.map { try #require(Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX"))) }
        try expectRoundTrip(values, sqlType: "numeric", table: "rt_numeric")
        try PG.with { db throws in
            for (text, value) in zip(Self.decimalTexts, values) {
                // What the server received is exactly the decimal text…
                let seen = try db.one("SELECT $1::numeric::text AS t", value).decode(String.self, "t")
                #expect(seen == text)
                // …and the server's own literal decodes to the same Decimal, printed the same way.
                let decoded = try db.one("SELECT '\(text)'::numeric AS v").decode(Decimal.self, "v")
                #expect(decoded == value)
                #expect(decoded.description == text)
            }
            // A numeric column with scale: trailing zeros do not change the value.
            let scaled = try db.one("SELECT $1::numeric(10,4) AS v", Decimal(string: "70.125")!).decode(Decimal.self, "v")
            #expect(scaled == Decimal(string: "70.125")!)
            #expect(try db.one("SELECT 'NaN'::numeric AS v").decode(Decimal.self, "v").isNaN)
        }
    }

    @Test func bool() throws {
        try expectRoundTrip([true, false], sqlType: "boolean", table: "rt_bool")
    }

    @Test func date() throws {
        let dates = [
            PostgresDate(year: 2026, month: 12, day: 1), PostgresDate(year: 2024, month: 2, day: 29),
            PostgresDate(year: 1, month: 1, day: 1), PostgresDate(year: 9999, month: 12, day: 31),
            PostgresDate(year: 1970, month: 1, day: 1), PostgresDate(year: 999, month: 7, day: 4),
        ]
        try expectRoundTrip(dates, sqlType: "date", table: "rt_date")
        try PG.with { db throws in
            #expect(try db.one("SELECT $1::date = DATE '2024-02-29' AS e", PostgresDate(year: 2024, month: 2, day: 29)).decode(Bool.self, "e"))
        }
    }

    static func micros(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1_000_000).rounded()) }

    @Test func timestamptzToMicroseconds() throws {
        let dates = [
            Date(timeIntervalSince1970: 1_764_613_826.123456),  // 2025-12-01 18:30:26.123456
            Date(timeIntervalSince1970: 0),
            Date(timeIntervalSince1970: 1_700_000_000.000001),
            Date(timeIntervalSince1970: 1_700_000_000.999999),
            Date(timeIntervalSince1970: -1.5),  // before the epoch
            Date(timeIntervalSince1970: -2_208_988_800.25),  // 1900-01-01
            Date(timeIntervalSince1970: 4_102_444_800.5),  // 2100-01-01
        ]
        try expectRoundTrip(dates, sqlType: "timestamptz", table: "rt_timestamptz") { Self.micros($0) == Self.micros($1) }
        try PG.with { db throws in
            // The server reads the instant we mean…
            let date = Date(timeIntervalSince1970: 1_764_613_826.123456)
            #expect(try db.one("SELECT $1::timestamptz = '2025-12-01 18:30:26.123456+00' AS e", date).decode(Bool.self, "e"))
            #expect(try db.one("SELECT extract(epoch FROM $1::timestamptz)::text AS t", date).decode(String.self, "t") == "1764613826.123456")
            // …and we read the instant it means, whatever offset it was written with.
            let fromServer = try db.one("SELECT '2025-12-02 01:30:26.5+07'::timestamptz AS v").decode(Date.self, "v")
            #expect(Self.micros(fromServer) == 1_764_613_826_500_000)
        }
    }

    /// A Date just below a whole second must round up to the next second, not print ".1000000".
    @Test func timestamptzRoundsUpToTheNextSecond() throws {
        try PG.with { db throws in
            let date = Date(timeIntervalSince1970: 1_700_000_000.9999997)
            let seen = try db.one("SELECT $1::timestamptz AS v", date).decode(Date.self, "v")
            #expect(Self.micros(seen) == 1_700_000_001_000_000)
        }
    }

    @Test func uuid() throws {
        let fixed = try #require(UUID(uuidString: "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11"))
        try expectRoundTrip([UUID(), UUID(), fixed], sqlType: "uuid", table: "rt_uuid")
        try PG.with { db throws in
            #expect(try db.one("SELECT $1::uuid::text AS t", fixed).decode(String.self, "t") == "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")
        }
    }

    @Test func bytea() throws {
        let all = Bytes((0...255).map { UInt8($0) })
        let reversed = Bytes((0...255).reversed().map { UInt8($0) })
        let big = Bytes((0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try expectRoundTrip([all, Bytes([]), Bytes([0]), reversed, big], sqlType: "bytea", table: "rt_bytea")
        try PG.with { db throws in
            #expect(try db.one("SELECT length($1::bytea) AS n", all).decode(Int.self, "n") == 256)
            #expect(try db.one("SELECT length($1::bytea) AS n", Bytes([])).decode(Int.self, "n") == 0)
            #expect(try db.one("SELECT get_byte($1::bytea, 255) AS n", all).decode(Int.self, "n") == 255)
        }
    }

    struct Product: Codable, Equatable {
        var name: String
        var score: Int
        var stars: Double?
        var tags: [String]
        var nested: [String: [Int]]
    }

    @Test func jsonb() throws {
        let product = Product(name: "Mật ong rừng \"Tây Yên Tử\" \\ / 🐝", score: 87, stars: 4.5, tags: ["a", ""], nested: ["x": [1, 2], "y": []])
        let encoded = try JSONText(encoding: product)
        try PG.with { db throws in
            try db.execute("CREATE TABLE rt_jsonb (id serial PRIMARY KEY, v jsonb)")
            let selected = try db.one("SELECT $1::jsonb AS v", encoded).decode(JSONText.self, "v")
            #expect(try selected.decode(as: Product.self) == product)
            let id = try db.one("INSERT INTO rt_jsonb (v) VALUES ($1) RETURNING id", encoded).decode(Int.self, "id")
            let stored = try db.one("SELECT v FROM rt_jsonb WHERE id = $1", id).decode(JSONText.self, "v")
            #expect(try stored.decode(as: Product.self) == product)
            // The server parsed it as a real object, not a string.
            #expect(try db.one("SELECT v->>'name' AS n, (v->>'score')::int AS s FROM rt_jsonb WHERE id = $1", id).decode(String.self, "n") == product.name)
            #expect(try db.one("SELECT jsonb_typeof(v) AS t FROM rt_jsonb WHERE id = $1", id).decode(String.self, "t") == "object")

            // Scalars and arrays too; jsonb normalizes whitespace, so compare parsed values.
            for text in ["[1, \"two\", null, true]", "\"just a string\"", "42", "null", "{}"] {
                let back = try db.one("SELECT $1::jsonb AS v", JSONText(text)).decode(JSONText.self, "v")
                #expect(try db.one("SELECT $1::jsonb = $2::jsonb AS e", back, JSONText(text)).decode(Bool.self, "e"))
            }
            #expect(try db.one("SELECT $1::jsonb AS v", JSONText("{\"b\": 1,   \"a\": 2}")).decode(JSONText.self, "v").text == "{\"a\": 2, \"b\": 1}")
        }
    }

    @Test func textArray() throws {
        let arrays: [[String]] = [
            [],
            [""],
            ["", ""],
            ["a", "b,c", "d\"e", "f\\g", "{h}", "i}", "{", "NULL", "null", "Mật ong rừng Tây Yên Tử", " spaced ", "tab\tand\nnewline", "🐝"],
            ["\\", "\"", ",", "\\\"", "\"\\\""],
            ["NULL"],
            ["Mật ong rừng Tây Yên Tử".decomposedStringWithCanonicalMapping],
        ]
        try expectRoundTrip(arrays, sqlType: "text[]", table: "rt_text_array") { lhs, rhs in
            lhs.map { Array($0.utf8) } == rhs.map { Array($0.utf8) }
        }
        try PG.with { db throws in
            let value = arrays[3]
            #expect(try db.one("SELECT cardinality($1::text[]) AS n", [value]).decode(Int.self, "n") == value.count)
            #expect(try db.one("SELECT ($1::text[])[8] IS NULL AS isnull, ($1::text[])[8] AS v", [value]).decode(String.self, "v") == "NULL")
            #expect(try db.one("SELECT ($1::text[])[2] AS v", [value]).decode(String.self, "v") == "b,c")
            // The server's own array literal decodes too.
            let literal = try db.one(#"SELECT ARRAY['x', 'y z', '', 'q"r', 'NULL', E'back\\slash'] AS v"#).decode([String].self, "v")
            #expect(literal == ["x", "y z", "", "q\"r", "NULL", "back\\slash"])
            // An array holding a real NULL element cannot be a [String].
            #expect(throws: PostgresError.self) { try db.one("SELECT ARRAY['a', NULL] AS v").decode([String].self, "v") }
        }
    }
}
