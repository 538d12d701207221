import ArgumentParser
import Foundation
import OCOPDomain

@main
struct OCOP: AsyncParsableCommand {
    static let version = "0.8.0"

    static let configuration = CommandConfiguration(
        commandName: "ocop",
        abstract: L("Bàn làm việc đánh giá, phân hạng sản phẩm OCOP (QĐ 26/2026/QĐ-TTg).",
                    "The OCOP evaluation workbench (QĐ 26/2026/QĐ-TTg)."),
        discussion: L("""
            Không cấu hình cơ sở dữ liệu (OCOP_DATABASE_URL, DATABASE_URL hoặc các biến PG*) thì ocop tự chạy một \
            cụm PostgreSQL riêng trong $OCOP_HOME (mặc định ~/.local/share/ocop). Chữ hiển thị mặc định là tiếng Việt; \
            dùng --lang en hoặc OCOP_LANG=en cho tiếng Anh. Mã thoát: 0 thành công, 64 sai cú pháp lệnh, 65 dữ liệu \
            không hợp lệ, 66 không tìm thấy, 69 không có cơ sở dữ liệu, 70 lỗi chương trình, 73 đã ghi nhận trước đó \
            (trùng), 78 lược đồ cũ hoặc cấu hình sai.
            """, """
            With no database configured (OCOP_DATABASE_URL, DATABASE_URL or PG* variables), ocop runs its own private \
            PostgreSQL cluster under $OCOP_HOME (default ~/.local/share/ocop). Text is Vietnamese by default; use --lang \
            en or OCOP_LANG=en for English. Exit codes: 0 ok, 64 usage, 65 invalid input, 66 not found, 69 database \
            unavailable, 70 internal error, 73 already recorded (conflict), 78 stale schema or bad configuration.
            """),
        version: "ocop \(version)",
        subcommands: [
            DatabaseCommand.self,
            ProducerCommand.self,
            ProductCommand.self,
            DossierCommand.self,
            ImportCommand.self,
            DemoCommand.self,
            RateCommand.self,
            PlanCommand.self,
            RubricCommand.self,
            CouncilCommand.self,
            ScoreCommand.self,
            AuditCommand.self,
            UserCommand.self,
            DecisionCommand.self,
            CertificateCommand.self,
            CalendarCommand.self,
            IssuerCommand.self,
            OutletCommand.self,
            ListingCommand.self,
            TargetCommand.self,
            ReportCommand.self,
        ]
    )

    /// Parses and runs the command; the argument parser's own messages (errors, help headings)
    /// are translated for a Vietnamese reader.
    static func main() async {
        do {
            let arguments = movingLanguageOption(Array(CommandLine.arguments.dropFirst()))
            var command: ParsableCommand
            if let leaf = parseLeaf(arguments) { command = leaf } else { command = try parseAsRoot(arguments) }
            ActiveCommand.type = type(of: command)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if let unknown = unknownCommand(movingLanguageOption(Array(CommandLine.arguments.dropFirst())), HelpLanguage.current) {
                Output.warn(unknown)
                Foundation.exit(ExitCode(ExitStatus.usage).rawValue)
            }
            let code = exitCode(for: error)
            var text = fullMessage(for: error)
            text = HelpLanguage.current == .vi ? ArgumentParserText.vietnamese(text) : ArgumentParserText.english(text)
            if CommandLine.arguments.contains("--experimental-dump-help") {
                text = ArgumentParserText.renamingValueNames(inDump: text, HelpLanguage.current == .vi ? ArgumentParserText.placeholders
                                                                                                  : ArgumentParserText.englishPlaceholders)
            }
            if !text.isEmpty {
                if code == .success { Output.write(text) } else { Output.warn(text) }
            }
            Foundation.exit(code.rawValue)
        }
    }
}

