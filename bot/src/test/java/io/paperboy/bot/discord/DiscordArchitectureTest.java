package io.paperboy.bot.discord;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("JDA stays inside the Discord adapter")
class DiscordArchitectureTest {

  @Test
  @DisplayName("no class outside io.paperboy.bot.discord depends on JDA")
  void jdaOnlyInDiscordPackage() {
    JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages("io.paperboy");
    noClasses().that().resideOutsideOfPackage("io.paperboy.bot.discord..")
        .should().dependOnClassesThat().resideInAnyPackage("net.dv8tion..", "com.neovisionaries..")
        .check(classes);
  }
}
