/// Everything `RatingEngine` needs that depends only on the product set, compiled once per engine:
/// criterion index tables (a packed-code hash table, so ordinary codes are found without hashing a
/// String), allowed-point bitsets per tourism case, condition links, sorted markers with their
/// code and short title, sorted bands and a per-part template of `MemberScore.parts`.
///
/// `isValid` is the fast check used for every sheet; `problems(of:)` is the reference validation,
/// run only for sheets that `isValid` rejects, so problems keep their exact wording and order.
final class RatingPlan: Sendable {
    struct Slot: Sendable {
        /// Index into `parts`.
        var part: Int
        /// Index of the condition's criterion, or -1.
        var condition: Int
        var conditionMin: Int
        var hasVariants: Bool
        /// Bit p set when p points are allowed: any case, case 1, case 2.
        var allowedAny: UInt64
        var allowed1: UInt64
        var allowed2: UInt64
    }

    struct Marker: Sendable {
        var criterion: Int
        var stars: Int
        var points: Int
        /// `1 << stars` (0 when out of range).
        var starsBit: UInt64
        var code: String
        var title: String
    }

    let criteria: [Criterion]
    let count: Int
    let slots: [Slot]
    let parts: [PartCode]
    let variantNumbers: [Int]
    let markers: [Marker]
    /// Highest threshold first.
    let bands: [StarBand]
    /// Every part code with 0 points; `partSlots[k]` is where `parts[k]` lives in it.
    let partTemplate: [PartCode: Int]
    let partSlots: [Dictionary<PartCode, Int>.Index]

    /// Code → scorable index (the last criterion of a code, like a dictionary built in order).
    private let index: [String: Int]
    /// Open-addressing table of codes of up to 7 UTF-8 bytes, packed with their length.
    private let keys: [UInt64]
    private let values: [Int]
    private let shift: UInt64
    private let mask: Int
    private static let empty = UInt64.max

    /// Headings (non-scorable nodes) → their scorable sub-criteria, for `notScorable`.
    private let headings: [String: [String]]
    /// Every node by code (the first in sheet order, like `ProductSet.criterion(_:)`).
    private let allNodes: [String: Criterion]

    init(_ productSet: ProductSet) {
        let criteria = productSet.scorableCriteria
        self.criteria = criteria
        count = criteria.count
        var index: [String: Int] = [:]
        for (i, c) in criteria.enumerated() { index[c.code] = i }
        self.index = index

        var size = 8
        while size < 4 * criteria.count { size *= 2 }
        var keys = [UInt64](repeating: Self.empty, count: size)
        var values = [Int](repeating: -1, count: size)
        let shift = UInt64(64 - size.trailingZeroBitCount)
        for (code, i) in index {
            guard let key = Self.pack(code) else { continue }
            var h = Self.bucket(key, shift: shift)
            while keys[h] != Self.empty && keys[h] != key { h = (h + 1) & (size - 1) }
            keys[h] = key
            values[h] = i
        }
        self.keys = keys
        self.values = values
        self.shift = shift
        mask = size - 1

        let parts = productSet.parts.map(\.code)
        self.parts = parts
        func bits(_ points: [Int]) -> UInt64 { points.reduce(0) { $0 | (1 << UInt64($1 & 63)) } }
        slots = criteria.map { c in
            Slot(part: parts.firstIndex(of: c.part) ?? 0,
                 condition: c.condition.flatMap { index[$0.criterion] } ?? -1,
                 conditionMin: c.condition?.minPoints ?? 0,
                 hasVariants: c.hasVariants,
                 allowedAny: bits(c.allowedPoints()),
                 allowed1: bits(c.allowedPoints(variant: 1)),
                 allowed2: bits(c.allowedPoints(variant: 2)))
        }
        variantNumbers = productSet.variantNumbers
        markers = productSet.starMarkers.compactMap { m in
            index[m.criterion].map { (criterion: $0, stars: m.stars, points: m.points) }
        }.sorted { ($0.stars, $0.criterion) < ($1.stars, $1.criterion) }.map { m in
            Marker(criterion: m.criterion, stars: m.stars, points: m.points,
                   starsBit: (0..<64).contains(m.stars) ? 1 << UInt64(m.stars) : 0,
                   code: criteria[m.criterion].code, title: criteria[m.criterion].shortTitle)
        }
        bands = productSet.bands.sorted { $0.minPoints > $1.minPoints }

        var template: [PartCode: Int] = [:]
        for part in parts { template[part] = 0 }
        partTemplate = template
        partSlots = parts.map { template.index(forKey: $0)! }

        var headings: [String: [String]] = [:]
        var allNodes: [String: Criterion] = [:]
        for c in productSet.allCriteria {
            if !c.isScorable { headings[c.code] = c.flattened.filter(\.isScorable).map(\.code) }
            if allNodes[c.code] == nil { allNodes[c.code] = c }
        }
        self.headings = headings
        self.allNodes = allNodes
    }

    func anyCriterion(_ code: String) -> Criterion? { allNodes[code] }

    /// A code of at most 7 UTF-8 bytes as one integer (bytes little-endian, length in the top byte).
    @inline(never)  // measured: cheaper out of line than inlined into `isValid`
    private static func pack(_ code: String) -> UInt64? {
        code.utf8.withContiguousStorageIfAvailable { bytes -> UInt64? in
            let n = bytes.count
            guard n <= 7 else { return nil }
            var key = UInt64(truncatingIfNeeded: n) << 56
            for j in 0..<n { key |= UInt64(bytes[j]) << UInt64(truncatingIfNeeded: j &* 8) }
            return key
        } ?? nil
    }

