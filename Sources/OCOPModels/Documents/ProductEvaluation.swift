import OCOPDomain

/// A member's total on one product.
public struct MemberTotal: Sendable, Codable, Hashable {
    public var member: String
    public var total: Int

    public init(member: String, total: Int) {
        self.member = member
        self.total = total
    }
}

/// A star-minimum marker the members' mean did not reach.
public struct UnmetMinimum: Sendable, Codable, Hashable {
    public var criterion: String
    public var title: String
    public var stars: Int
    public var required: Int
    public var mean: ExactMean

    public init(criterion: String, title: String, stars: Int, required: Int, mean: ExactMean) {
        self.criterion = criterion
        self.title = title
        self.stars = stars
        self.required = required
        self.mean = mean
    }
}

/// What the council proposes for a product.
public enum CouncilProposal: String, Sendable, Codable, Hashable {
    /// Recognise at the product's stars (3 or 4).
    case recognise
    /// ≥ 90 points: approve and propose to the Ministry for 5★.
    case proposeFiveStars
    /// The central council, ≥ 90 points: propose that the Minister recognise 5★ (Art. 7.4.e).
    case recommendFiveStars
    /// The central council, 3★ or 4★: back to the province, which may recognise on this result
    /// (Art. 7.4.g).
    case backToProvince
    /// Below 3★ or disqualified: no recognition, no certificate.
    case notRecognised
}

/// The council's result for one product, as printed in minutes and notices.
public struct ProductEvaluation: Sendable, Codable, Hashable {
    public var productName: String
    public var productCode: String
    public var producerName: String
    public var producerAddress: String?
    public var productSet: ProductSetLabel
    public var memberTotals: [MemberTotal]
    public var mean: ExactMean
    /// Highest minus lowest member total.
    public var spread: Int
    /// Stars by points alone.
    public var band: Int
    /// The result; `nil` when disqualified.
    public var stars: Int?
    public var unmetMinimums: [UnmetMinimum]
    /// Knock-out clauses that apply, quoted from the sheet.
    public var knockOuts: [String]
    public var proposal: CouncilProposal
    /// What the council discussed about this product (free text of the secretary).
    public var notes: [String]

    public init(productName: String, productCode: String, producerName: String, producerAddress: String? = nil,
                productSet: ProductSetLabel, memberTotals: [MemberTotal], mean: ExactMean, spread: Int, band: Int,
                stars: Int?, unmetMinimums: [UnmetMinimum] = [], knockOuts: [String] = [],
                proposal: CouncilProposal, notes: [String] = []) {
        self.productName = productName
        self.productCode = productCode
        self.producerName = producerName
        self.producerAddress = producerAddress
        self.productSet = productSet
        self.memberTotals = memberTotals
        self.mean = mean
        self.spread = spread
        self.band = band
        self.stars = stars
        self.unmetMinimums = unmetMinimums
        self.knockOuts = knockOuts
        self.proposal = proposal
        self.notes = notes
    }

    /// The facts of a rating engine result. Sheets are labelled by the member's code; `names` maps
    /// a label to the name printed (a label without an entry is printed as it is). `level` is the
    /// council's: what a result proposes depends on it.
    public init(productName: String, productCode: String, producerName: String, producerAddress: String? = nil,
                productSet: ProductSetLabel, result: RatingResult, level: CouncilLevel = .provincial, names: [String: String] = [:],
                notes: [String] = []) {
        let central = level == .central
        self.init(
            productName: productName, productCode: productCode, producerName: producerName,
            producerAddress: producerAddress, productSet: productSet,
            memberTotals: result.members.map { MemberTotal(member: names[$0.label] ?? $0.label, total: $0.total) },
            mean: result.average, spread: result.spread, band: result.band, stars: result.stars,
            unmetMinimums: result.unmetMinimums.map {
                UnmetMinimum(criterion: $0.criterion, title: $0.title, stars: $0.stars, required: $0.required, mean: $0.mean)
            },
            knockOuts: result.knockOuts.map(\.clause),
            proposal: result.proposedToCentral ? (central ? .recommendFiveStars : .proposeFiveStars)
                : result.recognised ? (central ? .backToProvince : .recognise) : .notRecognised,
            notes: notes
        )
    }
}
