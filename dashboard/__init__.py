"""The Streamlit app: reads what geodata produces, never the other way round."""
