#include "ui/connection/passwordstore.h"

#ifdef STRATA_HAVE_QTKEYCHAIN
#include <qt6keychain/keychain.h>
#endif

using namespace Qt::StringLiterals;

namespace strata::ui {

PasswordStore::PasswordStore(QObject *parent) : QObject(parent) {}

QString PasswordStore::serviceName() { return u"strata-studio"_s; }

#ifdef STRATA_HAVE_QTKEYCHAIN

bool PasswordStore::isCompiledIn() { return true; }

void PasswordStore::store(const QString &key, const QString &password, std::function<void(bool, const QString &)> done)
{
    auto *job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    // Never the insecure plain-text fallback some backends offer: no keychain, no storing.
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError)
            done(true, {});
        else
            done(false, tr("no desktop keychain answered (%1)").arg(finished->errorString()));
    });
    job->start();
}

void PasswordStore::load(const QString &key, std::function<void(std::optional<QString>)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *finished) {
        const auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
        done(read->error() == QKeychain::NoError ? std::optional(read->textData()) : std::nullopt);
    });
    job->start();
}

void PasswordStore::forget(const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->start();
}

#else

bool PasswordStore::isCompiledIn() { return false; }

void PasswordStore::store(const QString &, const QString &, std::function<void(bool, const QString &)> done)
{
    done(false, tr("this build of Strata Studio has no keychain support (qtkeychain)"));
}

void PasswordStore::load(const QString &, std::function<void(std::optional<QString>)> done) { done(std::nullopt); }

void PasswordStore::forget(const QString &) {}

#endif

} // namespace strata::ui
