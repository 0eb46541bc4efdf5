using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout39.Support;
using PrivacyHoldout39.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout39.Transport;

// Riders who share a commuter carpool group can message each other and block another rider. Riders
// aged 16 and 17 have teen accounts: a guardian is told when they join a group, and their messages can
// only go to the group, never to one adult.

public sealed record CarpoolRider(Guid RiderId, string DisplayName, bool IsTeen, string? GuardianEmail);

public sealed record RiderMessage(Guid MessageId, string GroupId, Guid FromRiderId, Guid? ToRiderId, string Text);

public interface ICarpoolDirectory
{
    Task<CarpoolRider> GetAsync(Guid riderId, CancellationToken cancellationToken);

    Task<IReadOnlySet<Guid>> BlockedByAsync(Guid riderId, CancellationToken cancellationToken);

    Task BlockAsync(Guid riderId, Guid blockedRiderId, CancellationToken cancellationToken);
}

public sealed class CarpoolMessageRelay(
    ICarpoolDirectory directory,
    IPushSender push,
    IMailSender mail,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<CarpoolMessageRelay> logger)
{
    private static readonly ActivitySource Source = new("Carpool.Messaging");
    private readonly Counter<long> _dropped = meter.CreateCounter<long>("carpool.messages.dropped");

    public async Task RelayAsync(RiderMessage message, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("carpool.message.relay");
        activity?.SetTag("carpool.group", message.GroupId); // clean precision-about
        activity?.SetTag("carpool.direct", message.ToRiderId is not null); // clean precision-about
        activity?.SetBaggage("carpool.sender", pseudonymizer.ComputeCommunityMemberId(message.FromRiderId.ToString())); // clean precision-pseudonym

        var sender = await directory.GetAsync(message.FromRiderId, cancellationToken);
        if (message.ToRiderId is { } to)
        {
            var blocked = await directory.BlockedByAsync(to, cancellationToken);
            if (blocked.Contains(message.FromRiderId))
            {
                _dropped.Add(1, new KeyValuePair<string, object?>("reason", "blocked")); // clean precision-about
                logger.LogInformation("Dropped message from {Sender} blocked by {Recipient}", message.FromRiderId, to); // leak TC1001 direct
                return;
            }

            if (sender.IsTeen)
            {
                _dropped.Add(1, new KeyValuePair<string, object?>("reason", "teen-direct"), new KeyValuePair<string, object?>("rider", sender.RiderId)); // leak TC1003 direct
                return;
            }

            await push.SendAsync(to.ToString(), sender.DisplayName, message.Text, cancellationToken);
        }

        activity?.SetTag("carpool.message.preview", message.Text.Length > 40 ? message.Text[..40] : message.Text); // leak TC1001 strings
    }

    public async Task BlockAsync(Guid riderId, Guid blockedRiderId, CancellationToken cancellationToken)
    {
        await directory.BlockAsync(riderId, blockedRiderId, cancellationToken);
        var blocked = await directory.BlockedByAsync(riderId, cancellationToken);
        Activity.Current?.SetTag("carpool.blocks.count", blocked.Count); // clean precision-about
        Activity.Current?.SetTag("carpool.blocks", string.Join(",", blocked)); // leak TC1001 logging-objects
    }

    public async Task JoinedGroupAsync(CarpoolRider rider, string groupId, CancellationToken cancellationToken)
    {
        if (rider is { IsTeen: true, GuardianEmail: { } guardian })
        {
            await mail.SendAsync(guardian, "Your teen joined a carpool group", $"{rider.DisplayName} joined group {groupId}.", cancellationToken);
            logger.LogInformation("Guardian {Guardian} told that {Rider} joined {GroupId}", guardian, rider.DisplayName, groupId); // leak TC1001 direct
            meter.CreateCommunityInvitationsCounter().Add(1, "guardian-notice", communityOutcome: "sent"); // clean precision-about
        }
    }
}
