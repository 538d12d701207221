import Foundation
import OCOPDocuments
import OCOPDomain
import OCOPModels
import OCOPRubrics
import Testing

/// The package root, found from this file (tests never depend on the working directory).
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let goldenDirectory = packageRoot.appendingPathComponent("Tests/OCOPDocumentsTests/Golden", isDirectory: true)
let pictureDirectory = packageRoot.appendingPathComponent("docs/documents", isDirectory: true)

/// `OCOP_UPDATE_GOLDEN=1` rewrites the text goldens and the PNG pictures instead of comparing.
let updatingGoldens = ProcessInfo.processInfo.environment["OCOP_UPDATE_GOLDEN"] == "1"

/// One renderer for the suite; renders on it take turns.
let renderer: DocumentRenderer = {
    do { return try DocumentRenderer() } catch { fatalError((error as? DocumentError)?.message(.en) ?? "\(error)") }
}()

let catalog: RubricCatalog = {
    do { return try RubricCatalog.load(from: packageRoot.appendingPathComponent("scoring", isDirectory: true)) } catch {
        fatalError((error as? RubricError)?.message(.en) ?? "\(error)")
    }
}()

let allSets: [ProductSet] = (1...26).map { try! catalog.productSet($0) }

struct ToolResult {
    var status: Int32
    var out: Data
    var err: String
    var text: String { String(decoding: out, as: UTF8.self) }
}

/// Runs a program from PATH with output in temporary files.
func run(_ tool: String, _ arguments: [String]) throws -> ToolResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("ocop-doc-\(UUID().uuidString)")
    let outURL = base.appendingPathExtension("out"), errURL = base.appendingPathExtension("err")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    defer {
        try? FileManager.default.removeItem(at: outURL)
        try? FileManager.default.removeItem(at: errURL)
    }
    let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    return ToolResult(status: process.terminationStatus, out: try Data(contentsOf: outURL),
                      err: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
}

/// A scratch directory removed when the closure returns.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ocop-doc-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory)
}

/// What poppler reads from a PDF.
struct PDFInspection {
    var pages: Int
    /// `pdftotext -layout`, page breaks as form feeds.
    var text: String
    /// Font names from `pdffonts`, with their embedded/subset flags.
    var fonts: [(name: String, embedded: Bool, subset: Bool)]
    var pageTexts: [String] { text.components(separatedBy: "\u{0C}").dropLast().map { $0 } }
}

func inspect(_ pdf: Data) throws -> PDFInspection {
    try withTemporaryDirectory { dir in
        let file = dir.appendingPathComponent("doc.pdf")
        try pdf.write(to: file)
        let text = try run("pdftotext", ["-layout", "-enc", "UTF-8", file.path, "-"])
        #expect(text.status == 0, "pdftotext: \(text.err)")
        let info = try run("pdfinfo", [file.path])
        let pages = info.text.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) } ?? 0
        let fontsResult = try run("pdffonts", [file.path])
        #expect(fontsResult.status == 0, "pdffonts: \(fontsResult.err)")
        // Columns: name type encoding emb sub uni object ID; the type may contain a space.
        let fonts = fontsResult.text.split(separator: "\n").dropFirst(2).map { line -> (String, Bool, Bool) in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            let n = fields.count
            return (String(fields[0]), fields[n - 5] == "yes", fields[n - 4] == "yes")
        }
        return PDFInspection(pages: pages, text: text.text, fonts: fonts)
    }
}

/// Every font embedded, subset, and one of the four Liberation Serif faces: no fallback font.
func expectOnlyLiberationSerif(_ inspection: PDFInspection, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!inspection.fonts.isEmpty, sourceLocation: sourceLocation)
    let faces: Set<String> = ["LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic", "LiberationSerif-BoldItalic"]
    for font in inspection.fonts {
        let face = font.name.split(separator: "+").last.map(String.init) ?? font.name
        #expect(faces.contains(face), "unexpected font \(font.name)", sourceLocation: sourceLocation)
        #expect(font.embedded && font.subset, "\(font.name) not an embedded subset", sourceLocation: sourceLocation)
    }
}

/// Compares `text` with `Golden/<name>.txt` (or rewrites it when updating).
func expectGolden(_ name: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let file = goldenDirectory.appendingPathComponent("\(name).txt")
    // Trailing spaces of -layout lines carry no meaning and upset editors.
    let normalized = text.split(separator: "\n", omittingEmptySubsequences: false)
        .map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
        .joined(separator: "\n")
    if updatingGoldens {
        try FileManager.default.createDirectory(at: goldenDirectory, withIntermediateDirectories: true)
        try normalized.write(to: file, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("missing golden \(file.lastPathComponent); run OCOP_UPDATE_GOLDEN=1 swift test --skip-build --filter OCOPDocumentsTests",
                     sourceLocation: sourceLocation)
        return
    }
    #expect(normalized == expected, "text of \(name) differs from its golden", sourceLocation: sourceLocation)
}

/// Renders every page with `pdftoppm -png`; when updating, stores them (or the 1-based `pages`)
/// as `docs/documents/<name>-<page>.png`.
@discardableResult
func renderPictures(_ name: String, _ pdf: Data, dpi: Int = 100, store: Bool = true, pages stored: [Int]? = nil) throws -> [Data] {
    // OCOP_DOCUMENTS_PDF_DIR keeps the PDFs for a closer look.
    if let keep = ProcessInfo.processInfo.environment["OCOP_DOCUMENTS_PDF_DIR"] {
        try pdf.write(to: URL(fileURLWithPath: keep).appendingPathComponent("\(name).pdf"))
    }
    return try withTemporaryDirectory { dir in
        let file = dir.appendingPathComponent("doc.pdf")
        try pdf.write(to: file)
        let result = try run("pdftoppm", ["-png", "-r", "\(dpi)", file.path, dir.appendingPathComponent("page").path])
        #expect(result.status == 0, "pdftoppm: \(result.err)")
        let pages = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".png") }.sorted {
            $0.count != $1.count ? $0.count < $1.count : $0 < $1
        }
        let images = try pages.map { try Data(contentsOf: dir.appendingPathComponent($0)) }
        if updatingGoldens, store {
            try FileManager.default.createDirectory(at: pictureDirectory, withIntermediateDirectories: true)
            for old in try FileManager.default.contentsOfDirectory(atPath: pictureDirectory.path)
            where old.hasPrefix("\(name)-") && old.hasSuffix(".png") && Int(old.dropFirst(name.count + 1).dropLast(4)) != nil {
                try FileManager.default.removeItem(at: pictureDirectory.appendingPathComponent(old))
            }
            for (i, image) in images.enumerated() where stored?.contains(i + 1) ?? true {
                try image.write(to: pictureDirectory.appendingPathComponent("\(name)-\(i + 1).png"))
            }
        }
        return images
    }
}

/// The text as NFC, the way every rendered text must come back.
func isNFC(_ text: String) -> Bool {
    text.unicodeScalars.elementsEqual(text.precomposedStringWithCanonicalMapping.unicodeScalars)
}
