package io.paperboy.bot.discord;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("JDA stays inside the Discord adapter")
class DiscordArchitectureTest {

  @Test
  @DisplayName("no class of the bot module outside io.paperboy.bot.discord depends on JDA")
  void jdaOnlyInDiscordPackage() {
    ArchConfiguration config = ArchConfiguration.get();
    boolean resolve = config.resolveMissingDependenciesFromClassPath();
    // the rule needs only the names of the classes depended on, not JDA's whole class graph
    config.setResolveMissingDependenciesFromClassPath(false);
    try {
      // the module's compiled main classes (surefire runs in the module directory)
      JavaClasses classes = new ClassFileImporter().importPath(Path.of("target/classes"));
      noClasses().that().resideOutsideOfPackage("io.paperboy.bot.discord..")
          .should().dependOnClassesThat().resideInAnyPackage("net.dv8tion..", "com.neovisionaries..")
          .check(classes);
    } finally {
      config.setResolveMissingDependenciesFromClassPath(resolve);
    }
  }
}
