using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout32.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout32.Healthcare;

public sealed record WaitingListEntry(string NhsNumber, string ClinicCode, int Priority, DateTimeOffset AddedAt);

public interface IWaitingListStore
{
    Task<IReadOnlyList<WaitingListEntry>> ForClinicAsync(string clinicCode, CancellationToken cancellationToken);

    Task MarkOfferedAsync(WaitingListEntry entry, Guid slotId, CancellationToken cancellationToken);
}

internal static class ClinicActivityExtensions
{
    public static Activity? TagPatient(this Activity? activity, string nhsNumber) => activity?.SetTag("clinic.patient", nhsNumber); // leak TC1001 direct

    public static Activity? TagSlot(this Activity? activity, ClinicSlot slot) => activity?.SetTag("clinic.slot", slot.Id).SetTag("clinic.slot.start", slot.Start);
}

/// <summary>Offers a released slot to the waiting list, and records the appointments nobody attended.</summary>
public sealed class WaitingListService(IWaitingListStore store, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, Meter meter, ILogger<WaitingListService> logger)
{
    private static readonly ActivitySource Source = new("Clinic.WaitingList");
    private readonly Counter<long> _didNotAttend = meter.CreateCounter<long>("clinic.appointments.dna");

    public async Task OfferReleasedSlotAsync(ClinicSlot slot, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("waitlist.offer");
        activity.TagSlot(slot); // clean cross-member
        var entries = await store.ForClinicAsync(slot.ClinicCode, cancellationToken);
        activity?.SetTag("waitlist.length", entries.Count); // clean precision-about
        if (entries.Count == 0)
        {
            return;
        }

        var candidates = entries.OrderBy(e => e.Priority).ThenBy(e => e.AddedAt).Take(3).ToList();
        activity?.SetTag("waitlist.candidates", string.Join(",", candidates.Select(c => c.NhsNumber))); // leak TC1001 strings
        var first = candidates[0];
        activity.TagPatient(first.NhsNumber); // leak TC1001 cross-member
        activity?.SetTag("waitlist.offer.shard", Shard(first.NhsNumber)); // clean hashes
        activity?.SetTag("waitlist.offer.key", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{first.NhsNumber}:{slot.Id}")))[..16]); // leak TC1002 hashes
        logger.LogInformation("Offering {SlotId} to waiting patient {Patient}", slot.Id, pseudonymizer.ComputeBookingSubjectId(first.NhsNumber)); // clean precision-pseudonym
        logger.LogDebug("Offer goes to {@Entry}", first); // leak TC1001 logging-objects
        await store.MarkOfferedAsync(first, slot.Id, cancellationToken);
    }

    public void RecordDidNotAttend(Appointment appointment, int earlierMissed)
    {
        _didNotAttend.Add(1, new KeyValuePair<string, object?>("clinic", appointment.ClinicCode), new KeyValuePair<string, object?>("repeat", earlierMissed > 0)); // clean precision-about
        if (earlierMissed >= 2)
        {
            logger.LogWarning("Patient {NhsNumber} missed {Count} appointments; discharge review", appointment.NhsNumber, earlierMissed + 1); // leak TC1001 direct
        }
    }

    private string Shard(string nhsNumber)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return (hmac.ComputeHash(Encoding.UTF8.GetBytes(nhsNumber))[0] % 16).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
