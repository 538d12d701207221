extension ProductSet {
    /// The lowest points each marked criterion needs for every ★ minimum up to `stars`.
    public func starMinimumFloors(upTo stars: Int = 5) -> [String: Int] {
        var floors: [String: Int] = [:]
        for m in starMarkers where m.stars <= stars { floors[m.criterion] = max(floors[m.criterion] ?? 0, m.points) }
        return floors
    }

    /// A valid sheet with exactly `total` points, or `nil` if none exists: every answer is an
    /// option of its criterion, at least `floors[code]` and below `below[code]`, conditions are
    /// kept true, and the tourism sets use their first case. For demos, tests and benchmarks.
    /// `preferringHigherOptions` picks high answers first, so the sheet has few zeros.
    public func sheet(
        totalling total: Int, floors: [String: Int] = [:], below: [String: Int] = [:],
        preferringHigherOptions: Bool = false, label: String = "m"
    ) -> ScoreSheet? {
        guard (0...100).contains(total) else { return nil }
        let variant = variantNumbers.first
        let criteria = scorableCriteria
        var floors = floors
        for c in criteria { if let condition = c.condition { floors[condition.criterion] = max(floors[condition.criterion] ?? 0, condition.minPoints) } }
        // reachable[i][s]: the first i criteria can sum to s; the choice is kept for backtracking.
        var reachable = [[Int?]](repeating: [Int?](repeating: nil, count: 101), count: criteria.count + 1)
        reachable[0][0] = 0
        for (i, c) in criteria.enumerated() {
            var options = c.allowedPoints(variant: c.hasVariants ? variant : nil)
                .filter { $0 >= (floors[c.code] ?? 0) && $0 < (below[c.code] ?? Int.max) }
            if preferringHigherOptions { options.reverse() }
            for s in 0...100 where reachable[i][s] != nil {
                for p in options where s + p <= 100 && reachable[i + 1][s + p] == nil { reachable[i + 1][s + p] = p }
            }
        }
        guard reachable[criteria.count][total] != nil else { return nil }
        var answers: [String: SheetAnswer] = [:]
        var s = total
        for i in stride(from: criteria.count, to: 0, by: -1) {
            let p = reachable[i][s]!
            let c = criteria[i - 1]
            answers[c.code] = SheetAnswer(points: p, variant: c.hasVariants && p != 0 ? variant : nil)
            s -= p
        }
        return ScoreSheet(label: label, answers: answers)
    }
}
