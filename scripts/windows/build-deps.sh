#!/usr/bin/env bash
# Cross-builds Madoguchi's pinned dependencies for 64-bit Windows from Debian's source packages
# (scripts/windows/recipe.tsv) into a cache outside the clone, static, with only the parts
# Madoguchi uses. Prints the prefix (the last line of its output) for scripts/build-windows.sh.
#
#   scripts/windows/build-deps.sh [--jobs N] [--only NAME,NAME...]
#
# The cache: ${MADOGUCHI_WINDOWS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/madoguchi-windows}/
#   sources/             the downloaded .dsc and tarballs (shared by every recipe)
#   <recipe-hash>/prefix the installed headers and static libraries
#   <recipe-hash>/stamps one file per dependency built; a dependency is rebuilt when its build
#                        function below changes, everything when recipe.tsv changes
#   <recipe-hash>/times  wall and CPU seconds of each dependency's build (docs/windows.md)
# Every build runs under `nice` so the machine stays usable.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
recipe="$here/recipe.tsv"
jobs=2
only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --jobs) jobs="$2"; shift 2 ;;
    --only) only=",$2,"; shift 2 ;;
    *) echo "build-deps: unknown option $1" >&2; exit 2 ;;
  esac
done

triple=x86_64-w64-mingw32
cache="${MADOGUCHI_WINDOWS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/madoguchi-windows}"
recipe_hash="$(sha256sum < "$recipe" | cut -c1-16)"
top="$cache/$recipe_hash"
prefix="$top/prefix"
sources="$cache/sources"
work="$top/work"
mkdir -p "$prefix/include" "$prefix/lib" "$sources" "$work" "$top/stamps" "$top/times"
toolchain="$root/cmake/mingw-w64.cmake"
NICE=(nice -n 10)

log() { echo "build-deps: $*" >&2; }

recipe_field() { # name column -> value
  awk -F'\t' -v n="$1" -v c="$2" '!/^#/ && $2 == n { print $c }' "$recipe"
}

# Fetches NAME's source package (if not already there), checks the .dsc's sha256 and unpacks it
# (dpkg-source checks the tarballs against the .dsc) into a fresh folder; prints that folder.
unpack_source() {
  local name="$1" pkg version sha dsc_version dsc
  pkg="$(recipe_field "$name" 3)"; version="$(recipe_field "$name" 4)"; sha="$(recipe_field "$name" 5)"
  dsc_version="${version#*:}"
  dsc="$sources/${pkg}_${dsc_version}.dsc"
  if [ ! -f "$dsc" ]; then
    log "fetching $pkg $version"
    (cd "$sources" && apt-get source --download-only "$pkg=$version" >&2) || {
      log "cannot fetch $pkg=$version: is deb-src enabled (scripts/setup-windows-build.sh)? If Debian has"
      log "moved on, take the same version from snapshot.debian.org or update recipe.tsv."
      exit 1
    }
  fi
  if [ "$(sha256sum "$dsc" | cut -d' ' -f1)" != "$sha" ]; then
    log "checksum mismatch for $dsc (recipe.tsv says $sha)"; exit 1
  fi
  rm -rf "$work/$name"
  dpkg-source --require-valid-signature -x "$dsc" "$work/$name" >/dev/null 2>&1 \
    || dpkg-source -x "$dsc" "$work/$name" >&2
  echo "$work/$name"
}

cmake_cross() { # source-dir build-dir cmake-args...
  local src="$1" bld="$2"; shift 2
  "${NICE[@]}" cmake -S "$src" -B "$bld" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$toolchain" \
    -DMADOGUCHI_WINDOWS_PREFIX="$prefix" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$prefix" -DBUILD_SHARED_LIBS=OFF "$@" >&2
  "${NICE[@]}" cmake --build "$bld" -j "$jobs" >&2
  cmake --install "$bld" >&2
}

# --- one function per dependency -----------------------------------------------------------

