"""The lessons' topics, on top of the engine (gd_core's own modules): Tip 1's learning rates, Adagrad's tables and
the best step; Tips 2 and 3's linear regression, SGD and feature scaling; the theory's Taylor series, models and red
circle; the limitations' landscapes; and the optimizers beyond the lecture."""
