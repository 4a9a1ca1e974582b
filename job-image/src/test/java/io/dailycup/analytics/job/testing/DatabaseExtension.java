package io.dailycup.analytics.job.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class a database of its own for all its tests: {@code @RegisterExtension static
 * final DatabaseExtension DB = new DatabaseExtension("x");}.
 */
public final class DatabaseExtension implements BeforeAllCallback, AfterAllCallback {

  private final String purpose;
  private TestDatabase database;

  public DatabaseExtension(String purpose) {
    this.purpose = purpose;
  }

  public TestDatabase database() {
    if (database == null) {
      throw new IllegalStateException("the test database exists only while the class runs");
    }
    return database;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    database = TestServer.get().createDatabase(purpose);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    database.close();
  }
}
