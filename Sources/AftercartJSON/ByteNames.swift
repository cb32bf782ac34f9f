/// A few names (JSON member names, enum raw values) looked up by their
/// UTF-8 bytes, so a reader can tell them apart without making a `String`.
public struct ByteNames<Value: Sendable>: Sendable {
    @usableFromInline let entries: [(name: [UInt8], value: Value)]

    public init(_ pairs: KeyValuePairs<String, Value>) {
        entries = pairs.map { (Array($0.key.utf8), $0.value) }
    }

    /// The value whose name is exactly `text`, or `nil`.
    @inlinable public func value(for text: UnsafeBufferPointer<UInt8>) -> Value? {
        for entry in entries where entry.name.count == text.count {
            if entry.name.withUnsafeBufferPointer({ $0.elementsEqual(text) }) { return entry.value }
        }
        return nil
    }
}

extension ByteNames where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    /// Every case of a string enum by its raw value.
    public init(cases: Value.Type) {
        entries = Value.allCases.map { (Array($0.rawValue.utf8), $0) }
    }
}
