"""The API's resources, a blueprint each, all under /api/v1/."""
