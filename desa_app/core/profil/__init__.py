"""The village-level instruments (Potensi, Perkembangan): one record per village per
year, and the figures they take from the verified DDK households ("hitung dari DDK")."""
