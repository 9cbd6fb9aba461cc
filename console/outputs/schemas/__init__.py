"""JSON Schemas (draft 2020-12) of the JSON outputs, shipped as package data (console.outputs.contract)."""
