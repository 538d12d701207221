import Foundation
import OCOPDomain
import OCOPTestSupport
import Postgres
import Testing

/// What the workbench prints cannot be turned against its reader: a CSV cell never starts a
/// spreadsheet formula, and stored control characters are shown escaped, never sent raw to a
/// terminal (a value written before validation existed, or by hand in psql).
@Suite struct OutputSafetyTests {
    @Test func csvCellsNeverStartAFormulaAndControlsAreEscaped() throws {
        let target = try TestDatabase.migratedTarget(prefix: "output_safety")
        let bench = TestDatabase.workbench(on: target)
        _ = try bench.importRegistry(.provinces, file: try CLIFixture.csv("code,name,valid_from\n24,Bắc Ninh,2025-07-01\n"))
        _ = try bench.importRegistry(.communes, file: try CLIFixture.csv("code,name,province_code,valid_from\n07534,Sa Lý,24,2025-07-01\n"))
        for (number, name) in [("2400999001", "=HYPERLINK(\"http://x\",\"y\")"), ("2400999002", "+cmd|' /C calc'!A0"), ("2400999003", "-2+3"), ("2400999004", "@SUM(A1)")] {
            _ = try bench.addProducer(ProducerDraft(registrationNo: number, name: name, kind: .cooperative, communeCode: "07534"))
        }
        bench.close()
        // Written behind the program's back: an escape sequence that would clear the screen.
        let connection = try Connection(target)
        try connection.query("UPDATE producer SET address = $1 WHERE registration_no = '2400999001'", "\u{1B}[2J\u{1B}[31mđỏ")
        let env = cleanEnvironment(["OCOP_DATABASE_URL": target.conninfo])

        let csv = try runOCOP(["producer", "list", "--format", "csv"], environment: env)
        #expect(csv.status == 0)
        for line in csv.out.split(separator: "\n").dropFirst() {
            let name = line.split(separator: ",", maxSplits: 2)[2]
            #expect(!"=+-@".contains(name.first!) && !(name.first == "\"" && "=+-@".contains(name.dropFirst().first!)), "\(line)")
        }
        #expect(csv.out.contains("'=HYPERLINK"))

        for arguments in [["producer", "show", "2400999001"], ["producer", "list"]] {
            let shown = try runOCOP(arguments, environment: env)
            #expect(shown.status == 0)
            #expect(!shown.out.contains("\u{1B}"), "\(arguments): a raw escape reached the terminal")
        }
        let show = try runOCOP(["producer", "show", "2400999001"], environment: env)
        #expect(show.out.contains("\\u{1b}[2J"), "\(show.out)")
        // CSV to a terminal is escaped too (to a file it is the data as stored).
        let terminal = try PTYProcess(["producer", "show", "2400999001", "--format", "csv"], env: env)
        #expect(terminal.wait() == 0)
        #expect(terminal.waitFor("\\u{1b}[2J"), "\(terminal.output)")
        #expect(!terminal.output.contains("\u{1B}[2J"), "a raw escape reached the terminal")
    }
}
