; The Windows installer of Madoguchi (NSIS 3, Unicode). Built by scripts/build-windows.sh
; --installer from the staged install of build/windows (docs/windows.md):
;   makensis -DVERSION=0.1.0 -DSTAGE=<folder with madoguchi.exe, share\...> -DOUTFILE=<.exe> madoguchi.nsi
;
; Per-machine: the programs, data files and catalogs go to "C:\Program Files\Madoguchi" (asks for
; administrator rights), Start-menu entries 受付 and 管理 for every user. The uninstaller removes
; only what this installer put there: the journal and settings (%LOCALAPPDATA%\Madoguchi of each
; user, %PROGRAMDATA%\Madoguchi) are kept.
;
; For IT vendors (silent, no window):
;   madoguchi-<version>-setup.exe /S [/D=C:\Path\Without\Quotes]    install or update in place
;   "C:\Program Files\Madoguchi\uninstall.exe" /S                     uninstall (keeps the data)
; A 64-bit installer (like the programs it installs): it runs where they run, and under a Wine
; without 32-bit support.
Target amd64-unicode
!include "MUI2.nsh"
!include "x64.nsh"

!ifndef VERSION
  !error "Pass -DVERSION=x.y.z (CMake's project version)"
!endif
!ifndef STAGE
  !error "Pass -DSTAGE=<the staged install folder>"
!endif
!ifndef OUTFILE
  !define OUTFILE "madoguchi-${VERSION}-setup.exe"
!endif

!define PRODUCT "Madoguchi"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Madoguchi"
!define MENU_FOLDER "$SMPROGRAMS\窓口 Madoguchi"

Name "窓口 Madoguchi ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${PRODUCT}"
InstallDirRegKey HKLM "${UNINSTALL_KEY}" "InstallLocation"
RequestExecutionLevel admin
SetCompressor /SOLID lzma
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "Madoguchi"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "Madoguchi installer"
VIAddVersionKey /LANG=0 "LegalCopyright" "Madoguchi developers"

!define MUI_ABORTWARNING
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Japanese"
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "Madoguchi needs 64-bit Windows." /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
FunctionEnd

Section "Madoguchi" SectionMain
  SectionIn RO
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  ; An update replaces the programs and data files; the old share\ goes first so that no data file
  ; the new version dropped stays behind.
  RMDir /r "$INSTDIR\share"
  File "${STAGE}/madoguchi.exe"
  File /nonfatal "${STAGE}/madoguchi-cli.exe"
  File /r "${STAGE}/share"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "${MENU_FOLDER}"
  CreateShortcut "${MENU_FOLDER}\受付.lnk" "$INSTDIR\madoguchi.exe" "" "$INSTDIR\madoguchi.exe" 0 \
    SW_SHOWNORMAL "" "窓口 受付: マイナ保険証の受付"
  CreateShortcut "${MENU_FOLDER}\管理.lnk" "$INSTDIR\madoguchi.exe" "--manager" "$INSTDIR\madoguchi.exe" 0 \
    SW_SHOWNORMAL "" "窓口 管理: 受付記録・要確認一覧・利用率"

  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "窓口 Madoguchi"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "Madoguchi developers"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\madoguchi.exe"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Function un.onInit
  SetRegView 64
FunctionEnd

; Only what the installer wrote. Each user's %LOCALAPPDATA%\Madoguchi (settings, audit key,
; journal) and %PROGRAMDATA%\Madoguchi stay: the journal is the clinic's record.
Section "Uninstall"
  SetShellVarContext all
  Delete "${MENU_FOLDER}\受付.lnk"
  Delete "${MENU_FOLDER}\管理.lnk"
  RMDir "${MENU_FOLDER}"
  Delete "$INSTDIR\madoguchi.exe"
  Delete "$INSTDIR\madoguchi-cli.exe"
  RMDir /r "$INSTDIR\share"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
SectionEnd
