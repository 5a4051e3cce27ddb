"""The Tim's screens: the review queue, the review of one record, and Prodeskel entry."""
