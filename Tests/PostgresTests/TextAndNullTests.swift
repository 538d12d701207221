import Foundation
import Postgres
import Testing

@Suite("Text survives byte for byte; NULLs; injection")
struct TextAndNullTests {
    static let nfc = "Mật ong rừng Tây Yên Tử".precomposedStringWithCanonicalMapping
    static let nfd = nfc.decomposedStringWithCanonicalMapping

    @Test func vietnameseNFCAndNFDStayByteIdentical() throws {
        // Swift's == ignores normalization, so compare the UTF-8 bytes.
        #expect(Array(Self.nfc.utf8) != Array(Self.nfd.utf8))
        try PG.with { db throws in
            try db.execute("CREATE TABLE txt_forms (id serial PRIMARY KEY, form text NOT NULL, v text NOT NULL)")
            for (form, value) in [("nfc", Self.nfc), ("nfd", Self.nfd)] {
                let selected = try db.one("SELECT $1::text AS v", value).decode(String.self, "v")
                #expect(Array(selected.utf8) == Array(value.utf8), "\(form) via SELECT")
                try db.query("INSERT INTO txt_forms (form, v) VALUES ($1, $2)", form, value)
                let stored = try db.one("SELECT v FROM txt_forms WHERE form = $1", form).decode(String.self, "v")
                #expect(Array(stored.utf8) == Array(value.utf8), "\(form) via column")
                // The server holds the same bytes we sent.
                let octets = try db.one("SELECT octet_length(v) AS n FROM txt_forms WHERE form = $1", form).decode(Int.self, "n")
                #expect(octets == value.utf8.count)
            }
            // Two distinct rows: the server did not normalize one into the other.
            #expect(try db.one("SELECT count(DISTINCT convert_to(v, 'UTF8')) AS n FROM txt_forms").decode(Int.self, "n") == 2)
            let found = try db.query("SELECT form FROM txt_forms WHERE v = $1", Self.nfd)
            #expect(found.count == 1)
            #expect(try found.first?.decode(String.self, "form") == "nfd")
        }
    }

    @Test func emojiAndOtherScripts() throws {
        let values = ["🐝🍯", "👨‍👩‍👧‍👦", "🇻🇳", "e\u{301}", "日本語", "Ελληνικά", "\u{FEFF}bom", "\u{10FFFF}"]
        try PG.with { db throws in
            try db.execute("CREATE TABLE txt_emoji (id serial PRIMARY KEY, v text)")
            for value in values {
                let selected = try db.one("SELECT $1::text AS v, length($1::text) AS n", value)
                #expect(Array(try selected.decode(String.self, "v").utf8) == Array(value.utf8))
                #expect(try selected.decode(Int.self, "n") == value.unicodeScalars.count)
                let id = try db.one("INSERT INTO txt_emoji (v) VALUES ($1) RETURNING id", value).decode(Int.self, "id")
                #expect(Array(try db.one("SELECT v FROM txt_emoji WHERE id = $1", id).decode(String.self, "v").utf8) == Array(value.utf8))
            }
        }
    }

    @Test func oneMegabyteText() throws {
        let unit = "Mật ong rừng Tây Yên Tử 🐝 — 0123456789\n"
        let big = String(repeating: unit, count: (1 << 20) / unit.utf8.count + 1)
        #expect(big.utf8.count >= 1 << 20)
        try PG.with { db throws in
            try db.execute("CREATE TABLE txt_big (id serial PRIMARY KEY, v text)")
            let id = try db.one("INSERT INTO txt_big (v) VALUES ($1) RETURNING id", big).decode(Int.self, "id")
            let row = try db.one("SELECT v, octet_length(v) AS n, md5(v) AS h FROM txt_big WHERE id = $1", id)
            #expect(try row.decode(Int.self, "n") == big.utf8.count)
            #expect(Array(try row.decode(String.self, "v").utf8) == Array(big.utf8))
            let selected = try db.one("SELECT $1::text AS v", big).decode(String.self, "v")
            #expect(selected.utf8.count == big.utf8.count && selected == big)
        }
    }

