// swift-tools-version:6.2
import Foundation
import PackageDescription

let upcoming: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

// MARK: Adapters, found by folder
//
// Adding a platform is one folder, one registration line and one conformance
// line (docs/adding-an-adapter.md), so this manifest finds adapters instead
// of listing them: every `Connectors/<Name>/` is target `<Name>Connector`,
// linked into the `aftercart` CLI; every `Tests/Connectors/<Name>/` is the
// same but test-only (never in the binary); and `Tests/<Name>ConnectorTests/`,
// when present, is the adapter's test target.

/// What every adapter may import: the model, the SDK, the settings schema
/// types, HMAC for webhook signatures, and logging.
let adapterDependencies: [Target.Dependency] = [
    "AftercartModel",
    "AftercartJSON",
    "AftercartConnector",
    "AftercartPlatform",
    .product(name: "Crypto", package: "swift-crypto"),
    .product(name: "Logging", package: "swift-log"),
]

/// What every adapter's tests may import besides the adapter: the
/// conformance kit, the config loader (to prove the registration end to
/// end), and what a fake platform on 127.0.0.1 is built from.
let adapterTestDependencies: [Target.Dependency] = [
    "AftercartConnectorTesting",
    "AftercartJSON",
    "AftercartConnector",
    "AftercartModel",
    "AftercartPlatform",
    "AftercartConfig",
    .product(name: "AsyncHTTPClient", package: "async-http-client"),
    .product(name: "Hummingbird", package: "hummingbird"),
    .product(name: "Logging", package: "swift-log"),
    .product(name: "NIOCore", package: "swift-nio"),
]

/// Test dependencies beyond the standard ones, by adapter folder name. The
/// two shipped adapters are tested against the MockStores emulators; a new
/// adapter brings its own fake platform and needs no entry.
let adapterTestExtras: [String: [Target.Dependency]] = [
    "WooCommerce": ["MockStores", "MockStoreConformance"],
    "Shopify": ["MockStores", "MockStoreConformance"],
]

/// One adapter folder: `Connectors/<name>` (shipped) or `Tests/Connectors/<name>` (test-only).
struct AdapterFolder {
    let name: String
    let path: String
    let shipped: Bool

    var target: String { "\(name)Connector" }
    var testTarget: String { "\(name)ConnectorTests" }

    /// The adapter folders under `parent`, sorted by name.
    static func all(in parent: String, shipped: Bool) -> [AdapterFolder] {
        let root = URL(fileURLWithPath: Context.packageDirectory)
        let files = FileManager.default
        let names = (try? files.contentsOfDirectory(atPath: root.appendingPathComponent(parent).path)) ?? []
        return names.sorted().compactMap { name in
            var isFolder: ObjCBool = false
            let path = "\(parent)/\(name)"
            guard !name.hasPrefix("."),
                files.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isFolder),
                isFolder.boolValue
            else { return nil }
            return AdapterFolder(name: name, path: path, shipped: shipped)
        }
    }

    /// The adapter's target, and its test target when `Tests/<Name>ConnectorTests/` exists.
    var targets: [Target] {
        let adapter = Target.target(
            name: target, dependencies: adapterDependencies, path: path, swiftSettings: upcoming)
        let tests = URL(fileURLWithPath: Context.packageDirectory).appendingPathComponent("Tests/\(testTarget)")
        guard FileManager.default.fileExists(atPath: tests.path) else { return [adapter] }
        return [
            adapter,
            .testTarget(
                name: testTarget,
                dependencies: [.target(name: target)] + adapterTestDependencies + (adapterTestExtras[name] ?? []),
                swiftSettings: upcoming),
        ]
    }
}

let adapters =
    AdapterFolder.all(in: "Connectors", shipped: true) + AdapterFolder.all(in: "Tests/Connectors", shipped: false)
/// The adapters linked into the `aftercart` CLI.
let shippedAdapters: [Target.Dependency] = adapters.filter(\.shipped).map { .target(name: $0.target) }

