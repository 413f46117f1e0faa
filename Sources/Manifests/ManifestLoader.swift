import Foundation
import HogctlCore
import HogctlJSON

/// Loads a manifest directory: finds the YAML files, decodes every document, runs every rule,
/// and returns the desired functions, the settings and all diagnostics at once. Pure apart from
/// the injected file system and environment.
public struct ManifestLoader: Sendable {
  public static let settingsFileNames = ["hogctl.yaml", "hogctl.yml"]

  public var fileSystem: any ManifestFileSystem
  public var environment: [String: String]
  public var options: ManifestLoadOptions

  public init(
    fileSystem: any ManifestFileSystem, environment: [String: String], options: ManifestLoadOptions = .init()
  ) {
    self.fileSystem = fileSystem
    self.environment = environment
    self.options = options
  }

  public func load() throws -> ManifestLoadResult {
    var diagnostics: [Diagnostic] = []
    var functions: [ParsedFunction] = []
    var inputScopes: [InputScope] = []
    var settings: ParsedSettings?
    var unresolved: Set<String> = []
    var sensitive: Set<String> = []
    var yamlFiles = try fileSystem.listFiles().filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
    // File systems list in order already; checking costs one comparison per file, where sorting
    // 10,000 paths again cost a hundred thousand.
    if !zip(yamlFiles, yamlFiles.dropFirst()).allSatisfy({ $0 < $1 }) { yamlFiles.sort() }
    // Files are independent until the cross-file rules, so they are read on every core; the
    // results are merged in path order, so the outcome does not depend on the scheduling.
    let reads = yamlFiles.parallelMap { path in Result { try read(path) } }
    var texts: [(file: String, text: String)] = []
    for read in reads {
      let file = try read.get()
      if let text = file.text { texts.append((file.shown, text)) }
      diagnostics += file.diagnostics
      unresolved.formUnion(file.unresolvedEnvironment)
      sensitive.formUnion(file.sensitiveValues)
      for document in file.documents {
        switch document {
        case .settings(let parsed) where settings == nil:
          settings = parsed
        case .settings(let parsed):
          diagnostics.append(
            Diagnostic(
              severity: .error, ruleID: RuleID.wrongType,
              message: "hogctl.yaml holds one YAML document; this second one would be ignored",
              location: parsed.locations.document))
        case .function(let parsed, let scopes):
          functions.append(parsed)
          inputScopes += scopes
        }
      }
    }
    _ = consume reads
    let context = RuleContext(functions: functions, settings: settings, inputScopes: consume inputScopes)
    // The rules only read the decoded manifests: they run side by side, reported in catalog order.
    for found in RuleCatalog.manifestRules.parallelMap(chunkSize: 1, { $0.check(context) }) {
      diagnostics += found
    }
    _ = consume context
    // Only files with something to show keep their text: thousands of clean manifests need not
    // stay in memory through planning.
    let diagnosedFiles = Set(diagnostics.compactMap { $0.location?.file })
    let sources = Dictionary(
      texts.filter { diagnosedFiles.contains($0.file) }, uniquingKeysWith: { first, _ in first })
    let result = ManifestLoadResult(
      functions: functions.parallelMap(FunctionBuilder.build).compactMap { $0 },
      settings: SettingsBuilder.build(
        settings?.value ?? [:], environment: environment, overrides: options.overrides),
      diagnostics: Self.sorted(diagnostics), sources: sources, files: yamlFiles.map(displayPath),
      unresolvedEnvironment: unresolved.sorted(), sensitiveValues: sensitive.sorted())
    // `functions` now holds the decoded documents' last references, and they are freed on every
    // core: thousands of small trees freed one by one left the other cores idle after each load.
    functions.releaseInParallel()
    return result
  }

  /// One file read and decoded on its own, before the cross-file rules.
  struct FileRead: Sendable {
    enum Document: Sendable {
      case settings(ParsedSettings)
      /// A function document as the rules see it, with its input scopes.
      case function(ParsedFunction, inputScopes: [InputScope])
    }

    var shown: String
    var isSettings: Bool
    var text: String?
    var diagnostics: [Diagnostic] = []
    var unresolvedEnvironment: Set<String> = []
    var sensitiveValues: Set<String> = []
    var documents: [Document] = []
  }

