# Rendered by Infracrew Forge from PlanSpec plan-docs-site-f5c1faf6b5c2. Change the goal, not this file.

# This stack takes no input variables.
