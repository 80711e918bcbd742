/// The nearest directory of the slash-separated `path` that `accepts`, deepest first: `a/b` for
/// `a/b/c.json` when it is accepted, then `a`; nil when none is. For looking a path's
/// directories up in a table, a look-up per level instead of a comparison per entry.
package func nearestDirectory(of path: String, where accepts: (Substring) -> Bool) -> Substring? {
    var end = path.endIndex
    while let slash = path[..<end].lastIndex(of: "/") {
        if accepts(path[..<slash]) { return path[..<slash] }
        end = slash
    }
    return nil
}
