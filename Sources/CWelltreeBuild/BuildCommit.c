#include "CWelltreeBuild.h"

/* Weak, so the definition scripts/release links in (its build stamp) replaces it. A plain
   `swift build` keeps this one: such a binary cannot know which commit, if any, its sources
   were, so it claims none. */
__attribute__((weak)) const char *welltree_build_commit(void) { return ""; }
