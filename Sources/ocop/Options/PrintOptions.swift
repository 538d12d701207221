import ArgumentParser
import Foundation
import OCOPApp
import OCOPDomain

/// `--output FILE`: where a PDF goes. Without it, a file named after the document in the current
/// folder; `-` writes to standard output, which must not be a terminal.
struct PDFOutputOption: ParsableArguments {
    @Option(name: .customLong("output"), help: ArgumentHelp(
        L("Tệp PDF để ghi (mặc định: tên theo văn bản, trong thư mục hiện tại); - ghi ra đầu ra chuẩn khi đó không phải màn hình.",
          "The PDF file to write (default: named after the document, in the current folder); - writes to standard output when that is not a terminal."),
        valueName: L("tệp", "file")))
    var path: String?

    /// Refuses, before any work is done, an output that cannot take a PDF: a folder, or a terminal.
    func check() throws {
        guard let path else { return }
        if path == "-" {
            guard isatty(STDOUT_FILENO) != 1 else { throw PrintingError.binaryToTerminal }
            return
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { throw AppError.notAFile(path) }
    }

    /// Writes `pdf` and says where on standard output (nothing is said when the PDF itself goes there).
    func write(_ pdf: Data, defaultName: String, _ language: Language) throws {
        try PDFFile.write(pdf, to: path, defaultName: defaultName, language)
    }
}

/// `--key-file FILE`: sign with this private key instead of the recorded key found in the key folder.
struct KeyFileOption: ParsableArguments {
    @Option(name: .customLong("key-file"), help: ArgumentHelp(
        L("Tệp khóa bí mật để ký (mặc định: khóa đã ghi nhận còn dùng được, có tệp trong $OCOP_HOME/keys).",
          "The private key file to sign with (default: a recorded key in service whose file is in $OCOP_HOME/keys)."),
        valueName: L("tệp", "file")))
    var path: String?
}

enum PDFFile {
    /// Writes `pdf` to `path` (or `defaultName` in the current folder) through a temporary file,
    /// then reports the file, its pages and size; `-` streams it to a non-terminal standard output.
    static func write(_ pdf: Data, to path: String?, defaultName: String, _ language: Language) throws {
        if path == "-" {
            guard isatty(STDOUT_FILENO) != 1 else { throw PrintingError.binaryToTerminal }
            FileHandle.standardOutput.write(pdf)
            return
        }
        let target = path ?? defaultName
        let url = URL(fileURLWithPath: target)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue { throw AppError.notAFile(target) }
        do {
            try pdf.write(to: url, options: .atomic)
        } catch {
            throw AppError.fileUnreadable(path: target, reason: (error as NSError).localizedFailureReason ?? error.localizedDescription)
        }
        Output.write(written(target, pdf, language))
    }

    /// "Đã ghi GCN-24-2026-0001.pdf (1 trang, 76 KB)."
    static func written(_ path: String, _ pdf: Data, _ language: Language) -> String {
        let pages = pageCount(pdf).map { language == .vi ? "\($0) trang, " : "\(englishCount($0, "page")), " } ?? ""
        let size = "\(max(1, (pdf.count + 512) / 1024)) KB"
        return language == .vi ? "Đã ghi \(path) (\(pages)\(size))." : "Wrote \(path) (\(pages)\(size))."
    }

    /// The page count of a PDF written by cairo (its page tree's `/Count`).
    static func pageCount(_ pdf: Data) -> Int? {
        let bytes = [UInt8](pdf)
        let marker = Array("/Type /Pages".utf8), count = Array("/Count ".utf8)
        guard let start = find(marker, in: bytes, from: 0), let at = find(count, in: bytes, from: start) else { return nil }
        var index = at + count.count, value = 0, digits = 0
        while index < bytes.count, (48...57).contains(bytes[index]) {
            value = value * 10 + Int(bytes[index] - 48)
            digits += 1
            index += 1
        }
        return digits > 0 ? value : nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var i = start
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0], Array(haystack[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }

    /// A file name from a document's number: "1523/QĐ-UBND" → "1523-QD-UBND", ASCII only.
    static func name(_ text: String) -> String {
        let folded = text.replacingOccurrences(of: "Đ", with: "D").replacingOccurrences(of: "đ", with: "d")
            .folding(options: [.diacriticInsensitive], locale: nil)
        let mapped = folded.unicodeScalars.map { scalar -> Character in
            let ok = scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_" || scalar == ".")
            return ok ? Character(scalar) : "-"
        }
        return String(mapped)
    }
}

/// The printer of a command: the print helper `ocop-print`, found next to this program.
func documentPrinter() throws -> DocumentPrinter { try DocumentPrinter() }
