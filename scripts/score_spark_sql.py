#!/usr/bin/env python3
"""Runs exported criteria SQL files in Spark SQL (a local SparkSession) and writes `id,segment` per file (empty
segment for NULL), so tests can compare Spark with `segmenta assign`.

  python3 scripts/score_spark_sql.py JOBS.json

JOBS.json is a list of jobs, each {"csv": INPUT.csv, "schema": SCHEMA, "table": TABLE, "key": ID_COLUMN,
"sql": VIEW.sql, "output": OUTPUT.csv}. SCHEMA is the CSV's columns as a Spark DDL string
(`customer_id STRING, revenue_eur DOUBLE, …`: numbers as DOUBLE, as the export's header asks). The rows become the
catalog table TABLE (a managed table in a throw-away warehouse, since a permanent view may not read a temporary
one); the SQL file is executed unchanged, and the one view it creates is read and dropped, so all jobs (which may
reuse a view name) share one Spark start-up.

Needs `pip install pyspark==3.5.3` and Java 17. Exit code 3 when either is missing.
"""

import csv
import json
import os
import shutil
import sys
import tempfile

# Spark warns when the host name resolves to a loopback address; a local session needs no other address.
os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")

# Errors only: Spark's default logging prints warnings (no native Hadoop library, …) before setLogLevel can act.
LOGGING = """rootLogger.level = error
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %p %c: %m%n
"""


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        jobs = json.load(f)
    if shutil.which("java") is None:
        print("java is not installed (apt-get install default-jre-headless)", file=sys.stderr)
        return 3
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        print("pyspark is not installed (pip install pyspark==3.5.3)", file=sys.stderr)
        return 3
    with tempfile.TemporaryDirectory(prefix="segmenta-spark-") as warehouse:
        logging = os.path.join(warehouse, "log4j2.properties")
        with open(logging, "w", encoding="utf-8") as f:
            f.write(LOGGING)
        spark = (
            SparkSession.builder.master("local[2]")
            .appName("segmenta-criteria")
            .config("spark.sql.warehouse.dir", os.path.join(warehouse, "warehouse"))
            .config("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile=file:{logging}")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate()
        )
        spark.sparkContext.setLogLevel("ERROR")
        try:
            loaded: dict[str, tuple[str, str]] = {}
            for job in jobs:
                load(spark, job, loaded)
                if not score(spark, job):
                    return 1
        finally:
            spark.stop()
    return 0


def load(spark, job: dict, loaded: dict[str, tuple[str, str]]) -> None:
    """Makes job["csv"] the catalog table job["table"], unless it already is."""
    table = job["table"]
    if loaded.get(table) == (job["csv"], job["schema"]):
        return
    rows = (
        spark.read.option("header", True)
        .option("escape", '"')
        .option("multiLine", True)
        .option("mode", "FAILFAST")
        .schema(job["schema"])
        .csv(job["csv"])
    )
    spark.sql(f"DROP TABLE IF EXISTS {quoted(table)}")
    rows.write.saveAsTable(quoted(table))
    loaded[table] = (job["csv"], job["schema"])


def score(spark, job: dict) -> bool:
    """Runs job["sql"] and writes the view it creates to job["output"]; False when it creates no view or several."""
    with open(job["sql"], encoding="utf-8") as f:
        text = f.read()
    before = {t.name for t in spark.catalog.listTables() if t.tableType == "VIEW"}
    spark.sql(text)
    created = [t.name for t in spark.catalog.listTables() if t.tableType == "VIEW" and t.name not in before]
    if len(created) != 1:
        print(f"{job['sql']} created {len(created)} views; expected one", file=sys.stderr)
        return False
    result = spark.sql(f"SELECT {quoted(job['key'])}, segment FROM {quoted(created[0])}").collect()
    spark.sql(f"DROP VIEW {quoted(created[0])}")
    with open(job["output"], "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow([job["key"], "segment"])
        writer.writerows((row[0], "" if row[1] is None else row[1]) for row in result)
    return True


def quoted(name: str) -> str:
    """A Spark SQL identifier in backticks."""
    return "`" + name.replace("`", "``") + "`"


if __name__ == "__main__":
    sys.exit(main(sys.argv))
