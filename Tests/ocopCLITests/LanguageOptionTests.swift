import Foundation
import Testing

/// `--lang` is every command's option; written where global options go (`ocop --lang en …`,
/// `ocop council --lang en`) it means the same as after the command.
@Suite struct LanguageOptionTests {
    @Test func langBeforeTheCommandMeansTheSame() throws {
        let (environment, _) = try GoldenTests.demoWorld.get()
        let pairs: [([String], [String])] = [
            (["--lang", "en", "dossier", "status", "HS-2026-0001"], ["dossier", "status", "HS-2026-0001", "--lang", "en"]),
            (["dossier", "--lang=en", "status", "HS-2026-0001"], ["dossier", "status", "HS-2026-0001", "--lang", "en"]),
            (["--lang", "en", "dossier", "status", "HS-2026-9999"], ["dossier", "status", "HS-2026-9999", "--lang", "en"]),
            (["--lang", "en", "council", "session", "status", "PH-2026-001", "--format", "json"],
             ["council", "session", "status", "PH-2026-001", "--format", "json", "--lang", "en"]),
            (["--lang", "en", "council"], ["council", "--help", "--lang", "en"]),
            (["--lang", "en"], ["--help", "--lang", "en"]),
            (["--lang", "fr", "dossier", "status", "HS-2026-0001"], ["dossier", "status", "--lang", "fr", "HS-2026-0001"]),
        ]
        for (before, after) in pairs {
            let moved = try runOCOP(before, environment: environment)
            let usual = try runOCOP(after, environment: environment)
            let line = "ocop \(before.joined(separator: " "))"
            #expect(moved.status == usual.status, "\(line): \(moved.err)")
            #expect(moved.out == usual.out, "\(line)")
            #expect(moved.err == usual.err, "\(line)")
        }
        let english = try runOCOP(["--lang", "en", "dossier", "status", "HS-2026-0001"], environment: environment)
        #expect(english.status == 0 && english.out.hasPrefix("Dossier:"), "\(english.out)\(english.err)")
        // The parser's own list of values, in Vietnamese.
        let wrong = try runOCOP(["dossier", "status", "HS-2026-0001", "--lang", "fr"], environment: environment)
        #expect(wrong.status == 64 && wrong.err.contains("Hãy chọn một trong 'vi' và 'en'."), "\(wrong.err)")
    }

    /// Every kind of command-line mistake the parser reports reads in Vietnamese by default (no
    /// phrase of the parser's English left), and in English with `--lang en`.
    @Test func parserErrorsSpeakTheReadersLanguage() throws {
        let (environment, _) = try GoldenTests.demoWorld.get()
        let mistakes: [(arguments: [String], vi: String, en: String)] = [
            (["listing", "add", "--product", "X", "--outlet", "Y", "--to", "2026-01-01"],
             "Không có tùy chọn '--to'. Có phải ý là '--as'?", "Unknown option '--to'. Did you mean '--as'?"),
            (["listing", "list", "--bogus"], "Không có tùy chọn '--bogus'", "Unknown option '--bogus'"),
            (["dossier", "status"], "Thiếu tham số bắt buộc '<hồ-sơ>'", "Missing expected argument '<dossier>'"),
            (["dossier", "status", "HS-2026-0001", "HS-2026-0002"], "Tham số thừa 'HS-2026-0002'", "Unexpected argument 'HS-2026-0002'"),
            (["listing", "list", "--must-withdraw=yes"], "Tùy chọn '--must-withdraw' không nhận giá trị, nhưng đã cho 'yes'.",
             "The option '--must-withdraw' does not take any value, but 'yes' was specified."),
            (["dossier", "list", "--year", "abc"], "Giá trị 'abc' không hợp lệ cho '--year <năm>'", "The value 'abc' is invalid for '--year <year>'"),
            (["rate", "--set", "4", "--sheet"], "Thiếu giá trị cho '--sheet <tệp-phiếu>'", "Missing value for '--sheet <file>'"),
            (["council", "sesion", "list"], "Lỗi: 'ocop council' không có lệnh 'sesion'. Có phải ý là 'session'?",
             "Error: 'ocop council' has no command 'sesion'. Did you mean 'session'?"),
            (["nonsense"], "Lỗi: 'ocop' không có lệnh 'nonsense'.\nCác lệnh: db, producer,", "Error: 'ocop' has no command 'nonsense'.\nCommands: db, producer,"),
        ]
        let english = ["Error:", "Usage:", "Did you mean", "Unknown", "Unexpected", "Missing", "is invalid", "does not take", "See '", "Help:", "Commands:"]
        for mistake in mistakes {
            let line = "ocop \(mistake.arguments.joined(separator: " "))"
            let vi = try runOCOP(mistake.arguments, environment: environment)
            #expect(vi.status == 64 && vi.err.contains(mistake.vi), "\(line): \(vi.err)")
            for phrase in english { #expect(!vi.err.contains(phrase), "\(line): «\(phrase)» in \(vi.err)") }
            let en = try runOCOP(mistake.arguments + ["--lang", "en"], environment: environment)
            #expect(en.status == 64 && en.err.contains(mistake.en), "\(line) --lang en: \(en.err)")
        }
    }
}
