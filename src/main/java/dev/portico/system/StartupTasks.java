package dev.portico.system;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link StartupTask}s just before the web server starts. {@code ApplicationRunner}s run
 * only after the port is open, so a request could meet a node without its bootstrap operator or
 * demo data; a lifecycle phase below the web server's closes that gap: nothing answers until every
 * task is done (and the readiness probe turns ready later still, after start-up completes).
 */
@Component
class StartupTasks implements SmartLifecycle {

  /** Right before {@link WebServerApplicationContext#START_STOP_LIFECYCLE_PHASE}. */
  static final int PHASE = WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1;

  private static final Logger log = LoggerFactory.getLogger(StartupTasks.class);

  private final ObjectProvider<StartupTask> tasks;
  private volatile boolean running;

  StartupTasks(ObjectProvider<StartupTask> tasks) {
    this.tasks = tasks;
  }

  @Override
  public void start() {
    List<StartupTask> ordered = tasks.orderedStream().toList();
    for (StartupTask task : ordered) {
      log.debug("Start-up task {}", task.getClass().getName());
      task.run();
    }
    running = true;
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
