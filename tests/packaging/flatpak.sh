#!/usr/bin/env bash
# packaging.flatpak: the Flatpak manifest is valid YAML, names the application id used everywhere else, runs
# capstan, builds it last (so its own install rules bring the .desktop file, metainfo and icons) and pins every
# downloaded source by sha256.
# (Building it needs flatpak-builder and network access to Flathub; that is not part of the suite.)
#   flatpak.sh MANIFEST
set -euo pipefail
manifest="$1"
app_id="$(basename "$manifest" .yml)"

if ! python3 -c 'import yaml' 2>/dev/null; then
    echo "python3 with yaml is missing: install the Debian package python3-yaml (the test set-up does)."
    exit 77
fi
python3 - "$manifest" "$app_id" <<'PY'
import sys, yaml

manifest, app_id = sys.argv[1], sys.argv[2]
with open(manifest) as f:
    m = yaml.safe_load(f)
errors = []
if m.get("id") != app_id:
    errors.append(f"id is {m.get('id')!r}, not {app_id!r}")
if m.get("command") != "capstan":
    errors.append(f"command is {m.get('command')!r}")
for key in ("runtime", "runtime-version", "sdk", "modules", "finish-args"):
    if key not in m:
        errors.append(f"no {key}")
modules = m.get("modules", [])
names = [mod["name"] for mod in modules if isinstance(mod, dict)]
if not names or names[-1] != "capstan":
    errors.append(f"the last module is not capstan: {names}")
for mod in modules:
    if not isinstance(mod, dict):
        continue
    for source in mod.get("sources", []):
        if source.get("type") in ("archive", "file") and "url" in source and len(source.get("sha256", "")) != 64:
            errors.append(f"{mod['name']}: {source['url']} has no sha256")
if errors:
    print("\n".join(errors))
    sys.exit(1)
print(f"{manifest}: {len(names)} modules, finish-args {' '.join(m['finish-args'])}")
PY
