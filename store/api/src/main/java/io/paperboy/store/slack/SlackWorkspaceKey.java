package io.paperboy.store.slack;

import java.util.Objects;
import java.util.Optional;

/**
 * Which installation: a workspace ({@code team}), a workspace of an Enterprise Grid organization
 * ({@code enterprise} and {@code team}), or an organization-wide install ({@code enterprise} alone).
 * Blank ids count as absent, as Slack sends {@code ""} and {@code null} alike.
 */
public record SlackWorkspaceKey(Optional<String> enterpriseId, Optional<String> teamId) {

  public SlackWorkspaceKey {
    enterpriseId = nonBlank(enterpriseId);
    teamId = nonBlank(teamId);
    if (enterpriseId.isEmpty() && teamId.isEmpty()) {
      throw new IllegalArgumentException("a Slack installation needs a team id or an enterprise id");
    }
  }

  /** From Slack's nullable ids (Bolt's {@code findBot(enterpriseId, teamId)}). */
  public static SlackWorkspaceKey of(String enterpriseId, String teamId) {
    return new SlackWorkspaceKey(Optional.ofNullable(enterpriseId), Optional.ofNullable(teamId));
  }

  public static SlackWorkspaceKey team(String teamId) {
    return of(null, teamId);
  }

  /**
   * The workspace id Paperboy scopes channels and subscriptions by: the team, or the enterprise
   * for an org-wide install (as {@code SlackBot} does for commands).
   */
  public String workspace() {
    return teamId.orElseGet(enterpriseId::orElseThrow);
  }

  @Override
  public String toString() {
    return enterpriseId.map(e -> e + "/").orElse("") + teamId.orElse("*");
  }

  private static Optional<String> nonBlank(Optional<String> id) {
    return Objects.requireNonNull(id, "id").map(String::strip).filter(s -> !s.isEmpty());
  }
}
