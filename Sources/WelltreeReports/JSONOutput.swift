import WelltreeCore

/// Prints machine output: canonical JSON (sorted keys, two-space indent), the same bytes for the
/// same data, so scripts and golden files can rely on it.
///
/// The canonical encoder escapes C0 controls; for output, the other unsafe characters (DEL, C1
/// controls, bidirectional overrides, line separators: see `UnsafeCharacter`) are written as
/// `\uXXXX` escapes too, so JSON printed to a terminal cannot act on it either. Parsed, the
/// document holds exactly the same strings.
package func jsonText(_ value: some Encodable) -> String {
    do {
        return String(decoding: escapingUnsafeCharacters(try CanonicalJSON.encode(value)), as: UTF8.self)
    } catch {
        return "{\"Error\": \"cannot encode output\"}\n"
    }
}

/// `bytes` (UTF-8 JSON whose C0 controls are already escaped) with every remaining unsafe
/// character as a `\uXXXX` escape. Such characters can only stand inside strings, where the
/// escape means the same character. Works on the bytes: a large document with none of them is
/// copied once.
func escapingUnsafeCharacters(_ bytes: [UInt8]) -> [UInt8] {
    guard bytes.contains(where: { $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 }) else { return bytes }
    let hex = Array("0123456789abcdef".utf8)
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count + 16)
    var index = 0
    while index < bytes.count {
        let byte = bytes[index]
        // The scalar starting here, when it is one of the unsafe ones, and its length in bytes.
        var unsafe: (value: Int, length: Int)?
        if byte == 0x7F {
            unsafe = (0x7F, 1)
        } else if (byte == 0xC2 || byte == 0xD8 || byte == 0xE2) && index + 1 < bytes.count {
            let length = byte == 0xE2 ? 3 : 2
            if index + length <= bytes.count {
                let scalar = String(decoding: bytes[index..<(index + length)], as: UTF8.self).unicodeScalars
                if scalar.count == 1, let first = scalar.first, UnsafeCharacter.isUnsafe(first) {
                    unsafe = (Int(first.value), length)
                }
            }
        }
        if let (value, length) = unsafe {
            result += [UInt8(ascii: "\\"), UInt8(ascii: "u")]
            for shift in [12, 8, 4, 0] { result.append(hex[(value >> shift) & 0xF]) }
            index += length
        } else {
            result.append(byte)
            index += 1
        }
    }
    return result
}