    @Test func nilParameterIsNullAndDecodesAsNil() throws {
        try PG.with { db throws in
            try db.execute("CREATE TABLE nulls (id serial PRIMARY KEY, t text, i bigint, d date, b bytea, a text[])")
            let none: String? = nil
            let noInt: Int? = nil
            let noDate: PostgresDate? = nil
            let noBytes: Bytes? = nil
            let noArray: [String]? = nil
            let id = try db.one("INSERT INTO nulls (t, i, d, b, a) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                                [none, noInt, noDate, noBytes, noArray]).decode(Int.self, "id")
            let nulls = try db.one("SELECT t IS NULL AND i IS NULL AND d IS NULL AND b IS NULL AND a IS NULL AS all_null FROM nulls WHERE id = $1", id)
            #expect(try nulls.decode(Bool.self, "all_null"))

            let row = try db.one("SELECT t, i, d, b, a FROM nulls WHERE id = $1", id)
            #expect(try row.decode(String?.self, "t") == nil)
            #expect(try row.decode(Int?.self, "i") == nil)
            #expect(try row.decode(PostgresDate?.self, "d") == nil)
            #expect(try row.decode(Bytes?.self, "b") == nil)
            #expect(try row.decode([String]?.self, "a") == nil)
            #expect(row.text(0) == nil)

            // A present optional is the value, not NULL.
            let some: String? = "x"
            #expect(try db.one("SELECT $1::text AS v", [some]).decode(String?.self, "v") == "x")
            #expect(try db.one("SELECT $1::text IS NULL AS n", [none]).decode(Bool.self, "n"))
            // "NULL" the string is not NULL.
            #expect(try db.one("SELECT $1::text IS NULL AS n", "NULL").decode(Bool.self, "n") == false)
        }
    }

    @Test func nullAsNonOptionalThrowsDecoding() throws {
        try PG.with { db throws in
            let row = try db.one("SELECT NULL::text AS t, NULL::int AS i, NULL::timestamptz AS ts")
            for (column, attempt) in [
                ("t", { _ = try row.decode(String.self, "t") }),
                ("i", { _ = try row.decode(Int.self, "i") }),
                ("ts", { _ = try row.decode(Date.self, "ts") }),
            ] as [(String, () throws -> Void)] {
                do {
                    try attempt()
                    Issue.record("decoding NULL in \(column) as non-optional did not throw")
                } catch let PostgresError.decoding(name, _, value) {
                    #expect(name == column)
                    #expect(value == nil)
                } catch {
                    Issue.record("expected PostgresError.decoding, got \(error)")
                }
            }
            // A wrong type is also a decoding error, carrying the text.
            do {
                _ = try db.one("SELECT 'abc'::text AS v").decode(Int.self, "v")
                Issue.record("decoding 'abc' as Int did not throw")
            } catch let PostgresError.decoding(_, _, value) {
                #expect(value == "abc")
            }
        }
    }

    @Test func injectionStringsAreStoredLiterally() throws {
        let nasty = [
            "Robert'); DROP TABLE students;--",
            "'; DROP TABLE students; --",
            "$1", "$2 $1 $$ $$", "\\", "\\'", "''", "\"", "\\x00", "E'\\n'", "%s %d", "?", "",
            "1; SELECT pg_sleep(10)", "*/ /*", "--",
        ]
        try PG.with { db throws in
            try db.execute("CREATE TABLE students (id serial PRIMARY KEY, name text NOT NULL)")
            for value in nasty {
                try db.query("INSERT INTO students (name) VALUES ($1)", value)
                #expect(try db.one("SELECT $1 AS v", value).decode(String.self, "v") == value)
            }
            #expect(try db.tableExists("students"))
            let names = try db.query("SELECT name FROM students ORDER BY id").map { try $0.decode(String.self, "name") }
            #expect(names == nasty)
            // Found by equality, i.e. the server compared it as a value.
            #expect(try db.one("SELECT count(*) AS n FROM students WHERE name = $1", nasty[0]).decode(Int.self, "n") == 1)
        }
    }

    @Test func oneAndOptional() throws {
        try PG.with { db throws in
            try db.execute("CREATE TABLE shapes (id int PRIMARY KEY, name text)")
            try db.query("INSERT INTO shapes VALUES (1, 'a'), (2, 'b'), (3, 'b')")

            #expect(try db.one("SELECT name FROM shapes WHERE id = $1", 1).decode(String.self, "name") == "a")
            do {
                _ = try db.one("SELECT name FROM shapes WHERE id = $1", 99)
                Issue.record("one() with no rows did not throw")
            } catch PostgresError.noRows {
            } catch { Issue.record("expected .noRows, got \(error)") }
            do {
                _ = try db.one("SELECT name FROM shapes WHERE name = $1", "b")
                Issue.record("one() with two rows did not throw")
            } catch let PostgresError.tooManyRows(count, _) {
                #expect(count == 2)
            } catch { Issue.record("expected .tooManyRows, got \(error)") }

            #expect(try db.optional("SELECT name FROM shapes WHERE id = $1", 99) == nil)
            #expect(try db.optional("SELECT name FROM shapes WHERE id = $1", 2)?.decode(String.self, "name") == "b")
            do {
                _ = try db.optional("SELECT name FROM shapes")
                Issue.record("optional() with three rows did not throw")
            } catch let PostgresError.tooManyRows(count, _) {
                #expect(count == 3)
            } catch { Issue.record("expected .tooManyRows, got \(error)") }

            // Unknown column names are an error, not a crash.
            #expect(throws: PostgresError.self) { try db.one("SELECT 1 AS x").decode(Int.self, "y") }
            #expect(throws: PostgresError.self) { try db.one("SELECT 1 AS x").decode(Int.self, at: 5) }
            #expect(try db.query("UPDATE shapes SET name = 'c' WHERE name = 'b'").affectedRows == 2)
        }
    }
}