build_sqlite3() {
  local src; src="$(unpack_source sqlite3)"
  # The amalgamation (sqlite3.c) is generated from the full source tree (needs tclsh).
  (cd "$src" && "${NICE[@]}" ./configure >/dev/null && "${NICE[@]}" make sqlite3.c >/dev/null)
  # The same compile-time options as Debian's Linux library where they matter to Madoguchi.
  "${NICE[@]}" $triple-gcc-posix -O2 -c "$src/sqlite3.c" -o "$src/sqlite3.o" \
    -DSQLITE_THREADSAFE=1 -DSQLITE_ENABLE_COLUMN_METADATA -DSQLITE_ENABLE_FTS5 \
    -DSQLITE_ENABLE_UNLOCK_NOTIFY -DSQLITE_SECURE_DELETE -DSQLITE_ENABLE_DBSTAT_VTAB \
    -DSQLITE_OMIT_LOAD_EXTENSION -DSQLITE_DEFAULT_FOREIGN_KEYS=0
  $triple-ar rcs "$prefix/lib/libsqlite3.a" "$src/sqlite3.o"
  cp "$src/sqlite3.h" "$src/sqlite3ext.h" "$prefix/include/"
}

build_expat() {
  local src; src="$(unpack_source expat)"
  # Debian's security patches test `XML_DTD == 1`; its CMake config defines XML_DTD empty.
  sed -i 's/^#cmakedefine XML_DTD$/#cmakedefine XML_DTD 1/' "$src/expat/expat_config.h.cmake"
  cmake_cross "$src/expat" "$src/build" -DEXPAT_BUILD_TOOLS=OFF -DEXPAT_BUILD_EXAMPLES=OFF \
    -DEXPAT_BUILD_TESTS=OFF -DEXPAT_BUILD_DOCS=OFF -DEXPAT_BUILD_PKGCONFIG=OFF \
    -DEXPAT_SHARED_LIBS=OFF
}

build_pcre() {
  local src; src="$(unpack_source pcre)"
  cmake_cross "$src" "$src/build" -DPCRE_BUILD_PCRECPP=OFF -DPCRE_BUILD_PCREGREP=OFF \
    -DPCRE_BUILD_TESTS=OFF -DPCRE_SUPPORT_UTF=ON -DPCRE_SUPPORT_UNICODE_PROPERTIES=ON
}

build_openssl() {
  local src; src="$(unpack_source openssl)"
  # Static libraries only (build_libs: no apps, no docs); no tests, engines or loadable modules; the legacy
  # provider and ciphers nothing in Madoguchi (nor TLS 1.2/1.3) uses are left out.
  (cd "$src" && "${NICE[@]}" ./Configure mingw64 --cross-compile-prefix=$triple- \
      --prefix="$prefix" --libdir=lib --openssldir="C:/ProgramData/Madoguchi/ssl" \
      no-shared no-tests no-engine no-dso no-module no-legacy \
      no-idea no-mdc2 no-rc5 no-seed no-whirlpool no-camellia no-aria no-sm2 no-sm3 no-sm4 \
      no-srp no-gost no-ssl3 no-weak-ssl-ciphers no-capieng no-ui-console >&2 \
    && "${NICE[@]}" make -j "$jobs" build_libs >&2 && make install_dev >&2)
}

