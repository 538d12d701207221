import ArgumentParser
import Foundation
import OCOPDomain
import OCOPStore
import Postgres

struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Quản lý cơ sở dữ liệu / manage the database (embedded cluster or configured server).",
        discussion: """
        With no database configured, ocop keeps its own PostgreSQL cluster under $OCOP_HOME \
        (default ~/.local/share/ocop), reachable only through a Unix socket. Any command that \
        needs it starts it. Set OCOP_DATABASE_URL (or DATABASE_URL, or PG* variables) to use \
        an existing server instead; then run `ocop db migrate` after each upgrade.
        """,
        subcommands: [Start.self, Stop.self, Status.self, URLCommand.self, Psql.self, Reset.self, Migrate.self]
    )

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Khởi động cụm PostgreSQL nội bộ / start the embedded cluster.")
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption

        func run() throws {
            try runReporting(lang.language) {
                let cluster = try embeddedCluster(lang.language, action: "start")
                try cluster.start()
                let connection = try Workbench(actor: actor.actor, language: lang.language).connect()
                connection.close()
                Output.write(lang.language == .vi
                    ? "Cơ sở dữ liệu nội bộ đang chạy: \(cluster.root.path) (socket \(cluster.socketDirectory.path))."
                    : "The embedded database is running: \(cluster.root.path) (socket \(cluster.socketDirectory.path)).")
            }
        }
    }

    struct Stop: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Dừng cụm PostgreSQL nội bộ / stop the embedded cluster.")
        @OptionGroup var lang: LanguageOption

        func run() throws {
            try runReporting(lang.language) {
                let cluster = try embeddedCluster(lang.language, action: "stop")
                try cluster.stop()
                Output.write(lang.language == .vi ? "Đã dừng cơ sở dữ liệu nội bộ." : "The embedded database is stopped.")
            }
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Trạng thái cơ sở dữ liệu và lược đồ / database and schema status.")
        @OptionGroup var lang: LanguageOption

        func run() throws {
            try runReporting(lang.language) {
                let vi = lang.language == .vi
                let database = Database()
                var lines: [(String, String)] = []
                switch database.location {
                case let .embedded(cluster):
                    lines.append((vi ? "Loại" : "Kind", vi ? "cụm nội bộ (embedded)" : "embedded cluster"))
                    lines.append((vi ? "Thư mục" : "Folder", cluster.root.path))
                    let status = try cluster.status()
                    let text: String = switch status {
                    case .notInitialized: vi ? "chưa khởi tạo (lệnh đầu tiên sẽ tạo)" : "not created yet (the first command creates it)"
                    case .stopped: vi ? "đã dừng" : "stopped"
                    case let .running(pid): vi ? "đang chạy (pid \(pid))" : "running (pid \(pid))"
                    }
                    lines.append((vi ? "Máy chủ" : "Server", text))
                    guard case .running = status else { Output.write(Output.record(lines)); return }
                case let .configured(target):
                    lines.append((vi ? "Loại" : "Kind", vi ? "máy chủ được cấu hình" : "configured server"))
                    lines.append((vi ? "Đích" : "Target", target.redacted))
                }
                let connection = try database.connectWithoutSchemaCheck()
                lines.append(("PostgreSQL", String(connection.serverVersion)))
                let plan = try database.migrationRunner().plan(on: connection)
                lines.append((vi ? "Migration đã áp dụng" : "Migrations applied", String(plan.applied.count)))
                lines.append((vi ? "Migration chờ" : "Migrations pending",
                              plan.pending.isEmpty ? "0" : "\(plan.pending.count): " + plan.pending.map(\.fileStem).joined(separator: ", ")))
                Output.write(Output.record(lines))
            }
        }
    }

    struct URLCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "url", abstract: "In chuỗi kết nối / print the connection URL (never a password).")
        @OptionGroup var lang: LanguageOption

        func run() throws {
            try runReporting(lang.language) {
                switch Database().location {
                case let .embedded(cluster): Output.write(cluster.url)
                case let .configured(target): Output.write(target.redacted)
                }
            }
        }
    }

    struct Psql: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mở psql vào cơ sở dữ liệu / open psql on the database.")
        @OptionGroup var lang: LanguageOption
        @Argument(parsing: .captureForPassthrough, help: "Tham số chuyển cho psql / arguments passed to psql.")
        var arguments: [String] = []

        func run() throws {
            try runReporting(lang.language) {
                var psqlArguments: [String] = []
                switch Database().location {
                case let .embedded(cluster):
                    try cluster.start()
                    psqlArguments = [cluster.url]
                case let .configured(target):
                    if !target.conninfo.isEmpty { psqlArguments = [target.conninfo] }
                }
                let candidates = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map { "\($0)/psql" }
                guard let psql = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
                    throw UserFacingError(lang.language == .vi ? "Không tìm thấy psql: cài gói postgresql-client." : "psql not found: install postgresql-client.", code: ExitStatus.unavailable)
                }
                let argv = [psql] + psqlArguments + arguments
                var cArgs = argv.map { strdup($0) } + [nil]
                execv(psql, &cArgs)
                throw UserFacingError("execv psql failed: \(String(cString: strerror(errno)))", code: ExitStatus.software)
            }
        }
    }

    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Xóa và tạo lại cụm nội bộ / delete and recreate the embedded cluster (all data).")
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Flag(name: .long, help: "Xác nhận xóa toàn bộ dữ liệu / confirm deleting all data.")
        var yes = false

        func run() throws {
            try runReporting(lang.language) {
                let vi = lang.language == .vi
                let cluster = try embeddedCluster(lang.language, action: "reset")
                guard yes else {
                    throw UserFacingError(vi
                        ? "Lệnh này xóa toàn bộ dữ liệu trong \(cluster.root.path). Chạy lại với --yes để xác nhận."
                        : "This deletes all data in \(cluster.root.path). Run again with --yes to confirm.", code: ExitStatus.usage)
                }
                try cluster.destroy()
                try cluster.start()
                let connection = try Workbench(actor: actor.actor, language: lang.language).connect()
                connection.close()
                Output.write(vi ? "Đã tạo lại cơ sở dữ liệu nội bộ (trống, lược đồ mới nhất)." : "The embedded database was recreated (empty, current schema).")
            }
        }
    }

    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Áp dụng migration còn chờ / apply pending migrations.")
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Flag(name: .long, help: "Chỉ liệt kê, không áp dụng / only list what would run.")
        var dryRun = false

        func run() throws {
            try runReporting(lang.language) {
                let vi = lang.language == .vi
                let database = Database()
                let connection = try database.connectWithoutSchemaCheck()
                do {
                    let done = try database.migrationRunner().migrate(on: connection, actor: actor.actor, dryRun: dryRun)
                    if done.isEmpty {
                        Output.write(vi ? "Lược đồ đã là mới nhất." : "The schema is up to date.")
                    } else {
                        let verb = dryRun ? (vi ? "Sẽ áp dụng" : "Would apply") : (vi ? "Đã áp dụng" : "Applied")
                        Output.write(([verb + ":"] + done.map { "  " + $0.fileStem }).joined(separator: "\n"))
                    }
                } catch let error as MigrationError {
                    throw UserFacingError(error.description, code: ExitStatus.config)
                }
            }
        }
    }
}

/// The embedded cluster, or a clear refusal when a database is configured.
func embeddedCluster(_ language: Language, action: String) throws -> LocalCluster {
    switch Database().location {
    case let .embedded(cluster):
        return cluster
    case let .configured(target):
        throw UserFacingError(language == .vi
            ? "`ocop db \(action)` chỉ dùng cho cơ sở dữ liệu nội bộ; đang cấu hình máy chủ \(target.redacted) (OCOP_DATABASE_URL/DATABASE_URL/PG*)."
            : "`ocop db \(action)` is for the embedded database only; a server is configured: \(target.redacted) (OCOP_DATABASE_URL/DATABASE_URL/PG*).",
            code: ExitStatus.usage)
    }
}
