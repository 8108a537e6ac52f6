package io.paperboy.bot.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rules that keep commands platform-neutral (the day a command imports a JDA or Bolt type,
 * the build fails) and the database behind the store ports (the day anything but a store adapter
 * imports JDBC, a driver or Flyway, the build fails), plus what Maven modules cannot say: packages
 * inside a module, and that every package says what it is for in a {@code package-info.java}.
 * Module boundaries already stop production code from compiling against the fakes (testkit is a
 * test-scope dependency of every product module); the rules below say it again for the packages
 * that once did.
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
  /**
   * The adapters, and the test helper that makes a PostgreSQL schema per test class (testkit is
   * test scope only, never in the jar).
   */
  private static final String[] MAY_SPEAK_SQL = {"io.paperboy.store.sqlite..", "io.paperboy.store.postgresql..",
      "io.paperboy.testkit.postgres.."};

  @ArchTest
  static final ArchRule onlyStoreAdaptersSeeTheDatabase = noClasses()
      .that().resideOutsideOfPackages(MAY_SPEAK_SQL)
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
  static final ArchRule discordKnowsNoSlack = noClasses()
      .that().resideInAPackage("io.paperboy.discord..")
      .should().dependOnClassesThat().resideInAnyPackage("io.paperboy.slack..", "com.slack..")
      .because("each adapter stands alone");

  @ArchTest
  static final ArchRule slackKnowsNoDiscord = noClasses()
      .that().resideInAPackage("io.paperboy.slack..")
      .should().dependOnClassesThat().resideInAnyPackage("io.paperboy.discord..", "net.dv8tion..")
      .because("each adapter stands alone");

  @ArchTest
  static final ArchRule productReachesNoFakeAndNoBench = noClasses()
      .that().resideInAPackage("io.paperboy.bot..")
      .should().dependOnClassesThat().resideInAnyPackage("io.paperboy.testkit..", "io.paperboy.bench..",
          "mockwebserver3..", "okhttp3.mockwebserver..", "org.mockito..")
      .because("the CLI and the composition root ship in paperboy.jar; the fakes and the bench do not");

  /** Where the source of every module lives, from the bot module's folder (Maven runs tests there). */
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  @ArchTest
  static final ArchRule everyPackageSaysWhatItIsFor = classes()
      .that().resideInAPackage("io.paperboy..")
      .should(new ArchCondition<>("reside in a package with a package-info.java") {
        private final List<Path> sourceRoots = sourceRoots();

        @Override
        public void check(JavaClass c, ConditionEvents events) {
          Path folder = Path.of(c.getPackageName().replace('.', '/'));
          boolean described = sourceRoots.stream().anyMatch(r -> Files.exists(r.resolve(folder).resolve("package-info.java")));
          if (!described) {
            events.add(SimpleConditionEvent.violated(c, "package " + c.getPackageName() + " of " + c.getName()
                + " has no package-info.java in any module's src/main/java"));
          }
        }
      })
      .because("a package-info.java says in a paragraph what the package is for (style.md)");

  private static List<Path> sourceRoots() {
    try (Stream<Path> walk = Files.walk(REPO, 6)) {
      return walk.filter(p -> p.endsWith(Path.of("src", "main", "java")) && !p.toString().contains("/target/"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
