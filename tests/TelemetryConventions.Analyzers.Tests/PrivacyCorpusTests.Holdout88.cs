using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public sealed partial class PrivacyCorpusTests
{
    /// <summary>
    /// An eighty-eighth corpus (see <c>PrivacyHoldout88/README.md</c>), written apart from the
    /// analyzers and their rule pages, on alerting, incidents and ChatOps sent from inside services:
    /// trigger events to a PagerDuty-style Events API with summaries, sources, dedup keys, runbook links
    /// and custom details dictionaries, Slack- and Teams-style webhook messages with blocks, mentions,
    /// buttons and attachments, slash commands received by bot endpoints (the text typed, the member who
    /// typed it, the arguments) and their button callbacks, on-call lookups and escalations with
    /// responders' names, emails, phones and chat member ids, SMS fallbacks, acknowledgement webhooks,
    /// incident timelines and notes, status page updates and error budget burn-rate alerts; and the
    /// generated API beside them (a page span and a command span with typed setters, a page-failed log
    /// event, a pages counter and an acknowledgement latency histogram); with the clean cases beside them
    /// (incident ids, dedup keys built from services and checks, severities, runbook URLs, channel,
    /// schedule and user group ids, counts, SLO names and burn rates, masked phones, email domains,
    /// pseudonyms, keyed shards, exceptions that quote nothing personal). 290 marked lines.
    /// Graded as written with the analyzers of commit 6f87878: 96 of 109 leaks found (88.1 %), 13 of
    /// 181 clean lines reported (7.2 %); with one clean marker corrected to a leak by the corpus's own
    /// decisions (a parsed command printing an unknown verb): 96 of 110 (87.3 %), 13 of 180 (7.2 %).
    /// The floor guards those figures (85 % recall, 7.5 % false positives).
    /// </summary>
    [Fact]
    public Task Eighty_eighth_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout88"), "PrivacyHoldout88.Telemetry", minimumMarkers: 270,
            requiredRecall: 0.85, allowedFalsePositives: 0.075, TestFolder("PrivacyCorpus", "Shared"));
}
