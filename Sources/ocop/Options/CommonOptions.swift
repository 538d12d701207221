import ArgumentParser
import Foundation
import OCOPApp
import OCOPDomain

/// The language of help texts, known before ArgumentParser builds them: `--lang en` (or
/// `--lang=en`) on the command line, else `OCOP_LANG`.
enum HelpLanguage {
    static let current: Language = {
        let arguments = CommandLine.arguments
        for (i, argument) in arguments.enumerated() {
            if argument == "--lang", i + 1 < arguments.count { return arguments[i + 1].lowercased().hasPrefix("en") ? .en : .vi }
            if argument.hasPrefix("--lang=") { return argument.dropFirst(7).lowercased().hasPrefix("en") ? .en : .vi }
        }
        return Language.fromEnvironment(ProcessInfo.processInfo.environment)
    }()
}

/// A help text in the reader's language.
func L(_ vietnamese: String, _ english: String) -> String { HelpLanguage.current == .vi ? vietnamese : english }

/// An option's help in the reader's language.
func L(_ vietnamese: String, _ english: String) -> ArgumentHelp { ArgumentHelp(HelpLanguage.current == .vi ? vietnamese : english) }

/// `--lang vi|en`; falls back to `OCOP_LANG`, then Vietnamese.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), help: ArgumentHelp(L("Ngôn ngữ hiển thị: vi (mặc định) hoặc en.", "Display language: vi (default) or en."), valueName: "vi|en"))
    var explicit: Language?

    var language: Language { explicit ?? Language.fromEnvironment(ProcessInfo.processInfo.environment) }
}

extension Language: ExpressibleByArgument {}

/// Who is acting: `--as PERSON`, else `OCOP_USER`, else the login name.
struct ActorOption: ParsableArguments {
    @Option(name: .customLong("as"), help: ArgumentHelp(L("Người thực hiện (mã người, ghi vào nhật ký); mặc định $OCOP_USER. Với tài khoản đăng nhập riêng, người thực hiện là người của tài khoản (docs/roles.md).",
                                                          "Acting person (person code, recorded on every write); default $OCOP_USER. With a personal login, the login's person acts (docs/roles.md)."),
                                                        valueName: L("mã-người", "person")))
    var explicit: String?
}

/// Output format of lists and records. Not `CaseIterable` on purpose: each command lists the
/// formats it offers in its own help.
enum OutputFormat: String, ExpressibleByArgument, Sendable {
    case table, json, csv, text, markdown
}

/// Exit codes (sysexits.h): "your input is wrong" and "the system failed" differ.
enum ExitStatus {
    static let usage: Int32 = 64        // EX_USAGE: a bad command line
    static let dataError: Int32 = 65    // EX_DATAERR: invalid input, sheet, file, illegal step
    static let noInput: Int32 = 66      // EX_NOINPUT: unknown dossier, producer, file…
    static let unavailable: Int32 = 69  // EX_UNAVAILABLE: database or PostgreSQL missing
    static let software: Int32 = 70     // EX_SOFTWARE: a bug
    static let conflict: Int32 = 73     // EX_CANTCREAT: already recorded (a duplicate, already submitted)
    static let config: Int32 = 78       // EX_CONFIG: stale schema, bad configuration

    static func code(for kind: ErrorKind) -> Int32 {
        switch kind {
        case .invalidInput: dataError
        case .notFound: noInput
        case .conflict: conflict
        case .unavailable: unavailable
        case .configuration: config
        case .internal: software
        }
    }
}

/// A usage error phrased by the CLI itself (a value the argument parser accepted but the
/// command cannot use).
struct UsageError: Error {
    var message: LocalizedText
}

