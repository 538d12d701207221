import OCOPDomain

/// Why a document could not be rendered; every case names what to fix.
public enum DocumentError: Error, Equatable, Sendable, Codable, LocalizedFailure {
    /// A configured artwork file does not exist or is not a readable PNG.
    case artworkUnreadable(path: String, reason: String)
    /// The QR payload needs a larger symbol than version 20 at error correction Q.
    case qrPayloadTooLarge(characters: Int, version: Int?)
    case qrPayloadEmpty
    /// The QR code would print smaller than 30 mm.
    case qrTooSmall(millimetres: Double)
    /// Text contains characters Liberation Serif cannot print (the renderer never falls back to another font).
    case unsupportedCharacters(String, in: String)
    /// Liberation Serif 2 (fonts-liberation2) is not installed.
    case fontMissing(String)
    /// A value the document cannot print (a certificate below 3★, an empty annex …).
    case invalidDocument(LocalizedText)
    /// A margin or size that leaves no room for the text.
    case invalidLayout(LocalizedText)
    /// cairo reported an error.
    case renderingFailed(String)
    /// The print helper (`ocop-print`, which holds cairo and pango) is not installed next to `ocop`.
    case printHelperMissing(searched: [String])
    /// The print helper stopped without a result (a crash, or a signal).
    case printHelperFailed(String)

    public func message(_ language: Language) -> String {
        let vi = language == .vi
        switch self {
        case .artworkUnreadable(let path, let reason):
            return vi ? "Không đọc được tệp hình ảnh \(path) (\(reason)); cần một tệp PNG hợp lệ hoặc bỏ đường dẫn này khỏi cấu hình."
                : "Cannot read the artwork file \(path) (\(reason)); configure a valid PNG file or remove the path."
        case .qrPayloadTooLarge(let characters, let version):
            let needed = version.map { vi ? "cần phiên bản \($0)" : "needs version \($0)" } ?? (vi ? "vượt quá phiên bản 40" : "exceeds version 40")
            return vi ? "Nội dung mã QR quá dài (\(characters) ký tự, \(needed)); tối đa phiên bản 20 với mức sửa lỗi Q để in rõ trong 30 mm. Hãy rút gọn nội dung xác thực."
                : "The QR payload is too long (\(characters) characters, \(needed)); at most version 20 at error correction Q prints legibly in 30 mm. Shorten the verification payload."
        case .qrPayloadEmpty:
            return vi ? "Nội dung mã QR trống." : "The QR payload is empty."
        case .qrTooSmall(let mm):
            return vi ? "Cạnh mã QR \(mm) mm nhỏ hơn mức tối thiểu 30 mm." : "The QR side of \(mm) mm is below the 30 mm minimum."
        case .unsupportedCharacters(let characters, let text):
            let list = characters.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: ", ")
            return vi ? "Phông Liberation Serif không có ký tự \(characters) (\(list)) trong «\(text)»; hãy sửa nội dung."
                : "Liberation Serif has no glyph for \(characters) (\(list)) in «\(text)»; correct the text."
        case .fontMissing(let detail):
            return vi ? "Thiếu phông Liberation Serif 2 (gói fonts-liberation2): \(detail). Chạy scripts/bootstrap.sh."
                : "Liberation Serif 2 (package fonts-liberation2) is missing: \(detail). Run scripts/bootstrap.sh."
        case .invalidDocument(let text), .invalidLayout(let text):
            return text(language)
        case .renderingFailed(let status):
            return vi ? "Lỗi khi dựng tài liệu (cairo: \(status))." : "Rendering failed (cairo: \(status))."
        case .printHelperMissing(let searched):
            return vi ? "Không tìm thấy chương trình in ocop-print (đã tìm: \(searched.joined(separator: ", "))); cài lại bằng make install."
                : "The print helper ocop-print is not installed (looked in: \(searched.joined(separator: ", "))); reinstall with make install."
        case .printHelperFailed(let detail):
            return vi ? "Chương trình in ocop-print dừng bất thường: \(detail)" : "The print helper ocop-print stopped abnormally: \(detail)"
        }
    }

    public var kind: ErrorKind {
        switch self {
        case .fontMissing, .printHelperMissing: .configuration
        case .renderingFailed, .printHelperFailed: .internal
        default: .invalidInput
        }
    }
}
