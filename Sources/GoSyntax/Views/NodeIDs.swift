/// The nodes of one list in a syntax tree (a call's arguments, a block's
/// statements), in source order.
///
/// A window onto the tree's shared list storage: making one, iterating it and
/// indexing it never allocate, and indices run from 0 like an array's.
public struct NodeIDs: RandomAccessCollection, Sendable {
    @usableFromInline let storage: [Int32]
    @usableFromInline let base: Int
    public let count: Int

    @inlinable init(_ storage: [Int32], _ list: NodeList) {
        self.storage = storage
        self.base = Int(list.start)
        self.count = Int(list.count)
    }

    /// A list with no nodes.
    public static let empty = NodeIDs([], NodeList.empty)

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }
    @inlinable public var isEmpty: Bool { count == 0 }
    @inlinable public func index(after position: Int) -> Int { position + 1 }
    @inlinable public func index(before position: Int) -> Int { position - 1 }

    @inlinable public subscript(position: Int) -> NodeID {
        precondition(position >= 0 && position < count, "node list index out of range")
        return NodeID(storage[base + position])
    }

    /// The only node of a one-element list, or nil.
    @inlinable public var single: NodeID? { count == 1 ? self[0] : nil }

    /// Whether two views show the same list of the same tree.
    @inlinable public func isSameList(as other: NodeIDs) -> Bool {
        base == other.base && count == other.count
    }
}

extension SyntaxTree {
    /// The nodes of a stored list.
    @inlinable func nodeIDs(_ list: NodeList) -> NodeIDs { NodeIDs(lists, list) }
}
