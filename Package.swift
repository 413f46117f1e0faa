// swift-tools-version: 6.2
// 6.2 because the resolved Hummingbird (2.28) declares it; macOS 15 for `String(validating:as:)`.
import PackageDescription

let package = Package(
  name: "hogctl",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "hogctl", targets: ["hogctl"]),
    // The manifest loader on its own and the fuzz input format, for the fuzz targets in Fuzz/.
    .library(name: "HogctlManifests", targets: ["Manifests", "ManifestFuzzing"]),
    // The JSON reader and writer, for its fuzz target in Fuzz/.
    .library(name: "HogctlJSON", targets: ["HogctlJSON"]),
    // What a plan is made of (loader, client, planner), for the benchmark package in Bench/.
    .library(
      name: "HogctlPlanning", targets: ["HogctlCore", "HogctlJSON", "Manifests", "PostHogAPI", "Reconciler"]),
    // The allocator setting of hogctl's own programs (the CLI here, the benchmark in Bench/). It
    // changes the whole process, so it is a product of its own that only they link, never part
    // of the products above.
    .library(name: "HogctlHeapTuning", targets: ["CHeapTuning"]),
  ],
  dependencies: [
    .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
    .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.0.0"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
  ],
  targets: [
    // CHeapTuning has nothing to import: it takes effect as the program loads (CHeapTuning.c).
    .executableTarget(name: "hogctl", dependencies: ["HogctlCLI", "CHeapTuning"]),
    .target(
      name: "HogctlCLI",
      dependencies: [
        "HogctlCore", "HogctlJSON", "Manifests", "PostHogAPI", "Reconciler", "Rendering", "Emulator",
        "Importer", "Hog",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // `hogctl import`: live functions written as manifests that plan as no change.
    .target(
      name: "Importer",
      dependencies: [
        "HogctlJSON", "Manifests", "PostHogAPI", "Reconciler",
        .product(name: "Yams", package: "Yams"),
      ]
    ),
    .target(name: "HogctlCore"),
    .target(name: "HogctlJSON"),
    // glibc allocator settings (`mallopt`), which Swift cannot import directly.
    .target(name: "CHeapTuning"),
    .target(
      name: "Manifests",
      dependencies: [
        "HogctlCore", "HogctlJSON",
        // libyaml's event parser, which Yams builds as CYaml (why: LibYAMLEventStream.swift).
        .product(name: "Yams", package: "Yams"),
      ]
    ),
    .target(name: "ManifestFuzzing", dependencies: ["Manifests"]),
    // The Hog language: lexer and parser, depending on nothing else in hogctl.
    .target(name: "Hog"),
    .target(name: "PostHogAPI", dependencies: ["HogctlCore", "HogctlJSON"]),
    .target(
      name: "Reconciler",
      dependencies: [
        "HogctlCore", "HogctlJSON", "Manifests", "PostHogAPI",
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .target(name: "Rendering", dependencies: ["HogctlJSON", "Manifests", "Reconciler"]),
    .target(
      name: "Emulator",
      dependencies: [
        "HogctlCore", "HogctlJSON", "Hog",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ]
    ),
    .testTarget(name: "HogctlCoreTests", dependencies: ["HogctlCore"]),
    .testTarget(name: "HogctlJSONTests", dependencies: ["HogctlJSON"]),
    .testTarget(name: "HogTests", dependencies: ["Hog"]),
    .testTarget(
      name: "ManifestsTests", dependencies: ["HogctlCore", "HogctlJSON", "Manifests", "ManifestFuzzing"],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "PostHogAPITests", dependencies: ["HogctlCore", "HogctlJSON", "PostHogAPI", "Emulator"]),
    .testTarget(
      name: "ReconcilerTests",
      dependencies: ["HogctlCore", "HogctlJSON", "Manifests", "PostHogAPI", "Reconciler"]),
    .testTarget(
      name: "RenderingTests",
      dependencies: ["HogctlJSON", "Manifests", "PostHogAPI", "Reconciler", "Rendering"],
      resources: [.copy("Golden")]),
    .testTarget(name: "EmulatorTests", dependencies: ["Emulator", "HogctlCore", "HogctlJSON"]),
    .testTarget(
      name: "ImporterTests",
      dependencies: ["Importer", "HogctlJSON", "Manifests", "PostHogAPI"]
    ),
    .testTarget(
      name: "HogctlCLITests",
      dependencies: [
        "HogctlCLI", "Emulator", "HogctlCore", "HogctlJSON", "Importer", "Manifests", "PostHogAPI",
        "Reconciler",
      ]
    ),
  ]
)
