/// Writes truecolour PNG images without a compression library: the pixel rows go into zlib
/// "stored" (uncompressed) deflate blocks, which every PNG decoder reads.
enum PNGEncoder {
  static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

  /// `pixels` holds `width * height` RGB triples, row by row.
  static func encode(width: Int, height: Int, pixels: [(UInt8, UInt8, UInt8)]) -> [UInt8] {
    precondition(pixels.count == width * height, "one RGB triple per pixel")
    var header: [UInt8] = []
    header += bigEndian(UInt32(width))
    header += bigEndian(UInt32(height))
    header += [8, 2, 0, 0, 0]  // 8 bits per channel, truecolour, deflate, adaptive filter, no interlace
    var raw: [UInt8] = []
    raw.reserveCapacity(height * (1 + width * 3))
    for row in 0..<height {
      raw.append(0)  // filter: none
      for (red, green, blue) in pixels[row * width..<(row + 1) * width] {
        raw += [red, green, blue]
      }
    }
    return signature + chunk("IHDR", header) + chunk("IDAT", zlibStored(raw)) + chunk("IEND", [])
  }

  static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
    let typeBytes = Array(type.utf8)
    return bigEndian(UInt32(data.count)) + typeBytes + data + bigEndian(crc32(typeBytes + data))
  }

  /// A zlib stream of stored blocks (at most 65535 bytes each) and the Adler-32 trailer.
  static func zlibStored(_ data: [UInt8]) -> [UInt8] {
    var output: [UInt8] = [0x78, 0x01]
    var offset = 0
    repeat {
      let length = min(65_535, data.count - offset)
      let isLast = offset + length == data.count
      output.append(isLast ? 1 : 0)
      output += [UInt8(length & 0xFF), UInt8(length >> 8)]
      output += [UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
      output += data[offset..<offset + length]
      offset += length
    } while offset < data.count
    return output + bigEndian(adler32(data))
  }

  static func adler32(_ data: [UInt8]) -> UInt32 {
    var low: UInt32 = 1
    var high: UInt32 = 0
    for byte in data {
      low = (low + UInt32(byte)) % 65_521
      high = (high + low) % 65_521
    }
    return high << 16 | low
  }

  static let crcTable: [UInt32] = (0..<256).map { index in
    var value = UInt32(index)
    for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
    return value
  }

  static func crc32(_ data: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in data { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
    return crc ^ 0xFFFF_FFFF
  }

  static func bigEndian(_ value: UInt32) -> [UInt8] {
    [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
  }
}
