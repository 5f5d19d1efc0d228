"""Coding: actors, event types, arguments, modality, attribution, dates and places."""
