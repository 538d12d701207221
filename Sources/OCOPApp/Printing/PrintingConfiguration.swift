import Foundation
import OCOPCredentials
import OCOPDomain
import OCOPModels
import Yams

/// The artwork files a province prints with (PNG). The project ships none and never draws an
/// imitation of an official mark: an absent file leaves its place blank.
public struct ArtworkFiles: Sendable, Codable, Hashable {
    /// Quốc huy, top centre of the certificate.
    public var nationalEmblem: String?
    /// The OCOP mark the province may use, under the certificate's title.
    public var ocopMark: String?
    /// The red seal, over the left third of the signature (decisions and certificates).
    public var seal: String?
    /// The signer's signature, a transparent PNG.
    public var signature: String?
    /// The seal's real diameter in millimetres (36 by default).
    public var sealDiameter: Double?

    public init(nationalEmblem: String? = nil, ocopMark: String? = nil, seal: String? = nil, signature: String? = nil, sealDiameter: Double? = nil) {
        self.nationalEmblem = nationalEmblem
        self.ocopMark = ocopMark
        self.seal = seal
        self.signature = signature
        self.sealDiameter = sealDiameter
    }

    var isEmpty: Bool { self == ArtworkFiles() }
}

/// How one issuing authority ("24", "BNNMT") prints: what the law and the register leave open.
public struct IssuerPrintProfile: Sendable, Codable, Hashable {
    /// The issuer in running text, signed into every QR code and written in the trust list;
    /// default "Ủy ban nhân dân tỉnh <X>" from the register, or "Bộ Nông nghiệp và Môi trường".
    public var name: String?
    /// `https://host/path/`: when set, the QR code is this address (upper case) + the payload,
    /// which a phone camera opens; the same payload still verifies offline.
    public var verificationAddress: String?
    /// Where the issuer publishes its signed status list (the trust list's `statusList`, and the
    /// credential's `id`).
    public var statusList: String?
    /// The certificate frame's colour, `#RRGGBB` (default `#165E38`).
    public var frameColor: String?
    /// `false` prints no frame.
    public var frame: Bool?
    /// The printed side of the QR code in millimetres, 30–60 (default 32).
    public var qrSide: Double?
    public var artwork: ArtworkFiles?

    public init(name: String? = nil, verificationAddress: String? = nil, statusList: String? = nil, frameColor: String? = nil,
                frame: Bool? = nil, qrSide: Double? = nil, artwork: ArtworkFiles? = nil) {
        self.name = name
        self.verificationAddress = verificationAddress
        self.statusList = statusList
        self.frameColor = frameColor
        self.frame = frame
        self.qrSide = qrSide
        self.artwork = artwork
    }
}

/// What the minutes of a council need and the register does not hold.
public struct CouncilPrintProfile: Sendable, Codable, Hashable {
    /// The date of the decision that set up (or re-formed) the council.
    public var establishedOn: CalendarDate?

    public init(establishedOn: CalendarDate? = nil) {
        self.establishedOn = establishedOn
    }
}

/// The usual start and end of a council meeting ("08:00", "11:30").
public struct MinutesTimes: Sendable, Codable, Hashable {
    public var start: String?
    public var end: String?

    public init(start: String? = nil, end: String? = nil) {
        self.start = start
        self.end = end
    }
}

/// The province's printing configuration, `$OCOP_HOME/printing.yaml` (docs/printing.md). Every
/// value is checked when the file is read and before it is written.
public struct PrintingConfiguration: Sendable, Codable, Hashable {
    public static let fileName = "printing.yaml"

    /// By issuer code: "24", "BNNMT".
    public var issuers: [String: IssuerPrintProfile]
    /// By council code.
    public var councils: [String: CouncilPrintProfile]
    public var minutes: MinutesTimes?

    public init(issuers: [String: IssuerPrintProfile] = [:], councils: [String: CouncilPrintProfile] = [:], minutes: MinutesTimes? = nil) {
        self.issuers = issuers
        self.councils = councils
        self.minutes = minutes
    }

