"""What a clinician gets, built from the data ``services`` reads: the one-page PDF report and
the FHIR R4 bundle. Builders take the data as arguments; they read no database themselves."""
