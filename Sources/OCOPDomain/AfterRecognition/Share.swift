/// A part of a whole as a report prints it: one decimal, rounded half up on integers only
/// ("24/95 = 25,3 %"), as the province's annual report writes its shares.
public struct Share: Sendable, Hashable, Codable {
    public let part: Int
    public let whole: Int

    public init(part: Int, whole: Int) {
        self.part = part
        self.whole = whole
    }

    /// Tenths of a percent, rounded half up; 0 for an empty whole.
    public var tenthsOfPercent: Int {
        guard whole > 0 else { return 0 }
        return (2000 * part + whole) / (2 * whole)
    }

    /// "25,3 %" / "25.3 %".
    public func display(_ language: Language) -> String {
        let t = tenthsOfPercent
        return "\(t / 10)\(language == .vi ? "," : ".")\(t % 10) %"
    }

    /// "25.3", for machines.
    public var plain: String { "\(tenthsOfPercent / 10).\(tenthsOfPercent % 10)" }
}

/// Achieved against a target, in whole percent rounded half up ("49 / 32 = 153 %"), as the
/// report's "đạt 153% kế hoạch".
public struct TargetAttainment: Sendable, Hashable, Codable {
    public let achieved: Int
    public let target: Int

    public init(achieved: Int, target: Int) {
        self.achieved = achieved
        self.target = target
    }

    public var percent: Int { target > 0 ? (200 * achieved + target) / (2 * target) : 0 }
    public var isMet: Bool { achieved >= target }

    /// "đạt 153 % kế hoạch" / "153 % of the target".
    public func display(_ language: Language) -> String {
        language == .vi ? "\(achieved)/\(target) sản phẩm, đạt \(percent) % kế hoạch" : "\(achieved)/\(target) products, \(percent) % of the target"
    }
}
