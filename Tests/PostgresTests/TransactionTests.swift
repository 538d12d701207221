import Foundation
import Postgres
import Testing

struct Boom: Error {}

@Suite("Transactions")
struct TransactionTests {
    @Test func committedWorkStays() throws {
        try PG.with { db throws in
            try db.execute("CREATE TABLE tx_commit (id int PRIMARY KEY)")
            let value = try db.transaction { tx in
                try tx.query("INSERT INTO tx_commit VALUES (1), (2)")
                #expect(tx.isInTransaction)
                return 42
            }
            #expect(value == 42)
            #expect(!db.isInTransaction)
            #expect(try db.count("tx_commit") == 2)
        }
    }

    @Test func throwingBodyLeavesNothing() throws {
        try PG.with { db throws in
            try db.execute("CREATE TABLE tx_throw (id int PRIMARY KEY)")
            #expect(throws: Boom.self) {
                try db.transaction { tx in
                    try tx.query("INSERT INTO tx_throw VALUES (1), (2)")
                    #expect(try tx.count("tx_throw") == 2)
                    throw Boom()
                }
            }
            #expect(!db.isInTransaction)
            #expect(try db.count("tx_throw") == 0)
            // Not left inside a transaction on the server either: SAVEPOINT needs one.
            #expect(serverError { try db.execute("SAVEPOINT probe") }?.sqlState == "25P01")
        }
    }

    @Test func serverErrorMidTransactionRollsBackEarlierInserts() throws {
        try PG.with { db throws in
            try db.execute("CREATE TABLE tx_server (id int PRIMARY KEY)")
            let error = serverError {
                try db.transaction { tx in
                    try tx.query("INSERT INTO tx_server VALUES ($1)", 1)
                    try tx.query("INSERT INTO tx_server VALUES ($1)", 2)
                    try tx.query("INSERT INTO tx_server VALUES ($1)", 1)  // duplicate key
                    Issue.record("the duplicate insert did not throw")
                }
            }
            #expect(error?.sqlState == "23505")
            #expect(try db.count("tx_server") == 0)
            // The connection is usable afterwards.
            try db.transaction { tx in _ = try tx.query("INSERT INTO tx_server VALUES (3)") }
            #expect(try db.count("tx_server") == 1)
        }
    }

    /// A constraint checked at COMMIT fails the commit itself; the connection must stay usable.
    @Test func failedCommitLeavesNothingAndTheConnectionUsable() throws {
        try PG.with { db throws in
            try db.execute("""
                CREATE TABLE tx_parent (id int PRIMARY KEY);
                CREATE TABLE tx_child (id int PRIMARY KEY,
                    parent int REFERENCES tx_parent (id) DEFERRABLE INITIALLY DEFERRED);
                """)
            let error = serverError {
                try db.transaction { tx in
                    _ = try tx.query("INSERT INTO tx_child VALUES (1, 99)")  // only checked at COMMIT
                }
            }
            #expect(error?.sqlState == "23503")
            #expect(!db.isInTransaction)
            #expect(serverError { try db.execute("SAVEPOINT probe") }?.sqlState == "25P01")
            #expect(try db.count("tx_child") == 0)
            // A later transaction, nested one included, still works normally.
            try db.transaction { tx in
                try tx.query("INSERT INTO tx_parent VALUES (1)")
                try tx.transaction { inner in _ = try inner.query("INSERT INTO tx_child VALUES (2, 1)") }
            }
            #expect(try db.count("tx_child") == 1)
            #expect(!db.isInTransaction)
        }
    }

    @Test func nestedRollbackKeepsOuterWork() throws {
        try PG.with { db throws in
            try db.execute("CREATE TABLE tx_nested (id int PRIMARY KEY)")
            try db.transaction { tx throws in
                _ = try tx.query("INSERT INTO tx_nested VALUES (1)")
                do {
                    try tx.transaction { inner throws in
                        _ = try inner.query("INSERT INTO tx_nested VALUES (2)")
                        throw Boom()
                    }
                    Issue.record("the inner transaction did not throw")
                } catch is Boom {}
                // A server error inside a savepoint leaves the outer transaction usable.
                let error = serverError {
                    try tx.transaction { inner throws in
                        _ = try inner.query("INSERT INTO tx_nested VALUES (3)")
                        _ = try inner.query("INSERT INTO tx_nested VALUES (1)")  // duplicate
                    }
                }
                #expect(error?.isUniqueViolation == true)
                try tx.transaction { inner throws in _ = try inner.query("INSERT INTO tx_nested VALUES (4)") }
                _ = try tx.query("INSERT INTO tx_nested VALUES (5)")
                #expect(tx.isInTransaction)
            }
            #expect(!db.isInTransaction)
            let ids = try db.query("SELECT id FROM tx_nested ORDER BY id").map { try $0.decode(Int.self, "id") }
            #expect(ids == [1, 4, 5])
        }
    }

    @Test func outerRollbackUndoesReleasedSavepoints() throws {
        try PG.with { db throws in
            try db.execute("CREATE TABLE tx_outer (id int PRIMARY KEY)")
            #expect(throws: Boom.self) {
                try db.transaction(isolation: .serializable) { tx in
                    try tx.transaction { inner in _ = try inner.query("INSERT INTO tx_outer VALUES (1)") }
                    #expect(try tx.one("SHOW transaction_isolation").decode(String.self, at: 0) == "serializable")
                    throw Boom()
                }
            }
            #expect(try db.count("tx_outer") == 0)
        }
    }
}
