import Foundation
import OCOPDocuments
import OCOPDomain
import OCOPModels
import Testing

/// The documents every determinism check renders, by file name.
func determinismSet() throws -> [(String, @Sendable () throws -> Data)] {
    [
        ("certificate.pdf", { try renderer.pdf(Fixture.certificate()) }),
        ("decision.pdf", { try renderer.pdf(Fixture.decision()) }),
        ("minutes.pdf", { try renderer.pdf(try CouncilFixture.minutes()) }),
        ("notice.pdf", { try renderer.pdf(try CouncilFixture.notice()) }),
        ("revocation.pdf", { try renderer.pdf(Fixture.revocation(count: 3)) }),
        ("sheet-26.pdf", { try renderer.pdf(try ScoringSheetTests.filled(allSets[25])) }),
        ("chart.svg", { try renderer.svg(ChartTests.bars) }),
        ("chart.png", { try renderer.png(ChartTests.share(.donut)) }),
    ]
}

@Suite("Determinism and threads")
struct DeterminismTests {
    static let childVariable = "OCOP_DOCUMENTS_CHILD_OUTPUT"

    @Test("The same document gives the same bytes; PDF dates come from the document")
    func sameBytes() throws {
        for (name, render) in try determinismSet() {
            #expect(try render() == render(), "\(name) differs between two renders")
        }
        let pdf = String(decoding: try renderer.pdf(Fixture.certificate()), as: UTF8.self)
        // cairo 1.16 writes the date without PDF's "D:" prefix.
        #expect(pdf.contains("/CreationDate (20260805000000+07'00)") || pdf.contains("/CreationDate (D:20260805000000+07'00)"))
        #expect(pdf.contains("/ModDate (20260805000000+07'00)") || pdf.contains("/ModDate (D:20260805000000+07'00)"))
        #expect(pdf.contains("/Creator (OCOP workbench)"))
    }

    /// The half of `separateProcesses` that runs in the child process.
    @Test("Child process: writes the documents (runs only when spawned by the test below)",
          .enabled(if: ProcessInfo.processInfo.environment[childVariable] != nil))
    func childWrites() throws {
        let directory = URL(fileURLWithPath: try #require(ProcessInfo.processInfo.environment[Self.childVariable]))
        for (name, render) in try determinismSet() { try render().write(to: directory.appendingPathComponent(name)) }
    }

    @Test("Another process renders byte-identical files")
    func separateProcesses() throws {
        let executable = try #require(CommandLine.arguments.first)
        try withTemporaryDirectory { dir in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["--testing-library", "swift-testing", "--filter", "DeterminismTests/childWrites"]
            var environment = ProcessInfo.processInfo.environment
            environment[Self.childVariable] = dir.path
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            for (name, render) in try determinismSet() {
                let child = try Data(contentsOf: dir.appendingPathComponent(name))
                #expect(child == (try render()), "\(name) differs between processes")
            }
        }
    }

    @Test("Renders from many threads, on one renderer and on several, give the serial bytes")
    func concurrent() async throws {
        let documents = try determinismSet()
        let expected = try documents.map { try $0.1() }
        let second = try DocumentRenderer()
        let results = try await withThrowingTaskGroup(of: (Int, Data).self) { group in
            for round in 0..<4 {
                for index in documents.indices {
                    group.addTask {
                        // Odd rounds use a renderer of their own: separate font maps in parallel.
                        if round % 2 == 1, index == 0 { return (index, try second.pdf(Fixture.certificate())) }
                        if round % 2 == 1, index == 1 { return (index, try DocumentRenderer().pdf(Fixture.decision())) }
                        return (index, try documents[index].1())
                    }
                }
            }
            var all: [(Int, Data)] = []
            for try await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 4 * documents.count)
        for (index, data) in results { #expect(data == expected[index], "\(documents[index].0) differs under concurrency") }
    }
}
