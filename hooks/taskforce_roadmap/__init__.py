"""The Development & Operations Roadmap as data: load and validate `rubric/`, generate pages.

Independent of MkDocs: `hooks/roadmap_hook.py` is the only place that knows the engine.
"""

from .checklist import SCRIPT_URI as CHECKLIST_SCRIPT_URI, checklist_script
from .csp import CspError, with_csp
from .errors import RubricError
from .loading import load_roadmap
from .model import Roadmap
from .pages import navigation, site_pages

__all__ = ["CspError", "with_csp", "CHECKLIST_SCRIPT_URI", "checklist_script", "RubricError", "Roadmap", "load_roadmap", "navigation", "site_pages"]
