import CLibGit2

#if canImport(Glibc)
    import Glibc
#endif

extension Index {
    /// Moves the entries below each `from` directory to the same place below its `to`, keeping
    /// their blob ids and file-system data: for directories renamed in the work tree, whose
    /// files are unchanged, so `git status` finds them clean without hashing them again.
    ///
    /// The index is rebuilt in one pass (entries copied out, renamed, sorted, added back in
    /// order); removing and adding entry by entry moves the rest of the index each time, which
    /// for a few hundred thousand entries is quadratic.
    package func moveDirectories(_ moves: [(from: String, to: String)]) throws(GitError) {
        guard !moves.isEmpty else { return }
        var targets: [Substring: String] = [:]
        for move in moves { targets[Substring(move.from)] = move.to }
        var entries: [(path: [UInt8], entry: git_index_entry)] = []
        let count = git_index_entrycount(handle)
        entries.reserveCapacity(count)
        var moved = false
        for position in 0..<count {
            guard let pointer = git_index_get_byindex(handle, position) else { continue }
            let path = String(cString: pointer.pointee.path)
            var newPath = path
            if let directory = nearestDirectory(of: path, where: { targets[$0] != nil }) {
                newPath = targets[directory]! + path[directory.endIndex...]
                moved = true
            }
            entries.append((Array(newPath.utf8) + [0], pointer.pointee))
        }
        guard moved else { return }
        // The index's order: by path bytes (then stage, which a clean index has only 0 of).
        entries.sort { $0.path.lexicographicallyPrecedes($1.path) }
        try check(git_index_clear(handle), "git_index_clear")
        for index in entries.indices {
            let code = entries[index].path.withUnsafeBufferPointer { bytes -> Int32 in
                var entry = entries[index].entry
                entry.path = UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self)
                return git_index_add(handle, &entry)
            }
            try check(code, "git_index_add", subject: String(decoding: entries[index].path.dropLast(), as: UTF8.self))
        }
    }
}
