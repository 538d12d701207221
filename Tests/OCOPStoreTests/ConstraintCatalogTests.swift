import OCOPDomain
import OCOPStore
import OCOPTestSupport
import Postgres
import Testing

/// No SQLSTATE or SQL reaches a person: every constraint of the schema has a message.
@Suite struct ConstraintCatalogTests {
    @Test func everyConstraintOfTheSchemaIsExplained() throws {
        let connection = try TestDatabase.migrated(prefix: "constraints")
        let constraints = try connection.query("""
            SELECT conname AS name FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype IN ('p', 'u', 'c', 'f', 'x')
            UNION
            SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            WHERE i.indisunique AND c.relnamespace = 'public'::regnamespace
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
            """).map { try $0.decode(String.self, "name") }
        #expect(constraints.count > 100)
        let unexplained = Set(constraints).subtracting(ConstraintCatalog.names).sorted()
        #expect(unexplained.isEmpty, "constraints without a message in ConstraintCatalog: \(unexplained)")
        let stale = ConstraintCatalog.names.subtracting(constraints).sorted()
        #expect(stale.isEmpty, "ConstraintCatalog explains constraints the schema no longer has: \(stale)")
    }

    @Test func aViolationReadsAsTheFieldAndValue() throws {
        let connection = try TestDatabase.migrated(prefix: "constraints_msg")
        // Bypass the program's checks on purpose: what would a race or a bug show?
        func violation(_ sql: String) -> StoreError? {
            do {
                _ = try connection.transaction { connection in try connection.query(sql) }
                return nil
            } catch let error as PostgresError {
                return StoreError(error)
            } catch {
                return nil
            }
        }
        try connection.query("INSERT INTO province (code, name) VALUES ('24', 'Bắc Ninh')")
        let duplicate = violation("INSERT INTO province (code, name) VALUES ('24', 'Khác')")
        #expect(duplicate?.kind == .conflict && duplicate?.fields == ["code"])
        #expect(duplicate?.message(.vi) == "Tỉnh có mã và ngày bắt đầu hiệu lực này đã tồn tại (24).")
        let blank = violation("INSERT INTO producer (registration_no, name, kind, commune_id, created_by, updated_by) VALUES ('0101000001', ' ', 'htx', 1, 't', 't')")
        #expect(blank != nil)
        let check = violation("INSERT INTO province (code, name, kind) VALUES ('25', 'X', 'huyen')")
        #expect(check?.kind == .invalidInput && check?.fields == ["kind"])
        #expect(check?.message(.en) == "A province's kind must be tinh or thanh_pho.")
        let missing = violation("INSERT INTO province (code) VALUES ('26')")
        #expect(missing?.kind == .invalidInput && missing?.fields == ["name"])
        for error in [duplicate, blank, check, missing].compactMap({ $0 }) {
            for language in [Language.vi, .en] {
                let text = error.message(language)
                #expect(!text.contains("SQLSTATE") && !text.contains("ERROR") && !text.contains("INSERT") && !text.contains("23"), "\(text)")
            }
        }
    }
}
