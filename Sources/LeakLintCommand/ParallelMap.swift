import Foundation
import GoSyntax
import Synchronization

/// Runs independent jobs on worker threads and returns their results in
/// input order, so output stays deterministic whatever the parallelism.
///
/// Workers are plain threads with a large stack: the parser recurses once
/// per nesting level (bounded by `GoParser.maxNestingDepth`), which must fit
/// even in unoptimised builds. When the system refuses a thread (a process
/// short of address space, `ulimit -v`), the next ones ask for less stack,
/// down to what deep work needs (`StackGuard.threadStackBytes`), and then
/// the run goes on with the workers it has; only the threads that started
/// are waited for.
public enum ParallelMap {
    public static let workerStackSize = 256 * 1024 * 1024

    public static var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Not even one worker thread could be started.
    public struct StartFailure: Error, CustomStringConvertible {
        public var reason: String
        public var description: String {
            "cannot start a worker thread: \(reason); raise the process's limits (ulimit -v, ulimit -u)"
        }
    }

    /// How a run went, for tests: the stack sizes the started workers got.
    struct Started {
        var stackSizes: [Int] = []
    }

    public static func run<T: Sendable>(count: Int, jobs: Int, _ body: @escaping @Sendable (Int) -> T) throws(StartFailure) -> [T] {
        var started = Started()
        return try run(count: count, jobs: jobs, threads: SystemThreads(), started: &started, body)
    }

    static func run<T: Sendable>(
        count: Int, jobs: Int, threads: some ThreadStarter, started: inout Started, _ body: @escaping @Sendable (Int) -> T
    ) throws(StartFailure) -> [T] {
        guard count > 0 else { return [] }
        let storage = ResultStorage<T>(count: count)
        var wanted = max(1, min(jobs, count))
        let work: @Sendable () -> Void = {
            while true {
                let index = storage.nextIndex.add(1, ordering: .relaxed).oldValue
                if index >= count { break }
                storage.store(body(index), at: index)
            }
        }
        var workers: [WorkerThread] = []
        let minimum = StackGuard.threadStackBytes
        var stackSize = max(workerStackSize, minimum)
        if let budget = stackBudget() {
            // Under an address-space limit, stacks take a quarter of it at most: the rest is the heap's.
            stackSize = min(stackSize, max(minimum, budget / wanted))
            wanted = max(1, min(wanted, budget / stackSize))
        }
        var refusal: Int32 = 0
        starting: while workers.count < wanted {
            switch threads.start(stackSize: stackSize, work) {
            case .success(let worker):
                workers.append(worker)
                started.stackSizes.append(stackSize)
            case .failure(let error):
                refusal = error.code
                // Less stack, down to the least that deep work needs; then no more workers.
                guard stackSize > StackGuard.threadStackBytes else { break starting }
                stackSize = max(stackSize / 4, StackGuard.threadStackBytes)
            }
        }
        guard !workers.isEmpty else { throw StartFailure(reason: DescriptorWriter.describe(refusal)) }
        for worker in workers { worker.join() }
        return storage.results()
    }
}

extension ParallelMap {
    /// Under an address-space limit, makes threads share one malloc arena:
    /// glibc reserves 64 MB of address space for each arena it adds (about
    /// one per thread), and when it cannot, every allocation becomes a
    /// system call and the run crawls. Call once, before any thread starts.
    public static func adaptToAddressSpaceLimit() {
        #if canImport(Glibc)
        /// `M_ARENA_MAX` of glibc's malloc.h.
        let arenaMaximum: Int32 = -8
        if stackBudget() != nil { _ = setMallocOption(arenaMaximum, 1) }
        #endif
    }

    /// A quarter of the process's address-space limit (`ulimit -v`), or nil when unlimited.
    static func stackBudget() -> Int? {
        var limit = rlimit()
        guard getrlimit(RLIMIT_AS_VALUE, &limit) == 0, limit.rlim_cur != RLIM_UNLIMITED else { return nil }
        return Int(clamping: limit.rlim_cur / 4)
    }
}

#if canImport(Glibc)
/// glibc's `mallopt`, which the Glibc module does not export (malloc.h is not part of it).
@_silgen_name("mallopt")
private func setMallocOption(_ parameter: Int32, _ value: Int32) -> Int32
#endif

#if os(Linux)
private let RLIMIT_AS_VALUE = __rlimit_resource_t(RLIMIT_AS.rawValue)
/// `RLIM_INFINITY`, which Swift does not import from glibc (it is a cast of -1).
private let RLIM_UNLIMITED = rlim_t.max
#else
private let RLIMIT_AS_VALUE = RLIMIT_AS
private let RLIM_UNLIMITED = RLIM_INFINITY
#endif

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
