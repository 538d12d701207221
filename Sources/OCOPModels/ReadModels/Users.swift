import OCOPDomain

/// The office roles of docs/roles.md, as PostgreSQL roles `ocop_<name>`.
public enum OfficeRole: String, Sendable, Codable, Hashable, CaseIterable {
    case secretariat, ministry, council, commune, producer, `public`

    public var roleName: String { "ocop_" + rawValue }

    public init?(roleName: String) {
        guard roleName.hasPrefix("ocop_") else { return nil }
        self.init(rawValue: String(roleName.dropFirst(5)))
    }

    public var label: LocalizedText {
        switch self {
        case .secretariat: LocalizedText(vi: "Cơ quan tham mưu OCOP cấp tỉnh", en: "Provincial OCOP office")
        case .ministry: LocalizedText(vi: "Bộ Nông nghiệp và Môi trường", en: "The Ministry's office")
        case .council: LocalizedText(vi: "Thành viên Hội đồng", en: "Council member")
        case .commune: LocalizedText(vi: "Cán bộ UBND cấp xã", en: "Commune officer")
        case .producer: LocalizedText(vi: "Chủ thể OCOP", en: "Producer")
        case .public: LocalizedText(vi: "Công chúng (tra cứu giấy chứng nhận)", en: "Public (certificate look-up)")
        }
    }
}

/// A login, the person it stands for, and what it may do.
public struct UserView: Sendable, Codable, Hashable {
    public var login: String
    public var person: String
    public var personName: String
    public var producer: String?
    public var roles: [OfficeRole]
    public var communes: [String]

    public init(login: String, person: String, personName: String, producer: String?, roles: [OfficeRole], communes: [String]) {
        self.login = login
        self.person = person
        self.personName = personName
        self.producer = producer
        self.roles = roles
        self.communes = communes
    }
}