  private func read(_ path: String) throws -> FileRead {
    let shown = displayPath(path)
    let isSettings = Self.settingsFileNames.contains(ManifestPath.fileName(of: path))
    var file = FileRead(shown: shown, isSettings: isSettings)
    if isSettings && path.contains("/") {
      file.diagnostics.append(
        Diagnostic(
          severity: .warning, ruleID: RuleID.nestedSettings,
          message: "only the hogctl.yaml at the top of the manifest directory is read; this one is ignored",
          location: ManifestLocation(file: shown, line: 1, column: 1)))
      return file
    }
    let reader = YAMLDocumentReader(file: shown)
    let output: YAMLDocumentReader.Output
    switch try fileSystem.textOfFile(path, limit: YAMLDocumentReader.maximumFileSize) {
    case .text(let text):
      output = reader.read(text: YAMLDocumentReader.withoutByteOrderMark(text))
    case .notUTF8(let data):
      output = reader.read(data)
    case .tooLarge(let size):
      file.diagnostics.append(reader.tooLarge(size: size))
      return file
    }
    file.text = output.text
    file.diagnostics += output.diagnostics
    let tags = tagResolver(for: path)
    let shape = Shape.object(isSettings ? ManifestShapes.settings : ManifestShapes.hogFunction)
    for (index, document) in output.documents.enumerated() {
      var decoder = ShapeDecoder(tags: tags, document: document.location(in: shown))
      let value = decoder.decode(document, as: shape)?.objectValue ?? [:]
      file.diagnostics += decoder.diagnostics
      file.unresolvedEnvironment.formUnion(decoder.unresolvedEnvironment)
      file.sensitiveValues.formUnion(decoder.sensitiveValues)
      let locations = Self.locations(
        of: index, in: output.text ?? "", file: shown, at: document.location(in: shown), tags: tags,
        shape: shape)
      if isSettings {
        file.documents.append(.settings(ParsedSettings(file: shown, value: value, locations: locations)))
        continue
      }
      // Prepared for the rules here, on every core, rather than when the files are merged.
      let parsed = ParsedFunction(
        file: shown, value: value, locations: locations, taggedInputs: decoder.taggedInputs,
        sensitivePaths: decoder.sensitivePaths, sensitiveValues: decoder.sensitiveValues)
      if case .mapping = document.kind { file.diagnostics += Self.missingHog(parsed) }
      file.documents.append(.function(parsed, inputScopes: parsed.inputScopes))
    }
    return file
  }

  /// The locations of a file's `index`th document, recorded when first looked up by reading
  /// the text again, with the same tags, with notes on.
  static func locations(
    of index: Int, in text: String, file: String, at document: ManifestLocation, tags: TagResolver,
    shape: Shape
  ) -> LocationIndex {
    LocationIndex(document: document) {
      let documents = YAMLDocumentReader(file: file).read(text: text).documents
      var decoder = ShapeDecoder(tags: tags, document: document, recordsLocations: true)
      if documents.indices.contains(index) { _ = decoder.decode(documents[index], as: shape) }
      return decoder.locations
    }
  }

  /// `hog` is required unless a template supplies it or the function is declared deleted.
  static func missingHog(_ parsed: ParsedFunction) -> [Diagnostic] {
    guard parsed.value["hog"] == nil, parsed.templateID == nil, parsed.value["deleted"]?.boolValue != true,
      parsed.locations.keys["hog"] == nil
    else { return [] }
    return [
      Diagnostic(
        severity: .error, ruleID: RuleID.requiredField,
        message:
          "missing required field 'hog' (the function's code, inline or `!file`); it is optional only with template_id",
        location: parsed.locations.document)
    ]
  }

  static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.sorted { lhs, rhs in
      switch (lhs.location, rhs.location) {
      case (nil, nil): return lhs.message < rhs.message
      case (nil, _): return true
      case (_, nil): return false
      case (let left?, let right?): return left == right ? lhs.ruleID < rhs.ruleID : left < right
      }
    }
  }

  private func displayPath(_ path: String) -> String {
    path.hasPrefix("/") || options.displayPrefix.isEmpty ? path : options.displayPrefix + path
  }

  private func tagResolver(for path: String) -> TagResolver {
    let prefix = options.displayPrefix
    return TagResolver(
      file: path, fileSystem: fileSystem, environment: environment, skipEnvironment: options.skipEnvironment,
      displayPath: { $0.hasPrefix("/") || prefix.isEmpty ? $0 : prefix + $0 })
  }
}
