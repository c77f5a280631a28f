# Rendered by Infracrew Forge from PlanSpec plan-invoice-worker-7b9575d9608b. Change the goal, not this file.

# This stack takes no input variables.
