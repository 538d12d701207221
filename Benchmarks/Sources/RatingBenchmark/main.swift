import Foundation
import OCOPDomain
import OCOPRubrics

// Rates N single-member products of mixed sets in the pure engine and reports sheets/second.
let count = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 100_000
// The repository's scoring/ folder unless another is given.
let scoring = CommandLine.arguments.dropFirst(2).first.map { URL(fileURLWithPath: $0) }
    ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scoring")
let catalog = try RubricCatalog.load(from: scoring)
let sets = try (1...26).map { try catalog.productSet($0) }
let engines = sets.map { RatingEngine(productSet: $0) }

// Deterministic random valid sheets (SplitMix64), built before timing.
var state: UInt64 = 0x5EED
@MainActor func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
}
var work: [(Int, ScoreSheet)] = []
work.reserveCapacity(count)
for i in 0..<count {
    let k = Int(next() % 26)
    let set = sets[k]
    let variant = set.variantNumbers.isEmpty ? nil : set.variantNumbers[Int(next() % 2)]
    var answers: [String: SheetAnswer] = [:]
    for c in set.scorableCriteria {
        let allowed = c.allowedPoints(variant: c.hasVariants ? variant : nil)
        let p = allowed[Int(next() % UInt64(allowed.count))]
        answers[c.code] = SheetAnswer(points: p, variant: c.hasVariants && p != 0 ? variant : nil)
    }
    for c in set.scorableCriteria {
        if let cond = c.condition, (answers[cond.criterion]?.points ?? 0) < cond.minPoints { answers[c.code] = 0 }
    }
    work.append((k, ScoreSheet(label: "m\(i)", answers: answers)))
}

var checksum = 0
let start = DispatchTime.now().uptimeNanoseconds
for (k, sheet) in work {
    let result = try engines[k].rate([sheet])
    checksum &+= result.average.sum &+ (result.stars ?? 0)
}
let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
print("rated \(count) sheets in \(String(format: "%.3f", seconds)) s: \(Int(Double(count) / seconds)) sheets/s (checksum \(checksum))")
