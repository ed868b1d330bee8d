#include "storage/postgres_engine.h"

#include "platform/modules.h"

namespace madoguchi::storage {

PostgresEngine& loadPostgresEngine(const std::filesystem::path& modulePath) {
    const auto module = platform::Module::open(modulePath, kPostgresModuleVersionSymbol, kPostgresModuleVersion);
    auto* engine = module.function<PostgresEngineFunction>(kPostgresEngineSymbol);
    if (!engine)
        throw StorageError("the site server's engine of Madoguchi is not installed: " + modulePath.string() +
                               " could not be loaded (reinstall Madoguchi; a journal file needs no engine)",
                           StorageFailure::EngineMissing);
    return engine();
}

PostgresEngine& postgresEngine() {
    return loadPostgresEngine(platform::modulePath(kPostgresModuleFileName, kPostgresModuleOverride));
}

}  // namespace madoguchi::storage
