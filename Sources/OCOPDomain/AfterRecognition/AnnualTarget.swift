/// A province's annual target (chỉ tiêu kế hoạch): at least `products` new products recognised
/// at 3★ or more in `year` — the seed report's "Có 49 sản phẩm/chỉ tiêu kế hoạch 32 sản phẩm,
/// đạt 153% kế hoạch" and "Phấn đấu có thêm tối thiểu 20 sản phẩm đạt OCOP cấp tỉnh".
public struct AnnualTarget: Sendable, Hashable, Codable {
    public var provinceCode: ProvinceCode
    public var year: Int
    public var products: Int
    /// The plan or resolution that sets it ("Kế hoạch số 58/KH-UBND").
    public var basis: String?
    public var note: String?

    public init(provinceCode: ProvinceCode, year: Int, products: Int, basis: String? = nil, note: String? = nil) {
        self.provinceCode = provinceCode
        self.year = year
        self.products = products
        self.basis = basis
        self.note = note
    }

    public static let maxProducts = 100_000

    /// Checked and normalised: a year of the programme (up to next year: a plan is set ahead),
    /// a positive number of products.
    public func validated(today: CalendarDate) throws(DomainError) -> AnnualTarget {
        var out = self
        out.year = try Validate.year(year, today: today)
        guard (1...Self.maxProducts).contains(products) else {
            throw .invalidValue(field: "products", value: String(products), reason: LocalizedText(
                vi: "số sản phẩm từ 1 đến \(Self.maxProducts).", en: "a number of products from 1 to \(Self.maxProducts)."))
        }
        out.basis = try Validate.optionalText(basis, field: "basis", limit: FieldLimit.name)
        out.note = try Validate.optionalText(note, field: "note", limit: FieldLimit.note, multiline: true)
        return out
    }

    /// Whether `other` records the same target (a repeated `target set` is already recorded).
    public func sameFacts(as other: AnnualTarget) -> Bool {
        products == other.products && basis == other.basis && note == other.note
    }
}
