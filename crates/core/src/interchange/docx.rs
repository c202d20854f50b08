//! Word documents (`.docx`) in: paragraphs, headings, marks, lists, links, images with their
//! captions, legacy Vietnamese font runs converted; what is not imported is listed.
