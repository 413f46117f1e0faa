import HogctlJSON
import Manifests
import PostHogAPI
import Reconciler

/// What to import and how to write it.
public struct ImportRequest: Sendable {
  /// Types to import; empty: `manage.types` of an existing hogctl.yaml, else every type.
  public var types: [String]
  /// Name globs; empty: every name.
  public var names: [String]
  /// Function ids; empty: every id.
  public var ids: [String]
  /// Write `id:` into each manifest (ties it to this project).
  public var pinIDs: Bool
  /// Where `schemas/` is, relative to the output directory (or a URL), for the modelines.
  public var schemas: String
  /// `project` members for a new hogctl.yaml (host, id, api_path); empty for none.
  public var project: [(key: String, value: String)]

  public init(
    types: [String] = [], names: [String] = [], ids: [String] = [], pinIDs: Bool = false,
    schemas: String = "schemas", project: [(key: String, value: String)] = []
  ) {
    self.types = types
    self.names = names
    self.ids = ids
    self.pinIDs = pinIDs
    self.schemas = schemas
    self.project = project
  }
}

/// The files an import writes, by path relative to the output directory.
public struct ImportOutput: Sendable {
  /// Manifests and `.hog` files, sorted by path.
  public var files: [(path: String, text: String)]
  /// hogctl.yaml's new text.
  public var settings: String
  public var variables: [SecretVariable]
  public var warnings: [String]
  /// The imported functions, as `type/name`.
  public var imported: [String]
}

/// Live functions → manifests that plan as no change against the project they came from.
public enum Importer {
  public static let settingsPath = "hogctl.yaml"
  public static let allTypes = PostHogClient.allTypes

  /// The types to list: the request's, else hogctl.yaml's `manage.types`, else every type.
  public static func types(for request: ImportRequest, settings: String?) throws -> [String] {
    if !request.types.isEmpty { return request.types }
    return try SettingsFile(text: settings).manageTypes ?? allTypes
  }

  /// - Parameters:
  ///   - live: every live function of the listed types, in list order, with `template_id`.
  ///   - templates: the templates those functions were made from, by id.
  ///   - settings: the current hogctl.yaml text, if there is one.
  ///   - declared: functions the directory's manifests already declare, name → file; one
  ///     declared in a file import would not write is left to that file.
  public static func run(
    live: [HogFunction], templates: JSONObject, request: ImportRequest, settings: String?,
    declared: [String: String] = [:]
  ) throws -> ImportOutput {
    let settingsFile = try SettingsFile(text: settings)
    let types = try Self.types(for: request, settings: settings)
    var warnings: [String] = []
    let selected = select(
      live, types: types, request: request, ignore: settingsFile.ignore, warnings: &warnings)
    let slugs = ImportNaming.uniqueSlugs(selected.map { ($0.name, $0.type, $0.id) })
    let transformations = live.filter { $0.type == "transformation" }
    var order = transformationOrder(
      transformations, imported: Set(selected.filter { $0.type == "transformation" }.map(\.name)),
      existing: settingsFile.transformationOrder ?? [])
    var explicitOrders: [String: Int] = [:]
    if !types.contains("transformation") {
      order = settingsFile.transformationOrder ?? []
    } else if !reorders(transformations, listed: order, explicit: [:]) {
      // in hogctl.yaml, as live
    } else if settingsFile.transformationOrder?.isEmpty ?? true {
      // Orders with gaps cannot come from a list (it numbers 1, 2, ...): each keeps its own.
      for function in transformations where selected.contains(where: { $0.id == function.id }) {
        explicitOrders[function.name] = function.executionOrder
      }
      order = []
    } else {
      warnings.append("the first apply renumbers the transformations 1, 2, ... in their present order")
    }

    var files: [(path: String, text: String)] = []
    var variables: [SecretVariable] = []
    var imported: [String] = []
    for (function, slug) in zip(selected, slugs) {
      let folder = ImportNaming.folder(of: function.type)
      if let file = declared[function.name], file != "\(folder)/\(slug).yaml" {
        warnings.append("\"\(function.name)\" is already declared in \(file); left to that file")
        continue
      }
      imported.append("\(function.type)/\(function.name)")
      let template = function.raw["template_id"]?.stringValue.flatMap { templates[$0] }
      if let id = function.raw["template_id"]?.stringValue, template == nil {
        warnings.append("\"\(function.name)\": template \(id) is not available; every field is written out")
      }
      let manifest = FunctionManifest(
        live: function, template: template, slug: slug, pinID: request.pinIDs,
        executionOrder: explicitOrders[function.name])
      let modeline =
        "# yaml-language-server: $schema=\(schemaReference(request.schemas, depth: 1))/hog-function.schema.json\n"
      files.append(("\(folder)/\(slug).yaml", modeline + (try YAMLEmitter.emit(manifest.document))))
      if let hog = manifest.hogFile { files.append(("\(folder)/\(slug).hog", hog)) }
      variables += manifest.variables
    }
    let mergedTypes = allTypes.filter { Set(settingsFile.manageTypes ?? []).union(types).contains($0) }
    let project = request.project.map { (key: $0.key, value: YAMLNode.text($0.value)) }
    let settingsText = try settingsFile.rendered(
      types: mergedTypes, order: order, project: project, schemas: schemaReference(request.schemas, depth: 0))
    return ImportOutput(
      files: files.sorted { $0.path < $1.path }, settings: settingsText, variables: variables,
      warnings: warnings,
      imported: imported)
  }

