"""The claims pack: unhedged claims, absolute language, vague attribution, supplement claims."""
