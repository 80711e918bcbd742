/// Bounds-checked little-endian reading of the binary cache formats (the lens archive, the
/// summary cache): a read that needs more bytes than are left gives nil, so a truncated or
/// damaged file is refused rather than read past its end.
package struct BinaryReader {
    package let bytes: ArraySlice<UInt8>
    package var index: Int
    package let end: Int

    /// Reads `bytes[start..<end]` (by default all of them), in `bytes`' own indices.
    package init(_ bytes: ArraySlice<UInt8>, from start: Int? = nil, to end: Int? = nil) {
        self.bytes = bytes
        index = start ?? bytes.startIndex
        self.end = end ?? bytes.endIndex
    }

    /// How many bytes are left.
    package var remaining: Int { end - index }
    package var atEnd: Bool { index == end }

    package mutating func byte() -> UInt8? {
        guard index < end else { return nil }
        defer { index += 1 }
        return bytes[index]
    }

    package mutating func integer<T: FixedWidthInteger>(_ type: T.Type) -> T? {
        let size = MemoryLayout<T>.size
        guard remaining >= size else { return nil }
        var value: T = 0
        for offset in 0..<size { value |= T(bytes[index + offset]) << (8 * offset) }
        index += size
        return value
    }

    /// The next `count` bytes.
    package mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, remaining >= count else { return nil }
        defer { index += count }
        return bytes[index..<(index + count)]
    }
}

/// FNV-1a, 64 bits: the binary caches' checksum, which tells a damaged file from a whole one
/// (any one changed byte changes it).
package func fnv1a64(_ bytes: ArraySlice<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes {
        hash ^= UInt64(byte)
        hash &*= 0x0000_0100_0000_01B3
    }
    return hash
}
