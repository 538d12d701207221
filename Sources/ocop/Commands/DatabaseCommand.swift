import ArgumentParser
import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels

struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: L("Quản lý cơ sở dữ liệu (cụm nội bộ hoặc máy chủ được cấu hình).", "Manage the database (embedded cluster or configured server)."),
        discussion: L("""
            Khi không cấu hình cơ sở dữ liệu, ocop giữ một cụm PostgreSQL riêng trong $OCOP_HOME (mặc định ~/.local/share/ocop), chỉ \
            truy cập qua Unix socket. Lệnh nào cần thì tự khởi động nó. Đặt OCOP_DATABASE_URL (hoặc DATABASE_URL, hoặc các biến PG*) \
            để dùng một máy chủ có sẵn; khi đó chạy ocop db migrate sau mỗi lần nâng cấp.
            """, """
            With no database configured, ocop keeps its own PostgreSQL cluster under $OCOP_HOME (default ~/.local/share/ocop), \
            reachable only through a Unix socket. Any command that needs it starts it. Set OCOP_DATABASE_URL (or DATABASE_URL, \
            or PG* variables) to use an existing server instead; then run ocop db migrate after each upgrade.
            """),
        subcommands: [Start.self, Stop.self, Status.self, URLCommand.self, Psql.self, Reset.self, Destroy.self, Migrate.self, Backup.self, Restore.self]
    )

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "start", abstract: L("Khởi động cụm PostgreSQL nội bộ.", "Start the embedded cluster."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let (folder, socket) = try workbench(actor).startEmbedded()
                Output.write(language == .vi ? "Cơ sở dữ liệu nội bộ đang chạy: \(folder) (socket \(socket))."
                                             : "The embedded database is running: \(folder) (socket \(socket)).")
            }
        }
    }

    struct Stop: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "stop", abstract: L("Dừng cụm PostgreSQL nội bộ.", "Stop the embedded cluster."))
        @OptionGroup var lang: LanguageOption

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                try workbench().stopEmbedded()
                Output.write(language == .vi ? "Đã dừng cơ sở dữ liệu nội bộ." : "The embedded database is stopped.")
            }
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "status", abstract: L("Trạng thái cơ sở dữ liệu và lược đồ.", "Database and schema status."))
        @OptionGroup var lang: LanguageOption
        @Option(help: "text | json") var format: OutputFormat = .text

        func run() throws {
            let language = lang.language
            let vi = language == .vi
            try runReporting(language) {
                try require(format, in: [.text, .json])
                let status = try workbench().databaseStatus()
                if format == .json { Output.write(Output.json(status)); return }
                var lines: [(String, String)] = [
                    (vi ? "Loại" : "Kind", status.embedded ? (vi ? "cụm nội bộ" : "embedded cluster") : (vi ? "máy chủ được cấu hình" : "configured server")),
                    (status.embedded ? (vi ? "Thư mục" : "Folder") : (vi ? "Đích" : "Target"), status.location),
                ]
                if let server = status.server {
                    let text: String = switch server {
                    case .notCreated: vi ? "chưa khởi tạo (lệnh đầu tiên sẽ tạo)" : "not created yet (the first command creates it)"
                    case .stopped: vi ? "đã dừng" : "stopped"
                    case let .running(pid): vi ? "đang chạy (pid \(pid))" : "running (pid \(pid))"
                    }
                    lines.append((vi ? "Máy chủ" : "Server", text))
                }
                if let version = status.serverVersionName { lines.append(("PostgreSQL", version)) }
                if let applied = status.applied { lines.append((vi ? "Migration đã áp dụng" : "Migrations applied", String(applied))) }
                if let pending = status.pending {
                    lines.append((vi ? "Migration chờ" : "Migrations pending", pending.isEmpty ? "0" : "\(pending.count): " + pending.joined(separator: ", ")))
                }
                Output.write(Output.record(lines))
            }
        }
    }

    struct URLCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "url", abstract: L("In chuỗi kết nối (không bao giờ có mật khẩu).", "Print the connection URL (never a password)."))
        @OptionGroup var lang: LanguageOption

        func run() throws {
            try runReporting(lang.language) { Output.write(try workbench().databaseURL()) }
        }
    }

    struct Psql: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "psql",
            abstract: L("Mở psql vào cơ sở dữ liệu.", "Open psql on the database."),
            discussion: L("""
                Kết nối được chuyển cho psql qua biến môi trường (PGHOST, PGPASSWORD…), không qua dòng lệnh. Tham số của \
                psql đặt sau --, ví dụ: ocop db psql -- -c "SELECT count(*) FROM dossier"
                """, """
                The connection goes to psql through its environment (PGHOST, PGPASSWORD…), never on its command line. \
                psql's own arguments go after --, e.g. ocop db psql -- -c "SELECT count(*) FROM dossier"
                """))
        @OptionGroup var lang: LanguageOption
        // `.remaining`: ocop reads its own options (--lang, --help) and hands psql what follows `--`,
        // so `ocop db psql --help` is this help, without starting a database.
        @Argument(parsing: .remaining, help: ArgumentHelp(L("Tham số chuyển cho psql (sau --).", "Arguments passed to psql (after --)."),
                                                          valueName: "psql-arguments"))
        var arguments: [String] = []

        func run() throws {
            try runReporting(lang.language) {
                let invocation = try workbench().psqlInvocation(extraArguments: arguments)
                let argv = ([invocation.executable] + invocation.arguments).map { strdup($0) } + [nil]
                let envp = invocation.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
                execve(invocation.executable, argv, envp)
                throw UsageError(message: LocalizedText(vi: "Không chạy được psql: \(String(cString: strerror(errno)))", en: "Cannot run psql: \(String(cString: strerror(errno)))"))
            }
        }
    }

    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reset", abstract: L("Xóa và tạo lại cụm nội bộ (toàn bộ dữ liệu).", "Delete and recreate the embedded cluster (all data)."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Flag(name: .long, help: L("Xác nhận xóa toàn bộ dữ liệu.", "Confirm deleting all data.")) var yes = false

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                try workbench(actor).resetEmbedded(confirmed: yes)
                Output.write(language == .vi ? "Đã tạo lại cơ sở dữ liệu nội bộ (trống, lược đồ mới nhất)." : "The embedded database was recreated (empty, current schema).")
            }
        }
    }

    struct Destroy: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "destroy",
            abstract: L("Dừng và xóa hẳn cụm nội bộ (toàn bộ dữ liệu); giữ thư mục $OCOP_HOME.", "Stop and delete the embedded cluster (all data); $OCOP_HOME stays."),
            discussion: L("""
                Xóa thư mục của cụm, kể cả khi nó nằm ngoài $OCOP_HOME (chạy bằng root: /var/lib/ocop/clusters/…), nên chạy lệnh \
                này trước khi xóa một thư mục $OCOP_HOME. Khóa ký riêng (keys/) và cấu hình in (printing.yaml) trong $OCOP_HOME \
                được giữ nguyên. Lệnh tiếp theo cần cơ sở dữ liệu sẽ tạo một cụm mới, trống. Sao lưu trước: ocop db backup.
                """, """
                Deletes the cluster's folder, also when it lives outside $OCOP_HOME (as root: /var/lib/ocop/clusters/…), so run \
                it before deleting an $OCOP_HOME folder. The private signing keys (keys/) and the printing settings \
                (printing.yaml) in $OCOP_HOME are kept. The next command that needs a database creates a new, empty cluster. \
                Back up first: ocop db backup.
                """))
        @OptionGroup var lang: LanguageOption
        @Flag(name: .long, help: L("Xác nhận xóa toàn bộ dữ liệu.", "Confirm deleting all data.")) var yes = false

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let removal = try workbench().destroyEmbedded(confirmed: yes)
                let vi = language == .vi
                Output.write(removal.existed
                    ? (vi ? "Đã dừng và xóa cơ sở dữ liệu nội bộ tại \(removal.folder). Thư mục \(removal.home) (khóa ký, cấu hình in) được giữ nguyên."
                          : "Stopped and deleted the embedded database at \(removal.folder). The folder \(removal.home) (signing keys, printing settings) is kept.")
                    : (vi ? "Không có cơ sở dữ liệu nội bộ tại \(removal.folder): không có gì để xóa."
                          : "There is no embedded database at \(removal.folder): nothing to delete."))
            }
        }
    }

    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup",
            abstract: L("Sao lưu toàn bộ cơ sở dữ liệu vào một tệp (pg_dump, định dạng custom).", "Back up the whole database to a file (pg_dump custom format)."),
            discussion: L("""
                In kèm mã kiểm toán của bản sao lưu: ghi lại cùng tệp. Lịch và thời gian lưu giữ khuyến nghị: docs/audit.md.
                """, """
                Prints the audit head the backup holds: note it with the file. Recommended schedule and retention: docs/audit.md.
                """))
        @OptionGroup var lang: LanguageOption
        @Argument(help: L("Tệp sao lưu (vd. ocop-2026-12-05.dump).", "The backup file (e.g. ocop-2026-12-05.dump).")) var file: String

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let summary = try workbench().backupDatabase(to: file)
                Output.write(language == .vi
                    ? "Đã sao lưu vào \(summary.file) (\(summary.bytes) byte).\nMã kiểm toán: \(summary.head.printed)"
                    : "Backed up to \(summary.file) (\(summary.bytes) bytes).\nAudit head: \(summary.head.printed)")
            }
        }
    }

    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "restore",
            abstract: L("Khôi phục một bản sao lưu vào cơ sở dữ liệu trống, rồi kiểm tra sổ ghi.", "Restore a backup into an empty database, then verify the record."),
            discussion: L("""
                Cơ sở dữ liệu nội bộ được làm trống trước (cần --yes nếu đang có dữ liệu); máy chủ đã cấu hình phải là một \
                cơ sở dữ liệu trống. Sau khi khôi phục, mọi chuỗi kiểm toán được tính lại (như ocop audit verify).
                """, """
                The embedded database is emptied first (needs --yes when it holds data); a configured server must be an empty \
                database. After the restore every audit chain is recomputed (as ocop audit verify).
                """))
        @OptionGroup var lang: LanguageOption
        @Argument(help: L("Tệp sao lưu.", "The backup file.")) var file: String
        @Flag(name: .long, help: L("Xác nhận thay dữ liệu hiện có.", "Confirm replacing the existing data.")) var yes = false

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let report = try workbench().restoreDatabase(from: file, confirmed: yes)
                Output.write((language == .vi ? "Đã khôi phục từ \(file).\n" : "Restored from \(file).\n") + AuditRender.verify(report, language))
                if !report.intact { throw ExitCode(ExitStatus.dataError) }
            }
        }
    }

    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "migrate", abstract: L("Áp dụng migration còn chờ.", "Apply pending migrations."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Flag(name: .long, help: L("Chỉ liệt kê, không áp dụng.", "Only list what would run.")) var dryRun = false

        func run() throws {
            let language = lang.language
            let vi = language == .vi
            try runReporting(language) {
                let done = try workbench(actor).migrate(dryRun: dryRun)
                if done.isEmpty {
                    Output.write(vi ? "Lược đồ đã là mới nhất." : "The schema is up to date.")
                } else {
                    let verb = dryRun ? (vi ? "Sẽ áp dụng" : "Would apply") : (vi ? "Đã áp dụng" : "Applied")
                    Output.write(([verb + ":"] + done.map { "  " + $0 }).joined(separator: "\n"))
                }
            }
        }
    }
}
