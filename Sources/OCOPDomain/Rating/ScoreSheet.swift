/// One answer: the points of the chosen option, or 0 for "none of the options applies".
/// `variant` (1 or 2) picks the tourism case for criteria with two option lists.
public struct SheetAnswer: Sendable, Hashable, Codable, ExpressibleByIntegerLiteral {
    public var points: Int
    public var variant: Int?
    public init(points: Int, variant: Int? = nil) {
        self.points = points
        self.variant = variant
    }
    public init(integerLiteral value: Int) { self.init(points: value) }
}

/// A declared knock-out: the dossier clause ("Hồ sơ bị loại khi…") or a criterion's own note.
public enum KnockOutDeclaration: Sendable, Hashable, Codable, CustomStringConvertible {
    case dossier
    case criterion(String)

    /// `"hồ sơ"` (also `"ho so"`, `"dossier"`) or a criterion code such as `"1.1"`.
    public init(parsing raw: String) {
        let folded = raw.trimmingCharacters(in: .whitespaces).lowercased()
        switch folded {
        case "hồ sơ", "ho so", "hoso", "dossier": self = .dossier
        default: self = .criterion(raw.trimmingCharacters(in: .whitespaces))
        }
    }

    public var description: String {
        switch self {
        case .dossier: "hồ sơ"
        case .criterion(let code): code
        }
    }
}

/// One council member's (or the producer's) sheet: one answer per scorable criterion code.
public struct ScoreSheet: Sendable, Hashable, Codable {
    /// Who filled it (member name, file name); used in problems and per-member results.
    public var label: String
    public var answers: [String: SheetAnswer]
    public var knockOuts: [KnockOutDeclaration]

    public init(label: String, answers: [String: SheetAnswer], knockOuts: [KnockOutDeclaration] = []) {
        self.label = label
        self.answers = answers
        self.knockOuts = knockOuts
    }

    public init(label: String, points: [String: Int], variant: Int? = nil, knockOuts: [KnockOutDeclaration] = []) {
        self.init(label: label, answers: points.mapValues { SheetAnswer(points: $0, variant: variant) },
                  knockOuts: knockOuts)
    }

    /// The tourism case named by the sheet's answers, when all of them agree.
    public var variant: Int? {
        let named = Set(answers.values.compactMap(\.variant))
        return named.count == 1 ? named.first : nil
    }
}

import Foundation
