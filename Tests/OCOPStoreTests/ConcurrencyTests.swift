import Foundation
import OCOPDomain
import OCOPModels
import OCOPStore
import OCOPTestSupport
import Postgres
import Testing

/// Two people at once: every race ends in a consistent database, and the loser reads a clear
/// refusal (a conflict), never a raw database error.
@Suite struct ConcurrencyTests {
    /// Runs `body` on `count` threads, each with its own connection, released together.
    static func race<T: Sendable>(_ count: Int, on target: ConnectionTarget, _ body: @escaping @Sendable (Int, Connection) throws -> T) -> [Result<T, any Error>] {
        let results = Results<T>(count)
        let ready = DispatchGroup(), done = DispatchGroup()
        let gate = DispatchSemaphore(value: 0)
        for index in 0..<count {
            ready.enter()
            done.enter()
            Thread.detachNewThread {
                defer { done.leave() }
                let connection: Connection
                do { connection = try Connection(target) } catch {
                    results.set(index, .failure(error))
                    ready.leave()
                    return
                }
                defer { connection.close() }
                ready.leave()
                gate.wait()
                results.set(index, Result { try body(index, connection) })
            }
        }
        ready.wait()
        for _ in 0..<count { gate.signal() }
        done.wait()
        return results.all
    }

    /// The failures of `results`, as the kinds a person would read.
    static func kinds<T>(_ results: [Result<T, any Error>]) -> [ErrorKind] {
        results.compactMap { result in
            guard case let .failure(error) = result else { return nil }
            if let failure = error as? any LocalizedFailure { return failure.kind }
            if let failure = StoreError.converting(error) { return failure.kind }
            return .internal
        }
    }

    @Test func theSameSheetSubmittedTwiceAtOnceIsStoredOnce() throws {
        let world = try CouncilWorld.make("race_submit", sets: [1])
        _ = try world.open()
        let set = try world.productSet(0)
        let sheet = try #require(set.councilSheet(total: 75, floors: set.markerFloors(upTo: 3)))
        let dossier = world.dossiers[0]
        for round in 0..<5 {
            let member = CouncilWorld.scorers[round]
            let results = Self.race(3, on: world.target) { _, connection in
                let scores = ScoreRepository(connection)
                let context = try scores.context(dossier: dossier, person: person(member))
                return try scores.submit(context, sheet: sheet, source: .file, actor: person(member)).meta.version
            }
            #expect(results.filter { (try? $0.get()) != nil }.count == 1, "\(member): exactly one submission wins")
            #expect(Self.kinds(results).allSatisfy { $0 == .conflict }, "\(member): \(results)")
            for case let .failure(error) in results {
                let text = (error as? any LocalizedFailure)?.message(.vi) ?? StoreError.converting(error)?.message(.vi) ?? "\(error)"
                #expect(!text.contains("SQLSTATE") && !text.contains("23505"), "\(text)")
            }
            #expect(try world.connection.count("score_sheet s JOIN person p ON p.id = s.person_id", where: "p.code = '\(member)'") == 1)
        }
    }

    @Test func concurrentCorrectionsKeepVersionsConsecutive() throws {
        let world = try CouncilWorld.make("race_correct", sets: [1])
        _ = try world.open()
        try world.score(0, "m1", total: 70)
        let set = try world.productSet(0)
        let dossier = world.dossiers[0]
        let results = Self.race(4, on: world.target) { index, connection in
            let sheet = try #require(set.councilSheet(total: 71 + index, floors: set.markerFloors(upTo: 3)))
            let scores = ScoreRepository(connection)
            let context = try scores.context(dossier: dossier, person: person("m1"))
            return try scores.submit(context, sheet: sheet, source: .file, reason: "Chấm lại tiêu chí \(index)", actor: person("m1")).meta.version
        }
        #expect(Self.kinds(results).allSatisfy { $0 == .conflict }, "\(results)")
        let versions = try world.connection.query("SELECT version FROM score_sheet ORDER BY version").map { try $0.decode(Int.self, "version") }
        #expect(versions == Array(1...versions.count), "versions \(versions) have no gaps and no repeats")
        #expect(versions.count == 1 + results.filter { (try? $0.get()) != nil }.count)
    }

