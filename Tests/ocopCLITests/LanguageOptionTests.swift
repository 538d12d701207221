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
}
