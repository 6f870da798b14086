import GoSyntax

/// The local names visible at one point of a file, for the resolver: a
/// stack of scopes, and for every name the innermost declaration in sight.
///
/// A flat list of declarations scanned backwards for each identifier costs
/// as much as the names in scope, which made a function with 100,000 locals
/// quadratic. While few names are in scope that scan is still the cheapest
/// (bytes compared in place, lengths first); past `scanLimit` declarations,
/// each distinct name (bytes of the source, never copied) gets a slot in an
/// open-addressing hash table holding its innermost declaration, and each
/// declaration remembers the one it shadows, so looking a name up,
/// declaring one and leaving a scope are constant time.
struct ScopeTable {
    /// Declarations in scope up to which lookups scan instead of hashing.
    static let scanLimit = 16

    /// A distinct name seen in the file, and its innermost visible declaration.
    private struct Name {
        var hash: UInt32
        var start: Int32
        var length: Int32
        /// Index in `entries` of the innermost declaration, or -1 when none is in scope.
        var innermost: Int32
    }

    /// One declaration in scope.
    private struct Entry {
        var start: Int32
        var length: Int32
        var declaration: Int32
        /// While hashing: the index in `names` of its name, and the entry of the same name it hides (or -1).
        var name: Int32 = -1
        var shadowed: Int32 = -1
    }

    private let source: [UInt8]
    private var entries: [Entry] = []
    private var scopeStarts: [Int] = []
    /// Whether the hash table is kept: from the moment more than `scanLimit`
    /// declarations are in scope until none is.
    private var hashing = false
    private var names: [Name] = []
    /// Open addressing, linear probing: 1 + an index in `names`, or 0 for a free slot.
    private var slots = [Int32](repeating: 0, count: 64)
    /// Entries compared and slots examined by lookups and declarations;
    /// tests check that it grows linearly with the names resolved.
    private(set) var probes = 0

    init(source: [UInt8]) {
        self.source = source
    }

    mutating func pushScope() { scopeStarts.append(entries.count) }

    /// Leaves the innermost scope: its names show what they hid again.
    mutating func popScope() {
        guard let start = scopeStarts.popLast() else { return }
        while entries.count > start, let entry = entries.popLast() {
            if hashing { names[Int(entry.name)].innermost = entry.shadowed }
        }
        // Every name's innermost declaration is gone: the table rests until the next long function.
        if entries.isEmpty { hashing = false }
    }

    /// Declares the name spelled by `start..<end` in the innermost scope.
    mutating func declare(start: Int32, end: Int32, declaration: Int32) {
        guard end > start, start >= 0, Int(end) <= source.count else { return }
        entries.append(Entry(start: start, length: end - start, declaration: declaration))
        if hashing {
            link(entries.count - 1)
        } else if entries.count > ScopeTable.scanLimit {
            hashing = true
            for index in entries.indices { link(index) }
        }
    }

    /// The declaring node of the innermost declaration of the name, if one is in scope.
    mutating func lookUp(start: Int32, end: Int32) -> Int32? {
        guard hashing else {
            let entry = scan(start: start, end: end, downTo: 0)
            return entry < 0 ? nil : entries[entry].declaration
        }
        let name = nameIndex(start: start, end: end, inserting: false)
        guard name >= 0 else { return nil }
        let entry = names[Int(name)].innermost
        return entry < 0 ? nil : entries[Int(entry)].declaration
    }

    /// Whether the innermost scope itself declares the name (for `:=`).
    mutating func isDeclaredInInnermostScope(start: Int32, end: Int32) -> Bool {
        let scopeStart = scopeStarts.last ?? 0
        guard hashing else { return scan(start: start, end: end, downTo: scopeStart) >= 0 }
        let name = nameIndex(start: start, end: end, inserting: false)
        guard name >= 0 else { return false }
        let entry = names[Int(name)].innermost
        return entry >= 0 && Int(entry) >= scopeStart
    }

    /// The last entry at or above `lowest` spelled like `start..<end`, or -1.
    private mutating func scan(start: Int32, end: Int32, downTo lowest: Int) -> Int {
        let length = end - start
        guard length > 0, start >= 0, Int(end) <= source.count else { return -1 }
        var index = entries.count - 1
        var found = -1
        source.withUnsafeBufferPointer { bytes in
            while index >= lowest {
                probes += 1
                let entry = entries[index]
                if entry.length == length {
                    var offset = 0
                    while offset < Int(length) && bytes[Int(start) + offset] == bytes[Int(entry.start) + offset] { offset += 1 }
                    if offset == Int(length) {
                        found = index
                        return
                    }
                }
                index -= 1
            }
        }
        return found
    }

    /// Makes entry `index` the innermost declaration of its name in the table.
    private mutating func link(_ index: Int) {
        let entry = entries[index]
        let name = nameIndex(start: entry.start, end: entry.start + entry.length, inserting: true)
        guard name >= 0 else { return }
        entries[index].name = name
        entries[index].shadowed = names[Int(name)].innermost
        names[Int(name)].innermost = Int32(index)
    }

    // MARK: - Hashing

    /// The index in `names` of the name, added when `inserting`; -1 when absent.
    private mutating func nameIndex(start: Int32, end: Int32, inserting: Bool) -> Int32 {
        let length = end - start
        guard length > 0, start >= 0, Int(end) <= source.count else { return -1 }
        let (found, slot, hash) = source.withUnsafeBufferPointer { bytes in
            names.withUnsafeBufferPointer { names in
                slots.withUnsafeBufferPointer { slots in
                    ScopeTable.probe(bytes, names, slots, start: Int(start), length: Int(length))
                }
            }
        }
        probes += found.probes
        if found.name >= 0 || !inserting { return found.name }
        names.append(Name(hash: hash, start: start, length: length, innermost: -1))
        slots[slot] = Int32(names.count)
        // Keep the table at most half full, so probe runs stay short.
        if names.count * 2 > slots.count { grow() }
        return Int32(names.count - 1)
    }

    /// Looks the name up: its index in `names` (or -1) with the slots
    /// examined, the slot where it is or would go, and its hash.
    private static func probe(
        _ bytes: UnsafeBufferPointer<UInt8>, _ names: UnsafeBufferPointer<Name>, _ slots: UnsafeBufferPointer<Int32>,
        start: Int, length: Int
    ) -> (found: (name: Int32, probes: Int), slot: Int, hash: UInt32) {
        var hash: UInt32 = 2_166_136_261
        for offset in start..<(start + length) { hash = (hash ^ UInt32(bytes[offset])) &* 16_777_619 }
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        var probes = 0
        while true {
            probes += 1
            let occupant = Int(slots[slot])
            if occupant == 0 { return ((-1, probes), slot, hash) }
            let name = names[occupant - 1]
            if name.hash == hash && Int(name.length) == length {
                var offset = 0
                let other = Int(name.start)
                while offset < length && bytes[start + offset] == bytes[other + offset] { offset += 1 }
                if offset == length { return ((Int32(occupant - 1), probes), slot, hash) }
            }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, name) in names.enumerated() {
            var slot = Int(name.hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
    }
}
