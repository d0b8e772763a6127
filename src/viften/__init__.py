"""viften: a jobcentre's employment interventions by price per job and effect."""

__version__ = "0.1.0"
