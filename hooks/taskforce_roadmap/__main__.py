"""The roadmap without MkDocs hooks, for any engine that reads mkdocs.yml:

    python -m taskforce_roadmap render OUT_DIR      writes OUT_DIR/docs/ and OUT_DIR/mkdocs.yml
    mkdocs build -f OUT_DIR/mkdocs.yml -d SITE_DIR  (or another engine)
    python -m taskforce_roadmap secure SITE_DIR     minifies the site's own CSS and JS, drops source
                                                    maps, gives every page its Content-Security-Policy

The MkDocs hook calls the same functions, so both ways build the same site.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from html_csp import CspError

from .errors import RubricError
from .render import finish_site, is_offline, read_config, render_project


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m taskforce_roadmap", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    render = commands.add_parser("render", help="write the docs folder and a config without hooks")
    render.add_argument("out_dir", type=Path)
    render.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    secure = commands.add_parser("secure", help="finish a built site: own CSS and JS minified, no source "
                                 "maps, the Content-Security-Policy on every page")
    secure.add_argument("site_dir", type=Path)
    secure.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"),
                        help="the config the site was built from (it says if it is the offline "
                             "edition)")
    args = parser.parse_args(argv)
    try:
        if args.command == "render":
            written = render_project(args.config_file, args.out_dir)
            print(f"render: wrote {written.parent}/docs/ and {written}", file=sys.stderr)
        else:
            offline = is_offline(read_config(args.config_file.resolve()).get("plugins"))
            count = finish_site(args.site_dir, offline=offline)
            print(f"secure: {count} pages carry their Content-Security-Policy", file=sys.stderr)
    except (RubricError, CspError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
