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

/// Result slots written by exactly one worker each; read after all workers
/// have signalled, which orders the writes before the reads.
private final class ResultStorage<T>: @unchecked Sendable {
    let nextIndex = Atomic<Int>(0)
    private let slots: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ value: T, at index: Int) { slots[index] = value }

    func results() -> [T] { slots.compactMap { $0 } }
}
