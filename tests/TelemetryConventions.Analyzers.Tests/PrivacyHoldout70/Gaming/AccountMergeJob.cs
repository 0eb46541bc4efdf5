using System.Security.Cryptography;
using System.Text;
using PrivacyCorpus.Shared;

namespace PrivacyHoldout70.Gaming;

/// <summary>A request to merge a duplicate game account into the one the player keeps.</summary>
public sealed record MergeRequest(string MergeId, Guid KeepPlayerId, Guid RetirePlayerId, string RequestedByEmail, DateTimeOffset RequestedAt);

public sealed record MergeResult(string MergeId, int ItemsMoved, int CurrencyMoved, int LinksMoved, IReadOnlyList<string> SkippedEntitlements);

public interface IMergeExecutor
{
    Task<MergeResult> MergeAsync(MergeRequest request, CancellationToken cancellationToken);
}

/// <summary>Thrown when the retiring account still has a purchase in flight. Quotes the account.</summary>
public sealed class MergeConflictException(Guid retirePlayerId, string orderId)
    : Exception($"Account {retirePlayerId} has order {orderId} in flight");

/// <summary>The support team's merge queue: one merge at a time, with the accounts locked.</summary>
public sealed class AccountMergeJob(
    IMergeExecutor executor,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<AccountMergeJob> logger)
{
    private readonly LinkingLinksCounter _links = meter.CreateLinkingLinksCounter();
    private readonly Histogram<int> _itemsMoved = meter.CreateHistogram<int>("linking.merge.items");
    private readonly Dictionary<Guid, int> _attemptsByAccount = new();

    public async Task RunAsync(IReadOnlyList<MergeRequest> queue, CancellationToken cancellationToken)
    {
        using var batch = source.StartActivity("linking.merge.batch");
        batch?.SetTag("linking.merge.queued", queue.Count); // clean precision-about

        foreach (var request in queue)
        {
            using var span = source.StartLinkingLink("game", spanName: $"merge {request.MergeId}"); // clean generated-api
            span.SetLinkingMergeId(request.MergeId).SetLinkingAction(LinkingAction.Merge); // clean generated-api
            span.SetLinkingPlayerId(pseudonymizer.PseudonymizeLinkingPlayerId(request.KeepPlayerId.ToString())); // clean precision-pseudonym
            span.Activity?.SetTag("linking.merge.retired", pseudonymizer.ComputeLinkingPlayerId(request.RetirePlayerId.ToString())); // clean precision-pseudonym
            span.Activity?.SetTag("linking.merge.requested_by", request.RequestedByEmail); // leak TC1001 direct
            span.Activity?.SetTag("linking.merge.requested_by.staff", request.RequestedByEmail.EndsWith("@studio.example", StringComparison.OrdinalIgnoreCase)); // clean precision-about
            logger.LogDebug("Merge {MergeId} requested by {Requester}", request.MergeId, request.RequestedByEmail.Split('@')[0]); // leak TC1001 strings
            _attemptsByAccount[request.RetirePlayerId] = _attemptsByAccount.GetValueOrDefault(request.RetirePlayerId) + 1;

            try
            {
                var result = await executor.MergeAsync(request, cancellationToken);
                _itemsMoved.Record(result.ItemsMoved, new KeyValuePair<string, object?>("linking.merge.links_moved", result.LinksMoved)); // clean precision-about
                logger.LogInformation("Merge {MergeId} done: {Result}", request.MergeId, result); // clean logging-objects
                logger.LogInformation("Merged {Retire} into {Keep}", request.RetirePlayerId, request.KeepPlayerId); // leak TC1001 direct
                _links.Add(1, "game", LinkingAction.Merge, result.SkippedEntitlements.Count > 0 ? "merged:partial" : "merged"); // clean generated-api
            }
            catch (MergeConflictException ex)
            {
                logger.LogWarning(ex, "Merge {MergeId} postponed", request.MergeId); // leak TC1001 exceptions
                span.SetLinkingOutcome("postponed:order_in_flight"); // clean exceptions
                span.Activity?.SetTag("linking.merge.sample", Sampled(request.KeepPlayerId)); // leak TC1002 hashes
            }
        }

        batch?.SetTag("linking.merge.retry.accounts", string.Join(",", _attemptsByAccount.Where(a => a.Value > 1).Select(a => a.Key))); // leak TC1001 strings
        logger.LogDebug("Attempts per account {Attempts}", _attemptsByAccount); // leak TC1001 logging-objects
        logger.LogDebug("Accounts retried: {Count}", _attemptsByAccount.Count(a => a.Value > 1)); // clean precision-about
    }

    /// <summary>One merge in 20 is sampled for the QA review.</summary>
    private static bool Sampled(Guid playerId) =>
        BitConverter.ToUInt32(SHA256.HashData(playerId.ToByteArray()), 0) % 20 == 0;
}
