using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout36.Support;
using PrivacyHoldout36.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout36.Media;

public sealed record PlaybackStart(Guid SubscriberId, Guid ProfileId, string ProfileName, string DeviceId, string DeviceClass, IPAddress ClientAddress, string TitleId);

public sealed record HouseholdEstimate(Guid SubscriberId, int Households, IReadOnlyList<string> Networks, IReadOnlyList<string> Devices);

/// <summary>
/// Estimates how many households stream on one account (distinct home networks and devices over 30
/// days) and flags accounts shared beyond the plan's allowance.
/// </summary>
public sealed partial class AccountSharingMonitor(
    IVelocityStore velocity,
    Pseudonymizer pseudonymizer,
    ILogger<AccountSharingMonitor> logger,
    Meter meter)
{
    private readonly Histogram<long> _households = meter.CreateHistogram<long>("playback.sharing.households");

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Sharing flagged for profile {ProfileName} on device {DeviceId}")]
    private partial void LogSharingFlagged(string profileName, string deviceId);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "Sharing flagged for subscriber {SubscriberRef}, {Households} households")]
    private partial void LogSharingFlaggedRef(Pseudonym subscriberRef, int households);

    public async Task<HouseholdEstimate> ObserveAsync(PlaybackStart start, string plan, CancellationToken ct)
    {
        var network = NetworkOf(start.ClientAddress);
        var networks = await velocity.AddDistinctAsync($"sharing-net:{start.SubscriberId:N}", network, TimeSpan.FromDays(30), ct);
        var devices = await velocity.AddDistinctAsync($"sharing-dev:{start.SubscriberId:N}", start.DeviceId, TimeSpan.FromDays(30), ct);

        var estimate = new HouseholdEstimate(
            start.SubscriberId,
            (int)Math.Min(networks, Math.Max(1, devices / 3)),
            await velocity.MembersAsync($"sharing-net:{start.SubscriberId:N}", ct),
            await velocity.MembersAsync($"sharing-dev:{start.SubscriberId:N}", ct));

        _households.Record(estimate.Households, new KeyValuePair<string, object?>("plan", plan), new KeyValuePair<string, object?>("device_class", start.DeviceClass)); // clean precision-names
        Activity.Current?.SetTag("playback.title", start.TitleId); // clean direct
        Activity.Current?.SetTag("playback.sharing.networks", networks); // clean precision-about
        Activity.Current?.SetTag("playback.sharing.device_list", string.Join(",", estimate.Devices)); // leak TC1001 strings

        var allowance = plan == "premium" ? 2 : 1;
        if (estimate.Households > allowance)
        {
            meter.CreateAbuseSignalsCounter().Add(1, "account-sharing", abuseQueue: plan); // clean generated-api
            meter.CreateAbuseSignalsCounter().Add(1, "account-sharing", abuseQueue: $"sharing:{start.ProfileName}"); // leak TC1003 generated-api
            LogSharingFlagged(start.ProfileName, start.DeviceId); // leak TC1001 cross-member
            LogSharingFlaggedRef(pseudonymizer.PseudonymizeAbuseActorId(start.SubscriberId.ToString()), estimate.Households); // clean precision-pseudonym
            logger.LogInformation("Household estimate {Estimate}", estimate); // leak TC1001 logging-objects
            Trace.TraceWarning("Account sharing over allowance on {0}: {1} households", start.SubscriberId, estimate.Households); // leak TC1001 direct
        }

        return estimate;
    }

    private static string NetworkOf(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return bytes.Length == 4 ? $"{bytes[0]}.{bytes[1]}.{bytes[2]}.0/24" : Convert.ToHexString(bytes, 0, 8);
    }
}
