"""Code rules: one small module each; the class docstring is the rule's documentation."""
