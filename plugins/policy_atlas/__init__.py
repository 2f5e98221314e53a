"""Policy Atlas: school social-media policies, clause by clause."""
