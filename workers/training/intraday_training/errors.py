"""Errors the caller can fix by changing the input. The worker turns them into a non-retryable
ApplicationError of type BadTrainingInput; the CLI prints the message and exits with code 2."""

BAD_TRAINING_INPUT = "BadTrainingInput"


class BadTrainingInput(ValueError):
    """The training input cannot produce a model: retrying the same input gives the same failure."""
