import Foundation
import Postgres
import Testing

@Suite("Connection targets and connection failures")
struct ConnectionTargetTests {
    func connectionFailure(_ conninfo: String) -> (target: String, reason: String, description: String)? {
        do {
            _ = try Connection(ConnectionTarget(conninfo: conninfo))
            Issue.record("connecting to \(conninfo) succeeded")
        } catch let error as PostgresError {
            if case let .connectionFailed(target, reason) = error { return (target, reason, error.description) }
            Issue.record("expected .connectionFailed, got \(error)")
        } catch {
            Issue.record("expected a PostgresError, got \(error)")
        }
        return nil
    }

    @Test func nothingListeningNamesTheTargetAndHidesThePassword() throws {
        let failure = try #require(connectionFailure("host=/tmp/nonexistent-ocop port=1 user=u password=s3cret dbname=db connect_timeout=2"))
        #expect(failure.target.contains("/tmp/nonexistent-ocop"))
        #expect(failure.target.contains(":1"))
        #expect(!failure.reason.isEmpty)
        for text in [failure.target, failure.reason, failure.description] {
            #expect(!text.contains("s3cret"), "password leaked: \(text)")
        }
    }

    @Test func nothingListeningOnATCPPortHidesThePassword() throws {
        let failure = try #require(connectionFailure("postgresql://u:s3cret@127.0.0.1:1/db?connect_timeout=2"))
        #expect(failure.target.contains("127.0.0.1:1"))
        #expect(!failure.description.contains("s3cret"), "password leaked: \(failure.description)")
    }

    /// libpq quotes a malformed URL whole in its error message; the password must not come along.
    @Test(arguments: [
        "postgresql://u:s3cret@[::1/db",
        "postgresql://u:s3cret@h:5/db?bogus=1",
        "postgresql://u:s3cret@h:5x/db",
        "host=/tmp/nonexistent-ocop port=1 password=s3cret bogus=1",
        "host=/tmp/nonexistent-ocop port=1 password='s3cret",
    ])
    func malformedTargetsHideThePassword(conninfo: String) throws {
        let failure = try #require(connectionFailure(conninfo))
        #expect(!failure.description.contains("s3cret"), "password leaked: \(failure.description)")
    }

    @Test func redacted() {
        let url = ConnectionTarget(conninfo: "postgresql://u:s3cret@h:5/db")
        #expect(!url.redacted.contains("s3cret"))
        #expect(url.redacted == "u@h:5/db")
        let keywords = ConnectionTarget(conninfo: "host=/run/pg port=5433 dbname=ocop user=me password=s3cret")
        #expect(keywords.redacted == "me@socket /run/pg:5433/ocop")
        #expect(ConnectionTarget(conninfo: "postgresql://u:s3cret@[::1/db").redacted.contains("s3cret") == false)
        #expect(ConnectionTarget.libpqDefaults.redacted.contains("libpq defaults"))
    }

    @Test func libpqEnvironment() {
        #expect(ConnectionTarget.libpqEnvironmentNamesServer(["PGHOST": "/run/pg"]))
        #expect(ConnectionTarget.libpqEnvironmentNamesServer(["PGSERVICE": "ocop"]))
        #expect(!ConnectionTarget.libpqEnvironmentNamesServer([:]))
        #expect(!ConnectionTarget.libpqEnvironmentNamesServer(["PGHOST": ""]))
        #expect(!ConnectionTarget.libpqEnvironmentNamesServer(["DATABASE_URL": "postgresql://b/two", "HOME": "/root"]))
    }

    /// A password may hold an unencoded "/" or "@": it is still never printed.
    @Test(arguments: ["pa/ss@w0rd", "s3cr@t", "a/b/c", "x@y/z@w"])
    func unencodedPasswordCharactersStayHidden(_ password: String) throws {
        let target = ConnectionTarget(conninfo: "postgresql://alice:\(password)@db.example:5432/ocop?sslmode=require")
        #expect(!target.redacted.contains(password), "\(target.redacted)")
        #expect(target.redacted == "alice@db.example:5432/ocop")
        #expect(target.hidingPassword(in: "could not connect: postgresql://alice:\(password)@db.example") == "could not connect: postgresql://alice:********@db.example")
        #expect(target.connectionParameters["password"] == password)
        #expect(target.connectionParameters["host"] == "db.example")
        #expect(target.connectionParameters["sslmode"] == "require")
    }

    /// Which URLs libpq would misread: an unencoded "@" or "/" in the password (or an "@" in the
    /// database name of a URL with a port); percent-encoded ones, and every other shape, are read alike.
    @Test func unencodedUserInfoIsDetected() {
        for misread in ["postgresql://x:p@ss@localhost/db", "postgresql://x:se/cr@et@localhost/db",
                        "postgres://alice:a/b/c@db.example:5432/ocop?sslmode=require", "postgresql://host:5432/db@x"] {
            #expect(ConnectionTarget(conninfo: misread).hasUnencodedURLUserInfo, "\(misread)")
        }
        for plain in ["postgresql://x:p%40ss@localhost/db", "postgresql://x:se%2Fcr%40et@localhost:5999/db", "postgresql://x:a:b@h/db",
                      "postgresql://user@host:5432/db", "postgresql://u:pw@[::1]:5432/db", "postgresql://host/db?user=a@b",
                      "postgresql://me@corp@host/db", "host=h password=p@ss/w", "", "postgresql:///ocop?host=/run/pg"] {
            #expect(!ConnectionTarget(conninfo: plain).hasUnencodedURLUserInfo, "\(plain)")
        }
    }

    /// Such a URL is refused before libpq reads it: its misreading would name a host or database
    /// made of password fragments ("ss@localhost"), and libpq's own message would quote them.
    @Test(arguments: ["qq@zz", "kx/vw@yj", "jj/kk@ww/q9"])
    func unencodedUserInfoIsRefusedBeforeConnecting(_ password: String) throws {
        let target = ConnectionTarget(conninfo: "postgresql://x:\(password)@127.0.0.1:1/db?connect_timeout=2")
        do {
            _ = try Connection(target)
            Issue.record("connecting succeeded")
        } catch let error as PostgresError {
            guard case let .unencodedURLUserInfo(shown) = error else { Issue.record("expected .unencodedURLUserInfo, got \(error)"); return }
            #expect(shown == "x@127.0.0.1:1/db")
            let fragments = password.split(whereSeparator: { $0 == "@" || $0 == "/" }).map(String.init)
            for fragment in fragments + [password] {
                #expect(!error.description.contains(fragment), "\(fragment) leaked: \(error.description)")
            }
        }
    }

    @Test func connectsToTheTestDatabase() throws {
        try PG.with { db throws in
            #expect(db.serverVersion >= 120_000)
            #expect(try db.one("SHOW TimeZone").decode(String.self, at: 0) == "UTC")
            #expect(try db.one("SHOW client_encoding").decode(String.self, at: 0) == "UTF8")
            #expect(try db.one("SELECT current_setting('application_name') AS a").decode(String.self, "a") == "ocop")
        }
        let closed = try PG.connect()
        closed.close()
        #expect(throws: PostgresError.self) { try closed.query("SELECT 1") }
    }
}
