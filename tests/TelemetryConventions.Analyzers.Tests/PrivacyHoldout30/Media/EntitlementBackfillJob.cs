using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout30.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout30.Media;

public sealed class EntitlementConflictException(Guid subscriberId, string entitlementId)
    : Exception($"Subscriber {subscriberId} already holds entitlement {entitlementId}");

public interface IEntitlementClient
{
    /// <summary>Grants the goodwill entitlement; throws <see cref="TimeoutException"/> when the entitlement service is slow.</summary>
    Task<string> GrantAsync(Guid subscriberId, string offerCode, CancellationToken cancellationToken);
}

/// <summary>
/// <c>media-ops backfill-entitlements affected.txt --offer GOODWILL-MAY [--dry-run]</c>: grants the goodwill month to
/// subscribers hit by the May billing incident (one subscriber id per line).
/// </summary>
public sealed class EntitlementBackfillJob(IEntitlementClient entitlements, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<EntitlementBackfillJob> logger)
{
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var file = args[0];
        var offer = args.Length > 2 && args[1] == "--offer" ? args[2] : "GOODWILL";
        var dryRun = Array.IndexOf(args, "--dry-run") >= 0;
        using var run = source.StartJobRun("backfill-entitlements");
        run.SetJobDryRun(dryRun); // clean precision-about

        var seen = new HashSet<string>();
        int granted = 0, line = 0;
        foreach (var text in await File.ReadAllLinesAsync(file, cancellationToken))
        {
            line++;
            if (!Guid.TryParse(text, out var subscriberId))
            {
                run.AddJobRowSkippedEvent($"line {line}: not a subscriber id"); // clean precision-names
                continue;
            }

            var dedupeKey = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(text)));
            if (!seen.Add(dedupeKey))
            {
                logger.LogDebug("Duplicate line {Line}, key {DedupeKey}", line, dedupeKey); // leak TC1002 hashes
                continue;
            }

            var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(text))[0] % 16;
            logger.LogTrace("Line {Line} on shard {Shard}", line, shard); // clean hashes
            if (dryRun)
            {
                run.AddJobRowSkippedEvent("dry run", pseudonymizer.PseudonymizeJobSubjectId(text)); // clean precision-pseudonym
                continue;
            }

            try
            {
                var entitlementId = await entitlements.GrantAsync(subscriberId, offer, cancellationToken);
                granted++;
                meter.CreateJobRowsCounter().Add(1, "backfill-entitlements", "granted"); // clean precision-names
                logger.LogDebug("Granted {EntitlementId} at line {Line}", entitlementId, line); // clean precision-names
            }
            catch (EntitlementConflictException ex)
            {
                logger.LogWarning(ex, "Goodwill already granted"); // leak TC1001 exceptions
                run.AddJobRowSkippedEvent($"subscriber {subscriberId} already entitled"); // leak TC1001 generated-api
                meter.CreateJobRowsCounter().Add(1, "backfill-entitlements", $"conflict:{subscriberId:N}"); // leak TC1003 generated-api
            }
            catch (TimeoutException ex)
            {
                logger.LogError(ex, "Entitlement service timed out at line {Line}", line); // clean exceptions
                return 3;
            }
        }

        run.SetJobRowsTouched(granted); // clean precision-about
        return 0;
    }
}