    @Test func submissionsRacingAFinalizationAreCountedOrRefused() throws {
        let world = try CouncilWorld.make("race_final", sets: [1])
        let session = try world.open()
        for member in ["chair", "vice1", "vice2", "m1", "m2"] { try world.score(0, member, total: 74) }
        let set = try world.productSet(0)
        let sheet = try #require(set.councilSheet(total: 74, floors: set.markerFloors(upTo: 3)))
        let dossier = world.dossiers[0]
        let results = Self.race(3, on: world.target) { index, connection -> String in
            if index == 0 {
                return "\(try SessionRepository(connection).finalize(session, actor: person("sec")).decided.count)"
            }
            let member = ["m3", "m4"][index - 1]
            let scores = ScoreRepository(connection)
            let context = try scores.context(dossier: dossier, person: person(member))
            return "\(try scores.submit(context, sheet: sheet, source: .file, actor: person(member)).meta.version)"
        }
        #expect(Self.kinds(results).allSatisfy { $0 == .conflict || $0 == .invalidInput }, "\(results)")
        // Whatever won, the result counts exactly the sheets that are stored.
        let stored = try world.connection.count("score_sheet")
        let result = try world.snapshot(session).dossiers[0].result
        if let result {
            #expect(result.rating.members.count == stored, "the result counts \(result.rating.members.count) sheets, \(stored) are stored")
        }
    }

    @Test func advanceAndWithdrawAtOnceLeaveOneConsistentHistory() throws {
        let world = try CouncilWorld.make("race_walk", sets: [1, 1, 1, 1])
        let bench = world.bench()
        defer { bench.close() }
        for round in 0..<4 {
            let product = try bench.addProduct(ProductDraft(name: "Đua \(round)", producerRef: "0101234567", productSet: 1, year: 2026))
            let dossier = try bench.openDossier(DossierOpening(productRef: product.code, kind: .firstEvaluation, year: 2026, round: 2)).code
            let results = Self.race(2, on: world.target) { index, connection in
                try DossierRepository(connection).apply(index == 0 ? .advance(to: nil) : .withdraw, to: dossier, actor: person("p\(index)")).status
            }
            #expect(Self.kinds(results).allSatisfy { $0 == .invalidInput }, "\(results)")
            let events = try world.connection.query("""
                SELECT e.from_status, e.to_status FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id WHERE d.code = $1 ORDER BY e.id
                """, dossier.rawValue).map { (try $0.decode(String?.self, "from_status"), try $0.decode(String.self, "to_status")) }
            for (previous, next) in zip(events, events.dropFirst()) { #expect(next.0 == previous.1, "the chain of events is unbroken: \(events)") }
            #expect(try bench.dossier(dossier).status.rawValue == events.last?.1)
        }
    }

    @Test func productsAddedAtOnceGetDistinctConsecutiveCodes() throws {
        let (target, connection) = try Fixture.registryTarget("race_codes")
        try ProducerRepository(connection).add(Fixture.producer(), actor: person("t"))
        let results = Self.race(8, on: target) { index, connection in
            try ProductRepository(connection).add(ProductDraft(name: "Sản phẩm \(index)", producerRef: "0101234567", productSet: 4, year: 2026),
                                                  today: Fixture.today, actor: person("t")).code
        }
        let codes = results.compactMap { try? $0.get() }.sorted()
        #expect(codes.count == 8, "\(results)")
        #expect(codes == (1...8).map { "24-07534-\(String(format: "%03d", $0))-2026" })
    }
}

final class Results<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Result<T, any Error>?]
    init(_ count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Result<T, any Error>) { lock.lock(); values[index] = value; lock.unlock() }
    var all: [Result<T, any Error>] { lock.lock(); defer { lock.unlock() }; return values.map { $0! } }
}
