/// One thing to draw, as the print helper (`ocop-print`) receives it: the document models are
/// plain values, so a job crosses the process boundary as JSON and renders to the same bytes.
public enum PrintJob: Sendable, Codable, Hashable {
    /// Certificates, one page each, in one PDF.
    case certificates([CertificateDocument])
    case decision(DecisionDocument)
    case minutes(MinutesDocument)
    case notice(NoticeDocument)
    case scoringSheet(ScoringSheetDocument)
    case revocation(RevocationDecisionDocument)
    case report(ReportDocument)
    case chartSVG(ChartDocument)
    case chartPNG(ChartDocument, dpi: Double)
    case chartPDF(ChartDocument)

    /// Units of progress the job reports: its pages for certificates, else one.
    public var units: Int {
        if case let .certificates(documents) = self { return documents.count }
        return 1
    }
}

/// What the print helper answers for a request whose rendering failed.
public enum PrintFailure: Sendable, Codable, Equatable {
    case document(DocumentError)
    /// The request itself could not be read (a helper of another version).
    case request(String)
}
