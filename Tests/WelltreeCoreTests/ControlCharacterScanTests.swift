import Testing
@testable import WelltreeCore

/// The byte pre-check that lets lens import skip the per-character control look-up must never
/// miss a control character that the look-up would find.
@Suite("Control character pre-check")
struct ControlCharacterScanTests {
    static func hasControls(_ text: String) -> Bool {
        text.contains { character in
            character.unicodeScalars.contains { $0.properties.generalCategory == .control }
                && !["\t", "\n", "\r", "\r\n"].contains(character)
        }
    }

    @Test(
        "agrees with the Unicode look-up",
        arguments: [
            "plain text", "tab\tand\nnew lines\r\n", "café 東京 Ωμέγα 👍🏽", "", "\u{00}", "a\u{1B}[31m", "del\u{7F}",
            "next line\u{85}", "\u{9F}", "\u{A0} no-break space", "\u{2028} line separator", "\u{C2}\u{A9} ©",
            "\u{200B} zero width", "\r",
        ])
    func agrees(_ text: String) {
        #expect(LensReader.mayHaveControls(text) || !Self.hasControls(text))
        if !Self.hasControls(text) && text.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x7F || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            #expect(!LensReader.mayHaveControls(text))
        }
    }
}
