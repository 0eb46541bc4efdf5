using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public sealed partial class PrivacyCorpusTests
{
    /// <summary>
    /// A hundred-and-fifteenth corpus (see <c>PrivacyHoldout115/README.md</c>), written apart from the
    /// analyzers and their rule pages, on feature flags, experiments and remote configuration: OpenFeature
    /// evaluation contexts with targeting keys and a team's tracing hook, LaunchDarkly-style contexts and
    /// evaluation details, Unleash contexts, strategies and impressions, GrowthBook experiment results with
    /// their hash attribute and bucket, percentage rollouts and local bucketing, named-user overrides,
    /// kill switches, Remote Config templates with their conditions and publishers, and flag audit and
    /// change webhooks; and the generated API beside them (an evaluate span and a change span with typed
    /// setters, an exposure event as span event and log, an evaluations counter and a duration histogram);
    /// with the clean cases beside them (flag keys, variants, reasons, rule ids, segments of things,
    /// rollout percentages, override counts, stickiness and hash attribute names, company devices,
    /// pseudonyms, keyed buckets, exceptions that quote nothing personal). 337 marked lines.
    /// Graded as written with the analyzers of commit 273020a: 97 of 120 leaks found (80.8 %), 2 of 217
    /// clean lines reported (0.9 %). The floor guards those figures (80.5 % recall, 1.0 % false positives).
    /// </summary>
    [Fact]
    public Task Hundred_and_fifteenth_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout115"), "PrivacyHoldout115.Telemetry", minimumMarkers: 330,
            requiredRecall: 0.805, allowedFalsePositives: 0.010, TestFolder("PrivacyCorpus", "Shared"));
}
