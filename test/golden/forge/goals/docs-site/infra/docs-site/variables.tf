# Rendered by Infracrew Forge from PlanSpec plan-docs-site-85ce7bcc14df. Change the goal, not this file.

# This stack takes no input variables.
