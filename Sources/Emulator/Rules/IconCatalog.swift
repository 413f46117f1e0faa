import Foundation
import HogctlJSON

/// The emulator's icons (`icons/` search and `icon/` bytes). Each icon is a 32×32 PNG drawn in
/// code: a rounded tile in the service's colour with a lighter inner square, enough for a UI to
/// show something distinct per service.
struct IconCatalog: Sendable {
  struct Icon: Sendable {
    var id: String
    var name: String
    var color: (UInt8, UInt8, UInt8)
  }

  static let builtins: [Icon] = [
    Icon(id: "slack.com", name: "Slack", color: (0x4A, 0x15, 0x4B)),
    Icon(id: "webhook", name: "Webhook", color: (0x1D, 0x4A, 0xFF)),
    Icon(id: "posthog.com", name: "PostHog", color: (0xF5, 0x4E, 0x00)),
    Icon(id: "discord.com", name: "Discord", color: (0x58, 0x65, 0xF2)),
    Icon(id: "hubspot.com", name: "HubSpot", color: (0xFF, 0x7A, 0x59)),
    Icon(id: "google.com", name: "Google", color: (0x34, 0xA8, 0x53)),
  ]

  let icons: [Icon]

  init(icons: [Icon] = IconCatalog.builtins) {
    self.icons = icons
  }

  static func url(for id: String) -> String {
    let escaped = id.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? id
    return "/api/projects/@current/hog_functions/icon/?id=\(escaped)"
  }

  /// Icons whose id or name contains `query` (case-insensitive); an empty query finds nothing.
  func search(_ query: String) -> [JSONValue] {
    let needle = query.trimmingCharacters(in: .whitespaces).lowercased()
    guard !needle.isEmpty else { return [] }
    return icons.filter { $0.id.lowercased().contains(needle) || $0.name.lowercased().contains(needle) }
      .map { ["id": .string($0.id), "name": .string($0.name), "url": .string(Self.url(for: $0.id))] }
  }

  /// The PNG bytes of an icon, `nil` for an unknown id.
  func png(_ id: String) -> Data? {
    guard let icon = icons.first(where: { $0.id == id }) else { return nil }
    return Data(Self.draw(icon.color))
  }

  static func draw(_ color: (UInt8, UInt8, UInt8), size: Int = 32) -> [UInt8] {
    let white: (UInt8, UInt8, UInt8) = (0xFF, 0xFF, 0xFF)
    let light = (lighten(color.0), lighten(color.1), lighten(color.2))
    var pixels: [(UInt8, UInt8, UInt8)] = []
    for y in 0..<size {
      for x in 0..<size {
        let edge = min(x, y, size - 1 - x, size - 1 - y)
        let corner = (x < 3 || x > size - 4) && (y < 3 || y > size - 4) && edge == 0
        if corner {
          pixels.append(white)
        } else if edge >= size / 4 && edge < size / 4 + 4 {
          pixels.append(light)
        } else {
          pixels.append(color)
        }
      }
    }
    return PNGEncoder.encode(width: size, height: size, pixels: pixels)
  }

  private static func lighten(_ channel: UInt8) -> UInt8 {
    UInt8((Int(channel) + 0xFF) / 2)
  }
}
