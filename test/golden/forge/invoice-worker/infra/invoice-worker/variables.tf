# Rendered by Infracrew Forge from PlanSpec plan-invoice-worker-4b1f0c2d9e8a. Change the goal, not this file.

# This stack takes no input variables.
