import Foundation
import Synchronization

/// Runs independent jobs on worker threads and returns their results in
/// input order, so output stays deterministic whatever the parallelism.
///
/// Workers are plain threads with a large stack: the parser recurses once
/// per nesting level (bounded by `GoParser.maxNestingDepth`), which must fit
/// even in unoptimised builds.
public enum ParallelMap {
    public static let workerStackSize = 256 * 1024 * 1024

    public static var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    public static func run<T: Sendable>(count: Int, jobs: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let storage = ResultStorage<T>(count: count)
        let workers = max(1, min(jobs, count))
        let finished = DispatchSemaphore(value: 0)
        for _ in 0..<workers {
            let thread = Thread {
                while true {
                    let index = storage.nextIndex.add(1, ordering: .relaxed).oldValue
                    if index >= count { break }
                    storage.store(body(index), at: index)
                }
                finished.signal()
            }
            thread.stackSize = workerStackSize
            thread.start()
        }
        for _ in 0..<workers { finished.wait() }
        return storage.results()
    }
}

/// Result slots written by exactly one worker each. A lock (taken once per
/// job, negligible next to parsing a file) orders every write before the
/// final read in a way thread sanitizers can see.
private final class ResultStorage<T>: @unchecked Sendable {
    let nextIndex = Atomic<Int>(0)
    private let lock = NSLock()
    private var slots: [T?]

    init(count: Int) {
        slots = [T?](repeating: nil, count: count)
    }

    func store(_ value: T, at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func results() -> [T] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
