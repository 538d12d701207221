#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import OCOPDomain

/// The file that holds an issuer's private signing key: UTF-8 JSON (keys sorted), readable only
/// by its owner (mode 0600).
///
/// ```json
/// {
///   "algorithm" : "Ed25519",
///   "created" : "2026-08-05",
///   "format" : "ocop-issuer-key/1",
///   "issuer" : "24",
///   "kid" : "24-MFRGGZDF",
///   "privateKey" : "<base64url, 32-byte RFC 8032 seed>",
///   "publicKey" : "<base64url, 32 bytes>"
/// }
/// ```
/// `load` checks that the public key and the kid follow from the private key, so a file edited by
/// hand cannot pair one issuer's name with another's key.
public enum IssuerKeyFile {
    public static let format = "ocop-issuer-key/1"
    /// A key file is a few hundred bytes; anything much larger is not one.
    static let maximumSize = 64 * 1024

    struct Contents: Codable {
        var format: String
        var issuer: IssuerCode
        var kid: String
        var algorithm: String
        var created: CalendarDate
        var publicKey: String
        var privateKey: String
    }

    /// The file's bytes for `key`.
    public static func encode(_ key: IssuerKey) -> [UInt8] {
        let contents = Contents(
            format: format, issuer: key.issuer, kid: key.kid, algorithm: "Ed25519", created: key.created,
            publicKey: key.publicKey.base64url, privateKey: Base64URL.encode(key.seed))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings cannot fail.
        return Array(try! encoder.encode(contents)) + [0x0A]
    }

    /// Reads a key from the file's bytes (`path` only names the file in errors).
    public static func decode(_ bytes: [UInt8], path: String) throws(CredentialError) -> IssuerKey {
        func invalid(_ vi: String, _ en: String) -> CredentialError {
            .keyFileInvalid(path: path, reason: LocalizedText(vi: vi, en: en))
        }
        let contents: Contents
        do {
            contents = try JSONDecoder().decode(Contents.self, from: Data(bytes))
        } catch {
            throw invalid("không phải tệp khóa JSON đúng định dạng \(format)", "not a JSON key file of format \(format)")
        }
        guard contents.format == format else {
            throw invalid("định dạng \"\(contents.format)\" không được hỗ trợ (cần \(format))", "format \"\(contents.format)\" is not supported (expected \(format))")
        }
        guard contents.algorithm == "Ed25519" else {
            throw invalid("thuật toán \"\(contents.algorithm)\" không được hỗ trợ (cần Ed25519)", "algorithm \"\(contents.algorithm)\" is not supported (expected Ed25519)")
        }
        guard let seed = try? Base64URL.decode(contents.privateKey), seed.count == 32 else {
            throw invalid("khóa bí mật không phải 32 byte base64url", "the private key is not 32 bytes of base64url")
        }
        let key = try IssuerKey(issuer: contents.issuer, seed: seed, created: contents.created)
        guard contents.publicKey == key.publicKey.base64url else {
            throw invalid("khóa công khai không khớp với khóa bí mật", "the public key does not match the private key")
        }
        guard contents.kid == key.kid else {
            throw invalid("mã khóa \(contents.kid) không khớp (đúng là \(key.kid))", "kid \(contents.kid) does not match (it is \(key.kid))")
        }
        return key
    }

    /// Writes `key` to a new file at `path`, mode 0600. The bytes go to a temporary file in the
    /// same directory, created 0600 with O_EXCL (so it is never readable by others, whatever the
    /// umask) and flushed to disk; it is then hard-linked to `path`, which fails instead of
    /// replacing an existing file, so a private key is never overwritten or left half-written.
    public static func write(_ key: IssuerKey, to path: String) throws(CredentialError) {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = (directory.isEmpty ? "" : directory + "/") + ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"

        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .keyFileIO(path: path, operation: .write, errno: errno) }
        defer { unlink(temporary) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            guard fchmod(descriptor, 0o600) == 0 else { throw CredentialError.keyFileIO(path: path, operation: .write, errno: errno) }
            try handle.write(contentsOf: encode(key))
            try handle.synchronize()
            try handle.close()
        } catch let error as CredentialError {
            throw error
        } catch {
            throw .keyFileIO(path: path, operation: .write, errno: (error as NSError).domain == NSPOSIXErrorDomain ? Int32((error as NSError).code) : EIO)
        }
        guard link(temporary, path) == 0 else {
            let code = errno
            throw code == EEXIST ? .keyFileExists(path: path) : .keyFileIO(path: path, operation: .write, errno: code)
        }
        syncDirectory(directory.isEmpty ? "." : directory)
    }

    /// Reads the key at `path`. Refuses a file that group or others may read (like ssh), a file
    /// that is not a regular file, and a file whose content does not hold together. The mode is
    /// checked on the open descriptor, so the file cannot be swapped between check and read.
    public static func load(from path: String) throws(CredentialError) -> IssuerKey {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            throw code == ENOENT ? .keyFileNotFound(path: path) : .keyFileIO(path: path, operation: .read, errno: code)
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .keyFileIO(path: path, operation: .read, errno: errno) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .keyFileNotRegular(path: path) }
        guard status.st_mode & 0o077 == 0 else { throw .keyFilePermissions(path: path, mode: Int(status.st_mode & 0o7777)) }
        guard Int(status.st_size) <= maximumSize else {
            throw .keyFileInvalid(path: path, reason: LocalizedText(vi: "tệp quá lớn để là một tệp khóa", en: "the file is too large to be a key file"))
        }
        let bytes: [UInt8]
        do {
            bytes = Array(try handle.readToEnd() ?? Data())
        } catch {
            throw .keyFileIO(path: path, operation: .read, errno: EIO)
        }
        return try decode(bytes, path: path)
    }

    /// Makes the new directory entry durable (best effort: not every file system allows it).
    private static func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
