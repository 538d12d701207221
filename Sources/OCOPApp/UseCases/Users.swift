import Foundation
import OCOPDomain
import OCOPModels
import OCOPStore

/// Logins and their office roles (docs/roles.md): the administrator's work, on the
/// administrator's connection (the embedded cluster's superuser, or `OCOP_ADMIN_DATABASE_URL`).
extension Workbench {
    private func asAdministrator<T>(_ body: (RoleRepository) throws -> T) throws -> T {
        _ = try connection()  // a current schema first
        let admin = try database.connectAdministrator()
        defer { admin.close() }
        return try body(RoleRepository(admin))
    }

    public func addUser(_ login: LoginName, person: PersonCode, name: String?, producer: String?, password: String?) throws -> UserView {
        let name = try Validate.optionalText(name, field: "name", limit: FieldLimit.name)
        if let password, password.count < 12 {
            // Never echoed: the value shown is an ellipsis.
            throw DomainError.invalidValue(field: "password", value: "…", reason: LocalizedText(
                vi: "mật khẩu cần ít nhất 12 ký tự.", en: "a password needs at least 12 characters."))
        }
        return try asAdministrator { try $0.addUser(login, person: person, name: name, producer: producer, password: password, actor: actor) }
    }

    public func grantRole(_ role: OfficeRole, to login: LoginName, communes: [String]) throws -> UserView {
        try asAdministrator { try $0.grant(role, to: login, communes: communes) }
    }

    public func revokeRole(_ role: OfficeRole, from login: LoginName) throws -> UserView {
        try asAdministrator { try $0.revoke(role, from: login) }
    }

    public func users() throws -> [UserView] {
        try asAdministrator { try $0.users() }
    }
}
