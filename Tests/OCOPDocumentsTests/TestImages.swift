import Foundation

/// Small RGBA PNGs written without any image library (stored deflate blocks), standing in for the
/// artwork a province configures. They imitate nothing: a ring, a stroke, a square.
enum TestImage {
    static func png(width: Int, height: Int, pixel: (Int, Int) -> (UInt8, UInt8, UInt8, UInt8)) -> Data {
        var raw = [UInt8]()
        raw.reserveCapacity((width * 4 + 1) * height)
        for y in 0..<height {
            raw.append(0)
            for x in 0..<width {
                let p = pixel(x, y)
                raw += [p.0, p.1, p.2, p.3]
            }
        }
        var zlib: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let chunk = min(65_535, raw.count - offset)
            let final: UInt8 = offset + chunk == raw.count ? 1 : 0
            zlib += [final, UInt8(chunk & 0xFF), UInt8(chunk >> 8), UInt8(~chunk & 0xFF), UInt8((~chunk >> 8) & 0xFF)]
            zlib += raw[offset..<(offset + chunk)]
            offset += chunk
        } while offset < raw.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in raw { a = (a + UInt32(byte)) % 65_521; b = (b + a) % 65_521 }
        zlib += bigEndian((b << 16) | a)

        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        func chunk(_ type: String, _ body: [UInt8]) {
            let typed = Array(type.utf8) + body
            png += bigEndian(UInt32(body.count)) + typed + bigEndian(crc32(typed))
        }
        chunk("IHDR", bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, 6, 0, 0, 0])
        chunk("IDAT", zlib)
        chunk("IEND", [])
        return Data(png)
    }

    static func bigEndian(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// A red ring (stands in for a seal).
    static var ring: Data {
        png(width: 120, height: 120) { x, y in
            let d = ((Double(x) - 59.5) * (Double(x) - 59.5) + (Double(y) - 59.5) * (Double(y) - 59.5)).squareRoot()
            let inRing = (d <= 58 && d >= 52) || (d <= 44 && d >= 42)
            return inRing ? (200, 16, 32, 230) : (0, 0, 0, 0)
        }
    }

    /// A blue wavy stroke (stands in for a signature).
    static var stroke: Data {
        png(width: 200, height: 80) { x, y in
            let curve = 40 + 22 * sin(Double(x) / 14) * (1 - Double(x) / 260)
            return abs(Double(y) - curve) < 2.2 && x > 10 && x < 190 ? (20, 40, 160, 255) : (0, 0, 0, 0)
        }
    }

    /// A grey square outline (stands in for the emblem or the OCOP mark).
    static var square: Data {
        png(width: 90, height: 90) { x, y in
            let edge = x < 4 || y < 4 || x > 85 || y > 85
            return edge ? (120, 120, 120, 255) : (0, 0, 0, 0)
        }
    }
}
