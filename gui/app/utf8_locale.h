#pragma once
// The window's text (msgids with ・, …, and Japanese terms) is UTF-8, and wx converts narrow
// strings with the C library's character set: make sure that is UTF-8 before wx and GTK start,
// keeping the user's language settings otherwise. A locale the environment names that is not
// installed (LANG=ja_JP.UTF-8 where only C.UTF-8 exists) is replaced by C.UTF-8 with a warning on
// standard error, the language kept through LANGUAGE. Call first thing in main().
namespace madoguchi::gui {

void ensureUtf8CharacterSet();

}  // namespace madoguchi::gui
