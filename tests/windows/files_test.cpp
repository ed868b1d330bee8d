// The gateway's and storage's file calls on Windows (platform/posix_files.h), on real folders
// whose names are Japanese, as the 資格確認端末's shares and a clinic's user folders can be.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "devices/gateway/folder_safety.h"
#include "devices/gateway/request_counter.h"
#include "devices/gateway/stable_file.h"
#include "storage/private_files.h"
#include "temp_folder.h"

#include "platform/posix_files.h"

namespace fs = std::filesystem;
using namespace madoguchi;
using namespace madoguchi::gateway;

namespace {

// A UTF-8 name given as std::string, the way names reach these functions from settings.json.
const std::string kReception = "受付フォルダ";
const std::string kAnswer = "応答_山田太郎.xml";

std::string readAll(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The names the OS really holds, as UTF-16 (what Explorer shows).
bool folderHoldsWideName(const fs::path& folder, const std::wstring& name) {
    for (const auto& entry : fs::directory_iterator(folder))
        if (entry.path().filename().wstring() == name) return true;
    return false;
}

// The SIDs the file's DACL allows, as text (S-1-5-…), in the DACL's order.
std::vector<std::wstring> allowedSids(const fs::path& path) {
    PACL dacl = nullptr;
    PSECURITY_DESCRIPTOR descriptor = nullptr;
    std::vector<std::wstring> sids;
    if (GetNamedSecurityInfoW(path.c_str(), SE_FILE_OBJECT, DACL_SECURITY_INFORMATION, nullptr, nullptr, &dacl,
                              nullptr, &descriptor) != ERROR_SUCCESS)
        return sids;
    for (DWORD i = 0; dacl && i < dacl->AceCount; ++i) {
        void* entry = nullptr;
        if (!GetAce(dacl, i, &entry) || static_cast<ACE_HEADER*>(entry)->AceType != ACCESS_ALLOWED_ACE_TYPE) continue;
        wchar_t* text = nullptr;
        if (ConvertSidToStringSidW(&static_cast<ACCESS_ALLOWED_ACE*>(entry)->SidStart, &text)) {
            sids.emplace_back(text);
            LocalFree(text);
        }
    }
    LocalFree(descriptor);
    return sids;
}

// The SIDs as one line, for the failure messages.
std::string joined(const std::vector<std::wstring>& sids) {
    std::string line;
    for (const auto& sid : sids) line += std::string(sid.begin(), sid.end()) + " ";
    return line;
}

// One entry of a DACL: a SID as text ("" for the current user) and what it may do.
struct Allowed {
    std::wstring sid;
    ACCESS_MASK access;
};

// Gives `path` exactly these allowing entries (protected: nothing inherited; a folder's entries
// are inherited by what is created inside).
void setDacl(const fs::path& path, const std::vector<Allowed>& entries) {
    const DWORD inherit = fs::is_directory(path) ? (OBJECT_INHERIT_ACE | CONTAINER_INHERIT_ACE) : 0;
    std::vector<PSID> sids;
    DWORD size = sizeof(ACL);
    for (const auto& entry : entries) {
        PSID sid = nullptr;
        const std::wstring text = entry.sid.empty() ? platform::currentUserSid() : entry.sid;
        BOOST_TEST_REQUIRE(ConvertStringSidToSidW(text.c_str(), &sid));
        sids.push_back(sid);
        size += sizeof(ACCESS_ALLOWED_ACE) + GetLengthSid(sid);
    }
    std::vector<unsigned char> buffer(size);
    auto* acl = reinterpret_cast<PACL>(buffer.data());
    BOOST_TEST_REQUIRE(InitializeAcl(acl, size, ACL_REVISION));
    for (std::size_t i = 0; i < entries.size(); ++i)
        BOOST_TEST_REQUIRE(AddAccessAllowedAceEx(acl, ACL_REVISION, inherit, entries[i].access, sids[i]));
    const DWORD set = SetNamedSecurityInfoW(const_cast<wchar_t*>(path.c_str()), SE_FILE_OBJECT,
                                            DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION,
                                            nullptr, nullptr, acl, nullptr);
    for (PSID sid : sids) LocalFree(sid);
    BOOST_TEST_REQUIRE(set == static_cast<DWORD>(ERROR_SUCCESS));
}

const std::wstring kEveryone = L"S-1-1-0";
const std::wstring kAdministrators = L"S-1-5-32-544";

// True when only the current user, Administrators and SYSTEM may use the file, the user among
// them. (Wine keeps a DACL as the file's Unix mode: owner, SYSTEM and Everyone entries come back;
// Windows keeps the exact user + Administrators DACL.)
bool onlyTheUserAndAdministrators(const std::vector<std::wstring>& sids) {
    const std::wstring user = platform::currentUserSid();
    bool userFound = false;
    for (const auto& sid : sids) {
        if (sid == user) userFound = true;
        else if (sid != kAdministrators && sid != L"S-1-5-18") return false;
    }
    return userFound;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(WindowsFiles)

BOOST_AUTO_TEST_CASE(AtomicWriteIntoAJapaneseFolderKeepsTheNameAndTheBytes) {
    test::TempFolder temp("madoguchi-windows");
    const fs::path folder = temp.path() / fs::u8path(kReception);
    fs::create_directories(folder);
    const std::string content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<結果>1</結果>\n";
    auto written = writeFileAtomically(folder / fs::u8path(kAnswer), content);
    BOOST_TEST_REQUIRE(written.ok(), (written.ok() ? std::string() : written.problem().message));
    BOOST_TEST(folderHoldsWideName(temp.path(), L"受付フォルダ"));
    BOOST_TEST(folderHoldsWideName(folder, L"応答_山田太郎.xml"));
    // Binary: the CR LF and the UTF-8 bytes come back unchanged.
    BOOST_TEST(readAll(folder / fs::u8path(kAnswer)) == content);
    auto read = readRegularFile(folder / fs::u8path(kAnswer), 1024);
    BOOST_TEST_REQUIRE(read.has_value());
    BOOST_TEST_REQUIRE(read->ok());
    BOOST_TEST(read->value() == content);
    // No temporary file is left behind.
    BOOST_TEST(std::distance(fs::directory_iterator(folder), fs::directory_iterator()) == 1);
}

BOOST_AUTO_TEST_CASE(ReplaceOverwritesAnExistingFileAndKeepRefusesToTouchIt) {
    test::TempFolder temp("madoguchi-windows");
    const fs::path target = temp.path() / fs::u8path(kAnswer);
    BOOST_TEST_REQUIRE(writeFileAtomically(target, "first").ok());
    BOOST_TEST_REQUIRE(writeFileAtomically(target, "second", ExistingFile::Replace).ok());
    BOOST_TEST(readAll(target) == "second");

    auto kept = writeFileAtomically(target, "third", ExistingFile::Keep);
    BOOST_TEST_REQUIRE(!kept.ok());
    BOOST_TEST(kept.problem().code == "gateway.exists");
    BOOST_TEST(readAll(target) == "second");
    BOOST_TEST(std::distance(fs::directory_iterator(temp.path()), fs::directory_iterator()) == 1);
}

BOOST_AUTO_TEST_CASE(ReadingAFolderAMissingFileOrAnOversizedFileSaysWhat) {
    test::TempFolder temp("madoguchi-windows");
    const fs::path folder = temp.path() / fs::u8path(kReception);
    fs::create_directories(folder);
    BOOST_TEST(!readRegularFile(temp.path() / "absent.xml", 1024).has_value());

    auto notAFile = readRegularFile(folder, 1024);
    BOOST_TEST_REQUIRE(notAFile.has_value());
    BOOST_TEST_REQUIRE(!notAFile->ok());
    // Linux refuses it after fstat; Windows already refuses to open a folder as a file.
    const std::string code = notAFile->problem().code;
    BOOST_TEST((code == "gateway.not_regular" || code == "gateway.unreadable"), code);

    BOOST_TEST_REQUIRE(writeFileAtomically(folder / "big.xml", std::string(2048, 'x')).ok());
    auto big = readRegularFile(folder / "big.xml", 1024);
    BOOST_TEST_REQUIRE(big.has_value());
    BOOST_TEST_REQUIRE(!big->ok());
    BOOST_TEST(big->problem().code == "gateway.too_large");
}

BOOST_AUTO_TEST_CASE(TheRequestCounterCountsUnderItsLockAndReleasesIt) {
    test::TempFolder temp("madoguchi-windows");
    const fs::path state = temp.path() / fs::u8path(kReception) / ".madoguchi";
    RequestCounter counter(state);
    auto name = [](const std::string& number) { return "REQ" + number + ".xml"; };
    auto first = counter.next("20261130", name, [](const std::string&) { return true; });
    BOOST_TEST_REQUIRE(first.ok());
    BOOST_TEST(first.value() == "REQ202611300001.xml");
    // The second request of the day skips a name already used in req/.
    auto second = counter.next("20261130", name, [](const std::string& n) { return n != "REQ202611300002.xml"; });
    BOOST_TEST_REQUIRE(second.ok());
    BOOST_TEST(second.value() == "REQ202611300003.xml");
    BOOST_TEST(!fs::exists(state / "request-counter.lock"));
    // A lock held by another PC makes the counter wait, then say so.
    {
        auto held = FolderLock::acquire(state / "request-counter.lock");
        BOOST_TEST_REQUIRE(held.ok());
        BOOST_TEST(fs::exists(state / "request-counter.lock"));
    }
    BOOST_TEST(!fs::exists(state / "request-counter.lock"));
}

BOOST_AUTO_TEST_CASE(FolderChecksReportMissingFoldersAndFilesWhereFoldersBelong) {
    test::TempFolder temp("madoguchi-windows");
    FolderLayout layout{temp.path() / fs::u8path(kReception)};
    fs::create_directories(layout.req());
    fs::create_directories(layout.res());
    std::ofstream(layout.face()) << "not a folder";
    auto warnings = folderSafetyWarnings(layout);
    BOOST_TEST_REQUIRE(warnings.size() == 1u);
    BOOST_TEST(warnings.front().find("is not a folder") != std::string::npos);
    fs::remove(layout.face());
    warnings = folderSafetyWarnings(layout);
    BOOST_TEST_REQUIRE(warnings.size() == 1u);
    BOOST_TEST(warnings.front().find("is missing") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(APrivateFileIsAcceptedAndAFolderIsNot) {
    test::TempFolder temp("madoguchi-windows");
    const fs::path key = temp.path() / fs::u8path("監査鍵.key");
    const int fd = ::open(key.c_str(), O_WRONLY | O_CREAT | O_EXCL | platform::kPrivateAcl, 0600);
    BOOST_TEST_REQUIRE(fd >= 0);
    ::close(fd);
    BOOST_TEST(storage::notPrivateReason(key) == "");
    BOOST_TEST(storage::notPrivateReason(temp.path()).find("is not a regular file") != std::string::npos);
    BOOST_TEST(storage::notPrivateReason(temp.path() / "absent").find("cannot be read") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(AFileCreatedPrivateAllowsOnlyTheUserAndAdministrators) {
    test::TempFolder temp("madoguchi-windows");
    const fs::path key = temp.path() / fs::u8path("監査鍵.key");
    const int fd = ::open(key.c_str(), O_WRONLY | O_CREAT | O_EXCL | platform::kPrivateAcl, 0600);
    BOOST_TEST_REQUIRE(fd >= 0);
    BOOST_TEST(::write(fd, "00", 2) == 2);
    ::close(fd);
    const std::wstring user = platform::currentUserSid();
    BOOST_TEST_REQUIRE(!user.empty());
    BOOST_TEST(onlyTheUserAndAdministrators(allowedSids(key)), joined(allowedSids(key)) << "; user " << joined({user}));
    BOOST_TEST(storage::notPrivateReason(key) == "");
    BOOST_TEST(readAll(key) == "00");
    // O_EXCL refuses the existing file, as on Linux.
    BOOST_TEST(::open(key.c_str(), O_WRONLY | O_CREAT | O_EXCL | platform::kPrivateAcl, 0600) == -1);
    BOOST_TEST(errno == EEXIST);
}

BOOST_AUTO_TEST_CASE(ARequestWrittenIntoTheTerminalsShareKeepsTheSharesAccess) {
    // The terminal's account must read what reception writes into req/: no private DACL there.
    test::TempFolder temp("madoguchi-windows");
    const fs::path share = temp.path() / fs::u8path(kReception);
    fs::create_directories(share);
    setDacl(share, {{L"", FILE_ALL_ACCESS}, {kEveryone, FILE_GENERIC_READ}});  // Everyone (the terminal) may read
    BOOST_TEST_REQUIRE(writeFileAtomically(share / "REQ0001.xml", "<req/>").ok());
    const auto sids = allowedSids(share / "REQ0001.xml");
    BOOST_TEST((std::find(sids.begin(), sids.end(), L"S-1-1-0") != sids.end()));
}

// Making an existing file private (storage::makePrivateFile, SetNamedSecurityInfoW) is not
// checked here: Wine 8 accepts the new DACL but keeps the file's old access (docs/windows.md).
BOOST_AUTO_TEST_CASE(AFileEveryoneMayReadIsRefused) {
    test::TempFolder temp("madoguchi-windows");
    const fs::path password = temp.path() / fs::u8path("パスワード.txt");
    std::ofstream(password) << "a passphrase of four words";
    setDacl(password, {{L"", FILE_ALL_ACCESS}, {kEveryone, FILE_GENERIC_READ}});
    BOOST_TEST(storage::notPrivateReason(password).find("may be read by others") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(AShareEveryoneMayWriteIntoIsWarnedAbout) {
    test::TempFolder temp("madoguchi-windows");
    FolderLayout layout{temp.path() / fs::u8path(kReception)};
    for (const fs::path& folder : {layout.req(), layout.res(), layout.face()}) fs::create_directories(folder);
    setDacl(layout.req(), {{L"", FILE_ALL_ACCESS}, {kAdministrators, FILE_ALL_ACCESS}});
    setDacl(layout.res(), {{L"", FILE_ALL_ACCESS}, {kEveryone, FILE_GENERIC_READ}});
    setDacl(layout.face(), {{L"", FILE_ALL_ACCESS}, {kEveryone, FILE_ALL_ACCESS}});  // Everyone: full access
    const auto warnings = folderSafetyWarnings(layout);
    BOOST_TEST_REQUIRE(warnings.size() == 1u);
    BOOST_TEST(warnings.front().find("anyone can write into") != std::string::npos);
    BOOST_TEST(warnings.front().find(layout.face().string()) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(TheSettingsLiveUnderLocalAppDataEvenWhenItsPathIsJapanese) {
    test::TempFolder temp("madoguchi-windows");
    const fs::path local = temp.path() / fs::u8path("ユーザー") / "AppData" / "Local";
    const std::wstring previous = _wgetenv(L"LOCALAPPDATA") ? _wgetenv(L"LOCALAPPDATA") : L"";
    BOOST_TEST_REQUIRE(_wputenv_s(L"LOCALAPPDATA", local.c_str()) == 0);
    const fs::path folder = storage::configFolder();
    _wputenv_s(L"LOCALAPPDATA", previous.c_str());
    BOOST_TEST(folder == local / "Madoguchi");
    storage::makePrivateFolder(folder);
    BOOST_TEST(fs::is_directory(folder));
    BOOST_TEST(folderHoldsWideName(temp.path(), L"ユーザー"));
}

BOOST_AUTO_TEST_SUITE_END()
