/// A change an upgrade (or re-evaluation) dossier claims against the recognised product, on one
/// criterion of the sheet (Art. 7.5; Mẫu 02 shows "thay đổi so với sản phẩm đã được công nhận"
/// with evidence): the option the product now earns, what changed, and the evidence.
public struct UpgradeClaim: Sendable, Hashable, Codable {
    public var criterion: String
    /// The points of the option the producer claims the product now earns.
    public var claimedPoints: Int
    /// What changed, in the producer's words.
    public var change: String
    /// Evidence: contract numbers, certificates, test reports.
    public var evidence: [String]

    public static let maxEvidence = 20

    public init(criterion: String, claimedPoints: Int, change: String, evidence: [String] = []) {
        self.criterion = criterion
        self.claimedPoints = claimedPoints
        self.change = change
        self.evidence = evidence
    }

    /// The claim checked against the dossier's product set: a scorable criterion, one of its
    /// options' points, a described change, evidence items of reasonable length.
    public func validated(in productSet: ProductSet) throws(DomainError) -> UpgradeClaim {
        let code = criterion.trimmingCharacters(in: .whitespaces)
        guard let c = productSet.scorableCriteria.first(where: { $0.code == code }) else {
            throw .invalidValue(field: "criterion", value: criterion, reason: LocalizedText(
                vi: "không phải tiêu chí được chấm của bộ \(productSet.number) (vd. \(productSet.scorableCriteria.prefix(3).map(\.code).joined(separator: ", "))).",
                en: "is not a scored criterion of set \(productSet.number) (e.g. \(productSet.scorableCriteria.prefix(3).map(\.code).joined(separator: ", ")))."))
        }
        let allowed = Array(Set(c.allowedPoints() + c.variants.flatMap { c.allowedPoints(variant: $0.number) })).sorted()
        guard allowed.contains(claimedPoints) else {
            throw .invalidValue(field: "claimed_points", value: String(claimedPoints), reason: LocalizedText(
                vi: "tiêu chí \(c.code) (\(c.title)) có các mức: \(allowed.map(String.init).joined(separator: ", ")) điểm.",
                en: "criterion \(c.code) (\(c.title)) has the levels \(allowed.map(String.init).joined(separator: ", ")) points."))
        }
        guard evidence.count <= Self.maxEvidence else {
            throw .invalidValue(field: "evidence", value: String(evidence.count), reason: LocalizedText(
                vi: "tối đa \(Self.maxEvidence) minh chứng cho một tiêu chí.", en: "at most \(Self.maxEvidence) pieces of evidence per criterion."))
        }
        var out = self
        out.criterion = c.code
        out.change = try Validate.text(change, field: "change", limit: FieldLimit.note, multiline: true)
        out.evidence = []
        for item in evidence {
            out.evidence.append(try Validate.text(item, field: "evidence", limit: FieldLimit.name))
        }
        return out
    }
}
