"""Entry script for spark-submit (absolute imports: spark-submit runs it as a file).

    spark-submit [spark options] "$(python -c 'import marsad.spark.submit as m; print(m.__file__)')" \
        analyze --input hdfs:///news/2024/ --output hdfs:///marsad/2024/
"""
import sys

from marsad.cli import main

if __name__ == "__main__":
    sys.exit(main(["spark", *sys.argv[1:]]))
