# Rendered by Infracrew Forge from PlanSpec plan-docs-site-4115eb54cfa4. Change the goal, not this file.

# This stack takes no input variables.
