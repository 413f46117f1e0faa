import Foundation
import HogctlCore
import HogctlJSON
import Manifests
import Reconciler
import Testing

/// `hogctl import` as users run it: the real binary against a live emulator seeded with a
/// project of every kind of function.
@Suite(.serialized) struct ImportEndToEndTests {
  struct Context {
    let emulator: EmulatorHarness
    let root: URL
    let project: SeedProject
    /// Names of functions soft-deleted after seeding.
    let deleted: [String]

    var manifests: URL { root.appendingPathComponent("manifests") }

    /// Runs the binary with the key of `target` (default: the seeded emulator) and, when
    /// `connect`, flags pointing at it.
    func hogctl(
      _ arguments: [String], against target: EmulatorHarness? = nil, variables: [String: String] = [:],
      connect: Bool = true
    ) async throws -> HogctlRun {
      let target = target ?? emulator
      let run = try await HogctlProcess.run(
        arguments + (connect ? target.connectionArguments : []), in: root,
        environment: target.environment.merging(variables) { $1 })
      for secret in project.secrets { #expect(!run.output.contains(secret), "a secret value was printed") }
      #expect(!run.output.contains(target.emulator.apiKey), "the API key was printed")
      return run
    }

    /// Every file below the manifest directory with its text and modification date.
    func snapshot() throws -> [String: String] {
      var files: [String: String] = [:]
      let enumerator = FileManager.default.enumerator(at: manifests, includingPropertiesForKeys: nil)
      while let url = enumerator?.nextObject() as? URL {
        guard !url.hasDirectoryPath else { continue }
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        files[url.path] = "\(date)\n" + (try String(contentsOf: url, encoding: .utf8))
      }
      return files
    }

    /// The variables `.env.example` names, each set to a value.
    func variables() throws -> [String: String] {
      let text = try String(contentsOf: manifests.appendingPathComponent(".env.example"), encoding: .utf8)
      var variables: [String: String] = [:]
      for line in text.split(separator: "\n") where !line.hasPrefix("#") {
        let parts = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        #expect(parts.count == 2 && parts[1].isEmpty, ".env.example holds a value: \(line)")
        variables[String(parts[0])] = "promoted-\(parts[0].count)"
      }
      return variables
    }
  }

  /// Seeds 45 functions, soft-deletes two and reorders the transformations.
  func withSeededProject(_ body: (Context) async throws -> Void) async throws {
    let emulator = try await EmulatorHarness.start()
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hogctl-import-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    do {
      var random = SeededGenerator(seed: 0xE2E_1A90)
      let project = SeedProject.make(count: 45, using: &random)
      let base = "/api/environments/\(emulator.emulator.projectID)/hog_functions/"
      var created: [JSONValue] = []
      for body in project.bodies {
        let answer = try await emulator.request("POST", base, body: .object(body))
        try #require(answer["id"] != nil, "the emulator refused \(body): \(answer)")
        created.append(answer)
      }
      let victims = [created[7], created[20]]
      for victim in victims {
        try await emulator.request(
          "PATCH", base + (victim["id"]?.stringValue ?? "") + "/", body: ["deleted": true])
      }
      let transformations = try await emulator.liveFunctions().filter { $0["type"] == "transformation" }
      var orders: JSONObject = [:]
      for (position, function) in transformations.shuffled(using: &random).enumerated() {
        orders[function["id"]?.stringValue ?? ""] = .number(Double(position + 1))
      }
      try await emulator.request("PATCH", base + "rearrange/", body: ["orders": .object(orders)])
      try await body(
        Context(
          emulator: emulator, root: root, project: project,
          deleted: victims.compactMap { $0["name"]?.stringValue }))
    } catch {
      await emulator.stop()
      throw error
    }
    await emulator.stop()
  }

