import OCOPDomain

/// A table of a report: header cells, rows, relative column widths.
public struct ReportTable: Sendable, Codable, Hashable {
    public var headers: [String]
    public var rows: [[String]]
    /// Relative widths, one per column (equal when empty).
    public var widths: [Double]
    /// Columns set flush right (counts, shares, points).
    public var numericColumns: [Int]

    public init(headers: [String], rows: [[String]], widths: [Double] = [], numericColumns: [Int] = []) {
        self.headers = headers
        self.rows = rows
        self.widths = widths
        self.numericColumns = numericColumns
    }
}

/// One block of a report, in reading order.
public enum ReportBlock: Sendable, Codable, Hashable {
    case heading(String)
    case paragraph(String)
    case table(ReportTable)
    case chart(ChartDocument)
}

/// A report printed as one PDF (A4 portrait): its title, the day it describes, paragraphs,
/// tables and charts drawn with the same stack as the documents.
public struct ReportDocument: Sendable, Codable, Hashable {
    public var language: Language
    public var title: String
    public var subtitle: String?
    /// The day the report describes (also the PDF's date).
    public var date: CalendarDate
    public var blocks: [ReportBlock]
    /// A small line at the foot of the last page (what produced it).
    public var footer: String?

    public init(language: Language, title: String, subtitle: String? = nil, date: CalendarDate, blocks: [ReportBlock], footer: String? = nil) {
        self.language = language
        self.title = title
        self.subtitle = subtitle
        self.date = date
        self.blocks = blocks
        self.footer = footer
    }
}
