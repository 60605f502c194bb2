#!/usr/bin/env python3
"""Writes the CSV reader's test fixtures into this folder.

Run from anywhere: `python3 Tests/SegmentaCoreTests/Fixtures/csv/make_fixtures.py`. Every fixture is written
as exact bytes (line endings, byte order marks and Windows-1252 / Latin-1 encodings included), so the script is
the readable source of the binary files next to it. The tests in Tests/SegmentaCoreTests/CSV*.swift state what
each fixture must load as.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent


def write(name: str, text: str, encoding: str = "utf-8", newline: str = "\n", bom: bytes = b"") -> None:
    data = bom + text.replace("\n", newline).encode(encoding)
    (HERE / name).write_bytes(data)


def raw(name: str, data: bytes) -> None:
    (HERE / name).write_bytes(data)


# --- separators: the same table four ways ---------------------------------------------------------------
SEPARATED = [["customer_id", "age", "income", "segment"],
             ["C1", "34", "52000.5", "gold"],
             ["C2", "51", "61000", "silver"],
             ["C3", "28", "38000.25", "gold"]]
for name, sep in [("comma.csv", ","), ("semicolon.csv", ";"), ("tab.tsv", "\t"), ("pipe.csv", "|")]:
    write(name, "".join(sep.join(row) + "\n" for row in SEPARATED))

# --- quoting: separators, doubled quotes, LF and CRLF inside quotes; LF records -------------------------
raw("quoted.csv",
    b'id,comment,amount\n'
    b'1,"Smith, John",10\n'
    b'2,"She said ""hi""",20\n'
    b'3,"two\nlines",30\n'
    b'4,"crlf\r\ninside",40\n'
    b'5,"" ,50\n')

# --- line endings ---------------------------------------------------------------------------------------
raw("crlf.csv", b"a,b\r\n1,x\r\n2,y")  # no final newline
raw("cr.csv", b"a,b\r1,x\r2,y\r")
raw("blank_lines.csv", b"\n\na,b\n1,x\n\n2,y\n\n\n")
raw("single_column.csv", b"score\n1\n\n3\n\n\n")

# --- decimal comma --------------------------------------------------------------------------------------
write("decimal_comma.csv",
      "kunde;umsatz;rabatt\n"
      "A;1.234,56;-0,5\n"
      "B;12,5;0\n"
      "C;1.000.000;+1,25e2\n")
# Tab-separated, only ambiguous "1,250"-style values: detection keeps a decimal point (1,250 = 1250);
# decimalComma forced reads 1.25.
write("ambiguous_comma.tsv", "item\tweight\nA\t1,250\nB\t2,500\n")
# Comma-separated with thousands separators inside quotes.
write("thousands.csv", 'item,price\nA,"1,234.56"\nB,"1,000,000"\nC,12.5\n')
write("mixed_marks.csv", "item;value\nA;1.5\nB;2,5\n")

# --- encodings ------------------------------------------------------------------------------------------
write("bom.csv", "Straße,Größe\nMüller,1\n", bom=b"\xef\xbb\xbf")
write("cp1252.csv",
      "Kundennummer;Straße;Betrag €;Notiz\n"
      "1;Königsallee;10;€ und Š\n"
      "2;Grüner Weg;20;šöü\n", encoding="cp1252")
write("latin1.csv", "Name;Ort\nJürgen;Köln\nÄnne;Düsseldorf\n", encoding="latin-1")
raw("byte80.csv", b"sign\n\x80\n")

# --- German export vs plain CSV: must load to identical tables -------------------------------------------
write("german_export.csv",
      "Kundennr;Name;Umsatz;Erstkauf;Region\n"
      "1001;Müller;1.234,50;31.12.2023;Süd\n"
      "1002;Schäfer;-12,75;01.02.2024;Nord\n"
      "1003;Weiß;0,5;;Süd\n"
      "1004;Öztürk;10;15.06.2022;NA\n", encoding="cp1252", newline="\r\n")
write("plain_export.csv",
      "Kundennr,Name,Umsatz,Erstkauf,Region\n"
      "1001,Müller,1234.5,2023-12-31,Süd\n"
      "1002,Schäfer,-12.75,2024-02-01,Nord\n"
      "1003,Weiß,0.5,,Süd\n"
      "1004,Öztürk,10,2022-06-15,\n")

# --- missing values and types ---------------------------------------------------------------------------
write("missing.csv",
      "n,text\n"
      "1,a\n"
      ",\n"
      "NA,NA\n"
      "N/A,N/A\n"
      "n/a,n/a\n"
      "#N/A,#N/A\n"
      "-,-\n"
      "null,null\n"
      "NULL,NULL\n"
      '"",""\n'
      "  ,  \n"
      "2,b\n")
write("types.csv",
      "customer_id,order_no,visits,spend,first_order,last_order,mixed_dates,city\n"
      "K-1,1,3,10.5,2024-01-31,31.01.2024,2024-01-31,Berlin\n"
      "K-2,2,5,-2,2023-12-01,1.12.2023,01.12.2023,Hamburg\n"
      "K-3,3,,1e3,,29.02.2024,,Berlin\n")
write("numeric_id.csv", "Kundennummer,code,spend\n00123,7,1\n00124,8,2\n00125,9,3\n")
write("leading_zero_codes.csv", "plz,amount\n04078,0\n10115,02.5\n80331,3\n")
write("not_unique_id.csv", "customer_id,spend\nA,1\nA,2\nB,3\n")
write("id_with_missing.csv", "key,spend\nA,1\n,2\nB,3\n")

# --- errors ---------------------------------------------------------------------------------------------
write("ragged_more.csv", "a,b,c\n1,2,3\n4,5,6,7\n")
write("ragged_fewer.csv", "a,b,c\n1,2,3\n4,5\n")
write("unterminated.csv", 'a,b,c\n1,2,3\n4,"open\nstill open,5,6\n7,8,9\n')
raw("multiline_then_ragged.csv", b'a,b\n1,"x\r\ny"\n2,3,4\n')
write("after_quote.csv", 'a,b\n1,"x"y\n')
raw("empty.csv", b"")
raw("blank_only.csv", b"\n\r\n\n")
write("header_only.csv", "a,b,c\n")
raw("header_only_no_newline.csv", b"a,b,c")
raw("single_column_header_only.csv", b"score\n\n\n")
write("duplicate_names.csv", "id,age,income,age\n1,2,3,4\n")
write("empty_name.csv", "id,,income\n1,2,3\n")
write("trailing_separator.csv", "id,income,\n1,2,\n")
raw("nul.csv", b"a,b\n1,2\n3,\x004\n")
raw("utf16.csv", "a,b\n1,2\n".encode("utf-16"))
write("nonfinite.csv", "id,value\n1,1.5\n2,2\n3,1e309\n")
write("nan_text.csv", "id,value\n1,1.5\n2,NaN\n")
write("inf_in_text.csv", "id,label\n1,inf\n2,high\n")
