import Testing

@testable import SegmentaSources

/// Passwords never reach journals or history: they are replaced by `***`.
@Suite struct CredentialsTests {
  @Test(arguments: [
    (
      #"load postgres:"postgresql://app:s3cret@db:5432/erp" query="SELECT 1""#,
      #"load postgres:"postgresql://app:***@db:5432/erp" query="SELECT 1""#
    ),
    ("postgres://app:p%40ss@db/erp?sslmode=require", "postgres://app:***@db/erp?sslmode=require"),
    (
      "postgresql://db/erp?user=app&password=geheim&sslmode=require",
      "postgresql://db/erp?user=app&password=***&sslmode=require"
    ),
    ("postgresql://app@db:5432/erp", "postgresql://app@db:5432/erp"),
    ("postgresql://db:5432/erp query=\"SELECT 'a@b'\"", "postgresql://db:5432/erp query=\"SELECT 'a@b'\""),
    ("load sqlite:shop.sqlite table=orders", "load sqlite:shop.sqlite table=orders"),
    (
      "host=db dbname=erp user=app password=geheim sslmode=require",
      "host=db dbname=erp user=app password=*** sslmode=require"
    ),
    (#"host=db password = 'ge heim\'s' dbname=erp"#, "host=db password = *** dbname=erp"),
    ("host=db password='unterminated dbname=erp", "host=db password=***"),
  ])
  func passwordsAreHidden(text: String, redacted: String) {
    #expect(Credentials.redacted(text) == redacted)
    #expect(Credentials.containsPassword(text) == (text != redacted))
  }
}
