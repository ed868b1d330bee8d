# CMake toolchain file: cross-building Madoguchi for 64-bit Windows with Debian's mingw-w64
# (scripts/build-windows.sh; docs/windows.md). The pinned dependencies are looked up in
# MADOGUCHI_WINDOWS_PREFIX (the cache scripts/windows/build-deps.sh fills), and in mingw's own
# sysroot (zlib from libz-mingw-w64-dev, winscard, the Windows SDK libraries).
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(MINGW_TRIPLE x86_64-w64-mingw32)
# The -posix compilers: std::thread, std::mutex and std::condition_variable need them.
set(CMAKE_C_COMPILER ${MINGW_TRIPLE}-gcc-posix)
set(CMAKE_CXX_COMPILER ${MINGW_TRIPLE}-g++-posix)
set(CMAKE_RC_COMPILER ${MINGW_TRIPLE}-windres)
find_program(CMAKE_MC_COMPILER ${MINGW_TRIPLE}-windmc)

if(NOT MADOGUCHI_WINDOWS_PREFIX AND DEFINED ENV{MADOGUCHI_WINDOWS_PREFIX})
  set(MADOGUCHI_WINDOWS_PREFIX "$ENV{MADOGUCHI_WINDOWS_PREFIX}")
endif()
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES MADOGUCHI_WINDOWS_PREFIX)

set(CMAKE_FIND_ROOT_PATH /usr/${MINGW_TRIPLE})
if(MADOGUCHI_WINDOWS_PREFIX)
  list(PREPEND CMAKE_FIND_ROOT_PATH "${MADOGUCHI_WINDOWS_PREFIX}")
endif()
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
# Static libraries only: one .exe per program, no DLLs to ship beside it. (CMake's Windows-GNU
# platform file sets the suffixes again after this file, with the DLLs' import libraries .dll.a
# first: zlib, the only dependency in mingw's sysroot with both, is asked for static by name.)
set(CMAKE_FIND_LIBRARY_SUFFIXES .a)
set(ZLIB_USE_STATIC_LIBS ON)
set(OPENSSL_USE_STATIC_LIBS ON)

# mingw's headers are lower-case; code written against the Windows SDK on a case-insensitive
# disk includes some with capitals (Poco's headers: <Winsock2.h>, <Iphlpapi.h>). A folder of
# links with those spellings goes on every compile's include path.
set(MADOGUCHI_MINGW_CAPS "${CMAKE_BINARY_DIR}/mingw-caps")
foreach(header Winsock2 WinSock2 WS2tcpip Iphlpapi IPHlpApi Windows Wincrypt)
  string(TOLOWER "${header}" lower)
  if(NOT EXISTS "${MADOGUCHI_MINGW_CAPS}/${header}.h")
    file(MAKE_DIRECTORY "${MADOGUCHI_MINGW_CAPS}")
    file(CREATE_LINK "/usr/${MINGW_TRIPLE}/include/${lower}.h" "${MADOGUCHI_MINGW_CAPS}/${header}.h" SYMBOLIC)
  endif()
endforeach()
set(CMAKE_C_STANDARD_INCLUDE_DIRECTORIES "${MADOGUCHI_MINGW_CAPS}")
set(CMAKE_CXX_STANDARD_INCLUDE_DIRECTORIES "${MADOGUCHI_MINGW_CAPS}")

# Everything static, the compiler's runtime (libstdc++, libgcc, winpthread) included.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static -static-libgcc -static-libstdc++")

# ctest (and try_run) start the programs under Wine.
find_program(MADOGUCHI_WINE NAMES wine wine64)
if(MADOGUCHI_WINE)
  set(CMAKE_CROSSCOMPILING_EMULATOR "${MADOGUCHI_WINE}")
endif()
