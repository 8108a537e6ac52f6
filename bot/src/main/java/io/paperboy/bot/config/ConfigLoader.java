package io.paperboy.bot.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Loads {@link PaperboyConfig}: defaults, then the YAML file (if any), then {@code PAPERBOY_*}
 * environment variables. The set of keys is derived from the config records themselves, so a new
 * setting is one record component — with its environment variable and its error messages for free.
 */
public final class ConfigLoader {

  /** Names the config file when {@code --config} is not given. */
  public static final String CONFIG_FILE_VARIABLE = "PAPERBOY_CONFIG";
  /** Read by logback.xml before any configuration exists. */
  public static final String LOG_LEVEL_VARIABLE = "PAPERBOY_LOG_LEVEL";
  static final String PREFIX = "PAPERBOY_";
  /**
   * Database credentials, read by the PostgreSQL adapter itself (never part of the config, so no
   * dump of it can show them).
   */
  public static final List<String> CREDENTIAL_VARIABLES = List.of("PAPERBOY_DB_USER", "PAPERBOY_DB_PASSWORD");
  /** Short names of {@code database}: {@code db:} in YAML, {@code PAPERBOY_DB} in the environment (as {@code --db}). */
  static final String DATABASE_ALIAS = "db";

  private final ObjectMapper binder = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
      // 1.5 for a whole-number setting is a mistake to report, not a value to round down
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

  /** Dotted key → leaf type, e.g. {@code slack.http-port → Integer}. */
  private final Map<String, Type> keys = new TreeMap<>();

  public ConfigLoader() {
    collectKeys(PaperboyConfig.class, "");
  }

  /** Every known key, sorted. */
  public List<String> keys() {
    return List.copyOf(keys.keySet());
  }

  /** The environment variable that sets {@code key}. */
  public static String environmentVariable(String key) {
    return PREFIX + key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
  }

  /**
   * @param file the YAML file, if any (a missing file is an error: it was asked for)
   * @param env  the environment
   * @throws ConfigException naming the key and its source
   */
  public PaperboyConfig load(Optional<Path> file, Map<String, String> env) {
    Map<String, String> sources = new HashMap<>();
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    if (file.isPresent()) {
      tree = readYaml(file.get(), sources);
    }
    applyEnvironment(tree, env, sources);
    try {
      return binder.treeToValue(tree, PaperboyConfig.class);
    } catch (JsonMappingException e) {
      throw explain(e, sources);
    } catch (JsonProcessingException e) {
      throw new ConfigException("", "configuration: " + e.getOriginalMessage());
    }
  }

