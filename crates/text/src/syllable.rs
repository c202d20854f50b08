//! Vietnamese syllables: initial + rhyme (medial, nucleus, final) + tone, and whether a
//! token is a valid syllable. (Being written: see the helper owning spelling.)
