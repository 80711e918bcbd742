/// The characters no output may carry raw: they act on a terminal or on the text around them
/// instead of being shown.
///
/// - C0 controls (U+0000-U+001F: ESC, BEL, backspace, carriage return, line breaks, tab), DEL
///   (U+007F) and C1 controls (U+0080-U+009F, among them CSI U+009B and OSC U+009D, which some
///   terminals obey as ESC [ and ESC ]);
/// - the bidirectional formatting characters (U+061C, U+200E, U+200F, U+202A-U+202E,
///   U+2066-U+2069), which reorder how the rest of a line is displayed ("Trojan Source");
/// - the line and paragraph separators U+2028 and U+2029.
///
/// Each medium decides which of them it keeps as structure (a newline in a block of notes) and
/// writes the others with `visible(_:)`.
package enum UnsafeCharacter {
    /// Whether `scalar` is one of the unsafe characters.
    package static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        case 0x2028, 0x2029: true
        default: false
        }
    }

    /// `\u{1B}`: the character's code point in Swift's notation, as error messages show values.
    package static func visible(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }

    /// Whether `text` has an unsafe character; with `keepingLineBreaks`, newline, tab and CRLF
    /// do not count. Reads the UTF-8 bytes once and decodes nothing, since every unsafe
    /// character has a byte pattern of its own: most text, whatever its script, is passed on
    /// after this one loop.
    package static func occurs(in text: String, keepingLineBreaks: Bool = false) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let count = bytes.count
            var index = 0
            while index < count {
                let byte = bytes[index]
                if byte < 0x20 {
                    let kept = byte == 0x0A || byte == 0x09 || (byte == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A)
                    if !(keepingLineBreaks && kept) { return true }
                } else if byte == 0x7F {
                    return true
                } else if byte >= 0xC2, index + 1 < count {
                    let next = bytes[index + 1]
                    if byte == 0xC2 && (0x80...0x9F).contains(next) { return true }  // C1
                    if byte == 0xD8 && next == 0x9C { return true }  // U+061C
                    if byte == 0xE2, index + 2 < count {
                        let last = bytes[index + 2]
                        if next == 0x80 && (last == 0x8E || last == 0x8F || (0xA8...0xAE).contains(last)) { return true }
                        if next == 0x81 && (0xA6...0xA9).contains(last) { return true }
                    }
                }
                index += 1
            }
            return false
        }
    }

    /// `text` with every unsafe character written as `\u{XXXX}`; with `keepingLineBreaks`,
    /// newline, tab and CRLF are kept as they are. Text without any is returned unchanged, after
    /// one pass over its bytes.
    package static func escape(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard occurs(in: text, keepingLineBreaks: keepingLineBreaks) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            let kept = keepingLineBreaks && (scalar == "\n" || scalar == "\t" || (scalar == "\r" && pending == "\n"))
            if kept || !isUnsafe(scalar) {
                result.unicodeScalars.append(scalar)
            } else {
                result += visible(scalar)
            }
        }
        return result
    }
}
