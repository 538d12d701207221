/// The language of user-facing text. Vietnamese is the default; English on request
/// (`--lang en` or `OCOP_LANG=en`).
public enum Language: String, Sendable, CaseIterable, Codable {
    case vi
    case en

    /// Reads `OCOP_LANG` (then `LANG`-style prefixes are ignored on purpose: a Vietnamese
    /// council's machines often run an English locale).
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        guard let raw = environment["OCOP_LANG"]?.lowercased() else { return .vi }
        if raw.hasPrefix("en") { return .en }
        return .vi
    }
}

/// A piece of user-facing text in both languages.
public struct LocalizedText: Sendable, Hashable, Codable {
    public var vi: String
    public var en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    public func callAsFunction(_ language: Language) -> String {
        switch language {
        case .vi: vi
        case .en: en
        }
    }

    /// The text with the same language-neutral `suffix` in both languages.
    public func appending(_ suffix: String) -> LocalizedText {
        LocalizedText(vi: vi + suffix, en: en + suffix)
    }
}

/// An English count with its noun: "1 problem", "2 problems", "1 piece of evidence".
public func englishCount(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
}
