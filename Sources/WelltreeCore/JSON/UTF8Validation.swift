/// Checks bytes for well-formed UTF-8 as Unicode defines it (no overlong forms, surrogates or
/// values past U+10FFFF), so that `String(decoding:as:)`, which would repair bad input, can be
/// used where `String(validating:as:)` (several times slower) would otherwise be needed.
enum UTF8Validation {
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let end = bytes.count
        while i < end {
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return false
            }
            guard end - i >= length else { return false }
            let second = bytes[i + 1]
            guard second >= low, second <= high else { return false }
            for offset in 2..<max(length, 2) where bytes[i + offset] & 0xC0 != 0x80 { return false }
            i += length
        }
        return true
    }

    /// The string for `bytes` if they are well-formed UTF-8.
    static func string(_ bytes: ArraySlice<UInt8>) -> String? {
        bytes.withUnsafeBufferPointer { isValid($0) ? String(decoding: $0, as: UTF8.self) : nil }
    }
}
