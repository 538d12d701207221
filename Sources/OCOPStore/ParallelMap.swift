import Foundation

extension Array where Element: Sendable {
    /// The elements transformed on every core, in order; the first error thrown is rethrown.
    /// For a province's round the typed results' JSON (2,000 results of ~5 kB) is most of a
    /// finalization's or a session read's own work; below `chunk` elements per core it runs on
    /// the calling thread.
    func concurrentMap<T: Sendable>(chunk: Int = 100, _ transform: @Sendable (Element) throws -> T) throws -> [T] {
        let workers = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, count / chunk))
        guard workers > 1 else { return try map(transform) }
        let slots = Slots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for i in stride(from: worker, to: count, by: workers) {
                slots.set(i, Result { try transform(self[i]) })
            }
        }
        return try slots.values.map { try $0!.get() }
    }
}

/// The slots the workers fill, one per element.
private final class Slots<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<T, any Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<T, any Error>) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [Result<T, any Error>?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
