"""geodata: articles -> places -> dated events, offline. Never imports streamlit or dashboard."""

__version__ = "0.1.0"
