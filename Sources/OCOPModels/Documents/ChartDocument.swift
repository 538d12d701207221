import OCOPDomain

/// An exact decimal for charts: `units` × 10^-`decimals` (7013, 2 → 70.13). No binary floating point
/// in what is printed.
public struct ChartNumber: Sendable, Codable, Hashable {
    public var units: Int
    public var decimals: Int

    public init(units: Int, decimals: Int) {
        self.units = units
        self.decimals = decimals
    }

    public init(_ integer: Int) {
        self.init(units: integer, decimals: 0)
    }

    /// A council mean, to two decimals.
    public init(_ mean: ExactMean) {
        self.init(units: mean.hundredths, decimals: 2)
    }
}

public struct ChartSeries: Sendable, Codable, Hashable {
    public var name: String
    /// One value per category.
    public var values: [ChartNumber]

    public init(name: String, values: [ChartNumber]) {
        self.name = name
        self.values = values
    }
}

/// Vertical bars, one group per category, one bar per series.
public struct BarChart: Sendable, Codable, Hashable {
    public var categories: [String]
    public var series: [ChartSeries]
    public var valueAxisLabel: String?
    public var showsValues: Bool

    public init(categories: [String], series: [ChartSeries], valueAxisLabel: String? = nil, showsValues: Bool = true) {
        self.categories = categories
        self.series = series
        self.valueAxisLabel = valueAxisLabel
        self.showsValues = showsValues
    }
}

public struct ShareSlice: Sendable, Codable, Hashable {
    public var label: String
    public var value: ChartNumber

    public init(label: String, value: ChartNumber) {
        self.label = label
        self.value = value
    }
}

/// Parts of a whole.
public struct ShareChart: Sendable, Codable, Hashable {
    public enum Style: String, Sendable, Codable, Hashable {
        case pie
        case donut
        /// One horizontal bar split 100 %.
        case bar
    }

    public var style: Style
    public var slices: [ShareSlice]
    public var showsPercentages: Bool

    public init(style: Style = .donut, slices: [ShareSlice], showsPercentages: Bool = true) {
        self.style = style
        self.slices = slices
        self.showsPercentages = showsPercentages
    }
}

/// A chart for reports, rendered to SVG, PNG or a PDF page of the chart's size.
public struct ChartDocument: Sendable, Codable, Hashable {
    public enum Kind: Sendable, Codable, Hashable {
        case bar(BarChart)
        case share(ShareChart)
    }

    public var language: Language
    public var title: String
    public var subtitle: String?
    public var kind: Kind
    /// Size in millimetres.
    public var width: Double
    public var height: Double
    /// The report date, used for the PDF metadata.
    public var date: CalendarDate?

    public init(language: Language = .vi, title: String, subtitle: String? = nil, kind: Kind, width: Double = 160,
                height: Double = 100, date: CalendarDate? = nil) {
        self.language = language
        self.title = title
        self.subtitle = subtitle
        self.kind = kind
        self.width = width
        self.height = height
        self.date = date
    }
}
