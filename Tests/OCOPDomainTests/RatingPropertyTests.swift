import OCOPDomain
import PropertyBased
import Testing

@Suite struct RatingPropertyTests {
    @Test func resultNeverExceedsTheBand() async {
        await propertyCheck(count: 300, input: Gen.int(in: 1...26), Gen.int(in: 1...7), Gen.uint64()) { number, n, seed in
            var rng = SplitMix(seed: seed)
            let set = allSets[number - 1]
            let sheets = (0..<n).map { set.randomSheet(using: &rng, label: "m\($0)") }
            let r = try! RatingEngine(productSet: set).rate(sheets)
            #expect(r.stars! <= r.band)
            #expect(r.average.isAtLeast(r.bands(set).min) )
        }
    }

    @Test func raisingOneAnswerNeverLowersTheAverage() async {
        await propertyCheck(count: 300, input: Gen.int(in: 1...26), Gen.uint64()) { number, seed in
            var rng = SplitMix(seed: seed)
            let set = allSets[number - 1]
            let e = RatingEngine(productSet: set)
            var sheets = (0..<3).map { set.randomSheet(using: &rng, label: "m\($0)") }
            let before = try! e.rate(sheets)
            let k = Int.random(in: 0..<3, using: &rng)
            let c = set.scorableCriteria.randomElement(using: &rng)!
            let current = sheets[k].answers[c.code]!
            let variant = current.variant ?? sheets[k].variant ?? set.variantNumbers.first
            guard let higher = c.allowedPoints(variant: c.hasVariants ? variant : nil).filter({ $0 > current.points }).first,
                  c.condition.map({ (sheets[k].answers[$0.criterion]?.points ?? 0) >= $0.minPoints }) ?? true
            else { return }
            sheets[k].answers[c.code] = SheetAnswer(points: higher, variant: c.hasVariants ? variant : nil)
            if c.hasVariants { for code in sheets[k].answers.keys where sheets[k].answers[code]!.variant != nil {
                sheets[k].answers[code]!.variant = variant } }
            let after = try! e.rate(sheets)
            #expect(after.average.sum >= before.average.sum)
            #expect(after.band >= before.band)
        }
    }

    @Test func memberOrderNeverMatters() async {
        await propertyCheck(count: 200, input: Gen.int(in: 1...26), Gen.int(in: 2...7), Gen.uint64()) { number, n, seed in
            var rng = SplitMix(seed: seed)
            let set = allSets[number - 1]
            let e = RatingEngine(productSet: set)
            let sheets = (0..<n).map { set.randomSheet(using: &rng, label: "m\($0)") }
            let a = try! e.rate(sheets)
            let b = try! e.rate(sheets.shuffled(using: &rng))
            #expect(a.average == b.average && a.band == b.band && a.stars == b.stars && a.spread == b.spread)
            #expect(Set(a.unmetMinimums.map(\.criterion)) == Set(b.unmetMinimums.map(\.criterion)))
            #expect(Set(a.members) == Set(b.members))
        }
    }
}

extension RatingResult {
    fileprivate func bands(_ set: ProductSet) -> (min: Int, max: Int) {
        let b = set.bands.first { $0.stars == band }!
        return (b.minPoints, 100)
    }
}
