package dev.portico.usage.internal;

import dev.portico.accounts.ApiCaller;
import dev.portico.usage.UsageMeter;
import org.springframework.stereotype.Component;

/** SKELETON (issue 9): the metering helper replaces this with the real meter. */
@Component
class MeterInMemory implements UsageMeter {

  @Override
  public boolean exhausted(ApiCaller caller) {
    return false;
  }

  @Override
  public void count(ApiCaller caller, String endpointGroup, int status) {}
}
