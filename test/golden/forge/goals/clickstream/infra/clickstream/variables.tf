# Rendered by Infracrew Forge from PlanSpec plan-clickstream-d8eab8f11ad1. Change the goal, not this file.

# This stack takes no input variables.
