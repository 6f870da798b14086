import Foundation

/// Whether these tests (and the leaklint built beside them) run under a
/// sanitizer: its runtime reserves terabytes of address space and adds
/// memory of its own, so address-space limits and memory measurements say
/// nothing about leaklint there.
enum Sanitizers {
    static let active: Bool = {
        let symbols: [String] = ["__asan_init", "__tsan_init", "__msan_init"]
        return symbols.contains { dlsym(UnsafeMutableRawPointer(bitPattern: 0), $0) != nil }
    }()

    /// The sanitizer settings of this process (suppressions, exit codes),
    /// passed on to the leaklint it starts: without them the sanitizer's
    /// own defaults apply there and, for one, report the standard library's
    /// one-time global initialisations as leaks.
    static var environment: [String: String] {
        ProcessInfo.processInfo.environment.filter { ["ASAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS", "UBSAN_OPTIONS"].contains($0.key) }
    }
}
