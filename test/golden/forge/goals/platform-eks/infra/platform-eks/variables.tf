# Rendered by Infracrew Forge from PlanSpec plan-platform-eks-3d9f23950c11. Change the goal, not this file.

# This stack takes no input variables.
