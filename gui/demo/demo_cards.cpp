#include "gui/demo/demo_cards.h"

#include <cstdio>
#include <fstream>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "devices/card/sim/card_profile.h"
#include "gui/demo/virtual_tapped_card.h"

namespace madoguchi::gui {
namespace {

bool writeDemoCa(const std::filesystem::path& keyPath, const std::filesystem::path& certPath) {
    EVP_PKEY* key = EVP_RSA_gen(2048);
    X509* cert = X509_new();
    if (!key || !cert) return false;
    X509_set_version(cert, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert), -86400L * 3650);
    X509_gmtime_adj(X509_getm_notAfter(cert), 86400L * 3650);
    X509_NAME* name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("Madoguchi demo JPKI CA"),
                               -1, -1, 0);
    X509_set_issuer_name(cert, name);
    X509_set_pubkey(cert, key);
    X509_sign(cert, key, EVP_sha256());
    bool ok = false;
    if (FILE* out = std::fopen(keyPath.c_str(), "w")) {
        ok = PEM_write_PrivateKey(out, key, nullptr, nullptr, 0, nullptr, nullptr) == 1;
        std::fclose(out);
    }
    if (FILE* out = std::fopen(certPath.c_str(), "w")) {
        ok = ok && PEM_write_X509(out, cert) == 1;
        std::fclose(out);
    }
    X509_free(cert);
    EVP_PKEY_free(key);
    return ok;
}

}  // namespace

DemoCards::DemoCards(std::filesystem::path folder) : folder_(std::move(folder)) {
    std::filesystem::create_directories(folder_);
}

Outcome<bool> DemoCards::ensureCa() {
    if (caReady_) return true;
    if (!writeDemoCa(folder_ / "ca.key.pem", folder_ / "ca.cert.pem"))
        return Problem{"demo.ca", "The demo could not create its card CA."};
    caReady_ = true;
    return true;
}

Outcome<std::shared_ptr<TappedCard>> DemoCards::tap(const gateway::DemoPerson& person) {
    std::lock_guard lock(mutex_);
    auto ca = ensureCa();
    if (!ca) return ca.problem();
    const auto profilePath = folder_ / (person.id + ".json");
    if (!std::filesystem::exists(profilePath)) {
        const auto dataset = folder_ / (person.id + ".dataset.json");
        std::ofstream(dataset) << "{\"people\":[{\"id\":\"" << person.id << "\",\"card_serial\":\"" << person.cardSerial
                               << "\",\"certificate_not_after\":\"" << person.certificateNotAfter << "\"}]}";
        auto made = card::sim::makeProfiles(dataset, folder_ / "ca.key.pem", folder_ / "ca.cert.pem", folder_,
                                            kDemoCardPin);
        if (!made) return made.problem();
    }
    auto profile = card::sim::loadProfile(profilePath);
    if (!profile) return profile.problem();
    return std::shared_ptr<TappedCard>(std::make_shared<VirtualTappedCard>(profile.value()));
}

}  // namespace madoguchi::gui
