package org.entropyharness.cluster;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two job scripts of a submission, from mustache templates beside this class. Every {@code {{value}}} in the
 * templates is written as one single-quoted shell word, so paths and class paths cannot break the script; the
 * {@code #SBATCH} lines take {@code {{{value}}}} unquoted, from values already checked to hold no whitespace.
 */
public final class SlurmScripts {
  private static final DefaultMustacheFactory SHELL = new ShellQuotingFactory();

  private SlurmScripts() {}

  /** The job array's script: task K runs shard K of every suite. */
  public static String shard(SlurmPlan plan) {
    Map<String, Object> scope = common(plan);
    scope.put("directives", plan.resources().shardOptions());
    return render("shard.sbatch.mustache", scope);
  }

  /** The merge job's script: merges each suite's shards, gates the merged run and, if asked, files it. */
  public static String merge(SlurmPlan plan) {
    Map<String, Object> scope = common(plan);
    scope.put("directives", plan.resources().mergeOptions());
    scope.put("history", plan.history() == null ? "" : plan.history().toAbsolutePath().normalize().toString());
    scope.put("gateOptions", plan.requireBaselines() ? List.of("--require-baselines") : List.of());
    return render("merge.sbatch.mustache", scope);
  }

  private static Map<String, Object> common(SlurmPlan plan) {
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("jobName", plan.jobName());
    scope.put("shards", Integer.toString(plan.shards()));
    scope.put("work", plan.layout().dir().toString());
    scope.put("logs", plan.layout().logs().toString());
    scope.put("root", plan.root().toAbsolutePath().normalize().toString());
    scope.put("harness", plan.harness().words());
    scope.put("suites", plan.suites().stream().map(s -> Map.of("name", s.name(), "file", s.file().toString())).toList());
    return scope;
  }

  private static String render(String template, Map<String, Object> scope) {
    Mustache mustache = SHELL.compile(template);
    StringWriter out = new StringWriter();
    mustache.execute(out, List.of(scope));
    return out.toString();
  }

  /** Escapes as shell words instead of HTML. */
  private static final class ShellQuotingFactory extends DefaultMustacheFactory {
    ShellQuotingFactory() {
      super("org/entropyharness/cluster");
    }

    @Override
    public void encode(String value, Writer writer) {
      try {
        writer.write(ShellWords.quote(value));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
