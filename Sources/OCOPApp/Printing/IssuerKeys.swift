#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import OCOPCredentials
import OCOPDomain
import OCOPModels
import OCOPStore

/// A key just made: what the register recorded and where its private half was written.
public struct CreatedIssuerKey: Sendable, Hashable {
    public var record: IssuerKeyRecord
    public var file: String
}

/// A recorded key and whether this machine holds its private half.
public struct IssuerKeyView: Sendable, Hashable {
    public var record: IssuerKeyRecord
    /// The private key file in the key folder, when present here.
    public var privateKeyFile: String?
}

/// The trust list as JSON, and what it holds.
public struct ExportedTrustList: Sendable, Hashable {
    public var json: String
    public var issuers: Int
    public var keys: Int
}

/// Issuing authorities' Ed25519 keys (docs/credentials.md §5–6, docs/printing.md): the private
/// half in a 0600 file outside the database, the public half recorded, exported as a trust list.
extension Workbench {
    /// Where this machine keeps its printing configuration and private keys: `$OCOP_HOME`.
    public var printingHome: URL { LocalCluster.defaultHome(environment: configuration.environment) }
    public var printingConfigurationFile: URL { printingHome.appendingPathComponent(PrintingConfiguration.fileName) }
    /// Private key files, one per key, named `<kid>.json`.
    public var keyDirectory: URL { printingHome.appendingPathComponent("keys", isDirectory: true) }

    public func printingConfiguration() throws -> PrintingConfiguration {
        try PrintingConfiguration.load(from: printingConfigurationFile)
    }

    /// Changes the configuration and writes it back, refusing any value that would not print.
    @discardableResult
    public func updatePrintingConfiguration(_ change: (inout PrintingConfiguration) throws -> Void) throws -> PrintingConfiguration {
        var configuration = try printingConfiguration()
        try change(&configuration)
        try configuration.write(to: printingConfigurationFile)
        return configuration
    }

    // MARK: Keys

    /// Makes a new key for `issuer`: the private key goes to `file` (default `<key folder>/<kid>.json`),
    /// created 0600 and never overwritten; the public key is recorded with its service window.
    public func createIssuerKey(issuer: IssuingAuthority, validFrom: CalendarDate? = nil, validUntil: CalendarDate? = nil,
                                file: String? = nil) throws -> CreatedIssuerKey {
        let code = try IssuerCode(issuer.code)
        if case .province(let province) = issuer, try CredentialRepository(try connection()).province(code: province) == nil {
            throw StoreError.notFound(.province, province)
        }
        let from = validFrom ?? today
        if let validUntil, validUntil < from {
            throw DomainError.invalidValue(field: "key_valid_until", value: validUntil.iso, reason: LocalizedText(
                vi: "trước ngày bắt đầu dùng khóa (\(from.display(.vi))).", en: "before the key's first day of service (\(from.display(.en)))."))
        }
        let key = IssuerKey.generate(issuer: code, created: today)
        let path: String
        if let file {
            path = file
        } else {
            try makePrivateDirectory(keyDirectory)
            path = keyDirectory.appendingPathComponent("\(key.kid).json").path
        }
        let record = IssuerKeyRecord(kid: key.kid, issuerCode: code.value, publicKey: key.publicKey.base64url, validFrom: from,
                                     validUntil: validUntil, createdOn: today, createdBy: actor.rawValue)
        // The public key is recorded only if the private one is safely on disk, and the file is
        // removed again if the record cannot be committed.
        var written = false
        do {
            try transaction { connection in
                try CredentialRepository(connection).addKey(record)
                try IssuerKeyFile.write(key, to: path)
                written = true
            }
        } catch {
            if written { unlink(path) }
            throw error
        }
        return CreatedIssuerKey(record: record, file: path)
    }

    /// Records the public half of an existing key file (made with `createIssuerKey` on another
    /// machine, or kept offline), with its service window; the file itself is only read.
    public func recordIssuerKey(file: String, validFrom: CalendarDate? = nil, validUntil: CalendarDate? = nil) throws -> IssuerKeyRecord {
        let key = try IssuerKeyFile.load(from: file)
        guard let issuer = IssuingAuthority(code: key.issuer.value), issuer.code == key.issuer.value else {
            throw DomainError.invalidValue(field: "issuer", value: key.issuer.value, reason: LocalizedText(
                vi: "cơ quan cấp là mã tỉnh 2 chữ số hoặc BNNMT.", en: "an issuer is a 2-digit province code or BNNMT."))
        }
        if case .province(let province) = issuer, try CredentialRepository(try connection()).province(code: province) == nil {
            throw StoreError.notFound(.province, province)
        }
        let from = validFrom ?? key.created
        if let validUntil, validUntil < from {
            throw DomainError.invalidValue(field: "key_valid_until", value: validUntil.iso, reason: LocalizedText(
                vi: "trước ngày bắt đầu dùng khóa (\(from.display(.vi))).", en: "before the key's first day of service (\(from.display(.en)))."))
        }
        let record = IssuerKeyRecord(kid: key.kid, issuerCode: key.issuer.value, publicKey: key.publicKey.base64url, validFrom: from,
                                     validUntil: validUntil, createdOn: key.created, createdBy: actor.rawValue)
        try CredentialRepository(try connection()).addKey(record)
        return record
    }

