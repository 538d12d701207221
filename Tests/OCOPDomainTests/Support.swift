import Foundation
import OCOPDomain
import OCOPRubrics

/// The repository's own `scoring/` (tests never depend on the working directory).
let scoringDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("scoring", isDirectory: true)

let catalog: RubricCatalog = {
    do { return try RubricCatalog.load(from: scoringDirectory) } catch { fatalError((error as? RubricError)?.message(.en) ?? "\(error)") }
}()

let allSets: [ProductSet] = (1...26).map { try! catalog.productSet($0) }

func engine(_ number: Int) -> RatingEngine { RatingEngine(productSet: allSets[number - 1]) }

extension ProductSet {
    /// Highest marker requirement per criterion (0 when unmarked), up to `stars`.
    func floors(upTo stars: Int = 5) -> [String: Int] { starMinimumFloors(upTo: stars) }

    /// A sheet with exactly `total` points whose answers stay at or above `floors`, or nil if impossible.
    func sheet(total: Int, floors: [String: Int], label: String = "m") -> ScoreSheet? {
        sheet(totalling: total, floors: floors, label: label)
    }
}

/// Deterministic pseudo-random numbers for property tests (SplitMix64).
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension ProductSet {
    /// A random valid sheet (conditions and tourism case respected).
    func randomSheet(using rng: inout SplitMix, label: String) -> ScoreSheet {
        let variant = variantNumbers.isEmpty ? nil : variantNumbers.randomElement(using: &rng)
        var answers: [String: SheetAnswer] = [:]
        for c in scorableCriteria {
            let p = c.allowedPoints(variant: c.hasVariants ? variant : nil).randomElement(using: &rng)!
            answers[c.code] = SheetAnswer(points: p, variant: c.hasVariants && p != 0 ? variant : nil)
        }
        for c in scorableCriteria {
            if let cond = c.condition, (answers[cond.criterion]?.points ?? 0) < cond.minPoints { answers[c.code] = 0 }
        }
        return ScoreSheet(label: label, answers: answers)
    }
}
