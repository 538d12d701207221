import Foundation
import OCOPCredentials
import OCOPDomain
import OCOPModels
import OCOPStore

/// A change to an issuer's printing profile: `nil` leaves a value as it is; a field named in
/// `clear` goes back to its default.
public struct IssuerProfileChange: Sendable, Hashable {
    public enum Field: String, Sendable, CaseIterable {
        case name, verificationAddress = "verification_address", statusList = "status_list_url", frameColor = "frame_color", frame
        case qrSide = "qr_side", nationalEmblem = "national_emblem", ocopMark = "ocop_mark", seal, signature
        case sealDiameter = "seal_diameter"
    }

    public var name: String?
    public var verificationAddress: String?
    public var statusList: String?
    public var frameColor: String?
    public var frame: Bool?
    public var qrSide: Double?
    public var nationalEmblem: String?
    public var ocopMark: String?
    public var seal: String?
    public var signature: String?
    public var sealDiameter: Double?
    public var clear: [Field]

    public init(name: String? = nil, verificationAddress: String? = nil, statusList: String? = nil, frameColor: String? = nil,
                frame: Bool? = nil, qrSide: Double? = nil, nationalEmblem: String? = nil, ocopMark: String? = nil, seal: String? = nil,
                signature: String? = nil, sealDiameter: Double? = nil, clear: [Field] = []) {
        self.name = name
        self.verificationAddress = verificationAddress
        self.statusList = statusList
        self.frameColor = frameColor
        self.frame = frame
        self.qrSide = qrSide
        self.nationalEmblem = nationalEmblem
        self.ocopMark = ocopMark
        self.seal = seal
        self.signature = signature
        self.sealDiameter = sealDiameter
        self.clear = clear
    }
}

extension Workbench {
    /// Checks every value of `change` (each refusal names its field), applies it to the issuer's
    /// profile and writes the configuration. Artwork paths are stored absolute.
    @discardableResult
    public func updateIssuerProfile(_ issuer: IssuingAuthority, _ change: IssuerProfileChange) throws -> IssuerPrintProfile {
        if case .province(let code) = issuer, try CredentialRepository(try connection()).province(code: code) == nil {
            throw StoreError.notFound(.province, code)
        }
        func invalid(_ field: IssuerProfileChange.Field, _ value: String, _ vi: String, _ en: String) -> DomainError {
            .invalidValue(field: field.rawValue, value: value, reason: LocalizedText(vi: vi, en: en))
        }
        let name = try change.name.map { try Validate.text($0, field: IssuerProfileChange.Field.name.rawValue, limit: CertificateLimits.issuerName) }
        if let address = change.verificationAddress {
            do { _ = try VerificationAddress(address) } catch {
                throw DomainError.invalidValue(field: IssuerProfileChange.Field.verificationAddress.rawValue, value: address,
                                               reason: LocalizedText(vi: error.message(.vi), en: error.message(.en)))
            }
        }
        if let url = change.statusList, PrintingConfiguration.webAddress(url) == nil {
            throw invalid(.statusList, url, "cần một địa chỉ https:// đầy đủ.", "it needs a full https:// address.")
        }
        if let color = change.frameColor, PrintingConfiguration.color(color) == nil {
            throw invalid(.frameColor, color, "màu viết dạng #RRGGBB, ví dụ #165E38.", "a colour is written #RRGGBB, e.g. #165E38.")
        }
        if let side = change.qrSide, !(30...60).contains(side) {
            throw invalid(.qrSide, String(side), "cạnh mã QR từ 30 đến 60 mm (in nhỏ hơn 30 mm thì điện thoại khó đọc).",
                          "the QR side is 30 to 60 mm (below 30 mm phones read it poorly).")
        }
        if let diameter = change.sealDiameter, !(20...60).contains(diameter) {
            throw invalid(.sealDiameter, String(diameter), "đường kính con dấu từ 20 đến 60 mm.", "the seal's diameter is 20 to 60 mm.")
        }
        var files: [IssuerProfileChange.Field: String] = [:]
        for (field, path) in [(IssuerProfileChange.Field.nationalEmblem, change.nationalEmblem), (.ocopMark, change.ocopMark),
                              (.seal, change.seal), (.signature, change.signature)] {
            guard let path else { continue }
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            if let problem = PrintingConfiguration.pngProblem(absolute) {
                throw DomainError.invalidValue(field: field.rawValue, value: path, reason: LocalizedText(vi: problem.vi + ".", en: problem.en + "."))
            }
            files[field] = absolute
        }

        let code = issuer.code
        var result = IssuerPrintProfile()
        try updatePrintingConfiguration { configuration in
            var profile = configuration.profile(code)
            var artwork = profile.artwork ?? ArtworkFiles()
            for field in change.clear {
                switch field {
                case .name: profile.name = nil
                case .verificationAddress: profile.verificationAddress = nil
                case .statusList: profile.statusList = nil
                case .frameColor: profile.frameColor = nil
                case .frame: profile.frame = nil
                case .qrSide: profile.qrSide = nil
                case .nationalEmblem: artwork.nationalEmblem = nil
                case .ocopMark: artwork.ocopMark = nil
                case .seal: artwork.seal = nil
                case .signature: artwork.signature = nil
                case .sealDiameter: artwork.sealDiameter = nil
                }
            }
            if let name { profile.name = name }
            if let address = change.verificationAddress { profile.verificationAddress = address }
            if let url = change.statusList { profile.statusList = url }
            if let color = change.frameColor { profile.frameColor = color.uppercased() }
            if let frame = change.frame { profile.frame = frame }
            if let side = change.qrSide { profile.qrSide = side }
            if let path = files[.nationalEmblem] { artwork.nationalEmblem = path }
            if let path = files[.ocopMark] { artwork.ocopMark = path }
            if let path = files[.seal] { artwork.seal = path }
            if let path = files[.signature] { artwork.signature = path }
            if let diameter = change.sealDiameter { artwork.sealDiameter = diameter }
            profile.artwork = artwork.isEmpty ? nil : artwork
            configuration.issuers[code] = profile == IssuerPrintProfile() ? nil : profile
            result = profile
        }
        return result
    }
}
