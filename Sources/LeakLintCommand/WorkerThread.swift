#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts joinable POSIX threads with a chosen stack size and says when one
/// could not be started (Foundation's `Thread` gives no sign of it, so a
/// caller waiting for its work would wait forever). Tests substitute a
/// starter that refuses, as a process short of address space does.
protocol ThreadStarter: Sendable {
    /// A started thread, or the `errno` of the refusal.
    func start(stackSize: Int, _ body: @escaping @Sendable () -> Void) -> Result<WorkerThread, WorkerThread.StartError>
}

/// A started thread, to be joined once.
struct WorkerThread {
    struct StartError: Error, Equatable {
        var code: Int32
    }

    #if os(Linux)
    fileprivate let handle: pthread_t
    #else
    fileprivate let handle: pthread_t?
    #endif

    /// Waits for the thread to end.
    func join() {
        #if os(Linux)
        pthread_join(handle, nil)
        #else
        if let handle { pthread_join(handle, nil) }
        #endif
    }
}

/// The system's threads.
struct SystemThreads: ThreadStarter {
    func start(stackSize: Int, _ body: @escaping @Sendable () -> Void) -> Result<WorkerThread, WorkerThread.StartError> {
        var attributes = pthread_attr_t()
        guard pthread_attr_init(&attributes) == 0 else { return .failure(.init(code: ENOMEM)) }
        defer { pthread_attr_destroy(&attributes) }
        let sizing = pthread_attr_setstacksize(&attributes, stackSize)
        guard sizing == 0 else { return .failure(.init(code: sizing)) }
        let context = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
        #if os(Linux)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let created = pthread_create(&thread, &attributes, { raw in
            guard let raw else { return nil }
            Unmanaged<ThreadBody>.fromOpaque(raw).takeRetainedValue().body()
            return nil
        }, context)
        guard created == 0 else {
            Unmanaged<ThreadBody>.fromOpaque(context).release()
            return .failure(.init(code: created))
        }
        return .success(WorkerThread(handle: thread))
    }
}

/// Carries a thread's work across `pthread_create`.
private final class ThreadBody {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
}
