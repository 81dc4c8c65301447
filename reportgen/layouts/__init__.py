"""Page designs.  ``base`` holds the shared machinery, each other module is one design."""
