#!/usr/bin/env bash
# Rebuilds the gallery's contact sheets (docs/gallery.md) with the embedded defaults.
# Usage: docs/gallery/make.sh [WORKDIR]   (projects go to WORKDIR, default /tmp/c3v-gallery)
# Prints the process CPU seconds (user + system, with ffmpeg) of every command.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=${1:-/tmp/c3v-gallery}
out=docs/gallery
mkdir -p "$work"
./c3v --help >/dev/null   # build once, outside the timings

run() { # NAME ARGS... : runs c3v, keeps the sheet of project NAME
  local name=$1; shift
  /usr/bin/time -f "$name: %e s wall, %U+%S s CPU, %M kB" ./c3v "$@" --quiet
}
sheet() { # NAME PROJECT
  local src="$work/$2/renders/contact-sheet.png"
  # 784 px wide, 256-colour palette: about 150 kB a sheet.
  ffmpeg -loglevel error -y -i "$src" \
    -vf "scale=784:-1:flags=lanczos,split[a][b];[a]palettegen=max_colors=256:stats_mode=full[p];[b][p]paletteuse=dither=sierra2_4a" \
    "$out/$1.png"
}
gen() { # NAME PROMPT [ARGS...]
  local name=$1 prompt=$2; shift 2
  run "$name" generate "$prompt" -o "$work/$name" --force --seed 1 "$@"
  sheet "$name" "$name"
}
edit() { # NAME PROJECT ARGS...
  local name=$1 project=$2; shift 2
  rm -rf "$work/$name"; cp -r "$work/$project" "$work/$name"
  run "$name" edit "$work/$name" --replace "$@"
  sheet "$name" "$name"
}

# The method's examples.
gen alien "an alien walking on the floor, starting from the cabin's door to the mower near the bottom right corner of the image"
gen kungfu "a black man wearing a green t-shirt playing kung fu on the stage"
edit fairy kungfu --object "a fairy"
edit warlock kungfu --object "a warlock"
edit kungfu-dance kungfu --motion "dances"
gen two "a man in a black suit playing kung fu and a woman in ski clothes dancing on a simple stage"
gen villa "a woman in ski clothes dancing by the swimming pool of a modern mega villa by the sea"
edit villa-anime villa --scene "a long anime-style road"
edit villa-apoc villa --scene "a post-apocalyptic city in the desert"
# The director's held-out prompts.
gen redrobot "a red robot walks from the door to the window in a living room"
gen alienrobot "an alien waves on the right side of the image while a robot jumps on the left"
gen carhouse "a man runs from the car to the house, then a woman waves at him"
gen knight "a knight in silver armor runs towards the camera in a castle courtyard" --camera follow
gen vampire "a vampire in a black cape walks slowly through a dark castle hall"