build_poco() {
  local src; src="$(unpack_source poco)"
  # mingw's headers are lower-case; Poco includes some with capitals.
  local caps="$src/mingw-caps"; mkdir -p "$caps"
  local h; for h in Winsock2 WS2tcpip Iphlpapi IPHlpApi Windows WinSock2 Wincrypt; do
    ln -sf "/usr/$triple/include/$(echo "$h" | tr 'A-Z' 'a-z').h" "$caps/$h.h"
  done
  # Every Poco source includes Iphlpapi.h (Poco/UnWindows.h), which brings wincrypt.h (through
  # mprapi.h) and its TIMESTAMP_REQUEST macro into Net's ICMP enum of the same name.
  sed -i 's|^#include <cstddef>$|&\n#undef TIMESTAMP_REQUEST // wincrypt.h (Iphlpapi.h, mprapi.h)|' \
    "$src/Net/include/Poco/Net/ICMPv4PacketImpl.h"
  # A unity build: every Poco source parses windows.h, so compiling 24 sources as one saves
  # four fifths of the CPU. The sources below cannot share a unit (same names in anonymous
  # namespaces: the singletons' `sh`, `mutex`, `throwError`; SHA1Engine's macro S; the poll()
  # switch SocketImpl and PollSet define for Socket.cpp) and are compiled on their own. The
  # list is set once the modules are known (a deferred call at the end of the top directory).
  local skips="$src/madoguchi-unity-skips.cmake" f
  {
    echo 'function(madoguchi_unity_skips)'
    for f in Foundation/src/{Base32Decoder,Base64Decoder,ErrorHandler,LoggingFactory,LoggingRegistry}.cpp \
        Foundation/src/{NotificationCenter,NotificationQueue,PriorityNotificationQueue,TemporaryFile}.cpp \
        Foundation/src/{TextEncoding,ThreadLocal,ThreadPool,URIStreamOpener,UUIDGenerator,SHA1Engine}.cpp \
        Net/src/{SocketImpl,PollSet,NetworkInterface}.cpp Crypto/src/{CipherImpl,RSACipherImpl}.cpp; do
      echo "  set_source_files_properties(\"$src/$f\" DIRECTORY \"$src/${f%%/*}\" PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)"
    done
    echo 'endfunction()'
    echo 'cmake_language(DEFER DIRECTORY "${CMAKE_SOURCE_DIR}" CALL madoguchi_unity_skips)'
  } > "$skips"
  # The modules are those CMakeLists.txt asks for (NetSSL needs Crypto and Util); no Data: storage
  # talks to SQLite directly. -O2: Poco's -O3 costs CPU minutes and gains Madoguchi nothing.
  cmake_cross "$src" "$src/build" -DPOCO_UNBUNDLED=ON -DENABLE_TESTS=OFF \
    -DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=24 -DCMAKE_PROJECT_Poco_INCLUDE="$skips" \
    -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" -DCMAKE_C_FLAGS_RELEASE="-O2 -DNDEBUG" \
    -DCMAKE_C_FLAGS="-I$caps -DPCRE_STATIC -DXML_STATIC" \
    -DCMAKE_CXX_FLAGS="-I$caps -DPCRE_STATIC -DXML_STATIC" \
    -DENABLE_FOUNDATION=ON -DENABLE_ENCODINGS=ON -DENABLE_XML=ON -DENABLE_JSON=ON \
    -DENABLE_NET=ON -DENABLE_NETSSL=ON -DENABLE_CRYPTO=ON -DENABLE_UTIL=ON -DENABLE_ZIP=ON \
    -DENABLE_NETSSL_WIN=OFF -DENABLE_MONGODB=OFF -DENABLE_REDIS=OFF -DENABLE_PDF=OFF \
    -DENABLE_DATA=OFF -DENABLE_DATA_SQLITE=OFF -DENABLE_DATA_MYSQL=OFF \
    -DENABLE_DATA_POSTGRESQL=OFF -DENABLE_DATA_ODBC=OFF -DENABLE_SEVENZIP=OFF \
    -DENABLE_APACHECONNECTOR=OFF -DENABLE_CPPPARSER=OFF -DENABLE_POCODOC=OFF \
    -DENABLE_PAGECOMPILER=OFF -DENABLE_PAGECOMPILER_FILE2PAGE=OFF -DENABLE_ACTIVERECORD=OFF \
    -DENABLE_ACTIVERECORD_COMPILER=OFF -DENABLE_ENCODINGS_COMPILER=OFF -DENABLE_JWT=OFF \
    -DENABLE_PROMETHEUS=OFF -DOPENSSL_ROOT_DIR="$prefix" -DOPENSSL_USE_STATIC_LIBS=ON \
    -DCMAKE_MC_COMPILER="$(command -v $triple-windmc)"
  # Poco's installed PocoFoundationConfig.cmake looks for PCRE with Poco's FindPCRE.cmake beside
  # it, but does not install that file.
  cp "$src/cmake/FindPCRE.cmake" "$prefix/cmake/"
}

