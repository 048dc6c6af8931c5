/* pamong-indicator-score.c — placeholder, being written */
