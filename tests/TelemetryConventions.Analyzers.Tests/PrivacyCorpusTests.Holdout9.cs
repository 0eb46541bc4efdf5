using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public sealed partial class PrivacyCorpusTests
{
    /// <summary>
    /// A ninth corpus (see <c>PrivacyHoldout9/README.md</c>), written apart from the analyzers, their
    /// rule pages and the cases of the other corpora, on the idioms of data-handling jobs: CSV rows
    /// split by position, <c>DataTable</c> rows, <c>IDataReader</c>, <c>XDocument</c>,
    /// <c>JsonDocument</c> and <c>JsonNode</c>, regex captures, parsed query strings, <c>MailAddress</c>
    /// and <c>Uri</c> parts, joins and zips between two sources, identifier-keyed caches, iterators,
    /// tuple and anonymous projections, encodings and the generated API. Graded as written with the
    /// analyzers of commit c51fa7f: 43 of 53 leaks found (81.1 %), 0 of 72 clean lines reported
    /// (0.0 %). A change made before its grading was seen (a slice to an identifier's length) left that
    /// unchanged. Two of its misses were general and are closed since (a tuple logged whole, judged by
    /// its elements' names, and a collection named in the plural of a person word): 45 of 53 (84.9 %),
    /// 0 of 72. With buckets of unkeyed hashes since: 46 of 53 (86.8 %), 0 of 72 (0.0 %). The floor guards those figures (86 % recall, 0 % false positives).
    /// </summary>
    [Fact]
    public Task Ninth_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout9"), "PrivacyHoldout9.Telemetry", minimumMarkers: 110,
            requiredRecall: 0.86, allowedFalsePositives: 0.0);
}
