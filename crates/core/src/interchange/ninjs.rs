//! IPTC ninjs 2.2: an article as a news item in JSON (notes never appear).
