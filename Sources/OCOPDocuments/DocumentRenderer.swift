import Foundation
import OCOPDomain
import OCOPModels

/// Renders document models to PDF (and charts to SVG and PNG), deterministically: the same
/// document gives the same bytes in any process. Text is set in Liberation Serif only, shaped by
/// pango. Safe to call from several threads: renders on one renderer take turns; separate
/// renderers run in parallel.
public final class DocumentRenderer: Sendable {
    private let fonts: FontSystem

    /// Finds Liberation Serif 2 (fonts-liberation2) through fontconfig.
    public init() throws {
        fonts = try FontSystem()
    }

    /// Uses the given font files (Regular, Italic, Bold, Bold Italic of one family).
    public init(fontFiles: [String]) throws {
        fonts = try FontSystem(files: fontFiles)
    }

    /// The font files in use.
    public var fontFiles: [String] { fonts.files }

    /// Giấy chứng nhận: one A4 portrait page.
    public func pdf(_ certificate: CertificateDocument) throws -> Data {
        try pdf(certificates: [certificate])
    }

    /// Many certificates in one PDF, one page each; `progress` is called with the number of pages done.
    public func pdf(certificates: [CertificateDocument], progress: (Int) -> Void = { _ in }) throws -> Data {
        guard !certificates.isEmpty else {
            throw DocumentError.invalidDocument(LocalizedText(vi: "Không có giấy chứng nhận nào để in.", en: "No certificates to print."))
        }
        return try fonts.withLock {
            let typesetter = Typesetter(fonts: fonts)
            let metadata = CertificateRenderer.metadata(certificates)
            let pdf = try PDFSurface(width: PageSetup.a4Width, height: PageSetup.a4Height, metadata: metadata)
            let canvas = Canvas(surface: pdf.surface, typesetter: typesetter)
            for (index, certificate) in certificates.enumerated() {
                try CertificateRenderer(document: certificate).draw(canvas)
                progress(index + 1)
            }
            try canvas.checkStatus()
            return try pdf.finish()
        }
    }

    /// Quyết định công nhận with its annexes.
    public func pdf(_ decision: DecisionDocument) throws -> Data {
        let renderer = DecisionRenderer(document: decision)
        try renderer.validate()
        return try flowed(renderer.metadata, footer: decision.auditLine, render: renderer.render)
    }

    /// Biên bản họp Hội đồng with its score-summary annex.
    public func pdf(_ minutes: MinutesDocument) throws -> Data {
        let renderer = MinutesRenderer(document: minutes)
        try renderer.validate()
        return try flowed(renderer.metadata, footer: minutes.auditLine, render: renderer.render)
    }

    /// Thông báo to a producer whose product is not recognised.
    public func pdf(_ notice: NoticeDocument) throws -> Data {
        let renderer = NoticeRenderer(document: notice)
        try renderer.validate()
        return try flowed(renderer.metadata, footer: nil, render: renderer.render)
    }

    /// Phiếu đánh giá, blank or filled by a member.
    public func pdf(_ sheet: ScoringSheetDocument) throws -> Data {
        let renderer = ScoringSheetRenderer(document: sheet)
        try renderer.validate()
        return try flowed(renderer.metadata, footer: sheet.auditLine, render: renderer.render)
    }

    /// Quyết định thu hồi giấy chứng nhận.
    public func pdf(_ revocation: RevocationDecisionDocument) throws -> Data {
        let renderer = RevocationRenderer(document: revocation)
        try renderer.validate()
        return try flowed(renderer.metadata, footer: revocation.auditLine, render: renderer.render)
    }

    /// The chart as SVG (sizes in points).
    public func svg(_ chart: ChartDocument) throws -> Data {
        let renderer = ChartRenderer(chart: chart)
        try renderer.validate()
        return try fonts.withLock {
            let surface = try SVGSurface(width: renderer.width, height: renderer.height)
            let canvas = Canvas(surface: surface.surface, typesetter: Typesetter(fonts: fonts))
            try renderer.draw(canvas)
            return SVGSurface.normalizingIdentifiers(try surface.finish())
        }
    }

    /// The chart as a PNG on white, at `dpi` pixels per inch.
    public func png(_ chart: ChartDocument, dpi: Double = 150) throws -> Data {
        let renderer = ChartRenderer(chart: chart)
        try renderer.validate()
        guard (36...1200).contains(dpi) else {
            throw DocumentError.invalidLayout(LocalizedText(vi: "Độ phân giải \(dpi) dpi không hợp lệ (36–1200).", en: "Resolution \(dpi) dpi is out of range (36–1200)."))
        }
        let scale = dpi / 72
        return try fonts.withLock {
            let image = try ImageSurface(pixelWidth: Int((renderer.width * scale).rounded()), pixelHeight: Int((renderer.height * scale).rounded()))
            let canvas = Canvas(surface: image.surface, typesetter: Typesetter(fonts: fonts))
            canvas.fillRect(x: 0, y: 0, width: renderer.width * scale, height: renderer.height * scale, color: RGBColor(red: 255, green: 255, blue: 255))
            canvas.scale(scale)
            try renderer.draw(canvas)
            return try image.png()
        }
    }

    /// The chart as a one-page PDF of the chart's size.
    public func pdf(_ chart: ChartDocument) throws -> Data {
        let renderer = ChartRenderer(chart: chart)
        try renderer.validate()
        return try fonts.withLock {
            let pdf = try PDFSurface(width: renderer.width, height: renderer.height, metadata: renderer.metadata)
            let canvas = Canvas(surface: pdf.surface, typesetter: Typesetter(fonts: fonts))
            try renderer.draw(canvas)
            cairoShowPage(canvas)
            return try pdf.finish()
        }
    }

    /// Runs a flowed document on fresh A4 pages.
    func flowed(_ metadata: PDFMetadata, footer: String?, render: (Flow) throws -> Void) throws -> Data {
        try fonts.withLock {
            let typesetter = Typesetter(fonts: fonts)
            let pdf = try PDFSurface(width: PageSetup.a4Width, height: PageSetup.a4Height, metadata: metadata)
            let canvas = Canvas(surface: pdf.surface, typesetter: typesetter)
            let flow = Flow(canvas: canvas, pdf: pdf, setup: PageSetup(landscape: false, margins: PageMargins()))
            try render(flow)
            try flow.finish(footer: footer)
            return try pdf.finish()
        }
    }
}

extension DocumentRenderer {
    /// Renders one job; `progress` is called with the units done within it (pages for certificates).
    public func render(_ job: PrintJob, progress: (Int) -> Void = { _ in }) throws -> Data {
        let data: Data
        switch job {
        case .certificates(let documents): return try pdf(certificates: documents, progress: progress)
        case .decision(let document): data = try pdf(document)
        case .minutes(let document): data = try pdf(document)
        case .notice(let document): data = try pdf(document)
        case .scoringSheet(let document): data = try pdf(document)
        case .revocation(let document): data = try pdf(document)
        case .report(let document): data = try pdf(document)
        case .chartSVG(let chart): data = try svg(chart)
        case .chartPNG(let chart, let dpi): data = try png(chart, dpi: dpi)
        case .chartPDF(let chart): data = try pdf(chart)
        }
        progress(1)
        return data
    }
}
