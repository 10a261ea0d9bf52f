"""What the portal knows: the model, strict YAML reading, loading, validation and the loaded Portal.

Nothing here imports from the other folders of the package or from MkDocs."""