extension OCOP {
    /// A word where a group of commands expects one of its commands, and is none of them
    /// (`ocop council sesion`): the parser would call it an unexpected argument. Said instead with
    /// the group's commands and the nearest one, if a typo away.
    static func unknownCommand(_ arguments: [String], _ language: Language) -> String? {
        var command: ParsableCommand.Type = OCOP.self
        var path = ["ocop"]
        for word in arguments {
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty, command.configuration.defaultSubcommand == nil, !word.hasPrefix("-") else { return nil }
            if let next = subcommands.first(where: { $0.configuration.commandName == word }) {
                command = next
                path.append(word)
                continue
            }
            if command == OCOP.self, word == "help" { return nil }
            let names = subcommands.compactMap { $0.configuration.commandName }
            let nearest = names.map { ($0, editDistance($0, word.lowercased())) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
            let group = path.joined(separator: " ")
            let vi = language == .vi
            var text = vi ? "Lỗi: '\(group)' không có lệnh '\(Output.terminalSafe(word))'." : "Error: '\(group)' has no command '\(Output.terminalSafe(word))'."
            if let nearest { text += vi ? " Có phải ý là '\(nearest)'?" : " Did you mean '\(nearest)'?" }
            text += (vi ? "\nCác lệnh: " : "\nCommands: ") + names.joined(separator: ", ")
            text += vi ? "\n  Xem '\(group) --help' để biết thêm." : "\n  See '\(group) --help' for more information."
            return text
        }
        return nil
    }

    /// Levenshtein distance, for suggesting a command name.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var diagonal = row[0]
            row[0] = i + 1
            for (j, y) in b.enumerated() {
                let above = row[j + 1]
                row[j + 1] = min(above + 1, row[j] + 1, diagonal + (x == y ? 0 : 1))
                diagonal = above
            }
        }
        return row[b.count]
    }

    /// `--lang` belongs to every command, so people also write it where global options go:
    /// `ocop --lang en dossier status …`, `ocop council --lang en`. A `--lang` (or `--lang=…`)
    /// among the command words moves to just after them, where the command's own option reads it.
    /// On a group without a default subcommand, which only prints its help, it is dropped: the
    /// help's language is read from the whole command line anyway (`HelpLanguage`).
    static func movingLanguageOption(_ arguments: [String]) -> [String] {
        var command: ParsableCommand.Type = OCOP.self
        var path: [String] = []
        var moved: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let word = arguments[index]
            if word == "--lang" {
                moved += arguments[index..<min(index + 2, arguments.endIndex)]
                index = min(index + 2, arguments.endIndex)
            } else if word.hasPrefix("--lang=") {
                moved.append(word)
                index += 1
            } else if let next = command.configuration.subcommands.first(where: { $0.configuration.commandName == word }) {
                command = next
                path.append(word)
                index += 1
            } else {
                break
            }
        }
        guard !moved.isEmpty else { return arguments }
        let takesOptions = command.configuration.subcommands.isEmpty || command.configuration.defaultSubcommand != nil
        return path + (takesOptions ? moved : []) + arguments[index...]
    }

    /// `ocop GROUP … LEAF ARGS` parsed by the leaf alone, without building the tree of all ~80
    /// commands by reflection (about 5 ms of every start). Only when the words before ARGS are
    /// exactly the command names of the path to a command without subcommands; the groups take no
    /// arguments, so the full parser would hand ARGS to the same leaf. Anything the leaf does not
    /// accept as is (help, errors, `--version`) returns nil and goes through the full parser,
    /// which says it as before. `OCOP_FULL_PARSE=1` turns this off (ParsePathTests compare the
    /// two).
    static func parseLeaf(_ arguments: [String]) -> sending ParsableCommand? {
        guard ProcessInfo.processInfo.environment["OCOP_FULL_PARSE"] == nil else { return nil }
        var command: ParsableCommand.Type = OCOP.self
        var rest = arguments[...]
        while let word = rest.first,
              let next = command.configuration.subcommands.first(where: { $0.configuration.commandName == word }) {
            command = next
            rest = rest.dropFirst()
        }
        guard command != OCOP.self, command.configuration.subcommands.isEmpty else { return nil }
        // Help comes back as the parser's own help command: the full parser says it.
        guard let parsed = try? command.parseAsRoot(Array(rest)), type(of: parsed) == command else { return nil }
        return parsed
    }
}

/// The argument parser's fixed English phrases, in Vietnamese.
enum ArgumentParserText {
    static let phrases: [(String, String)] = [
        ("OVERVIEW: ", "TỔNG QUAN: "), ("USAGE: ", "CÁCH DÙNG: "), ("ARGUMENTS:\n", "THAM SỐ:\n"), ("OPTIONS:\n", "TÙY CHỌN:\n"),
        ("SUBCOMMANDS:\n", "LỆNH CON:\n"), ("(default: ", "(mặc định: "), ("(default:", "(mặc định:"), ("(values:", "(giá trị:"),
        ("; default: ", "; mặc định: "), ("; default:", "; mặc định:"), ("\nHelp: ", "\nTrợ giúp: "), ("\nUsage: ", "\nCách dùng: "),
        ("Show help information.", "Hiện hướng dẫn."), ("Show the version.", "Hiện phiên bản."),
        ("Error: ", "Lỗi: "), ("Missing expected argument '", "Thiếu tham số bắt buộc '"), ("Missing one of: '", "Thiếu một trong: '"),
        ("Unknown option '", "Không có tùy chọn '"), ("'. Did you mean '", "'. Có phải ý là '"),
        ("Unexpected argument '", "Tham số thừa '"), (" unexpected arguments: '", " tham số thừa: '"),
        ("Missing value for '", "Thiếu giá trị cho '"), (". Please provide one of the following:", ". Hãy chọn một trong:"),
        (". Please provide one of ", ". Hãy chọn một trong "), ("Missing required subcommand.", "Thiếu lệnh con."),
        ("Invalid option: ", "Tùy chọn không hợp lệ: "), ("(default)", "(mặc định)"), ("' and '", "' và '"), ("' or '", "' hoặc '"), ("<subcommand>", "<lệnh-con>"), ("[<options>]", "[<tùy-chọn>]"),
    ]

