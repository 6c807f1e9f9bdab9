#!/usr/bin/env bash
# The main job: looks up the places of the reference story (the February
# 2022 withdrawal of Barkhane and Takuba from Mali) in the gazetteer.
set -euo pipefail
bin=${1:-build/release/bin/geoevents}
for name in Bamako Ménaka Liptako Liptako-Gourma "golfe de Guinée" Sahel "Afrique de l'Ouest" Niger Paris \
            Tombouctou Gao Gossi Kidal Niamey Abidjan Accra Lomé Cotonou Ouagadougou "N'Djamena" \
            "pays du Golfe de Guinée" maliennes français nigérien européens; do
  printf '%-24s ' "$name"
  "$bin" gazetteer lookup "$name" --limit 1 || true
done
