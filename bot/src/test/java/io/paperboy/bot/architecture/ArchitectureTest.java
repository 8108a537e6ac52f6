package io.paperboy.bot.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules that keep commands platform-neutral (the day a command imports a JDA or Bolt type,
 * the build fails) and the database behind the store ports (the day anything but a store adapter
 * imports JDBC, a driver or Flyway, the build fails).
 */
@AnalyzeClasses(packages = "io.paperboy", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String[] NEUTRAL = {
      "io.paperboy.core.message..", "io.paperboy.core.format..", "io.paperboy.core.command..",
      "io.paperboy.bot.commands..", "io.paperboy.bot.delivery..", "io.paperboy.bot.console..",
      "io.paperboy.bot.config.."};

  @ArchTest
  static final ArchRule neutralPackagesKnowNoPlatform = noClasses()
      .that().resideInAnyPackage(NEUTRAL)
      .should().dependOnClassesThat().resideInAnyPackage("net.dv8tion..", "com.slack..", "okhttp3..")
      .because("commands return platform-neutral messages; only the adapters know JDA and Bolt");

  @ArchTest
  static final ArchRule neutralPackagesDoNotReachIntoAdapters = noClasses()
      .that().resideInAnyPackage(NEUTRAL)
      .should().dependOnClassesThat().resideInAnyPackage("io.paperboy.discord..", "io.paperboy.slack..")
      .because("adapters depend on the core, never the other way round");

  @ArchTest
  static final ArchRule neutralPackagesDoNotUseTheFakes = noClasses()
      .that().resideInAnyPackage(NEUTRAL)
      .should().dependOnClassesThat().resideInAnyPackage("io.paperboy.testkit..")
      .because("the loopback fakes serve tests and `paperboy bench`; production code never posts to them");

  @ArchTest
  static final ArchRule adaptersDoNotUseTheFakes = noClasses()
      .that().resideInAnyPackage("io.paperboy.discord..", "io.paperboy.slack..")
      .should().dependOnClassesThat().resideInAnyPackage("io.paperboy.testkit..")
      .because("the fakes depend on the adapters' helpers, never the other way round");

  @ArchTest
  static final ArchRule storeKnowsNothingAbove = noClasses()
      .that().resideInAPackage("io.paperboy.store..")
      .should().dependOnClassesThat().resideInAnyPackage("io.paperboy.scheduler..", "io.paperboy.bot..",
          "org.quartz..", "net.dv8tion..", "com.slack..")
      .because("store ← scheduler ← bot: one-way module dependencies");

  /** The store adapters: the only packages that may speak SQL to a database. */
  private static final String[] STORE_ADAPTERS = {"io.paperboy.store.sqlite..", "io.paperboy.store.postgresql.."};

  /** The store adapters, and the test support that gives each test class a PostgreSQL schema of its own. */
  private static final String[] SPEAK_SQL = {"io.paperboy.store.sqlite..", "io.paperboy.store.postgresql..",
      "io.paperboy.testkit.postgres.."};

  @ArchTest
  static final ArchRule onlyStoreAdaptersSeeTheDatabase = noClasses()
      .that().resideOutsideOfPackages(SPEAK_SQL)
      .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..", "org.flywaydb..")
      .because("callers see the store ports; a backend is just another implementation of them");

  @ArchTest
  static final ArchRule storePortsKnowNoAdapter = noClasses()
      .that().resideInAPackage("io.paperboy.store..").and().resideOutsideOfPackages(STORE_ADAPTERS)
      .should().dependOnClassesThat().resideInAnyPackage(STORE_ADAPTERS)
      .because("the ports and the query language are backend-neutral; adapters depend on them, not the other way");

  @ArchTest
  static final ArchRule schedulerKnowsNoBot = noClasses()
      .that().resideInAPackage("io.paperboy.scheduler..")
      .should().dependOnClassesThat().resideInAnyPackage("io.paperboy.bot..", "net.dv8tion..", "com.slack..")
      .because("the scheduler decides what is due; rendering and platforms live in bot");

  @ArchTest
  static final ArchRule discordAndSlackStayApart = noClasses()
      .that().resideInAPackage("io.paperboy.discord..")
      .should().dependOnClassesThat().resideInAnyPackage("io.paperboy.slack..", "com.slack..")
      .because("each adapter stands alone")
      // holds trivially until the Discord adapter lands
      .allowEmptyShould(true);
}
