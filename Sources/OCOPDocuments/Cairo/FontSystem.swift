import CCairoPango
import Foundation
import OCOPModels

/// The four Liberation Serif faces in a private fontconfig configuration, and a pango font map over
/// it. Pango sees no other font, so it can never fall back to one: every glyph printed is
/// Liberation Serif, whatever else the machine has installed. One render at a time uses the font
/// map (pango font maps are not safe to share across threads); `lock` serialises them.
final class FontSystem: @unchecked Sendable {
    private let config: OpaquePointer
    let fontMap: UnsafeMutablePointer<PangoFontMap>
    /// Character sets of the four faces; a character is printable when all four have it.
    private let charsets: [OpaquePointer]
    let files: [String]
    private let lock = NSLock()

    /// `files`: the faces to use; found through the system's fontconfig when `nil`.
    init(files: [String]? = nil) throws {
        let chosen = try files ?? Self.findLiberationSerif()
        guard let config = FcConfigCreate() else { throw DocumentError.renderingFailed("FcConfigCreate") }
        for file in chosen where FcConfigAppFontAddFile(config, file) == 0 {
            FcConfigDestroy(config)
            throw DocumentError.fontMissing(file)
        }
        var charsets: [OpaquePointer] = []
        if let set = FcConfigGetFonts(config, FcSetApplication) {
            for i in 0..<Int(set.pointee.nfont) {
                var charset: OpaquePointer?
                if let pattern = set.pointee.fonts[i], FcPatternGetCharSet(pattern, FC_CHARSET, 0, &charset) == FcResultMatch,
                   let charset
                {
                    charsets.append(charset)
                }
            }
        }
        guard !charsets.isEmpty, let map = ocop_font_map_new(config) else {
            FcConfigDestroy(config)
            throw DocumentError.fontMissing(chosen.joined(separator: ", "))
        }
        self.config = config
        self.fontMap = map
        self.charsets = charsets
        self.files = chosen
    }

    deinit {
        ocop_object_unref(fontMap)
        FcConfigDestroy(config)
    }

    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// The characters of `text` some face cannot print (line breaks excepted).
    func unsupportedCharacters(in text: String) -> String {
        var missing = ""
        for scalar in text.unicodeScalars where scalar.value >= 0x20 {
            if charsets.contains(where: { FcCharSetHasChar($0, scalar.value) == 0 }), !missing.unicodeScalars.contains(scalar) {
                missing.unicodeScalars.append(scalar)
            }
        }
        return missing
    }

    /// Regular, Bold, Italic and Bold Italic of Liberation Serif 2.x (fonts-liberation2). Version 1.07
    /// (fonts-liberation) lacks most Vietnamese letters and is refused.
    static func findLiberationSerif() throws -> [String] {
        guard let pattern = FcPatternCreate() else { throw DocumentError.renderingFailed("FcPatternCreate") }
        defer { FcPatternDestroy(pattern) }
        _ = FcPatternAddString(pattern, FC_FAMILY, "Liberation Serif")
        guard let objects = FcObjectSetCreate() else { throw DocumentError.renderingFailed("FcObjectSetCreate") }
        defer { FcObjectSetDestroy(objects) }
        for name in [FC_FILE, FC_WEIGHT, FC_SLANT, FC_FONTVERSION, FC_FAMILY] { _ = FcObjectSetAdd(objects, name) }
        guard let list = FcFontList(nil, pattern, objects) else { throw DocumentError.fontMissing("Liberation Serif") }
        defer { FcFontSetDestroy(list) }

        // (bold, italic) → (version, file)
        var best: [Int: (Int32, String)] = [:]
        for i in 0..<Int(list.pointee.nfont) {
            guard let font = list.pointee.fonts[i] else { continue }
            var file: UnsafeMutablePointer<FcChar8>?
            var weight: Int32 = 0, slant: Int32 = 0, version: Int32 = 0
            guard FcPatternGetString(font, FC_FILE, 0, &file) == FcResultMatch, let file,
                  FcPatternGetInteger(font, FC_WEIGHT, 0, &weight) == FcResultMatch,
                  FcPatternGetInteger(font, FC_SLANT, 0, &slant) == FcResultMatch
            else { continue }
            _ = FcPatternGetInteger(font, FC_FONTVERSION, 0, &version)
            // fontversion is 16.16 fixed point: 2.0 = 0x20000.
            guard version >= 0x20000 else { continue }
            let path = String(cString: UnsafeRawPointer(file).assumingMemoryBound(to: CChar.self))
            let key = (weight >= FC_WEIGHT_BOLD ? 2 : 0) + (slant != FC_SLANT_ROMAN ? 1 : 0)
            if let current = best[key], current.0 > version || (current.0 == version && current.1 <= path) { continue }
            best[key] = (version, path)
        }
        let faces = ["Regular", "Italic", "Bold", "Bold Italic"]
        let missing = (0..<4).filter { best[$0] == nil }.map { faces[$0] }
        guard missing.isEmpty else {
            throw DocumentError.fontMissing("Liberation Serif " + missing.joined(separator: ", "))
        }
        return (0..<4).map { best[$0]!.1 }
    }
}
