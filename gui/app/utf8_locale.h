#pragma once
// The window's text (msgids with ・, …, and Japanese terms) is UTF-8, and wx converts narrow
// strings with the C library's character set: make sure that is UTF-8 before wx and GTK start,
// keeping the user's language settings otherwise. Call first thing in main().
namespace madoguchi::gui {

void ensureUtf8CharacterSet();

}  // namespace madoguchi::gui