/// The command-line options that stand for the application's field names.
enum Flags {
    static let byField: [String: String] = [
        "reason": "--reason", "entered_by": "--entered-by", "paper_ref": "--paper-ref", "by": "--by", "chair": "--chair",
        "flag": "--flag", "clause": "--clause", "dossier": "--dossier", "missing": "--missing", "to": "--to", "actor": "--as / OCOP_USER",
        "yes": "--yes", "reset": "--reset", "member": "--member", "date": "--date", "year": "--year", "round": "--round",
        "target_stars": "--target-stars", "product_set": "--set", "email": "--email", "session": "--session", "council": "--council",
        "person": "--person", "quorum": "--quorum", "name": "--name", "registration_no": "--registration", "kind": "--kind",
        "role": "--role", "status": "--status", "present": "--present", "absent": "--absent", "update": "--update", "printed": "--printed", "login": "<login>",
        "code": "--code", "commune_code": "--commune", "address": "--address", "phone": "--phone", "representative": "--representative",
        "authority": "--authority", "number": "--number", "finding": "--finding", "finding_on": "--finding-date", "ground": "--ground",
        "audit": "--audit", "as_of": "--as-of", "filed_on": "--filed-on", "mode": "--mode", "basis": "--basis", "level": "--level",
        // Printing and credentials.
        "issuer": "--issuer", "key_file": "--key-file", "key_valid_from": "--valid-from", "key_valid_until": "--valid-until",
        "trust_list": "--trust", "status_list": "--status-list", "status_list_url": "--status-list-url", "output": "--output", "on": "--on",
        "start": "--start", "end": "--end", "established_on": "--established-on", "venue": "--venue", "verification_address": "--verification-address",
        "frame_color": "--frame-color", "qr_side": "--qr-side", "national_emblem": "--emblem", "ocop_mark": "--ocop-mark",
        "seal": "--seal", "signature": "--signature", "seal_diameter": "--seal-diameter", "clear": "--clear",
        "outlet": "--outlet", "listing": "LISTING", "listed_on": "--from", "ended_on": "--date", "chain": "--chain", "country": "--country",
        "importer": "--importer", "certificate": "--certificate", "criterion": "--criterion", "claimed_points": "--points", "change": "--change",
        "evidence": "--evidence", "products": "--products", "contract_no": "--contract", "document": "--document", "within": "--within",
        "province": "--province", "stars": "--stars",
    ]
}

/// The command being run, set by `OCOP.main` once the arguments are parsed, so that an error
/// points only to options the command has: the same field is an option of one command
/// (`session open --dossier`) and an argument of another (`dossier status HS-2026-0001`).
enum ActiveCommand {
    nonisolated(unsafe) static var type: ParsableCommand.Type?

    /// Whether the running command has the option `flag` ("--dossier", "--as / OCOP_USER"). An
    /// argument's name ("<login>", "LISTING") is always kept, and so is everything when no command
    /// is known.
    static func offers(_ flag: String) -> Bool {
        guard let type, flag.hasPrefix("--") else { return true }
        let name = flag.prefix { $0 != " " }
        let help = OCOP.helpMessage(for: type, includeHidden: true, columns: 10_000)
        return help.range(of: "\(name)(?![A-Za-z0-9-])", options: .regularExpression) != nil
    }
}

/// Prints `error` for a person and returns the exit code.
func report(_ error: any Error, language: Language) -> ExitCode {
    let vi = language == .vi
    if let error = error as? ExitCode { return error }
    if let usage = error as? UsageError {
        Output.warn(usage.message(language))
        return ExitCode(ExitStatus.usage)
    }
    let failure = explain(error)
    var text = Output.terminalSafe(failure.message(language))
    let flags = failure.fields.compactMap { Flags.byField[$0] }.filter(ActiveCommand.offers)
    if !flags.isEmpty { text += "\n" + (vi ? "Tùy chọn liên quan: " : "See option: ") + flags.joined(separator: ", ") }
    Output.warn(text)
    return ExitCode(ExitStatus.code(for: failure.kind))
}

/// Runs a command body and turns any error into a message and an exit code.
func runReporting(_ language: Language, _ body: () throws -> Void) throws {
    do {
        try body()
    } catch {
        throw report(error, language: language)
    }
}

/// The live workbench for a command (read-only commands act as the local user).
func workbench(_ actor: ActorOption? = nil) throws -> Workbench {
    try Workbench.live(actingAs: actor?.explicit)
}

/// Parses a record code typed on the command line; `field` names the option it came from when
/// that is not the code's own name (`member` for a person code, …).
func readCode<Code: RecordCode>(_ type: Code.Type, _ raw: String, field: String? = nil) throws -> Code {
    guard let code = Code(normalizing: raw) else {
        throw DomainError.invalidValue(field: field ?? Code.field, value: raw, reason: Code.shape)
    }
    return code
}

/// Parses a closed-set value typed on the command line, listing the allowed ones when wrong.
func choice<T>(_ raw: String, field: String, allowed: [String], _ parse: (String) -> T?) throws -> T {
    guard let value = parse(raw) else {
        throw DomainError.invalidValue(field: field, value: raw, reason: LocalizedText(
            vi: "chọn một trong: \(allowed.joined(separator: ", ")).", en: "choose one of: \(allowed.joined(separator: ", "))."))
    }
    return value
}

/// Refuses an output format the command does not offer.
func require(_ format: OutputFormat, in allowed: [OutputFormat]) throws {
    guard allowed.contains(format) else {
        throw UsageError(message: LocalizedText(
            vi: "--format \(format.rawValue) không dùng được ở lệnh này; chọn: \(allowed.map(\.rawValue).joined(separator: ", ")).",
            en: "--format \(format.rawValue) is not offered here; choose: \(allowed.map(\.rawValue).joined(separator: ", "))."))
    }
}
