# Rendered by Infracrew Forge from PlanSpec plan-orders-global-3e8a1c5d7f9b. Change the goal, not this file.

# This stack takes no input variables.
