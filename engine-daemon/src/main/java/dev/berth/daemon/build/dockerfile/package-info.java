/**
 * The Dockerfile language as dockerd's classic builder reads it: pure logic, no I/O.
 *
 * <pre>{@code
 * Dockerfile df = Dockerfile.parse(text, dockerfilePath);           // DockerfileException (400) with dockerd's text
 * df.warnings().forEach(stderr::println);                             // empty continuation lines
 * List<Stage> stages = Dockerfile.withBuildLabels(df.stagesFor(target), labels);
 * int total = df.totalSteps(stages);                                  // "Step n/total"
 * ShellLex lex = new ShellLex(df.escapeToken());
 * BuildArgs args = new BuildArgs(buildargs);
 * for (Instruction.Arg a : df.metaArgs()) {                           // steps 1..k
 *   a.expand(new Expansion(lex, args.allowedValues())).args().forEach(d -> args.addMetaArg(d.key(), d.defaultValue()));
 * }
 * for (Stage s : stages) {
 *   BuildArgs stageArgs = args.forStage();
 *   Instruction.From from = s.from().expand(lex, args.metaValues()); // base image or earlier stage name
 *   for (Instruction raw : s.commands()) {
 *     ClassicBuilderSupport.check(raw);                               // RUN --mount, --chmod … fail here, like dockerd
 *     Instruction i = raw.expand(new Expansion(lex, stageArgs.expansionEnv(runConfig.env())));
 *     switch (i) { case Instruction.Run r -> … r.command().resolve(shell) …; case Instruction.Arg a -> stageArgs.addArg(…); … }
 *   }
 *   args.mergeReferenced(stageArgs);
 * }
 * args.unusedWarning().ifPresent(stdout::print);
 * }</pre>
 *
 * <p>{@link dev.berth.daemon.build.dockerfile.DockerIgnore} holds the {@code .dockerignore} rules.
 */
package dev.berth.daemon.build.dockerfile;
