import Foundation
import OCOPDomain

/// What a person may do in the workbench.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    /// The provincial OCOP office (cơ quan tham mưu): registers, moves dossiers, runs sessions.
    case secretariat
    case councilMember = "council_member"
    case communeOfficer = "commune_officer"
    case ministryOffice = "ministry_office"
    case producer
    case `public`
}

/// Who is acting: a person code with roles, never a free string. Recorded on every write.
public struct Principal: Sendable, Hashable {
    public let person: PersonCode
    public let roles: Set<Role>
    /// Whether the person was named (`--as`, `OCOP_USER`) rather than taken from the login.
    public let named: Bool

    public init(person: PersonCode, roles: Set<Role>, named: Bool = false) {
        self.person = person
        self.roles = roles
        self.named = named
    }

    /// The local user of a single-user workbench: `explicit` (`--as`), else `OCOP_USER`, else
    /// the login name. On the embedded database the local user is the provincial secretariat.
    public static func local(explicit: String?, environment: [String: String]) throws(DomainError) -> Principal {
        let given = [explicit, environment["OCOP_USER"]].compactMap { $0?.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty }
        if let given {
            guard let person = PersonCode(normalizing: given) else {
                throw DomainError.invalidValue(field: "actor", value: given, reason: PersonCode.shape)
            }
            return Principal(person: person, roles: [.secretariat], named: true)
        }
        // A login name that is no person code (rare) still lets the user read and rate.
        let login = [environment["USER"], environment["LOGNAME"]].compactMap { $0 }.compactMap(PersonCode.init(normalizing:)).first
        return Principal(person: login ?? PersonCode(normalizing: "local-user")!, roles: [.secretariat])
    }
}
