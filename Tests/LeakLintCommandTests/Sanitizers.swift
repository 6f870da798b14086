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
}
