"""marsad on Apache Spark: the same `analyze` over millions of articles, written as Parquet.

`schema` derives the columnar schema from the Article dataclasses, `records` turns
Articles into rows and back, `parquet` reads the output without Spark (pyarrow),
`job` is the Spark job itself (pyspark is imported only there).
"""
