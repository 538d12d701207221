import CCairoPango
import CQREncode
import Foundation
import OCOPModels

/// A QR symbol: `size` × `size` modules, row by row, `true` = dark.
struct QRMatrix {
    let version: Int
    let size: Int
    let modules: [Bool]

    /// The largest version accepted: at a 30 mm print its modules stay about 0.29 mm wide.
    static let maximumVersion = 20
    static let quietZone = 4

    /// Encodes at error correction Q, case-sensitive; libqrencode picks alphanumeric mode for
    /// upper-case (Base45, Base32) text and 8-bit mode otherwise.
    init(encoding text: String) throws {
        guard !text.isEmpty else { throw DocumentError.qrPayloadEmpty }
        guard let code = text.withCString({ QRcode_encodeString($0, 0, QR_ECLEVEL_Q, QR_MODE_8, 1) }) else {
            throw DocumentError.qrPayloadTooLarge(characters: text.count, version: nil)
        }
        defer { QRcode_free(code) }
        let version = Int(code.pointee.version), size = Int(code.pointee.width)
        guard version <= Self.maximumVersion else {
            throw DocumentError.qrPayloadTooLarge(characters: text.count, version: version)
        }
        // Bit 0 of each byte is the module colour (qrencode.h).
        self.modules = (0..<(size * size)).map { code.pointee.data[$0] & 1 == 1 }
        self.version = version
        self.size = size
    }

    /// The module pitch for a symbol at least `side` points wide with its quiet zone: a whole
    /// number of half points, so that every module edge falls on a half-point grid.
    func module(atLeast side: Double) -> Double {
        (side / Double(size + 2 * Self.quietZone) * 2).rounded(.up) / 2
    }

    /// Printed side with the quiet zone for `module`.
    func side(module: Double) -> Double { module * Double(size + 2 * Self.quietZone) }

    /// Draws the symbol with its quiet zone at (x, y), rounded to whole points: a white square, then
    /// each horizontal run of dark modules as a stroke one module thick with square-cut ends, all in
    /// one path. On the half-point grid and as runs, the coordinates cairo writes into the PDF are
    /// short and few (a rectangle would cost four points, a run costs two): the certificate's page
    /// content halves and the page renders about 30 % faster (docs/documents.md).
    func draw(_ canvas: Canvas, x: Double, y: Double, module: Double) {
        let x = x.rounded(), y = y.rounded()
        let cr = canvas.cr
        let side = self.side(module: module)
        canvas.fillRect(x: x, y: y, width: side, height: side, color: .init(red: 255, green: 255, blue: 255))
        for row in 0..<size {
            let centre = y + (Double(Self.quietZone + row) + 0.5) * module
            var column = 0
            while column < size {
                guard modules[row * size + column] else { column += 1; continue }
                let start = column
                while column < size, modules[row * size + column] { column += 1 }
                cairo_move_to(cr, x + Double(Self.quietZone + start) * module, centre)
                cairo_line_to(cr, x + Double(Self.quietZone + column) * module, centre)
            }
        }
        canvas.setColor(.black)
        cairo_set_line_width(cr, module)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
        cairo_stroke(cr)
    }
}
