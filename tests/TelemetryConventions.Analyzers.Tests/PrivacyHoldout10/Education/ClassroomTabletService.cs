using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.NetworkInformation;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout10.Support;
using PrivacyHoldout10.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout10.Education;

public sealed record TabletCheckout(Guid TabletId, string AssetTag, string StudentNumber, string StudentDisplayName, string GuardianPhone, string RoomCode);

public sealed record TabletHeartbeat(string AssetTag, PhysicalAddress Mac, string Firmware, int BatteryPercent, string? SignedInStudent);

public interface ICheckoutLedger
{
    TabletCheckout? Current(string assetTag);
}

/// <summary>Class-set tablets report a heartbeat on <c>school/{room}/tablets/{assetTag}</c>.</summary>
public sealed partial class ClassroomTabletService : IMqttMessageHandler
{
    private static readonly ActivitySource Source = new("PrivacyHoldout10.Education.Tablets");
    private static readonly Meter Meter = new("PrivacyHoldout10.Education.Tablets");
    private static readonly Histogram<int> Battery = Meter.CreateHistogram<int>("tablet.battery", "%");

    private readonly ICheckoutLedger _ledger;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly ILogger<ClassroomTabletService> _logger;

    public ClassroomTabletService(ICheckoutLedger ledger, Pseudonymizer pseudonymizer, ILogger<ClassroomTabletService> logger)
    {
        _ledger = ledger;
        _pseudonymizer = pseudonymizer;
        _logger = logger;
    }

    public Task HandleAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        var parts = message.Topic.Split('/');
        var room = parts[1];
        var assetTag = parts[3];
        var body = Encoding.ASCII.GetString(message.PayloadSegment);
        var fields = body.Split(';');
        var heartbeat = new TabletHeartbeat(assetTag, PhysicalAddress.Parse(fields[0]), fields[1], int.Parse(fields[2]), fields.Length > 3 ? fields[3] : null);

        using var activity = Source.StartActivity("tablet.heartbeat");
        activity?.SetTag("tablet.room", room); // clean precision-names
        activity?.SetTag("tablet.asset", heartbeat.AssetTag); // clean precision-names
        activity?.SetTag("tablet.mac", heartbeat.Mac.ToString()); // clean precision-names
        activity?.SetTag("mqtt.topic", message.Topic); // clean strings
        Battery.Record(heartbeat.BatteryPercent, new KeyValuePair<string, object?>("tablet.firmware", heartbeat.Firmware)); // clean precision-names

        if (heartbeat.SignedInStudent is { } student)
        {
            activity?.SetTag("tablet.signed_in", true); // clean precision-about
            activity?.SetTag("tablet.user", student); // leak TC1001 direct
            LogSignedIn(_logger, heartbeat.AssetTag, student); // leak TC1001 logging-objects
        }

        var checkout = _ledger.Current(assetTag);
        if (checkout is null)
        {
            return Task.CompletedTask;
        }

        using var batch = Source.StartDeviceBatch("class-tablet");
        batch.SetDeviceOwnerId(_pseudonymizer.Pseudonymize("student", checkout.StudentNumber)); // clean generated-api
        batch.SetDeviceNote($"checked out to {checkout.StudentDisplayName}"); // leak TC1001 generated-api
        batch.SetDeviceNote($"checked out in {checkout.RoomCode}"); // clean generated-api
        _logger.LogInformation("Checkout {@Checkout} still open", checkout); // leak TC1001 logging-objects
        _logger.LogInformation("Checkout of {Tablet} still open", checkout.TabletId); // clean precision-names
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tablet {AssetTag} signed in by {Student}")]
    private static partial void LogSignedIn(ILogger logger, string assetTag, string student);
}

/// <summary>Sends a guardian a notice when a tablet is not returned.</summary>
public sealed partial class OverdueTabletNotifier(Pseudonymizer pseudonymizer, ILogger<OverdueTabletNotifier> logger)
{
    private static readonly ActivitySource Source = new("PrivacyHoldout10.Education.Overdue");

    public void Notify(IReadOnlyList<TabletCheckout> overdue)
    {
        using var activity = Source.StartActivity("tablet.overdue");
        activity?.SetTag("tablet.overdue.count", overdue.Count); // clean precision-about
        activity?.SetTag("tablet.overdue.students", string.Join(",", overdue.Select(o => o.StudentNumber))); // leak TC1001 strings

        foreach (var checkout in overdue)
        {
            var studentRef = pseudonymizer.Pseudonymize("student", checkout.StudentNumber);
            LogNotice(logger, studentRef.Value, checkout.GuardianPhone); // clean logging-objects
            activity?.AddEvent(new ActivityEvent("guardian.notified", tags: new ActivityTagsCollection { ["guardian.phone"] = checkout.GuardianPhone })); // leak TC1001 direct
            activity?.AddEvent(new ActivityEvent("guardian.notified", tags: new ActivityTagsCollection { ["guardian.phone.known"] = checkout.GuardianPhone.Length > 0 })); // clean precision-about
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice for {StudentRef} sent to {GuardianPhone}")]
    private static partial void LogNotice(ILogger logger, string studentRef, [PrivateData] string guardianPhone);
}
