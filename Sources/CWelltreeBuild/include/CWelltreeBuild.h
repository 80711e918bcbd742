#ifndef CWELLTREEBUILD_H
#define CWELLTREEBUILD_H

/// The commit this binary was built from: stamped by scripts/release, which links in an object
/// file with a strong definition of this function; "" in every other build (the weak
/// definition below), which then says "unknown commit" rather than guess.
const char *welltree_build_commit(void);

#endif
