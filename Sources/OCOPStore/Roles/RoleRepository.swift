import Foundation
import OCOPDomain
import OCOPModels
import Postgres

/// Logins, their people and their office roles (migration 0010, docs/roles.md). Runs on the
/// administrator's connection: making logins and granting roles is the administrator's work.
public struct RoleRepository {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// The office roles, made once per cluster (a restore into a new server needs them first).
    public func ensureGroupRoles() throws {
        try mapped {
            try connection.execute("""
                DO $$
                DECLARE name text;
                BEGIN
                    FOREACH name IN ARRAY ARRAY['ocop_owner', \(OfficeRole.allCases.map { "'\($0.roleName)'" }.joined(separator: ", "))] LOOP
                        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = name) THEN
                            EXECUTE format('CREATE ROLE %I NOLOGIN', name);
                        END IF;
                    END LOOP;
                END $$
                """)
        }
    }

    /// The single-user embedded workbench's application role holds the provincial office's and
    /// the Ministry's roles (its one user plays both, as the demo does).
    public func grantOffices(to role: String) throws {
        try mapped {
            try connection.execute("""
                DO $$ BEGIN
                    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'ocop_secretariat') THEN
                        EXECUTE format('GRANT ocop_secretariat, ocop_ministry TO %I', '\(role)');
                    END IF;
                END $$
                """)
        }
    }

    /// Makes `login` (a PostgreSQL login role, created when missing) and maps it to `person`
    /// (created when `name` is given). A password, when given, is stored as a SCRAM verifier
    /// computed on this side; otherwise the login authenticates as the server's pg_hba says
    /// (peer, a TLS client certificate, or a password the administrator sets).
    public func addUser(_ login: LoginName, person: PersonCode, name: String?, producer: String?, password: String?, actor: PersonCode) throws -> UserView {
        try connection.transaction { connection in
            let personID = try CouncilRepository(connection).ensurePerson(person, name: name, organisation: nil, actor: actor)
            let producerID: Int? = try producer.map { try ProducerRepository(connection).producer($0).id }
            try mapped {
                try connection.execute("""
                    DO $$ BEGIN
                        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '\(login.rawValue)') THEN
                            CREATE ROLE \(login.rawValue) LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
                        END IF;
                    END $$
                    """)
                if let password {
                    let verifier = try connection.scramVerifier(password: password, user: login.rawValue)
                    // The verifier is SCRAM-SHA-256$…: base64 and punctuation, never a quote.
                    guard !verifier.contains("'") else { throw StoreError.invalid(field: "password", value: "…", reason: LocalizedText(vi: "không dùng được.", en: "cannot be used.")) }
                    try connection.execute("ALTER ROLE \(login.rawValue) PASSWORD '\(verifier)'")
                }
                try connection.query("""
                    INSERT INTO app_user (login, person_id, producer_id, created_by) VALUES ($1, $2, $3, $4)
                    ON CONFLICT (login) DO UPDATE SET person_id = EXCLUDED.person_id, producer_id = EXCLUDED.producer_id
                    """, login.rawValue, personID, producerID, actor.rawValue)
            }
            return try user(login)
        }
    }

    /// Grants an office role to a login; a commune officer's communes come with it.
    public func grant(_ role: OfficeRole, to login: LoginName, communes: [String]) throws -> UserView {
        try connection.transaction { connection in
            _ = try user(login)
            if role == .commune, communes.isEmpty {
                throw StoreError.missing(field: "commune", what: LocalizedText(vi: "cán bộ xã cần ít nhất một xã.", en: "a commune officer needs at least one commune."))
            }
            try mapped { try connection.execute("GRANT \(role.roleName) TO \(login.rawValue)") }
            for code in communes {
                let id = try UnitRepository(connection).communeID(try CommuneCode(parsing: code).rawValue)
                try connection.query("INSERT INTO app_user_commune (login, commune_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", login.rawValue, id)
            }
            return try user(login)
        }
    }

    /// Takes an office role back (and a commune officer's communes with it).
    public func revoke(_ role: OfficeRole, from login: LoginName) throws -> UserView {
        try connection.transaction { connection in
            _ = try user(login)
            try mapped { try connection.execute("REVOKE \(role.roleName) FROM \(login.rawValue)") }
            if role == .commune { try connection.query("DELETE FROM app_user_commune WHERE login = $1", login.rawValue) }
            return try user(login)
        }
    }

    public func users() throws -> [UserView] {
        try connection.query(Self.select + " ORDER BY u.login").map(Self.decode)
    }

    public func user(_ login: LoginName) throws -> UserView {
        guard let row = try connection.optional(Self.select + " WHERE u.login = $1", login.rawValue) else {
            throw StoreError.notFound(.user, login.rawValue)
        }
        return try Self.decode(row)
    }

    static let select = """
        SELECT u.login, p.code AS person, p.full_name, pr.registration_no AS producer,
               ARRAY(SELECT r.rolname FROM pg_roles r WHERE r.rolname LIKE 'ocop\\_%' AND r.rolname <> 'ocop_owner'
                     AND pg_has_role(u.login, r.oid, 'MEMBER') AND EXISTS (SELECT FROM pg_roles l WHERE l.rolname = u.login)
                     ORDER BY r.rolname) AS roles,
               ARRAY(SELECT c.code FROM app_user_commune uc JOIN commune c ON c.id = uc.commune_id WHERE uc.login = u.login ORDER BY c.code) AS communes
        FROM app_user u JOIN person p ON p.id = u.person_id LEFT JOIN producer pr ON pr.id = u.producer_id
        """

    static func decode(_ row: Row) throws -> UserView {
        let roles: [String] = try row["roles"]
        return UserView(login: try row["login"], person: try row["person"], personName: try row["full_name"], producer: try row["producer"],
                        roles: roles.compactMap { OfficeRole(roleName: $0) }, communes: try row["communes"])
    }

    /// The login the connection works as, mapped to its person when it is an official's.
    public func currentPerson() throws -> PersonCode? {
        try connection.optional("""
            SELECT p.code FROM app_user u JOIN person p ON p.id = u.person_id WHERE u.login = session_user
            """)?.text(0).flatMap(PersonCode.init(normalizing:))
    }
}
