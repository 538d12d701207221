import Foundation
import OCOPModels

/// Renders document models through the print helper `ocop-print`, which holds cairo, pango and
/// the fonts: `ocop` itself never loads them, so the commands that do not print start ~8 ms
/// sooner. The helper is the same renderer (OCOPDocuments.DocumentRenderer), so the bytes are the
/// same as rendering in process. Found next to the running program, or in `../libexec/ocop/`
/// (where `make install` puts it).
public struct DocumentPrinter: Sendable {
    public let helper: URL

    public init() throws {
        let program = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                          ?? CommandLine.arguments[0]).resolvingSymlinksInPath()
        let folder = program.deletingLastPathComponent()
        let candidates = [folder.appendingPathComponent("ocop-print"),
                          folder.deletingLastPathComponent().appendingPathComponent("libexec/ocop/ocop-print")].map(\.standardizedFileURL)
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw DocumentError.printHelperMissing(searched: candidates.map(\.path))
        }
        helper = found
    }

    public func pdf(_ certificate: CertificateDocument) throws -> Data { try render(.certificates([certificate])) }
    /// Many certificates in one PDF; `progress` is called with the number of pages done.
    public func pdf(certificates: [CertificateDocument], progress: (Int) -> Void = { _ in }) throws -> Data {
        try render([.certificates(certificates)], progress: progress)[0]
    }
    public func pdf(_ decision: DecisionDocument) throws -> Data { try render(.decision(decision)) }
    public func pdf(_ minutes: MinutesDocument) throws -> Data { try render(.minutes(minutes)) }
    public func pdf(_ notice: NoticeDocument) throws -> Data { try render(.notice(notice)) }
    public func pdf(_ sheet: ScoringSheetDocument) throws -> Data { try render(.scoringSheet(sheet)) }
    public func pdf(_ revocation: RevocationDecisionDocument) throws -> Data { try render(.revocation(revocation)) }
    public func pdf(_ report: ReportDocument) throws -> Data { try render(.report(report)) }
    public func svg(_ chart: ChartDocument) throws -> Data { try render(.chartSVG(chart)) }
    public func png(_ chart: ChartDocument, dpi: Double = 150) throws -> Data { try render(.chartPNG(chart, dpi: dpi)) }
    public func pdf(_ chart: ChartDocument) throws -> Data { try render(.chartPDF(chart)) }

    private func render(_ job: PrintJob) throws -> Data { try render([job])[0] }

    /// Renders every job in one run of the helper, in order; `progress` gets the running count
    /// of units done (`PrintJob.units`).
    public func render(_ jobs: [PrintJob], progress: (Int) -> Void = { _ in }) throws -> [Data] {
        let folder = try Self.privateFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let request = folder.appendingPathComponent("request.json"), results = folder.appendingPathComponent("out", isDirectory: true)
        let errors = folder.appendingPathComponent("stderr")
        let process = Process()
        let lines = Pipe()
        do {
            try JSONEncoder().encode(jobs).write(to: request)
            try FileManager.default.createDirectory(at: results, withIntermediateDirectories: false)
            _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
            process.executableURL = helper
            process.arguments = [request.path, results.path]
            process.standardOutput = lines
            process.standardInput = FileHandle.nullDevice
            process.standardError = try FileHandle(forWritingTo: errors)
            try process.run()
        } catch {
            throw DocumentError.printHelperFailed("\(helper.path): \(error.localizedDescription)")
        }
        // Progress lines until the helper closes its output (it writes nothing else there).
        var pending = Data()
        while true {
            let chunk = lines.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            pending.append(chunk)
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                if let done = Int(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)) { progress(done) }
                pending.removeSubrange(pending.startIndex...newline)
            }
        }
        process.waitUntilExit()
        if process.terminationReason == .exit, process.terminationStatus == 0 {
            return try jobs.indices.map { index in
                do { return try Data(contentsOf: results.appendingPathComponent(String(index))) } catch {
                    throw DocumentError.printHelperFailed(error.localizedDescription)
                }
            }
        }
        if let data = try? Data(contentsOf: results.appendingPathComponent("failure.json")),
           let failure = try? JSONDecoder().decode(PrintFailure.self, from: data) {
            switch failure {
            case .document(let error): throw error
            case .request(let detail): throw DocumentError.printHelperFailed(detail)
            }
        }
        let said = (try? String(contentsOf: errors, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let status = process.terminationReason == .exit ? "exit \(process.terminationStatus)" : "signal \(process.terminationStatus)"
        throw DocumentError.printHelperFailed(said.isEmpty ? status : "\(status): \(said.suffix(2000))")
    }

    /// A fresh folder only this user can read (the request holds unpublished documents); made
    /// anew, never reused (creating it fails if the name exists).
    private static func privateFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ocop-print-job-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw DocumentError.printHelperFailed("\(folder.path): \(error.localizedDescription)")
        }
        return folder
    }
}