build_wxwidgets() {
  local src; src="$(unpack_source wxwidgets)"
  # Static monolithic wxMSW with wx's own CMake build (build/cmake), every wxUSE_ option off but
  # what gui/ and app/ use (`grep -rhoE '#include <wx/[a-z/_]+\.h>' gui app`, and the classes those
  # headers bring): the controls and dialogs the windows show, html (help, forms) and its printing
  # through the Windows print dialog, wxGraphicsContext (GDI+, Direct2D), translations, threads,
  # the standard art (XPM) for the info bar and message boxes. No png/jpeg/tiff/zlib/expat/regex/
  # nanosvg (the dfsg tarball has no bundled copies and nothing needs them), no sockets, no xml,
  # xrc, stc, aui, propgrid, ribbon, richtext, webview, media, OpenGL. wx/chkconf.h and the
  # sources ask for some: the print dialog wxComboBox, wxDirDialog wxTreeCtrl, the generic info bar
  # wxStaticBitmap, wxMSW's generic date picker wxCalendarCtrl and wxComboCtrl. The list gives
  # the same wx/setup.h as the configure build it replaced (--disable-all-features plus a list),
  # the defaults configure kept on included (accessibility, ActiveX, hot keys, ...).
  local features=(
    GUI UNICODE DBGHELP CMDLINE_PARSER DATETIME DYNLIB_CLASS DYNAMIC_LOADER EXCEPTIONS FFILE FILE
    FILESYSTEM FONTENUM FONTMAP INTL LOG LONGLONG MIMETYPE STDPATHS STOPWATCH STREAMS
    SYSTEM_OPTIONS TEXTBUFFER TEXTFILE TIMER VARIANT ANY THREADS REGKEY OLE DATAOBJ CLIPBOARD
    GEOMETRY COMPILER_TLS UNSAFE_WXSTRING_CONV
    HTML PRINTING_ARCHITECTURE AFM_FOR_POSTSCRIPT GRAPHICS_CONTEXT GRAPHICS_DIRECT2D LOGGUI
    LOGWINDOW LOG_DIALOG MARKUP ACCEL ARTPROVIDER_STD XPM IMAGE ICO_CUR ACCESSIBILITY ACTIVEX HOTKEY
    CONTROLS BUTTON BMPBUTTON CHECKBOX CHOICE DATEPICKCTRL DIRPICKERCTRL FILEPICKERCTRL DISPLAY
    GAUGE IMAGLIST INFOBAR LISTBOX LISTCTRL NOTEBOOK RADIOBOX RADIOBTN SPINBTN SPINCTRL STATBOX
    STATLINE STATTEXT STATUSBAR NATIVE_STATUSBAR TEXTCTRL CARET TOOLTIPS POPUPWIN SCROLLBAR
    COMBOBOX TREECTRL STATBMP CALENDARCTRL COMBOCTRL
    CHOICEDLG FILEDLG DIRDLG MSGDLG TEXTDLG MENUS MENUBAR MOUSEWHEEL VALIDATORS
    DC_CACHEING UXTHEME WXDIB OWNER_DRAWN METAFILE AUTOID_MANAGEMENT
  )
  local options=() option
  for option in $(grep -rhoE 'wx_(dependent_)?option\(wxUSE_\w+|wx_add_thirdparty_library\(wxUSE_\w+' \
      "$src/build/cmake" | sed 's/.*(//' | sort -u); do
    [ "$option" = wxUSE_DPI_AWARE_MANIFEST ] && continue # a string, not on/off
    if [[ " ${features[*]} " == *" ${option#wxUSE_} "* ]]; then options+=("-D$option=ON")
    else options+=("-D$option=OFF"); fi
  done
  # A unity build (24 sources a unit, no precompiled header): every wxMSW source parses windows.h
  # and wx/wxprec.h; the configure build compiled them one by one (33 CPU-min with its 256 MB
  # precompiled header). The sources below cannot share a unit and are compiled on their own:
  # strconv.cpp (#undefs wxConvUTF8, wxConvLibc, ... to define them), the html modules' link
  # anchors (FORCE_WXHTML_MODULES in a unit with the m_*.cpp defining them), graphicsd2d.h's
  # `#undef GetHwnd`, file-local constants of the same name (datetimefmt.cpp and datetime.cpp's
  # DAYS_PER_WEEK, time.cpp and stopwatch.cpp's MILLISECONDS_PER_SECOND), and every source that
  # includes initguid.h (in a unit it makes the GUIDs of every later Windows header defined there
  # too: madoguchi.exe's link then finds FMTID_* twice, in wx and in mingw's libuuid).
  local skips="$src/madoguchi-unity-skips.cmake" f
  {
    echo 'function(madoguchi_unity_skips)'
    for f in src/common/{strconv,datetimefmt,time}.cpp src/html/{htmlwin,htmprint}.cpp \
        src/generic/htmllbox.cpp src/msw/{graphicsd2d,stdpaths,textentry,textctrl,dirdlg}.cpp \
        src/msw/taskbarbutton.cpp src/msw/ole/droptgt.cpp; do
      echo "  set_source_files_properties(\"$src/$f\" TARGET_DIRECTORY wxmono PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)"
    done
    echo 'endfunction()'
    echo 'cmake_language(DEFER DIRECTORY "${CMAKE_SOURCE_DIR}" CALL madoguchi_unity_skips)'
  } > "$skips"
  # A prefix built by the earlier configure build holds its own wx-config and library names.
  rm -rf "$prefix/include/wx-3.2" "$prefix"/lib/libwx_* "$prefix/lib/wx" "$prefix/bin/wx-config"
  # -O2 without NDEBUG, as the configure build (wx's debug checks stay at their default level).
  cmake_cross "$src" "$src/build-msw" -DwxBUILD_SHARED=OFF -DwxBUILD_MONOLITHIC=ON \
    -DwxBUILD_PRECOMP=OFF -DwxBUILD_SAMPLES=OFF -DwxBUILD_TESTS=OFF -DwxBUILD_DEMOS=OFF \
    -DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=24 -DCMAKE_PROJECT_wxWidgets_INCLUDE="$skips" \
    -DCMAKE_CXX_FLAGS_RELEASE=-O2 -DCMAKE_C_FLAGS_RELEASE=-O2 "${options[@]}"
}

