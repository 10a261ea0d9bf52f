"""What leaves the site besides pages: open data (JSON and CSV), feeds, the calendar and JSON Schemas."""
