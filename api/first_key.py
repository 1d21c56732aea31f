"""The first administrator key of a fresh server, so that nobody needs the CLI to start.

On a data directory with no key at all (and no administrator key in the settings),
``plan-assistant serve`` creates one administrator key and prints it once on standard
error: the server keeps only its hash, as for every key. A directory that has keys but no
usable administrator key gets the command that makes one instead. Nothing here is
imported until ``serve`` runs (the CLI loads its commands at start-up).
"""

from __future__ import annotations

from collections.abc import Callable

from assistant.settings import Settings

FIRST_KEY_LABEL = "Administration (clé créée au premier démarrage)"


def announce_admin_access(settings: Settings, say: Callable[[str], None]) -> str | None:
    """Create and print the first administrator key if the server has no key at all.

    Returns:
        The token created, or None when the server already had keys or an admin setting.
    """
    from assistant.store.keys import AccessRegistry

    if settings.api.admin_key is not None:
        return None
    registry = AccessRegistry.open(settings.api.data_dir)
    keys = registry.list_keys()
    if not keys:
        _, token = registry.create_key(FIRST_KEY_LABEL, admin=True)
        say(
            "Première clé d'administration créée (notez-la, elle ne sera plus affichée) :\n"
            f"    {token}\n"
            "Avec elle : créez un espace de travail (POST /workspaces), puis une clé pour "
            "l'application (POST /keys) ; le parcours complet est décrit sur /docs."
        )
        return token
    if not any(key.admin and key.revoked_at is None for key in keys):
        say(
            "Aucune clé d'administration valide. Pour en créer une : plan-assistant api-key "
            f'create --admin --label "Administration" --data-dir {settings.api.data_dir}'
        )
    return None
