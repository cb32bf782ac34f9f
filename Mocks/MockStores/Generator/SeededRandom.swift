/// A tiny deterministic random source (SplitMix64).
///
/// Every record is generated from `(seed, stream, index)` alone, so any record of a
/// million-order store can be produced without producing the ones before it.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64, stream: UInt64, index: UInt64) {
        // Mixing the three inputs through the finalizer keeps neighbouring indices
        // from producing correlated sequences.
        state = SeededRandom.mix(seed &+ SeededRandom.mix(stream &* 0x9E37_79B9_7F4A_7C15 &+ SeededRandom.mix(index)))
    }

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform integer in `range` (inclusive); the modulo bias is irrelevant for test data.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % width)
    }

    /// True with probability `percent`/100.
    mutating func percent(_ percent: Int) -> Bool {
        Int(next() % 100) < percent
    }

    /// True with probability `permille`/1000.
    mutating func permille(_ permille: Int) -> Bool {
        Int(next() % 1000) < permille
    }

    mutating func pick<T>(_ values: [T]) -> T {
        values[Int(next() % UInt64(values.count))]
    }

    /// A unit-interval sample, used only for fault probabilities (never for money).
    mutating func unit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }

    /// Lowercase hex/alnum token of `length` characters.
    mutating func token(_ length: Int, alphabet: StaticString = "0123456789abcdef") -> String {
        let chars = UnsafeBufferPointer(start: alphabet.utf8Start, count: alphabet.utf8CodeUnitCount)
        var out: [UInt8] = []
        out.reserveCapacity(length)
        for _ in 0..<length { out.append(chars[Int(next() % UInt64(chars.count))]) }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Distinct random streams, so adding a field to one record kind never shifts another's data.
enum RandomStream: UInt64 {
    case order = 1
    case customer = 2
    case product = 3
    case coupon = 4
    case review = 5
    case orderSchedule = 6
    case store = 7
    case advance = 8
    case fault = 9
}
