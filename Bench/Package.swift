// swift-tools-version: 6.2
// hogctl-bench, the benchmark of BENCHMARKS.md: a package of its own so that building hogctl
// builds only what users run. scripts/bench builds and runs it (release).
import PackageDescription

let package = Package(
  name: "hogctl-bench",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "hogctl", path: ".."),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
  ],
  targets: [
    .executableTarget(
      name: "hogctl-bench",
      dependencies: [
        .product(name: "HogctlPlanning", package: "hogctl"),
        // Local compute runs in this process: it takes the allocator setting hogctl runs with.
        .product(name: "HogctlHeapTuning", package: "hogctl"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Runs the benchmark on a tiny scale; needs a built hogctl (HOGCTL_BINARY, or ../.build/debug/hogctl).
    .testTarget(name: "BenchmarkSmokeTests", dependencies: ["hogctl-bench"]),
  ]
)
