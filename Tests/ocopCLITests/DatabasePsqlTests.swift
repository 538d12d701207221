import Foundation
import OCOPTestSupport
import Postgres
import Testing

/// `ocop db psql`: its own help needs no database, and psql receives the connection through its
/// environment, never on its command line (which any local user reads in /proc/PID/cmdline).
@Suite struct DatabasePsqlTests {
    @Test func helpIsOursAndStartsNothing() throws {
        // A home with no cluster yet: asking for help must not create one.
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ocop-psql-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let env = cleanEnvironment(["OCOP_HOME": home.path])
        for (arguments, heading) in [(["db", "psql", "--help"], "TỔNG QUAN"), (["db", "psql", "--help", "--lang", "en"], "OVERVIEW")] {
            let help = try runOCOP(arguments, environment: env)
            let unwrapped = help.out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(help.status == 0 && help.out.hasPrefix(heading) && unwrapped.contains("ocop db psql -- -c"), "\(help.out)\(help.err)")
        }
        // psql's options go after `--`; before it they are ours, and an unknown one is named.
        let wrong = try runOCOP(["db", "psql", "-c", "SELECT 1", "--lang", "en"], environment: env)
        #expect(wrong.status == 64 && wrong.err.contains("Unknown option '-c'"), "\(wrong.err)")
        #expect(!FileManager.default.fileExists(atPath: home.path), "help or a usage error created \(home.path)")
    }

    @Test func psqlGetsTheConnectionThroughItsEnvironmentOnly() throws {
        let target = try TestDatabase.migratedTarget(prefix: "psql")
        // The tests' own cluster trusts local logins, so any password connects; against a
        // configured test server the URL's own password (if any) is the secret to look for.
        let external = !(ProcessInfo.processInfo.environment["OCOP_TEST_DATABASE_URL"] ?? "").isEmpty
        var conninfo = target.conninfo
        var secret: String?
        if !external {
            secret = "s3cr/t@pa ss"
            conninfo += " password='\(secret!)'"
        } else if let url = URLComponents(string: conninfo), let password = url.password, !password.isEmpty {
            secret = password
        }
        let database = try Connection(target).one("SELECT current_database() AS d").decode(String.self, "d")
        let script = #"\! tr '\0' ' ' < /proc/$PPID/cmdline; echo; printenv PGPASSWORD || echo none"#
        let run = try runOCOP(["db", "psql", "--", "-X", "-A", "-t", "-c", "SELECT current_database()", "-c", script],
                              environment: cleanEnvironment(["OCOP_DATABASE_URL": conninfo]))
        #expect(run.status == 0, "\(run.err)")
        let lines = run.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == database, "\(run.out)")
        // psql's command line holds exactly what was passed after `--`: no host, user, URL or password.
        let commandLine = try #require(lines.dropFirst().first)
        #expect(commandLine.hasSuffix("psql -X -A -t -c SELECT current_database() -c \(script) "), "\(commandLine)")
        #expect(!commandLine.contains("host=") && !commandLine.contains("postgres://") && !commandLine.contains("postgresql://"))
        if let secret {
            #expect(!commandLine.contains(secret))
            #expect(lines.dropFirst(2).first == secret, "PGPASSWORD: \(run.out)")
        }
    }

    /// A URL whose password holds an unencoded "@" or "/" is refused by every command that would
    /// use it (exit 78), with the fix, and no fragment of the password in the message.
    @Test func aURLLibpqWouldMisreadIsRefused() throws {
        let env = cleanEnvironment(["OCOP_DATABASE_URL": "postgresql://thu-ky:kx/vw@yj@127.0.0.1:1/ocop?connect_timeout=2"])
        for arguments in [["db", "url"], ["db", "psql", "--", "-c", "SELECT 1"], ["dossier", "status", "HS-2026-0001"], ["db", "status", "--lang", "en"]] {
            let run = try runOCOP(arguments, environment: env)
            #expect(run.status == 78, "\(arguments): \(run)")
            #expect(run.err.contains("thu-ky@127.0.0.1:1/ocop") && run.err.contains("%40") && run.err.contains("%2F"), "\(arguments): \(run.err)")
            for fragment in ["kx", "vw", "yj"] { #expect(!(run.out + run.err).contains(fragment), "\(arguments): \(fragment) leaked: \(run.err)") }
        }
    }
}