    enum CodingKeys: String, CodingKey { case issuers, councils, minutes }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        issuers = try container.decodeIfPresent([String: IssuerPrintProfile].self, forKey: .issuers) ?? [:]
        councils = try container.decodeIfPresent([String: CouncilPrintProfile].self, forKey: .councils) ?? [:]
        minutes = try container.decodeIfPresent(MinutesTimes.self, forKey: .minutes)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if !issuers.isEmpty { try container.encode(issuers, forKey: .issuers) }
        if !councils.isEmpty { try container.encode(councils, forKey: .councils) }
        try container.encodeIfPresent(minutes, forKey: .minutes)
    }

    /// The profile of `issuer` (empty when none is configured).
    public func profile(_ issuer: String) -> IssuerPrintProfile { issuers[issuer] ?? IssuerPrintProfile() }

    // MARK: Reading and writing

    /// The configuration at `url`; an absent file is the empty configuration.
    public static func load(from url: URL) throws -> PrintingConfiguration {
        guard FileManager.default.fileExists(atPath: url.path) else { return PrintingConfiguration() }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw PrintingError.configurationInvalid(path: url.path, key: "", reason: LocalizedText(
                vi: "không đọc được tệp (UTF-8)", en: "the file cannot be read (UTF-8)"))
        }
        let configuration: PrintingConfiguration
        do {
            configuration = try YAMLDecoder().decode(PrintingConfiguration.self, from: text.isEmpty ? "{}" : text)
        } catch let error as DecodingError {
            throw PrintingError.configurationInvalid(path: url.path, key: Self.path(of: error), reason: LocalizedText(
                vi: "giá trị không đúng kiểu", en: "a value of the wrong type"))
        } catch {
            throw PrintingError.configurationInvalid(path: url.path, key: "", reason: LocalizedText(
                vi: "không phải YAML hợp lệ", en: "not valid YAML"))
        }
        try configuration.validate(path: url.path)
        return configuration
    }

    /// The file's text: a comment line, then the values with sorted keys.
    public func yaml() throws -> String {
        let encoder = YAMLEncoder()
        encoder.options.sortKeys = true
        encoder.options.allowUnicode = true
        let body = isEmpty ? "" : try encoder.encode(self)
        return "# OCOP workbench: how this province prints (docs/printing.md).\n" + body
    }

    var isEmpty: Bool { issuers.isEmpty && councils.isEmpty && minutes == nil }

    /// Writes the configuration to `url` (through a temporary file, so a reader never sees half of it).
    public func write(to url: URL) throws {
        try validate(path: url.path)
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try Data(try yaml().utf8).write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw AppError.fileUnreadable(path: url.path, reason: error.localizedDescription)
        }
        // rename(2) replaces the old file in one step.
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw AppError.fileUnreadable(path: url.path, reason: reason)
        }
    }

    // MARK: Checks

    /// Refuses any value that would print wrongly: checked when read, and before written.
    public func validate(path: String) throws {
        func invalid(_ key: String, _ vi: String, _ en: String) -> PrintingError {
            .configurationInvalid(path: path, key: key, reason: LocalizedText(vi: vi, en: en))
        }
        for (code, profile) in issuers {
            guard IssuingAuthority(code: code)?.code == code else {
                throw invalid("issuers.\(code)", "mã cơ quan cấp là mã tỉnh 2 chữ số hoặc BNNMT", "an issuer is a 2-digit province code or BNNMT")
            }
            let key = "issuers.\(code)"
            if let name = profile.name {
                do {
                    let checked = try Validate.text(name, field: "name", limit: CertificateLimits.issuerName)
                    guard checked == name else { throw invalid("\(key).name", "có khoảng trắng thừa ở đầu hoặc cuối", "it has spaces at either end") }
                } catch let error as DomainError {
                    throw PrintingError.configurationInvalid(path: path, key: "\(key).name", reason: LocalizedText(vi: error.message(.vi), en: error.message(.en)))
                }
            }
            if let address = profile.verificationAddress {
                do { _ = try VerificationAddress(address) } catch {
                    throw PrintingError.configurationInvalid(path: path, key: "\(key).verificationAddress",
                                                             reason: LocalizedText(vi: error.message(.vi), en: error.message(.en)))
                }
            }
            if let url = profile.statusList, Self.webAddress(url) == nil {
                throw invalid("\(key).statusList", "cần một địa chỉ https:// đầy đủ", "it needs a full https:// address")
            }
            if let color = profile.frameColor, Self.color(color) == nil {
                throw invalid("\(key).frameColor", "màu viết dạng #RRGGBB, ví dụ #165E38", "a colour is written #RRGGBB, e.g. #165E38")
            }
            if let side = profile.qrSide, !(30...60).contains(side) {
                throw invalid("\(key).qrSide", "cạnh mã QR từ 30 đến 60 mm", "the QR side is 30 to 60 mm")
            }
            if let artwork = profile.artwork {
                for (name, file) in [("nationalEmblem", artwork.nationalEmblem), ("ocopMark", artwork.ocopMark), ("seal", artwork.seal), ("signature", artwork.signature)] {
                    guard let file else { continue }
                    if let problem = Self.pngProblem(file) { throw PrintingError.configurationInvalid(path: path, key: "\(key).artwork.\(name)", reason: problem) }
                }
                if let diameter = artwork.sealDiameter, !(20...60).contains(diameter) {
                    throw invalid("\(key).artwork.sealDiameter", "đường kính con dấu từ 20 đến 60 mm", "the seal's diameter is 20 to 60 mm")
                }
            }
        }
        for (code, _) in councils where CouncilCode(normalizing: code)?.rawValue != code {
            throw invalid("councils.\(code)", "không phải mã hội đồng", "not a council code")
        }
        if let minutes {
            for (name, value) in [("start", minutes.start), ("end", minutes.end)] {
                if let value, Self.clockTime(value) == nil { throw invalid("minutes.\(name)", "giờ viết dạng HH:MM, ví dụ 08:00", "a time is written HH:MM, e.g. 08:00") }
            }
        }
    }

    /// "#165E38" → the colour.
    public static func color(_ text: String) -> RGBColor? {
        let hex = text.hasPrefix("#") ? text.dropFirst() : Substring(text)
        guard hex.count == 6, hex.allSatisfy(\.isHexDigit), let value = Int(hex, radix: 16) else { return nil }
        return RGBColor(red: value >> 16, green: (value >> 8) & 0xFF, blue: value & 0xFF)
    }

    /// "08:00" → 8 h 00.
    public static func clockTime(_ text: String) -> ClockTime? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0...23).contains(hour), (0...59).contains(minute), parts.allSatisfy({ $0.allSatisfy(\.isASCII) })
        else { return nil }
        return ClockTime(hour: hour, minute: minute)
    }

    /// An `https://host/…` address without spaces or control characters.
    static func webAddress(_ text: String) -> URL? {
        guard text.lowercased().hasPrefix("https://"), text.count <= 200,
              !text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }),
              let url = URL(string: text), let host = url.host, !host.isEmpty
        else { return nil }
        return url
    }

    /// Why `path` cannot be printed from (`nil` when it is a readable PNG file).
    static func pngProblem(_ path: String) -> LocalizedText? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return LocalizedText(vi: "không có tệp \(path)", en: "no file \(path)")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { return LocalizedText(vi: "không đọc được \(path)", en: "cannot read \(path)") }
        defer { try? handle.close() }
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard let head = try? handle.read(upToCount: 8), Array(head) == signature else {
            return LocalizedText(vi: "\(path) không phải tệp PNG", en: "\(path) is not a PNG file")
        }
        return nil
    }

    static func path(of error: DecodingError) -> String {
        let context: DecodingError.Context
        switch error {
        case let .typeMismatch(_, c), let .valueNotFound(_, c), let .dataCorrupted(c): context = c
        case let .keyNotFound(key, c): return (c.codingPath + [key]).map(\.stringValue).joined(separator: ".")
        @unknown default: return ""
        }
        return context.codingPath.map(\.stringValue).joined(separator: ".")
    }
}
