#pragma once

#include <QObject>

#include <functional>
#include <optional>

namespace strata::ui {

// Saved passwords live in the desktop's keychain (Secret Service, KWallet,
// macOS Keychain, Windows credentials, through qtkeychain), keyed by the URL
// without its password, and nowhere else: never in the settings. Built
// without qtkeychain, or with no keychain service reachable (a CI machine, a
// bare X session), nothing is stored and the callback says why.
class PasswordStore : public QObject
{
    Q_OBJECT
public:
    explicit PasswordStore(QObject *parent = nullptr);

    // Whether this build has keychain support at all.
    static bool isCompiledIn();

    // done(stored, why-not) once the keychain has answered.
    void store(const QString &key, const QString &password, std::function<void(bool, const QString &)> done);
    // done(password) or done(nullopt) when none is stored or no keychain answers.
    void load(const QString &key, std::function<void(std::optional<QString>)> done);
    void forget(const QString &key);

    static QString serviceName();
};

} // namespace strata::ui
