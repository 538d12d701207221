/// Exact display of a mean of integer totals: `sum / count` rounded half up to two decimals,
/// computed on integers only (70.125 → "70.13").
public struct ExactMean: Sendable, Hashable, Codable {
    public let sum: Int
    public let count: Int

    public init(sum: Int, count: Int) {
        precondition(count > 0, "a mean needs at least one value")
        self.sum = sum
        self.count = count
    }

    /// Hundredths, rounded half up (away from zero for positives), integer arithmetic only.
    public var hundredths: Int {
        // round(sum * 100 / count), half up: floor((2 * sum * 100 + count) / (2 * count)) for sum ≥ 0
        let numerator = 200 * sum + count
        let denominator = 2 * count
        return numerator >= 0 ? numerator / denominator : -((-numerator + denominator - 1) / denominator)
    }

    /// `true` when the exact mean is at least `threshold` (no rounding involved).
    public func isAtLeast(_ threshold: Int) -> Bool { sum >= threshold * count }

    /// "70.13" (dot separator), for JSON and machines.
    public var plain: String { Self.format(hundredths, separator: ".") }

    /// "70,13" in Vietnamese, "70.13" in English.
    public func display(_ language: Language) -> String {
        Self.format(hundredths, separator: language == .vi ? "," : ".")
    }

    static func format(_ hundredths: Int, separator: String) -> String {
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100)\(separator)\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