    /// The value placeholders the parser derives from property names (`--date <date>`), in
    /// Vietnamese; a name not listed stays as it is.
    static let placeholders: [String: String] = [
        "absent": "mã-người", "address": "địa-chỉ", "agency": "cơ-quan", "audit": "số-biên-bản", "basis": "căn-cứ", "by": "mã-người",
        "case": "trường-hợp", "certificate": "số-giấy-chứng-nhận", "chain": "chuỗi", "chair": "mã-người", "change": "nội-dung",
        "clause": "điều-khoản", "code": "mã", "commune": "xã", "contract": "hợp-đồng", "council": "hội-đồng", "country": "nước",
        "criterion": "tiêu-chí", "date": "ngày", "decision": "số-quyết-định", "directory": "thư-mục", "disabled": "có-không",
        "document": "tài-liệu", "dossier": "hồ-sơ", "effort": "tệp", "email": "thư-điện-tử", "emblem": "tệp-quốc-huy",
        "entered-by": "mã-người", "established-on": "ngày", "ethnic-minority": "có-không", "evaluation-deadline": "ngày",
        "expiring-within": "số-ngày", "female": "có-không", "file": "tệp", "filed-on": "ngày", "filing-deadline": "ngày",
        "finding": "kết-luận", "finding-date": "ngày", "finding-ref": "số-kết-luận", "flag": "cảnh-báo", "format": "định-dạng",
        "frame-color": "màu", "from": "ngày", "ground": "căn-cứ", "importer": "nhà-nhập-khẩu", "issuer": "cơ-quan-cấp",
        "key-file": "tệp-khóa", "kid": "mã-khóa", "kind": "loại", "label": "tên", "level": "cấp", "listing": "số", "login": "tên-đăng-nhập",
        "mark-misuse": "có-không", "max-spread": "điểm", "member": "mã-người", "minimum-split": "cách-xử-lý", "missing": "nội-dung",
        "name": "tên", "note": "ghi-chú", "number": "số", "numbers": "số", "ocop-mark": "tệp-biểu-trưng", "on": "ngày",
        "organisation": "cơ-quan", "outlet": "mã-kênh", "paper-ref": "số-phiếu-giấy", "person": "mã-người", "phone": "điện-thoại",
        "place": "địa-điểm", "points": "điểm", "present": "mã-người", "printed": "mã-in", "producer": "chủ-thể", "product": "sản-phẩm",
        "products": "số-sản-phẩm", "proposer": "người-đề-nghị", "province": "tỉnh", "psql-arguments": "tham-số-psql",
        "qr-side": "mi-li-mét", "quorum": "số-thành-viên", "reason": "lý-do", "reference": "mã", "registration": "số-đăng-ký",
        "representative": "người-đại-diện", "role": "vai-trò", "round": "đợt", "rubric": "bộ-tiêu-chí", "seal": "tệp-con-dấu",
        "seal-diameter": "mi-li-mét", "search": "từ-khóa", "seed": "thư-mục", "session": "phiên", "set": "bộ", "sheet": "tệp-phiếu",
        "sheets-visible": "khi-nào", "signature": "tệp-chữ-ký", "signer-name": "họ-tên", "signer-prefix": "quyền-ký",
        "signer-title": "chức-vụ", "stars": "số-sao", "status": "trạng-thái", "status-list-url": "địa-chỉ", "submission": "số-tờ-trình",
        "submission-date": "ngày", "target": "số-sao", "target-stars": "số-sao", "to": "trạng-thái", "valid-from": "ngày",
        "valid-until": "ngày", "venue": "địa-điểm", "verification-address": "địa-chỉ", "version": "phiên-bản", "within": "số-ngày",
        "year": "năm",
    ]

    /// The English placeholders that say what to type where the property's name does not
    /// (`--on <date>`, not `--on <on>`); any other stays the parser's.
    static let englishPlaceholders: [String: String] = [
        "on": "date", "from": "date", "filed-on": "date", "established-on": "date", "finding-date": "date",
        "submission-date": "date", "evaluation-deadline": "date", "filing-deadline": "date", "valid-from": "date",
        "valid-until": "date", "to": "state", "by": "person", "chair": "person", "present": "person", "absent": "person",
        "entered-by": "person", "within": "days", "expiring-within": "days", "qr-side": "mm", "seal-diameter": "mm",
        "max-spread": "points", "female": "true|false", "disabled": "true|false", "ethnic-minority": "true|false",
        "mark-misuse": "true|false", "products": "number", "quorum": "n/d", "target": "stars", "target-stars": "stars",
        "printed": "head", "member": "person", "sheet": "file",
    ]

