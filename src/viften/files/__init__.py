"""Files as people make them: tables (CSV, Excel, Parquet), the interventions file, export."""
