import Testing
import WelltreeCore
import WelltreeInteractive

@Suite("Terminal input and scripted commands")
struct InputTests {
    @Test func decodesKeysEscapeSequencesAndSplitUTF8() {
        var decoder = KeyDecoder()
        #expect(decoder.decode(Array("a1 ".utf8)) == [.character("a"), .character("1"), .character(" ")])
        #expect(decoder.decode([0x1b, 0x5b, 0x41, 0x1b, 0x4f, 0x43, 0x1b, 0x5b, 0x36, 0x7e]) == [.up, .right, .pageDown])
        #expect(decoder.decode([0x1b]) == [.escape])
        #expect(decoder.decode([0x0d, 0x7f, 0x04, 0x03]) == [.enter, .backspace, .control("d"), .control("c")])
        let e = Array("é".utf8)
        #expect(decoder.decode([e[0]]) == [])
        #expect(decoder.decode([e[1]]) == [.character("é")])
    }

    @Test func textBufferEditsAtTheCursorWithinTheLimit() {
        var buffer = TextBuffer("ab\ncd", limit: 6, multiline: true)
        buffer.up()
        buffer.insert("X")
        #expect(buffer.text == "abX\ncd")
        let inserted = buffer.insert("Y")
        #expect(!inserted)
        buffer.lineStart()
        buffer.deleteForward()
        #expect(buffer.text == "bX\ncd")
        #expect(buffer.lines.lines == ["bX", "cd"])
        var line = TextBuffer(limit: 5, multiline: false)
        let newline = line.insert("\n")
        #expect(!newline)
    }

    @Test(arguments: [
        ("toggle 1 3", ReviewScriptCommand.toggle([1, 3])),
        ("toggle 2,4", .toggle([2, 4])),
        ("none", .none),
        ("na", .notApplicable(.none)),
        ("na out-of-scope", .notApplicable(.outOfScope)),
        ("choice-na 3 OTHER Not   this year", .choiceNotApplicable(3, .other, notes: "Not   this year")),
        ("choice-na 3", .choiceNotApplicable(3, .none, notes: nil)),
        ("notes First\\nSecond", .notes("First\nSecond")),
        ("notes", .notes("")),
        ("pillar Cost Optimization", .pillar("Cost Optimization")),
        ("goto identities", .go("identities")),
        ("  save  ", .save),
        ("discard", .discard),
    ])
    func parsesTheScriptGrammar(line: String, command: ReviewScriptCommand) throws {
        #expect(try ReviewScriptCommand.parse(line) == command)
    }

    @Test func refusesLinesThatAreNotCommands() throws {
        #expect(try ReviewScriptCommand.parse("# comment") == nil)
        #expect(try ReviewScriptCommand.parse("") == nil)
        #expect(throws: ReviewScriptError.unknown("bogus")) { try ReviewScriptCommand.parse("bogus") }
        #expect(throws: ReviewScriptError.self) { try ReviewScriptCommand.parse("toggle x") }
        #expect(throws: ReviewScriptError.self) { try ReviewScriptCommand.parse("na MAYBE") }
        #expect(throws: ReviewScriptError.self) { try ReviewScriptCommand.parse("next 2") }
    }
}
