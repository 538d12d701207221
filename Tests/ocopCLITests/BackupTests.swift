import Foundation
import OCOPDomain
import OCOPTestSupport
import Postgres
import Testing

/// `ocop db backup` and `ocop db restore` round-trip the demo database; the restore verifies the
/// audit chains and refuses a database that is not empty.
@Suite struct BackupTests {
    @Test func backupAndRestoreRoundTripTheDemo() throws {
        let source = try TestDatabase.migratedTarget(prefix: "backup_src")
        let env = cleanEnvironment(["OCOP_DATABASE_URL": source.conninfo, "OCOP_USER": "thu-ky", "OCOP_CLOCK": "2026-12-05T09:00:00+07:00",
                                    "OCOP_ADMIN_DATABASE_URL": try TestDatabase.administrator(of: source).conninfo])
        #expect(try runOCOP(["demo"], environment: env).status == 0)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ocop-backup-\(UUID().uuidString).dump").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let backup = try runOCOP(["db", "backup", file, "--lang", "en"], environment: env)
        #expect(backup.status == 0, "\(backup.err)")
        let head = try #require(backup.out.split(separator: "\n").first { $0.hasPrefix("Audit head: ") }).dropFirst("Audit head: ".count)

        // Into a database that is not empty: refused, nothing touched.
        let refused = try runOCOP(["db", "restore", file], environment: env)
        #expect(refused.status == 73 && refused.err.contains("không trống"), "\(refused.err)")

        // Into an empty one: everything, with intact chains and the same head.
        let empty = try TestDatabase.create(prefix: "backup_dst")
        let target = TestDatabase.login(TestDatabase.office, on: empty)
        let restoredEnv = cleanEnvironment(["OCOP_DATABASE_URL": target.conninfo, "OCOP_ADMIN_DATABASE_URL": empty.conninfo])
        let restore = try runOCOP(["db", "restore", file, "--lang", "en"], environment: restoredEnv)
        #expect(restore.status == 0, "\(restore.err)")
        #expect(restore.out.contains("The record is intact"), "\(restore.out)")
        #expect(restore.out.contains("Audit head: \(head)"), "\(restore.out)")
        let a = try Connection(source), b = try Connection(target)
        for table in ["producer", "product", "dossier", "dossier_event", "score_sheet", "score_answer", "council_result", "decision", "star_recognition"] {
            #expect(try a.count(table) == b.count(table), "\(table)")
        }
        // A missing file is named.
        let missing = try runOCOP(["db", "restore", "/nonexistent.dump"], environment: restoredEnv)
        #expect(missing.status == 66 && missing.err.contains("/nonexistent.dump"))
    }
}
