import Foundation
import GoSyntax
import Synchronization
import Testing
@testable import LeakLintCommand

/// When the system refuses worker threads, the run asks for smaller stacks,
/// then goes on with fewer workers, and fails with a message only when not
/// one can start; it never waits for a thread that was not started.
@Suite struct WorkerThreads {
    /// The system's threads, refusing those that ask for more than
    /// `maximumStack` bytes and any beyond the first `allowed`.
    final class RefusingThreads: ThreadStarter, @unchecked Sendable {
        let maximumStack: Int
        let allowed: Int
        private let started = Mutex(0)
        init(maximumStack: Int = .max, allowed: Int = .max) {
            self.maximumStack = maximumStack
            self.allowed = allowed
        }
        func start(stackSize: Int, _ body: @escaping @Sendable () -> Void) -> Result<WorkerThread, WorkerThread.StartError> {
            let mayStart = started.withLock { count -> Bool in
                guard stackSize <= maximumStack && count < allowed else { return false }
                count += 1
                return true
            }
            guard mayStart else { return .failure(.init(code: EAGAIN)) }
            return SystemThreads().start(stackSize: stackSize, body)
        }
    }

    @Test func smallerStacksWhenLargeOnesAreRefused() throws {
        let threads = RefusingThreads(maximumStack: StackGuard.threadStackBytes)
        var started = ParallelMap.Started()
        let results = try ParallelMap.run(count: 50, jobs: 4, threads: threads, started: &started) { $0 * 2 }
        #expect(results == (0..<50).map { $0 * 2 })
        #expect(started.stackSizes == [Int](repeating: StackGuard.threadStackBytes, count: 4))
    }

    @Test func fewerWorkersWhenThreadsAreRefused() throws {
        var started = ParallelMap.Started()
        let results = try ParallelMap.run(count: 50, jobs: 8, threads: RefusingThreads(allowed: 2), started: &started) { $0 + 1 }
        #expect(results == (1...50).map { $0 })
        #expect(started.stackSizes.count == 2)
    }

    @Test func noWorkerAtAllIsAnError() {
        var started = ParallelMap.Started()
        #expect(throws: ParallelMap.StartFailure.self) {
            try ParallelMap.run(count: 3, jobs: 2, threads: RefusingThreads(allowed: 0), started: &started) { $0 }
        }
        #expect(started.stackSizes.isEmpty)
        let failure = ParallelMap.StartFailure(reason: "resource temporarily unavailable")
        #expect(failure.description == "cannot start a worker thread: resource temporarily unavailable; raise the process's limits (ulimit -v, ulimit -u)")
    }

    /// With eight 256 MB stacks asked for under a 2 GB address-space limit
    /// the run used to wait forever for threads that never started.
    @Test(.enabled(if: !Sanitizers.active)) func addressSpaceLimitWithManyJobs() throws {
        let tree = try FixtureTree()
        for index in 0..<12 { try tree.write("p\(index)/a.go", StandardStreams.leaky) }
        for kilobytes in [2_000_000, 400_000] {
            let run = try ShellRun(#"ulimit -v \#(kilobytes) && exec "$LEAKLINT" --jobs 8 -q ./..."#, in: tree.root, timeout: 60)
            #expect(!run.timedOut && run.signal == nil, "ulimit -v \(kilobytes)")
            #expect(run.status == 1, "ulimit -v \(kilobytes): \(run.err)")
            #expect(run.out.split(separator: "\n").filter { !$0.hasPrefix("\t") }.count == 12)
        }
    }
}
