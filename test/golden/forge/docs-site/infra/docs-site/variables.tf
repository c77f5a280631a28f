# Rendered by Infracrew Forge from PlanSpec plan-docs-site-0f1e2d3c4b5a. Change the goal, not this file.

# This stack takes no input variables.
