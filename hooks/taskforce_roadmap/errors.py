"""The one kind of error a rubric edit can cause."""


class RubricError(Exception):
    """A rubric file is wrong. Its text is the single line the build prints:
    `rubric/<file>:<line>: <field>: <problem>`."""

    def __init__(self, file: str, line: int, field: str, problem: str):
        self.file, self.line, self.field, self.problem = file, line, field, problem
        super().__init__(f"{file}:{line}: {field}: {problem}")
