# Rendered by Infracrew Forge from PlanSpec plan-nightly-report-321d5e6908b0. Change the goal, not this file.

# This stack takes no input variables.