  private ObjectNode readYaml(Path file, Map<String, String> sources) {
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(Files.newBufferedReader(file));
    } catch (NoSuchFileException e) {
      throw new ConfigException("", file + ": config file not found");
    } catch (IOException e) {
      throw new ConfigException("", file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (!root.isObject()) {
      throw new ConfigException("", file + ": expected a mapping of settings at the top level");
    }
    ObjectNode settings = (ObjectNode) root;
    if (settings.has(DATABASE_ALIAS)) {
      if (settings.has("database")) {
        throw new ConfigException("database", file + ": both `db` and `database` are set; keep one");
      }
      settings.set("database", settings.remove(DATABASE_ALIAS));
    }
    checkKeys(settings, "", file.toString(), sources);
    return settings;
  }

  private void checkKeys(ObjectNode node, String prefix, String source, Map<String, String> sources) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      String key = prefix + f.getKey();
      if (keys.containsKey(key)) {
        sources.put(key, source);
      } else if (isSection(key) && f.getValue().isObject()) {
        checkKeys((ObjectNode) f.getValue(), key + ".", source, sources);
      } else {
        throw new ConfigException(key, source + ": unknown key " + Quoting.quote(key) + suggestion(key));
      }
    }
  }

  private void applyEnvironment(ObjectNode tree, Map<String, String> env, Map<String, String> sources) {
    Map<String, String> byVariable = new HashMap<>();
    keys.keySet().forEach(k -> byVariable.put(environmentVariable(k), k));
    // applied after PAPERBOY_DATABASE (sorted order), so the short one wins, as --db would
    byVariable.put(environmentVariable(DATABASE_ALIAS), "database");
    for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
      String variable = e.getKey();
      if (!variable.startsWith(PREFIX) || variable.equals(CONFIG_FILE_VARIABLE) || variable.equals(LOG_LEVEL_VARIABLE)
          || CREDENTIAL_VARIABLES.contains(variable)) {
        continue;
      }
      String key = byVariable.get(variable);
      if (key == null) {
        throw new ConfigException(variable, "environment variable " + variable + ": no such setting"
            + " (settings: " + String.join(", ", byVariable.keySet().stream().sorted().toList()) + ")");
      }
      sources.put(key, "environment variable " + variable);
      set(tree, key, e.getValue());
    }
  }

  private void set(ObjectNode tree, String key, String value) {
    String[] parts = key.split("\\.");
    ObjectNode node = tree;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = node.get(parts[i]);
      node = child instanceof ObjectNode o ? o : node.putObject(parts[i]);
    }
    String leaf = parts[parts.length - 1];
    Type type = keys.get(key);
    Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    if (List.class.isAssignableFrom(raw)) {
      ArrayNode array = node.putArray(leaf);
      for (String item : value.split(",")) {
        if (!item.isBlank()) {
          array.add(item.strip());
        }
      }
    } else if (Map.class.isAssignableFrom(raw)) {
      ObjectNode map = node.putObject(leaf);
      for (String item : value.split(",")) {
        int eq = item.indexOf('=');
        if (eq <= 0) {
          if (item.isBlank()) {
            continue;
          }
          throw new ConfigException(key, "environment variable " + environmentVariable(key)
              + ": expected name=value pairs separated by commas, got " + Quoting.quote(item.strip()));
        }
        map.put(item.substring(0, eq).strip(), item.substring(eq + 1).strip());
      }
    } else {
      node.put(leaf, value);
    }
  }

  private ConfigException explain(JsonMappingException e, Map<String, String> sources) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      }
    }
    Throwable cause = e.getCause();
    if (cause instanceof ConfigException ce) {
      String key = ce.key();
      return new ConfigException(key, sources.getOrDefault(key, "default") + ": " + key + ": " + ce.getMessage());
    }
    String key = path.toString();
    String source = sources.getOrDefault(key, "configuration");
    return new ConfigException(key, source + ": " + key + ": " + plainWords(e));
  }

  /** Jackson's message names Java types ({@code java.lang.Integer}); a person wants what to write instead. */
  private static String plainWords(JsonMappingException e) {
    Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
    String expected = expectation(target);
    if (e instanceof InvalidFormatException f) {
      return Quoting.quote(f.getValue()) + " is not " + expected;
    }
    String message = e.getOriginalMessage();
    String given = message.contains("from Array value") ? "a list"
        : message.contains("from Object value") ? "a mapping" : null;
    return "expected " + expected + (given == null ? "" : ", not " + given);
  }

  private static String expectation(Class<?> type) {
    if (type == null) {
      return "a value of another kind";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a single value";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "a mapping of names to values";
    }
    return "a value of another kind";
  }

  private String suggestion(String key) {
    String section = key.contains(".") ? key.substring(0, key.lastIndexOf('.') + 1) : "";
    List<String> siblings = keys.keySet().stream()
        .filter(k -> k.startsWith(section) && !k.substring(section.length()).contains("."))
        .toList();
    List<String> sectionNames = keys.keySet().stream()
        .filter(k -> k.startsWith(section) && k.substring(section.length()).contains("."))
        .map(k -> k.substring(0, k.indexOf('.', section.length())))
        .distinct().toList();
    List<String> known = new java.util.ArrayList<>(siblings);
    known.addAll(sectionNames);
    return known.isEmpty() ? "" : " (known here: " + String.join(", ", known) + ")";
  }

  private boolean isSection(String key) {
    return keys.keySet().stream().anyMatch(k -> k.startsWith(key + "."));
  }

  private void collectKeys(Class<?> record, String prefix) {
    for (RecordComponent c : record.getRecordComponents()) {
      String key = prefix + PropertyNamingStrategies.KebabCaseStrategy.INSTANCE.translate(c.getName());
      if (c.getType().isRecord()) {
        collectKeys(c.getType(), key + ".");
      } else {
        keys.put(key, c.getGenericType());
      }
    }
  }
}
