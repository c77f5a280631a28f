# Rendered by Infracrew Forge from PlanSpec plan-platform-eks-7c1e2a9b3d4f. Change the goal, not this file.

# This stack takes no input variables.
