import CCairoPango
import Foundation
import OCOPDomain
import OCOPModels

/// Collects what cairo writes.
private final class ByteSink {
    var data = Data()
}

private let writeToSink: cairo_write_func_t = { closure, bytes, length in
    guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
    Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
    return CAIRO_STATUS_SUCCESS
}

/// Fixed document properties of a PDF. Dates come from the document, never from the clock, so
/// the same document gives the same bytes.
struct PDFMetadata {
    var title: String
    var author: String
    var subject: String?
    var date: CalendarDate

    static let creator = "OCOP workbench"

    /// ISO 8601 at midnight, Vietnam time.
    var isoDate: String { date.iso + "T00:00:00+07:00" }
}

/// A PDF being written into memory.
final class PDFSurface {
    let surface: OpaquePointer
    private let sink = ByteSink()

    init(width: Double, height: Double, metadata: PDFMetadata) throws {
        guard let surface = cairo_pdf_surface_create_for_stream(writeToSink, Unmanaged.passUnretained(sink).toOpaque(), width, height) else {
            throw DocumentError.renderingFailed("cairo_pdf_surface_create_for_stream")
        }
        self.surface = surface
        try Self.check(surface)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, metadata.title.precomposedStringWithCanonicalMapping)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, metadata.author.precomposedStringWithCanonicalMapping)
        if let subject = metadata.subject {
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, subject.precomposedStringWithCanonicalMapping)
        }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, PDFMetadata.creator)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, metadata.isoDate)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, metadata.isoDate)
    }

    deinit { cairo_surface_destroy(surface) }

    /// Size of the next page; call before drawing on it.
    func setPageSize(width: Double, height: Double) {
        cairo_pdf_surface_set_size(surface, width, height)
    }

    /// Finishes the file and returns its bytes.
    func finish() throws -> Data {
        cairo_surface_finish(surface)
        try Self.check(surface)
        return sink.data
    }

    static func check(_ surface: OpaquePointer) throws {
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else { throw DocumentError.renderingFailed(String(cString: cairo_status_to_string(status))) }
    }
}

/// An SVG being written into memory.
final class SVGSurface {
    let surface: OpaquePointer
    private let sink = ByteSink()

    init(width: Double, height: Double) throws {
        guard let surface = cairo_svg_surface_create_for_stream(writeToSink, Unmanaged.passUnretained(sink).toOpaque(), width, height) else {
            throw DocumentError.renderingFailed("cairo_svg_surface_create_for_stream")
        }
        self.surface = surface
        try PDFSurface.check(surface)
        cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_1)
        cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT)
    }

    deinit { cairo_surface_destroy(surface) }

    func finish() throws -> Data {
        cairo_surface_finish(surface)
        try PDFSurface.check(surface)
        return sink.data
    }

    /// cairo names groups "surface<N>" after a process-wide counter, so the same drawing gets
    /// another name on every render; number them by first appearance instead.
    static func normalizingIdentifiers(_ svg: Data) -> Data {
        let text = String(decoding: svg, as: UTF8.self)
        guard let pattern = try? NSRegularExpression(pattern: "surface([0-9]+)") else { return svg }
        var names: [String: String] = [:]
        var result = ""
        var last = text.startIndex
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range, in: text), let number = Range(match.range(at: 1), in: text) else { continue }
            let original = String(text[number])
            let renamed = names[original] ?? "\(names.count + 1)"
            names[original] = renamed
            result += text[last..<range.lowerBound] + "surface" + renamed
            last = range.upperBound
        }
        result += text[last...]
        return Data(result.utf8)
    }
}

/// A raster image, written out as PNG.
final class ImageSurface {
    let surface: OpaquePointer

    init(pixelWidth: Int, pixelHeight: Int) throws {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(pixelWidth), Int32(pixelHeight)) else {
            throw DocumentError.renderingFailed("cairo_image_surface_create")
        }
        self.surface = surface
        try PDFSurface.check(surface)
    }

    deinit { cairo_surface_destroy(surface) }

    func png() throws -> Data {
        cairo_surface_flush(surface)
        let sink = ByteSink()
        let status = cairo_surface_write_to_png_stream(surface, writeToSink, Unmanaged.passUnretained(sink).toOpaque())
        guard status == CAIRO_STATUS_SUCCESS else { throw DocumentError.renderingFailed(String(cString: cairo_status_to_string(status))) }
        return sink.data
    }
}
