"""The data layer: table schemas, scales, readers, validation and the loaded dataset."""
