# Rendered by Infracrew Forge from PlanSpec plan-invoice-worker-2445eb1625bc. Change the goal, not this file.

# This stack takes no input variables.
