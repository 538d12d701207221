import Foundation
import Postgres
import Testing

@Suite("COPY FROM STDIN")
struct CopyTests {
    static let rowCount = 100_000

    /// Row i: awkward text in some rows, NULLs in others.
    static func row(_ i: Int) -> [String?] {
        let name: String
        switch i % 7 {
        case 0: name = "tab\there \(i)"
        case 1: name = "line\nbreak \(i)"
        case 2: name = "back\\slash \\N \\. \(i)"
        case 3: name = "Mật ong rừng Tây Yên Tử \(i)"
        case 4: name = "cr\r\nlf \(i)"
        case 5: name = "\\."  // the end-of-data marker, as data
        default: name = "plain \(i)"
        }
        let note: String? = i % 10 == 0 ? nil : (i % 10 == 1 ? "" : "note \(i)")
        return [String(i), name, note, i % 3 == 0 ? nil : "\(i).25"]
    }

    @Test func copiesOneHundredThousandRows() throws {
        try PG.with { db throws in
            try db.execute("CREATE TABLE copy_ok (id int PRIMARY KEY, name text NOT NULL, note text, amount numeric)")
            let started = Date()
            let copied = try db.copyIn("COPY copy_ok (id, name, note, amount) FROM STDIN", rows: (0..<Self.rowCount).lazy.map(Self.row))
            let seconds = Date().timeIntervalSince(started)
            #expect(copied == Self.rowCount)
            #expect(seconds < 10, "COPY of \(Self.rowCount) rows took \(seconds)s")
            #expect(try db.count("copy_ok") == Self.rowCount)
            #expect(try db.one("SELECT count(*) AS n FROM copy_ok WHERE note IS NULL").decode(Int.self, "n") == Self.rowCount / 10)
            #expect(try db.one("SELECT count(*) AS n FROM copy_ok WHERE note = ''").decode(Int.self, "n") == Self.rowCount / 10)
            #expect(try db.one("SELECT count(*) AS n FROM copy_ok WHERE amount IS NULL").decode(Int.self, "n") == (Self.rowCount + 2) / 3)

            for i in [0, 1, 2, 3, 4, 5, 6, 10, 11, 12_345, 54_321, Self.rowCount - 1] {
                let row = try db.one("SELECT name, note, amount FROM copy_ok WHERE id = $1", i)
                let expected = Self.row(i)
                #expect(Array(try row.decode(String.self, "name").utf8) == Array(expected[1]!.utf8), "row \(i)")
                #expect(try row.decode(String?.self, "note") == expected[2], "row \(i)")
                #expect(try row.decode(Decimal?.self, "amount") == expected[3].flatMap { Decimal(string: $0) }, "row \(i)")
            }
            // And the connection is back to normal.
            #expect(try db.one("SELECT 1 AS one").decode(Int.self, "one") == 1)
        }
    }

    @Test(arguments: [10, 60_000])
    func badRowFailsTheWholeCopy(badRowAt: Int) throws {
        try PG.with { db throws in
            let table = "copy_bad_\(badRowAt)"
            try db.execute("CREATE TABLE \(table) (id int PRIMARY KEY, name text NOT NULL, note text, amount numeric)")
            let rows = (0..<Self.rowCount).lazy.map { i -> [String?] in
                var row = Self.row(i)
                if i == badRowAt { row[3] = "not a number" }
                return row
            }
            let error = serverError { _ = try db.copyIn("COPY \(table) (id, name, note, amount) FROM STDIN", rows: rows) }
            #expect(error?.sqlState == "22P02")
            #expect(error?.message.contains("not a number") == true)
            #expect(try db.count(table) == 0)
            // The connection left COPY mode and still works, COPY included.
            #expect(try db.one("SELECT 1 AS one").decode(Int.self, "one") == 1)
            #expect(try db.copyIn("COPY \(table) (id, name) FROM STDIN", rows: [["1", "again"]]) == 1)
            #expect(try db.count(table) == 1)
        }
    }

    @Test func copyInsideATransactionRollsBack() throws {
        try PG.with { db throws in
            try db.execute("CREATE TABLE copy_tx (id int PRIMARY KEY, name text)")
            #expect(throws: Boom.self) {
                try db.transaction { tx in
                    try tx.copyIn("COPY copy_tx FROM STDIN", rows: (0..<1000).map { [String($0), "n\($0)"] })
                    #expect(try tx.count("copy_tx") == 1000)
                    throw Boom()
                }
            }
            #expect(try db.count("copy_tx") == 0)
        }
    }

    @Test func copyStatementErrors() throws {
        try PG.with { db throws in
            let error = serverError { _ = try db.copyIn("COPY copy_no_such_table FROM STDIN", rows: [["1"]]) }
            #expect(error?.sqlState == "42P01")
            #expect(try db.one("SELECT 1 AS one").decode(Int.self, "one") == 1)
        }
    }
}
