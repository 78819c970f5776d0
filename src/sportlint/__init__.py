"""sportlint: a proofreading linter for Italian sports journalism."""

from sportlint.api import fix_text, lint_text
from sportlint.config.loader import Config, ConfigError, load_config
from sportlint.findings import Applicability, Edit, Finding, Fix, Severity

__version__ = "0.1.0"

__all__ = ["Applicability", "Config", "ConfigError", "Edit", "Finding", "Fix", "Severity",
           "__version__", "fix_text", "lint_text", "load_config"]
