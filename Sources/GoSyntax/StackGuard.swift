#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes sure deep recursion has room: the parser, and later phases such as
/// name resolution, recurse once per nesting level (bounded by
/// `GoParser.maxNestingDepth`), and a caller's thread may have a small
/// stack. When the current thread has too little left, the work runs on a
/// fresh thread with a stack big enough for the worst case.
public enum StackGuard {
    /// Stack the parser may need at the nesting limit, with a wide margin.
    /// Unoptimised builds use much larger frames.
    static var requiredBytes: Int {
        #if DEBUG
        return GoParser.maxNestingDepth * 16 * 1024 + (4 << 20)
        #else
        return GoParser.maxNestingDepth * 4 * 1024 + (2 << 20)
        #endif
    }

    /// The stack size of a thread started for deep work: enough for the
    /// worst case, plus room for the caller's frames. Worker threads
    /// started with at least this much never need a thread of their own.
    public static var threadStackBytes: Int { requiredBytes + (8 << 20) }

    /// Bytes left below the current stack pointer, or nil if unknown.
    static func remainingBytes() -> Int? {
        #if os(Linux)
        var attributes = pthread_attr_t()
        guard currentThreadAttributes(pthread_self(), &attributes) == 0 else { return nil }
        defer { pthread_attr_destroy(&attributes) }
        var lowest: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attributes, &lowest, &size) == 0, let lowest else { return nil }
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { Int(bitPattern: $0) }
        return here - Int(bitPattern: lowest)
        #else
        let thread = pthread_self()
        let top = Int(bitPattern: pthread_get_stackaddr_np(thread))
        let size = pthread_get_stacksize_np(thread)
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { Int(bitPattern: $0) }
        return size - (top - here)
        #endif
    }

    /// Runs `body` here if the stack has room, else on a new thread with
    /// enough stack, waiting for it to finish.
    public static func withDeepStack<T>(_ body: () -> T) -> T {
        let required = requiredBytes
        if let remaining = remainingBytes(), remaining >= required { return body() }
        return withoutActuallyEscaping(body) { escapable in
            let box = StackWork(work: escapable)
            if runOnNewThread(box, stackSize: threadStackBytes) {
                if let result = box.result { return result }
            }
            // Could not start a thread: run here and rely on the nesting limit.
            return escapable()
        }
    }

    private static func runOnNewThread<T>(_ box: StackWork<T>, stackSize: Int) -> Bool {
        var attributes = pthread_attr_t()
        guard pthread_attr_init(&attributes) == 0 else { return false }
        defer { pthread_attr_destroy(&attributes) }
        guard pthread_attr_setstacksize(&attributes, stackSize) == 0 else { return false }
        let context = Unmanaged.passRetained(box as AnyObject).toOpaque()
        #if os(Linux)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let created = pthread_create(&thread, &attributes, { raw in
            guard let raw else { return nil }
            let object = Unmanaged<AnyObject>.fromOpaque(raw).takeRetainedValue()
            (object as? Runnable)?.runWork()
            return nil
        }, context)
        guard created == 0 else {
            Unmanaged<AnyObject>.fromOpaque(context).release()
            return false
        }
        #if os(Linux)
        pthread_join(thread, nil)
        #else
        if let thread { pthread_join(thread, nil) }
        #endif
        return true
    }
}

#if os(Linux)
/// glibc's `pthread_getattr_np`, which the Glibc module does not export
/// (it is a GNU extension); the symbol is always present in libc.
@_silgen_name("pthread_getattr_np")
private func currentThreadAttributes(_ thread: pthread_t, _ attributes: UnsafeMutablePointer<pthread_attr_t>) -> Int32
#endif

/// Type-erased entry point for the thread trampoline.
private protocol Runnable: AnyObject { func runWork() }

/// Carries the work and its result across the thread boundary; the caller
/// joins the thread before reading `result`.
private final class StackWork<T>: Runnable {
    let work: () -> T
    var result: T?
    init(work: @escaping () -> T) { self.work = work }
    func runWork() { result = work() }
}
