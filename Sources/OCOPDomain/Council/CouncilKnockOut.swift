import Foundation

/// A knock-out the council itself decides for one dossier, as opposed to one a member writes on
/// their own sheet: the clause, why, and who announced the decision (docs/council.md).
public struct CouncilKnockOut: Sendable, Hashable, Codable {
    public let declaration: KnockOutDeclaration
    public let reason: String
    /// Person code of the presiding chair who announced it.
    public let decidedBy: String

    public init(declaration: KnockOutDeclaration, reason: String, decidedBy: String) {
        self.declaration = declaration
        self.reason = reason
        self.decidedBy = decidedBy
    }
}

extension CouncilRules {
    /// Reads a `--clause` value: `hồ-sơ` / `hồ sơ` / `ho-so` / `dossier` for the dossier clause,
    /// anything else as a criterion code.
    public static func knockOutDeclaration(parsing raw: String) -> KnockOutDeclaration {
        let text = raw.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespaces)
        // KnockOutDeclaration does not know the hyphenated spelling used on the command line.
        let spaced = text.lowercased().replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return KnockOutDeclaration(parsing: ["hồ sơ", "ho so", "dossier"].contains(spaced) ? spaced : text)
    }

    /// The knock-out clauses a set offers: the dossier clause first, then every criterion with a
    /// "Bị loại nếu…" note, in sheet order.
    public static func knockOutClauses(of set: ProductSet) -> [KnockOutDeclaration] {
        (set.disqualification == nil ? [] : [.dossier]) + set.allCriteria.filter { $0.knockOut != nil }.map { .criterion($0.code) }
    }

    /// The clause as quoted in results, or `nil` when the set has no such knock-out.
    public static func quote(_ declaration: KnockOutDeclaration, in set: ProductSet) -> String? {
        switch declaration {
        case .dossier: return set.disqualification?.quoted
        case .criterion(let code):
            guard let criterion = set.criterion(code), let clause = criterion.knockOut else { return nil }
            return "\(code) \(criterion.shortTitle): \(clause.text)"
        }
    }
}