  /// The functions to import, in a stable order. A name held by more than one live function
  /// cannot be one manifest (names are unique in a directory) and is left out with a warning.
  static func select(
    _ live: [HogFunction], types: [String], request: ImportRequest, ignore: [String], warnings: inout [String]
  ) -> [HogFunction] {
    let globs = request.names.map(NameGlob.init)
    let ignored = ignore.map(NameGlob.init)
    let candidates = live.filter { function in
      types.contains(function.type) && (globs.isEmpty || globs.contains { $0.matches(function.name) })
        && (request.ids.isEmpty || request.ids.contains(function.id))
        && !ignored.contains { $0.matches(function.name) }
    }
    let byName = Dictionary(grouping: live, by: \.name)
    var selected: [HogFunction] = []
    for function in candidates {
      let namesakes = byName[function.name] ?? []
      if namesakes.count > 1 {
        if namesakes.first?.id == function.id {
          warnings.append(
            "\(namesakes.count) live functions are named \"\(function.name)\" (ids "
              + namesakes.map(\.id).sorted().joined(separator: ", ")
              + "); none is imported: rename all but one in PostHog, or write their manifests with id: pins")
        }
        continue
      }
      selected.append(function)
    }
    return selected.sorted { ($0.type, $0.name, $0.id) < ($1.type, $1.name, $1.id) }
  }

  /// Transformations by live order (then list order): the imported ones and those the
  /// existing order names, then the names it lists that are not live.
  static func transformationOrder(
    _ transformations: [HogFunction], imported: Set<String>, existing: [String]
  ) -> [String] {
    let listed = Set(existing)
    let ranked = transformations.enumerated()
      .sorted {
        ($0.element.executionOrder ?? .max, $0.offset) < ($1.element.executionOrder ?? .max, $1.offset)
      }
      .map(\.element.name)
    let live = Set(ranked)
    var seen = Set<String>()
    let ordered = ranked.filter { (imported.contains($0) || listed.contains($0)) && seen.insert($0).inserted }
    return ordered + existing.filter { !live.contains($0) }
  }

  /// Whether the plan would reorder these transformations given this order.
  static func reorders(_ transformations: [HogFunction], listed: [String], explicit: [String: Int]) -> Bool {
    let members = transformations.map {
      ReorderPlanner.Member(name: $0.name, id: $0.id, currentOrder: $0.executionOrder)
    }
    let result = ReorderPlanner.plan(existing: members, created: [], listed: listed, explicit: explicit)
    return !(result?.entries.isEmpty ?? true)
  }

  /// The schemas location as seen from a file `depth` folders below the output directory.
  static func schemaReference(_ schemas: String, depth: Int) -> String {
    if schemas.contains("://") || schemas.hasPrefix("/") { return schemas }
    return String(repeating: "../", count: depth) + schemas
  }
}
