import Foundation

/// Failures the emulator injects, to exercise clients' retry and recovery paths.
///
/// Spec language (comma separated):
/// - `KIND:P` — inject with probability `P` (0...1) on each request, e.g. `429:0.05,500:0.02`;
///   `slow:P@3s` (or `@250ms`) sets the delay of a slow response (default 2s).
/// - `KIND@N` — inject on exactly the N-th API request (1-based, `/__mock/*` not counted);
///   following bare numbers add requests: `429@1,2,5`; `slow=5s@3` sets the delay of an exact
///   slow response (default 2s).
///
/// KIND is an HTTP status (`429`, `500`, `502`, `503`, ...), `slow` (answer after a delay),
/// `truncate` (declare the full `Content-Length`, send half the body, close), `reset` (close
/// the connection without any response), `badjson` (status 200 with a corrupted body), or a
/// page a real WordPress answers with (§8.8 of the API facts): `critical` (500, the PHP
/// fatal-error page), `maintenance` (503 with `Retry-After: 600`) — both HTML unless the
/// request accepts JSON — and `html200` (a firewall's interstitial page with status 200,
/// whatever the request accepts).
///
/// Random draws come from `(seed, request number)`, so a failing run replays exactly with
/// the same `--fault-seed` and the same request order. Faults never touch stored data:
/// status and `reset` faults answer before the request is processed; `slow`, `truncate` and
/// `badjson` alter only the bytes sent.
public struct MockFaultPlan: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case status(Int)
        case slow(Duration)
        case truncate
        case badJSON
        case reset
        case page(Page)
    }

    /// Whole-site answers that replace the API's, as WordPress sends them.
    public enum Page: String, Sendable, Equatable, CaseIterable {
        /// 500 "There has been a critical error on this website."
        case critical
        /// 503 "Briefly unavailable for scheduled maintenance." with `Retry-After: 600`.
        case maintenance
        /// 200 with an HTML "Security check" page.
        case html200
    }

    public struct Rule: Sendable, Equatable {
        public var kind: Kind
        public var probability: Double

        public init(kind: Kind, probability: Double) {
            self.kind = kind
            self.probability = probability
        }
    }

    public var rules: [Rule]
    /// Request number (1-based) → fault.
    public var exact: [Int: Kind]
    public var seed: UInt64
    /// Requests to paths starting with one of these are never faulted and
    /// not numbered: with any set, the numbers count only the other
    /// requests (``MockStoreServer/faultableRequests``). The conformance kit
    /// faults "the next page", which a token grant must not take.
    public var exemptPathPrefixes: [String] = []

    /// Whether a request to `path` is outside the plan.
    public func exempts(_ path: String) -> Bool {
        exemptPathPrefixes.contains { path.hasPrefix($0) }
    }

    public static let none = MockFaultPlan(rules: [], exact: [:], seed: 0)

    public init(rules: [Rule], exact: [Int: Kind], seed: UInt64 = 0) {
        self.rules = rules
        self.exact = exact
        self.seed = seed
    }

    /// Parses the spec language above; throws ``MockFaultSpecError`` naming the bad item.
    public init(spec: String, seed: UInt64 = 0) throws {
        self.init(rules: [], exact: [:], seed: seed)
        var lastExactKind: Kind?
        for rawItem in spec.split(separator: ",") {
            let item = rawItem.trimmingCharacters(in: .whitespaces)
            if item.isEmpty { continue }
            if let n = Int(item), let kind = lastExactKind {
                guard n >= 1 else { throw MockFaultSpecError(item: item, reason: "request numbers start at 1") }
                exact[n] = kind
                continue
            }
            if let colon = item.firstIndex(of: ":") {
                let kindText = String(item[..<colon])
                var rest = String(item[item.index(after: colon)...])
                var delay: Duration = .seconds(2)
                if let at = rest.firstIndex(of: "@") {
                    guard kindText == "slow", let d = Self.parseDuration(String(rest[rest.index(after: at)...])) else {
                        throw MockFaultSpecError(item: item, reason: "only slow takes a duration, e.g. slow:0.01@3s")
                    }
                    delay = d
                    rest = String(rest[..<at])
                }
                guard let p = Double(rest), p >= 0, p <= 1 else {
                    throw MockFaultSpecError(item: item, reason: "probability must be between 0 and 1")
                }
                rules.append(Rule(kind: try Self.kind(kindText, delay: delay, item: item), probability: p))
                lastExactKind = nil
            } else if let at = item.firstIndex(of: "@") {
                let kind = try Self.kind(String(item[..<at]), delay: .seconds(2), item: item)
                guard let n = Int(item[item.index(after: at)...]), n >= 1 else {
                    throw MockFaultSpecError(item: item, reason: "expected a request number after @, e.g. 500@3")
                }
                exact[n] = kind
                lastExactKind = kind
            } else {
                throw MockFaultSpecError(item: item, reason: "expected KIND:PROBABILITY or KIND@REQUEST")
            }
        }
    }

    /// The fault for the `n`-th API request, if any.
    public func fault(forRequest n: Int) -> Kind? {
        if let k = exact[n] { return k }
        guard !rules.isEmpty else { return nil }
        var r = SeededRandom(seed: seed, stream: RandomStream.fault.rawValue, index: UInt64(n))
        let draw = r.unit()
        var acc = 0.0
        for rule in rules {
            acc += rule.probability
            if draw < acc { return rule.kind }
        }
        return nil
    }

    private static func kind(_ text: String, delay: Duration, item: String) throws -> Kind {
        switch text.lowercased() {
        case "slow": return .slow(delay)
        case let slow where slow.hasPrefix("slow="):
            guard let delay = parseDuration(String(slow.dropFirst(5))) else {
                throw MockFaultSpecError(item: item, reason: "expected a delay after slow=, e.g. slow=5s@3")
            }
            return .slow(delay)
        case "truncate": return .truncate
        case "badjson": return .badJSON
        case "reset": return .reset
        case let name where Page(rawValue: name) != nil: return .page(Page(rawValue: name)!)
        default:
            guard let code = Int(text), (400...599).contains(code) else {
                throw MockFaultSpecError(
                    item: item,
                    reason:
                        "unknown fault '\(text)' (use an HTTP status 400-599, slow, truncate, reset, badjson, critical, maintenance or html200)"
                )
            }
            return .status(code)
        }
    }

    private static func parseDuration(_ text: String) -> Duration? {
        if text.hasSuffix("ms"), let v = Int(text.dropLast(2)) { return .milliseconds(v) }
        if text.hasSuffix("s"), let v = Double(text.dropLast()) { return .milliseconds(Int(v * 1_000)) }
        return nil
    }
}

/// A fault spec that could not be parsed.
public struct MockFaultSpecError: Error, CustomStringConvertible, Sendable {
    public let item: String
    public let reason: String
    public var description: String { "invalid fault '\(item)': \(reason)" }
}
