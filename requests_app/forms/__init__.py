"""The parents' forms: field types (fields.py), what both forms share (base.py), the
assessment's steps and their flow (steps.py, assessment.py) and the callback form
(callback.py). Each field is made from its question's declaration (questions.py)."""
