import ArgumentParser
import Foundation
import OCOPDomain

/// `--lang vi|en`; falls back to `OCOP_LANG`, then Vietnamese.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), help: "Ngôn ngữ hiển thị / display language: vi (mặc định) hoặc en.")
    var explicit: Language?

    var language: Language {
        explicit ?? Language.fromEnvironment(ProcessInfo.processInfo.environment)
    }
}

extension Language: ExpressibleByArgument {}

/// Output format of `list` / `show` commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table
    case json
    case csv
    case text
}

/// Who is acting: `--as PERSON`, else `OCOP_USER`, else the login name.
struct ActorOption: ParsableArguments {
    @Option(name: .customLong("as"), help: "Người thực hiện (ghi vào nhật ký) / acting person; default $OCOP_USER.")
    var explicit: String?

    var actor: String {
        if let explicit, !explicit.isEmpty { return explicit }
        let env = ProcessInfo.processInfo.environment
        if let user = env["OCOP_USER"], !user.isEmpty { return user }
        return env["USER"] ?? "unknown"
    }
}

/// Exit codes from sysexits.h: "your input is wrong" and "the system failed" differ.
enum ExitStatus {
    static let usage: Int32 = 64      // EX_USAGE
    static let dataError: Int32 = 65  // EX_DATAERR: invalid sheet, bad CSV, illegal transition
    static let noInput: Int32 = 66    // EX_NOINPUT: unknown file, dossier, producer
    static let unavailable: Int32 = 69  // EX_UNAVAILABLE: database or PostgreSQL missing
    static let software: Int32 = 70   // EX_SOFTWARE: a bug
    static let config: Int32 = 78     // EX_CONFIG: stale schema, bad configuration
}

/// A failure already phrased for a person; `run()` prints it to stderr and exits with `code`.
struct UserFacingError: Error, CustomStringConvertible {
    var message: String
    var code: Int32

    init(_ message: String, code: Int32 = ExitStatus.dataError) {
        self.message = message
        self.code = code
    }

    var description: String { message }
}

/// Prints `error` for a person and returns the exit code; used by every command's `run()`.
func report(_ error: Error, language: Language) -> ExitCode {
    let stderr = FileHandle.standardError
    func write(_ text: String) { stderr.write(Data((text + "\n").utf8)) }
    if let error = error as? UserFacingError {
        write(error.message)
        return ExitCode(error.code)
    }
    if let error = error as? any LocalizedFailure {
        write(error.message(language))
        return ExitCode(error.exitCode)
    }
    write((language == .vi ? "Lỗi: " : "Error: ") + String(describing: error))
    return ExitCode(ExitStatus.software)
}
