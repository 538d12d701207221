import Foundation

/// What a list's `--search` matches: a code or number exactly, or part of a name regardless of
/// case. A term typed without diacritics (plain ASCII, as on a keyboard without a Vietnamese
/// input method) also matches names with them: "mat ong" finds "Mật ong" (`ocop_fold`,
/// migration 0015). A term with diacritics matches them as typed.
struct SearchTerm {
    /// The term as typed, in NFC: compared with codes and numbers.
    let exact: String
    /// `%term%` for LIKE, with the term's own `\`, `%` and `_` escaped.
    let pattern: String
    /// Match names with their diacritics folded away.
    let folded: Bool

    init?(_ text: String?) {
        guard let text = text?.trimmingCharacters(in: .whitespaces).nfc, !text.isEmpty else { return nil }
        exact = text
        var escaped = ""
        for c in text {
            if c == "\\" || c == "%" || c == "_" { escaped.append("\\") }
            escaped.append(c)
        }
        pattern = "%" + escaped + "%"
        folded = text.unicodeScalars.allSatisfy(\.isASCII)
    }

    /// The condition on `column` (a name), with `pattern` and `folded` bound at the parameter
    /// numbers given.
    static func nameMatches(_ column: String, pattern: Int, folded: Int) -> String {
        "(\(column) ILIKE $\(pattern) OR ($\(folded)::boolean AND ocop_fold(\(column)) LIKE ocop_fold($\(pattern))))"
    }
}