let package = Package(
    name: "aftercart",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "aftercart", targets: ["aftercart"]),
        .executable(name: "aftercart-mock", targets: ["aftercart-mock"]),
        .library(name: "AftercartJSON", targets: ["AftercartJSON"]),
        .library(name: "AftercartModel", targets: ["AftercartModel"]),
        .library(name: "AftercartPlatform", targets: ["AftercartPlatform"]),
        .library(name: "AftercartConnector", targets: ["AftercartConnector"]),
        .library(name: "AftercartStore", targets: ["AftercartStore"]),
        .library(name: "AftercartConfig", targets: ["AftercartConfig"]),
        .library(name: "AftercartSync", targets: ["AftercartSync"]),
        .library(name: "MockStores", targets: ["MockStores"]),
        .library(name: "AftercartConnectorTesting", targets: ["AftercartConnectorTesting"]),
        .library(name: "AftercartEngage", targets: ["AftercartEngage"]),
        .library(name: "AftercartDelivery", targets: ["AftercartDelivery"]),
        .library(name: "AftercartServer", targets: ["AftercartServer"]),
        .library(name: "AftercartOutcomes", targets: ["AftercartOutcomes"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Hummingbird's own header types, named directly for custom headers.
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        // Test-only: makes a CA and a server certificate at test time for the
        // private-CA trust tests. Already in the graph through swift-nio-extras.
        .package(url: "https://github.com/apple/swift-certificates", from: "1.14.0"),
    ],
    targets: [
        // Reading and writing JSON bytes directly where `JSONDecoder` and
        // `JSONEncoder` cost most of a sync or a plan.
        .target(
            name: "AftercartJSON",
            swiftSettings: upcoming
        ),
        .target(
            name: "AftercartModel",
            dependencies: ["AftercartJSON"],
            swiftSettings: upcoming
        ),
        // What the messages earned: attribution, coupon redemption, reviews
        // after requests, repeat purchases (`aftercart report`, `/dashboard`).
        .target(
            name: "AftercartOutcomes",
            dependencies: ["AftercartModel", "AftercartStore", "AftercartConfig", "AftercartEngage"],
            swiftSettings: upcoming
        ),
        // What an adapter declares to the core (settings schema, storefront
        // links), below both the adapters and the config layer.
        .target(
            name: "AftercartPlatform",
            swiftSettings: upcoming
        ),
        .target(
            name: "AftercartConnector",
            dependencies: [
                "AftercartModel",
                "AftercartPlatform",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "AftercartConnectorTesting",
            dependencies: [
                "AftercartModel",
                "AftercartConnector",
                // LoopbackServer, the HTTP half of every fake platform.
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "AftercartStore",
            dependencies: [
                "AftercartModel",
                "AftercartJSON",
                // Keyed hashes of forgotten customers' addresses.
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "_ConnectionPoolModule", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "AftercartSync",
            dependencies: [
                "AftercartModel",
                "AftercartConnector",
                "AftercartStore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "AftercartConfig",
            dependencies: [
                "AftercartModel",
                "AftercartPlatform",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            // config/campaigns and config/templates (linked here), compiled
            // into the binary: no resource bundle has to travel beside it.
            // The ja-JP templates go in through per-file links in
            // Defaults/Shipped/ja-JP: embedded resources are named by file
            // name alone, so the folder's own copies would clash.
            exclude: ["Defaults/Shipped/templates/ja-JP"],
            resources: [.embedInCode("Defaults/Shipped")],
            swiftSettings: upcoming
        ),
        .target(
            name: "AftercartEngage",
            dependencies: [
                "AftercartModel",
                "AftercartJSON",
                "AftercartStore",
                "AftercartConfig",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(
            name: "AftercartDelivery",
            dependencies: [
                "AftercartModel",
                "AftercartConnector",
                "AftercartStore",
                "AftercartConfig",
                "CCurl",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "AftercartServer",
            dependencies: [
                "AftercartModel",
                "AftercartConnector",
                "AftercartStore",
                "AftercartConfig",
                "AftercartSync",
                "AftercartEngage",
                "AftercartDelivery",
                "AftercartOutcomes",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: upcoming
        ),
        .executableTarget(
            name: "aftercart",
            dependencies: [
                "AftercartModel",
                "AftercartConnector",
                "AftercartSync",
                "MockStores",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                "AftercartStore",
                "AftercartConfig",
                "AftercartEngage",
                "AftercartDelivery",
                "AftercartServer",
                "AftercartOutcomes",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ] + shippedAdapters,
            swiftSettings: upcoming
        ),
        .target(
            name: "MockStores",
            dependencies: [
                "AftercartModel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            path: "Mocks/MockStores",
            // The emulator must never be the bottleneck of the benchmarks it serves, and an
            // unoptimised build renders ~20x slower (generic ByteBuffer code), so it is
            // optimised in debug builds too.
            swiftSettings: upcoming + [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        .target(
            name: "MockStoreConformance",
            dependencies: ["MockStores", "AftercartConnectorTesting", "AftercartConnector", "AftercartModel"],
            path: "Mocks/MockStoreConformance",
            swiftSettings: upcoming
        ),
        .executableTarget(
            name: "aftercart-mock",
            dependencies: [
                "MockStores",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Mocks/aftercart-mock",
            swiftSettings: upcoming
        ),
        .executableTarget(
            name: "aftercart-bench",
            dependencies: [
                "AftercartModel", "AftercartConnector", "AftercartStore", "AftercartSync", "WooCommerceConnector",
                "ShopifyConnector", "MockStores", "AftercartEngage", "AftercartConfig", "AftercartDelivery",
                "AftercartOutcomes",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                "CHeapStatistics",
            ],
            path: "Benchmarks/AftercartBenchmarks",
            swiftSettings: upcoming
        ),
        // mallinfo2 for the memory benchmark: Swift's Glibc module leaves out <malloc.h>.
        .target(name: "CHeapStatistics", path: "Benchmarks/CHeapStatistics"),
        .testTarget(
            name: "AftercartModelTests",
            dependencies: ["AftercartModel", "AftercartJSON"],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "AftercartConnectorTests",
            dependencies: [
                "AftercartConnector",
                "AftercartModel",
                "MockStores",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "AftercartStoreTests",
            dependencies: [
                "AftercartStore",
                "AftercartModel",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "AftercartSyncTests",
            dependencies: ["AftercartSync", "AftercartConnector", "AftercartStore", "AftercartModel"],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "AftercartConfigTests",
            dependencies: [
                "AftercartConfig", "AftercartModel", "AftercartPlatform", "WooCommerceConnector", "ShopifyConnector",
            ],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "MockStoresTests",
            dependencies: [
                "MockStores",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "AftercartOutcomesTests",
            dependencies: [
                "AftercartOutcomes", "AftercartStore", "AftercartConfig", "AftercartModel", "WooCommerceConnector",
                "ShopifyConnector",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "AftercartEngageTests",
            dependencies: [
                "AftercartEngage", "AftercartJSON", "AftercartStore", "AftercartConfig", "AftercartModel",
                "AftercartConnector",
                "MockStores", "MockStoreConformance", "WooCommerceConnector", "ShopifyConnector", "ChildProcessTesting",
                "AftercartSync",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "AftercartDeliveryTests",
            dependencies: [
                "AftercartDelivery", "AftercartConnector", "AftercartStore", "AftercartConfig", "AftercartModel",
                "MockStores", "MockStoreConformance", "WooCommerceConnector", "ShopifyConnector", "ChildProcessTesting",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "AftercartServerTests",
            dependencies: [
                "AftercartServer", "AftercartStore", "AftercartConfig", "AftercartModel", "AftercartConnector",
                "AftercartEngage", "AftercartSync", "AftercartOutcomes", "ChildProcessTesting",
                "MockStores", "WooCommerceConnector", "ShopifyConnector",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "aftercartTests",
            dependencies: [
                "aftercart", "AftercartModel", "AftercartStore", "AftercartEngage", "MockStores", "ChildProcessTesting",
                "AftercartOutcomes",
            ],
            swiftSettings: upcoming
        ),
        // Tests start programs (the CLI, aiosmtpd, chromium, pg_ctl) through this, never through
        // Foundation's Process, and wait for them without parking a thread.
        .target(name: "ChildProcessTesting", path: "Tests/ChildProcessTesting", swiftSettings: upcoming),
    ] + adapters.flatMap(\.targets),
    swiftLanguageModes: [.v6]
)