    /// The recorded keys (of one issuer), with the local private file when there is one.
    public func issuerKeys(issuer: IssuingAuthority? = nil) throws -> [IssuerKeyView] {
        try CredentialRepository(try connection()).keys(issuerCode: issuer?.code).map { record in
            let file = keyDirectory.appendingPathComponent("\(record.kid).json").path
            return IssuerKeyView(record: record, privateKeyFile: FileManager.default.fileExists(atPath: file) ? file : nil)
        }
    }

    /// From `date` (default today) the key signs only certificates issued before that day.
    public func retireIssuerKey(kid: String, on date: CalendarDate? = nil) throws -> IssuerKeyRecord {
        try CredentialRepository(try connection()).retire(kid: kid.uppercased(), on: date ?? today)
    }

    /// The public key of `kid` in PEM (SubjectPublicKeyInfo, RFC 8410), for OpenSSL and JOSE tools.
    public func publicKeyPEM(kid: String) throws -> String {
        let record = try CredentialRepository(try connection()).key(kid: kid.uppercased())
        return try IssuerPublicKey(issuer: try IssuerCode(record.issuerCode), rawRepresentation: try Base64URL.decode(record.publicKey)).pem
    }

    // MARK: Trust list

    /// The issuer in running text: the configured name, else "Ủy ban nhân dân tỉnh <X>" (or
    /// "thành phố") from the register, or "Bộ Nông nghiệp và Môi trường".
    public func issuerName(_ code: String) throws -> String {
        if let name = try printingConfiguration().profile(code).name { return name }
        if code == IssuingAuthority.ministryCode { return "Bộ Nông nghiệp và Môi trường" }
        guard let province = try CredentialRepository(try connection()).province(code: code) else { throw StoreError.notFound(.province, code) }
        return "Ủy ban nhân dân \(province.kind == "thanh_pho" ? "thành phố" : "tỉnh") \(province.name)"
    }

    /// The trust list of the recorded keys (of the given issuers, or all), dated today.
    func trustList(issuers: [IssuingAuthority] = []) throws -> TrustList {
        let configuration = try printingConfiguration()
        let records = try CredentialRepository(try connection()).keys().filter { record in
            issuers.isEmpty || issuers.contains { $0.code == record.issuerCode }
        }
        let codes = records.map(\.issuerCode).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let list = TrustList(issued: today, issuers: try codes.map { code in
            TrustedIssuer(code: try IssuerCode(code), name: try issuerName(code), kind: code == IssuingAuthority.ministryCode ? .ministry : .province,
                          statusList: configuration.profile(code).statusList,
                          keys: records.filter { $0.issuerCode == code }.map {
                              TrustedKey(kid: $0.kid, publicKey: $0.publicKey, validFrom: $0.validFrom, validUntil: $0.validUntil, retired: $0.retiredOn)
                          })
        })
        try list.validate()
        return list
    }

    /// The trust list verifiers load (JSON, keys sorted: the same keys give the same bytes on a day).
    public func exportTrustList(issuers: [IssuingAuthority] = []) throws -> ExportedTrustList {
        let list = try trustList(issuers: issuers)
        guard !list.issuers.isEmpty else { throw PrintingError.noTrustList }
        return ExportedTrustList(json: String(decoding: list.encoded(), as: UTF8.self), issuers: list.issuers.count,
                                 keys: list.issuers.reduce(0) { $0 + $1.keys.count })
    }

    // MARK: Signing

    /// The key that signs for `issuer` on `date`: the given key file (which must be recorded and
    /// in service), else the most recent recorded key in service whose private file is here.
    func signingKey(issuer: String, on date: CalendarDate, keyFile: String?) throws -> IssuerKey {
        let repository = CredentialRepository(try connection())
        if let keyFile {
            let key = try IssuerKeyFile.load(from: keyFile)
            guard key.issuer.value == issuer else { throw PrintingError.keyOfAnotherIssuer(kid: key.kid, issuer: issuer) }
            guard let record = try repository.keys(issuerCode: issuer).first(where: { $0.kid == key.kid }),
                  record.publicKey == key.publicKey.base64url
            else { throw PrintingError.keyNotRecorded(kid: key.kid, path: keyFile) }
            guard record.signs(issuedOn: date) else { throw PrintingError.keyNotInService(kid: key.kid, date: date) }
            return key
        }
        let recorded = try repository.keys(issuerCode: issuer)
        let candidates = recorded.filter { $0.signs(issuedOn: date) }.sorted { ($0.validFrom, $0.kid) > ($1.validFrom, $1.kid) }
        guard !candidates.isEmpty else {
            throw PrintingError.noSigningKey(issuer: issuer, date: date, recorded: recorded.map { record in
                var window = "\(record.kid) \(record.validFrom.display(.vi))–\(record.validUntil?.display(.vi) ?? "")"
                if let retired = record.retiredOn { window += " (\(retired.display(.vi)))" }
                return window
            })
        }
        for record in candidates {
            let path = keyDirectory.appendingPathComponent("\(record.kid).json").path
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let key = try IssuerKeyFile.load(from: path)
            guard key.publicKey.base64url == record.publicKey else { throw PrintingError.keyNotRecorded(kid: key.kid, path: path) }
            return key
        }
        throw PrintingError.signingKeyFileMissing(kid: candidates[0].kid, path: keyDirectory.appendingPathComponent("\(candidates[0].kid).json").path)
    }

    /// Creates the key folder readable only by its owner.
    private func makePrivateDirectory(_ url: URL) throws {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: url.path)
        } catch {
            throw AppError.fileUnreadable(path: url.path, reason: error.localizedDescription)
        }
    }
}
