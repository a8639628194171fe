"""Turn selections into documents (core/doc.py) for the prose formats: one module per view
family, mirroring commands/ (base holds the pieces they share; exports the data formats).

Commands import the module they need inside `run()`, so start-up loads none of them."""
