// Self-assessment: checklist on element pages and the dashboard.
