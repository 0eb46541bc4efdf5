using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout34.Support.Documents;
using PrivacyHoldout34.Telemetry;

namespace PrivacyHoldout34.Media;

/// <summary>Keeps the presenters' contract versions: each save by business affairs or the presenter's agent is a version.</summary>
public sealed class ContractVersionLog(IDocumentVersionStore versions, IDocumentComparer comparer, ILogger<ContractVersionLog> logger)
{
    private static readonly ActivitySource Source = new("Studio.Contracts");

    public async Task SummariseAsync(string contractId, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("contract.versions");
        var history = await versions.GetVersionsAsync(contractId, cancellationToken);
        activity?.SetTag("contract.id", contractId);
        activity?.SetTag("contract.versions", history.Count); // clean precision-about
        logger.LogDebug("Latest version {Version}", history[^1]); // leak TC1001 logging-objects
        logger.LogDebug("Latest version {Number} saved {SavedAt}", history[^1].Number, history[^1].SavedAt); // clean precision-about

        for (var i = 1; i < history.Count; i++)
        {
            var comparison = comparer.Compare(history[i - 1], history[i]);
            var clauses = comparison.Revisions.Select(r => r.ClauseId).Distinct();
            activity?.AddEvent(new ActivityEvent("contract.version.compared", tags: new ActivityTagsCollection { [DocumentAttributes.Note] = $"v{history[i].Number}: {comparison.Insertions}+ {comparison.Deletions}- in {string.Join(",", clauses)}" })); // clean generated-api
            activity?.AddEvent(new ActivityEvent("contract.version.saved", tags: new ActivityTagsCollection { [DocumentAttributes.Note] = $"v{history[i].Number} by {history[i].Author}" })); // leak TC1001 generated-api
        }
    }
}
