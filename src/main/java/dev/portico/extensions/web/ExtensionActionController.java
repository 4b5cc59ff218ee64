package dev.portico.extensions.web;

import dev.portico.accounts.User;
import dev.portico.extensions.ActionResult;
import dev.portico.extensions.ExtensionActions;
import dev.portico.system.InvalidInput;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Runs an extension's action from the console with htmx (EXT-4): the answer is the response dialog
 * as a fragment ({@code <div id="action-response">}), always with 200 so that htmx swaps it,
 * failures included. The same path answers JSON in {@link ExtensionActionRestController}.
 */
@Controller
class ExtensionActionController {

  private final ExtensionActions actions;

  ExtensionActionController(ExtensionActions actions) {
    Assert.notNull(actions, "actions cannot be null");
    this.actions = actions;
  }

  @PostMapping(path = "/extensions/{extId}/run", headers = "HX-Request=true")
  String runAction(
      User me,
      @PathVariable UUID extId,
      @RequestParam MultiValueMap<String, String> params,
      Model model) {
    ActionResult result;
    try {
      result = actions.run(me, extId, ActionContextParams.of(params));
    } catch (InvalidInput e) {
      var violation = e.violations().get(0);
      result =
          ActionResult.failed(
              ActionResult.Kind.INVALID_CONTEXT,
              "The context value " + violation.field() + " " + violation.message() + ".");
    }
    model.addAttribute("result", result);
    return "extensions/action-response :: response";
  }
}
