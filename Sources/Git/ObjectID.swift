import CLibGit2

/// A git object id (SHA-1), as a plain value.
package struct ObjectID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 20 raw bytes, stored as two words and a half for cheap hashing and comparison.
    private let a: UInt64
    private let b: UInt64
    private let c: UInt32

    init(_ oid: git_oid) {
        var raw = oid
        let words = withUnsafeBytes(of: &raw.id) { buffer in
            (UInt64(bigEndian: buffer.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
             UInt64(bigEndian: buffer.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
             UInt32(bigEndian: buffer.loadUnaligned(fromByteOffset: 16, as: UInt32.self)))
        }
        (a, b, c) = words
    }

    init(_ pointer: UnsafePointer<git_oid>) {
        self.init(pointer.pointee)
    }

    /// Builds an id from its 20 raw bytes.
    package init(bytes: [UInt8]) {
        precondition(bytes.count == 20)
        var a: UInt64 = 0
        var b: UInt64 = 0
        var c: UInt32 = 0
        for i in 0..<8 { a = a << 8 | UInt64(bytes[i]) }
        for i in 8..<16 { b = b << 8 | UInt64(bytes[i]) }
        for i in 16..<20 { c = c << 8 | UInt32(bytes[i]) }
        self.a = a
        self.b = b
        self.c = c
    }

    /// Parses 40 hex digits.
    package init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 40 else { return nil }
        var bytes = [UInt8](repeating: 0, count: 20)
        for i in 0..<20 {
            guard let hi = Self.nibble(digits[2 * i]), let lo = Self.nibble(digits[2 * i + 1]) else { return nil }
            bytes[i] = hi << 4 | lo
        }
        self.init(bytes: bytes)
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The 20 raw bytes.
    package var bytes: [UInt8] {
        var out = [UInt8](repeating: 0, count: 20)
        for i in 0..<8 { out[i] = UInt8(truncatingIfNeeded: a >> (56 - 8 * UInt64(i))) }
        for i in 0..<8 { out[8 + i] = UInt8(truncatingIfNeeded: b >> (56 - 8 * UInt64(i))) }
        for i in 0..<4 { out[16 + i] = UInt8(truncatingIfNeeded: c >> (24 - 8 * UInt32(i))) }
        return out
    }

    var raw: git_oid {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { buffer in
            buffer.storeBytes(of: a.bigEndian, toByteOffset: 0, as: UInt64.self)
            buffer.storeBytes(of: b.bigEndian, toByteOffset: 8, as: UInt64.self)
            buffer.storeBytes(of: c.bigEndian, toByteOffset: 16, as: UInt32.self)
        }
        return oid
    }

    /// 40 lowercase hex digits.
    package var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(40)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    package var description: String { hex }

    package static func < (lhs: ObjectID, rhs: ObjectID) -> Bool {
        (lhs.a, lhs.b, lhs.c) < (rhs.a, rhs.b, rhs.c)
    }
}
