/// The little of Go's type system leak rules need: named types by import
/// path, pointers to them, and "something else".
///
/// There is no type checker behind it; a `GoType` is only produced where
/// the source (or the standard-library table) says so, and rules stay
/// silent wherever a type is unknown.
public indirect enum GoType: Hashable, Sendable, CustomStringConvertible {
    /// A defined type; `package` is an import path, or `PackageScope.localPath` for the package being linted.
    case named(package: String, name: String)
    case pointer(GoType)
    /// `chan T`, `<-chan T`, `chan<- T`.
    case channel(GoType)
    /// A function value.
    case function
    /// A type that is known but of no interest (slices, maps, basic types...).
    case other

    public static func stdlib(_ package: String, _ name: String) -> GoType { .named(package: package, name: name) }

    /// The type pointed to, or the type itself.
    public var dereferenced: GoType {
        if case .pointer(let base) = self { return base }
        return self
    }

    public var description: String {
        switch self {
        case .named(let package, let name): return package.isEmpty ? name : "\(package).\(name)"
        case .pointer(let base): return "*\(base)"
        case .channel(let element): return "chan \(element)"
        case .function: return "func"
        case .other: return "?"
        }
    }
}