    @inline(__always)
    private static func bucket(_ key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The scorable index of `code`, or nil.
    @inline(__always)
    func lookup(_ code: String) -> Int? {
        guard let key = Self.pack(code) else { return index[code] }
        return keys.withUnsafeBufferPointer { keys in
            var h = Self.bucket(key, shift: shift)
            while true {
                let k = keys[h]
                if k == key { return values[h] }
                if k == Self.empty { return nil }
                h = (h + 1) & mask
            }
        }
    }

    @inline(__always)
    private func allowedBits(_ slot: Slot, criterion i: Int, variant: Int) -> UInt64 {
        switch variant {
        case 0: slot.allowedAny
        case 1: slot.allowed1
        case 2: slot.allowed2
        default: criteria[i].allowedPoints(variant: variant).reduce(0) { $0 | (1 << UInt64($1 & 63)) }
        }
    }

    /// `true` exactly when `problems(of: sheet)` is empty; then `points[0..<count]` holds the
    /// sheet's points (0 for conditional criteria left out). `seen` and `answerVariant` are scratch.
    func isValid(_ sheet: ScoreSheet, points: UnsafeMutablePointer<Int>, seen: UnsafeMutablePointer<Bool>,
                 answerVariant: UnsafeMutablePointer<Int>) -> Bool
    {
        let c = count
        points.update(repeating: 0, count: c)
        seen.update(repeating: false, count: c)
        answerVariant.update(repeating: 0, count: c)
        return slots.withUnsafeBufferPointer { slots -> Bool in
            var named: Int? = nil
            for (code, answer) in sheet.answers {
                guard let i = lookup(code) else { return false }
                seen[i] = true
                points[i] = answer.points
                if let v = answer.variant {
                    if !slots[i].hasVariants || !variantNumbers.contains(v) { return false }
                    answerVariant[i] = v
                    if let n = named, n != v { return false }  // conflicting cases
                    named = v
                }
            }
            for i in 0..<c {
                let slot = slots[i]
                if !seen[i] {
                    // A conditional criterion whose condition is false may be left out.
                    if slot.condition >= 0, points[slot.condition] < slot.conditionMin { continue }
                    return false
                }
                let p = points[i]
                var variant = 0
                if slot.hasVariants, p != 0 {
                    variant = answerVariant[i] != 0 ? answerVariant[i] : named ?? 0
                    if variant == 0 { return false }
                }
                if p < 0 || p > 63 || allowedBits(slot, criterion: i, variant: variant) & (1 << UInt64(p)) == 0 {
                    return false
                }
                if slot.condition >= 0, p != 0, points[slot.condition] < slot.conditionMin { return false }
            }
            return true
        }
    }

    /// Every problem of one sheet (the reference validation).
    func problems(of sheet: ScoreSheet) -> [SheetProblem] {
        var points = [Int](repeating: 0, count: count)
        var problems: [SheetProblem] = []
        func add(_ kind: SheetProblem.Kind) { problems.append(SheetProblem(sheet: sheet.label, kind: kind)) }
        var seen = [Bool](repeating: false, count: count)
        var answerVariant = [Int](repeating: 0, count: count)
        var named: Int? = nil
        var conflicting = false
        for (code, answer) in sheet.answers {
            guard let i = index[code] else {
                if let subs = headings[code] { add(.notScorable(code: code, subcriteria: subs)) }
                else { add(.unknownCriterion(code: code)) }
                continue
            }
            seen[i] = true
            points[i] = answer.points
            if let v = answer.variant {
                if !slots[i].hasVariants { add(.variantNotApplicable(code: code)); continue }
                if !variantNumbers.contains(v) {
                    add(.unknownVariant(code: code, variant: v, known: variantNumbers))
                    continue
                }
                answerVariant[i] = v
                if let n = named, n != v { conflicting = true } else { named = v }
            }
        }
        // Dictionary order is random: sort the per-answer problems so output is stable.
        if problems.count > 1 { problems.sort { "\($0.kind)" < "\($1.kind)" } }
        if conflicting {
            add(.conflictingVariants(variants: Set(sheet.answers.values.compactMap(\.variant)).sorted()))
        }
        for i in criteria.indices {
            let code = criteria[i].code
            let slot = slots[i]
            if !seen[i] {
                // A conditional criterion whose condition is false may be left out.
                let c = slot.condition
                if c >= 0, points[c] < slot.conditionMin { continue }
                add(.missingCriterion(code: code))
                continue
            }
            let p = points[i]
            var variant = 0
            if slot.hasVariants, p != 0 {
                variant = answerVariant[i] != 0 ? answerVariant[i] : (conflicting ? 0 : named ?? 0)
                if variant == 0 {
                    add(.variantMissing(code: code))
                    continue
                }
            }
            if p < 0 || p > 63 || allowedBits(slot, criterion: i, variant: variant) & (1 << UInt64(p)) == 0 {
                add(.pointsNotAnOption(code: code, points: p,
                                       allowed: criteria[i].allowedPoints(variant: variant == 0 ? nil : variant)))
                continue
            }
            let c = slot.condition
            if c >= 0, p != 0, points[c] < slot.conditionMin {
                add(.conditionNotMet(code: code, condition: criteria[c].code, conditionPoints: points[c]))
            }
        }
        return problems
    }
}
