package io.paperboy.slack.install;

import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.service.builtin.oauth.view.OAuthRedirectUriPageRenderer;

/** The small pages the install flow ends on: "installed", or why not. */
public final class InstallPages implements OAuthRedirectUriPageRenderer {

  @Override
  public String renderSuccessPage(Installer installer, String completionUrl) {
    String where = installer.getTeamId() != null ? "workspace " + installer.getTeamId()
        : installer.getEnterpriseId() != null ? "organization " + installer.getEnterpriseId() : "your workspace";
    return page("Paperboy is installed", "Paperboy is installed in " + where
        + ". Invite it to a channel and type /subscribe there to get the daily digest.");
  }

  @Override
  public String renderFailurePage(String installPath, String reason) {
    return page("Paperboy was not installed", "The install did not finish (" + reason + "). Start again from "
        + installPath + ".");
  }

  static String page(String title, String text) {
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title></head><body><h1>"
        + escape(title) + "</h1><p>" + escape(text) + "</p></body></html>";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