  @Test func importedProjectPlansAsNoChangeAndReimportChangesNoFile() async throws {
    try await withSeededProject { context in
      let imported = try await context.hogctl(["import", "--out", "manifests"])
      #expect(imported.exitCode == 0, "import failed:\n\(imported.output)")
      #expect(!imported.stderr.contains("would not plan as no change"), "\(imported.stderr)")
      let live = try await context.emulator.liveFunctions()
      #expect(live.count == 43)
      let variables = try context.variables()
      #expect(!variables.isEmpty)
      for name in variables.keys {
        #expect(imported.stdout.contains(name), "\(name) is not listed on output")
      }

      let result = try ManifestLoader(
        fileSystem: DiskManifestFileSystem(root: context.manifests), environment: variables
      ).load()
      #expect(!result.hasErrors, "\(result.diagnostics)")
      #expect(Set(result.functions.map(\.name)) == Set(live.compactMap { $0["name"]?.stringValue }))
      for name in context.deleted {
        #expect(!result.functions.contains { $0.name == name }, "\(name) was deleted")
      }
      #expect(result.functions.allSatisfy { $0.pinnedID == nil }, "ids written without --pin-ids")
      let files = try context.snapshot()
      #expect(files.keys.contains { $0.hasSuffix(".hog") }, "no multi-line code went to a .hog file")
      #expect(files.values.allSatisfy { !$0.contains("bytecode") }, "server-derived data was written")

      let plan = try await context.hogctl(["plan", "manifests", "--detailed-exitcode"], variables: variables)
      #expect(plan.exitCode == 0, "the imported manifests do not plan as no change:\n\(plan.output)")
      #expect(plan.stdout.contains("No changes."))

      let again = try await context.hogctl(["import", "--out", "manifests"])
      #expect(again.exitCode == 0, "\(again.output)")
      #expect(try context.snapshot() == files, "a second import changed files")
      let forced = try await context.hogctl(["import", "--out", "manifests", "--force"])
      #expect(forced.exitCode == 0, "\(forced.output)")
      #expect(try context.snapshot() == files, "a forced import of an unchanged project changed files")
    }
  }