    /// The JSON of `--experimental-dump-help` (which the man pages are made from) with each
    /// argument's value name renamed as `--help` shows it (`on` → `date`/`ngày`). Text that is not
    /// that JSON comes back as it is.
    static func renamingValueNames(inDump text: String, _ names: [String: String]) -> String {
        guard let root = try? JSONSerialization.jsonObject(with: Data(text.utf8)) else { return text }
        func renamed(_ value: Any) -> Any {
            if let array = value as? [Any] { return array.map(renamed) }
            guard var object = value as? [String: Any] else { return value }
            for (key, item) in object {
                if key == "valueName", let name = item as? String, let new = names[name] { object[key] = new } else { object[key] = renamed(item) }
            }
            return object
        }
        guard let data = try? JSONSerialization.data(withJSONObject: renamed(root), options: [.prettyPrinted, .sortedKeys]),
              let out = String(data: data, encoding: .utf8) else { return text }
        return out
    }

    /// The parser's text in English, with the placeholders of `englishPlaceholders`.
    static func english(_ text: String) -> String { translatePlaceholders(text, englishPlaceholders) }

    static func vietnamese(_ text: String) -> String {
        var out = text
        for (english, vietnamese) in phrases { out = out.replacingOccurrences(of: english, with: vietnamese) }
        out = translatePlaceholders(out, placeholders)
        out = replace(out, #"The value '([^']*)' is invalid for '([^']*)'"#, "Giá trị '$1' không hợp lệ cho '$2'")
        out = replace(out, #"The value '([^']*)' is invalid\."#, "Giá trị '$1' không hợp lệ.")
        out = replace(out, #"The option '([^']*)' does not take any value, but '([^']*)' was specified\."#, "Tùy chọn '$1' không nhận giá trị, nhưng đã cho '$2'.")
        out = replace(out, #"  See '([^']*)' for more information\."#, "  Xem '$1' để biết thêm.")
        out = replace(out, #"  See '([^']*) <lệnh-con>' for detailed help\."#, "  Xem '$1 <lệnh-con>' để biết chi tiết.")
        return out
    }

    /// The placeholders renamed by `names`, and the help's two columns laid out again around
    /// them: a label of up to 22 characters shares its line with the description (column 27, as
    /// the parser lays it out); a longer one has the description on the next line.
    private static func translatePlaceholders(_ text: String, _ names: [String: String]) -> String {
        guard let regex = try? NSRegularExpression(pattern: #"<([a-z][a-z-]*)>"#) else { return text }
        func translated(_ line: String) -> String {
            var out = line
            for match in regex.matches(in: line, range: NSRange(line.startIndex..., in: line)).reversed() {
                guard let whole = Range(match.range, in: line), let name = Range(match.range(at: 1), in: line),
                      let renamed = names[String(line[name])] else { continue }
                out.replaceSubrange(whole, with: "<\(renamed)>")
            }
            return out
        }
        let column = 26, indent = String(repeating: " ", count: column)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var i = 0
        while i < lines.count {
            let line = lines[i]
            guard line.hasPrefix("  -") || line.hasPrefix("  <") else { lines[i] = translated(line); i += 1; continue }
            let body = line.dropFirst(2)
            let label: String, description: String?
            if let gap = body.range(of: "  ") {
                label = String(body[..<gap.lowerBound])
                description = body[gap.upperBound...].trimmingCharacters(in: .whitespaces)
            } else {
                label = String(body)
                // The description the parser put on the next line, when there is one.
                let next = i + 1 < lines.count ? lines[i + 1] : ""
                description = next.hasPrefix(indent) && !next.dropFirst(column).hasPrefix(" ") ? String(next.dropFirst(column)) : nil
                if description != nil { lines.remove(at: i + 1) }
            }
            let newLabel = translated(label)
            if let description {
                if 2 + newLabel.count + 2 <= column {
                    lines[i] = "  " + newLabel + String(repeating: " ", count: column - 2 - newLabel.count) + description
                } else {
                    lines[i] = "  " + newLabel
                    lines.insert(indent + description, at: i + 1)
                    i += 1
                }
            } else {
                lines[i] = "  " + newLabel
            }
            i += 1
        }
        return lines.joined(separator: "\n")
    }

    private static func replace(_ text: String, _ pattern: String, _ template: String) -> String {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
        return regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }
}
