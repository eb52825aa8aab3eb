"""The performance benchmark of issue 8: ``python -m benchmarks.run --sizes 10,100,1000``."""
