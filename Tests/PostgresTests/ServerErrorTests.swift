import Foundation
import Postgres
import Testing

@Suite("Server errors carry their fields")
struct ServerErrorTests {
    @Test func constraintViolations() throws {
        try PG.with { db throws in
            try db.execute("""
                CREATE TABLE err_producer (id int PRIMARY KEY, code text CONSTRAINT err_producer_code_key UNIQUE);
                CREATE TABLE err_product (
                    id int PRIMARY KEY,
                    producer int NOT NULL CONSTRAINT err_product_producer_fkey REFERENCES err_producer (id),
                    stars int CONSTRAINT err_product_stars_check CHECK (stars BETWEEN 1 AND 5)
                );
                INSERT INTO err_producer VALUES (1, 'HN-01');
                """)

            let unique = try #require(serverError { try db.query("INSERT INTO err_producer VALUES ($1, $2)", 2, "HN-01") })
            #expect(unique.sqlState == "23505")
            #expect(unique.isUniqueViolation)
            #expect(unique.severity == "ERROR")
            #expect(unique.constraint == "err_producer_code_key")
            #expect(unique.table == "err_producer")
            #expect(unique.message.contains("duplicate key"))
            #expect(unique.detail == "Key (code)=(HN-01) already exists.")

            let foreign = try #require(serverError { try db.query("INSERT INTO err_product VALUES (1, $1, 3)", 77) })
            #expect(foreign.sqlState == "23503")
            #expect(foreign.isForeignKeyViolation)
            #expect(foreign.constraint == "err_product_producer_fkey")
            #expect(foreign.detail?.contains("(producer)=(77)") == true)

            let check = try #require(serverError { try db.query("INSERT INTO err_product VALUES (1, 1, $1)", 9) })
            #expect(check.sqlState == "23514")
            #expect(check.isCheckViolation)
            #expect(check.constraint == "err_product_stars_check")
            #expect(check.message.contains("err_product_stars_check"))

            let notNull = try #require(serverError { try db.query("INSERT INTO err_product (id, producer) VALUES (2, $1)", Int?.none) })
            #expect(notNull.sqlState == "23502")
            #expect(notNull.isNotNullViolation)
            #expect(notNull.column == "producer")

            let syntax = try #require(serverError { try db.query("SELEC 1") })
            #expect(syntax.sqlState == "42601")
            let missing = try #require(serverError { try db.query("SELECT * FROM err_no_such_table") })
            #expect(missing.sqlState == "42P01")
            #expect(missing.message.contains("err_no_such_table"))
            let badInput = try #require(serverError { try db.query("SELECT $1::int", "twelve") })
            #expect(badInput.sqlState == "22P02")

            // The description a person reads names the code, message, detail and constraint.
            let text = PostgresError.server(unique).description
            #expect(text.contains("23505") && text.contains("HN-01") && text.contains("err_producer_code_key"))
            // The connection still works after all of that.
            #expect(try db.count("err_product") == 0)
        }
    }
}