  @Test func existingFilesAreNotOverwrittenWithoutForce() async throws {
    try await withSeededProject { context in
      let first = try await context.hogctl(["import", "--out", "manifests", "--type", "transformation"])
      #expect(first.exitCode == 0, "\(first.output)")
      let files = try context.snapshot()
      let edited = try #require(
        files.keys.sorted().first { $0.hasSuffix(".yaml") && !$0.hasSuffix("hogctl.yaml") })
      try "# edited by hand\n".write(toFile: edited, atomically: true, encoding: .utf8)
      let second = try await context.hogctl(["import", "--out", "manifests", "--type", "transformation"])
      #expect(second.exitCode == 1)
      #expect(second.stderr.contains("--force"))
      #expect(try String(contentsOfFile: edited, encoding: .utf8) == "# edited by hand\n")
      let forced = try await context.hogctl([
        "import", "--out", "manifests", "--type", "transformation", "--force",
      ])
      #expect(forced.exitCode == 0)
      #expect(
        try context.snapshot()[edited]?.split(separator: "\n").dropFirst()
          == files[edited]?.split(separator: "\n").dropFirst())
    }
  }

  /// Promotion: the directory imported from one project, with both projects as named
  /// environments, is applied to a second, empty project; both then plan as no change and hold
  /// the same functions, field by field, apart from ids and server bookkeeping.
  @Test func anImportPromotesToAnEmptyProject() async throws {
    try await withSeededProject { context in
      let production = try await EmulatorHarness.start()
      defer { Task { await production.stop() } }
      let imported = try await context.hogctl(["import", "--out", "manifests"])
      #expect(imported.exitCode == 0, "\(imported.output)")
      let settings = context.manifests.appendingPathComponent("hogctl.yaml")
      let environments = """
        environments:
          staging: {host: "\(context.emulator.emulator.baseURL.absoluteString)", id: "\(context.emulator.emulator.projectID)"}
          production: {host: "\(production.emulator.baseURL.absoluteString)", id: "\(production.emulator.projectID)"}

        """
      try (try String(contentsOf: settings, encoding: .utf8) + environments).write(
        to: settings, atomically: true, encoding: .utf8)
      let variables = try context.variables()

      let apply = try await context.hogctl(
        ["apply", "manifests", "--auto-approve", "--environment", "production"], against: production,
        variables: variables, connect: false)
      #expect(apply.exitCode == 0, "apply to the second project failed:\n\(apply.output)")
      let plan = try await context.hogctl(
        ["plan", "manifests", "--detailed-exitcode"], against: production,
        variables: variables.merging(["HOGCTL_ENVIRONMENT": "production"]) { $1 }, connect: false)
      #expect(plan.exitCode == 0, "the second project does not plan as no change:\n\(plan.output)")
      let staging = try await context.hogctl(
        ["plan", "manifests", "--detailed-exitcode", "--environment", "staging"], variables: variables,
        connect: false)
      #expect(staging.exitCode == 0, "the first project does not plan as no change:\n\(staging.output)")
      let unknown = try await context.hogctl(
        ["plan", "manifests", "--environment", "prod"], variables: variables, connect: false)
      #expect(unknown.exitCode == 1)
      #expect(unknown.stderr.contains("no environment 'prod'"), "\(unknown.stderr)")

      let source = Self.comparable(try await context.emulator.liveFunctions())
      let promoted = Self.comparable(try await production.liveFunctions())
      #expect(source.count == 43)
      #expect(Set(source.keys) == Set(promoted.keys))
      for (key, function) in source {
        let differing = Self.differingFields(function, promoted[key] ?? nil)
        #expect(differing.isEmpty, "\(key) differs after promotion in \(differing)")
      }
    }
  }

  /// Live functions by type and name, without ids and the server's bookkeeping and compiled
  /// forms (`bytecode`, `transpiled`).
  static func comparable(_ functions: [JSONValue]) -> [String: JSONValue] {
    var result: [String: JSONValue] = [:]
    for function in functions {
      guard var object = function.objectValue else { continue }
      for key in ["id", "created_at", "created_by", "updated_at", "status", "bytecode", "transpiled"] {
        object[key] = nil
      }
      let key = "\(object["type"]?.stringValue ?? "")/\(object["name"]?.stringValue ?? "")"
      result[key] = .object(object)
    }
    return result
  }

  /// The fields that differ as the plan compares them (`Normalizer`): hogctl sends the
  /// manifest's form (filter defaults filled in, code without trailing white space), which the
  /// server stores as sent, so the raw JSON of a function made in the UI differs where the
  /// plan's comparison does not.
  static func differingFields(_ left: JSONValue, _ right: JSONValue?) -> [String] {
    guard let left = left.objectValue, let right = right?.objectValue else { return ["the whole function"] }
    let fields = Set(left.keys.map { $0 }).union(right.keys.map { $0 })
    return fields.sorted().filter { field in
      if field == "inputs" {
        let schema = { (object: JSONObject) in InputSchema(object["inputs_schema"]) }
        return Normalizer.inputs(left[field], schema: schema(left))
          != Normalizer.inputs(right[field], schema: schema(right))
      }
      return Normalizer.field(field, left[field]) != Normalizer.field(field, right[field])
    }
  }

  /// examples/promotion is exactly what import writes for the quickstart's functions (plus the
  /// environments added by hand), and plans as no change against them.
  @Test func thePromotionExampleIsWhatImportWrites() async throws {
    let emulator = try await EmulatorHarness.start()
    let workspace = try Workspace.copying("examples/quickstart")
    defer { workspace.remove() }
    do {
      let promotion = workspace.root.appendingPathComponent("examples/promotion")
      try FileManager.default.createDirectory(
        at: promotion.deletingLastPathComponent(), withIntermediateDirectories: true)
      try FileManager.default.copyItem(
        at: HogctlProcess.packageRoot.appendingPathComponent("examples/promotion"), to: promotion)
      let run = { (arguments: [String]) in
        try await HogctlProcess.run(
          arguments + emulator.connectionArguments, in: workspace.root,
          environment: emulator.environment.merging(
            ["WEBHOOK_SIGNING_SECRET": "s1", "SIGNUP_WEBHOOK_SIGNING_SECRET": "s2"]) { $1 })
      }
      let apply = try await run(["apply", "manifests", "--auto-approve"])
      #expect(apply.exitCode == 0, "\(apply.output)")
      let plan = try await run(["plan", "examples/promotion", "--detailed-exitcode"])
      #expect(plan.exitCode == 0, "\(plan.output)")
      let before = try Self.texts(promotion)
      let imported = try await run(["import", "--out", "examples/promotion", "--schemas", "../../schemas"])
      #expect(imported.exitCode == 0, "\(imported.output)")
      #expect(try Self.texts(promotion) == before, "import writes something else than examples/promotion")
    } catch {
      await emulator.stop()
      throw error
    }
    await emulator.stop()
  }

  static func texts(_ directory: URL) throws -> [String: String] {
    var texts: [String: String] = [:]
    let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
    while let url = enumerator?.nextObject() as? URL {
      guard !url.hasDirectoryPath else { continue }
      texts[url.path] = try String(contentsOf: url, encoding: .utf8)
    }
    return texts
  }
}
