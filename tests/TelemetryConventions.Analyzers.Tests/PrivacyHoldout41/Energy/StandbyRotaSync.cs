using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout41.Support;
using PrivacyHoldout41.Telemetry;

namespace PrivacyHoldout41.Energy;

/// <summary>One engineer's standby (on-call) week on a patch, as the rota holds it.</summary>
public sealed record StandbyEntry(string StaffNumber, string DisplayName, string MobileNumber, string WorkEmail, string Patch, DateTimeOffset From, DateTimeOffset To);

/// <summary>Thrown when a patch has no engineer on standby for part of the week.</summary>
public sealed class StandbyGapException(string patch, DateTimeOffset from, DateTimeOffset to)
    : Exception($"Patch {patch} has no standby engineer from {from:u} to {to:u}.");

/// <summary>
/// Pushes next week's standby rota to the emergency call-handling system, which rings the engineer's
/// mobile when a gas escape is reported on their patch.
/// </summary>
public sealed class StandbyRotaSync(HttpClient callHandling, ILogger<StandbyRotaSync> logger)
{
    private const string Route = "api/standby/{staffNumber}";

    public async Task SyncAsync(string patch, IReadOnlyList<StandbyEntry> week, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Patch"] = patch, ["Entries"] = week.Count }); // clean logging-objects
        logger.LogInformation("Standby on {Patch}: {Engineers}", patch, string.Join(", ", week.Select(e => e.DisplayName))); // leak TC1001 logging-objects

        try
        {
            var gap = week.Zip(week.Skip(1)).FirstOrDefault(p => p.Second.From > p.First.To);
            if (gap.First is not null)
            {
                throw new StandbyGapException(patch, gap.First.To, gap.Second.From);
            }

            foreach (var entry in week)
            {
                activity?.SetTag("standby.mobile", entry.MobileNumber); // leak TC1001 direct
                activity?.SetTag("standby.mobile_prefix", entry.MobileNumber[..3]); // clean precision-about
                activity?.SetTag(WorkforceAttributes.EmployeeContact, entry.WorkEmail); // leak TC1001 generated-api
                var response = await callHandling.PutAsJsonAsync($"api/standby/{entry.StaffNumber}", new { entry.MobileNumber, entry.From, entry.To }, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    logger.LogWarning("Call handling refused {Uri} with {Status}", response.RequestMessage?.RequestUri, (int)response.StatusCode); // leak TC1001 strings
                    logger.LogWarning("Call handling refused {Route} with {Status}", Route, (int)response.StatusCode); // clean precision-names
                    logger.LogDebug("Refused entry {@Entry}", entry); // leak TC1001 logging-objects
                }
            }
        }
        catch (StandbyGapException ex)
        {
            logger.LogError(ex, "Standby rota has a gap"); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }
        catch (HttpRequestException ex)
        {
            logger.LogError(ex, "Call handling unreachable for {Patch}", patch); // clean exceptions
        }
    }
}
