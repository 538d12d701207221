import Foundation
import OCOPDomain

/// Reading files people give the workbench: a size limit, UTF-8 checked (with the line and byte
/// of the first bad sequence), a byte-order mark dropped, text normalised to NFC.
public enum InputFile {
    /// A sheet is a few kilobytes (40 criteria at most); a council's whole sheet import is larger.
    public static let sheetLimit = 256 << 10
    public static let csvLimit = 256 << 20

    public static func data(_ path: String, limit: Int) throws(AppError) -> Data {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .fileNotFound(path) }
        guard !isDirectory.boolValue else { throw .notAFile(path) }
        let size = (try? fileManager.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= limit else { throw .fileTooLarge(path: path, limit: limit) }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .fileUnreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { try? handle.close() }
        // Read at most limit + 1 bytes: a file that grows while read is still refused.
        let data = (try? handle.read(upToCount: limit + 1)) ?? Data()
        guard data.count <= limit else { throw .fileTooLarge(path: path, limit: limit) }
        return data
    }

    /// The file as NFC text without a byte-order mark.
    public static func text(_ path: String, limit: Int) throws(AppError) -> String {
        let data = try data(path, limit: limit)
        guard let text = String(validating: data, as: UTF8.self) else {
            let (line, byte) = firstInvalidUTF8(data)
            throw .notUTF8(path: path, line: line, byte: byte)
        }
        var result = text.precomposedStringWithCanonicalMapping
        if result.hasPrefix("\u{FEFF}") { result.removeFirst() }
        return result
    }

    /// The line (from 1) and the byte within that line (from 1) of the first invalid UTF-8 sequence.
    public static func firstInvalidUTF8(_ data: Data) -> (line: Int, byte: Int) {
        let bytes = [UInt8](data)
        var line = 1, column = 0, i = 0
        while i < bytes.count {
            let length = sequenceLength(bytes[i])
            guard length > 0, i + length <= bytes.count, String(validating: bytes[i..<(i + length)], as: UTF8.self) != nil else {
                return (line, column + 1)
            }
            if bytes[i] == 0x0A { line += 1; column = 0 } else { column += length }
            i += length
        }
        return (line, column + 1)
    }

    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0x00...0x7F: 1
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 0
        }
    }
}
