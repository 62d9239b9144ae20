"""Terminology: code systems (ICD-10 vi/en, drugs, lab tests), candidate search, linker, FHIR export."""
