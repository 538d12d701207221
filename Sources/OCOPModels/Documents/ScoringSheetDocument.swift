import OCOPDomain

/// The header fields of a scoring sheet; a field left `nil` prints as a dotted line to fill by hand.
public struct SheetProductFields: Sendable, Codable, Hashable {
    public var productName: String?
    public var productCode: String?
    public var producerName: String?
    public var phone: String?
    public var address: String?

    public init(productName: String? = nil, productCode: String? = nil, producerName: String? = nil,
                phone: String? = nil, address: String? = nil) {
        self.productName = productName
        self.productCode = productCode
        self.producerName = producerName
        self.phone = phone
        self.address = address
    }
}

/// A member's filled sheet: the chosen options are marked ■ and the points are printed.
public struct FilledSheet: Sendable, Codable, Hashable {
    public var memberName: String
    public var sheet: ScoreSheet
    /// "Ý kiến của người đánh giá"; dotted lines when absent.
    public var comment: String?

    public init(memberName: String, sheet: ScoreSheet, comment: String? = nil) {
        self.memberName = memberName
        self.sheet = sheet
        self.comment = comment
    }
}

/// Phiếu đánh giá: a product set's sheet printed as QĐ 26 Phụ lục II prints it (documents.md §4.1).
public struct ScoringSheetDocument: Sendable, Codable, Hashable {
    public var language: Language
    public var productSet: ProductSet
    /// An optional line above the sheet (the decree prints none), e.g. the council's name.
    public var heading: String?
    public var product: SheetProductFields
    public var filled: FilledSheet?
    /// Place and date of the signature block; blank dots when absent.
    public var place: String?
    public var date: CalendarDate?
    public var layout: PageLayout
    public var auditLine: String?

    public init(language: Language = .vi, productSet: ProductSet, heading: String? = nil,
                product: SheetProductFields = SheetProductFields(), filled: FilledSheet? = nil, place: String? = nil,
                date: CalendarDate? = nil, layout: PageLayout = PageLayout(), auditLine: String? = nil) {
        self.language = language
        self.productSet = productSet
        self.heading = heading
        self.product = product
        self.filled = filled
        self.place = place
        self.date = date
        self.layout = layout
        self.auditLine = auditLine
    }
}
