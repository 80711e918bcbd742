/// Text being edited in the terminal: the question notes (several lines) or a best practice's
/// not-applicable notes (one line), with a cursor and a length limit.
///
/// The limit counts Unicode scalars, as `LensLimits` does, so what the editor accepts is exactly
/// what the answer rules accept; typing past it is refused rather than cut later.
package struct TextBuffer: Sendable, Equatable {
    package private(set) var characters: [Character]
    /// Position of the cursor in `characters` (0...count).
    package private(set) var cursor: Int
    /// The most Unicode scalars the text may hold.
    package let limit: Int
    /// False for one-line inputs, where Enter finishes instead of breaking the line.
    package let multiline: Bool

    package init(_ text: String = "", limit: Int, multiline: Bool) {
        characters = Array(text)
        cursor = characters.count
        self.limit = limit
        self.multiline = multiline
    }

    package var text: String { String(characters) }

    /// Length as the limits count it.
    package var length: Int { text.unicodeScalars.count }

    /// Inserts a character at the cursor; false (and nothing inserted) when the limit would be passed.
    @discardableResult
    package mutating func insert(_ character: Character) -> Bool {
        if character == "\n" && !multiline { return false }
        guard length + character.unicodeScalars.count <= limit else { return false }
        characters.insert(character, at: cursor)
        cursor += 1
        return true
    }

    package mutating func backspace() {
        guard cursor > 0 else { return }
        cursor -= 1
        characters.remove(at: cursor)
    }

    package mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    package mutating func left() { cursor = max(0, cursor - 1) }
    package mutating func right() { cursor = min(characters.count, cursor + 1) }
    package mutating func lineStart() { cursor = lineBounds(containing: cursor).lowerBound }
    package mutating func lineEnd() { cursor = lineBounds(containing: cursor).upperBound }

    /// Moves to the same column of the line above (or its end when shorter).
    package mutating func up() {
        let line = lineBounds(containing: cursor)
        guard line.lowerBound > 0 else { return cursor = 0 }
        let above = lineBounds(containing: line.lowerBound - 1)
        cursor = min(above.lowerBound + (cursor - line.lowerBound), above.upperBound)
    }

    /// Moves to the same column of the line below (or its end when shorter).
    package mutating func down() {
        let line = lineBounds(containing: cursor)
        guard line.upperBound < characters.count else { return cursor = characters.count }
        let below = lineBounds(containing: line.upperBound + 1)
        cursor = min(below.lowerBound + (cursor - line.lowerBound), below.upperBound)
    }

    /// Removes everything.
    package mutating func clear() {
        characters = []
        cursor = 0
    }

    /// The lines of the text, and the cursor as (line, column).
    package var lines: (lines: [String], cursorLine: Int, cursorColumn: Int) {
        var lines: [String] = [""]
        var cursorLine = 0
        var cursorColumn = 0
        for (index, character) in characters.enumerated() {
            if index == cursor { (cursorLine, cursorColumn) = (lines.count - 1, lines[lines.count - 1].count) }
            if character == "\n" {
                lines.append("")
            } else {
                lines[lines.count - 1].append(character)
            }
        }
        if cursor == characters.count { (cursorLine, cursorColumn) = (lines.count - 1, lines[lines.count - 1].count) }
        return (lines, cursorLine, cursorColumn)
    }

    /// The start and end (exclusive, at the newline) of the line holding `position`.
    private func lineBounds(containing position: Int) -> Range<Int> {
        var start = position
        while start > 0, characters[start - 1] != "\n" { start -= 1 }
        var end = position
        while end < characters.count, characters[end] != "\n" { end += 1 }
        return start..<end
    }
}
