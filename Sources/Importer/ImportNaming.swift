import Foundation

/// File and variable names for imported functions: readable, ASCII, and the same on every
/// import of the same project.
enum ImportNaming {
  /// The folder each type's manifests go in.
  static func folder(of type: String) -> String {
    switch type {
    case "destination": "destinations"
    case "site_destination": "site-destinations"
    case "internal_destination": "internal-destinations"
    case "source_webhook": "source-webhooks"
    case "site_app": "site-apps"
    case "transformation": "transformations"
    default: type.replacingOccurrences(of: "_", with: "-")
    }
  }

  /// Lower-case ASCII letters and digits joined by `-`; accents are dropped (`Café` → `cafe`),
  /// other characters separate words. A name with no such characters becomes `function`.
  static func slug(_ name: String) -> String {
    let folded = name.decomposedStringWithCanonicalMapping.unicodeScalars
      .filter { $0.properties.generalCategory != .nonspacingMark }
    var slug = ""
    var pendingDash = false
    for scalar in folded {
      if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
        if pendingDash && !slug.isEmpty { slug += "-" }
        pendingDash = false
        slug.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
        if slug.count >= 60 { break }
      } else {
        pendingDash = true
      }
    }
    return slug.isEmpty ? "function" : slug
  }

  /// Unique slugs for functions given as (name, type, id): those sharing a slug are ordered by
  /// type, name and id; the first keeps it, the next get `-2`, `-3`, ... So the same project
  /// always gets the same file names.
  static func uniqueSlugs(_ functions: [(name: String, type: String, id: String)]) -> [String] {
    var result = Array(repeating: "", count: functions.count)
    let groups = Dictionary(grouping: functions.indices) { slug(functions[$0].name) }
    var taken = Set(groups.keys)
    for (base, members) in groups.sorted(by: { $0.key < $1.key }) {
      let ordered = members.sorted {
        (functions[$0].type, functions[$0].name, functions[$0].id)
          < (functions[$1].type, functions[$1].name, functions[$1].id)
      }
      for (position, index) in ordered.enumerated() {
        guard position > 0 else {
          result[index] = base
          continue
        }
        var suffix = position + 1
        while taken.contains("\(base)-\(suffix)") { suffix += 1 }
        result[index] = "\(base)-\(suffix)"
        taken.insert(result[index])
      }
    }
    return result
  }

  /// The environment variable for a secret input: the file's slug and the input's key in
  /// upper case, e.g. `SLACK_ALERTS_WEBHOOK_SECRET`; inside a mapping, `..._MAPPING_2_TOKEN`.
  static func variable(slug: String, key: String, mapping: Int? = nil) -> String {
    var parts = [slug]
    if let mapping { parts.append("mapping-\(mapping + 1)") }
    parts.append(key)
    let name = parts.joined(separator: "_").uppercased().unicodeScalars
      .map { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) ? Character($0) : "_" }
    let text = String(name)
    return text.first?.isLetter == true ? text : "HOG_" + text
  }
}
