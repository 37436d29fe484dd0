"""The Development & Operations Roadmap as data: load and validate `rubric/`, generate pages.

Independent of MkDocs: `hooks/roadmap_hook.py` is the only place that knows the engine, and
`python -m taskforce_roadmap` (`__main__.py`) does the same work for engines without hooks.
"""

from .checklist import SCRIPT_URI as CHECKLIST_SCRIPT_URI, checklist_script
from .errors import RubricError
from .loading import load_roadmap
from .model import Roadmap
from .pages import navigation, site_pages
from .placeholders import fill_placeholders
from .render import RUBRIC_DIR, finish_site, generated_files, is_offline, render_project, site_files

__all__ = ["CHECKLIST_SCRIPT_URI", "checklist_script", "RubricError", "Roadmap", "load_roadmap",
           "navigation", "site_pages", "fill_placeholders", "generated_files", "is_offline",
           "render_project", "RUBRIC_DIR", "finish_site", "site_files"]
