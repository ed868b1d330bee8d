#pragma once
// Linux: the window's text is Japanese (its strings, and the patients' and insurers' names in
// either language), but Pango asks fontconfig for the generic sans-serif face in the language of
// the C library's locale, C.UTF-8 when ja_JP is not installed. Every font set the window makes then
// starts with a Latin face and walks fontconfig's fallback list to a Japanese one, each with its own
// sort and glyph loads (docs/performance.md, "cold start, third pass"), and kanji may be drawn in
// a Chinese face's glyph shapes. This puts the Japanese face (Noto Sans CJK JP) first for the
// generic "Sans", as a Japanese desktop's fontconfig does, keeping the rest of the system's and the
// user's configuration; a machine without that face draws as before. Call before the first widget
// measures text (Pango then loads fontconfig's current configuration); it touches no wx or GTK
// state, so the start-up runs it on a worker. Windows: nothing (its UI font covers Japanese).
namespace madoguchi::gui {

void preferJapaneseFaces();

}  // namespace madoguchi::gui
