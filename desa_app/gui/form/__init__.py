"""The questionnaire screen, rendered from the definition (no question is hard-coded).

``editor.FormEditor`` holds one record's ``FormState``; ``fields`` has a widget per
question type, ``matrix`` the table items, ``members`` the roster of a repeat, and
``recovery`` the journal that brings typed values back after a crash.
"""
