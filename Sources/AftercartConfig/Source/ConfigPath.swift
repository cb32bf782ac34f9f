/// Where a value sits inside a TOML document: `stores[1].loyalty.source`.
///
/// Problems name values by path, and the line locator maps paths to lines,
/// so both sides must agree on one structural spelling (quoted keys that
/// contain dots stay one component).
public struct ConfigPath: Sendable, Hashable, CustomStringConvertible {
    /// One step into a table (by key) or an array (by zero-based index).
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    /// The steps from the document root.
    public var components: [Component]

    /// A path from explicit steps.
    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// The document root.
    public static let root = ConfigPath()

    /// This path extended by a table key.
    public func appending(_ key: String) -> ConfigPath {
        ConfigPath(components + [.key(key)])
    }

    /// This path extended by an array index.
    public func appending(index: Int) -> ConfigPath {
        ConfigPath(components + [.index(index)])
    }

    /// This path extended by another path.
    public func appending(_ other: ConfigPath) -> ConfigPath {
        ConfigPath(components + other.components)
    }

    /// The path one step up, or `nil` at the root.
    public var parent: ConfigPath? {
        components.isEmpty ? nil : ConfigPath(Array(components.dropLast()))
    }

    /// The last key of the path (the name a merchant typed), if it ends in a key.
    public var lastKey: String? {
        if case .key(let key)? = components.last { return key }
        return nil
    }

    /// `stores[1].platform`; keys that are not bare TOML keys are quoted.
    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                if !text.isEmpty { text += "." }
                text += ConfigPath.isBareKey(key) ? key : "\"\(key)\""
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }

    static func isBareKey(_ key: String) -> Bool {
        !key.isEmpty
            && key.unicodeScalars.allSatisfy { scalar in
                switch scalar {
                case "a"..."z", "A"..."Z", "0"..."9", "-", "_": return true
                default: return false
                }
            }
    }
}
