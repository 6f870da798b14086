#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Removes the temporary file of an unfinished atomic write when the run
/// is interrupted (SIGINT, SIGTERM, SIGHUP), so that an interrupted
/// `--output`, `--write-baseline` or `--fix` leaves no hidden partial file
/// beside its target. SIGKILL cannot be caught: it can still leave one.
///
/// The signal handler only reads one atomic pointer, unlinks the path it
/// points to and re-raises the signal with its default action, which is
/// all a handler may safely do. It runs on the thread that installed it
/// (a signal delivered to another thread is passed on to that one), and
/// temporary files are registered from that thread too, so a path is
/// never freed while the handler reads it.
enum InterruptCleanup {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    /// The address of the temporary file's path being written, as a C string, or 0.
    private static let pending = Atomic<Int>(0)
    /// The thread that handles the signals (set before the handlers are installed).
    nonisolated(unsafe) private static var handlingThread = pthread_self()

    /// Installs the handlers, on the calling thread (the main thread), for
    /// each signal that is not ignored: a run started with SIGINT ignored
    /// (in the background, or under `nohup`) keeps ignoring it. A handled
    /// signal is also unblocked: a process started from a thread that
    /// blocks signals (as thread pools do) inherits that mask by accident.
    static func install() {
        handlingThread = pthread_self()
        _ = pending.load(ordering: .acquiring)
        var handled = sigset_t()
        sigemptyset(&handled)
        for signal in signals {
            var previous = sigaction()
            guard sigaction(signal, nil, &previous) == 0, !InterruptCleanup.isIgnored(previous) else { continue }
            var action = sigaction()
            InterruptCleanup.setHandler(&action)
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            if sigaction(signal, &action, nil) == 0 { sigaddset(&handled, signal) }
        }
        _ = pthread_sigmask(SIG_UNBLOCK, &handled, nil)
    }

    /// Runs `body` with `path` registered as the temporary file to remove
    /// if the process is interrupted meanwhile.
    static func whileWriting<T>(_ path: String, _ body: () -> T) -> T {
        let copy = strdup(path)
        let address = Int(bitPattern: copy)
        pending.store(address, ordering: .releasing)
        defer {
            // Leaves a later registration (a concurrent caller's, in tests) in place.
            _ = pending.compareExchange(expected: address, desired: 0, ordering: .acquiringAndReleasing)
            free(copy)
        }
        return body()
    }

    /// The handler: removes the pending temporary file, then ends the
    /// process the way the signal would have.
    fileprivate static func handle(_ number: Int32) {
        if pthread_equal(pthread_self(), handlingThread) == 0 {
            _ = pthread_kill(handlingThread, number)
            return
        }
        if let path = UnsafePointer<CChar>(bitPattern: pending.load(ordering: .acquiring)) { unlink(path) }
        // Blocked while the handler runs, the signal is delivered again on return, now with its default action.
        signal(number, SIG_DFL)
        raise(number)
    }

    private static func isIgnored(_ action: sigaction) -> Bool {
        #if os(Linux)
        let handler = action.__sigaction_handler.sa_handler
        #else
        let handler = action.__sigaction_u.__sa_handler
        #endif
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    private static func setHandler(_ action: inout sigaction) {
        #if os(Linux)
        action.__sigaction_handler.sa_handler = { InterruptCleanup.handle($0) }
        #else
        action.__sigaction_u.__sa_handler = { InterruptCleanup.handle($0) }
        #endif
    }
}
