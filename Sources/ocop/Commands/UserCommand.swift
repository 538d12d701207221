import ArgumentParser
import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels

/// `ocop user`: logins, their people and their office roles (docs/roles.md).
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: L("Tài khoản đăng nhập cơ sở dữ liệu, người dùng và vai trò.", "Database logins, their people and their roles."),
        discussion: L("""
            Mỗi cán bộ đăng nhập PostgreSQL bằng tài khoản riêng (mật khẩu qua .pgpass, chứng chỉ TLS hoặc peer trên socket), \
            gắn với một người; quyền do chính PostgreSQL thực thi. Vai trò: secretariat (cơ quan tham mưu tỉnh), ministry (Bộ), \
            council (thành viên Hội đồng, theo hội đồng mình tham gia), commune (cán bộ xã, theo xã được giao), producer (chủ \
            thể), public (tra cứu giấy chứng nhận). Các lệnh này dùng tài khoản quản trị (cụm nội bộ, hoặc \
            OCOP_ADMIN_DATABASE_URL). Xem docs/roles.md.
            """, """
            Each official logs in to PostgreSQL with their own login (password via .pgpass, a TLS client certificate, or peer on \
            the socket), mapped to a person; PostgreSQL itself enforces what they may do. Roles: secretariat (provincial office), \
            ministry, council (council members, scoped to their councils), commune (commune officers, scoped to their communes), \
            producer, public (certificate look-up). These commands use the administrator's login (the embedded cluster's, or \
            OCOP_ADMIN_DATABASE_URL). See docs/roles.md.
            """),
        subcommands: [Add.self, Grant.self, Revoke.self, List.self])

    static let roleHelp = ArgumentHelp("secretariat | ministry | council | commune | producer | public")

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: L("Tạo tài khoản đăng nhập và gắn với một người.", "Make a login and map it to a person."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: L("Tên đăng nhập PostgreSQL, vd. tk_bui_thi_thu.", "The PostgreSQL login, e.g. tk_bui_thi_thu.")) var login: String
        @Option(help: L("Mã người (tạo mới khi có --name).", "The person code (created with --name).")) var person: String
        @Option(help: L("Họ tên, khi người này chưa có.", "Full name, when the person is new.")) var name: String?
        @Option(help: L("Mã số thuế/đăng ký của chủ thể (tài khoản của chủ thể).", "The producer's registration number (a producer's login).")) var producer: String?
        @Flag(help: L("Đọc mật khẩu từ đầu vào chuẩn (lưu dạng SCRAM, không bao giờ gửi bản rõ).", "Read a password from standard input (stored as SCRAM, never sent in clear).")) var passwordStdin = false
        @Option(help: "text | json") var format: OutputFormat = .text

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                try require(format, in: [.text, .json])
                // With --password-stdin an empty input is an empty password, which is refused.
                let password = passwordStdin ? readLine(strippingNewline: true) ?? "" : nil
                let user = try workbench(actor).addUser(try readCode(LoginName.self, login), person: try readCode(PersonCode.self, person, field: "person"),
                                                        name: name, producer: producer, password: password)
                Output.write(format == .json ? Output.json(user) : UserRender.one(user, language))
            }
        }
    }

    struct Grant: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "grant", abstract: L("Giao một vai trò cho tài khoản.", "Grant a role to a login."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: L("Tên đăng nhập.", "The login.")) var login: String
        @Argument(help: UserCommand.roleHelp) var role: String
        @Option(name: .customLong("commune"), help: L("Mã xã (cán bộ xã; lặp lại được).", "Commune code (a commune officer; repeatable).")) var communes: [String] = []

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let office = try choice(role, field: "role", allowed: OfficeRole.allCases.map(\.rawValue), OfficeRole.init(rawValue:))
                let user = try workbench(actor).grantRole(office, to: try readCode(LoginName.self, login), communes: communes)
                Output.write(UserRender.one(user, language))
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke", abstract: L("Thu lại một vai trò của tài khoản.", "Revoke a role from a login."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: L("Tên đăng nhập.", "The login.")) var login: String
        @Argument(help: UserCommand.roleHelp) var role: String

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let office = try choice(role, field: "role", allowed: OfficeRole.allCases.map(\.rawValue), OfficeRole.init(rawValue:))
                let user = try workbench(actor).revokeRole(office, from: try readCode(LoginName.self, login))
                Output.write(UserRender.one(user, language))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: L("Liệt kê tài khoản, người và vai trò.", "List logins, people and roles."))
        @OptionGroup var lang: LanguageOption
        @Option(help: "table | json") var format: OutputFormat = .table

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                try require(format, in: [.table, .json])
                let users = try workbench().users()
                if format == .json { Output.write(Output.json(users)); return }
                let vi = language == .vi
                Output.write(Output.table(headers: vi ? ["tài khoản", "người", "họ tên", "vai trò", "phạm vi"] : ["login", "person", "name", "roles", "scope"],
                                          rows: users.map { [$0.login, $0.person, $0.personName, $0.roles.map { vi ? $0.label(.vi) : $0.rawValue }.joined(separator: ", "),
                                                                   UserRender.scope($0, language)] }))
            }
        }
    }
}

enum UserRender {
    static func scope(_ user: UserView, _ language: Language) -> String {
        var parts: [String] = []
        if let producer = user.producer { parts.append((language == .vi ? "chủ thể " : "producer ") + producer) }
        if !user.communes.isEmpty { parts.append((language == .vi ? "xã " : "communes ") + user.communes.joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }

    static func one(_ user: UserView, _ language: Language) -> String {
        let vi = language == .vi
        let roles = user.roles.isEmpty ? (vi ? "chưa có" : "none") : user.roles.map { "\($0.rawValue) (\($0.label(language)))" }.joined(separator: ", ")
        var lines = [(vi ? "Tài khoản: " : "Login: ") + user.login + " → " + user.person + " (" + user.personName + ")",
                     (vi ? "Vai trò: " : "Roles: ") + roles]
        let scope = scope(user, language)
        if !scope.isEmpty { lines.append((vi ? "Phạm vi: " : "Scope: ") + scope) }
        return lines.joined(separator: "\n")
    }
}