build_zlib() { # libz-mingw-w64-dev: already in mingw's sysroot
  test -f "/usr/$triple/lib/libz.a" || { log "libz-mingw-w64-dev missing: run scripts/setup-windows-build.sh"; exit 1; }
}

build_boost_test() { # header-only Boost.Test (the "included" variant) from the host's headers
  test -d /usr/include/boost/test || { log "libboost1.74-dev missing"; exit 1; }
  mkdir -p "$prefix/boost-include"
  ln -sfn /usr/include/boost "$prefix/boost-include/boost"
}

# --- driver ---------------------------------------------------------------------------------

for name in $(awk -F'\t' '!/^#/ && NF { print $2 }' "$recipe"); do
  if [ -n "$only" ] && [[ "$only" != *",$name,"* ]]; then continue; fi
  fn="build_${name//-/_}"
  want="$(declare -f "$fn" | sha256sum | cut -c1-16)"
  stamp="$top/stamps/$name"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    log "$name: cached"
    continue
  fi
  log "$name: building"
  build_log="$top/times/$name.log"
  TIMEFORMAT="%R %U %S"
  # bash's `time`: wall, user and sys seconds, the build's child processes included.
  set +e
  { time { ( "$fn" ) >"$build_log" 2>&1; }; } 2>"$top/times/$name"
  status=$?
  set -e
  if [ "$status" -ne 0 ]; then
    log "$name failed; the end of $build_log:"; tail -n 30 "$build_log" >&2; exit 1
  fi
  rm -rf "$work/$name"
  echo "$want" > "$stamp"
  log "$name: done ($(awk '{ printf "%.1f min wall, %.1f CPU-min", $1/60, ($2+$3)/60 }' "$top/times/$name"))"
done
echo "$prefix"
