# Rendered by Infracrew Forge from PlanSpec plan-invoice-worker-f9a0eca2e6b8. Change the goal, not this file.

# This stack takes no input variables.
